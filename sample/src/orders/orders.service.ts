import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import type { OrderItemDto } from './dto/create-order.dto.js';

@Injectable()
export class OrdersService {
  constructor(private readonly db: DatabaseService) {}

  /**
   * Places an order in one transaction. Product ids are not checked first:
   * the database's foreign key refuses an unknown one, and that failure, a
   * real one, rolls the order back and answers 500 / 77.
   */
  place(userId: number, items: readonly OrderItemDto[]): { order_id: number; items: number } {
    return this.db.transaction(() => {
      const { lastInsertRowid: orderId } = this.db.run(
        'INSERT INTO orders (user_id, created_at) VALUES (:user_id, :created_at)',
        { user_id: userId, created_at: Date.now() },
      );
      for (const item of items) {
        this.db.run(
          'INSERT INTO order_items (order_id, product_id, quantity) VALUES (:order_id, :product_id, :quantity)',
          { order_id: orderId, product_id: item.product_id, quantity: item.quantity },
        );
      }
      return { order_id: orderId, items: items.length };
    });
  }
}
