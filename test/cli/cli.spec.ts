import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_FORMATS, ERROR_CATALOG } from 'nestjs-api-errors';
import ts from 'typescript';
import { parseArgs, UsageError } from '../../src/cli/parse-args.js';
import { runCli } from '../../src/cli/run.js';

/** Runs the CLI in a folder, capturing what it prints. */
async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

/** The built-in entries' export names, in the catalog's order. */
const builtInNames = [
  'ERR_NOT_SUPPORTED',
  'ERR_USER_NOT_EXISTS',
  'ERR_PASSWORD_NOT_MATCH',
  'ERR_DATABASE_ROLLBACK',
  'ERR_INVALID_PARAMETER',
  'ERR_AUTH_REQUIRED',
  'ERR_UNKNOWN',
];

const entry = (status: number, code: number | string, title: string) =>
  `Object.freeze({ status: ${status}, code: ${JSON.stringify(code)}, title: ${JSON.stringify(title)} })`;

describe('nestjs-api-errors catalog', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalog-cli-'));
    const files: Record<string, string> = {
      'errors.mjs': [
        `export const ERR_SEAT_TAKEN = ${entry(409, 41, 'Seat Taken')};`,
        `export const ERR_OUT_OF_CREDIT = ${entry(402, 'OUT_OF_CREDIT', 'Out Of Credit')};`,
        `export const ERR_BOOKING_CLOSED = ${entry(410, 40, 'Booking | Closed')};`,
        `export const NOT_AN_ENTRY = 'Acme';`,
      ].join('\n'),
      'more.mjs': `export const ERR_TOO_MANY_SEATS = ${entry(422, 42, 'Too Many Seats')};`,
      'clash.mjs': `export const ERR_MINE = ${entry(409, 21, 'Mine')};`,
      'invalid.mjs': `export const ERR_FINE = ${entry(200, 50, 'Fine')};`,
      'nothing.mjs': `export const VERSION = '1.0';`,
      'throws.mjs': `throw new Error('boom\\n    at secret (/srv/app.js:1:1)');`,
      'reserved.mjs': `export const CATALOG = ${entry(409, 60, 'Reserved')};`,
      'errors.ts': `export const ERR_X = 1;`,
      // A barrel re-exporting the library, OK included, next to the app's own entries.
      'barrel.mjs': [
        `export * from 'nestjs-api-errors';`,
        `export { OK as SUCCESS } from 'nestjs-api-errors';`,
        `export const ERR_SEAT_TAKEN = ${entry(409, 41, 'Seat Taken')};`,
      ].join('\n'),
      // The library's OK as another install of the package has it: an equal object.
      'copied-ok.mjs': [
        `export const OK = ${entry(200, 200, 'OK')};`,
        `export const ERR_SEAT_TAKEN = ${entry(409, 41, 'Seat Taken')};`,
      ].join('\n'),
      'default.mjs': `export default ${entry(409, 43, 'Seat Gone')};`,
      'named-default.mjs': [
        `export const ERR_SEAT_GONE = ${entry(409, 43, 'Seat Gone')};`,
        `export default ERR_SEAT_GONE;`,
      ].join('\n'),
      'keyword.mjs': `const taken = ${entry(409, 44, 'Taken')};\nexport { taken as class };`,
      'string-name.mjs': `const taken = ${entry(409, 44, 'Taken')};\nexport { taken as 'seat-taken' };`,
      'odd-names.mjs': [
        `export const $ = ${entry(409, 45, 'Dollar')};`,
        `export const _private = ${entry(409, 46, 'Underscore')};`,
        `export const undefinedSeat = ${entry(409, 47, 'Undefined Seat')};`,
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    mkdirSync(join(dir, 'folder.js'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON: the built-ins, then the app entries by code, each in every format', async () => {
    const { code, stdout } = await cli(dir, 'catalog', '--entries', './errors.mjs');
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.formats).toStrictEqual(Object.keys(BUILT_IN_FORMATS));
    expect(document.entries.map((e: any) => e.name)).toStrictEqual([
      ...ERROR_CATALOG.map((e) => document.entries.find((d: any) => d.code === e.code).name),
      'ERR_BOOKING_CLOSED',
      'ERR_SEAT_TAKEN',
      'ERR_OUT_OF_CREDIT',
    ]);
    expect(document.entries.slice(0, 7).every((e: any) => e.builtIn)).toBe(true);
    const seat = document.entries.find((e: any) => e.name === 'ERR_SEAT_TAKEN');
    expect(seat).toStrictEqual({
      name: 'ERR_SEAT_TAKEN',
      status: 409,
      code: 41,
      title: 'Seat Taken',
      builtIn: false,
      formats: {
        meta: { status: 409, code: 41, message: 'Seat Taken' },
        error: { status: 409, code: 409, message: 'Already exists' },
        flat: { status: 409, code: 'CONFLICT', message: 'Conflict' },
        error_code: { status: 409, code: 4, message: 'Invalid parameter value' },
        problem: {
          status: 409,
          code: 41,
          message: 'Seat Taken',
          type: 'urn:problem-type:seat-taken',
        },
      },
    });
  });

  it('matches what each format renders for every entry', async () => {
    const { stdout } = await cli(
      dir,
      'catalog',
      '--entries',
      'errors.mjs',
      '--entries',
      'more.mjs',
    );
    const where: Record<string, (body: any) => unknown> = {
      meta: (body) => body.meta.code,
      error: (body) => body.error.code,
      flat: (body) => body.code,
      error_code: (body) => body.error_code,
      problem: (body) => body.code,
    };
    for (const e of JSON.parse(stdout).entries) {
      for (const [name, format] of Object.entries(BUILT_IN_FORMATS)) {
        const definition = { status: e.status, code: e.code, title: e.title };
        const { status, body } = format.render({ definition }, { method: 'GET', url: '/' });
        expect(e.formats[name], `${e.name} in ${name}`).toMatchObject({
          status,
          code: where[name](body),
        });
      }
    }
  });

  it('writes the Markdown reference table, in any format', async () => {
    const { stdout } = await cli(dir, 'catalog', '--entries', 'errors.mjs', '--as', 'md');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| Export | HTTP status | code | message |');
    expect(lines).toContain('| `ERR_AUTH_REQUIRED` | 401 | 99 | Authentication Required |');
    expect(lines).toContain('| `ERR_BOOKING_CLOSED` | 410 | 40 | Booking \\| Closed |');
    const flat = await cli(dir, 'catalog', '--as=markdown', '--error-format', 'flat');
    expect(flat.stdout).toContain('| `ERR_AUTH_REQUIRED` | 401 | UNAUTHORIZED | Unauthorized |');
  });

  it('writes TypeScript', async () => {
    const { stdout } = await cli(dir, 'catalog', '--entries', 'errors.mjs', '--as', 'ts');
    expect(stdout).toContain('export const ERR_SEAT_TAKEN = {');
    expect(stdout).toContain("    flat: { status: 409, code: 'CONFLICT' },");
    expect(stdout).toContain("  title: 'Booking | Closed',");
    expect(stdout).toMatch(/ {2}meta: \[10, 21, 22, 77, 88, 99, 500, 40, 41, 'OUT_OF_CREDIT'\],/);
    expect(stdout).toContain('export type ErrorCode<');
  });

  it('writes every form into a folder, and --check tells whether they are up to date', async () => {
    const out = join(dir, 'out');
    expect((await cli(dir, 'catalog', '--entries', 'errors.mjs', '--out-dir', 'out')).code).toBe(0);
    const json = readFileSync(join(out, 'catalog.json'), 'utf8');
    expect(JSON.parse(json).entries).toHaveLength(10);
    expect(readFileSync(join(out, 'catalog.md'), 'utf8')).toContain('ERR_SEAT_TAKEN');
    expect(readFileSync(join(out, 'catalog.ts'), 'utf8')).toContain('ERR_SEAT_TAKEN');
    expect(
      (await cli(dir, 'catalog', '--entries', 'errors.mjs', '--out-dir', 'out', '--check')).code,
    ).toBe(0);
    const stale = await cli(dir, 'catalog', '--entries', 'more.mjs', '--out-dir', 'out', '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('not up to date');
    const single = await cli(dir, 'catalog', '--as', 'ts', '--out', 'one.ts');
    expect(single.code).toBe(0);
    expect(readFileSync(join(dir, 'one.ts'), 'utf8')).toContain('ERR_UNKNOWN');
  });

  it.each(['barrel.mjs', 'copied-ok.mjs'])(
    "leaves the library's own entries, OK included, to the built-ins: %s",
    async (module) => {
      const { code, stdout, stderr } = await cli(dir, 'catalog', '--entries', module);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const names = JSON.parse(stdout).entries.map((e: any) => e.name);
      expect(names).toStrictEqual([...builtInNames, 'ERR_SEAT_TAKEN']);
    },
  );

  it('takes a default export that is also exported by name, under that name', async () => {
    const { code, stdout } = await cli(dir, 'catalog', '--entries', 'named-default.mjs');
    expect(code).toBe(0);
    const names = JSON.parse(stdout).entries.map((e: any) => e.name);
    expect(names).toStrictEqual([...builtInNames, 'ERR_SEAT_GONE']);
  });

  it('writes TypeScript that compiles', async () => {
    const modules = ['errors.mjs', 'more.mjs', 'named-default.mjs', 'odd-names.mjs', 'barrel.mjs'];
    const { code, stdout } = await cli(
      dir,
      'catalog',
      ...modules.flatMap((module) => ['--entries', module]),
      '--as',
      'ts',
    );
    expect(code).toBe(0);
    const file = join(dir, 'generated.ts');
    writeFileSync(file, stdout);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toStrictEqual([]);
    expect(stdout).toContain('export const $ = {');
    expect(stdout).toContain('export const ERR_SEAT_GONE = {');
  });

  it.each([
    ['missing.js', /--entries missing\.js: no such file \(.*missing\.js\)/],
    ['folder.js', /--entries folder\.js: not a file/],
    ['errors.ts', /is TypeScript; build it and name the JavaScript it compiles to/],
    ['nothing.mjs', /exports no catalog entries; export each defineError\(\.\.\.\) entry by name/],
    ['throws.mjs', /could not be loaded: boom$/m],
    ['clash.mjs', /ERR_MINE and ERR_USER_NOT_EXISTS share code 21/],
    ['invalid.mjs', /export ERR_FINE: status must be an HTTP error status \(400-599\), got 200/],
    ['reserved.mjs', /export "CATALOG" cannot name an entry in the generated TypeScript/],
    [
      'default.mjs',
      /the default export cannot name an entry in the generated TypeScript; export it by name/,
    ],
    ['keyword.mjs', /export "class" cannot name an entry in the generated TypeScript; rename it/],
    ['string-name.mjs', /export "seat-taken" cannot name an entry in the generated TypeScript/],
  ])('explains a module it cannot use: %s', async (module, message) => {
    const { code, stdout, stderr } = await cli(dir, 'catalog', '--entries', module);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('/srv/app.js');
    expect(stderr.split('\n').length).toBeLessThanOrEqual(2);
  });
});

describe('the command line', () => {
  it('shows help', async () => {
    for (const argv of [[], ['--help'], ['catalog', '-h']]) {
      const { code, stdout } = await cli(tmpdir(), ...argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: nestjs-api-errors catalog [options]');
    }
  });

  it.each([
    [['export'], /unknown command "export"; the command is "catalog"/],
    [['catalog', '--what'], /unknown option "--what"/],
    [['catalog', '--as', 'xml'], /--as must be json, markdown or typescript, got "xml"/],
    [['catalog', '--as'], /--as needs a value/],
    [['catalog', '--entries='], /--entries needs a value/],
    [['catalog', '--error-format', 'soap'], /--error-format must be one of meta, error/],
    [['catalog', '--out', 'a', '--out-dir', 'b'], /not both/],
    [['catalog', '--out-dir', 'b', '--as', 'md'], /--out-dir writes every form/],
    [['catalog', '--check'], /--check compares files/],
    [['catalog', '--check=yes', '--out', 'x'], /--check takes no value/],
    [['catalog', ...Array<string>(101).fill('--check')], /too many arguments/],
    [['catalog', '--out', 'x'.repeat(5000)], /longer than 4096/],
    [
      ['catalog', ...Array.from({ length: 21 }, (_, i) => `--entries=m${i}.js`)],
      /at most 20 times/,
    ],
  ])('refuses %j', async (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    const { code, stderr } = await cli(tmpdir(), ...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Run "nestjs-api-errors --help" for the options.');
  });
});
