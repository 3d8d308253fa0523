import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DecimalInteger } from '../../validation/decimal-integer.js';

export class ListProductsQuery {
  @IsOptional()
  @DecimalInteger()
  @IsInt({ message: 'limit must be a positive integer' })
  @Min(1, { message: 'limit must be a positive integer' })
  @Max(100)
  limit?: number;
}
