import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import { ERR_DATABASE_ROLLBACK, Public } from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import { ERR_PRODUCT_NOT_FOUND } from '../errors.js';
import { ListProductsQuery } from './dto/list-products.query.js';
import { ProductIdParams } from './dto/product-id.params.js';
import { type Product, ProductsService } from './products.service.js';

@ApiErrors(ERR_DATABASE_ROLLBACK)
@Public()
@Controller('api/v2/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @ApiQuery({ name: 'limit', required: false, type: 'integer', description: '1 to 100' })
  @Get()
  list(@Query() query: ListProductsQuery): Product[] {
    return this.products.list(query.limit);
  }

  @ApiErrors([ERR_PRODUCT_NOT_FOUND, 'No product with id 42'])
  @ApiParam({ name: 'id', type: 'integer' })
  @Get(':id')
  get(@Param() params: ProductIdParams): Product {
    return this.products.get(params.id);
  }
}
