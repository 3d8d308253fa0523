import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentUser, Public } from 'nestjs-api-errors';
import { LoginDto } from './dto/login.dto.js';
import { TwoFactorDto } from './dto/two-factor.dto.js';
import { type LoginResult, LoginService } from './login.service.js';
import { TwoFactorService } from './two-factor.service.js';
import type { User } from './user.js';

@Controller()
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() credentials: LoginDto): Promise<LoginResult> {
    return this.logins.login(credentials.email, credentials.password);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/2fa')
  @HttpCode(200)
  secondStep(@Body() body: TwoFactorDto): { token: string } {
    return this.twoFactor.verify(body.token, body.code);
  }

  @Get('api/v2/me')
  me(@CurrentUser() user: User): User {
    return user;
  }
}
