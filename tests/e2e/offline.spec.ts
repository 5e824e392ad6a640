// Offline after one visit: the home page, deep links and every placement work
// with the network unplugged, progress survives offline reloads, and a new build
// waits for the learner's "Reload". No request ever leaves the site's origin, and
// the Content-Security-Policy is never broken.
import { test, expect, type Page } from '@playwright/test';
import { Learner } from '../support/learner';
import fs from 'node:fs';
import path from 'node:path';

const SITE = 'tests/output/site';

async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('works offline after one visit, and updates only when the learner reloads', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const cspErrors: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  const swPath = path.join(SITE, 'sw.js');
  const originalWorker = fs.readFileSync(swPath, 'utf8');

  try {
    const learner = new Learner(page);
    await learner.start('Noor');
    await controlled(page);
    const titles = await page.getByRole('heading', { level: 2 }).filter({ has: page.getByRole('link') }).allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(9);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
    await page.goto('./placements/taste-of-healthcare/wednesday-observations/sbar-call');
    await learner.heading(/Listen to an SBAR call/);
    for (const title of titles) {
      await page.goto('./');
      await page.getByRole('link', { name: title.trim() }).click();
      await learner.heading(title.trim());
    }
    await page.goto('./placements/first-look/what-is-the-nhs/healthcare-for-everyone');
    await learner.next();
    await learner.heading(/Where care happens/);
    await page.reload();
    await page.goto('./placements/first-look');
    await expect(page.getByRole('link', { name: 'What is the NHS?' })).toHaveAccessibleDescription(/In progress/);

    // Back online, a new build is published.
    await context.setOffline(false);
    const before = await page.evaluate(() => caches.keys());
    fs.writeFileSync(swPath, originalWorker.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByRole('status').filter({ hasText: 'A new version of Wex is ready' })).toBeVisible();
    // Nothing changed under the learner: the new version waits, the old one still runs.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(before));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/-next$/)]);
    await expect(page.getByText('Learning as Noor')).toBeVisible();
    await page.goto('./placements/first-look');
    await expect(page.getByRole('link', { name: 'What is the NHS?' })).toHaveAccessibleDescription(/In progress/);
  } finally {
    fs.writeFileSync(swPath, originalWorker);
  }
  expect(elsewhere, 'requests to other origins').toEqual([]);
  expect(cspErrors, 'Content-Security-Policy violations').toEqual([]);
});
