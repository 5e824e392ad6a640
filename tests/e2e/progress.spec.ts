// A learner's first journey: catalogue -> placement -> module -> mark done, and the
// progress still being there after a reload and after the browser is closed.
import { test, expect, chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { checkAccessibility } from '../support/axe';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('a page marked as done stays done after a reload', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  await checkAccessibility(page, 'catalogue');

  await page.getByRole('link', { name: 'A first look at working in the NHS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A first look at working in the NHS' })).toBeVisible();
  await expect(page).toHaveURL(/\/placements\/first-look$/);
  const firstModule = page.getByRole('link', { name: 'What is the NHS?' });
  await expect(firstModule).toHaveAccessibleDescription(/Not started/);
  await checkAccessibility(page, 'placement');

  await firstModule.click();
  await expect(page.getByRole('heading', { level: 1, name: /Healthcare for everyone/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('Step 1 of 3')).toBeVisible();
  await checkAccessibility(page, 'module step');

  await page.getByRole('button', { name: 'Mark as done and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Where care happens/ })).toBeVisible();
  await expect(page).toHaveURL(/\/placements\/first-look\/what-is-the-nhs\/where-care-happens$/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Where care happens/ })).toBeVisible();
  await page.getByRole('link', { name: /Previous step/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Healthcare for everyone/ })).toBeVisible();
  await expect(page.getByText('Done', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Back to the placement' }).click();
  await expect(page.getByRole('link', { name: 'What is the NHS?' })).toHaveAccessibleDescription(/In progress/);
});

test('progress survives closing and reopening the browser', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-profile-'));
  const open = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      baseURL: 'http://127.0.0.1:4173/',
    });
  try {
    let context = await open();
    let page = await context.newPage();
    await page.goto('./placements/first-look/people-of-the-nhs');
    await expect(page.getByRole('heading', { level: 1, name: /More than doctors and nurses/ })).toBeVisible();
    await page.getByRole('button', { name: 'Mark as done and continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Ways in/ })).toBeVisible();
    await context.close();

    context = await open();
    page = await context.newPage();
    await page.goto('./placements/first-look');
    await expect(page.getByRole('link', { name: 'The people of the NHS' })).toHaveAccessibleDescription(/In progress/);
    // Opening the module resumes at the first step not yet done.
    await page.getByRole('link', { name: 'The people of the NHS' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Ways in/ })).toBeVisible();
    await context.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
