import { Body, Controller, Post } from '@nestjs/common';
import { CurrentUser } from 'nestjs-api-errors';
import type { User } from '../auth/user.js';
import { CreateOrderDto } from './dto/create-order.dto.js';
import { OrdersService } from './orders.service.js';

@Controller('api/v2/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  place(
    @CurrentUser() user: User,
    @Body() order: CreateOrderDto,
  ): { order_id: number; items: number } {
    return this.orders.place(user.id, order.items);
  }
}
