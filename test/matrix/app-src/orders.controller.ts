import { Body, Controller, Post } from '@nestjs/common';
import { CreateOrderDto } from './order.dto.js';

@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() order: CreateOrderDto): { quantity: number; isDto: boolean } {
    return { quantity: order.quantity, isDto: order instanceof CreateOrderDto };
  }
}
