import { MAX_ID } from '../../validation/decimal-integer.js';
import { PositiveInteger } from '../../validation/positive-integer.js';

/** Most of one product a cart line or an order line may hold. */
export const MAX_QUANTITY = 1000;

export class AddCartItemDto {
  @PositiveInteger(MAX_ID)
  product_id: number;

  @PositiveInteger(MAX_QUANTITY)
  quantity: number;
}
