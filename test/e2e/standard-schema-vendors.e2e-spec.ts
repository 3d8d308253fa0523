import {
  Body,
  Controller,
  Module,
  Post,
  StandardSchemaValidationPipe,
  type DynamicModule,
} from '@nestjs/common';
import { type } from 'arktype';
import {
  ErrorsModule,
  type ErrorsModuleOptions,
  type StandardSchema,
  type StandardSchemaIssue,
  standardSchemaExceptionFactory,
} from 'nestjs-api-errors';
import * as v from 'valibot';
import { sendJson } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Schemas of libraries other than zod and valibot: their messages are the
 * library's own words, which may repeat what the client sent (ArkType's
 * `(was "…")`), so none is sent unless the app says that library's may be.
 */

const SECRET = 'hunter2-secret';

const ArkAccount = type({ email: 'string.email', name: 'string' });
/** ArkType told to leave the value out of its messages. */
const QuietArkAccount = type({
  email: type('string.email').configure({ actual: () => '' }),
  name: 'string',
});

/**
 * A library this package has never heard of, whose issues look like zod's
 * (they have a `code`) or like nothing known, and whose messages repeat the value.
 */
const acmeAccount: StandardSchema = {
  '~standard': {
    version: 1,
    vendor: 'acme',
    validate(value) {
      const { pin, nickname } = (value ?? {}) as Record<string, unknown>;
      const issues: StandardSchemaIssue[] = [];
      if (typeof pin !== 'string' || !/^\d{4}$/.test(pin)) {
        issues.push({
          code: 'invalid_format',
          format: 'pin',
          message: `PIN ${JSON.stringify(pin)} is not four digits`,
          path: ['pin'],
        } as StandardSchemaIssue);
      }
      if (nickname !== undefined && typeof nickname !== 'string') {
        issues.push({
          message: `nickname ${JSON.stringify(nickname)} is no text`,
          path: ['nickname'],
        });
      }
      return issues.length > 0 ? { issues } : { value };
    },
  },
};

/** Read with valibot's global config, so a translation set below applies. */
const ValibotAccount = v.object({ email: v.pipe(v.string(), v.email()) });

@Controller()
class VendorsController {
  @Post('ark/accounts')
  ark(@Body({ schema: ArkAccount }) account: typeof ArkAccount.infer) {
    return account;
  }

  @Post('ark/quiet-accounts')
  quietArk(@Body({ schema: QuietArkAccount }) account: typeof QuietArkAccount.infer) {
    return account;
  }

  @Post('acme/accounts')
  acme(@Body({ schema: acmeAccount }) account: unknown) {
    return account;
  }

  @Post('valibot/accounts')
  valibot(@Body({ schema: ValibotAccount }) account: unknown) {
    return account;
  }

  /** Nest's own pipe: the factory does not learn the library, and is not told. */
  @Post('ark/nest-pipe')
  arkNestPipe(
    @Body({
      schema: ArkAccount,
      pipes: [
        new StandardSchemaValidationPipe({ exceptionFactory: standardSchemaExceptionFactory() }),
      ],
    })
    account: unknown,
  ) {
    return account;
  }

  /** Nest's own pipe, told the library and that its messages may be sent. */
  @Post('ark/nest-pipe-quiet')
  arkNestPipeQuiet(
    @Body({
      schema: QuietArkAccount,
      pipes: [
        new StandardSchemaValidationPipe({
          exceptionFactory: standardSchemaExceptionFactory({
            vendor: 'arktype',
            schemaMessageVendors: ['arktype'],
          }),
        }),
      ],
    })
    account: unknown,
  ) {
    return account;
  }
}

@Module({})
class VendorsModule {
  static with(options: ErrorsModuleOptions): DynamicModule {
    return {
      module: VendorsModule,
      imports: [ErrorsModule.forRoot(options)],
      controllers: [VendorsController],
    };
  }
}

const invalid = (description: unknown) => ({
  meta: { code: 88, message: 'Invalid Parameter', description },
});

