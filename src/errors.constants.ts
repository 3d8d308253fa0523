/** Injection token of the module options (`ErrorsModuleOptions`). @publicApi */
export const ERRORS_MODULE_OPTIONS = 'API_ERRORS:MODULE_OPTIONS';
