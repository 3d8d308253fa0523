import { Controller, Get, type DynamicModule } from '@nestjs/common';
import { ErrorsModule, type ClientVersionOptions } from 'nestjs-api-errors';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

@Controller()
class ConfigController {
  @Get('config')
  config(): { ok: true } {
    return { ok: true };
  }
}

function versionedApp(clientVersion: ClientVersionOptions): DynamicModule {
  return {
    module: class VersionedApp {},
    imports: [ErrorsModule.forRoot({ globalClientVersionGuard: true, clientVersion })],
    controllers: [ConfigController],
  };
}

const withVersion = (version: string) => ({
  path: '/config',
  headers: { 'x-client-version': version },
});

describe.each(ADAPTERS)('ClientVersionGuard, global (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      versionedApp({
        minVersion: { a: 'a.1.0-1', i: 'i.2.0' },
        serverVersion: 'a.1.4-2',
        updateUrl: { a: 'https://play.example.com/shop', i: 'https://apps.example.com/shop' },
      }),
    );
  });
  afterAll(() => t.close());

  it('lets current and newer clients through', async () => {
    for (const version of ['a.1.0-1', 'a.1.0-2', 'a.2.0', 'i.2.0.1']) {
      expect((await send(t.url, withVersion(version))).status).toBe(200);
    }
  });

  it('refuses an outdated client with 426 and the version members', async () => {
    const res = await send(t.url, withVersion('a.0.9-1'));
    expect(res.status).toBe(426);
    expect(res.json()).toStrictEqual({
      meta: {
        code: 426,
        message: 'Upgrade Required',
        description: 'Client version a.0.9-1 is no longer supported',
        client_version: 'a.0.9-1',
        min_version: 'a.1.0-1',
        server_version: 'a.1.4-2',
        update_url: 'https://play.example.com/shop',
      },
    });
  });

  it("uses each platform's own minimum and update URL", async () => {
    const res = await send(t.url, withVersion('i.1.9'));
    expect(res.json().meta).toMatchObject({
      min_version: 'i.2.0',
      update_url: 'https://apps.example.com/shop',
    });
  });

  it('lets a platform without a minimum through', async () => {
    expect((await send(t.url, withVersion('w.0.1'))).status).toBe(200);
  });

  it.each(['banana', '1.2.3.4.5', '<script>', 'a'.repeat(100)])(
    'refuses an unreadable version %j with 400 / 88, without echoing it',
    async (version) => {
      const res = await send(t.url, withVersion(version));
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual({
        meta: {
          code: 88,
          message: 'Invalid Parameter',
          description:
            'X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
        },
      });
    },
  );

  it('lets a client without the header through by default', async () => {
    expect((await send(t.url, { path: '/config' })).status).toBe(200);
  });

  it('leaves unknown routes to the 404 answer', async () => {
    const res = await send(t.url, { path: '/nowhere', headers: { 'x-client-version': 'a.0.1' } });
    expect(res.json().meta.code).toBe(10);
  });
});

describe.each(ADAPTERS)('ClientVersionGuard with required: true (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      versionedApp({ minVersion: '1.0', required: true, header: 'X-App-Version' }),
    );
  });
  afterAll(() => t.close());

  it('refuses a request without the header', async () => {
    const res = await send(t.url, { path: '/config' });
    expect(res.status).toBe(400);
    expect(res.json().meta.description).toBe(
      'X-App-Version must be a version such as a.1.0-1 (platform, numbers, build)',
    );
  });

  it('reads the configured header', async () => {
    expect(
      (await send(t.url, { path: '/config', headers: { 'x-app-version': '1.0.1' } })).status,
    ).toBe(200);
  });
});

describe('ClientVersionGuard options', () => {
  it('refuses a minimum that is not a version at start-up', async () => {
    await expect(createTestApp('express', versionedApp({ minVersion: 'latest' }))).rejects.toThrow(
      'clientVersion.minVersion "latest" is not a version',
    );
  });
});

describe.each(ADAPTERS)('ClientVersionGuard with platform keys (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      versionedApp({
        minVersion: { IOS: '2.0.0' },
        updateUrl: { iOS: 'https://apps.example.com/shop' },
      }),
    );
  });
  afterAll(() => t.close());

  it("applies a platform's minimum to that platform only, whatever the key's case", async () => {
    expect((await send(t.url, withVersion('a.1.0'))).status).toBe(200);
    expect((await send(t.url, withVersion('1.0.0'))).status).toBe(200);
    const res = await send(t.url, withVersion('ios.1.9'));
    expect(res.status).toBe(426);
    expect(res.json().meta).toMatchObject({
      min_version: '2.0.0',
      update_url: 'https://apps.example.com/shop',
    });
  });

  it('refuses a minimum written for another platform at start-up', async () => {
    await expect(
      createTestApp(adapter, versionedApp({ minVersion: { i: 'a.1.0' } })),
    ).rejects.toThrow('clientVersion.minVersion.i "a.1.0" is for platform "a"');
  });
});
