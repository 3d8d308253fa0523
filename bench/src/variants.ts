/**
 * What each server variant is asked and must answer. Shared by the
 * orchestrator (which sends the requests and checks the answers) and the
 * servers (which only need the names); no Nest code here, so the load
 * generator's process never loads the framework.
 */

export const ADAPTERS = ['express', 'fastify'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export const VARIANTS = [
  'ok',
  'nest-default',
  'handwritten',
  'ours',
  'ours-app-error',
  'validation-nest',
  'validation-ours',
  'route-404-nest',
  'route-404-ours',
  'guard-off',
  'guard-on',
] as const;
export type VariantName = (typeof VARIANTS)[number];

export function isVariantName(value: string): value is VariantName {
  return (VARIANTS as readonly string[]).includes(value);
}

export function isAdapterName(value: string): value is AdapterName {
  return (ADAPTERS as readonly string[]).includes(value);
}

/** The sentence every thrown-error variant describes its failure with. */
export const QUANTITY_SENTENCE = 'quantity must be a positive integer';

/** The bearer token the guard variants accept. */
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

/** The extra route of the memory mode: runs gc() and answers process.memoryUsage(). */
export const MEMORY_ROUTE = '/__memory';

/** One request and the exact answer expected to it. */
export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly expectStatus: number;
  /** The exact response body; every response of a run is compared with it. */
  readonly expectBody: string;
}

const JSON_BODY = { 'content-type': 'application/json' };

const OUR_ENVELOPE = JSON.stringify({
  meta: { code: 88, message: 'Invalid Parameter', description: QUANTITY_SENTENCE },
});
const NEST_BAD_REQUEST = JSON.stringify({
  message: QUANTITY_SENTENCE,
  error: 'Bad Request',
  statusCode: 400,
});

const THROWN: Omit<RequestSpec, 'expectBody'> = {
  method: 'GET',
  path: '/error',
  expectStatus: 400,
};

const INVALID_ORDER: Omit<RequestSpec, 'expectBody' | 'expectStatus'> = {
  method: 'POST',
  path: '/orders',
  headers: JSON_BODY,
  body: JSON.stringify({ product_id: 1, quantity: 0 }),
};

const MISSING: Omit<RequestSpec, 'expectBody'> = {
  method: 'GET',
  path: '/no-such-route',
  expectStatus: 404,
};

const AUTHORIZED: Omit<RequestSpec, 'expectBody'> = {
  method: 'GET',
  path: '/me',
  headers: { authorization: `Bearer ${BENCH_TOKEN}` },
  expectStatus: 200,
};
const ME = JSON.stringify({ id: 1, name: 'Ada' });

export const REQUESTS: Readonly<Record<VariantName, RequestSpec>> = {
  ok: { method: 'GET', path: '/ok', expectStatus: 200, expectBody: JSON.stringify({ ok: true }) },
  'nest-default': { ...THROWN, expectBody: NEST_BAD_REQUEST },
  handwritten: { ...THROWN, expectBody: OUR_ENVELOPE },
  ours: { ...THROWN, expectBody: OUR_ENVELOPE },
  'ours-app-error': { ...THROWN, path: '/app-error', expectBody: OUR_ENVELOPE },
  'validation-nest': {
    ...INVALID_ORDER,
    expectStatus: 400,
    expectBody: JSON.stringify({
      message: ['quantity must not be less than 1'],
      error: 'Bad Request',
      statusCode: 400,
    }),
  },
  'validation-ours': {
    ...INVALID_ORDER,
    expectStatus: 400,
    expectBody: JSON.stringify({
      meta: {
        code: 88,
        message: 'Invalid Parameter',
        description: 'quantity must not be less than 1',
      },
    }),
  },
  'route-404-nest': {
    ...MISSING,
    expectBody: JSON.stringify({
      message: `Cannot GET ${MISSING.path}`,
      error: 'Not Found',
      statusCode: 404,
    }),
  },
  'route-404-ours': {
    ...MISSING,
    expectBody: JSON.stringify({
      meta: {
        code: 10,
        message: 'Not Supported',
        description: `method: GET, url: ${MISSING.path}`,
      },
    }),
  },
  'guard-off': { ...AUTHORIZED, expectBody: ME },
  'guard-on': { ...AUTHORIZED, expectBody: ME },
};

/**
 * A second request that shows a variant is set up as it claims: the guard
 * variants differ only in the guard, so without a token one must refuse and
 * the other must not.
 */
export const PROOFS: Readonly<Partial<Record<VariantName, RequestSpec>>> = {
  'guard-off': { method: 'GET', path: '/me', expectStatus: 200, expectBody: ME },
  'guard-on': {
    method: 'GET',
    path: '/me',
    expectStatus: 401,
    expectBody: JSON.stringify({
      meta: {
        code: 99,
        message: 'Authentication Required',
        description: 'A bearer token is required: send the header "Authorization: Bearer <token>"',
      },
    }),
  },
};

/** The error requests of the memory mode, sent in turn: every path of the filter `ours` has. */
export const MEMORY_REQUESTS: readonly RequestSpec[] = [
  REQUESTS.ours,
  REQUESTS['ours-app-error'],
  REQUESTS['validation-ours'],
  REQUESTS['route-404-ours'],
];
