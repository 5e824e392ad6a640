// Screenshots the tests take as they go. A normal run writes them to
// tests/output/screenshots/ (ignored by git), so a test run leaves the work tree
// clean; `WEX_UPDATE_SCREENSHOTS=1 scripts/test.sh` writes them to
// docs/screenshots/ instead, to refresh the pictures the docs link to.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

export const SHOTS = process.env.WEX_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'tests/output/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** Saves a full-page screenshot as `<name>.png`. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Saves `<name>-1280.png` and `<name>-360.png`: a laptop and a phone. */
export async function shotWide(page: Page, name: string) {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, `${name}-360`);
  await page.setViewportSize(before);
}
