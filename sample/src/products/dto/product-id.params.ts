import { DecimalInteger, MAX_ID } from '../../validation/decimal-integer.js';
import { PositiveInteger } from '../../validation/positive-integer.js';

export class ProductIdParams {
  @DecimalInteger()
  @PositiveInteger(MAX_ID)
  id: number;
}
