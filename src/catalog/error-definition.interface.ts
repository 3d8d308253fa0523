/**
 * One entry of the error catalog: the HTTP status, the stable code clients
 * branch on, and the short human title shown as the message.
 *
 * @publicApi
 */
export interface ErrorDefinition {
  /** HTTP status sent with the error, e.g. `400`. */
  readonly status: number;
  /** Machine-readable code clients branch on, e.g. `88`. */
  readonly code: number | string;
  /** Short human title, e.g. `"Invalid Parameter"`. */
  readonly title: string;
}
