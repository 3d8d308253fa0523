import { Global, Module } from '@nestjs/common';
import { DatabaseService } from './database.service.js';
import { DemoDataSeeder } from './demo-data.seeder.js';

@Global()
@Module({ providers: [DatabaseService, DemoDataSeeder], exports: [DatabaseService] })
export class DatabaseModule {}
