import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { DatabaseError } from 'nestjs-api-errors';
import { SAMPLE_CONFIG, type SampleConfig } from '../config.js';
import { DatabaseFile } from './database-file.js';
import { migrate, SCHEMA } from './schema.js';

type Row = Record<string, unknown>;
/** Named parameters, written `:name` in the SQL. */
type Params = Readonly<Record<string, string | number | null>>;

const FILE_LOST = 'the database file was deleted or replaced while the shop was running';
const STUCK = 'a transaction could not be rolled back';

/**
 * The shop's SQLite database (a WebAssembly build, so nothing is compiled or
 * downloaded on install). Every failure of the database becomes a
 * `DatabaseError` (500 / 77) carrying the statement's parameters, which the
 * library masks and keeps out of production responses.
 */
@Injectable()
export class DatabaseService implements OnModuleDestroy {
  private readonly db: sqlite.Database;
  /** The file, checked before each statement; none for `:memory:`. */
  private readonly file: DatabaseFile | undefined;
  /** Why the database must not be used any more, once something made it so. */
  private unusable: string | undefined;
  private readonly logger = new Logger('Database');

  constructor(@Inject(SAMPLE_CONFIG) config: SampleConfig) {
    const path = config.databaseFile;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new sqlite.Database(path);
    this.db.exec(SCHEMA);
    migrate(this.db);
    this.file = path === ':memory:' ? undefined : new DatabaseFile(path);
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

  /**
   * Runs `work` in a transaction, rolled back if anything in it throws. The
   * error answered is always the one that stopped the work: a ROLLBACK
   * that fails (SQLite ends the transaction itself on I/O errors, a full
   * disk or a trigger's RAISE(ROLLBACK)) is logged, never thrown instead.
   */
  transaction<T>(work: () => T): T {
    this.guard(() => this.db.exec('BEGIN'));
    try {
      const result = work();
      this.guard(() => this.db.exec('COMMIT'));
      return result;
    } catch (error) {
      this.rollBack();
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.db.close();
  }

  private rollBack(): void {
    if (!this.db.inTransaction) return;
    try {
      this.db.exec('ROLLBACK');
    } catch (failure) {
      this.logger.error('Could not roll back a transaction', traceOf(failure));
    }
    // Statements run inside a transaction nobody can end would never be saved.
    if (this.db.inTransaction)
      this.refuseFromNowOn(STUCK, 'The database is stuck in a transaction');
  }

  private guard<T>(statement: () => T, params?: Params): T {
    this.assertUsable();
    try {
      return statement();
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new DatabaseError([message], params, { cause: error });
    }
  }

  private assertUsable(): void {
    if (this.unusable === undefined && this.file !== undefined && !this.file.isSame()) {
      this.refuseFromNowOn(
        FILE_LOST,
        `The database file ${this.file.path} was deleted or replaced while the shop was running`,
      );
    }
    if (this.unusable !== undefined) throw new DatabaseError([this.unusable]);
  }

  /** Fails every later statement, loudly, rather than let writes go where nobody will read them. */
  private refuseFromNowOn(reason: string, logLine: string): void {
    this.unusable = reason;
    this.logger.error(`${logLine}; requests that need it answer 500 until the shop restarts`);
  }
}

/** SQLite names parameters with their prefix; the code names them without. */
function bind(params: Params): Record<string, string | number | null> {
  const bound: Record<string, string | number | null> = {};
  for (const name in params) bound[`:${name}`] = params[name];
  return bound;
}

function traceOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
