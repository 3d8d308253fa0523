import { Controller, Get, Query } from '@nestjs/common';
import { AppError, definitionForStatus, Public } from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import { FlakyStatusQuery } from './flaky-status.query.js';

/** Keys remembered at once; the oldest is forgotten first, so memory stays bounded. */
const MAX_KEYS = 1000;

const SERVICE_UNAVAILABLE = definitionForStatus(503);
const STARTING = 'The status service is starting; try again shortly';
/** Seconds a client is asked to wait: short, so a retrying client gets through quickly. */
const RETRY_AFTER_SECONDS = 1;

/**
 * A status check that is briefly unavailable, to try a client's retries
 * against: the first `failures` calls (2 unless given, at most 5) with one
 * `key` answer 503 with `Retry-After: 1`, the next ones 200. The counts are
 * the demo's point, so unlike the shop's routes it keeps state between
 * requests, per key.
 */
@Public()
@Controller('api/v2/demo/flaky-status')
export class FlakyStatusController {
  private readonly calls = new Map<string, number>();

  @ApiErrors([SERVICE_UNAVAILABLE, STARTING, { retryAfter: RETRY_AFTER_SECONDS }])
  @Get()
  check(@Query() { key, failures = 2 }: FlakyStatusQuery): { status: 'ok'; calls: number } {
    const calls = (this.calls.get(key) ?? 0) + 1;
    this.calls.delete(key);
    if (this.calls.size >= MAX_KEYS) this.calls.delete(this.calls.keys().next().value!);
    this.calls.set(key, calls);
    if (calls <= failures) {
      throw new AppError(SERVICE_UNAVAILABLE, STARTING, { retryAfter: RETRY_AFTER_SECONDS });
    }
    return { status: 'ok', calls };
  }
}
