import { collectIssueViolations } from '../validation/standard-schema/collect-issues.js';
import { issueReadingOf, messageVendorsOf } from '../validation/standard-schema/issue-reading.js';
import type { StandardSchemaResult } from '../validation/standard-schema/standard-schema.types.js';
import { invalidParameters, ValidationFailure } from '../validation/validation-failure.js';
import type { DocumentedError } from './documented-error.interface.js';
import type { SchemaInput } from './route-facts.js';

/** A value tried against a schema, as the parameter receives it when a client sends it. */
interface Probe {
  readonly value: unknown;
  /** What the client sent, for the example's summary. */
  readonly label: string;
}

const LABELS: Readonly<Record<SchemaInput['location'], string>> = {
  body: 'the body',
  query: 'the query string',
  param: 'a path parameter',
};

/**
 * Values a parameter can receive, tried in this order: the first the schema
 * refuses is the example. A whole body `{}` (then `[]`: a JSON body need not
 * be an object), a whole query string empty; a named field absent first,
 * then a few wrong values. Query strings and path parameters only ever carry
 * strings. A whole set of path parameters is never tried: a request always
 * has the route's.
 */
function probesOf(input: SchemaInput): Probe[] {
  const where = LABELS[input.location];
  const { name } = input;
  if (name === undefined) {
    if (input.location === 'body') {
      return [
        { value: {}, label: `${where} is {}` },
        { value: [], label: `${where} is []` },
      ];
    }
    return input.location === 'query' ? [{ value: {}, label: `${where} is empty` }] : [];
  }
  const sent = (value: unknown): Probe => ({
    value,
    label: `${where} has ${name} = ${JSON.stringify(value)}`,
  });
  const absent: Probe = { value: undefined, label: `${where} has no ${name}` };
  switch (input.location) {
    case 'body':
      return [absent, sent('x'), sent(0), sent({}), sent([])];
    case 'query':
      return [absent, sent('x'), sent('0'), sent('-1'), sent('1.5'), sent('')];
    default:
      return [sent('x'), sent('0'), sent('-1'), sent('1.5')];
  }
}

/**
 * The failure `ApiValidationPipe` answers for a parameter with a Standard
 * Schema: the schema's own issues for the first probe value it refuses,
 * turned into violations and the error by the pipe's own code, with the
 * pipe's options. The example is what the client gets for that value.
 * A schema that answers only asynchronously (an async refinement) cannot be
 * run while the document is built, and is left undocumented.
 */
export function schemaFailure(input: SchemaInput): DocumentedError | undefined {
  const { options } = input.pipe;
  const reading = issueReadingOf(
    input.schema['~standard'].vendor,
    messageVendorsOf(options.schemaMessageVendors, 'ApiValidationPipe'),
  );
  for (const probe of probesOf(input)) {
    let result: StandardSchemaResult | Promise<StandardSchemaResult>;
    try {
      result = input.schema['~standard'].validate(probe.value);
    } catch {
      continue;
    }
    if (isThenable(result)) {
      // Settled later, by nobody: its failure must not become an unhandled rejection.
      Promise.resolve(result).catch(() => undefined);
      return undefined;
    }
    if (!result.issues) continue;
    const violations = collectIssueViolations(
      result.issues,
      { value: probe.value, hasValue: true, name: input.name, wholeName: input.location },
      reading,
    );
    if (violations.length === 0) continue;
    return {
      exception: invalidParameters(
        new ValidationFailure(violations),
        input.location,
        options.allErrors ?? false,
      ),
      variant: { name: `${input.location}_validation`, label: probe.label },
    };
  }
  return undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
