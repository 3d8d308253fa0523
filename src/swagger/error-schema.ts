type Schema = Record<string, unknown>;

/** A code clients branch on, and the catalog titles it stands for. */
export type CodeTitles = ReadonlyMap<number | string, ReadonlySet<string>>;

/** The value at a property path of a body, e.g. `['meta', 'code']`. */
export function valueAt(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Numbers first, in order, then strings. */
export function sortedCodes(codes: Iterable<number | string>): (number | string)[] {
  return [...new Set(codes)].sort((a, b) =>
    typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1,
  );
}

/**
 * The shared schema with its code described: an `enum` of every code in use,
 * `x-enum-descriptions` giving what each stands for, and the type when all
 * codes share one.
 */
export function withCodes(schema: Schema, codePath: readonly string[], codes: CodeTitles): Schema {
  const values = sortedCodes(codes.keys());
  const leaf = (existing: Schema): Schema => ({
    ...existing,
    ...typeOf(values),
    enum: values,
    'x-enum-descriptions': values.map((code) => [...(codes.get(code) ?? [])].join('; ')),
  });
  return replaceAt(schema, codePath, leaf);
}

/** `{ meta: { code: 21 | 22 } }` as a schema: one response's own codes, to intersect with the shared schema. */
export function narrowedTo(
  codePath: readonly string[],
  codes: readonly (number | string)[],
): Schema {
  let node: Schema = { ...typeOf(codes), enum: sortedCodes(codes) };
  for (const key of [...codePath].reverse()) {
    node = { type: 'object', required: [key], properties: { [key]: node } };
  }
  return node;
}

function typeOf(codes: readonly (number | string)[]): Schema {
  if (codes.length > 0 && codes.every((code) => Number.isInteger(code))) return { type: 'integer' };
  if (codes.length > 0 && codes.every((code) => typeof code === 'string'))
    return { type: 'string' };
  return {};
}

function replaceAt(
  schema: Schema,
  path: readonly string[],
  change: (leaf: Schema) => Schema,
): Schema {
  if (path.length === 0) return change(schema);
  const [key, ...rest] = path;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return {
    ...schema,
    properties: { ...properties, [key]: replaceAt(properties[key] ?? {}, rest, change) },
  };
}
