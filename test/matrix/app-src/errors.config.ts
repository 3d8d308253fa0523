import { defineError, ErrorsModule } from 'nestjs-api-errors';
import { Sessions, SessionsModule } from './sessions.js';

export const ERR_PERMISSION_DENIED = defineError({
  status: 403,
  code: 43,
  title: 'Permission Denied',
});

/**
 * The errors module configured from an injected service, as an app reading
 * its settings from a config service would.
 */
export const ErrorsFromSettings = ErrorsModule.forRootAsync({
  imports: [SessionsModule],
  inject: [Sessions],
  useFactory: (sessions: Sessions) => ({
    format: process.env.ERROR_FORMAT,
    statusMap: { 403: ERR_PERMISSION_DENIED },
    auth: { resolveSession: (token) => sessions.resolve(token) },
  }),
});
