import { narrowedTo, valueAt } from './error-schema.js';

type Schema = Record<string, unknown>;

interface MediaTypeObject {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { summary?: string; description?: string; value?: unknown }>;
}

interface ResponseObject {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaTypeObject>;
}

/** An operation as the writer changes it. */
export interface OperationObject {
  responses?: Record<string, ResponseObject | undefined>;
}

/** One documented error, rendered. */
export interface ErrorExample {
  /** Name of the example, unique within its response and media type. */
  readonly name: string;
  readonly summary: string;
  /** The catalog title, for the response's description. */
  readonly title: string;
  readonly status: number;
  readonly mediaType: string;
  readonly value: unknown;
  /** The response carries `Retry-After`. */
  readonly retryAfter: boolean;
}

/** What every error response of the document shares. */
export interface ResponseStyle {
  /** `#/components/schemas/MetaError`. */
  readonly schemaRef: string;
  /** Where the code is in a body, to narrow each response to its own codes. */
  readonly codePath?: readonly string[];
  /** The request id header sent with every error, if request ids are on. */
  readonly requestIdHeader?: string;
}

const REQUEST_ID_HEADER = {
  required: true,
  description:
    'The id of the request in the server’s logs: the one the client or a proxy sent, or one the server made.',
  schema: { type: 'string' },
};

const RETRY_AFTER_HEADER = {
  required: true,
  description: 'Whole seconds to wait before trying again.',
  schema: { type: 'integer', minimum: 0 },
};

/**
 * Adds error examples to an operation, one response per status and one
 * example per error. Nothing already there is dropped: an example of the same
 * name but another value is added under a new name, and a response schema
 * written by hand is kept next to the error schema (`anyOf`), its example
 * kept among the examples.
 */
export function addErrorExamples(
  operation: OperationObject,
  examples: readonly ErrorExample[],
  style: ResponseStyle,
): void {
  const responses = (operation.responses ??= {});
  const touched = new Map<ResponseObject, Set<string>>();
  const titles = new Map<ResponseObject, Set<string>>();
  for (const example of examples) {
    const status = String(example.status);
    const response = (responses[status] ??= { description: '' });
    const content = (response.content ??= {});
    const media = (content[example.mediaType] ??= {});
    claimSchema(media, style);
    addExample(media, example);
    addHeaders(response, example, style);
    (titles.get(response) ?? titles.set(response, new Set()).get(response)!).add(example.title);
    (touched.get(response) ?? touched.set(response, new Set()).get(response)!).add(
      example.mediaType,
    );
  }
  for (const [response, mediaTypes] of touched) {
    if (!response.description) response.description = [...titles.get(response)!].join(', ');
    for (const mediaType of mediaTypes) narrow(response.content![mediaType], style);
  }
}

const isOurs = (schema: unknown, ref: string): boolean => {
  const candidate = schema as { $ref?: unknown; allOf?: { $ref?: unknown }[] } | undefined;
  return candidate?.$ref === ref || candidate?.allOf?.[0]?.$ref === ref;
};

/** Makes the media type's schema the error schema, keeping one written by hand beside it. */
function claimSchema(media: MediaTypeObject, style: ResponseStyle): void {
  const ours: Schema = { $ref: style.schemaRef };
  const existing = media.schema;
  if (existing === undefined) {
    media.schema = ours;
  } else if (!isOurs(existing, style.schemaRef)) {
    const alternatives = (existing.anyOf as unknown[] | undefined) ?? [];
    if (!alternatives.some((schema) => isOurs(schema, style.schemaRef))) {
      media.schema = { anyOf: [existing, ours] };
    }
  }
  if (media.example !== undefined) {
    media.examples = { example: { value: media.example }, ...media.examples };
    delete media.example;
  }
}

function addExample(media: MediaTypeObject, example: ErrorExample): void {
  const examples = (media.examples ??= {});
  const text = JSON.stringify(example.value);
  for (let n = 1; ; n++) {
    const name = n === 1 ? example.name : `${example.name}-${n}`;
    const existing = examples[name];
    if (existing === undefined) {
      examples[name] = { summary: example.summary, value: example.value };
      return;
    }
    // The same error documented twice (by two decorators, or a second run) is kept once.
    if (JSON.stringify(existing.value) === text) return;
  }
}

function addHeaders(response: ResponseObject, example: ErrorExample, style: ResponseStyle): void {
  if (style.requestIdHeader === undefined && !example.retryAfter) return;
  const headers = (response.headers ??= {});
  if (style.requestIdHeader !== undefined) headers[style.requestIdHeader] ??= REQUEST_ID_HEADER;
  if (example.retryAfter) headers['Retry-After'] ??= RETRY_AFTER_HEADER;
}

/** Narrows the error schema of a response to the codes its examples carry. */
function narrow(media: MediaTypeObject, style: ResponseStyle): void {
  if (style.codePath === undefined) return;
  const codePath = style.codePath;
  const codes = Object.values(media.examples ?? {})
    .map((example) => valueAt(example.value, codePath))
    .filter(
      (code): code is number | string => typeof code === 'number' || typeof code === 'string',
    );
  const ours: Schema = {
    allOf: [{ $ref: style.schemaRef }, narrowedTo(codePath, [...new Set(codes)])],
  };
  const schema = media.schema!;
  if (isOurs(schema, style.schemaRef)) {
    media.schema = ours;
    return;
  }
  const alternatives = schema.anyOf as unknown[];
  media.schema = {
    ...schema,
    anyOf: alternatives.map((alternative) =>
      isOurs(alternative, style.schemaRef) ? ours : alternative,
    ),
  };
}
