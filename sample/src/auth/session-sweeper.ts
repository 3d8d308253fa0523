import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { SAMPLE_CONFIG, type SampleConfig } from '../config.js';
import { SessionsService } from './sessions.service.js';

/**
 * Deletes expired sessions at start and every `SESSION_SWEEP_SECONDS`, so
 * sessions nobody presents again do not pile up. (One presented after it
 * expired is deleted right away.)
 */
@Injectable()
export class SessionSweeper implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly sessions: SessionsService,
    @Inject(SAMPLE_CONFIG) private readonly config: SampleConfig,
  ) {}

  onModuleInit(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), this.config.sessionSweepSeconds * 1000);
    // Housekeeping must not keep alive a process that has nothing else to do.
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    try {
      this.sessions.deleteExpired();
    } catch (error) {
      // Thrown from a timer it would end the process; the next sweep tries again.
      this.logger.error(
        'Could not delete expired sessions',
        error instanceof Error ? error.stack : String(error),
      );
    }
  }
}
