// Saving what the app offers as a download, as a person's browser would.
import { test, expect, type Page } from '@playwright/test';

/**
 * Clicks something that downloads a file and saves it in the test's output folder
 * as `name`; returns its path. With `suggested`, also checks the file name the app
 * gave it.
 */
export async function saveDownload(page: Page, click: () => Promise<void>, name: string, suggested?: string | RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  if (suggested !== undefined) {
    if (typeof suggested === 'string') expect(download.suggestedFilename()).toBe(suggested);
    else expect(download.suggestedFilename()).toMatch(suggested);
  }
  const file = test.info().outputPath(name);
  await download.saveAs(file);
  return file;
}
