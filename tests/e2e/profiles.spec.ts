// Shared devices: each learner sees only their own answers; a PIN guards a profile;
// deleting a profile deletes its answers.
import { test, expect } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';

test('a second learner on the same browser sees none of the first one\'s work', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Sam');
  await checkAccessibility(page, 'catalogue with a learner');
  await page.goto('./placements/example-placement/a-patient-arrives/reflect');
  await page.getByLabel(/^What\? What happened/).fill('Sam wrote this privately.');
  await page.getByLabel(/^So what\?/).click(); // leaving the box saves at once
  await page.goto('./placements/example-placement');
  await expect(page.getByRole('link', { name: 'A patient arrives' })).toHaveAccessibleDescription(/In progress/);

  await page.getByRole('button', { name: 'Switch learner' }).click();
  await checkAccessibility(page, 'who is learning');
  await learner.start('Alex');
  await page.goto('./placements/example-placement');
  await expect(page.getByRole('link', { name: 'A patient arrives' })).toHaveAccessibleDescription(/Not started/);
  await page.getByRole('link', { name: 'My reflections' }).click();
  await expect(page.getByText('You have not written any reflections yet.')).toBeVisible();
  await expect(page.getByText('Sam wrote this privately.')).toHaveCount(0);

  // Back to Sam: the work is still there.
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await learner.choose('Sam');
  await page.getByRole('link', { name: 'My reflections' }).click();
  await expect(page.getByText('Sam wrote this privately.')).toBeVisible();
});

test('a PIN guards a profile, and deleting a profile removes its answers', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Kai', '2468');
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await page.getByRole('button', { name: /^Kai/ }).click();
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That PIN is not right' })).toBeVisible();
  await checkAccessibility(page, 'wrong PIN');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Learning as Kai')).toBeVisible();

  await page.getByRole('link', { name: 'Profile and progress' }).click();
  await checkAccessibility(page, 'profile');
  await page.getByRole('button', { name: 'Delete my profile' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Kai/ })).toHaveCount(0);
});
