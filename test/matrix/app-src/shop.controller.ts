import { Body, Controller, ForbiddenException, Get, Post, UseGuards } from '@nestjs/common';
import { CurrentUser, TwoFactorAuthGuard, UserNotExistsError } from 'nestjs-api-errors';
import type { ShopUser } from './sessions.js';

/** Routes every scratch app serves, with or without class-validator. */
@Controller()
export class ShopController {
  @Get('users/42')
  user(): never {
    throw new UserNotExistsError('No account found with this email');
  }

  @Get('crash')
  crash(): never {
    // Not an Error: what a careless dependency might throw.
    const thrown: unknown = 'connection to db://admin:hunter2@10.0.0.5 lost';
    throw thrown;
  }

  @Get('admin')
  admin(): never {
    throw new ForbiddenException('Admins only');
  }

  @UseGuards(TwoFactorAuthGuard)
  @Get('me')
  me(@CurrentUser() user: ShopUser): ShopUser {
    return user;
  }

  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }
}
