import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The variables in the first table of the README's sample section. */
function documentedVariables(): string[] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## The sample app, step by step'));
  const table = section.slice(section.indexOf('| Variable |'));
  const rows = table.split('\n').slice(2);
  return rows
    .slice(
      0,
      rows.findIndex((row) => !row.startsWith('|')),
    )
    .map((row) => /^\| `(\w+)`/.exec(row)![1]);
}

/** The variables `readConfig` reads: `env.NAME`, or a name handed to a parser with `env`. */
function readVariables(): string[] {
  const source = read('sample/src/config.ts');
  const body = source.slice(source.indexOf('export function readConfig'));
  return [...body.matchAll(/env\.([A-Z_]+)|env, '([A-Z_]+)'/g)].map(
    (match) => match[1] ?? match[2],
  );
}

describe("the README's table of the sample's environment", () => {
  it('lists every variable the sample reads, and nothing else', () => {
    expect(new Set(documentedVariables())).toStrictEqual(new Set(readVariables()));
    expect(readVariables()).toContain('LOGIN_RATE_LIMIT');
  });
});
