import type { ErrorFormatName } from 'nestjs-api-errors';
import { FormatsFixtureModule } from '../../fixtures/formats/formats-fixture.js';
import { send } from '../../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../../helpers/test-app.js';
import { REQUESTS, type RequestName } from './format-cases.js';

export interface Expected {
  status: number;
  body: unknown;
  headers?: Record<string, string | RegExp>;
}

/**
 * Sends every request to the seed-examples app in the given format, on both
 * adapters, and compares the parsed JSON with what the format must answer;
 * then checks the production rule: no 5xx internals in production.
 */
export function runFormatSuite(
  format: ErrorFormatName,
  contentType: string,
  expectations: Partial<Record<RequestName, Expected>>,
  production: Partial<Record<RequestName, Expected>>,
): void {
  describe.each(ADAPTERS)(`format "${format}" (%s)`, (adapter) => {
    let t: TestApp;
    beforeAll(async () => {
      // Request ids off, so bodies compare exactly with the documents' examples.
      t = await createTestApp(
        adapter,
        FormatsFixtureModule.with({ format, production: false, requestIdHeader: false }),
      );
    });
    afterAll(() => t.close());

    it.each(Object.entries(expectations))('%s', async (name, expected) => {
      const res = await send(t.url, REQUESTS[name as RequestName]);
      expect({ status: res.status, body: res.json() }).toStrictEqual({
        status: expected.status,
        body: expected.body,
      });
      expect(res.headers['content-type']).toBe(contentType);
      for (const [header, value] of Object.entries(expected.headers ?? {})) {
        expect(res.headers[header.toLowerCase()]).toMatch(value);
      }
    });
  });

  describe.each(ADAPTERS)(`format "${format}" in production (%s)`, (adapter) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        adapter,
        FormatsFixtureModule.with({ format, production: true, requestIdHeader: false }),
      );
    });
    afterAll(() => t.close());

    it.each(Object.entries(production))('%s sends no internals', async (name, expected) => {
      const res = await send(t.url, REQUESTS[name as RequestName]);
      expect({ status: res.status, body: res.json() }).toStrictEqual({
        status: expected.status,
        body: expected.body,
      });
      expect(res.text).not.toMatch(/Connection timeout|user_id|rebuilding|pool exhausted|\/srv\//);
    });
  });
}
