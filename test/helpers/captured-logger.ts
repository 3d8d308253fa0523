import type { LoggerService } from '@nestjs/common';

export interface LogEntry {
  level: 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
  message: unknown;
  params: unknown[];
}

/** A Nest logger that keeps what it is given, so tests can read the logs. */
export class CapturedLogger implements LoggerService {
  readonly entries: LogEntry[] = [];

  log(message: unknown, ...params: unknown[]) {
    this.entries.push({ level: 'log', message, params });
  }
  error(message: unknown, ...params: unknown[]) {
    this.entries.push({ level: 'error', message, params });
  }
  warn(message: unknown, ...params: unknown[]) {
    this.entries.push({ level: 'warn', message, params });
  }
  debug(message: unknown, ...params: unknown[]) {
    this.entries.push({ level: 'debug', message, params });
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.entries.push({ level: 'verbose', message, params });
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.entries.push({ level: 'fatal', message, params });
  }

  /** Entries written by the exception filter, as one string each. */
  fromFilter(level?: LogEntry['level']): string[] {
    return this.entries
      .filter((entry) => entry.params.includes('ApiExceptionFilter'))
      .filter((entry) => level === undefined || entry.level === level)
      .map((entry) => [entry.message, ...entry.params].map(String).join('\n'));
  }

  clear() {
    this.entries.length = 0;
  }
}
