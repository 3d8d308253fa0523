import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  accountBlockedSentence,
  CurrentUser,
  ERR_AUTH_REQUIRED,
  ERR_DATABASE_ROLLBACK,
  ERR_INVALID_PARAMETER,
  ERR_PASSWORD_NOT_MATCH,
  ERR_USER_NOT_EXISTS,
  Public,
  SESSION_EXPIRED_SENTENCE,
} from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import { SUPPORT_TEAM } from '../errors.js';
import { TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_SENTENCE } from './login-throttling.js';
import { LoginDto } from './dto/login.dto.js';
import { TwoFactorDto } from './dto/two-factor.dto.js';
import { type LoginResult, LoginService } from './login.service.js';
import { TwoFactorService } from './two-factor.service.js';
import type { User } from './user.js';

// Every route reads the database, whose failures answer 500 / 77.
@ApiErrors(ERR_DATABASE_ROLLBACK)
@Controller()
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @ApiErrors(
    [ERR_USER_NOT_EXISTS, 'No account found with this email'],
    [ERR_PASSWORD_NOT_MATCH, 'The password does not match this account'],
    [ERR_AUTH_REQUIRED, accountBlockedSentence(SUPPORT_TEAM)],
    [TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_SENTENCE],
  )
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() credentials: LoginDto): Promise<LoginResult> {
    return this.logins.login(credentials.email, credentials.password);
  }

  @ApiErrors(
    [ERR_AUTH_REQUIRED, SESSION_EXPIRED_SENTENCE],
    [ERR_AUTH_REQUIRED, accountBlockedSentence(SUPPORT_TEAM)],
    [ERR_INVALID_PARAMETER, 'code does not match; use the current code of your authenticator app'],
    [ERR_INVALID_PARAMETER, 'code has been used already; wait for the next one'],
    [TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_SENTENCE],
  )
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/2fa')
  @HttpCode(200)
  secondStep(@Body() body: TwoFactorDto): { token: string } {
    return this.twoFactor.verify(body.token, body.code);
  }

  @ApiBearerAuth()
  @Get('api/v2/me')
  me(@CurrentUser() user: User): User {
    return user;
  }
}
