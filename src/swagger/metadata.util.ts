/**
 * The Reflect metadata API Nest's decorators write with (`reflect-metadata`,
 * which Nest loads). Typed here so this code needs neither its global types
 * nor its side effects.
 */
interface MetadataApi {
  getMetadata(key: unknown, target: object, property?: string | symbol): unknown;
  defineMetadata(key: unknown, value: unknown, target: object, property?: string | symbol): void;
}

const metadata = Reflect as unknown as MetadataApi;

/** Metadata on a target, inherited through its prototype chain as Nest reads it. */
export function readMetadata<T>(
  key: string,
  target: object,
  property?: string | symbol,
): T | undefined {
  return metadata.getMetadata(key, target, property) as T | undefined;
}

export function writeMetadata(key: string, value: unknown, target: object): void {
  metadata.defineMetadata(key, value, target);
}
