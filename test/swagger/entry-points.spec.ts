import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every import specifier of a source file (static imports and re-exports). */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/g)].map(
    (match) => match[1],
  );
}

/** The files an entry loads, following relative imports, and the packages they name. */
function graphOf(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of specifiersOf(file)) {
      if (specifier.startsWith('.'))
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(join(src, entry));
  return { files, packages };
}

/** What the testing entry and the command may load: the client, and the pure parts of the server side. */
const ALLOWED_BESIDE_CLIENT = new Set(['testing', 'cli', 'client', 'catalog', 'formats', 'report']);

describe('the entry points', () => {
  it('never load @nestjs/swagger, or the swagger subpath, from the package root', () => {
    const { files, packages } = graphOf('index.ts');
    expect(files.size).toBeGreaterThan(40);
    expect([...packages].filter((name) => name.startsWith('@nestjs/swagger'))).toStrictEqual([]);
    expect([...files].filter((file) => file.includes('/swagger/'))).toStrictEqual([]);
  });

  it('keep the client to itself: no package, no file outside src/client', () => {
    const { files, packages } = graphOf('client/index.ts');
    expect([...packages]).toStrictEqual([]);
    expect([...files].filter((file) => !file.startsWith(join(src, 'client')))).toStrictEqual([]);
  });

  it.each(['testing/index.ts', 'cli/main.ts'])(
    'load nothing of Nest, and no filter, guard or OpenAPI code, from %s',
    (entry) => {
      const { files, packages } = graphOf(entry);
      expect([...packages].filter((name) => !name.startsWith('node:'))).toStrictEqual([]);
      const layers = new Set([...files].map((file) => file.slice(src.length).split('/')[0]));
      expect([...layers].filter((layer) => !ALLOWED_BESIDE_CLIENT.has(layer))).toStrictEqual([]);
    },
  );

  it('load @nestjs/swagger from the swagger subpath, through its public entry only', () => {
    const { packages } = graphOf('swagger/index.ts');
    expect(packages).toContain('@nestjs/swagger');
    // Deep imports into Nest's packages differ between Nest 11 and 12.
    expect([...packages].filter((name) => /^@nestjs\/[^/]+\//.test(name))).toStrictEqual([]);
  });
});
