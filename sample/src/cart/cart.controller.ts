import { Body, Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from 'nestjs-api-errors';
import type { User } from '../auth/user.js';
import { type CartItem, CartService } from './cart.service.js';
import { AddCartItemDto } from './dto/add-cart-item.dto.js';

@Controller('api/v2/cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  list(@CurrentUser() user: User): CartItem[] {
    return this.cart.list(user.id);
  }

  @Post('items')
  put(@CurrentUser() user: User, @Body() item: AddCartItemDto): CartItem[] {
    return this.cart.put(user.id, item.product_id, item.quantity);
  }
}
