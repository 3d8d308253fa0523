import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, Public } from 'nestjs-api-errors';
import { AuthService, type LoginResult } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { TwoFactorDto } from './dto/two-factor.dto.js';
import type { User } from './user.js';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() credentials: LoginDto): LoginResult {
    return this.auth.login(credentials.email, credentials.password);
  }

  @Public()
  @Post('auth/2fa')
  @HttpCode(200)
  twoFactor(@Body() body: TwoFactorDto): { token: string } {
    return this.auth.twoFactor(body.token, body.code);
  }

  @Get('api/v2/me')
  me(@CurrentUser() user: User): User {
    return user;
  }
}
