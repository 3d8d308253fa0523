import { type DynamicModule, Module } from '@nestjs/common';
import { ErrorsModule } from 'nestjs-api-errors';
import { AuthModule } from './auth/auth.module.js';
import { SessionsService } from './auth/sessions.service.js';
import { CartModule } from './cart/cart.module.js';
import { SAMPLE_CONFIG, type SampleConfig } from './config.js';
import { DatabaseModule } from './database/database.module.js';
import { FlakyStatusController } from './demo/flaky-status.controller.js';
import { SUPPORT_TEAM } from './errors.js';
import { HealthController } from './health.controller.js';
import { OrdersModule } from './orders/orders.module.js';
import { ProductsModule } from './products/products.module.js';
import { RecommendationsController } from './recommendations/recommendations.controller.js';

@Module({})
export class AppModule {
  static with(config: SampleConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: SAMPLE_CONFIG, useValue: config }],
      exports: [SAMPLE_CONFIG],
      imports: [
        // The whole error set-up: the filter, the validation pipe, and the
        // auth guard on every route (`@Public()` opts out), reading sessions
        // from the database.
        ErrorsModule.forRootAsync({
          globalAuthGuard: true,
          imports: [AuthModule],
          inject: [SessionsService],
          useFactory: (sessions: SessionsService) => ({
            format: config.errorFormat,
            production: config.production,
            // The app's 429s come from the login throttle, which sends its own Retry-After:
            // on a first refusal, the whole window. The API docs show that wait with them.
            defaultRetryAfterSeconds: config.loginRateWindowSeconds,
            validation: { whitelist: true, forbidNonWhitelisted: true },
            auth: {
              resolveSession: (token) => sessions.resolve(token),
              supportTeam: SUPPORT_TEAM,
            },
          }),
        }),
        DatabaseModule,
        AuthModule,
        ProductsModule,
        CartModule,
        OrdersModule,
      ],
      controllers: [HealthController, RecommendationsController, FlakyStatusController],
    };
  }
}
