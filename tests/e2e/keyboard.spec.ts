// A learner who uses only the keyboard completes a whole module.
import { test, expect, type Page } from '../support/test';
import { Learner } from '../support/learner';

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: { role: string; name: string }) => boolean, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return { role: el?.tagName.toLowerCase() ?? '', name: (label ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
    });
    if (matches(focused)) return;
  }
  throw new Error('never reached the element by pressing Tab');
}

test('a whole module can be completed with the keyboard alone', async ({ page }) => {
  await new Learner(page).start('Kim');
  await page.goto('./placements/example-placement');
  await tabTo(page, (el) => el.role === 'a' && el.name === 'The practice team');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Who is who/ })).toBeFocused();
  for (const title of [/Listen to the morning huddle/, /Check what you know/]) {
    await tabTo(page, (el) => el.role === 'button' && el.name === 'Save and continue');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  }
  // Tab reaches the radio group; the arrow keys move between its options (shown
  // in an order of this learner's own) and choose.
  await tabTo(page, (el) => el.role === 'input' && ['A healthcare assistant', 'The receptionist'].includes(el.name));
  if (!(await page.getByRole('radio', { name: 'A healthcare assistant' }).evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.getByRole('radio', { name: 'A healthcare assistant' })).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.role === 'button' && el.name === 'Check my answers');
  await page.keyboard.press('Enter');
  await expect(page.getByText('You passed this quiz.')).toBeVisible();
  await tabTo(page, (el) => el.role === 'button' && el.name === 'Finish the module');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /You have finished “The practice team”/ })).toBeVisible();
});
