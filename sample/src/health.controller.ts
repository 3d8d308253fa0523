import { Controller, Get } from '@nestjs/common';
import { Public } from 'nestjs-api-errors';

@Public()
@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
