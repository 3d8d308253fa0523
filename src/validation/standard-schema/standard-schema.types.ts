/**
 * The parts of the Standard Schema interface (https://standardschema.dev) the
 * pipe uses, written out here so that nothing is imported for them. A schema
 * of any library that implements it validates; how its failures are described
 * depends on the library (see `ApiValidationPipe`).
 */

/** A schema of any Standard Schema library. @publicApi */
export interface StandardSchema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
      options?: { readonly libraryOptions?: Readonly<Record<string, unknown>> },
    ) => StandardSchemaResult | Promise<StandardSchemaResult>;
  };
}

/** What `validate` returns: the output value, or the issues. */
export type StandardSchemaResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | { readonly issues: readonly StandardSchemaIssue[] };

/** One failure a schema reports. @publicApi */
export interface StandardSchemaIssue {
  readonly message: string;
  /** Keys from the validated value to the failing part; each a key, or `{ key }`. */
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** Whether a parameter's `schema` (Nest 12's `@Body({ schema })`) is a Standard Schema. */
export function isStandardSchema(schema: unknown): schema is StandardSchema {
  if (typeof schema !== 'object' && typeof schema !== 'function') return false;
  if (schema === null) return false;
  const props = (schema as Partial<StandardSchema>)['~standard'];
  return typeof props === 'object' && props !== null && typeof props.validate === 'function';
}
