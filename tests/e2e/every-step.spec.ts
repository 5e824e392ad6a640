// A new learner completes the guide's example placement, which uses every step
// type, checking accessibility and saving screenshots of each step type at 1280 px
// and 360 px wide (tests/support/shots.ts says where; README.md links them).
import { test, expect, type Page } from '../support/test';
import { checkAccessibility } from '../support/axe';
import { Learner } from '../support/learner';
import { shotWide } from '../support/shots';
import { checkTargetSizes } from '../support/targets';

/** Screenshots at 1280 and 360 px, and the tap-target check at 360 px. */
async function shoot(page: Page, name: string) {
  await shotWide(page, name);
  await page.setViewportSize({ width: 360, height: 800 });
  await checkTargetSizes(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const words = (n: number, start = 'I') => Array.from({ length: n }, (_, i) => (i === 0 ? start : 'word')).join(' ');

test('a learner completes a placement that uses every step type', async ({ page }) => {
  test.setTimeout(120_000);
  const learner = new Learner(page);
  await learner.start('Jordan');
  await learner.openPlacement('A morning in a GP practice');
  await shoot(page, 'placement');

  // Module 1: a reading page with an image, a recording with its transcript, a quiz.
  await page.getByRole('link', { name: 'The practice team' }).click();
  await learner.heading(/Who is who/);
  await expect(page.getByRole('img', { name: /A plan of Riverside Surgery/ })).toBeVisible();
  await checkAccessibility(page, 'reading step');
  // "Listen" reads the step aloud with the browser's own speech synthesis.
  await page.getByRole('button', { name: 'Listen to this page' }).click();
  await expect(page.getByRole('button', { name: 'Stop reading aloud' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Stop reading aloud' }).click();
  await expect(page.getByRole('button', { name: 'Listen to this page' })).toHaveAttribute('aria-pressed', 'false');
  await shoot(page, 'step-page');
  await learner.next();

  await learner.heading(/Listen to the morning huddle/);
  await expect(page.getByRole('heading', { name: 'Transcript' })).toBeVisible();
  await checkAccessibility(page, 'media step');
  await shoot(page, 'step-media');
  await learner.next();

  await learner.heading(/Check what you know/);
  // Moving on before answering says what is left to do.
  await learner.next();
  await expect(page.getByRole('alert').filter({ hasText: 'Answer the questions' })).toBeVisible();
  await page.getByRole('radio', { name: 'The receptionist' }).check();
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByText('Not quite')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You got 0 out of 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('radio', { name: 'A healthcare assistant' }).check();
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByText('Correct', { exact: true })).toBeVisible();
  await expect(page.getByText('You passed this quiz.')).toBeVisible();
  await checkAccessibility(page, 'quiz step');
  await shoot(page, 'step-quiz');
  await learner.next();
  await learner.heading(/You have finished “The practice team”/);
  await checkAccessibility(page, 'module summary');

  // Module 2 has a content warning first.
  await page.getByRole('link', { name: /Start the next module/ }).click();
  await expect(page.getByText('Mentions tests for cancer.')).toBeVisible();
  await expect(page.getByText(/Childline/)).toBeVisible();
  await checkAccessibility(page, 'content warning');
  await shoot(page, 'content-warning');
  await page.getByRole('button', { name: 'Continue' }).click();

  // A case study with reveals and a question.
  await learner.heading(/Meet Mrs Evans/);
  await page.getByRole('button', { name: /Show: What she tells the GP/ }).click();
  await expect(page.getByText(/lost 6 kg/)).toBeVisible();
  await page.getByRole('radio', { name: 'Losing weight without trying' }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByText('Correct', { exact: true })).toBeVisible();
  // A written question: the model answer comes once the learner has written theirs.
  await expect(page.getByRole('button', { name: 'Compare with a model answer' })).toHaveCount(0);
  // Too few words: the count says so, and the model answer waits.
  await page.getByLabel(/^What would you say to Carol/).fill('Tests help.');
  await expect(page.getByText('2 words (at least 25)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare with a model answer' })).toHaveCount(0);
  await page.getByLabel(/^What would you say to Carol/).fill('That the GP wants to find out why she has been so tired and has lost weight, and blood tests are the first step; the results come back within a week.');
  await page.getByRole('button', { name: 'Compare with a model answer' }).click();
  await expect(page.getByText(/Keep it simple and honest/)).toBeVisible();
  // The rubric comes with the model answer: what a good answer does.
  await expect(page.getByRole('heading', { name: 'A good answer' })).toBeVisible();
  await expect(page.getByText('I asked what she wanted to know.')).toBeVisible();
  await checkAccessibility(page, 'case study step');
  await shoot(page, 'step-case-study');
  await learner.next();

  // A care plan: needs, goal, interventions in order, rationale, model answer, rubric.
  await learner.heading(/Plan her care today/);
  await page.getByRole('checkbox', { name: 'Finding out why she is losing weight' }).check();
  await page.getByLabel(/Write one goal/).fill('Find out why Carol is losing weight and tell her what happens next today.');
  for (const name of ['Take blood tests', 'Explain what happens next and who to call with questions', 'Refer her to the hospital on the urgent pathway']) {
    await page.getByRole('checkbox', { name }).check();
  }
  await page.getByRole('button', { name: /Move up: Refer her to the hospital/ }).click();
  await page.getByLabel(/Why did you choose and order/).fill(words(24, 'Tests'));
  await page.getByRole('button', { name: 'Compare with the model answer' }).click();
  await expect(page.getByRole('heading', { name: /Your plan scored 9 out of 9/ })).toBeVisible();
  await page.getByRole('group', { name: 'My goal is about today.' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('group', { name: /Carol understands/ }).getByRole('radio', { name: 'Partly' }).check();
  await checkAccessibility(page, 'care plan step');
  await shoot(page, 'step-care-plan');
  await learner.next();

  // A branching scenario with a condition, going back, and an ending.
  await learner.heading(/What happens next\?/);
  await expect(page.getByText('Dr Priya Shah, GP')).toBeVisible();
  await page.getByRole('button', { name: 'Refer her without telling her why' }).click();
  await expect(page.getByRole('button', { name: 'Check Carol knows what to expect' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Phone Carol now to explain the referral' })).toBeVisible();
  await page.getByRole('button', { name: 'Go back one choice' }).click();
  await page.getByRole('button', { name: 'Phone Carol and explain the result' }).click();
  await expect(page.getByText('Carol Evans, Patient')).toBeVisible();
  await page.getByRole('button', { name: 'Refer her urgently to the hospital' }).click();
  // Explained, and trusted: the late phone call is not offered.
  await expect(page.getByRole('button', { name: 'Phone Carol now to explain the referral' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Check Carol knows what to expect' }).click();
  await expect(page.getByRole('heading', { name: 'Outcome: Prepared and supported' })).toBeVisible();
  await expect(page.getByText('Score: 2 out of 2')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Case notes' })).toBeVisible();
  await checkAccessibility(page, 'scenario step');
  await shoot(page, 'step-scenario');
  await learner.next();

  // A reflection with a word count.
  await learner.heading(/Look back on the morning/);
  await page.getByLabel(/^What\? What happened/).fill(words(15, 'Carol'));
  await page.getByLabel(/^So what\?/).fill(words(15, 'Teams'));
  await page.getByLabel(/^Now what\?/).fill(words(12, 'Nursing'));
  await expect(page.getByText('You have written 42 words. Write at least 40 in all.')).toBeVisible();
  await checkAccessibility(page, 'reflection step');
  await shoot(page, 'step-reflection');
  await learner.next();
  await learner.heading(/You have finished “A patient arrives”/);

  await page.getByRole('link', { name: 'Back to the placement' }).last().click();
  await expect(page.getByText(/You have met this placement's completion rules/)).toBeVisible();
  await expect(page.getByText('You have completed 2 of 2 modules.')).toBeVisible();

  await page.getByRole('link', { name: 'My reflections' }).click();
  await learner.heading('My reflections');
  await expect(page.getByText(/^Carol word/)).toBeVisible();
  await checkAccessibility(page, 'my reflections');
});
