import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { CurrentUser, ERR_DATABASE_ROLLBACK } from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import type { User } from '../auth/user.js';
import { CreateOrderDto } from './dto/create-order.dto.js';
import { OrdersService } from './orders.service.js';

@ApiBearerAuth()
@Controller('api/v2/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  // An unknown product id is refused by the database's foreign key: 500 / 77.
  @ApiErrors(ERR_DATABASE_ROLLBACK)
  @Post()
  place(
    @CurrentUser() user: User,
    @Body() order: CreateOrderDto,
  ): { order_id: number; items: number } {
    return this.orders.place(user.id, order.items);
  }
}
