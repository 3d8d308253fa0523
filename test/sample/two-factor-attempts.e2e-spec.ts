import { totp } from '../../sample/src/auth/totp.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { ADAPTERS } from '../helpers/test-app.js';
import {
  BLOCKED,
  EXPIRED,
  login,
  me,
  type SampleServer,
  secondStep,
  startSample,
  UNTHROTTLED,
  wrongCode,
} from './sample-server.js';

const BOB = 'bob@example.com';
const NO_MATCH = 'code does not match; use the current code of your authenticator app';

describe.each(ADAPTERS)('wrong authenticator codes (%s)', (adapter) => {
  let server: SampleServer;
  beforeEach(async () => {
    server = await startSample(adapter, UNTHROTTLED);
  });
  afterEach(() => server.stop());

  async function firstStep(): Promise<string> {
    const res = await login(server.t, BOB);
    expect(res.json().two_factor_required).toBe(true);
    return res.json().token;
  }

  it('spend a first-step token after 3: the right code then answers that the session expired', async () => {
    const token = await firstStep();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const wrong = await secondStep(server.t, token, wrongCode(BOB_TOTP_SECRET, attempt));
      expect(wrong.status).toBe(400);
      expect(wrong.json().meta.description).toBe(NO_MATCH);
    }
    const right = await secondStep(server.t, token, totp(BOB_TOTP_SECRET));
    expect(right.status).toBe(401);
    expect(right.json().meta).toStrictEqual({
      code: 99,
      message: 'Authentication Required',
      description: EXPIRED,
    });
  });

  it('are counted when they arrive all at once', async () => {
    const token = await firstStep();
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        secondStep(server.t, token, wrongCode(BOB_TOTP_SECRET, i + 1)),
      ),
    );
    expect(guesses.filter((res) => res.status === 400)).toHaveLength(3);
    expect(guesses.filter((res) => res.status === 401)).toHaveLength(37);
    expect((await secondStep(server.t, token, totp(BOB_TOTP_SECRET))).status).toBe(401);
  });

  it('block the account after 5 in a row, whatever the tokens', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      // A fresh token each time, so only the account's count can stop the guessing.
      const wrong = await secondStep(server.t, await firstStep(), wrongCode(BOB_TOTP_SECRET));
      expect(wrong.json().meta.description).toBe(NO_MATCH);
    }
    const blocked = await login(server.t, BOB);
    expect(blocked.status).toBe(401);
    expect(blocked.json().meta.description).toBe(BLOCKED);
  });

  it('are forgiven by a right code: only wrong codes in a row count', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      await secondStep(server.t, await firstStep(), wrongCode(BOB_TOTP_SECRET));
    }
    const right = await secondStep(server.t, await firstStep(), totp(BOB_TOTP_SECRET));
    expect(right.json().token).toMatch(/^2f\./);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await secondStep(server.t, await firstStep(), wrongCode(BOB_TOTP_SECRET));
    }
    expect((await login(server.t, BOB)).json().two_factor_required).toBe(true);
  });

  it('include a replayed code, which stays refused', async () => {
    const code = totp(BOB_TOTP_SECRET);
    expect((await secondStep(server.t, await firstStep(), code)).status).toBe(200);
    const token = await firstStep();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const replayed = await secondStep(server.t, token, code);
      expect(replayed.json().meta.description).toBe(
        'code has been used already; wait for the next one',
      );
    }
    expect((await secondStep(server.t, token, code)).status).toBe(401);
  });
});

describe.each(ADAPTERS)('a blocked account at the second step (%s)', (adapter) => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSample(adapter, UNTHROTTLED);
  });
  afterAll(() => server.stop());

  it('gets no two-factor token, even with the right code', async () => {
    const { token } = (await login(server.t, BOB)).json();
    for (let attempt = 1; attempt <= 5; attempt++) await login(server.t, BOB, 'guess');
    const res = await secondStep(server.t, token, totp(BOB_TOTP_SECRET));
    expect(res.status).toBe(401);
    expect(res.json().meta.description).toBe(BLOCKED);
    expect((await me(server.t, `2f.${token}`)).status).toBe(401);
  });
});
