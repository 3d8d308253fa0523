import {
  ApiError,
  isApiError,
  parseApiError,
  retryPolicy,
  userMessage,
  withRetry,
} from 'nestjs-api-errors/client';

/** Where the shop runs and where the walk-through writes what happens. */
export interface WalkThroughOptions {
  /** e.g. `http://localhost:3000` */
  readonly baseUrl: string;
  readonly log: (line: string) => void;
}

const ALICE = { email: 'alice@example.com', password: 'correct-horse' };

/** Methods that may be sent twice; a POST is resent only when the server did nothing. */
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/i;

/**
 * A client of the sample shop, written with `nestjs-api-errors/client`: it
 * logs in, rides out a flaky 503 with retries, and handles a 99 by logging in
 * again, as an app's API layer would.
 */
export async function walkThrough({ baseUrl, log }: WalkThroughOptions): Promise<void> {
  let token: string | undefined;

  const logIn = async (): Promise<string> => {
    const response = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ALICE),
    });
    if (!response.ok) throw await parseApiError(response);
    const body = (await response.json()) as { token: string };
    log(`logged in as ${ALICE.email}`);
    return body.token;
  };

  /**
   * One request: retried when worth it and safe (a POST only after a 429 or a
   * 503 with Retry-After); on 99, logs in again and tries once more.
   */
  const api = async <T>(path: string, init: RequestInit = {}, again = true): Promise<T> => {
    const headers = new Headers(init.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    try {
      const response = await withRetry(() => fetch(`${baseUrl}${path}`, { ...init, headers }), {
        idempotent: IDEMPOTENT.test(init.method ?? 'GET'),
        onRetry: ({ attempt, delayMs, error }) => {
          const status = isApiError(error) ? error.status : 'network error';
          log(`${path}: attempt ${attempt} answered ${status}, retrying in ${delayMs} ms`);
        },
      });
      return (response.status === 204 ? undefined : await response.json()) as T;
    } catch (error) {
      if (again && isApiError(error) && retryPolicy(error).action === 'reauthenticate') {
        log(
          `${path}: ${error.status} / ${String(error.code)} (${userMessage(error)}) - logging in again`,
        );
        token = undefined;
        token = await logIn();
        return api<T>(path, init, false);
      }
      throw error;
    }
  };

  token = await logIn();
  const me = await api<{ email: string }>('/api/v2/me');
  log(`GET /api/v2/me: ${me.email}`);

  const key = `walk-through-${Date.now()}`;
  const status = await api<{ status: string; calls: number }>(
    `/api/v2/demo/flaky-status?key=${key}`,
  );
  log(`GET /api/v2/demo/flaky-status: ${status.status} after ${status.calls} calls`);

  // The session ends behind the client's back (here: a logout); the next call answers 99.
  await api<void>('/auth/logout', { method: 'POST' });
  const again = await api<{ email: string }>('/api/v2/me');
  log(`GET /api/v2/me: ${again.email}`);

  try {
    await api('/api/v2/cart/items', {
      method: 'POST',
      body: JSON.stringify({ product_id: 1, quantity: 5 }),
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const advice = retryPolicy(error).action;
    log(
      `POST /api/v2/cart/items: ${error.status} / ${String(error.code)}, ${advice}: ${userMessage(error, { 32: (e) => String(e.description) })}`,
    );
  }
}
