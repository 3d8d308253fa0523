/**
 * Where a validated value came from.
 *
 * @publicApi
 */
export type ViolationLocation = 'body' | 'query' | 'param' | 'custom';

/**
 * One failed rule of one input field, as found by validation. Formats decide
 * how to show violations (one sentence, every sentence, per-field details,
 * JSON pointers); the violation itself only records what failed.
 *
 * @publicApi
 */
export interface Violation {
  /** Where the field is, e.g. `product_id` or `items[0].quantity`. */
  readonly path: string;
  /** Path segments, e.g. `['items', 0, 'quantity']`, for formats that build pointers. */
  readonly segments: readonly (string | number)[];
  /**
   * The failed rule: `required` for a missing field, `whitelistValidation` for an
   * unknown one, otherwise the class-validator constraint name (`isInt`, `min`, ...).
   * A Standard Schema's failure gets class-validator's name for the same rule, or
   * its library's own (`invalid_union`, `custom`) where class-validator has none.
   */
  readonly constraint: string;
  /** A complete sentence naming the field, e.g. `"quantity must be a positive integer"`. */
  readonly message: string;
  /** The body, the query string or a path parameter; absent when not known. */
  readonly location?: ViolationLocation;
}
