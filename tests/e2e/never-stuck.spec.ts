// A learner never gets stuck: "Finish the module" always answers, another
// learner's progress never goes in silently, focus follows every action, options
// are shuffled for each learner, and every page works on a 360 px phone.
import { test, expect, type Page } from '../support/test';
import { Learner } from '../support/learner';
import { checkTargetSizes } from '../support/targets';
import { checkAccessibility } from '../support/axe';
import { shotWide } from '../support/shots';

const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'I' : 'word')).join(' ');

/** Where focus is: the element's id, its tag, and its accessible name in short. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { id: el.id, tag: el.tagName.toLowerCase(), label: el.getAttribute('aria-label') ?? '', text: (el.textContent ?? '').trim().slice(0, 80) };
  });

test('moving on with "Next" and then finishing lists the steps left, each a link, until they are done', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Ash');
  // Reading pages reached with "Next" count as read: first-look's first module
  // finishes from its last step, its quiz, once that is answered.
  await page.goto('./placements/first-look/what-is-the-nhs');
  for (;;) {
    const finish = page.getByRole('button', { name: 'Finish the module' });
    if (await finish.isVisible()) break;
    const step = page.url();
    await page.getByRole('link', { name: /^Next step/ }).click();
    await expect(page).not.toHaveURL(step);
  }
  await learner.doActivity();
  await page.getByRole('button', { name: 'Finish the module' }).click();
  await learner.heading(/You have finished/);

  // Activities skipped with "Next" are listed when the learner tries to finish.
  await page.goto('./placements/example-placement/a-patient-arrives/meet-mrs-evans');
  for (const title of [/Plan her care today/, /What happens next\?/, /Look back on the morning/]) {
    await page.getByRole('link', { name: /^Next step/ }).click();
    await learner.heading(title);
  }
  await page.getByLabel(/^What\? What happened/).fill(words(20));
  await page.getByLabel(/^So what\?/).fill(words(10));
  await page.getByLabel(/^Now what\?/).fill(words(12));
  await page.getByRole('button', { name: 'Finish the module' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('You have not finished every step of this module');
  await expect(summary.getByRole('link')).toHaveText([
    /^Meet Mrs Evans: answer: Which of these findings.*\(and 1 more\)$/,
    /^Plan her care today: choose the person's needs \(and \d+ more\)/,
    /^What happens next\?: play the scenario to an ending/,
  ]);
  await checkAccessibility(page, 'module summary of steps left');
  await page.setViewportSize({ width: 360, height: 800 });
  await shotWide(page, 'finish-steps-left');

  // Each link goes to its step; doing them all finishes the module.
  await summary.getByRole('link', { name: /What happens next/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /What happens next\?/ })).toBeFocused();
  for (const choice of ['Phone Carol and explain the result', 'Refer her urgently to the hospital', 'Check Carol knows what to expect']) {
    await page.getByRole('button', { name: choice }).click();
  }
  await expect(page.getByRole('heading', { name: /^Outcome:/ })).toBeVisible();
  await page.goto('./placements/example-placement/a-patient-arrives/meet-mrs-evans');
  await page.getByRole('radio', { name: 'Losing weight without trying' }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await learner.saved(() => page.getByLabel(/^What would you say to Carol/).fill('That the GP wants to find out why she has been so tired and has lost weight, and blood tests are the first step; the results come back within a week.'));
  await page.goto('./placements/example-placement/a-patient-arrives/care-plan');
  await page.getByRole('checkbox', { name: 'Finding out why she is losing weight' }).check();
  await page.getByLabel(/^2\./).fill('Find out why Carol is losing weight.');
  await page.getByRole('checkbox', { name: 'Take blood tests' }).check();
  await page.getByLabel(/^4\./).fill(words(25));
  await page.getByRole('button', { name: 'Compare with the model answer' }).click();
  for (const group of await page.getByRole('group').filter({ has: page.getByRole('radio', { name: 'Yes' }) }).all()) {
    await group.getByRole('radio', { name: 'Yes' }).check();
  }
  await page.goto('./placements/example-placement/a-patient-arrives/reflect');
  await learner.saved(() => page.getByRole('button', { name: 'Finish the module' }).click());
  await learner.heading(/You have finished “A patient arrives”/);
});

test('typing a written answer and clicking "Next" at once moves on: nothing shifts under the click', async ({ page }) => {
  const learner = new Learner(page);
  await learner.start('Pat');
  await page.goto('./placements/example-placement/a-patient-arrives');
  await page.getByRole('button', { name: 'Continue' }).click();
  await learner.heading(/Meet Mrs Evans/);
  await page.getByLabel(/^What would you say to Carol/).fill('That the tests will show why she is so tired.');
  // Straight away, before the pause after typing that saves it: leaving the box saves it.
  await page.getByRole('link', { name: /^Next step/ }).click();
  await learner.heading(/Plan her care today/);
  await page.getByRole('link', { name: /^Previous step/ }).click();
  await expect(page.getByLabel(/^What would you say to Carol/)).toHaveValue('That the tests will show why she is so tired.');
});

test('another learner\'s progress file is never added without asking', async ({ browser }) => {
  const { context: first, page: mayaPage, learner: maya } = await Learner.onNewDevice(browser, 'Maya');
  await mayaPage.goto('./placements/example-placement/a-patient-arrives/reflect');
  await mayaPage.getByLabel(/^What\? What happened/).fill('Maya private thoughts about Carol.');
  await maya.saved(() => mayaPage.getByLabel(/^So what\?/).click());
  const file = await maya.downloadProgress('maya.json', /^wex-progress-maya-/);
  await first.close();

  const { context: second, page, learner: sam } = await Learner.onNewDevice(browser, 'Sam');
  await page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'Profile and progress' }).click();
  await page.getByLabel('Add progress from a file').setInputFiles(file);
  const question = page.locator('#other-learners-file');
  await expect(question).toBeFocused();
  await expect(question).toContainText("This file is Maya's progress. Add it to Sam's profile?");
  await checkAccessibility(page, 'another learner\'s progress file');
  await page.setViewportSize({ width: 360, height: 800 });
  await shotWide(page, 'progress-file-of-another-learner');
  // Nothing went in while the question is open, nor after "Cancel".
  await page.getByRole('button', { name: 'Cancel: add nothing' }).click();
  await page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'My reflections' }).click();
  await expect(page.getByText('You have not written any reflections yet.')).toBeVisible();

  // Adding Maya as a learner of her own keeps her progress hers.
  await page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'Profile and progress' }).click();
  await page.getByLabel('Add progress from a file').setInputFiles(file);
  await page.getByRole('button', { name: 'Add Maya as a new learner on this device' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Added Maya as a new learner on this device, with \d+ answers and actions/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'My reflections' }).click();
  await expect(page.getByText('You have not written any reflections yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await sam.choose('Maya');
  await page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'My reflections' }).click();
  await expect(page.getByText('Maya private thoughts about Carol.')).toBeVisible();
  // Maya's own profile takes her file without a question.
  await page.getByRole('navigation', { name: 'Learner' }).getByRole('link', { name: 'Profile and progress' }).click();
  await page.getByLabel('Add progress from a file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Added 0 answers and actions from your progress file.' })).toBeVisible();
  await second.close();
});

test('focus follows a keyboard-only learner through profiles, a quiz, a care plan and a scenario', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Add a learner' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a learner' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kit');
  for (const field of ['PIN (optional)', 'Type the PIN again']) {
    await page.getByLabel(field).focus();
    await page.keyboard.type('2468');
  }
  await page.getByRole('button', { name: 'Start learning' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // Back on "Who is learning?", a profile with a PIN puts focus in the PIN field.
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await page.getByRole('button', { name: /^Kit/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Learning as Kit')).toBeVisible();

  // A quiz, wrong and then right.
  await page.goto('./placements/example-placement/the-practice/check');
  await page.getByRole('radio', { name: 'The receptionist' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Check my answers' }).focus();
  await page.keyboard.press('Enter');
  const result = page.locator('#check-result');
  await expect(result).toBeFocused();
  await expect(result).toContainText('You got 0 out of 1');
  expect(await result.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
  await page.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).tag).toBe('input');
  expect((await focused(page)).id).toMatch(/^check-who-takes-blood-\d$/);
  await page.getByRole('radio', { name: 'A healthcare assistant' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Check my answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(result).toBeFocused();
  await expect(result).toContainText('You passed this quiz.');

  // A care plan: "Move up" twice moves the same item twice, and focus stays on it.
  await page.goto('./placements/example-placement/a-patient-arrives/care-plan');
  await page.getByRole('checkbox', { name: 'Finding out why she is losing weight' }).check();
  await page.getByLabel(/^2\./).fill('Find out why Carol is losing weight.');
  for (const name of ['Take blood tests', 'Refer her to the hospital on the urgent pathway', 'Explain what happens next and who to call with questions']) {
    await page.getByRole('checkbox', { name }).check();
  }
  const order = page.locator('.wex-order .wex-order__text');
  await expect(order).toHaveText(['Take blood tests', 'Refer her to the hospital on the urgent pathway', 'Explain what happens next and who to call with questions']);
  await page.getByRole('button', { name: 'Move up: Explain what happens next and who to call with questions' }).focus();
  await page.keyboard.press('Enter');
  await expect(order).toHaveText(['Take blood tests', 'Explain what happens next and who to call with questions', 'Refer her to the hospital on the urgent pathway']);
  await expect(page.getByRole('button', { name: 'Move up: Explain what happens next and who to call with questions' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(order).toHaveText(['Explain what happens next and who to call with questions', 'Take blood tests', 'Refer her to the hospital on the urgent pathway']);
  // At the top "Move up" no longer works: focus is on the item's "Move down".
  await expect(page.getByRole('button', { name: 'Move down: Explain what happens next and who to call with questions' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'moved to number 1 of 3' })).toBeAttached();
  await page.getByLabel(/^4\./).fill(words(25));
  await page.getByRole('button', { name: 'Compare with the model answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#care-plan-plan-result')).toBeFocused();
  // The next Tab goes on through the review, not past the self-marking questions.
  const rubric = page.getByRole('radio', { name: 'Yes' }).first();
  for (let i = 0; i < 20 && !(await rubric.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(rubric).toBeFocused();
  // Choices that were right to leave out say so; none says "Think again" then agrees.
  await expect(page.locator('.wex-compare li').filter({ hasText: 'Ask her to come back in six months' })).toContainText('Right to leave out');
  await expect(page.locator('.wex-compare li').filter({ hasText: 'A new prescription for glasses' })).toContainText('Right to leave out');

  // A scenario: after each choice, focus is on what happens next.
  await page.goto('./placements/example-placement/a-patient-arrives/what-next');
  await page.getByRole('button', { name: 'Phone Carol and explain the result' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.wex-moment')).toBeFocused();
  await expect(page.locator('.wex-moment')).toContainText('What happens now?');
});

test('options are shuffled for each learner, and stay put for that learner', async ({ browser }) => {
  const optionsOf = async (page: Page) => {
    await page.goto('./placements/hospice-placement/welcome/values-quiz');
    await expect(page.getByRole('button', { name: 'Check my answers' })).toBeVisible();
    return page.locator('.nhsuk-radios__label, .nhsuk-checkboxes__label').allTextContents();
  };
  const orders: string[][] = [];
  for (const name of ['Sam', 'Maya']) {
    const { context, page } = await Learner.onNewDevice(browser, name);
    const first = await optionsOf(page);
    await page.reload();
    expect(await optionsOf(page), `${name}'s order after a reload`).toEqual(first);
    orders.push(first);
    await context.close();
  }
  expect(orders[0].length).toBeGreaterThan(8);
  expect([...orders[0]].sort()).toEqual([...orders[1]].sort());
  expect(orders[1], 'two learners see different orders').not.toEqual(orders[0]);
});

test('every page type has tap targets of at least 24 px on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('./');
  await checkTargetSizes(page, 'who is learning');
  // The check itself fails on two small buttons side by side (then they go).
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'too-small';
    for (const name of ['a', 'b']) {
      // Styled through the DOM: the site's CSP rightly refuses inline style attributes.
      const button = document.createElement('button');
      button.textContent = name;
      Object.assign(button.style, { width: '16px', height: '16px', padding: '0', border: '0' });
      box.append(button);
    }
    document.body.prepend(box);
  });
  await expect(checkTargetSizes(page, 'test')).rejects.toThrow(/a\W{0,3} is 16x16, too close to button \W{0,3}b/);
  await page.evaluate(() => document.getElementById('too-small')!.remove());
  await page.getByRole('button', { name: 'Add a learner' }).click();
  await checkTargetSizes(page, 'add a learner');
  await page.getByLabel('Your name').fill('Lee');
  await page.getByLabel('PIN (optional)').fill('1357');
  await page.getByLabel('Type the PIN again').fill('1357');
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual work experience' })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY), 'the home page starts at the top').toBe(0);
  await checkTargetSizes(page, 'catalogue');
  const pages: [string, string | RegExp][] = [
    ['./placements/hospice-placement', 'A virtual placement at a hospice'],
    ['./placements/hospice-placement/hospice-careers/routes-at-a-glance', /Routes at a glance/],
    ['./placements/first-look/what-is-the-nhs', /./],
    ['./profile', "Lee's profile"],
    ['./reflections', 'My reflections'],
    ['./certificates/first-look', /certificate/i],
    ['./verify', /Check a certificate/],
    ['./join', /Join/],
    ['./add-placement', /Add a placement/],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await checkTargetSizes(page, path);
  }
  // The table reflows: nothing is wider than the phone.
  await page.goto('./placements/hospice-placement/hospice-careers/routes-at-a-glance');
  await expect(page.locator('.nhsuk-table-responsive').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shotWide(page, 'table-on-a-phone');
  // The support box's numbers can be tapped to call.
  await page.goto('./placements/hospice-placement/people-and-families');
  await expect(page.getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111');
  await expect(page.getByRole('link', { name: '116 123' })).toHaveAttribute('href', 'tel:116123');
  await checkTargetSizes(page, 'content warning');
  await shotWide(page, 'content-warning-support');
  // "Take a break" says the place is saved.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Take a break' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Your place is saved/ })).toBeVisible();
  // The tutor's area and the studio are pages too.
  await page.goto('./tutor');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkTargetSizes(page, 'tutor');
  await page.goto('./author');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkTargetSizes(page, 'author studio');
});

test.describe('before the app starts', () => {
  // The scripts are held back on purpose, so the browser says it could not load them.
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('the page says "Loading Wex…" before any script has run', async ({ page }) => {
    await page.route(/\.(js|wasm)$/, (route) => route.abort());
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText('Loading Wex…');
    await page.unroute(/\.(js|wasm)$/);
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expect(page.getByText('Loading Wex…')).toHaveCount(0);
  });
});
