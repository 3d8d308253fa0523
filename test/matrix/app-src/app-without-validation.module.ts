import { Module } from '@nestjs/common';
import { ErrorsModule } from 'nestjs-api-errors';
import { ShopController } from './shop.controller.js';

/** An app without class-validator and class-transformer installed: no validation pipe. */
@Module({
  imports: [
    ErrorsModule.forRoot({
      validation: false,
      format: process.env.ERROR_FORMAT,
      auth: {
        resolveSession: (token) =>
          token.value === 'alice-token'
            ? { user: { email: 'alice@example.com' }, twoFactorEnabled: false }
            : null,
      },
    }),
  ],
  controllers: [ShopController],
})
export class AppModule {}
