import { Controller, Get } from '@nestjs/common';
import { Public } from 'nestjs-api-errors';
import { DatabaseService } from './database/database.service.js';

/** Answers ok when the shop can use its database, 500 / 77 when it cannot. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabaseService) {}

  @Get()
  check(): { status: 'ok' } {
    this.db.get('SELECT 1');
    return { status: 'ok' };
  }
}
