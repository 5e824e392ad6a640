// Measures, in the browser, the time from an action to its record being committed
// to IndexedDB, over 200 answers; writes the figures to tests/output/save-timings.json
// for docs/benchmarks.md. A report, not a timed test: it asserts only that every
// answer was saved.
import { test, expect } from '../support/test';
import { Learner } from '../support/learner';
import fs from 'node:fs';

test('report: time from click to saved over 200 answers', async ({ page }) => {
  test.setTimeout(180_000);
  await new Learner(page).start('Timer');
  await page.goto('./placements/example-placement/a-patient-arrives/care-plan');
  const need = page.getByRole('checkbox', { name: 'Finding out why she is losing weight' });
  // Opening the step saves a visit; measure only the answers after it.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('wex-save').length)).toBeGreaterThanOrEqual(1);
  await page.evaluate(() => performance.clearMeasures('wex-save'));
  for (let i = 0; i < 200; i++) {
    await need.click();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('wex-save').length)).toBeGreaterThanOrEqual(i + 1);
  }
  const times: number[] = await page.evaluate(() => performance.getEntriesByName('wex-save').map((e) => e.duration));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const report = { answers: times.length, median_ms: +at(0.5).toFixed(1), p95_ms: +at(0.95).toFixed(1), max_ms: +times[times.length - 1].toFixed(1) };
  fs.writeFileSync('tests/output/save-timings.json', JSON.stringify(report, null, 2) + '\n');
  console.log(`Click to saved over ${report.answers} answers: median ${report.median_ms} ms, p95 ${report.p95_ms} ms`);
  expect(report.answers).toBe(200);
});
