import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { DatabaseError } from 'nestjs-api-errors';
import { SAMPLE_CONFIG, type SampleConfig } from '../config.js';
import { migrate, SCHEMA } from './schema.js';
import { seed } from './seed.js';

type Row = Record<string, unknown>;
/** Named parameters, written `:name` in the SQL. */
type Params = Readonly<Record<string, string | number | null>>;

/**
 * The shop's SQLite database (a WebAssembly build, so nothing is compiled or
 * downloaded on install). Every failure of the database becomes a
 * `DatabaseError` (500 / 77) carrying the statement's parameters, which the
 * library masks and keeps out of production responses.
 */
@Injectable()
export class DatabaseService implements OnModuleDestroy {
  private readonly db: sqlite.Database;

  constructor(@Inject(SAMPLE_CONFIG) config: SampleConfig) {
    if (config.databaseFile !== ':memory:') {
      mkdirSync(dirname(config.databaseFile), { recursive: true });
    }
    this.db = new sqlite.Database(config.databaseFile);
    this.db.exec(SCHEMA);
    migrate(this.db);
    seed(this);
  }

  get<T = Row>(sql: string, params: Params = {}): T | undefined {
    return this.guard(() => (this.db.get(sql, bind(params)) ?? undefined) as T | undefined, params);
  }

  all<T = Row>(sql: string, params: Params = {}): T[] {
    return this.guard(() => this.db.all(sql, bind(params)) as T[], params);
  }

  run(sql: string, params: Params = {}): { changes: number; lastInsertRowid: number } {
    return this.guard(() => {
      const result = this.db.run(sql, bind(params));
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    }, params);
  }

  /** Runs `work` in a transaction, rolled back if anything in it throws. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.db.close();
  }

  private guard<T>(statement: () => T, params: Params): T {
    try {
      return statement();
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new DatabaseError([message], params, { cause: error });
    }
  }
}

/** SQLite names parameters with their prefix; the code names them without. */
function bind(params: Params): Record<string, string | number | null> {
  const bound: Record<string, string | number | null> = {};
  for (const name in params) bound[`:${name}`] = params[name];
  return bound;
}
