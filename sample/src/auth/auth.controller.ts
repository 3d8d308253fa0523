import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
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
import { AuthService, type LoginResult } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { TwoFactorDto } from './dto/two-factor.dto.js';
import type { User } from './user.js';

// Every route reads the database, whose failures answer 500 / 77.
@ApiErrors(ERR_DATABASE_ROLLBACK)
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiErrors(
    [ERR_USER_NOT_EXISTS, 'No account found with this email'],
    [ERR_PASSWORD_NOT_MATCH, 'The password does not match this account'],
    [ERR_AUTH_REQUIRED, accountBlockedSentence(SUPPORT_TEAM)],
  )
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() credentials: LoginDto): LoginResult {
    return this.auth.login(credentials.email, credentials.password);
  }

  @ApiErrors(
    [ERR_AUTH_REQUIRED, SESSION_EXPIRED_SENTENCE],
    [ERR_INVALID_PARAMETER, 'code does not match; use the current code of your authenticator app'],
    [ERR_INVALID_PARAMETER, 'code has been used already; wait for the next one'],
  )
  @Public()
  @Post('auth/2fa')
  @HttpCode(200)
  twoFactor(@Body() body: TwoFactorDto): { token: string } {
    return this.auth.twoFactor(body.token, body.code);
  }

  @ApiBearerAuth()
  @Get('api/v2/me')
  me(@CurrentUser() user: User): User {
    return user;
  }
}
