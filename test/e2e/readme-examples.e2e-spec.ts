import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../sample/src/app.module.js';
import { totp } from '../../sample/src/auth/totp.js';
import { readConfig } from '../../sample/src/config.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { send } from '../helpers/http-client.js';
import { matchesShown, parseCurl, readExamples, shellWords } from '../helpers/readme-examples.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const EXAMPLES = readExamples(README, 'The sample app, step by step');

/** `VAR=$(curl ... | node -pe 'JSON.parse(fs.readFileSync(0)).field')` */
const CAPTURE = /^(\w+)=\$\((curl .*) \| node -pe 'JSON\.parse\(fs\.readFileSync\(0\)\)\.(\w+)'\)$/;
const TOTP_COMMAND = /\$\(npm run -s totp\)/g;

describe.each(ADAPTERS)("the README's sample walk-through (%s)", (adapter) => {
  let t: TestApp;
  let dir: string;
  const vars: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shop-'));
    const config = readConfig({ SAMPLE_DB: join(dir, 'shop.db'), ADAPTER: adapter });
    t = await createTestApp(adapter, AppModule.with(config));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has examples to replay', () => {
    expect(EXAMPLES.length).toBeGreaterThan(20);
  });

  /** Runs one README line the way the shell would, as far as the README needs. */
  async function runLine(line: string) {
    // What `npm run -s totp` prints: Bob's current code.
    const withCode = line.replace(TOTP_COMMAND, () => totp(BOB_TOTP_SECRET));
    const capture = CAPTURE.exec(withCode);
    const request = parseCurl(shellWords(capture ? capture[2] : withCode, vars));
    const res = await send(t.url, request);
    if (capture) {
      const value = res.json()[capture[3]];
      expect(typeof value).toBe('string');
      vars[capture[1]] = value;
    }
    return res;
  }

  it.each(EXAMPLES.map((example) => [example.commands.join(' && '), example] as const))(
    '%s',
    async (_name, example) => {
      const responses = [];
      for (const line of example.commands) responses.push(await runLine(line));
      const last = responses.at(-1);
      // Every step before the shown one must succeed for the walk-through to make sense.
      const earlier = responses.slice(0, -1).filter((res) => res !== undefined);
      expect(earlier.map((res) => res.status).filter((status) => status >= 300)).toStrictEqual([]);
      if (example.expected === undefined) return;
      expect(last?.status).toBe(example.expected.status);
      const shown = JSON.parse(example.expected.body);
      const actual = last?.json();
      expect(
        matchesShown(actual, shown),
        `${JSON.stringify(actual)}\n  shown as\n${example.expected.body}`,
      ).toBe(true);
    },
  );
});
