// A page object for the learner's journeys, found by role and label as a person
// (or a screen reader) would find them.
import { expect, type Page } from './test';

export class Learner {
  constructor(readonly page: Page) {}

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
    for (const module of ['what-is-the-nhs', 'people-of-the-nhs']) {
      await this.page.goto(`./placements/first-look/${module}`);
      for (;;) {
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

  async next() {
    await this.page.getByRole('button', { name: /^(Save and continue|Finish the module)$/ }).click();
  }
}
