// Wex inside a learning platform: the example placement as SCORM 1.2 and 2004
// packages (`wex scorm`), opened in a frame of a stand-in platform whose SCORM
// run-time is scorm-again (tests/support/lms/), served under a deep path with no
// fallback. The platform's learner is the learner (the certificate is in their
// name); status, score and session time reach the platform by the certificate's
// rules; a reload lands where the learner was; another computer carries on from
// what the platform kept; another learner sees nothing of the first's; a platform
// that refuses to save loses nothing; two packages share the origin.
import { test, expect, type Page, type FrameLocator } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { shot } from '../support/shots';
import { writeBenchmark } from '../support/wex';

const LMS = 'http://127.0.0.1:4180/lms.html';
const FOLDERS = { '1.2': 'pluginfile.php/42/mod_scorm/content/1', '2004': 'pluginfile.php/43/mod_scorm/content/7' } as const;
type Standard = keyof typeof FOLDERS;
const CAROL = 'That the GP wants to find out why she has been so tired and has lost weight, and blood tests are the first step; the results come back within a week.';
const words = (n: number, first = 'I') => Array.from({ length: n }, (_, i) => (i === 0 ? first : 'word')).join(' ');

async function launch(page: Page, standard: Standard, learner = { id: 'u-101', name: 'Okafor, Ada' }, extra: object = {}, folder: string = FOLDERS[standard]) {
  await page.goto(LMS);
  await page.evaluate((options) => (window as any).launch(options), { standard, folder, learner, ...extra });
  return page.frameLocator('iframe[title="Placement"]');
}

const stored = (page: Page) => page.evaluate(() => (window as any).stored());

/** The platform's view of status and score, the same for either standard. */
async function standing(page: Page, standard: Standard) {
  const cmi = await stored(page);
  return standard === '1.2'
    ? { status: cmi.core.lesson_status, score: Number(cmi.core.score.raw), location: cmi.core.lesson_location, suspend: cmi.suspend_data, time: cmi.core.session_time, exit: cmi.core.exit }
    : { status: `${cmi.completion_status}/${cmi.success_status}`, score: Math.round(Number(cmi.score.scaled) * 100), location: cmi.location, suspend: cmi.suspend_data, time: cmi.session_time, exit: cmi.exit };
}

/** The platform's interactions (what its report shows a tutor), for either standard. */
async function interactions(page: Page, standard: Standard) {
  const cmi = await stored(page);
  return Object.values(cmi.interactions ?? {})
    .filter((i: any) => i && typeof i === 'object' && i.id)
    .map((i: any) => ({
      id: i.id as string,
      type: i.type as string,
      response: (standard === '1.2' ? i.student_response : i.learner_response) as string,
      correct: i.correct_responses?.['0']?.pattern as string | undefined,
      result: i.result as string,
      description: i.description as string | undefined,
      latency: i.latency as string,
    }));
}

const heading = (frame: FrameLocator, name: RegExp | string) => expect(frame.getByRole('heading', { level: 1, name })).toBeVisible();

/** Goes to a step the way a learner's own "Next step" links do (the address's fragment). */
async function goTo(frame: FrameLocator, route: string) {
  await frame.locator('body').evaluate((_, route) => {
    location.hash = route;
  }, route);
}

async function doModuleOne(frame: FrameLocator) {
  await frame.getByRole('link', { name: /The practice team/ }).click();
  await heading(frame, /Who is who/);
  await frame.getByRole('link', { name: /^Next step/ }).click();
  await heading(frame, /Listen to the morning huddle/);
  await frame.getByRole('link', { name: /^Next step/ }).click();
  await heading(frame, /Check what you know/);
  await frame.getByRole('radio', { name: 'A healthcare assistant' }).check();
  await frame.getByRole('button', { name: 'Check my answers' }).click();
  await expect(frame.getByText('You passed this quiz.')).toBeVisible();
  await frame.getByRole('button', { name: 'Finish the module' }).click();
  await heading(frame, /You have finished “The practice team”/);
}

async function startModuleTwo(frame: FrameLocator) {
  await frame.getByRole('link', { name: /Start the next module/ }).click();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await heading(frame, /Meet Mrs Evans/);
}

