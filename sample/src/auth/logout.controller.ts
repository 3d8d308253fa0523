import { Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ERR_DATABASE_ROLLBACK } from 'nestjs-api-errors';
import { ApiErrors } from 'nestjs-api-errors/swagger';
import { SessionsService } from './sessions.service.js';

@ApiBearerAuth()
@ApiErrors(ERR_DATABASE_ROLLBACK)
@Controller()
export class LogoutController {
  constructor(private readonly sessions: SessionsService) {}

  /** Ends the session; the guard has already checked the token. */
  @Post('auth/logout')
  @HttpCode(204)
  logout(@Headers('authorization') authorization: string): void {
    const token = authorization.slice('Bearer '.length);
    const twoFactor = token.startsWith('2f.');
    this.sessions.close({ value: twoFactor ? token.slice(3) : token, twoFactor });
  }
}
