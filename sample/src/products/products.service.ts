import { Injectable } from '@nestjs/common';
import { AppError } from 'nestjs-api-errors';
import { DatabaseService } from '../database/database.service.js';
import { ERR_PRODUCT_NOT_FOUND } from '../errors.js';

export interface Product {
  id: number;
  name: string;
  price_cents: number;
  stock: number;
}

@Injectable()
export class ProductsService {
  constructor(private readonly db: DatabaseService) {}

  list(limit = 20): Product[] {
    return this.db.all<Product>(
      'SELECT id, name, price_cents, stock FROM products ORDER BY id LIMIT :limit',
      { limit },
    );
  }

  get(id: number): Product {
    const product = this.db.get<Product>(
      'SELECT id, name, price_cents, stock FROM products WHERE id = :id',
      { id },
    );
    if (product === undefined)
      throw new AppError(ERR_PRODUCT_NOT_FOUND, `No product with id ${id}`);
    return product;
  }
}
