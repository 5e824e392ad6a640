// Real URLs: deep links load from the server, the back button works, and unknown
// addresses get a helpful page.
import { test, expect } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';

test('a deep link loads directly and the back button returns', async ({ page }) => {
  await new Learner(page).start('Ali');
  await page.goto('./placements/first-look/people-of-the-nhs/ways-in');
  await expect(page.getByRole('heading', { level: 1, name: /Ways in/ })).toBeVisible();
  await expect(page).toHaveTitle('Ways in - The people of the NHS - Wex');

  await page.getByRole('link', { name: 'Back to the placement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A first look at working in the NHS' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /Ways in/ })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'A first look at working in the NHS' })).toBeVisible();
});

test("a placement's task list gives each module's summary, kind and length", async ({ page }) => {
  await new Learner(page).start('Ali');
  await page.goto('./placements/allied-health-professions');
  const module = page.getByRole('link', { name: 'Case study: a fall at home' });
  await expect(module).toHaveAccessibleDescription(
    /^Meet Emmanuel, 81, who falls at home, and work out which allied health professionals can help him stay safe and independent\. Case study, about 25 minutes.* Not started$/,
  );
});

test('unknown places say so', async ({ page }) => {
  await new Learner(page).start('Ali');
  await page.goto('./nowhere/at/all/really/deep');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await checkAccessibility(page, 'not found');

  await page.goto('./placements/no-such-placement');
  await expect(page.getByText(/There is no placement called “no-such-placement”/)).toBeVisible();

  await page.goto('./placements/first-look/no-such-module');
  await expect(page.getByText(/has no module called “no-such-module”/)).toBeVisible();
});

test('the first load is the small shell; the full app downloads behind the first screens and starts when a placement opens', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Add a learner' })).toBeEnabled();
  // The first screen waited on the shell alone.
  expect(fetched.some((p) => p.startsWith('/wex-shell-') && p.endsWith('.wasm'))).toBe(true);
  expect(fetched.filter((p) => p.startsWith('/app/'))).toEqual([]);
  await new Learner(page).start('Ash');
  await expect(page.getByRole('link', { name: 'From GP to diagnosis' })).toBeVisible();
  // While the learner is on the first screens, the learner's app (and only it)
  // downloads behind them, so their first placement does not wait for it.
  await expect.poll(() => fetched.some((p) => p.startsWith('/app/wex-learner-') && p.endsWith('.wasm'))).toBe(true);
  expect(fetched.filter((p) => /\/app\/wex-(tutor|studio)-/.test(p))).toEqual([]);
  await page.getByRole('link', { name: 'From GP to diagnosis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'From GP to diagnosis' })).toBeFocused();
  expect(fetched.some((p) => p.startsWith('/app/wex-learner-') && p.endsWith('.wasm'))).toBe(true);
  // The learner chosen in the shell carries on in the full app.
  await expect(page.getByText('Learning as Ash')).toBeVisible();
  // The tutor's area is a download of its own, fetched only when a tutor opens it.
  expect(fetched.some((p) => p.includes('/wex-tutor-'))).toBe(false);
  await page.getByRole('link', { name: 'For tutors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your tutor area' })).toBeVisible();
  expect(fetched.some((p) => p.startsWith('/app/wex-tutor-') && p.endsWith('.wasm'))).toBe(true);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'From GP to diagnosis' })).toBeVisible();
});

test('after the hand-over only the full app listens: one back-button listener, one idle timer', async ({ page }) => {
  // Counts what is live on the window: popstate listeners and repeating timers.
  await page.addInitScript(() => {
    const live = { popstate: 0, intervals: new Set<number>() };
    (window as any).__wexLive = live;
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((type: string, listener: any, options?: any) => {
      if (type === 'popstate') live.popstate += 1;
      return add(type, listener, options);
    }) as typeof window.addEventListener;
    window.removeEventListener = ((type: string, listener: any, options?: any) => {
      if (type === 'popstate') live.popstate -= 1;
      return remove(type, listener, options);
    }) as typeof window.removeEventListener;
    const setInterval = window.setInterval.bind(window);
    const clearInterval = window.clearInterval.bind(window);
    window.setInterval = ((handler: any, timeout?: number, ...args: any[]) => {
      const id = setInterval(handler, timeout, ...args);
      live.intervals.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) live.intervals.delete(id);
      return clearInterval(id);
    }) as typeof window.clearInterval;
  });
  const live = () => page.evaluate(() => ({ popstate: (window as any).__wexLive.popstate, intervals: (window as any).__wexLive.intervals.size }));
  await new Learner(page).start('Ash');
  await expect(page.getByRole('link', { name: 'From GP to diagnosis' })).toBeVisible();
  expect(await live()).toEqual({ popstate: 1, intervals: 1 });
  await page.getByRole('link', { name: 'From GP to diagnosis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'From GP to diagnosis' })).toBeFocused();
  expect(await live()).toEqual({ popstate: 1, intervals: 1 });
  // The back button is followed once, by the app now on the page.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'From GP to diagnosis' })).toBeVisible();
});
