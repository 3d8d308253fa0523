import autocannon from 'autocannon';
import type { RequestSpec } from './variants.js';

export interface LoadOptions {
  readonly connections: number;
  readonly pipelining: number;
  /** Seconds; ignored when `amount` is set. */
  readonly duration?: number;
  /** Total number of requests to send. */
  readonly amount?: number;
}

/** What one run of the load generator measured, and whether every answer was right. */
export interface LoadResult {
  /** Completed responses per second over the run. */
  readonly rps: number;
  readonly responses: number;
  readonly seconds: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Responses by status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Responses with another status than expected, or (single request kind) another body. */
  readonly wrong: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
}

/**
 * Drives one server with one request kind for a duration (or an amount), and
 * checks every response: its status, and its body byte for byte.
 */
export async function drive(
  url: string,
  spec: RequestSpec,
  options: LoadOptions,
): Promise<LoadResult> {
  const result = await autocannon({
    url: url + spec.path,
    method: spec.method,
    headers: { ...spec.headers },
    body: spec.body,
    expectBody: spec.expectBody,
    connections: options.connections,
    pipelining: options.pipelining,
    ...(options.amount === undefined ? { duration: options.duration } : { amount: options.amount }),
  });
  return summarise(result, [spec.expectStatus], result.mismatches);
}

/**
 * Drives one server with several request kinds in turn (the memory mode).
 * Statuses are checked against the set the kinds expect; bodies are not
 * compared (autocannon compares bodies only for a single request kind).
 */
export async function driveMixed(
  url: string,
  specs: readonly RequestSpec[],
  options: LoadOptions,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    requests: specs.map((spec) => ({
      method: spec.method,
      path: spec.path,
      headers: { ...spec.headers },
      ...(spec.body === undefined ? {} : { body: spec.body }),
    })),
    connections: options.connections,
    pipelining: options.pipelining,
    ...(options.amount === undefined ? { duration: options.duration } : { amount: options.amount }),
  });
  return summarise(
    result,
    specs.map((spec) => spec.expectStatus),
    0,
  );
}

function summarise(
  result: Awaited<ReturnType<typeof autocannon>>,
  expectedStatuses: readonly number[],
  mismatches: number,
): LoadResult {
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    statuses[status] = count;
    if (!expectedStatuses.includes(Number(status))) unexpected += count;
  }
  const responses = result.requests.total;
  return {
    rps: result.duration > 0 ? responses / result.duration : 0,
    responses,
    seconds: result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    statuses,
    // A wrong status usually also means a wrong body: count each response once.
    wrong: Math.max(unexpected, mismatches),
    errors: result.errors + result.timeouts,
  };
}

/** One request, checked in full (status, body, content type) before a server is measured. */
export async function preflight(url: string, spec: RequestSpec): Promise<string | undefined> {
  const response = await fetch(url + spec.path, {
    method: spec.method,
    headers: { ...spec.headers },
    body: spec.body,
  });
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const problems: string[] = [];
  if (response.status !== spec.expectStatus) {
    problems.push(`status ${response.status}, expected ${spec.expectStatus}`);
  }
  if (body !== spec.expectBody) problems.push(`body ${body}, expected ${spec.expectBody}`);
  if (!type.startsWith('application/json')) problems.push(`content-type ${type}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}
