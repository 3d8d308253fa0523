import { Body, Controller, ForbiddenException, Get, Post } from '@nestjs/common';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import { ERR_PERMISSION_DENIED } from './errors.config.js';
import { CreateOrderDto } from './order.dto.js';

@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() order: CreateOrderDto): { quantity: number; isDto: boolean } {
    return { quantity: order.quantity, isDto: order instanceof CreateOrderDto };
  }

  /** A Nest exception the app's `statusMap` turns into its own entry, documented as that entry. */
  @ApiErrors([ERR_PERMISSION_DENIED, 'Admins only'])
  @Get('export')
  export(): never {
    throw new ForbiddenException('Admins only');
  }
}
