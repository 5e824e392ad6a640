// The `test` every end-to-end spec uses: Playwright's, plus a watch on every page
// the test opens (in its own context or in any context it makes). A script error
// (an uncaught exception, or a Rust panic, which shows as "RuntimeError:
// unreachable") or an error in the console fails the test, so no panic passes
// unnoticed. A test that expects a console error (a file it removed on purpose)
// names it with `test.use({ allowedConsoleErrors: [/.../] })`.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export { expect };
export { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

type Options = { allowedConsoleErrors: RegExp[] };

export const test = base.extend<Options & { watchErrors: (context: BrowserContext) => void }>({
  allowedConsoleErrors: [[], { option: true }],
  // Also given to tests that launch a browser of their own (a persistent profile).
  watchErrors: [
    async ({ context, browser, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      const watchPage = (page: Page) => {
        page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.name}: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = `${page.url()}: console error: ${message.text()} (from ${message.location().url})`;
          if (!allowedConsoleErrors.some((allowed) => allowed.test(text))) errors.push(text);
        });
      };
      const watchContext = (c: BrowserContext) => {
        c.pages().forEach(watchPage);
        c.on('page', watchPage);
      };
      watchContext(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const made = await newContext(...args);
        watchContext(made);
        return made;
      };
      await use(watchContext);
      browser.newContext = newContext;
      expect(errors, 'errors in the browser while the test ran').toEqual([]);
    },
    { auto: true },
  ],
});
