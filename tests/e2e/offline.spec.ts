// Offline after one visit: the home page, deep links and every placement work
// with the network unplugged, progress survives offline reloads, and a new build
// waits for the learner's "Reload". No request ever leaves the site's origin, and
// the Content-Security-Policy is never broken.
import { test, expect } from '../support/test';
import { offlineJourney } from '../support/offline';
import { startNginx } from '../support/nginx.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SITE = 'tests/output/site';


test('works offline after one visit, and updates only when the learner reloads', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const cspErrors: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  const swPath = path.join(SITE, 'sw.js');
  const originalWorker = fs.readFileSync(swPath, 'utf8');

  try {
    await offlineJourney(page, context, 'Noor');

    // Back online, a new build is published.
    const before = await page.evaluate(() => caches.keys());
    fs.writeFileSync(swPath, originalWorker.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByRole('status').filter({ hasText: 'A new version of Wex is ready' })).toBeVisible();
    // Nothing changed under the learner: the new version waits, the old one still runs.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(before));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/-next$/)]);
    await expect(page.getByText('Learning as Noor')).toBeVisible();
    await page.goto('./placements/first-look');
    await expect(page.getByRole('link', { name: 'What is the NHS?' })).toHaveAccessibleDescription(/Completed/);
  } finally {
    fs.writeFileSync(swPath, originalWorker);
  }
  expect(elsewhere, 'requests to other origins').toEqual([]);
  expect(cspErrors, 'Content-Security-Policy violations').toEqual([]);
});

test('the same works from nginx under a sub-path, built with one flag', async ({ browser }) => {
  test.setTimeout(300_000);
  const root = path.resolve('tests/output/subpath');
  fs.rmSync(root, { recursive: true, force: true });
  const build = spawnSync('trunk', ['build', '--release', '--offline', '--public-url', '/work-experience/', '--dist', path.join(root, 'work-experience')], { encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  const stop = await startNginx(root, 4174);
  try {
    const context = await browser.newContext({ baseURL: 'http://127.0.0.1:4174/work-experience/' });
    const page = await context.newPage();
    const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
    await page.goto('./');
    const response = await wasm;
    expect(response.headers()['content-type']).toBe('application/wasm');
    expect(response.headers()['cache-control']).toContain('immutable');
    // nginx sends the build's own gzip copy (gzip_static): compressed, and as long as
    // the .gz file beside the wasm.
    expect(response.headers()['content-encoding']).toBe('gzip');
    const copy = path.join(root, decodeURIComponent(new URL(response.url()).pathname)) + '.gz';
    expect(Number(response.headers()['content-length'])).toBe(fs.statSync(copy).size);
    await offlineJourney(page, context, 'Sub');
    expect(page.url()).toContain('/work-experience/');
    await context.close();
  } finally {
    stop();
  }
});

test('report: repeat-visit time to first render, served by the service worker', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.reload();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('wex-first-render').length)).toBe(1);
    times.push(await page.evaluate(() => performance.getEntriesByName('wex-first-render')[0].startTime));
  }
  times.sort((a, b) => a - b);
  const median = (times[4] + times[5]) / 2;
  fs.writeFileSync('tests/output/repeat-visit.json', JSON.stringify({ visits: times.length, median_ms: +median.toFixed(1), times_ms: times.map((t) => +t.toFixed(1)) }, null, 2) + '\n');
  console.log(`Repeat visit, first render from the service worker: median of 10 ${median.toFixed(1)} ms`);
  expect(times.length).toBe(10);
});
