import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { LoginThrottlingModule } from './login-throttling.js';
import { LoginService } from './login.service.js';
import { LogoutController } from './logout.controller.js';
import { SessionSweeper } from './session-sweeper.js';
import { SessionsService } from './sessions.service.js';
import { TwoFactorService } from './two-factor.service.js';

@Module({
  imports: [LoginThrottlingModule],
  controllers: [AuthController, LogoutController],
  providers: [LoginService, TwoFactorService, SessionsService, SessionSweeper],
  exports: [SessionsService],
})
export class AuthModule {}