/** Module two, from its first step. */
async function doModuleTwo(frame: FrameLocator) {
  await frame.getByRole('radio', { name: 'Losing weight without trying' }).check();
  await frame.getByRole('button', { name: 'Check my answer' }).click();
  await frame.getByLabel(/^What would you say to Carol/).fill(CAROL);
  await frame.getByRole('link', { name: /^Next step/ }).click();
  await heading(frame, /Plan her care today/);
  await frame.getByRole('checkbox', { name: 'Finding out why she is losing weight' }).check();
  await frame.getByLabel(/Write one goal/).fill('Find out why Carol is losing weight and tell her what happens next today.');
  for (const name of ['Take blood tests', 'Explain what happens next and who to call with questions', 'Refer her to the hospital on the urgent pathway']) {
    await frame.getByRole('checkbox', { name }).check();
  }
  await frame.getByRole('button', { name: /Move up: Refer her to the hospital/ }).click();
  await frame.getByLabel(/Why did you choose and order/).fill(words(24, 'Tests'));
  await frame.getByRole('button', { name: 'Compare with the model answer' }).click();
  for (const group of await frame.getByRole('group').filter({ has: frame.getByRole('radio', { name: 'Yes' }) }).all()) {
    await group.getByRole('radio', { name: 'Yes' }).check();
  }
  await frame.getByRole('link', { name: /^Next step/ }).click();
  await heading(frame, /What happens next\?/);
  for (const choice of ['Phone Carol and explain the result', 'Refer her urgently to the hospital', 'Check Carol knows what to expect']) {
    await frame.getByRole('button', { name: choice }).click();
  }
  await expect(frame.getByRole('heading', { name: 'Outcome: Prepared and supported' })).toBeVisible();
  await frame.getByRole('link', { name: /^Next step/ }).click();
  await heading(frame, /Look back on the morning/);
  await frame.getByLabel(/^What\? What happened/).fill(words(15, 'Carol'));
  await frame.getByLabel(/^So what\?/).fill(words(15, 'Teams'));
  await frame.getByLabel(/^Now what\?/).fill(words(12, 'Nursing'));
  await frame.getByRole('button', { name: 'Finish the module' }).click();
  await heading(frame, /You have finished “A patient arrives”/);
}

