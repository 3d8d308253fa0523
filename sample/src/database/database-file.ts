import { statSync } from 'node:fs';

/**
 * The database file as it was opened. SQLite keeps writing to the file it
 * opened even after it is deleted or another file is moved in its place:
 * the shop would then answer as usual while every write vanished with the
 * process, and the next start would quietly make a new database. Checking the
 * path still names the same file, before each statement, catches that.
 */
export class DatabaseFile {
  private readonly identity: string | undefined;

  constructor(readonly path: string) {
    this.identity = identityOf(path);
  }

  /** Whether the path still names the file that was opened. */
  isSame(): boolean {
    return this.identity !== undefined && identityOf(this.path) === this.identity;
  }
}

/** Device and inode: what stays the same while a file is written, and changes when it is replaced. */
function identityOf(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false, bigint: true });
  return stats === undefined ? undefined : `${stats.dev}:${stats.ino}`;
}
