// The first screen is in index.html (#20): the browser paints "Who is learning?"
// before the app's code arrives, and the app's own page takes its place without
// anything moving. Kept honest here: with the app's wasm held back, the written-out
// screen is there and accessible; once the app has started, every part of the page
// is where it was, with the same words, and no layout shift was recorded.
import { test, expect } from '../support/test';
import { checkAccessibility } from '../support/axe';

// A service worker would answer the wasm itself, past the hold below.
test.use({ serviceWorkers: 'block' });

const PARTS = ['header', 'h1', 'main p.nhsuk-body-l', 'main p.nhsuk-body', 'main button', 'footer'];

test('the written-out first screen is the app\'s own, and the app takes its place without a shift', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).shifts.push((entry as any).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const size of [{ width: 1280, height: 900 }, { width: 360, height: 800 }]) {
    // The shell's wasm is held back until the written-out screen has been looked at.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.unrouteAll();
    await page.route(/wex-shell-.*_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.setViewportSize(size);
    await page.goto('./');
    // Before the app: the screen from index.html, its button not yet working.
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add a learner' })).toBeDisabled();
    const before = await boxes(page);
    if (size.width === 1280) await checkAccessibility(page, 'first screen before the app starts');
    release();
    // The app's own page, in the same place.
    await expect(page.getByRole('button', { name: 'Add a learner' })).toBeEnabled();
    await expect(page.locator('#wex-loading')).toHaveCount(0);
    expect(await boxes(page), `at ${size.width} px`).toEqual(before);
    expect(await page.evaluate(() => (window as any).shifts.reduce((a: number, b: number) => a + b, 0)), 'layout shift').toBe(0);
  }
});

test('a learner already chosen in this tab gets their own page after a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add a learner' }).click();
  await page.getByLabel('Your name').fill('Noor');
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  await expect(page.getByText('Learning as Noor')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who is learning?' })).toHaveCount(0);
});

/** Where each part of the page is, and what it says. */
async function boxes(page: import('@playwright/test').Page) {
  const out: Record<string, unknown> = {};
  for (const selector of PARTS) {
    const part = page.locator(selector).filter({ visible: true }).first();
    const box = await part.boundingBox();
    out[selector] = { text: (await part.innerText()).trim(), box: box && Object.fromEntries(Object.entries(box).map(([k, v]) => [k, Math.round(v)])) };
  }
  return out;
}
