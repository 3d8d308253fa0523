import { readFileSync, writeFileSync } from 'node:fs';
import { crossFormatTable, TABLE_END, TABLE_START } from './cross-format-table.js';

const README = new URL('../../README.md', import.meta.url);

describe("the README's cross-format table", () => {
  it('is the one the code renders (UPDATE_README=1 npm test rewrites it)', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, 'table markers in README.md').toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const shown = readme.slice(start + TABLE_START.length, end).trim();
    const rendered = crossFormatTable();
    if (process.env.UPDATE_README === '1' && shown !== rendered) {
      writeFileSync(
        README,
        `${readme.slice(0, start + TABLE_START.length)}\n${rendered}\n${readme.slice(end)}`,
      );
      return;
    }
    expect(shown).toBe(rendered);
  });
});
