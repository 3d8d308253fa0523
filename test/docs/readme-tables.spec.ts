import { readFileSync } from 'node:fs';
import * as api from 'nestjs-api-errors';
import { ERROR_CATALOG } from 'nestjs-api-errors';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const README = read('README.md');

/** The rows of the first Markdown table after a heading, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const start = README.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const lines = README.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** Property names declared in one interface of a source file. */
function propertiesOf(path: string, interfaceName: string): string[] {
  const source = read(path);
  const body = new RegExp(`interface ${interfaceName}[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  expect(body, `${interfaceName} in ${path}`).toBeDefined();
  return [...body!.matchAll(/^ {2}(?:readonly )?(\w+)\??:/gm)].map((match) => match[1]);
}

describe('the README tables match the code', () => {
  it('lists every option in the configuration table, and nothing else', () => {
    const documented = tableAfter('## Configuration').map((row) => row[0].replace(/`/g, ''));
    const declared = [
      ...propertiesOf('src/interfaces/errors-module-options.interface.ts', 'ErrorsModuleOptions'),
      ...propertiesOf(
        'src/validation/api-validation-pipe-options.interface.ts',
        'ApiValidationPipeOptions',
      ).map((name) => `validation.${name}`),
      ...propertiesOf('src/auth/auth-options.interface.ts', 'AuthOptions').map(
        (name) => `auth.${name}`,
      ),
      ...propertiesOf(
        'src/version/client-version-options.interface.ts',
        'ClientVersionOptions',
      ).map((name) => `clientVersion.${name}`),
      ...propertiesOf('src/interfaces/errors-module-options.interface.ts', 'ErrorsModuleExtras'),
    ];
    expect([...documented].sort()).toStrictEqual([...declared].sort());
  });

  it('shows the catalog exactly as exported', () => {
    const exportedName = (entry: object) =>
      Object.entries(api).find(([name, value]) => value === entry && name !== 'ERROR_CATALOG')?.[0];
    const fromCode = ERROR_CATALOG.map((entry) => [
      `\`${exportedName(entry)}\``,
      String(entry.status),
      String(entry.code),
      entry.title,
    ]);
    expect(tableAfter('## The catalog')).toStrictEqual(fromCode);
  });
});
