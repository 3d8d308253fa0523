import { type CanActivate, type ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { definitionForStatus } from '../catalog/status-definitions.js';
import { AppError } from '../exceptions/app.error.js';
import { InvalidParameterError } from '../exceptions/invalid-parameter.error.js';
import { withoutStack } from '../exceptions/without-stack.js';
import { InjectClientVersionOptions } from '../inject-options.decorators.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { ClientVersionOptions } from './client-version-options.interface.js';
import { type ClientVersion, compareVersions, parseClientVersion } from './client-version.js';

const UPGRADE_REQUIRED = definitionForStatus(426);

interface Minimum {
  readonly text: string;
  readonly version: ClientVersion;
}

interface RequestWithHeaders {
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * Refuses clients older than the configured minimum with 426 (`VERSION_OUTDATED`
 * in the `error` format, carrying `client_version`, `min_version`,
 * `server_version` and `update_url`), and unreadable versions with 400
 * (`INVALID_VERSION_FORMAT`). Register it globally with
 * `ErrorsModule.forRoot({ globalClientVersionGuard: true, clientVersion })`, or
 * use it with `@UseGuards(ClientVersionGuard)`.
 *
 * @publicApi
 */
@Injectable()
export class ClientVersionGuard implements CanActivate {
  private readonly header: string;
  private readonly headerName: string;
  private readonly minimums: ReadonlyMap<string, Minimum>;
  private readonly serverVersion: string | undefined;
  private readonly updateUrls: string | ReadonlyMap<string, string> | undefined;
  private readonly required: boolean;

  constructor(@Optional() @InjectClientVersionOptions() config?: ClientVersionOptions) {
    if (config === undefined) {
      throw new TypeError(
        'ClientVersionGuard needs ErrorsModule.forRoot({ clientVersion: { minVersion } })',
      );
    }
    this.headerName = config.header ?? 'X-Client-Version';
    this.header = this.headerName.toLowerCase();
    this.minimums = parseMinimums(config.minVersion);
    this.serverVersion = config.serverVersion;
    this.updateUrls =
      typeof config.updateUrl === 'object' ? byPlatform(config.updateUrl) : config.updateUrl;
    this.required = config.required ?? false;
  }

  canActivate(context: ExecutionContext): boolean {
    // By index: `switchToHttp()` allocates on every call.
    const sent = context.getArgByIndex<RequestWithHeaders>(0).headers?.[this.header];
    if (sent === undefined && !this.required) return true;
    const version = typeof sent === 'string' ? parseClientVersion(sent) : undefined;
    // Refusals are the client's business, never logged with a stack: they capture none.
    if (version === undefined) {
      throw withoutStack(
        () =>
          new InvalidParameterError(
            `${this.headerName} must be a version such as a.1.0-1 (platform, numbers, build)`,
            { reason: ErrorReasons.INVALID_VERSION_FORMAT },
          ),
      );
    }
    const minimum = this.minimums.get(version.platform) ?? this.minimums.get('');
    if (minimum === undefined || compareVersions(version, minimum.version) >= 0) return true;
    const text = sent as string;
    const extras = this.versionMembers(text, minimum.text, version.platform);
    throw withoutStack(
      () =>
        new AppError(UPGRADE_REQUIRED, `Client version ${text} is no longer supported`, {
          reason: ErrorReasons.VERSION_OUTDATED,
          extras,
        }),
    );
  }

  private versionMembers(client: string, min: string, platform: string): Record<string, string> {
    const members: Record<string, string> = { client_version: client, min_version: min };
    if (this.serverVersion !== undefined) members.server_version = this.serverVersion;
    const url =
      typeof this.updateUrls === 'string' ? this.updateUrls : this.updateUrls?.get(platform);
    if (url !== undefined) members.update_url = url;
    return members;
  }
}

/** Platform keys compare without case, as version prefixes do. */
function byPlatform(record: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(
    Object.entries(record).map(([platform, value]) => [platform.toLowerCase(), value]),
  );
}

/**
 * Checked at start-up, so a typo in a minimum fails the boot, not a request.
 * One string is the minimum of every client (key `''`); a record keys each
 * minimum by the platform prefix it applies to.
 */
function parseMinimums(
  minVersion: string | Readonly<Record<string, string>>,
): Map<string, Minimum> {
  const entries =
    typeof minVersion === 'string' ? new Map([['', minVersion]]) : byPlatform(minVersion);
  const minimums = new Map<string, Minimum>();
  for (const [platform, text] of entries) {
    const version = parseClientVersion(text);
    if (version === undefined) {
      throw new TypeError(`clientVersion.minVersion "${text}" is not a version`);
    }
    if (platform !== '' && version.platform !== '' && version.platform !== platform) {
      throw new TypeError(
        `clientVersion.minVersion.${platform} "${text}" is for platform "${version.platform}"`,
      );
    }
    minimums.set(platform, { text, version });
  }
  return minimums;
}
