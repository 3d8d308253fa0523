import { Module } from '@nestjs/common';
import { ErrorsFromSettings } from './errors.config.js';
import { OrdersController } from './orders.controller.js';
import { ShopController } from './shop.controller.js';

@Module({ imports: [ErrorsFromSettings], controllers: [ShopController, OrdersController] })
export class AppModule {}
