/** A parsed client version: `a.1.0-1` is platform `a`, numbers `[1, 0]`, build 1. */
export interface ClientVersion {
  readonly platform: string;
  readonly numbers: readonly number[];
  readonly build: number;
}

/** Longest version string read. */
const MAX_VERSION_LENGTH = 64;

const VERSION = /^(?:([A-Za-z]{1,8})\.)?(\d{1,6}(?:\.\d{1,6}){0,3})(?:-(\d{1,9}))?$/;

export function parseClientVersion(text: string): ClientVersion | undefined {
  if (text.length > MAX_VERSION_LENGTH) return undefined;
  const match = VERSION.exec(text);
  if (match === null) return undefined;
  return {
    platform: match[1]?.toLowerCase() ?? '',
    numbers: match[2].split('.').map(Number),
    build: match[3] === undefined ? 0 : Number(match[3]),
  };
}

/** Negative when `a` is older than `b`; numbers compare part by part, missing parts count as 0. */
export function compareVersions(a: ClientVersion, b: ClientVersion): number {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.build - b.build;
}
