import { Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import {
  ERR_AUTH_REQUIRED,
  ERR_DATABASE_ROLLBACK,
  Public,
  TOKEN_REQUIRED_SENTENCE,
  UnauthorizedError,
} from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import { bearerToken } from './bearer-token.js';
import { SessionsService } from './sessions.service.js';

@ApiBearerAuth()
@ApiErrors(ERR_DATABASE_ROLLBACK, [ERR_AUTH_REQUIRED, TOKEN_REQUIRED_SENTENCE])
@Controller()
export class LogoutController {
  constructor(private readonly sessions: SessionsService) {}

  /**
   * Ends the session of whatever token it is given, a first-step one too
   * (which the guard would refuse for a user with two-factor on), so it is
   * public. It answers 204 whether or not the token had a session: logout
   * tells nothing about tokens.
   */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@Headers('authorization') authorization: string | undefined): void {
    const token = bearerToken(authorization);
    if (token === undefined) throw new UnauthorizedError(TOKEN_REQUIRED_SENTENCE);
    this.sessions.close(token);
  }
}
