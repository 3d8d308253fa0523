import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, inCi, launchChromium } from '../helpers/chromium.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { type SampleWithDocs, startSampleWithDocs } from './helpers/sample-with-docs.js';

/**
 * Swagger UI in a real browser: Debian's Chromium, driven by playwright-core
 * (no browser is downloaded). CI always runs this; elsewhere it skips itself,
 * saying so, only when no Chromium is installed. `UPDATE_SCREENSHOTS=1`
 * rewrites the README's screenshot, docs/swagger-ui.png.
 */
const hasChromium = chromiumAvailable;
if (!hasChromium && !inCi) {
  console.warn(
    `Skipping the Swagger UI browser test: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH). CI always runs it.`,
  );
}

const SCREENSHOT = fileURLToPath(new URL('../../docs/swagger-ui.png', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.skipIf(!hasChromium && !inCi).each(ADAPTERS)(
  'Swagger UI at /docs in Chromium (%s)',
  { timeout: 120_000 },
  (adapter) => {
    let sample: SampleWithDocs;
    let browser: Browser;
    beforeAll(async () => {
      sample = await startSampleWithDocs(adapter);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await sample?.stop();
    });

    it('shows the examples of POST /auth/login, codes 21 and 22 among them', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(`${sample.t.url}/docs`);
      const login = page.locator('#operations-Auth-AuthController_login');
      await login.locator('.opblock-summary').first().click();
      const response = (status: number) => login.locator(`tr.response[data-code="${status}"]`);
      const shownExample = (status: number) =>
        response(status).locator('.example, .highlight-code').first().innerText();

      await response(404).waitFor();
      const notFound = response(404).locator('select.examples-select-element');
      expect(await notFound.locator('option:checked').innerText()).toBe(
        'User Not Exists (21): No account found with this email',
      );
      expect(await shownExample(404)).toContain('"code": 21');

      const badRequest = response(400).locator('select.examples-select-element');
      expect(await badRequest.locator('option').allInnerTexts()).toStrictEqual([
        'Password Not Match (22): The password does not match this account',
        'Invalid Parameter (88): a body that is not JSON',
        'Invalid Parameter (88): the body has email = "x"',
      ]);
      expect(await shownExample(400)).toContain('"code": 22');
      await badRequest.selectOption('88-invalid-parameter-body-validation');
      expect(await shownExample(400)).toContain('"description": "email must be an email address"');
      await badRequest.selectOption('22-password-not-match');

      const responses = login.locator('.responses-wrapper');
      const dir = mkdtempSync(join(tmpdir(), 'swagger-ui-'));
      const path =
        process.env.UPDATE_SCREENSHOTS === '1' && adapter === 'express'
          ? SCREENSHOT
          : join(dir, 'swagger-ui.png');
      try {
        await responses.screenshot({ path });
        expect(readFileSync(path).subarray(0, 8)).toStrictEqual(PNG_SIGNATURE);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await page.close();
    });
  },
);

it('has the README’s screenshot of Swagger UI in docs/', () => {
  expect(readFileSync(SCREENSHOT).subarray(0, 8)).toStrictEqual(PNG_SIGNATURE);
});
