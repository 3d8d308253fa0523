import { ThrottlerModule } from '@nestjs/throttler';
import { definitionForStatus } from 'nestjs-api-errors';
import { SAMPLE_CONFIG, type SampleConfig } from '../config.js';

/** What a throttled login answers (429 / 429 in the meta format), for the API docs. */
export const TOO_MANY_ATTEMPTS = definitionForStatus(429);

/**
 * The description of every refusal. The wait is in `Retry-After` (and the
 * `error` format's `retry_after`): it shrinks from one refusal to the next,
 * so a sentence naming it would differ from the one the API docs show.
 */
export const TOO_MANY_ATTEMPTS_SENTENCE = 'Too many attempts; try again later';

/**
 * The rate limit of the login routes (`@UseGuards(ThrottlerGuard)` on each):
 * `LOGIN_RATE_LIMIT` requests per `LOGIN_RATE_WINDOW_SECONDS` from one client
 * address, counted per route. Over it, the throttler sets `Retry-After` and
 * throws; the library's filter answers 429 in the envelope and keeps that
 * header. The throttler's default name matters: other names get their own
 * `Retry-After-<name>` header.
 */
export const LoginThrottlingModule = ThrottlerModule.forRootAsync({
  inject: [SAMPLE_CONFIG],
  useFactory: (config: SampleConfig) => ({
    throttlers: [{ ttl: config.loginRateWindowSeconds * 1000, limit: config.loginRateLimit }],
    errorMessage: TOO_MANY_ATTEMPTS_SENTENCE,
  }),
});
