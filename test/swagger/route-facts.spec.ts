import { Body, Controller, type DynamicModule, Param, Post, UsePipes } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiValidationPipe, ErrorsModule } from 'nestjs-api-errors';
import { z } from 'zod';
import { appFactsOf } from '../../src/swagger/app-facts.js';
import { type AppFacts, routeFactsOf } from '../../src/swagger/route-facts.js';
import { hasValidationRules } from '../../src/swagger/validation-failure.js';
import {
  CatalogController,
  docsFixture,
  GuardedController,
  LooseDto,
  OpenController,
  PageQuery,
  SignUpDto,
  SlugParams,
} from './fixtures/docs-fixture.js';

/** What the module's pipe, built with no validation options, was built with. */
const MODULE_PIPE = { options: {}, classValidator: true };

/** The facts the route walker finds in an app built from `root`. */
async function factsOf(root: DynamicModule) {
  const moduleRef = await Test.createTestingModule({ imports: [root] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const appFacts = appFactsOf(app);
  await app.close();
  return {
    appFacts,
    of: (controller: abstract new (...args: never[]) => unknown, method: string) =>
      routeFactsOf(controller, method, appFacts, hasValidationRules),
  };
}

describe('the route walker', () => {
  it('finds both guards of a route guarded by @UseGuards(ClientVersionGuard, TwoFactorAuthGuard)', async () => {
    const { appFacts, of } = await factsOf(docsFixture());
    expect(appFacts).toStrictEqual<AppFacts>({
      globalAuthGuard: false,
      globalVersionGuard: false,
      globalValidationPipes: [MODULE_PIPE],
    });
    expect(of(GuardedController, 'signUp')).toStrictEqual({
      documented: [],
      authGuarded: true,
      versionGuarded: true,
      validatedInputs: [{ kind: 'dto', location: 'body', type: SignUpDto, pipe: MODULE_PIPE }],
      takesBody: true,
    });
  });

  it('lets @Public() on a handler through the auth guard, not through the version guard', async () => {
    const { of } = await factsOf(docsFixture());
    expect(of(GuardedController, 'open')).toMatchObject({
      authGuarded: false,
      versionGuarded: true,
    });
  });

  it('lets every route of a @Public() controller through the global auth guard', async () => {
    const { appFacts, of } = await factsOf(docsFixture({}, { globalAuthGuard: true }));
    expect(appFacts.globalAuthGuard).toBe(true);
    expect(of(OpenController, 'bySlug').authGuarded).toBe(false);
    expect(of(OpenController, 'loose').authGuarded).toBe(false);
    // A controller without @Public() is guarded by the global guard.
    expect(of(GuardedController, 'plain').authGuarded).toBe(true);
  });

  it('finds no DTO on a route without one, and no rules on a DTO without any', async () => {
    const { of } = await factsOf(docsFixture());
    expect(of(GuardedController, 'plain')).toMatchObject({
      validatedInputs: [],
      takesBody: false,
    });
    // LooseDto has no rules, and @Body('anything') is a string.
    expect(of(OpenController, 'loose')).toMatchObject({ validatedInputs: [], takesBody: true });
    expect(hasValidationRules(LooseDto, {})).toBe(false);
  });

  it('finds path and query DTOs in parameter order', async () => {
    const { of } = await factsOf(docsFixture());
    expect(of(OpenController, 'bySlug').validatedInputs).toStrictEqual([
      { kind: 'dto', location: 'param', type: SlugParams, pipe: MODULE_PIPE },
      { kind: 'dto', location: 'query', type: PageQuery, pipe: MODULE_PIPE },
    ]);
  });

  it('finds no guard in an app without the guards configured', async () => {
    const { appFacts, of } = await factsOf(ErrorsModule.forRoot());
    expect(appFacts).toStrictEqual<AppFacts>({
      globalAuthGuard: false,
      globalVersionGuard: false,
      globalValidationPipes: [MODULE_PIPE],
    });
    expect(of(CatalogController, 'password')).toMatchObject({
      authGuarded: false,
      versionGuarded: false,
    });
  });

  it('finds the global guards the module registers', async () => {
    const { appFacts } = await factsOf(
      docsFixture({}, { globalAuthGuard: true, globalClientVersionGuard: true }),
    );
    expect(appFacts).toMatchObject({ globalAuthGuard: true, globalVersionGuard: true });
  });

  it('finds no validation with `validation: false`, unless a route asks for the pipe', async () => {
    @Controller()
    class PipedController {
      @Post('piped')
      @UsePipes(new ApiValidationPipe())
      piped(@Body() body: SignUpDto) {
        return body;
      }

      @Post('unpiped')
      unpiped(@Body() body: SignUpDto) {
        return body;
      }
    }
    const root: DynamicModule = {
      module: class PipedModule {},
      imports: [ErrorsModule.forRoot({ validation: false })],
      controllers: [PipedController],
    };
    const { appFacts, of } = await factsOf(root);
    expect(appFacts.globalValidationPipes).toStrictEqual([]);
    expect(of(PipedController, 'piped').validatedInputs).toStrictEqual([
      { kind: 'dto', location: 'body', type: SignUpDto, pipe: MODULE_PIPE },
    ]);
    expect(of(PipedController, 'unpiped').validatedInputs).toStrictEqual([]);
  });

  it('lists what @ApiErrors recorded, the controller’s first', async () => {
    const { of } = await factsOf(docsFixture());
    expect(
      of(CatalogController, 'twoDecorators').documented.map((entry) => [
        entry.definition.code,
        entry.description,
      ]),
    ).toStrictEqual([
      ['OUT_OF_CREDIT', undefined],
      [21, 'That account was deleted'],
      [21, 'No account found with this email'],
    ]);
  });

  it('finds schemas and DTOs with the pipe that checks each, in the order Nest runs pipes', async () => {
    const Id = z.coerce.number();
    const routePipe = new ApiValidationPipe({ allErrors: true });
    @Controller()
    class MixedController {
      @Post('mixed/:id')
      @UsePipes(routePipe)
      mixed(@Param('id', { schema: Id }) id: number, @Body() body: SignUpDto) {
        return { id, body };
      }
    }
    const root: DynamicModule = {
      module: class MixedModule {},
      imports: [ErrorsModule.forRoot({ validation: { classValidator: false } })],
      controllers: [MixedController],
    };
    const { appFacts, of } = await factsOf(root);
    const modulePipe = { options: { classValidator: false }, classValidator: false };
    expect(appFacts.globalValidationPipes).toStrictEqual([modulePipe]);
    expect(of(MixedController, 'mixed').validatedInputs).toStrictEqual([
      // Any validation pipe checks a schema: the module's runs first.
      { kind: 'schema', location: 'param', schema: Id, name: 'id', pipe: modulePipe },
      // Only one that validates classes checks a DTO.
      {
        kind: 'dto',
        location: 'body',
        type: SignUpDto,
        pipe: { options: { allErrors: true }, classValidator: true },
      },
    ]);
  });
});
