/**
 * What an error says beyond its title: a sentence, several sentences, or a
 * small structured object (e.g. the database error's `{ details, params }`).
 *
 * @publicApi
 */
export type ErrorDescription = string | readonly string[] | Readonly<Record<string, unknown>>;
