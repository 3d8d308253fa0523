import { ERR_DATABASE_ROLLBACK } from '../catalog/error-catalog.js';
import { AppError, type AppErrorOptions } from './app.error.js';
import { formatParams } from './format-params.util.js';

/**
 * A database operation failed (500 / 77). The description is
 * `{ "details": "...", "params": "..." }`; secrets in `params` (passwords,
 * tokens, cookies, authorization) are masked before they are stored, and the
 * filter sends no 5xx description in production unless told to.
 *
 * @example
 * throw new DatabaseError(['Connection timeout'], { user_id: 12345 }, { cause: err });
 *
 * @publicApi
 */
export class DatabaseError extends AppError {
  constructor(details: string | readonly string[], params?: unknown, options?: AppErrorOptions) {
    const description: Record<string, string> = {
      details: typeof details === 'string' ? details : details.join(', '),
    };
    if (params !== undefined) description.params = formatParams(params);
    super(ERR_DATABASE_ROLLBACK, Object.freeze(description), options);
  }
}
