// A learner's first journey: catalogue -> placement -> module -> finish a step, and
// the progress still being there after a reload and after the browser is closed.
import { test, expect } from '../support/test';
import { openProfile } from '../support/profile';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('a finished step stays finished after a reload', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Sam');
  await checkAccessibility(page, 'catalogue');
  for (const title of [
    'A virtual placement at a hospice',
    'From GP to diagnosis',
    'Taste of healthcare: a week on a ward',
    'Introduction to five allied health professions',
    'Healthcare science: behind the scenes',
    'The NHS is more than doctors and nurses',
    'Mental health and learning disability nursing',
  ]) {
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }
  // The filters narrow the list and say how many are shown.
  await page.getByLabel('Career area').selectOption({ label: 'Healthcare science' });
  await expect(page.getByRole('link', { name: 'Healthcare science: behind the scenes' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mental health and learning disability nursing' })).toHaveCount(0);
  await page.getByLabel('Career area').selectOption({ label: 'All career areas' });
  await page.getByLabel('Your age').selectOption({ label: 'I am 14' });
  await expect(page.getByRole('link', { name: 'A virtual placement at a hospice' })).toHaveCount(0);
  await page.getByLabel('Your age').selectOption({ label: 'Any age' });

  await learner.openPlacement('A first look at working in the NHS');
  await expect(page).toHaveURL(/\/placements\/first-look$/);
  const firstModule = page.getByRole('link', { name: 'What is the NHS?' });
  await expect(firstModule).toHaveAccessibleDescription(/Not started/);
  await checkAccessibility(page, 'placement');

  await firstModule.click();
  await learner.heading(/Healthcare for everyone/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await checkAccessibility(page, 'module step');

  await learner.next();
  await learner.heading(/Where care happens/);
  await expect(page).toHaveURL(/\/placements\/first-look\/what-is-the-nhs\/where-care-happens$/);

  await page.reload();
  await learner.heading(/Where care happens/);
  await page.getByRole('link', { name: /Previous step/ }).click();
  await learner.heading(/Healthcare for everyone/);
  await expect(page.getByText('Step finished')).toBeVisible();

  await page.getByRole('link', { name: 'Back to the placement' }).first().click();
  await expect(page.getByRole('link', { name: 'What is the NHS?' })).toHaveAccessibleDescription(/In progress/);
});

test('progress survives closing and reopening the browser', async ({ watchErrors }) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-profile-'));
  const open = () => openProfile(profile, watchErrors);
  try {
    let context = await open();
    let page = await context.newPage();
    let learner = new Learner(page);
    await learner.start('Priya');
    await page.goto('./placements/first-look/people-of-the-nhs');
    await learner.heading(/More than doctors and nurses/);
    await learner.next();
    await learner.heading(/Ways in/);
    await context.close();

    context = await open();
    page = await context.newPage();
    learner = new Learner(page);
    await page.goto('./placements/first-look');
    await learner.choose('Priya');
    await expect(page.getByRole('link', { name: 'The people of the NHS' })).toHaveAccessibleDescription(/In progress/);
    // Opening the module resumes where the learner left off.
    await page.getByRole('link', { name: 'The people of the NHS' }).click();
    await learner.heading(/Ways in/);
    await context.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
