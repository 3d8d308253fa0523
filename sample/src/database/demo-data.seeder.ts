import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SAMPLE_CONFIG, type SampleConfig } from '../config.js';
import { DatabaseService } from './database.service.js';
import { seed } from './seed.js';

/**
 * Seeds a new database before the shop starts listening, and says so: a
 * database that went missing and came back empty, with demo accounts,
 * should not go unnoticed.
 */
@Injectable()
export class DemoDataSeeder implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly db: DatabaseService,
    @Inject(SAMPLE_CONFIG) private readonly config: SampleConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (await seed(this.db)) {
      this.logger.warn(
        `Created a new database at ${this.config.databaseFile} with the demo accounts and products`,
      );
    }
  }
}
