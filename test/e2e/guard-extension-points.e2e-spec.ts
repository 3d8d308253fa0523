import { Controller, Get, Injectable, SetMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  type AuthOptions,
  type ClientVersionOptions,
  ErrorsModule,
  type ErrorsModuleOptions,
  InjectAuthOptions,
  InjectClientVersionOptions,
  InjectErrorsOptions,
  IS_PUBLIC_KEY,
  type PresentedToken,
  TwoFactorAuthGuard,
} from 'nestjs-api-errors';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/** The `@Public()` the NestJS documentation shows, which many apps already have. */
const DocsPublic = () => SetMetadata('isPublic', true);

@Controller()
class RoutesController {
  @Get('me')
  me(): { ok: true } {
    return { ok: true };
  }

  @DocsPublic()
  @Get('docs-public')
  docsPublic(): { ok: true } {
    return { ok: true };
  }
}

@DocsPublic()
@Controller('docs-public-controller')
class DocsPublicController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }
}

/** Reads the token from a cookie instead of the Authorization header. */
@Injectable()
class CookieTokenGuard extends TwoFactorAuthGuard {
  protected override getToken(request: {
    headers: Record<string, string | undefined>;
  }): PresentedToken | undefined {
    const value = /(?:^|;\s*)session=([\w.-]{1,200})/.exec(request.headers.cookie ?? '')?.[1];
    return value === undefined ? undefined : { value, twoFactor: false };
  }
}

/** What an app's own provider is given by each decorator. */
@Injectable()
class OptionsReader {
  constructor(
    @InjectErrorsOptions() readonly all: ErrorsModuleOptions,
    @InjectAuthOptions() readonly auth: AuthOptions,
    @InjectClientVersionOptions() readonly versions: ClientVersionOptions,
  ) {}
}

const auth: AuthOptions = {
  resolveSession: ({ value }) =>
    value === 'good' ? { user: { id: 1 }, twoFactorEnabled: false } : null,
};
const clientVersion: ClientVersionOptions = { minVersion: '1.0.0' };

describe.each(ADAPTERS)("the guard's extension points (%s)", (adapter) => {
  describe("the NestJS documentation's own @Public()", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ globalAuthGuard: true, auth })],
        controllers: [RoutesController, DocsPublicController],
      });
    });
    afterAll(() => t.close());

    it('lets a handler marked with it through without a token', async () => {
      expect(IS_PUBLIC_KEY).toBe('isPublic');
      expect((await send(t.url, { path: '/docs-public' })).status).toBe(200);
      expect((await send(t.url, { path: '/docs-public-controller' })).status).toBe(200);
    });

    it('still guards the other routes', async () => {
      const res = await send(t.url, { path: '/me' });
      expect(res.status).toBe(401);
      expect(res.json().meta.code).toBe(99);
    });
  });

  describe('a subclass overriding getToken', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ auth })],
        controllers: [RoutesController],
        providers: [{ provide: APP_GUARD, useExisting: CookieTokenGuard }, CookieTokenGuard],
      });
    });
    afterAll(() => t.close());

    it('reads the token its own way', async () => {
      expect((await send(t.url, { path: '/me', headers: { cookie: 'session=good' } })).status).toBe(
        200,
      );
      const bearer = await send(t.url, { path: '/me', headers: { authorization: 'Bearer good' } });
      expect(bearer.status).toBe(401);
      expect(bearer.json().meta.description).toContain('A bearer token is required');
    });
  });

  describe('options injected part by part', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ auth, clientVersion, logClientErrors: true })],
        providers: [OptionsReader],
      });
    });
    afterAll(() => t.close());

    it('gives each part its own settings and nothing else', () => {
      const reader = t.app.get(OptionsReader);
      expect(reader.auth).toBe(auth);
      expect(reader.versions).toBe(clientVersion);
      expect(reader.all).toMatchObject({ auth, clientVersion, logClientErrors: true });
    });
  });
});
