// My applications: a learner finishes a placement, writes reflections, and finds
// them under the right UCAS question with character counts, under the NHS values
// their words suggest, and their certificate ready to name for a trust; each of the
// three documents downloads with only what they wrote and chose, and prints with
// what they typed. The credential they downloaded still passes the 1EdTech schema.
// A learner with nothing yet gets kind words, not an empty page; a long note says
// so; an answer typed just before the browser closes is kept.
import { test, expect } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';
import { saveDownload } from '../support/download';
import { openProfile } from '../support/profile';
import { shotWide } from '../support/shots';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TITLE = 'A first look at working in the NHS';
const WHAT = 'On Larch Ward the team listened to the patient and asked what she wanted for lunch, even though the menu was late.';
const SO_WHAT = 'It showed me that respect and dignity are about small choices. I want to study nursing because I saw how much a kind word changes a hard day for someone.';
const NOW_WHAT = 'I will ask my careers adviser about NHS Cadets and read about nursing associates on Health Careers.';

test('my applications: reflections under the right UCAS question, the NHS values and a trust application, each exported', async ({ page }) => {
  test.setTimeout(180_000);
  const learner = new Learner(page);
  await learner.start('Priya Shah');
  await learner.completeFirstLook();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  // Hours, honestly stated, on the certificate; the credential still passes the schema.
  await expect(page.getByText(/About \d+ minutes? of virtual work experience \(planned: about \d+ minutes\)/)).toBeVisible();
  const credential = await saveDownload(page, () => page.getByRole('button', { name: 'Download the credential file' }).click(), 'credential.json');
  const checked = execFileSync('cargo', ['run', '-q', '-p', 'wex-core', '--example', 'ob3-schema', '--', credential], { encoding: 'utf8' });
  expect(checked).toContain('valid against the Open Badges 3.0 AchievementCredential schema');
  const certificateId = JSON.parse(fs.readFileSync(credential, 'utf8')).id as string;
  expect(certificateId).toMatch(/^urn:uuid:/);

  // The learner rewrites their reflection in their own words.
  await page.goto('./placements/first-look/people-of-the-nhs/thinking-about-yourself');
  for (const [label, text] of [[/^Which moment from this placement/, WHAT], [/^What did that moment show you/, SO_WHAT], [/^Choose one role from this module/, NOW_WHAT]] as const) {
    await learner.saved(async () => {
      await page.getByLabel(label).fill(text);
      await page.getByLabel(label).blur();
    });
  }

  // From the placement page, as a learner finds it.
  await page.goto('./placements/first-look');
  await page.getByRole('link', { name: 'My applications' }).last().click();
  await learner.heading('My applications');
  await expect(page.getByText('3 notes from your reflections, and 1 certificate you can name.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `${TITLE}: certificate issued` })).toBeVisible();
  await checkAccessibility(page, 'my applications');

  // UCAS: what happened goes under question 3; what it meant and what next under question 1.
  await page.getByRole('link', { name: 'UCAS personal statement' }).click();
  await learner.heading('UCAS personal statement');
  const question = (n: number) => page.locator('section.wex-application-question').nth(n - 1);
  await expect(question(1).getByText(SO_WHAT)).toBeVisible();
  await expect(question(1).getByText(NOW_WHAT)).toBeVisible();
  await expect(question(3).getByText(WHAT)).toBeVisible();
  await expect(question(1).getByText(WHAT)).toHaveCount(0);
  await expect(question(2).getByText(/none is placed here: this question is about your subjects/)).toBeVisible();

  const answer = 'Seeing a ward team plan a patient\'s day around her wishes made me want to study nursing.';
  await question(1).getByLabel('Your answer to question 1').fill(answer);
  await expect(question(1).getByText(`${answer.length} characters: at least ${350 - answer.length} more to go`)).toBeVisible();
  const long = 'x'.repeat(400);
  await question(2).getByLabel('Your answer to question 2').fill(long);
  await expect(question(2).getByText('400 characters: enough for this answer')).toBeVisible();
  await expect(page.getByText(`Altogether: ${answer.length + 400} of 4,000 characters.`)).toBeVisible();
  await expect(page.getByText('Question 3: write at least 350 more characters (UCAS asks for 350 or more).')).toBeVisible();
  await question(3).getByLabel('Add this note to my download').check();
  await checkAccessibility(page, 'UCAS personal statement');
  await shotWide(page, 'applications-ucas');

  const ucas = fs.readFileSync(await saveDownload(page, () => page.getByRole('button', { name: 'Download as Markdown' }).click(), 'ucas.md', 'wex-ucas-priya-shah.md'), 'utf8');
  expect(ucas).toContain("# UCAS personal statement: Priya Shah's draft");
  expect(ucas).toContain(`${answer}\n\n*${answer.length} characters.*`);
  expect(ucas).toContain(`### For question 3: ${TITLE}, Thinking about yourself`);
  expect(ucas).toContain(WHAT);
  expect(ucas, 'only the note the learner chose').not.toContain(SO_WHAT);

  // Printed, the page shows what was typed, not the boxes.
  await page.emulateMedia({ media: 'print' });
  await expect(question(1).locator('.wex-print-only')).toHaveText(answer);
  await expect(question(1).getByLabel('Your answer to question 1')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download as Markdown' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The NHS values: the note about the team listening shows working together.
  await page.getByRole('link', { name: 'My applications' }).first().click();
  await page.getByRole('link', { name: 'Apprenticeship or NHS job: the NHS values' }).click();
  const together = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Working together for patients' }) });
  await expect(together.getByText(WHAT)).toBeVisible();
  const respect = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Respect and dignity' }) });
  await expect(respect.getByText(SO_WHAT)).toBeVisible();
  await together.getByLabel('Add this note to my download').check();
  const statement = 'In my virtual placement I saw a ward team plan a patient\'s day together.';
  await page.getByLabel(/^Write about one or two values/).fill(statement);
  await expect(page.getByText('14 words')).toBeVisible();
  await checkAccessibility(page, 'NHS values');
  const values = fs.readFileSync(await saveDownload(page, () => page.getByRole('button', { name: 'Download as Markdown' }).click(), 'values.md', 'wex-nhs-values-priya-shah.md'), 'utf8');
  expect(values).toContain(statement);
  expect(values).toContain(`### Working together for patients`);
  expect(values).toContain(WHAT);
  expect(values, 'only the note the learner chose').not.toContain('### Respect and dignity');

  // Work experience at a trust: three areas, three dates, a statement, and the certificate.
  await page.goto('./applications/work-experience');
  await learner.heading('Work experience at an NHS trust');
  await page.getByLabel('First choice').fill('Radiography');
  await page.getByLabel('Second choice').fill('Children\'s ward');
  await page.getByLabel('Third choice').fill('Pathology lab');
  await page.getByLabel('First date').fill('2027-02-15');
  await page.getByLabel('Second date').fill('2027-02-16');
  await page.getByLabel('Third date').fill('2027-04-06');
  await page.getByLabel('What do you hope to get from work experience?').fill('To see how a team plans a patient\'s day.');
  await page.getByLabel('What have you done so far?').fill('A virtual placement in Wex and a Saturday job.');
  await page.getByLabel(TITLE).check();
  await expect(page.getByText(certificateId)).toBeVisible();
  await checkAccessibility(page, 'work experience at a trust');
  await shotWide(page, 'applications-trust');
  const trust = fs.readFileSync(await saveDownload(page, () => page.getByRole('button', { name: 'Download as Markdown' }).click(), 'trust.md', 'wex-work-experience-priya-shah.md'), 'utf8');
  expect(trust).toContain('1. Radiography\n2. Children\'s ward\n3. Pathology lab');
  expect(trust).toContain('1. 15 February 2027\n2. 16 February 2027\n3. 6 April 2027');
  expect(trust).toContain('To see how a team plans a patient\'s day.');
  expect(trust).toContain(`**${TITLE}**`);
  expect(trust).toContain(`Certificate ${certificateId}`);
  expect(trust).toMatch(/Anyone can check these certificates at http:\/\/[^ ]+\/verify/);

  // What was written is kept: the page opened again reads it back.
  await page.goto('./');
  await page.goto('./applications/work-experience');
  await expect(page.getByLabel('First choice')).toHaveValue('Radiography');
  await expect(page.getByLabel('Third date')).toHaveValue('2027-04-06');
});

test('my applications with nothing yet: kind words and a way on, and a long note says so', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Alex');
  await page.getByRole('link', { name: 'My applications' }).click();
  await learner.heading('My applications');
  await expect(page.getByText(/You have not started a placement yet/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Choose a placement' })).toBeVisible();
  await page.getByRole('link', { name: 'Work experience at an NHS trust' }).click();
  await expect(page.getByText(/You have no certificates yet/)).toBeVisible();
  await page.goto('./applications/ucas');
  await expect(page.getByText(/You have not written a reflection yet/)).toBeVisible();
  await checkAccessibility(page, 'UCAS with no notes');

  // A started placement and a very long reflection.
  await page.goto('./placements/first-look/people-of-the-nhs/thinking-about-yourself');
  const long = 'The ward was busy and everyone had a job to do. '.repeat(40).trim();
  await learner.saved(async () => {
    await page.getByLabel(/^Which moment from this placement/).fill(long);
    await page.getByLabel(/^Which moment from this placement/).blur();
  });
  await page.goto('./applications');
  await expect(page.getByRole('listitem').filter({ hasText: `${TITLE}: not finished yet` })).toBeVisible();
  await page.getByRole('link', { name: 'UCAS personal statement' }).click();
  await expect(page.getByText(`This note is long (${long.length.toLocaleString('en-GB')} characters)`)).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling on a 360 px phone').toBeLessThanOrEqual(0);
});

// The browser closes well inside the pause after which an answer saves by itself:
// the words come back from the copy kept at each key press (storage/typing.rs).
test('an answer typed into My applications just before the browser closes is kept', async ({ watchErrors }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-applications-'));
  const open = () => openProfile(dir, watchErrors);
  const words = 'Watching the pharmacist check every dose made me want to study pharmacy';
  try {
    let context = await open();
    let page = await context.newPage();
    await new Learner(page).start('Sol');
    await page.goto('./applications/ucas');
    await page.getByLabel('Your answer to question 1').pressSequentially(words);
    await context.close();

    context = await open();
    page = await context.newPage();
    await page.goto('./');
    await new Learner(page).choose('Sol');
    await page.goto('./applications/ucas');
    await expect(page.getByLabel('Your answer to question 1')).toHaveValue(words);
    await context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
