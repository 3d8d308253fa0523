import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CurrentUser, ERR_DATABASE_ROLLBACK } from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import type { User } from '../auth/user.js';
import { ERR_OUT_OF_STOCK, ERR_PRODUCT_NOT_FOUND } from '../errors.js';
import { type CartItem, CartService } from './cart.service.js';
import { AddCartItemDto } from './dto/add-cart-item.dto.js';

@ApiBearerAuth()
@ApiErrors(ERR_DATABASE_ROLLBACK)
@Controller('api/v2/cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  list(@CurrentUser() user: User): CartItem[] {
    return this.cart.list(user.id);
  }

  @ApiErrors(
    [ERR_PRODUCT_NOT_FOUND, 'No product with id 42'],
    [ERR_OUT_OF_STOCK, 'Only 3 left of Green Tea'],
  )
  @Post('items')
  put(@CurrentUser() user: User, @Body() item: AddCartItemDto): CartItem[] {
    return this.cart.put(user.id, item.product_id, item.quantity);
  }
}