for (const standard of ['1.2', '2004'] as Standard[]) {
  test(`SCORM ${standard}: the platform's learner does the placement; the platform gets status, score, place and session time; a reload lands where they were`, async ({ page }) => {
    test.setTimeout(120_000);
    let frame = await launch(page, standard);
    // Straight to the placement, as the platform's learner: no "Who is learning?".
    await heading(frame, 'A morning in a GP practice');
    await expect(frame.getByText('Learning as Ada Okafor')).toBeVisible();
    await expect(frame.getByRole('heading', { name: 'Who is learning?' })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Switch learner' })).toHaveCount(0);
    await expect(frame.getByRole('link', { name: 'For tutors' })).toHaveCount(0);
    await expect.poll(async () => (await standing(page, standard)).status).toBe(standard === '1.2' ? 'incomplete' : 'incomplete/unknown');
    await checkAccessibility(page, `placement in a learning platform (SCORM ${standard})`);

    await doModuleOne(frame);
    await expect.poll(async () => (await standing(page, standard)).location).toMatch(/^placements\/example-placement\/the-practice/);
    expect((await standing(page, standard)).status).toBe(standard === '1.2' ? 'incomplete' : 'incomplete/unknown');

    // A reload inside the platform's frame (which serves only the package's files)
    // lands on the same page, as the same learner. Wex told the platform the
    // learner left as the page went, so the platform refuses a new start (as
    // scorm-again does, like a strict LMS): the learner gets a plain message, and
    // nothing is lost.
    await startModuleTwo(frame);
    await frame.locator('body').evaluate(() => location.reload());
    await heading(frame, /Meet Mrs Evans/);
    await expect(frame.getByText('Learning as Ada Okafor')).toBeVisible();
    const closed = frame.getByRole('alert').filter({ hasText: 'Your learning platform has closed this visit' });
    await expect(closed).toBeVisible();
    await checkAccessibility(page, `learning platform closed the visit (SCORM ${standard})`);
    // Opened from the platform again: it carries on where the learner was.
    const kept = await standing(page, standard);
    const stored = standard === '1.2' ? { suspend_data: kept.suspend, core: { lesson_location: kept.location, entry: 'resume' } } : { suspend_data: kept.suspend, location: kept.location };
    frame = await launch(page, standard, undefined, { stored });
    await heading(frame, /Meet Mrs Evans/);
    await expect(closed).toHaveCount(0);
    await goTo(frame, 'placements/example-placement/the-practice/check');
    await heading(frame, /Check what you know/);
    await expect(frame.getByText('You passed this quiz.')).toBeVisible();
    await goTo(frame, 'placements/example-placement/a-patient-arrives/meet-mrs-evans');
    await heading(frame, /Meet Mrs Evans/);
    await doModuleTwo(frame);
    await expect.poll(async () => (await standing(page, standard)).status).toBe(standard === '1.2' ? 'passed' : 'completed/passed');
    const done = await standing(page, standard);
    expect(done.score).toBeGreaterThanOrEqual(50);
    // The platform's report shows what the learner chose and wrote, not only
    // "completed": each answer once, with the question, the right answer and a result.
    const answers = await interactions(page, standard);
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
    const quiz = answers.find((a) => a.id.startsWith('the-practice.check.'));
    expect(quiz).toMatchObject({ type: 'choice', result: 'correct' });
    expect(quiz!.response).toBe(quiz!.correct);
    expect(quiz!.latency).toMatch(standard === '1.2' ? /^\d{2,4}:\d{2}:\d{2}/ : /^PT/);
    expect(answers.find((a) => a.id.startsWith('a-patient-arrives.meet-mrs-evans.worry.'))).toMatchObject({ type: 'choice', result: 'correct' });
    const carol = answers.find((a) => a.id === 'a-patient-arrives.meet-mrs-evans.answer.tell-carol');
    expect(carol).toMatchObject({ type: standard === '1.2' ? 'fill-in' : 'long-fill-in', result: 'neutral', response: CAROL });
    const chosen = answers.filter((a) => a.id.startsWith('a-patient-arrives.what-next.')).map((a) => a.response);
    expect(chosen).toEqual(['Phone Carol and explain the result', 'Refer her urgently to the hospital', 'Check Carol knows what to expect']);
    expect(answers.find((a) => a.id === 'a-patient-arrives.care-plan.goal')?.response).toBe('Find out why Carol is losing weight and tell her what happens next today.');
    // Reflections are private unless the learner shares them.
    expect(answers.filter((a) => a.id.includes('.reflect.'))).toEqual([]);
    if (standard === '2004') expect(quiz!.description).toMatch(/\?$/);
    await shot(page, `lms-${standard}-finished`);
    // The certificate works as elsewhere, in the platform's learner's name.
    await goTo(frame, 'certificates/example-placement');
    await frame.getByRole('button', { name: 'Get my certificate' }).click();
    await heading(frame, 'Ada Okafor');
    await expect(frame.getByText('Self-declared.')).toBeVisible();

    // My applications works here too, and what the learner drafts there stays on
    // this computer: the platform's status, score, suspend_data and answers are
    // the placement's, unchanged.
    const before = { standing: await standing(page, standard), answers: await interactions(page, standard) };
    await frame.getByRole('link', { name: 'My applications' }).click();
    await frame.getByRole('link', { name: 'UCAS personal statement' }).click();
    const saves = () => frame.locator('body').evaluate(() => performance.getEntriesByName('wex-save').length);
    const savedBefore = await saves();
    await frame.getByLabel('Your answer to question 1').fill('Seeing a practice team work together made me want to study medicine.');
    await frame.getByLabel('Your answer to question 2').focus();
    await expect(frame.getByText('Altogether: 68 of 4,000 characters.')).toBeVisible();
    // Saved on this computer (a platform is told, if at all, before the save).
    await expect.poll(saves).toBeGreaterThan(savedBefore);
    const after = await standing(page, standard);
    expect({ status: after.status, score: after.score, suspend: after.suspend }).toEqual({ status: before.standing.status, score: before.standing.score, suspend: before.standing.suspend });
    expect(await interactions(page, standard)).toEqual(before.answers);

    // Closing the placement (the platform's "exit" removes the frame): the session's
    // time reaches the platform, and the attempt is not left suspended.
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(async () => (await standing(page, standard)).time).not.toMatch(/^(|0000:00:00(\.0+)?|00:00:00|PT0H0M0S)$/);
    expect((await standing(page, standard)).exit).toBe(standard === '1.2' ? '' : 'normal');
  });
}

test('another computer carries on from what the platform kept; another learner on this one sees none of it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const frame = await launch(page, '1.2');
  await heading(frame, 'A morning in a GP practice');
  await doModuleOne(frame);
  await startModuleTwo(frame);
  await frame.getByRole('radio', { name: 'Losing weight without trying' }).check();
  await frame.getByRole('button', { name: 'Check my answer' }).click();
  await expect.poll(async () => (await standing(page, '1.2')).suspend).toContain('"case-answer"');
  const kept = await standing(page, '1.2');
  expect(kept.suspend.length).toBeLessThanOrEqual(4096);

  // Another computer: a new browser profile, given only what the platform stored.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  const there = await launch(elsewhere, '1.2', { id: 'u-101', name: 'Okafor, Ada' }, { stored: { suspend_data: kept.suspend, core: { lesson_location: kept.location, entry: 'resume' } } });
  await heading(there, /Meet Mrs Evans/);
  await expect(there.getByRole('radio', { name: 'Losing weight without trying' })).toBeChecked();
  await expect(there.getByText('Correct', { exact: true })).toBeVisible();
  await goTo(there, 'placements/example-placement');
  await expect(there.getByText(/The practice team/).first()).toBeVisible();
  await expect(there.locator('main')).toContainText('Completed');
  await other.close();

  // Another of the platform's learners on the first computer: nothing of Ada's.
  const second = await launch(page, '1.2', { id: 'u-202', name: 'Singh, Ravi' });
  await heading(second, 'A morning in a GP practice');
  await expect(second.getByText('Learning as Ravi Singh')).toBeVisible();
  await expect(second.locator('main')).not.toContainText('Completed');
  await goTo(second, 'placements/example-placement/the-practice/check');
  await expect(second.getByRole('radio', { name: 'A healthcare assistant' })).not.toBeChecked();
  await expect(second.getByText('You passed this quiz.')).toHaveCount(0);
});

