import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** A function over every code of a union; `omit` leaves one case out. */
function switchOver(codes: readonly (number | string)[], codeType: string, omit?: number) {
  const cases = codes
    .filter((code) => code !== omit)
    .map((code) => `    case ${JSON.stringify(code)}:`)
    .join('\n');
  return `export function handle(code: ${codeType}): string {
  switch (code) {
${cases}
      return String(code);
    case undefined:
      return 'not a catalog code';
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}
`;
}

const META_CODES = [10, 21, 22, 77, 88, 99, 500, 31, 32];
const SHOP_CODES = [31, 32];

const FIXTURES = {
  /** The generated catalog, as a client that does not share the server's code uses it. */
  generated: (omit?: number) => `
import { type ApiError, parseApiError } from 'nestjs-api-errors/client';
import { ERROR_CODES, type ErrorCode } from '${root}sample/catalog/catalog.js';

export async function read(response: Response): Promise<ApiError<ErrorCode>> {
  const error = await parseApiError(response, { codes: ERROR_CODES.meta });
  handle(error.code);
  return error;
}
${switchOver(META_CODES, 'ErrorCode | undefined', omit)}`,
  /** The server's own entries: defineError keeps literal codes, no generator needed. */
  server: (omit?: number) => `
import { ERR_OUT_OF_STOCK, ERR_PRODUCT_NOT_FOUND } from '${root}sample/src/errors.js';

type ShopCode = (typeof ERR_OUT_OF_STOCK | typeof ERR_PRODUCT_NOT_FOUND)['code'];
${switchOver(SHOP_CODES, 'ShopCode | undefined', omit)}`,
};

/** Type-checks files as a client project would, returning tsc's output and status. */
function typecheck(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'typed-codes-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'ES2023',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          lib: ['ES2023', 'DOM'],
          typeRoots: [join(root, 'node_modules', '@types')],
          types: ['node'],
          paths: {
            'nestjs-api-errors': [join(root, 'src/index.ts')],
            'nestjs-api-errors/client': [join(root, 'src/client/index.ts')],
          },
        },
        files: Object.keys(files),
      }),
    );
    const result = spawnSync('node', [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    return { output: result.stdout + result.stderr, status: result.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('typed codes', { timeout: 120_000 }, () => {
  it('compile: the generated catalog with the client, and a catalog union on the server', () => {
    const { output, status } = typecheck({
      'generated.ts': FIXTURES.generated(),
      'server.ts': FIXTURES.server(),
    });
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('refuse a switch that misses a code, generated or defined on the server', () => {
    const { output, status } = typecheck({
      'generated.ts': FIXTURES.generated(32),
      'server.ts': FIXTURES.server(31),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /generated\.ts\(\d+,\d+\): error TS2322: Type '32' is not assignable to type 'never'/,
    );
    expect(output).toMatch(
      /server\.ts\(\d+,\d+\): error TS2322: Type '31' is not assignable to type 'never'/,
    );
    expect(output.match(/error TS/g)).toHaveLength(2);
  });
});
