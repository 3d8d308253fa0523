import { DefinitionMap } from '../catalog/definition-map.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import { HTTP_STATUS_PHRASES } from '../catalog/http-status-phrases.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { echoablePath } from '../report/request-path.js';
import type { Violation } from '../report/violation.interface.js';
import type { ErrorFormat, RenderContext } from './error-format.interface.js';
import {
  addExtras,
  sentenceOf,
  STANDARD_ENTRIES,
  structuredDescriptionOf,
} from './format-table.js';

/** Options of {@link createProblemFormat}. @publicApi */
export interface ProblemFormatOptions {
  /**
   * Prefix of the `type` URI of catalog entries, e.g. `https://api.example.com/problems/`;
   * the entry's slug follows (`invalid-parameter`). Errors that are only an HTTP
   * status get `about:blank`, as RFC 9457 says.
   * @default 'urn:problem-type:'
   */
  typeBaseUri?: string;
}

/**
 * RFC 9457 Problem Details, `application/problem+json`:
 * `{"type","title","status","detail","instance","code","request_id"}`, with
 * validation failures as `errors`, each with a JSON pointer into the body
 * (`#/items/0/quantity`) or the name of the query or path `parameter`.
 *
 * @publicApi
 */
export function createProblemFormat(options: ProblemFormatOptions = {}): ErrorFormat {
  const base = options.typeBaseUri ?? 'urn:problem-type:';
  const typeOf = (definition: ErrorDefinition) =>
    isBareStatus(definition) ? 'about:blank' : `${base}${slugOf(definition)}`;
  // The catalog's and the statuses' types are worked out once; an app's own entries on use.
  const types = new DefinitionMap<string>();
  for (const definition of STANDARD_ENTRIES) types.set(definition, typeOf(definition));
  // An application's own entries, worked out on first use; held weakly, by the entry itself.
  const ownTypes = new WeakMap<ErrorDefinition, string>();
  const typeOfOwn = (definition: ErrorDefinition): string => {
    let type = ownTypes.get(definition);
    if (type === undefined) {
      type = typeOf(definition);
      ownTypes.set(definition, type);
    }
    return type;
  };
  return Object.freeze({
    name: 'problem',
    contentType: 'application/problem+json; charset=utf-8',
    render(report: ErrorReport, context: RenderContext) {
      const { definition } = report;
      const body: Record<string, unknown> = {
        type: types.get(definition) ?? typeOfOwn(definition),
        title: definition.title,
        status: definition.status,
      };
      const detail = sentenceOf(report);
      if (detail !== undefined) body.detail = detail;
      body.instance = echoablePath(context.url);
      body.code = report.errorCode ?? definition.code;
      if (context.requestId !== undefined) body.request_id = context.requestId;
      const structured = structuredDescriptionOf(report);
      if (structured !== undefined) body.details = structured;
      if (report.violations?.length) body.errors = report.violations.map(toProblemError);
      addExtras(body, report.extras);
      return { status: definition.status, body };
    },
  });
}

/** An entry that says no more than its status (`{ code: 403, title: 'Forbidden' }`). */
function isBareStatus(definition: ErrorDefinition): boolean {
  return (
    definition.code === definition.status &&
    HTTP_STATUS_PHRASES.get(definition.status) === definition.title
  );
}

/** A string code as it is (`out-of-credit`), otherwise the title in kebab case. */
function slugOf(definition: ErrorDefinition): string {
  const source = typeof definition.code === 'string' ? definition.code : definition.title;
  return source
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

function toProblemError(violation: Violation): Record<string, string> {
  if (violation.location === 'query' || violation.location === 'param') {
    return { detail: violation.message, parameter: violation.path };
  }
  return { detail: violation.message, pointer: jsonPointer(violation.segments) };
}

/**
 * RFC 6901 pointer as a URI fragment, as RFC 9457's own example writes it.
 * A property whose name is not shown (`?`) is pointed at through its parent.
 */
function jsonPointer(segments: readonly (string | number)[]): string {
  const unnamed = segments.indexOf('?');
  const shown = unnamed === -1 ? segments : segments.slice(0, unnamed);
  const escaped = shown.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1'));
  return `#/${escaped.join('/')}`;
}
