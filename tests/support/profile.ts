// A browser with a profile folder of its own, as a learner's laptop keeps between
// visits: closing it and opening it again on the same folder keeps IndexedDB.
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

/** Opens Chromium on the profile in `dir`, with the test's error watch on it. */
export async function openProfile(dir: string, watchErrors: (context: BrowserContext) => void): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, baseURL: 'http://127.0.0.1:4173/' });
  watchErrors(context);
  return context;
}
