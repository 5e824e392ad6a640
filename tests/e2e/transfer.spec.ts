// "Move my progress": export from one browser, import into a fresh one, and
// everything is back.
import { test, expect } from '../support/test';
import { Learner } from '../support/learner';

test('progress exported from one browser restores everything in another', async ({ browser }) => {
  const { context: first, page, learner } = await Learner.onNewDevice(browser, 'Mo');
  await page.goto('./placements/example-placement/the-practice/check');
  await page.getByRole('radio', { name: 'A healthcare assistant' }).check();
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await page.goto('./placements/example-placement/a-patient-arrives/reflect');
  await page.getByLabel(/^What\? What happened/).fill('I learned how a referral works.');
  await page.getByLabel(/^So what\?/).click();
  const file = await learner.downloadProgress('progress.json', /^wex-progress-mo-\d{4}-\d{2}-\d{2}\.json$/);
  await first.close();

  const { context: second, page: other } = await Learner.onNewDevice(browser, 'Mo');
  await other.getByRole('link', { name: 'Profile and progress' }).click();
  // The file comes from Mo's profile in the other browser, not this one: asked first.
  await other.getByLabel('Add progress from a file').setInputFiles(file);
  await other.getByRole('button', { name: "Yes, add it to Mo's profile" }).click();
  await expect(other.getByText(/Added \d+ answers and actions from Mo's progress file/)).toBeVisible();
  // Importing the same file again adds nothing and loses nothing.
  await other.getByLabel('Add progress from a file').setInputFiles(file);
  await other.getByRole('button', { name: "Yes, add it to Mo's profile" }).click();
  await expect(other.getByText(/Added 0 answers/)).toBeVisible();
  await other.goto('./placements/example-placement/the-practice/check');
  await expect(other.getByText('You passed this quiz.')).toBeVisible();
  await other.getByRole('link', { name: 'My reflections' }).click();
  await expect(other.getByText('I learned how a referral works.')).toBeVisible();

  // A file that is not progress is refused with a clear message.
  await other.getByRole('link', { name: 'Profile and progress' }).click();
  await other.getByLabel('Add progress from a file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(other.getByRole('alert').filter({ hasText: 'This is not a Wex progress file.' })).toBeVisible();
  await second.close();
});
