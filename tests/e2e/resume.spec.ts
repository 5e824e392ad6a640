// Closing the browser in the middle of a scenario and coming back lands the
// learner on the same moment of the scenario.
import { test, expect } from '../support/test';
import { openProfile } from '../support/profile';
import { Learner } from '../support/learner';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('closing the browser mid-scenario resumes at the same node', async ({ watchErrors }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-resume-'));
  const open = () => openProfile(dir, watchErrors);
  try {
    let context = await open();
    let page = await context.newPage();
    let learner = new Learner(page);
    await learner.start('Robin');
    await page.goto('./placements/example-placement/a-patient-arrives/what-next');
    await page.getByRole('button', { name: 'Phone Carol and explain the result' }).click();
    await expect(page.getByText('Carol Evans, Patient')).toBeVisible();
    await context.close();

    context = await open();
    page = await context.newPage();
    learner = new Learner(page);
    await page.goto('./');
    await learner.choose('Robin');
    await learner.openPlacement('A morning in a GP practice');
    await page.getByRole('link', { name: 'A patient arrives' }).click();
    await learner.heading(/What happens next\?/);
    await expect(page.getByText('Carol Evans, Patient')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refer her urgently to the hospital' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Go back one choice' })).toBeVisible();
    await context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The browser closes well inside the pause after which a draft saves by itself, so
// the save on pagehide is an IndexedDB transaction a closing browser may never
// commit: the words must come back from the copy each key press keeps in
// localStorage (app/web/src/storage/typing.rs).
test('words typed into a reflection just before the browser closes are all kept', async ({ watchErrors }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-draft-'));
  const open = () => openProfile(dir, watchErrors);
  const words = 'I noticed how calm the receptionist stayed when the phones were busy';
  try {
    let context = await open();
    let page = await context.newPage();
    await new Learner(page).start('Kit');
    await page.goto('./placements/example-placement/a-patient-arrives/reflect');
    const answer = page.getByLabel(/^What\? What happened/);
    await answer.pressSequentially(words);
    // Closed at once: well inside the pause after which a draft saves by itself.
    await context.close();

    context = await open();
    page = await context.newPage();
    await page.goto('./');
    await new Learner(page).choose('Kit');
    await page.goto('./placements/example-placement/a-patient-arrives/reflect');
    await expect(page.getByLabel(/^What\? What happened/)).toHaveValue(words);
    // Saved into the learner's records, so the copy kept while typing is gone.
    const kept = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('wex-typing:')));
    await expect.poll(kept).toEqual([]);
    await page.goto('./reflections');
    await expect(page.getByText(words)).toBeVisible();
    await context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
