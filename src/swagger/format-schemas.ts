import type { ErrorFormat, ErrorFormatSchema } from '../formats/error-format.interface.js';

/** OpenAPI 3.0 marks a nullable schema with `nullable`; 3.1 adds `null` to its types. */
export type SchemaDialect = '3.0' | '3.1';

type Schema = Record<string, unknown>;

const string = (description: string): Schema => ({ type: 'string', description });

/** Members version errors add (`ClientVersionGuard`'s 426). */
const VERSION_MEMBERS: Readonly<Record<string, Schema>> = {
  client_version: string('The version the client sent (426).'),
  min_version: string('The oldest version still served (426).'),
  server_version: string("The server's version, when configured (426)."),
  update_url: string('Where to get an update, when configured (426).'),
};

const DESCRIPTION: Schema = {
  description:
    "What went wrong: a sentence, every sentence (validation with `allErrors`), or details such as a database error's `{ details, params }`. Absent when there is nothing to add.",
  oneOf: [
    { type: 'string' },
    { type: 'array', items: { type: 'string' } },
    { type: 'object', additionalProperties: true },
  ],
};

const REQUEST_ID = string('The request id, also sent in the request id header.');

function nullableObject(dialect: SchemaDialect, description: string): Schema {
  return dialect === '3.0'
    ? { type: 'object', nullable: true, additionalProperties: true, description }
    : { type: ['object', 'null'], additionalProperties: true, description };
}

/** The schemas of the built-in formats, by format name; `code` is filled in with the codes in use. */
const BUILT_IN: Readonly<Record<string, (dialect: SchemaDialect) => ErrorFormatSchema>> = {
  meta: () => ({
    name: 'MetaError',
    codePath: ['meta', 'code'],
    schema: {
      type: 'object',
      description: 'Every error: `meta` holds the catalog code, its title and the description.',
      required: ['meta'],
      properties: {
        meta: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { description: 'The catalog code clients branch on.' },
            message: string('The catalog title of the code.'),
            description: DESCRIPTION,
            ...VERSION_MEMBERS,
          },
        },
      },
    },
  }),
  error: () => ({
    name: 'ErrorEnvelope',
    codePath: ['error', 'code'],
    schema: {
      type: 'object',
      description:
        'Every error: `error` holds the code (the HTTP status, or a named code) and a message.',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { description: 'The HTTP status, or a named code such as `VERSION_OUTDATED`.' },
            message: string('What went wrong.'),
            details: {
              description: 'Details, or every sentence of a validation failure.',
              oneOf: [
                { type: 'object', additionalProperties: true },
                { type: 'array', items: { type: 'string' } },
              ],
            },
            retry_after: {
              type: 'number',
              minimum: 0,
              description: 'Seconds to wait before retrying (429, 503).',
            },
            ...VERSION_MEMBERS,
          },
        },
      },
    },
  }),
  flat: () => ({
    name: 'FlatError',
    codePath: ['code'],
    schema: {
      type: 'object',
      description: 'Every error: a string code, a message, details and the request id.',
      required: ['code', 'message'],
      properties: {
        code: { description: 'The error code clients branch on.' },
        message: string('What went wrong, starting with the label of the code.'),
        details: {
          type: 'object',
          description:
            'Per field for a validation failure (`{"email":{"code":"invalid_format","message":"Email must be an email address"}}`); otherwise the details of the error.',
          additionalProperties: true,
        },
        request_id: REQUEST_ID,
      },
    },
  }),
  error_code: (dialect) => ({
    name: 'ErrorCodeError',
    codePath: ['error_code'],
    schema: {
      type: 'object',
      description: 'Every error: a numeric code from 0 to 12, a message, and details or `null`.',
      required: ['error_code', 'error_message', 'details'],
      properties: {
        error_code: { description: 'The numeric code clients branch on.' },
        error_message: string('What went wrong.'),
        details: nullableObject(
          dialect,
          'What each field got wrong, or the details of the error; `null` when there are none.',
        ),
      },
    },
  }),
  problem: () => ({
    name: 'ProblemDetails',
    codePath: ['code'],
    schema: {
      type: 'object',
      description: 'RFC 9457 Problem Details, with the catalog code and the request id.',
      required: ['type', 'title', 'status'],
      properties: {
        type: {
          type: 'string',
          format: 'uri-reference',
          description: 'Names the kind of problem; `about:blank` when it is only an HTTP status.',
        },
        title: string('The title of the kind of problem.'),
        status: { type: 'integer', description: 'The HTTP status.' },
        detail: string('What went wrong in this occurrence.'),
        instance: string('The path of the request.'),
        code: { description: 'The catalog code clients branch on.' },
        request_id: REQUEST_ID,
        details: {
          type: 'object',
          additionalProperties: true,
          description: "Details of the error, such as a database error's.",
        },
        errors: {
          type: 'array',
          description: 'Each field that failed validation.',
          items: {
            type: 'object',
            required: ['detail'],
            properties: {
              detail: string('What is wrong with the field.'),
              pointer: string('JSON pointer to the field in the body, e.g. `#/items/0/quantity`.'),
              parameter: string('Name of the query or path parameter.'),
            },
          },
        },
      },
    },
  }),
};

/**
 * How a format is documented: its own schema when it brings one, the
 * built-in schema for the built-in names, and otherwise an object described
 * by its examples.
 */
export function schemaOfFormat(format: ErrorFormat, dialect: SchemaDialect): ErrorFormatSchema {
  if (format.openApi !== undefined) return format.openApi;
  const builtIn = BUILT_IN[format.name];
  if (builtIn !== undefined) return builtIn(dialect);
  return {
    name: `${pascalCase(format.name)}Error`,
    schema: {
      type: 'object',
      description: `An error in the "${format.name}" format; the examples show each one.`,
    },
  };
}

/** The media type a format's bodies are served with, e.g. `application/problem+json`. */
export function mediaTypeOf(format: ErrorFormat): string {
  return format.contentType.split(';')[0].trim();
}

function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const joined = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return joined === '' ? 'Custom' : joined;
}
