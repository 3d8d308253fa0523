/**
 * One error a route answers, as the library would raise it: rendered at
 * document time through the same steps as the filter's, in the app's format.
 */
export interface DocumentedError {
  /** What is thrown: an `AppError`, a Nest exception, or anything else. */
  readonly exception: unknown;
  /** Tells this error apart from others of its catalog entry, in the example's name and summary. */
  readonly variant?: ErrorVariant;
}

export interface ErrorVariant {
  /** Short machine name, e.g. `token_missing`; without one, the example is named by its entry. */
  readonly name?: string;
  /** Words for people, e.g. `no bearer token`. */
  readonly label: string;
}
