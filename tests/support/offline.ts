// The offline journey, shared by the tests at the site root and under a sub-path.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { Learner } from './learner';

export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Visits once online, then, offline: reloads home and a deep link, opens every
 *  placement, finishes a step and finds it finished after an offline reload. */
export async function offlineJourney(page: Page, context: BrowserContext, name: string) {
  const learner = new Learner(page);
  await learner.start(name);
  await waitForServiceWorker(page);
  const titles = (await page.getByRole('heading', { level: 2 }).filter({ has: page.getByRole('link') }).allTextContents()).map((t) => t.trim());
  expect(titles.length).toBeGreaterThanOrEqual(8);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  await page.goto('./placements/taste-of-healthcare/wednesday-observations/sbar-call');
  await learner.heading(/Listen to an SBAR call/);
  for (const title of titles) {
    await page.goto('./');
    await page.getByRole('link', { name: title }).click();
    await learner.heading(title);
  }
  // A whole module, offline.
  await page.goto('./placements/first-look/what-is-the-nhs/healthcare-for-everyone');
  await learner.next();
  await learner.heading(/Where care happens/);
  await learner.next();
  await learner.heading(/Who runs it\?/);
  await learner.next();
  await learner.heading(/Check what you have learned/);
  await learner.doActivity();
  await learner.next();
  await learner.heading(/You have finished “What is the NHS\?”/);
  await page.reload();
  await page.goto('./placements/first-look');
  await expect(page.getByRole('link', { name: 'What is the NHS?' })).toHaveAccessibleDescription(/Completed/);
  await context.setOffline(false);
}
