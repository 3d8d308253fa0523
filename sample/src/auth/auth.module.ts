import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LogoutController } from './logout.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  controllers: [AuthController, LogoutController],
  providers: [AuthService, SessionsService],
  exports: [SessionsService],
})
export class AuthModule {}
