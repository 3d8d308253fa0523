import { ClientProxyFactory, type ClientProxy, Transport } from '@nestjs/microservices';
import { ApiExceptionFilter, ErrorsModule } from 'nestjs-api-errors';
import { firstValueFrom } from 'rxjs';
import type { MockInstance } from 'vitest';
import { INTERNAL_SECRET } from '../fixtures/core/thrown-values.js';
import { RpcController } from '../fixtures/rpc/rpc.controller.js';
import { freePort } from '../helpers/free-port.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)(
  'contexts other than HTTP: a hybrid app with TCP messages (%s)',
  (adapter) => {
    let t: TestApp;
    let client: ClientProxy;
    let seen: MockInstance<ApiExceptionFilter['catch']>;

    beforeAll(async () => {
      // Nest binds the filter's method when the app starts, so the spy goes on first.
      seen = vi.spyOn(ApiExceptionFilter.prototype, 'catch');
      const port = await freePort();
      t = await createTestApp(
        adapter,
        { imports: [ErrorsModule.forRoot()], controllers: [RpcController] },
        {
          configure: async (app) => {
            // inheritAppConfig hands the global filter to the microservice too.
            app.connectMicroservice(
              { transport: Transport.TCP, options: { host: '127.0.0.1', port } },
              { inheritAppConfig: true },
            );
            await app.startAllMicroservices();
          },
        },
      );
      client = ClientProxyFactory.create({
        transport: Transport.TCP,
        options: { host: '127.0.0.1', port },
      });
      await client.connect();
    });
    afterAll(async () => {
      seen.mockRestore();
      await client.close();
      await t.close();
    });

    const call = (pattern: string, data: unknown = {}) =>
      firstValueFrom(client.send(pattern, data));

    it("a plain Error gets Nest's default RPC answer, nothing internal", async () => {
      seen.mockClear();
      await expect(call('boom')).rejects.toStrictEqual({
        status: 'error',
        message: 'Internal server error',
      });
      // The filter was asked, in an RPC context, and handed the error back to Nest.
      const rpcCalls = seen.mock.calls.filter(([, host]) => host.getType() === 'rpc');
      expect(rpcCalls).toHaveLength(1);
      expect(seen.mock.results.at(-1)).toStrictEqual({ type: 'return', value: undefined });
    });

    it("an RpcException gets Nest's default RPC answer, its own error", async () => {
      await expect(call('rpc-exception')).rejects.toStrictEqual({
        status: 'error',
        message: 'cart is locked',
      });
    });

    it("an AppError thrown over RPC gets Nest's answer to any non-RPC error", async () => {
      t.logger.clear();
      await expect(call('app-error')).rejects.toStrictEqual({
        status: 'error',
        message: 'Internal server error',
      });
      // The filter answers and logs HTTP errors only; this one stays Nest's business.
      expect(t.logger.fromFilter()).toStrictEqual([]);
    });

    it('messages that succeed are untouched', async () => {
      await expect(call('sum', [1, 2, 3])).resolves.toBe(6);
    });

    it('the filter never failed, and HTTP keeps working with the envelope', async () => {
      const failures = t.logger.fromFilter('error').filter((line) => line.startsWith('Could not'));
      expect(failures).toStrictEqual([]);
      expect((await send(t.url, { path: '/http-still-works' })).status).toBe(200);
      const missing = await send(t.url, { path: '/nowhere' });
      expect(missing.json().meta.code).toBe(10);
    });

    it('never sends the internal message over RPC', async () => {
      const error = await call('boom').catch((e: unknown) => e);
      expect(JSON.stringify(error)).not.toContain(INTERNAL_SECRET);
    });
  },
);
