// A page object for the learner's journeys, found by role and label as a person
// (or a screen reader) would find them.
import { expect, type Browser, type BrowserContext, type Page } from './test';
import { saveDownload } from './download';

export class Learner {
  constructor(readonly page: Page) {}

  /** A new learner in a browser of their own (a fresh context: another device). */
  static async onNewDevice(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page; learner: Learner }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const learner = new Learner(page);
    await learner.start(name);
    return { context, page, learner };
  }

  /** Downloads this learner's progress file from "Profile and progress"; its name
   * must match `name`. Returns where the test saved it. */
  async downloadProgress(saveAs: string, name: RegExp) {
    await this.page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'Profile and progress' }).click();
    return saveDownload(this.page, () => this.page.getByRole('button', { name: 'Download my progress' }).click(), saveAs, name);
  }

  /** Opens the app and adds a new learner profile, with an optional PIN. */
  async start(name: string, pin?: string) {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await this.page.getByRole('button', { name: 'Add a learner' }).click();
    await this.page.getByLabel('Your name').fill(name);
    if (pin) {
      await this.page.getByLabel('PIN (optional)').fill(pin);
      await this.page.getByLabel('Type the PIN again').fill(pin);
    }
    await this.page.getByRole('button', { name: 'Start learning' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  }

  /** Does something the learner's journal records, and waits until IndexedDB has
   * committed it (the app measures each write as `wex-save`), so that leaving the
   * page next cannot cut the write short. */
  async saved(action: () => Promise<void>) {
    const writes = () => this.page.evaluate(() => performance.getEntriesByName('wex-save').length);
    const before = await writes();
    await action();
    await expect.poll(writes).toBeGreaterThan(before);
  }

  /** Chooses an existing profile on "Who is learning?". */
  async choose(name: string, pin?: string) {
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    if (pin) {
      await this.page.getByLabel('PIN').fill(pin);
      await this.page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(this.page.getByText(`Learning as ${name}`)).toBeVisible();
  }

  async openPlacement(title: string) {
    await this.page.getByRole('link', { name: title }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async heading(name: string | RegExp) {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** Finishes every step of the short first-look placement and gets its certificate. */
  async completeFirstLook() {
    for (const module of ['what-is-the-nhs', 'first-shift', 'people-of-the-nhs']) {
      await this.page.goto(`./placements/first-look/${module}`);
      for (;;) {
        await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
        await this.doActivity();
        const finish = this.page.getByRole('button', { name: 'Finish the module' });
        if (await finish.isVisible()) {
          await finish.click();
          break;
        }
        // Each step has its own address: wait for the next one before looking again.
        const step = this.page.url();
        await this.page.getByRole('button', { name: 'Save and continue' }).click();
        await expect(this.page).not.toHaveURL(step);
      }
      await expect(this.page.getByRole('heading', { level: 1, name: /You have finished/ })).toBeVisible();
    }
    await this.page.goto('./placements/first-look');
    await this.page.getByRole('link', { name: 'Get your certificate' }).click();
    await this.page.getByRole('button', { name: 'Get my certificate' }).click();
  }

  /**
   * Does the activity on the current step, whatever it is, as a learner who does
   * not know the answers would: a quiz answered (a different option each try, until
   * it passes or the tries run out), a scenario played to an ending by its first
   * choices, each written answer (a reflection prompt, an interview question) given
   * 55 words.
   */
  async doActivity() {
    const page = this.page;
    const check = page.getByRole('button', { name: 'Check my answers' });
    for (let attempt = 0; attempt < 6 && (await check.isVisible()); attempt++) {
      for (const group of await page.locator('fieldset').filter({ has: page.getByRole('radio') }).all()) {
        const options = group.getByRole('radio');
        await options.nth(attempt % (await options.count())).check();
      }
      for (const group of await page.locator('fieldset').filter({ has: page.getByRole('checkbox') }).all()) {
        await group.getByRole('checkbox').first().check();
      }
      await check.click();
      const again = page.getByRole('button', { name: 'Try again' });
      if (!(await again.isVisible())) break;
      await again.click();
    }
    for (let turn = 0; turn < 30; turn++) {
      if (await page.getByRole('heading', { name: /^Outcome:/ }).isVisible()) break;
      const choice = page.locator('button.wex-choice').first();
      if (!(await choice.isVisible())) break;
      const before = await choice.textContent();
      await choice.click();
      await expect(page.locator('button.wex-choice').first()).not.toHaveText(before ?? '', { timeout: 5_000 }).catch(() => undefined);
    }
    for (const box of await page.locator('textarea').all()) {
      if (!(await box.inputValue()).trim()) await box.fill(Array.from({ length: 55 }, (_, i) => (i === 0 ? 'Thinking' : 'word')).join(' '));
    }
  }

  async next() {
    await this.page.getByRole('button', { name: /^(Save and continue|Finish the module)$/ }).click();
  }
}
