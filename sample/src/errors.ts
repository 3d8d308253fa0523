import { defineError } from 'nestjs-api-errors';

// The shop's own codes, next to the library's catalog (10, 21, 22, 77, 88, 99, 500).

export const ERR_PRODUCT_NOT_FOUND = defineError({
  status: 404,
  code: 31,
  title: 'Product Not Found',
});

export const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 32, title: 'Out Of Stock' });

/** Shown when an account is blocked; the guard's `supportTeam` option uses it too. */
export const SUPPORT_TEAM = 'Acme Shop';
