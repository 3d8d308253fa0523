import { IsInt, Max, Min } from 'class-validator';
import { DecimalInteger, MAX_ID } from '../../validation/decimal-integer.js';

export class ProductIdParams {
  @DecimalInteger()
  @IsInt({ message: 'id must be a positive integer' })
  @Min(1, { message: 'id must be a positive integer' })
  // Past any row there is: said the same way, so a word like `abc` gets one sentence, not two.
  @Max(MAX_ID, { message: 'id must be a positive integer' })
  id: number;
}