test('a platform that refuses to save: the learner is told, nothing is lost, and it is saved once the platform takes it', async ({ page }) => {
  const frame = await launch(page, '2004', { id: 'u-303', name: 'Chen Li' }, { refuseCommits: true });
  await heading(frame, 'A morning in a GP practice');
  await frame.getByRole('link', { name: /The practice team/ }).click();
  await heading(frame, /Who is who/);
  const alert = frame.getByRole('alert').filter({ hasText: 'Your learning platform did not save your progress just now.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Everything you do is kept on this computer, and Wex will try again.');
  await checkAccessibility(page, 'learning platform refusing to save');
  // The platform takes commits again: the next thing the learner does is saved and
  // the message goes.
  await page.evaluate(() => ((window as any).refuse = false));
  await frame.getByRole('link', { name: /^Next step/ }).click();
  await heading(frame, /Listen to the morning huddle/);
  await expect(alert).toHaveCount(0);
  await expect.poll(async () => (await standing(page, '2004')).location).toBe('placements/example-placement/the-practice/huddle');
});

test('two packages on one platform: each has its own placement and storage, and neither disturbs the other', async ({ page }) => {
  const example = await launch(page, '1.2');
  await heading(example, 'A morning in a GP practice');
  await doModuleOne(example);
  const firstLook = await launch(page, '1.2', undefined, {}, 'pluginfile.php/44/mod_scorm/content/2');
  await heading(firstLook, 'A first look at working in the NHS');
  await expect(firstLook.locator('main')).not.toContainText('Completed');
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
  expect(databases).toEqual(['wex-scorm-example-placement-schema3', 'wex-scorm-first-look-schema3']);
  const again = await launch(page, '1.2');
  await heading(again, 'A morning in a GP practice');
  await expect(again.locator('main')).toContainText('Completed');
});

test('report: first screen inside the platform\'s frame, and the time to tell the platform after each action', async ({ page }) => {
  test.setTimeout(120_000);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];
  const firstScreens: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const frame = await launch(page, '1.2', { id: `u-bench-${i}`, name: 'Bench, Learner' });
    await heading(frame, 'A morning in a GP practice');
    // From the frame's navigation start to the app's first page: the wasm, the
    // platform's API, and the placement.
    firstScreens.push(await frame.locator('body').evaluate(() => performance.getEntriesByName('wex-first-render')[0].startTime));
  }
  // Every action of a module: a visit, a quiz, a finish (each one reported).
  const frame = await launch(page, '1.2', { id: 'u-bench-actions', name: 'Bench, Learner' });
  await heading(frame, 'A morning in a GP practice');
  await doModuleOne(frame);
  const reports = await frame.locator('body').evaluate(() => performance.getEntriesByName('wex-lms-report').map((e) => e.duration));
  expect(reports.length).toBeGreaterThan(5);
  const figures = { firstScreenMedianMs: Math.round(median(firstScreens)), reportMedianMs: Number(median(reports).toFixed(2)), reportP95Ms: Number(p95(reports).toFixed(2)), actions: reports.length };
  console.log(`In a learning platform: first screen ${figures.firstScreenMedianMs} ms (median of 10); telling the platform ${figures.reportMedianMs} ms per action (median), ${figures.reportP95Ms} ms (p95) of ${figures.actions}`);
  writeBenchmark('lms', figures);
});
