/**
 * Options of `ClientVersionGuard`, given as `ErrorsModule.forRoot({ clientVersion })`.
 * Versions look like `a.1.0-1`: an optional platform prefix (`a.`), dotted
 * numbers, an optional `-build`.
 *
 * @publicApi
 */
export interface ClientVersionOptions {
  /**
   * Header carrying the client's version.
   * @default 'X-Client-Version'
   */
  header?: string;
  /** Oldest version still served: one for every client, or one per platform prefix. */
  minVersion: string | Readonly<Record<string, string>>;
  /** This server's version, sent as `server_version` with a 426. */
  serverVersion?: string;
  /** Where clients get an update, sent as `update_url`: one URL, or one per platform prefix. */
  updateUrl?: string | Readonly<Record<string, string>>;
  /**
   * Refuse requests without the header (400, `INVALID_VERSION_FORMAT`); by
   * default a client that sends none (a browser, a script) is let through.
   * @default false
   */
  required?: boolean;
}
