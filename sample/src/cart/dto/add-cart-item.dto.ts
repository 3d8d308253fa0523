import { IsInt, Min } from 'class-validator';

export class AddCartItemDto {
  @IsInt({ message: 'product_id must be a positive integer' })
  @Min(1, { message: 'product_id must be a positive integer' })
  product_id: number;

  @IsInt({ message: 'quantity must be a positive integer' })
  @Min(1, { message: 'quantity must be a positive integer' })
  quantity: number;
}
