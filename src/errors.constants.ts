/** Injection token of the module options (`ErrorsModuleOptions`), which the filter reads. @publicApi */
export const ERRORS_MODULE_OPTIONS = 'API_ERRORS:MODULE_OPTIONS';

/** Injection token of `TwoFactorAuthGuard`'s options (`AuthOptions`, the module's `auth`). @publicApi */
export const AUTH_OPTIONS = 'API_ERRORS:AUTH_OPTIONS';

/**
 * Injection token of `ClientVersionGuard`'s options (`ClientVersionOptions`,
 * the module's `clientVersion`). @publicApi
 */
export const CLIENT_VERSION_OPTIONS = 'API_ERRORS:CLIENT_VERSION_OPTIONS';
