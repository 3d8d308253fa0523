import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';

type Json = Record<string, any>;

/** Every response of every operation: where, and its media types. */
export interface DocumentedResponse {
  readonly path: string;
  readonly method: string;
  readonly status: string;
  readonly response: Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function responsesOf(document: Json): DocumentedResponse[] {
  const found: DocumentedResponse[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries<Json>(item[method]?.responses ?? {})) {
        found.push({ path, method, status, response });
      }
    }
  }
  return found;
}

/** One example of an error response, with the schema it should match. */
export interface DocumentedExample extends DocumentedResponse {
  readonly mediaType: string;
  readonly name: string;
  readonly summary: string;
  readonly value: any;
  readonly schema: Json;
}

export function examplesOf(document: Json): DocumentedExample[] {
  return responsesOf(document).flatMap((where) =>
    Object.entries<Json>(where.response.content ?? {}).flatMap(([mediaType, media]) =>
      Object.entries<Json>(media.examples ?? {}).map(([name, example]) => ({
        ...where,
        mediaType,
        name,
        summary: example.summary,
        value: example.value,
        schema: media.schema,
      })),
    ),
  );
}

/** Runs the OpenAPI validator of `@apidevtools/swagger-parser` (structure and semantics). */
export async function validateOpenApi(document: Json): Promise<void> {
  await SwaggerParser.validate(structuredClone(document) as OpenAPIV3.Document);
}

const OPENAPI_ONLY = new Set(['example', 'xml', 'externalDocs', 'discriminator']);

/** Component schemas go where each JSON Schema dialect keeps definitions. */
const definitionsOf = (dialect: '3.0' | '3.1') => (dialect === '3.0' ? 'definitions' : '$defs');

function refInto(ref: string, dialect: '3.0' | '3.1'): string {
  const component = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (component === null) throw new Error(`unexpected reference ${ref}`);
  return `openapi-document#/${definitionsOf(dialect)}/${component[1]}`;
}

/**
 * An OpenAPI 3.0 schema as JSON Schema (draft-07): `nullable` becomes a
 * `null` type, keywords JSON Schema does not have are dropped, and component
 * references point into the document. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12 already; only their references change.
 */
export function toJsonSchema(schema: unknown, dialect: '3.0' | '3.1'): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, dialect));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries<unknown>(schema as Json)) {
    if (key.startsWith('x-') || OPENAPI_ONLY.has(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = refInto(value, dialect);
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries<unknown>(value as Json).map(([name, item]) => [
          name,
          toJsonSchema(item, dialect),
        ]),
      );
    } else out[key] = toJsonSchema(value, dialect);
  }
  if (dialect === '3.0' && (schema as Json).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/**
 * Checks every example of every response against the response's own schema,
 * with ajv in the document's schema dialect. Returns what does not match.
 */
export function examplesNotMatchingSchemas(document: Json): string[] {
  const dialect = String(document.openapi).startsWith('3.0') ? '3.0' : '3.1';
  const ajv =
    dialect === '3.0'
      ? new Ajv({ allErrors: true, strict: true })
      : new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addSchema({
    $id: 'openapi-document',
    [definitionsOf(dialect)]: toJsonSchema(document.components?.schemas ?? {}, dialect),
  });
  const problems: string[] = [];
  for (const example of examplesOf(document)) {
    if (example.schema === undefined) {
      problems.push(`${example.method} ${example.path} ${example.status}: no schema`);
      continue;
    }
    const validate = ajv.compile(toJsonSchema(example.schema, dialect) as AnySchema);
    if (!validate(example.value)) {
      problems.push(
        `${example.method} ${example.path} ${example.status} ${example.name}: ${ajv.errorsText(validate.errors)}`,
      );
    }
  }
  return problems;
}
