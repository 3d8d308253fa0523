import type { ErrorReport } from '../report/error-report.interface.js';
import type { ErrorFormat } from './error-format.interface.js';
import { addExtras } from './format-table.js';

/**
 * The default envelope:
 * `{"meta":{"code":88,"message":"Invalid Parameter","description":"..."}}`.
 * `description` is left out, never `null`, when there is nothing to say;
 * extra members (e.g. a version error's `min_version`) follow it.
 *
 * @publicApi
 */
export const metaFormat: ErrorFormat = Object.freeze({
  name: 'meta',
  contentType: 'application/json; charset=utf-8',
  render(report: ErrorReport) {
    const { definition, description, extras } = report;
    const meta: Record<string, unknown> = { code: definition.code, message: definition.title };
    if (description !== undefined) meta.description = description;
    addExtras(meta, extras);
    return { status: definition.status, body: { meta } };
  },
});
