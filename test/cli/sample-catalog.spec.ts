import { readFileSync } from 'node:fs';
import * as sampleErrors from '../../sample/src/errors.js';
import { catalogDocument, entriesOfModule } from '../../src/cli/catalog-document.js';
import { FILE_NAMES, OUTPUT_FORMS } from '../../src/cli/render-catalog.js';
import { renderCatalog } from '../../src/cli/run.js';

describe("the sample's committed catalog (sample/catalog/)", () => {
  const document = catalogDocument(entriesOfModule(sampleErrors));

  it('lists the shop entries after the built-in ones', () => {
    expect(document.entries.map((entry) => entry.name).slice(-2)).toStrictEqual([
      'ERR_PRODUCT_NOT_FOUND',
      'ERR_OUT_OF_STOCK',
    ]);
  });

  it.each(OUTPUT_FORMS)('is up to date as %s (npm run catalog rewrites it)', (form) => {
    const committed = readFileSync(
      new URL(`../../sample/catalog/${FILE_NAMES[form]}`, import.meta.url),
      'utf8',
    );
    expect(committed).toBe(renderCatalog(document, form));
  });
});
