import { send, type SentRequest } from '../../helpers/http-client.js';
import type { SmokeCheck } from './smoke-check.js';

/** The parts of the OpenAPI document these checks read. */
interface Example {
  readonly summary?: string;
  readonly value?: unknown;
}
interface ErrorResponse {
  readonly headers?: Record<string, { readonly required?: boolean }>;
  readonly content?: Record<string, { readonly examples?: Record<string, Example> }>;
}
interface ApiDocument {
  readonly paths: Record<
    string,
    Record<string, { readonly responses: Record<string, ErrorResponse> }>
  >;
  readonly components?: { readonly schemas?: Record<string, unknown> };
}

async function apiDocument(url: string): Promise<ApiDocument> {
  const res = await send(url, { path: '/docs-json' });
  expect(res.status).toBe(200);
  return res.json() as ApiDocument;
}

/** One error the document shows for a route, and a request the route answers with it. */
interface DocumentedError {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number;
  /** The example's name under the status's `application/json` examples. */
  readonly example: string;
  /** The request meeting that error; a validation example's summary names the value to send. */
  readonly request: (example: Example) => SentRequest;
}

const json = (path: string, body: string): SentRequest => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json' },
  body,
});
const bearer = (token: string): SentRequest => ({
  path: '/me',
  headers: { authorization: `Bearer ${token}` },
});

/** `Invalid Parameter (88): the body has quantity = 1.5` -> `{"quantity":1.5}`. */
function bodyNamedBy(summary = ''): string {
  const named = /: the body has (\w+) = (.+)$/.exec(summary);
  if (named === null) throw new Error(`The example's summary names no body value: ${summary}`);
  return JSON.stringify({ [named[1]]: JSON.parse(named[2]) as unknown });
}

const DOCUMENTED_ERRORS: readonly DocumentedError[] = [
  {
    method: 'POST',
    path: '/orders',
    status: 400,
    example: '88-invalid-parameter-body-validation',
    request: ({ summary }) => json('/orders', bodyNamedBy(summary)),
  },
  {
    method: 'POST',
    path: '/orders',
    status: 400,
    example: '88-invalid-parameter-body-not-json',
    request: () => json('/orders', '{"quantity":'),
  },
  {
    method: 'GET',
    path: '/me',
    status: 401,
    example: '99-authentication-required-token-missing',
    request: () => ({ path: '/me' }),
  },
  {
    method: 'GET',
    path: '/me',
    status: 401,
    example: '99-authentication-required-token-unknown',
    request: () => bearer('nobody-token'),
  },
  {
    method: 'GET',
    path: '/me',
    status: 401,
    example: '99-authentication-required-two-factor-mismatch',
    // Alice has two-factor off: a `2f.` token of hers does not match her account.
    request: () => bearer('2f.alice-token'),
  },
  {
    method: 'GET',
    path: '/orders/export',
    status: 403,
    example: '43-permission-denied',
    request: () => ({ path: '/orders/export' }),
  },
  {
    method: 'GET',
    path: '/crash',
    status: 500,
    example: '500-unknown-error',
    request: () => ({ path: '/crash' }),
  },
];

const documentedErrorCheck = (error: DocumentedError): SmokeCheck => ({
  name: `Swagger: the documented ${error.status} "${error.example}" of ${error.method} ${error.path} is what the route answers`,
  appliesTo: (app) => app.swagger,
  run: async ({ url }) => {
    const document = await apiDocument(url);
    const response = document.paths[error.path]?.[error.method.toLowerCase()]?.responses[
      String(error.status)
    ] as ErrorResponse | undefined;
    const examples = response?.content?.['application/json']?.examples ?? {};
    const example = examples[error.example];
    if (response === undefined || example === undefined) {
      throw new Error(
        `${error.method} ${error.path} documents no ${error.status} example "${error.example}"; it has: ${Object.keys(examples).join(', ')}`,
      );
    }
    const res = await send(url, { method: error.method, ...error.request(example) });
    expect(res.status).toBe(error.status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toStrictEqual(example.value);
    // And the headers the document says every such answer carries (the request id).
    const required = Object.entries(response.headers ?? {}).filter(([, header]) => header.required);
    expect(required.length).toBeGreaterThan(0);
    for (const [name] of required) expect(res.headers[name.toLowerCase()]).toBeTruthy();
  },
});

/** The paths of the files Swagger UI's page loads (`./docs/swagger-ui.css`, …). */
function filesLoadedBy(html: string): string[] {
  const references = html.matchAll(/(?:src|href)="\.(\/docs\/[^"]+)"/g);
  return Array.from(references, ([, path]) => path);
}

export const SWAGGER_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'Swagger: /docs-json has the MetaError schema listing the codes the routes answer',
    appliesTo: (app) => app.swagger,
    run: async ({ url }) => {
      const { components } = await apiDocument(url);
      expect(components?.schemas?.MetaError).toMatchObject({
        'x-error-format': 'meta',
        properties: {
          meta: { properties: { code: { type: 'integer', enum: [43, 88, 99, 500, 503] } } },
        },
      });
    },
  },
  {
    name: 'Swagger: /docs serves Swagger UI and every file its page loads',
    appliesTo: (app) => app.swagger,
    run: async ({ url }) => {
      const page = await send(url, { path: '/docs' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const assets = filesLoadedBy(page.text);
      expect(assets).toContain('/docs/swagger-ui-bundle.js');
      for (const asset of assets) {
        const res = await send(url, { path: asset });
        expect([asset, res.status]).toStrictEqual([asset, 200]);
      }
    },
  },
  ...DOCUMENTED_ERRORS.map(documentedErrorCheck),
];
