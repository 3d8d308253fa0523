import { fileURLToPath } from 'node:url';
import { totp } from '../../sample/src/auth/totp.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { type ReceivedResponse, send } from '../helpers/http-client.js';
import {
  examplesBefore,
  matchesShown,
  parseCurl,
  type ReadmeExample,
  readExamples,
  shellWords,
} from '../helpers/readme-examples.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { type SampleServer, startSample } from '../sample/sample-server.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const EXAMPLES = readExamples(README, 'The sample app, step by step');

/** `VAR=$(curl ... | node -pe 'JSON.parse(fs.readFileSync(0)).field')` */
const CAPTURE = /^(\w+)=\$\((curl .*) \| node -pe 'JSON\.parse\(fs\.readFileSync\(0\)\)\.(\w+)'\)$/;
/** `VAR=$(npm run -s totp)`: what Bob's authenticator app shows now. */
const TOTP_CAPTURE = /^(\w+)=\$\(npm run -s totp\)$/;

/** Runs README lines the way the shell would, as far as the README needs, keeping its variables. */
class Shell {
  private readonly vars: Record<string, string> = {};

  constructor(private readonly baseUrl: string) {}

  async run(line: string): Promise<ReceivedResponse | undefined> {
    const code = TOTP_CAPTURE.exec(line);
    if (code) {
      this.vars[code[1]] = totp(BOB_TOTP_SECRET);
      return undefined;
    }
    const capture = CAPTURE.exec(line);
    const request = parseCurl(shellWords(capture ? capture[2] : line, this.vars));
    const res = await send(this.baseUrl, request);
    if (capture) {
      const value: unknown = res.status < 300 ? res.json()[capture[3]] : undefined;
      if (typeof value !== 'string') throw new Error(`${line}\n  answered ${res.text}`);
      this.vars[capture[1]] = value;
    }
    return res;
  }

  /** Runs an example's lines: every one before the last must succeed for the walk-through to make sense. */
  async replay(example: ReadmeExample): Promise<ReceivedResponse | undefined> {
    let last: ReceivedResponse | undefined;
    for (const [i, line] of example.commands.entries()) {
      if (last !== undefined && last.status >= 300) {
        throw new Error(`${example.commands[i - 1]}\n  answered ${last.status} ${last.text}`);
      }
      last = await this.run(line);
    }
    return last;
  }
}

/** The response as the README shows it when it matches, so a mismatch shows as a diff. */
function asShown(res: ReceivedResponse | undefined, example: ReadmeExample) {
  const shown = example.expected!;
  const body =
    res !== undefined && matchesShown(JSON.parse(res.text), JSON.parse(shown.body))
      ? shown.body
      : res?.text;
  return { status: res?.status, body };
}

describe.each(ADAPTERS)("the README's sample walk-through (%s)", (adapter) => {
  it('has examples to replay', () => {
    expect(EXAMPLES.length).toBeGreaterThan(20);
  });

  describe('each example on a fresh server, after the steps it refers to', () => {
    let server: SampleServer;
    beforeEach(async () => {
      server = await startSample(adapter);
    });
    afterEach(() => server.stop());

    it.each(EXAMPLES.map((example, index) => [example.commands.join(' && '), index] as const))(
      '%s',
      async (_name, index) => {
        const shell = new Shell(server.t.url);
        for (const earlier of examplesBefore(EXAMPLES, index)) {
          await shell.replay(EXAMPLES[earlier]);
        }
        const example = EXAMPLES[index];
        const last = await shell.replay(example);
        // An example without a shown response only has to run.
        const answer = example.expected === undefined ? undefined : asShown(last, example);
        expect(answer).toStrictEqual(example.expected);
      },
    );
  });

  it('holds run top to bottom on one server, at the default limits', async () => {
    const server = await startSample(adapter);
    try {
      const shell = new Shell(server.t.url);
      const answers = [];
      for (const example of EXAMPLES) {
        const last = await shell.replay(example);
        if (example.expected !== undefined) {
          answers.push({ commands: example.commands, ...asShown(last, example) });
        }
      }
      expect(answers).toStrictEqual(
        EXAMPLES.filter((example) => example.expected !== undefined).map((example) => ({
          commands: example.commands,
          ...example.expected,
        })),
      );
    } finally {
      await server.stop();
    }
  });
});
