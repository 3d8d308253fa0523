import { Controller, Get } from '@nestjs/common';
import { Public } from 'nestjs-api-errors';

/**
 * Stands for a dependency that is down. Its failure is an ordinary Error
 * with internal details: the client gets a bare 500, the log gets the rest.
 */
@Public()
@Controller('api/v2/recommendations')
export class RecommendationsController {
  @Get()
  async list(): Promise<never> {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('connect ECONNREFUSED 10.0.0.12:6379 (recommendations cache, user=reco_svc)');
  }
}
