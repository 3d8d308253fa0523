import { IsInt, Max, Min } from 'class-validator';
import { MAX_ID } from '../../validation/decimal-integer.js';

/** Most of one product a cart line or an order line may hold. */
export const MAX_QUANTITY = 1000;

export class AddCartItemDto {
  @IsInt({ message: 'product_id must be a positive integer' })
  @Min(1, { message: 'product_id must be a positive integer' })
  @Max(MAX_ID)
  product_id: number;

  @IsInt({ message: 'quantity must be a positive integer' })
  @Min(1, { message: 'quantity must be a positive integer' })
  @Max(MAX_QUANTITY)
  quantity: number;
}