describe.each(ADAPTERS)('Standard Schemas of other libraries (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, VendorsModule.with({ logClientErrors: true }));
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  const expectNotRepeated = (text: string) => {
    expect(text).not.toContain('hunter2');
    const lines = t.logger.fromFilter();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain('hunter2');
  };

  it("ArkType: a failed rule is ours, never ArkType's message with the value", async () => {
    const res = await sendJson(t.url, 'POST', '/ark/accounts', { email: SECRET, name: 'Ann' });
    expect(res.status).toBe(400);
    expect(res.json()).toStrictEqual(invalid('email is invalid'));
    expectNotRepeated(res.text);
  });

  it('ArkType: a missing field is required, a wrong type invalid', async () => {
    const missing = await sendJson(t.url, 'POST', '/ark/accounts', { name: 'Ann' });
    expect(missing.json()).toStrictEqual(invalid('email is required'));
    const wrong = await sendJson(t.url, 'POST', '/ark/accounts', { email: 'a@b.co', name: 5 });
    expect(wrong.json()).toStrictEqual(invalid('name is invalid'));
  });

  it('ArkType: a valid body reaches the handler', async () => {
    const res = await sendJson(t.url, 'POST', '/ark/accounts', { email: 'a@b.co', name: 'Ann' });
    expect(res.status).toBe(201);
    expect(res.json()).toStrictEqual({ email: 'a@b.co', name: 'Ann' });
  });

  it('an unknown library: an issue shaped like zod’s, or like nothing, is ours', async () => {
    const pin = await sendJson(t.url, 'POST', '/acme/accounts', { pin: SECRET });
    expect(pin.json()).toStrictEqual(invalid('pin is invalid'));
    expectNotRepeated(pin.text);
    t.logger.clear();
    const nickname = await sendJson(t.url, 'POST', '/acme/accounts', {
      pin: '1234',
      nickname: [SECRET],
    });
    expect(nickname.json()).toStrictEqual(invalid('nickname is invalid'));
    expectNotRepeated(nickname.text);
  });
});

describe.each(ADAPTERS)("Nest's StandardSchemaValidationPipe with our factory (%s)", (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    // No global pipe: the route's own pipe is the one that fails.
    t = await createTestApp(
      adapter,
      VendorsModule.with({ validation: false, logClientErrors: true }),
    );
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  it('not told the library, describes a failure as invalid', async () => {
    const res = await sendJson(t.url, 'POST', '/ark/nest-pipe', { email: SECRET, name: 'Ann' });
    expect(res.json()).toStrictEqual(invalid('email is invalid'));
    expect(res.text).not.toContain('hunter2');
    for (const line of t.logger.fromFilter()) expect(line).not.toContain('hunter2');
  });

  it("told the library and that its messages may be sent, sends ArkType's", async () => {
    const res = await sendJson(t.url, 'POST', '/ark/nest-pipe-quiet', {
      email: SECRET,
      name: 'Ann',
    });
    expect(res.json()).toStrictEqual(invalid('email must be an email address'));
  });
});

describe.each(ADAPTERS)('schemaMessageVendors (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      VendorsModule.with({ validation: { schemaMessageVendors: ['arktype'] } }),
    );
  });
  afterAll(() => t.close());

  it("sends a listed library's messages, after the path", async () => {
    const res = await sendJson(t.url, 'POST', '/ark/quiet-accounts', {
      email: SECRET,
      name: 'Ann',
    });
    expect(res.json()).toStrictEqual(invalid('email must be an email address'));
    const wrong = await sendJson(t.url, 'POST', '/ark/quiet-accounts', {
      email: 'a@b.co',
      name: 5,
    });
    expect(wrong.json()).toStrictEqual(invalid('name must be a string (was a number)'));
  });

  it('still says a missing field is required', async () => {
    const res = await sendJson(t.url, 'POST', '/ark/quiet-accounts', { name: 'Ann' });
    expect(res.json()).toStrictEqual(invalid('email is required'));
  });

  it('keeps the other libraries’ messages ours', async () => {
    const res = await sendJson(t.url, 'POST', '/acme/accounts', { pin: SECRET });
    expect(res.json()).toStrictEqual(invalid('pin is invalid'));
  });
});

describe.each(ADAPTERS)('valibot with translated messages (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    // What @valibot/i18n registers: messages in another language that repeat the value.
    v.setSpecificMessage(v.email, (issue) => `Ungültige E-Mail: ${issue.received} erhalten`, 'de');
    v.setGlobalConfig({ lang: 'de' });
    t = await createTestApp(adapter, VendorsModule.with({ logClientErrors: true }));
  });
  afterAll(async () => {
    v.deleteGlobalConfig();
    v.deleteSpecificMessage(v.email, 'de');
    await t.close();
  });

  it("answers with our sentence, not the translation's value", async () => {
    const res = await sendJson(t.url, 'POST', '/valibot/accounts', { email: SECRET });
    expect(res.json()).toStrictEqual(invalid('email must be an email'));
    expect(res.text).not.toContain('hunter2');
    for (const line of t.logger.fromFilter()) expect(line).not.toContain('hunter2');
  });
});

describe.each(ADAPTERS)('schemaMessageVendors that is no list of names (%s)', (adapter) => {
  it('stops the start-up, saying what is expected', async () => {
    await expect(
      createTestApp(
        adapter,
        VendorsModule.with({ validation: { schemaMessageVendors: 'arktype' as never } }),
      ),
    ).rejects.toThrow(
      `ApiValidationPipe: "schemaMessageVendors" must be a list of Standard Schema library names (what schema['~standard'].vendor says), e.g. ['arktype']`,
    );
  });
});
