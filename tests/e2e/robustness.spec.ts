// Two tabs at once lose no writes; a browser that refuses storage gets a clear
// banner and a working app; narrow screens do not scroll sideways.
import { test, expect } from '../support/test';
import { Learner } from '../support/learner';

test('two tabs writing at once lose nothing', async ({ context }) => {
  const one = await context.newPage();
  await new Learner(one).start('Tess');
  const two = await context.newPage();
  await two.goto('./');
  await new Learner(two).choose('Tess');
  const reflect = './placements/example-placement/a-patient-arrives/reflect';
  await one.goto(reflect);
  await two.goto(reflect);
  await one.getByLabel(/^What\? What happened/).fill('Written in the first tab.');
  await two.getByLabel(/^Now what\?/).fill('Written in the second tab.');
  await one.getByLabel(/^So what\?/).click();
  await two.getByLabel(/^So what\?/).click();
  // Each blur saves; reload until both tabs' words have reached storage.
  const first = one.getByLabel(/^What\? What happened/);
  const second = one.getByLabel(/^Now what\?/);
  await expect
    .poll(async () => {
      await one.reload();
      await expect(second).toBeVisible();
      return [await first.inputValue(), await second.inputValue()];
    })
    .toEqual(['Written in the first tab.', 'Written in the second tab.']);
});

test('when the browser refuses storage the app says so and still works', async ({ page }) => {
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    Object.defineProperty(window.indexedDB, 'open', { value: refuse });
  });
  await page.goto('./');
  await expect(page.getByRole('alert').filter({ hasText: 'Your progress is not being saved' })).toBeVisible();
  await expect(page.getByText(/private browsing, or storage may be turned off/)).toBeVisible();
  // The learner can still work through a placement for this visit.
  await page.getByRole('button', { name: 'Add a learner' }).click();
  await page.getByLabel('Your name').fill('Guest');
  await page.getByRole('button', { name: 'Start learning' }).click();
  await page.getByRole('link', { name: 'A first look at working in the NHS' }).click();
  await page.getByRole('link', { name: 'What is the NHS?' }).click();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Where care happens/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Your progress is not being saved' })).toBeVisible();
});

test('a shared device locks the profile after 15 minutes without use', async ({ page }) => {
  await page.clock.install();
  await new Learner(page).start('Ola');
  await expect(page.getByText('Learning as Ola')).toBeVisible();
  await page.clock.fastForward('14:00');
  await expect(page.getByText('Learning as Ola')).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
});

// 320 CSS px is a small phone; 640 CSS px is a 1280 px screen at 200% zoom.
for (const width of [320, 640]) {
  test(`pages fit ${width} CSS px without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 640 });
    await new Learner(page).start('Lee');
    for (const url of ['./', './placements/example-placement', './placements/example-placement/a-patient-arrives/care-plan', './placements/example-placement/a-patient-arrives/what-next', './profile']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
}
