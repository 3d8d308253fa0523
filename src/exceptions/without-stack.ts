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

/**
 * The limit a suspension will restore, while one is on. It lives only for
 * one synchronous call of {@link withStackCaptureSuspended}, so no request
 * ever sees another's.
 */
let suspendedLimit: number | undefined;

/**
 * Runs `run` without capturing stack traces until it returns or
 * {@link resumeStackCapture} is called, whichever comes first. For code of
 * another library that raises an error over a client's mistake, where the
 * error cannot be created through {@link withoutStack}.
 */
export function withStackCaptureSuspended<T>(run: () => T): T {
  if (!STACK_LIMIT_WRITABLE || suspendedLimit !== undefined) return run();
  const limit = Error.stackTraceLimit;
  suspendedLimit = limit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    suspendedLimit = undefined;
    Error.stackTraceLimit = limit;
  }
}

/** Ends the current suspension early, if there is one; everything after captures stacks again. */
export function resumeStackCapture(): void {
  if (suspendedLimit === undefined) return;
  Error.stackTraceLimit = suspendedLimit;
  suspendedLimit = undefined;
}
