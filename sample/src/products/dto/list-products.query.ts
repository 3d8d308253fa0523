import { IsOptional } from 'class-validator';
import { DecimalInteger } from '../../validation/decimal-integer.js';
import { PositiveInteger } from '../../validation/positive-integer.js';

/** Most products one page lists. */
const MAX_LIMIT = 100;

export class ListProductsQuery {
  @IsOptional()
  @DecimalInteger()
  @PositiveInteger(MAX_LIMIT)
  limit?: number;
}
