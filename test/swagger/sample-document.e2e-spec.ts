import { send } from '../helpers/http-client.js';
import { ADAPTERS } from '../helpers/test-app.js';
import {
  examplesNotMatchingSchemas,
  examplesOf,
  responsesOf,
  validateOpenApi,
} from './helpers/openapi-checks.js';
import { FORMATS, type SampleWithDocs, startSampleWithDocs } from './helpers/sample-with-docs.js';

const COMPONENTS = {
  meta: ['MetaError', 'application/json', ['meta', 'code']],
  error: ['ErrorEnvelope', 'application/json', ['error', 'code']],
  flat: ['FlatError', 'application/json', ['code']],
  error_code: ['ErrorCodeError', 'application/json', ['error_code']],
  problem: ['ProblemDetails', 'application/problem+json', ['code']],
} as const;

/** Where each of the login route's errors is documented, by format: the status that format answers. */
const LOGIN_STATUSES: Record<(typeof FORMATS)[number], Record<string, string>> = {
  meta: { 21: '404', 22: '400', 99: '401', 77: '500', 88: '400', 500: '500' },
  error: { 21: '404', 22: '401', 99: '401', 77: '500', 88: '400', 500: '500' },
  flat: { 21: '404', 22: '401', 99: '401', 77: '500', 88: '422', 500: '500' },
  error_code: { 21: '404', 22: '400', 99: '401', 77: '500', 88: '400', 500: '500' },
  problem: { 21: '404', 22: '400', 99: '401', 77: '500', 88: '400', 500: '500' },
};

const LOGIN_EXAMPLES: Record<string, string> = {
  21: '21-user-not-exists',
  22: '22-password-not-match',
  99: '99-authentication-required',
  77: '77-database-rollback-error',
  88: '88-invalid-parameter-body-validation',
  500: '500-unknown-error',
};

const codeAt = (value: any, path: readonly string[]) =>
  path.reduce((node, key) => node?.[key], value);

describe.each(ADAPTERS)('the sample’s OpenAPI document (%s)', (adapter) => {
  describe.each(FORMATS)('ERROR_FORMAT=%s', (format) => {
    let sample: SampleWithDocs;
    beforeAll(async () => {
      sample = await startSampleWithDocs(adapter, { ERROR_FORMAT: format });
    });
    afterAll(() => sample.stop());
    const [component, mediaType, codePath] = COMPONENTS[format];

    it('is served with Swagger UI at /docs', async () => {
      const page = await send(sample.t.url, { path: '/docs' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('swagger-ui');
    });

    it('passes the OpenAPI validator, and every example matches its own schema', async () => {
      await validateOpenApi(sample.document);
      expect(examplesNotMatchingSchemas(sample.document)).toStrictEqual([]);
    });

    it(`refers every error response to one ${component} schema listing the codes in use`, () => {
      const all = responsesOf(sample.document);
      const operations = new Set(all.map(({ method, path }) => `${method} ${path}`));
      const withUnknownError = all.filter(({ status }) => status === '500');
      expect(withUnknownError).toHaveLength(operations.size);
      const errors = all.filter(({ status }) => Number(status) >= 400);
      for (const { response } of errors) {
        expect(Object.keys(response.content)).toStrictEqual([mediaType]);
        expect(response.content[mediaType].schema.allOf[0]).toStrictEqual({
          $ref: `#/components/schemas/${component}`,
        });
      }
      const shared = sample.document.components.schemas[component];
      const codeSchema = codeAt(
        shared,
        codePath.flatMap((key) => ['properties', key]),
      );
      const used = new Set(examplesOf(sample.document).map(({ value }) => codeAt(value, codePath)));
      expect(new Set(codeSchema.enum)).toStrictEqual(used);
      expect(codeSchema['x-enum-descriptions']).toHaveLength(codeSchema.enum.length);
    });

    it('documents the login route’s errors under the statuses this format answers', () => {
      const login = examplesOf(sample.document).filter(
        ({ path, method }) => path === '/auth/login' && method === 'post',
      );
      const where = Object.fromEntries(login.map(({ name, status }) => [name, status]));
      for (const [code, status] of Object.entries(LOGIN_STATUSES[format])) {
        expect({ code, status: where[LOGIN_EXAMPLES[code]] }).toStrictEqual({ code, status });
      }
    });

    it('narrows each response to the codes of its own examples', () => {
      for (const { response } of responsesOf(sample.document)) {
        const media = response.content?.[mediaType];
        if (media === undefined) continue;
        const own = new Set(
          Object.values<any>(media.examples).map(({ value }) => codeAt(value, codePath)),
        );
        const narrowed = codeAt(
          media.schema.allOf[1],
          codePath.flatMap((key) => ['properties', key]),
        );
        expect(new Set(narrowed.enum)).toStrictEqual(own);
      }
    });
  });
});
