import {
  createErrorCodeFormat,
  createErrorFormat,
  createFlatFormat,
  createProblemFormat,
  ERR_INVALID_PARAMETER,
  ErrorsModule,
  type ErrorFormat,
  type ErrorsModuleOptions,
} from 'nestjs-api-errors';
import { EdgesController, ERR_STOCK_CONFLICT } from '../fixtures/edges/edges.controller.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/** The same entry written out again, as an app might in its format tables: not the same object. */
const STOCK_CONFLICT_LITERAL = { status: 409, code: 62, title: 'Stock Conflict' };
const INVALID_PARAMETER_LITERAL = { ...ERR_INVALID_PARAMETER };

interface Case {
  format: ErrorFormat;
  /** What `ConflictException`, mapped to ERR_STOCK_CONFLICT by `statusMap`, answers. */
  conflict: [number, unknown];
  /** What `BadRequestException` (400 -> 88 by default) answers with the entry overridden. */
  badRequest: [number, unknown];
}

const CASES: Record<string, (entry: typeof STOCK_CONFLICT_LITERAL) => Case> = {
  error: (entry) => ({
    format: createErrorFormat({
      entries: new Map([
        [entry, { status: 409, code: 'STOCK_CONFLICT', message: 'Out of stock' }],
        [INVALID_PARAMETER_LITERAL, { status: 422, code: 'BAD_INPUT' }],
      ]),
    }),
    conflict: [409, { error: { code: 'STOCK_CONFLICT', message: 'Email already taken' } }],
    badRequest: [422, { error: { code: 'BAD_INPUT', message: 'limit must be a number' } }],
  }),
  flat: (entry) => ({
    format: createFlatFormat({
      entries: new Map([
        [entry, { status: 409, code: 'STOCK_CONFLICT', message: 'Stock conflict' }],
        [INVALID_PARAMETER_LITERAL, { status: 422, code: 'BAD_INPUT', message: 'Bad input' }],
      ]),
    }),
    conflict: [409, { code: 'STOCK_CONFLICT', message: 'Stock conflict: Email already taken' }],
    badRequest: [422, { code: 'BAD_INPUT', message: 'Bad input: limit must be a number' }],
  }),
  error_code: (entry) => ({
    format: createErrorCodeFormat({
      entries: new Map([
        [entry, { status: 409, code: 9 }],
        [INVALID_PARAMETER_LITERAL, { status: 422, code: 5 }],
      ]),
    }),
    conflict: [409, { error_code: 9, error_message: 'Email already taken', details: null }],
    badRequest: [422, { error_code: 5, error_message: 'limit must be a number', details: null }],
  }),
  problem: () => ({
    format: createProblemFormat({ typeBaseUri: 'https://errors.example.com/' }),
    conflict: [
      409,
      {
        type: 'https://errors.example.com/stock-conflict',
        title: 'Stock Conflict',
        status: 409,
        detail: 'Email already taken',
        instance: '/edges/conflict',
        code: 62,
      },
    ],
    badRequest: [
      400,
      {
        type: 'https://errors.example.com/invalid-parameter',
        title: 'Invalid Parameter',
        status: 400,
        detail: 'limit must be a number',
        instance: '/edges/bad-request',
        code: 88,
      },
    ],
  }),
};

describe.each(ADAPTERS)('catalog overrides reach Nest exceptions (%s)', (adapter) => {
  describe.each(Object.keys(CASES))('%s format', (name) => {
    describe.each([
      ['the defineError entry itself', ERR_STOCK_CONFLICT],
      ['a literal copy of the entry', STOCK_CONFLICT_LITERAL],
    ])('format table keyed by %s', (_keyedBy, entry) => {
      const { format, conflict, badRequest } = CASES[name](entry);
      let t: TestApp;
      beforeAll(async () => {
        const options: ErrorsModuleOptions = {
          format,
          statusMap: { 409: ERR_STOCK_CONFLICT },
          requestIdHeader: false,
        };
        t = await createTestApp(adapter, {
          imports: [ErrorsModule.forRoot(options)],
          controllers: [EdgesController],
        });
      });
      afterAll(() => t.close());

      it('statusMap entry + format row: a ConflictException renders the row', async () => {
        const res = await send(t.url, { path: '/edges/conflict' });
        expect([res.status, res.json()]).toStrictEqual(conflict);
      });

      it("an entries row for a built-in entry applies to Nest's BadRequestException", async () => {
        const res = await send(t.url, { path: '/edges/bad-request' });
        expect([res.status, res.json()]).toStrictEqual(badRequest);
      });
    });
  });
});
