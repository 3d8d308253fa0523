import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class FlakyStatusQuery {
  /** The caller's own name for its series of calls, so clients do not share a count. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'key must be 1 to 64 letters, digits, "-" or "_"',
  })
  key: string;

  /** How many calls of the series answer 503 before one succeeds. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  failures?: number;
}
