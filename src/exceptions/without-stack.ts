/** Whether `Error.stackTraceLimit` may be changed here (a locked-down realm may freeze it). */
const STACK_LIMIT_WRITABLE =
  Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable === true;

/**
 * Creates an error without capturing a stack trace. For errors the library
 * raises over a client's mistake (a validation failure, a refused token):
 * they are answered 4xx and never logged with a stack, and capturing one is
 * most of what creating an `HttpException` costs. The limit is restored
 * before anything else can run.
 */
export function withoutStack<T>(create: () => T): T {
  if (!STACK_LIMIT_WRITABLE) return create();
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return create();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
