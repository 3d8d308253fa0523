import { Transform } from 'class-transformer';

/** Largest id the sample takes: far beyond its rows, well inside SQLite's and JavaScript's integers. */
export const MAX_ID = 2_147_483_647;

/**
 * Reads a path or query parameter as a number only when it is written as a
 * plain decimal integer. `Number()` reads `0x1`, `01`, `1e0` and ` 1` as 1
 * too, so one product would answer at many URLs; here they stay strings and
 * fail `@IsInt()`.
 */
export function DecimalInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[1-9][0-9]*$/.test(value) ? Number(value) : value,
  );
}
