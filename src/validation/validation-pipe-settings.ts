import type { ApiValidationPipeOptions } from './api-validation-pipe-options.interface.js';

/**
 * What one `ApiValidationPipe` validates, and with which options: kept when
 * the pipe is built, so the OpenAPI document can show what that pipe answers
 * (`documentErrors` in `nestjs-api-errors/swagger`).
 */
export interface ValidationPipeSettings {
  /** The options the pipe was built with. */
  readonly options: ApiValidationPipeOptions;
  /** It validates DTO classes (`classValidator` is not `false`). */
  readonly classValidator: boolean;
}

/** A pipe Nest builds from its class, with no options. */
export const DEFAULT_PIPE_SETTINGS: ValidationPipeSettings = Object.freeze({
  options: Object.freeze({}),
  classValidator: true,
});

const settingsByPipe = new WeakMap<object, ValidationPipeSettings>();

/** Keeps what a pipe was built with; called once, by its constructor. */
export function keepPipeSettings(pipe: object, options: ApiValidationPipeOptions): void {
  settingsByPipe.set(
    pipe,
    Object.freeze({
      options: Object.freeze({ ...options }),
      classValidator: options.classValidator !== false,
    }),
  );
}

/** What a pipe was built with, if it is an `ApiValidationPipe`. */
export function pipeSettingsOf(pipe: object): ValidationPipeSettings | undefined {
  return settingsByPipe.get(pipe);
}
