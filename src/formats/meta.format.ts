import type { ErrorReport } from '../report/error-report.interface.js';
import type { ErrorFormat } from './error-format.interface.js';

/**
 * The default envelope:
 * `{"meta":{"code":88,"message":"Invalid Parameter","description":"..."}}`.
 * `description` is left out, never `null`, when there is nothing to say.
 *
 * @publicApi
 */
export const metaFormat: ErrorFormat = Object.freeze({
  name: 'meta',
  contentType: 'application/json; charset=utf-8',
  render(report: ErrorReport) {
    const { definition, description } = report;
    const meta =
      description === undefined
        ? { code: definition.code, message: definition.title }
        : { code: definition.code, message: definition.title, description };
    return { status: definition.status, body: { meta } };
  },
});
