import { IsInt, Max, Min } from 'class-validator';
import { DecimalInteger, MAX_ID } from '../../validation/decimal-integer.js';

export class ProductIdParams {
  @DecimalInteger()
  @IsInt({ message: 'id must be a positive integer' })
  @Min(1, { message: 'id must be a positive integer' })
  @Max(MAX_ID)
  id: number;
}
