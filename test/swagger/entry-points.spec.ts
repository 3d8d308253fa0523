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

describe('the entry points', () => {
  it('never load @nestjs/swagger, or the swagger subpath, from the package root', () => {
    const { files, packages } = graphOf('index.ts');
    expect(files.size).toBeGreaterThan(40);
    expect([...packages].filter((name) => name.startsWith('@nestjs/swagger'))).toStrictEqual([]);
    expect([...files].filter((file) => file.includes('/swagger/'))).toStrictEqual([]);
  });

  it('load @nestjs/swagger from the swagger subpath, through its public entry only', () => {
    const { packages } = graphOf('swagger/index.ts');
    expect(packages).toContain('@nestjs/swagger');
    // Deep imports into Nest's packages differ between Nest 11 and 12.
    expect([...packages].filter((name) => /^@nestjs\/[^/]+\//.test(name))).toStrictEqual([]);
  });
});
