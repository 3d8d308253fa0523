import { IsInt, Max, Min, type ValidationArguments } from 'class-validator';

const NOT_A_POSITIVE_INTEGER = '$property must be a positive integer';

/**
 * A whole number from 1 to `max`. Every rule fails a word like `abc`, which
 * hears once that it must be a positive integer; only a number past `max`
 * hears of the bound ("must not be greater than 2147483647").
 */
export function PositiveInteger(max: number): PropertyDecorator {
  // Written as they would be stacked above a property, so the first rule is checked first.
  const rules = [
    IsInt({ message: NOT_A_POSITIVE_INTEGER }),
    Min(1, { message: NOT_A_POSITIVE_INTEGER }),
    Max(max, {
      message: ({ value }: ValidationArguments) =>
        typeof value === 'number'
          ? '$property must not be greater than $constraint1'
          : NOT_A_POSITIVE_INTEGER,
    }),
  ];
  return (target, property) => {
    for (const rule of [...rules].reverse()) rule(target, property);
  };
}
