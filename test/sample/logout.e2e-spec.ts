import { totp } from '../../sample/src/auth/totp.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, type TestApp } from '../helpers/test-app.js';
import { EXPIRED, login, me, type SampleServer, secondStep, startSample } from './sample-server.js';

function logout(t: TestApp, authorization?: string) {
  return send(t.url, {
    method: 'POST',
    path: '/auth/logout',
    headers: authorization === undefined ? {} : { authorization },
  });
}

describe.each(ADAPTERS)('logging out (%s)', (adapter) => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSample(adapter);
  });
  afterAll(() => server.stop());

  it('revokes a first-step token: it can no longer take the second step', async () => {
    const { token } = (await login(server.t, 'bob@example.com')).json();
    const res = await logout(server.t, `Bearer ${token}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const second = await secondStep(server.t, token, totp(BOB_TOTP_SECRET));
    expect(second.status).toBe(401);
    expect(second.json().meta.description).toBe(EXPIRED);
  });

  it('ends a full session and a two-factor one', async () => {
    const alice = (await login(server.t, 'alice@example.com')).json().token;
    expect((await logout(server.t, `Bearer ${alice}`)).status).toBe(204);
    expect((await me(server.t, alice)).json().meta.description).toBe(EXPIRED);

    const first = (await login(server.t, 'bob@example.com')).json().token;
    const bob = (await secondStep(server.t, first, totp(BOB_TOTP_SECRET))).json().token;
    expect((await me(server.t, bob)).status).toBe(200);
    expect((await logout(server.t, `Bearer ${bob}`)).status).toBe(204);
    expect((await me(server.t, bob)).json().meta.description).toBe(EXPIRED);
  });

  it('needs the prefix the session was opened with', async () => {
    const alice = (await login(server.t, 'alice@example.com')).json().token;
    expect((await logout(server.t, `Bearer 2f.${alice}`)).status).toBe(204);
    expect((await me(server.t, alice)).status).toBe(200);
  });

  it('answers the same for a token that never existed or is already gone', async () => {
    const alice = (await login(server.t, 'alice@example.com')).json().token;
    await logout(server.t, `Bearer ${alice}`);
    for (const token of [alice, 'never-issued', '2f.never-issued']) {
      const res = await logout(server.t, `Bearer ${token}`);
      expect({ status: res.status, text: res.text }).toStrictEqual({ status: 204, text: '' });
    }
  });

  it('asks for a token when none is given', async () => {
    for (const header of [undefined, 'Basic abc', 'Bearer ', 'Bearer 2f.']) {
      const res = await logout(server.t, header);
      expect(res.status).toBe(401);
      expect(res.json().meta).toStrictEqual({
        code: 99,
        message: 'Authentication Required',
        description: 'A bearer token is required: send the header "Authorization: Bearer <token>"',
      });
    }
  });
});
