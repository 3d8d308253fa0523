import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, or the one `CHROMIUM_PATH` names; playwright-core downloads none. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether a browser test can run here. CI (`.ci/run` installs Chromium) always runs them. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** `CI` is set (not to `false`): a browser test must run, not skip. */
export const inCi =
  process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/**
 * Headless Chromium, started as this machine allows: no sandbox (tests may
 * run as root), and no background connections, which a closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
