import { inject } from 'vitest';

/** What the package tests' global set-up made, once per run, in a fresh temporary folder. */
export interface PackedPackage {
  /** The temporary folder of this run; removed when the run ends. */
  readonly workdir: string;
  /** The tarball `npm pack` wrote. */
  readonly tarball: string;
  /** The paths inside the tarball, as `npm pack` lists them (`dist/index.js`, …). */
  readonly files: readonly string[];
  /** The folder of each scratch app, installed with the tarball, by app name. */
  readonly apps: Readonly<Record<string, string>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packedPackage: PackedPackage;
  }
}

export function packedPackage(): PackedPackage {
  return inject('packedPackage');
}
