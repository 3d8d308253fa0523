import { Injectable } from '@nestjs/common';
import { AppError } from 'nestjs-api-errors';
import { DatabaseService } from '../database/database.service.js';
import { ERR_OUT_OF_STOCK } from '../errors.js';
import { ProductsService } from '../products/products.service.js';

export interface CartItem {
  product_id: number;
  name: string;
  quantity: number;
}

@Injectable()
export class CartService {
  constructor(
    private readonly db: DatabaseService,
    private readonly products: ProductsService,
  ) {}

  /** Puts `quantity` of a product in the cart, replacing what was there. */
  put(userId: number, productId: number, quantity: number): CartItem[] {
    const product = this.products.get(productId);
    if (quantity > product.stock) {
      throw new AppError(ERR_OUT_OF_STOCK, `Only ${product.stock} left of ${product.name}`);
    }
    this.db.run(
      `INSERT INTO cart_items (user_id, product_id, quantity) VALUES (:user_id, :product_id, :quantity)
       ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity`,
      { user_id: userId, product_id: productId, quantity },
    );
    return this.list(userId);
  }

  list(userId: number): CartItem[] {
    return this.db.all<CartItem>(
      `SELECT c.product_id, p.name, c.quantity FROM cart_items c
         JOIN products p ON p.id = c.product_id WHERE c.user_id = :user_id ORDER BY c.product_id`,
      { user_id: userId },
    );
  }
}
