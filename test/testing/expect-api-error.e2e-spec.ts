import {
  definitionForStatus,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_USER_NOT_EXISTS,
  ErrorReasons,
} from 'nestjs-api-errors';
import { ApiErrorAssertion, expectApiError } from 'nestjs-api-errors/testing';
import request from 'supertest';
import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { ERR_OUT_OF_STOCK } from '../fixtures/core/errors.controller.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const FORMATS = ['meta', 'error', 'flat', 'error_code', 'problem'] as const;

describe.each(ADAPTERS)('expectApiError (%s)', (adapter) => {
  describe.each(FORMATS)('in the %s format', (format) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, CoreFixtureModule.with({ format }));
    });
    afterAll(() => t.close());

    it('passes for the right entry, with a supertest response and a fetch Response', async () => {
      const res = await request(t.app.getHttpServer()).get('/app-errors/custom');
      const error = await expectApiError(res, ERR_OUT_OF_STOCK, {
        format,
        description: 'Only 3 left',
      });
      expect(error.status).toBe(res.status);
      await expectApiError(await fetch(`${t.url}/app-errors/custom`), ERR_OUT_OF_STOCK, {
        format,
        description: 'Only 3 left',
      });
      await expectApiError(
        await fetch(`${t.url}/app-errors/user-not-exists`),
        ERR_USER_NOT_EXISTS,
        {
          format,
        },
      );
    });

    it('checks errors the format answers by cause, given the reason', async () => {
      await expectApiError(
        await fetch(`${t.url}/no/such/route`, { method: 'DELETE' }),
        ERR_NOT_SUPPORTED,
        { format, reason: ErrorReasons.ROUTE_NOT_FOUND },
      );
    });

    it('fails with each difference named', async () => {
      const res = await request(t.app.getHttpServer()).get('/app-errors/invalid-parameter');
      const failure = await expectApiError(res, ERR_OUT_OF_STOCK, { format }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ApiErrorAssertion);
      const assertion = failure as ApiErrorAssertion;
      expect(assertion.name).toBe('AssertionError');
      expect(assertion.message).toContain(`expected the ${format} error Out Of Stock (409 / 31)`);
      expect(assertion.message).toMatch(/status: expected 409, received 400/);
      expect(assertion.message).toContain('body: {');
      expect(assertion.expected).toMatchObject({ status: 409, format });
      expect(assertion.actual).toMatchObject({ status: 400, format });
    });

    it('fails on another description, and on one where none is expected', async () => {
      const res = await request(t.app.getHttpServer()).get('/app-errors/invalid-parameter');
      await expect(
        expectApiError(res, ERR_INVALID_PARAMETER, { format, description: 'something else' }),
      ).rejects.toThrow(/message|description/);
      await expect(
        expectApiError(res, ERR_INVALID_PARAMETER, { format, description: undefined }),
      ).rejects.toThrow(ApiErrorAssertion);
      await expectApiError(res, ERR_INVALID_PARAMETER, {
        format,
        description: 'quantity must be a positive integer',
      });
    });

    it('fails when the response is no error envelope, or of another format', async () => {
      const ok = await request(t.app.getHttpServer()).get('/ok');
      await expect(expectApiError(ok, definitionForStatus(409), { format })).rejects.toThrow(
        /status: expected 409, received 200[\s\S]*format: expected "[a-z_]+", received nothing/,
      );
      const other = format === 'meta' ? 'problem' : 'meta';
      const res = await request(t.app.getHttpServer()).get('/app-errors/user-not-exists');
      await expect(expectApiError(res, ERR_USER_NOT_EXISTS, { format: other })).rejects.toThrow(
        new RegExp(`format: expected "${other}", received "${format}"`),
      );
    });
  });
});

describe('expectApiError on hand-made responses', () => {
  it('names members the format does not have, and a content type of another kind', async () => {
    const body = { meta: { code: 21, message: 'User Not Exists' }, debug: 'stack' };
    await expect(
      expectApiError(
        { status: 404, headers: { 'content-type': 'text/plain' }, body },
        ERR_USER_NOT_EXISTS,
      ),
    ).rejects.toThrow(/members the meta format has not: debug[\s\S]*content type "text\/plain"/);
  });

  it.each(['xml', 'toString', 'constructor', '__proto__'])(
    'refuses an unknown format: %s',
    async (format) => {
      const failure = await expectApiError({ status: 404 }, ERR_USER_NOT_EXISTS, {
        format: format as never,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TypeError);
      expect((failure as Error).message).toMatch(
        /^expectApiError: format must be one of meta, error, flat, error_code, problem$/,
      );
    },
  );
});
