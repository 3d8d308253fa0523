import type { ArgumentsHost } from '@nestjs/common';
import { createRequire } from 'node:module';

interface WsExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void;
}

const requireOptional = createRequire(import.meta.url);

/**
 * Leaves errors outside HTTP (RPC, WebSockets, GraphQL, ...) to Nest's own
 * handling. For RPC and GraphQL, returning nothing already tells Nest that
 * no filter handled the error. A gateway that applied this filter itself gets
 * no such second chance, so the error goes to Nest's WebSocket filter, loaded
 * only then (the package is there, or there would be no gateway).
 */
export function leaveToNest(exception: unknown, host: ArgumentsHost): undefined {
  if (host.getType() === 'ws') {
    const { BaseWsExceptionFilter } = requireOptional('@nestjs/websockets') as {
      BaseWsExceptionFilter: new () => WsExceptionFilter;
    };
    new BaseWsExceptionFilter().catch(exception, host);
  }
  return undefined;
}
