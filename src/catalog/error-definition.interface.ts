/**
 * One entry of the error catalog: the HTTP status, the stable code clients
 * branch on, and the short human title shown as the message. The type
 * parameters keep the literal code and status of an entry made with
 * `defineError`, so an application's codes form a union type.
 *
 * @publicApi
 */
export interface ErrorDefinition<
  TCode extends number | string = number | string,
  TStatus extends number = number,
> {
  /** HTTP status sent with the error, e.g. `400`. */
  readonly status: TStatus;
  /** Machine-readable code clients branch on, e.g. `88`. */
  readonly code: TCode;
  /** Short human title, e.g. `"Invalid Parameter"`. */
  readonly title: string;
}
