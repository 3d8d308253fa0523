import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from 'nestjs-api-errors';
import { ListProductsQuery } from './dto/list-products.query.js';
import { ProductIdParams } from './dto/product-id.params.js';
import { type Product, ProductsService } from './products.service.js';

@Public()
@Controller('api/v2/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  list(@Query() query: ListProductsQuery): Product[] {
    return this.products.list(query.limit);
  }

  @Get(':id')
  get(@Param() params: ProductIdParams): Product {
    return this.products.get(params.id);
  }
}
