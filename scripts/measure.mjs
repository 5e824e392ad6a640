// Measures the release build the way a learner's cheap laptop meets it (#20), served
// by nginx with docs/nginx.conf, in Debian's Chromium:
//
// 1. Lighthouse 12.2.3's mobile profile (slow 4G, 4x CPU slowdown) on the home page,
//    `--runs` times: simulated throttling (Lighthouse's default), or with
//    `--devtools` the browser itself throttled and measured;
// 2. the first placement journey, 5 times each way: a first visit with a cold cache,
//    the network throttled to 1.6 Mbps down, 750 kbps up and 150 ms round trip and
//    the CPU slowed 4x (Chrome DevTools Protocol), from a click on a placement in the
//    catalogue to its page being usable (its heading shown and its first module's
//    link there to click); clicked as soon as the list shows, and after 10 s on the
//    first screens, as a learner who adds themselves and reads the list. The service
//    worker is blocked: DevTools' throttling does not reach a worker's own fetches,
//    so its precaching would download unthrottled; the page's own downloads are what
//    is measured.
//
// Each reports medians, as tables for docs/benchmarks.md and as JSON in
// tests/output/benchmarks/.
//
//   scripts/measure.sh [--runs 5] [--devtools] [--no-journey]   (builds, then runs this)
//   WEX_JOURNEY_ONLY=1 scripts/measure.sh                        (the journeys only)
//
// Lighthouse comes from the npm registry on first use (npx), like the other tools;
// 13 needs Node 22, so the version is pinned.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startNginx } from '../tests/support/nginx.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const PORT = 4190;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
// Lighthouse's own choice is `simulate` (Lantern works the figures out from an
// unthrottled trace); `devtools` throttles the browser itself and measures.
const throttling = process.argv.includes('--devtools') ? 'devtools' : 'simulate';
const journeyToo = !process.argv.includes('--no-journey');
const root = process.env.WEX_MEASURE_ROOT;
if (!root || !fs.existsSync(path.join(root, 'work-experience', 'index.html'))) {
  throw new Error('Set WEX_MEASURE_ROOT to a folder holding a release build in work-experience/ (scripts/measure.sh does).');
}

const stop = await startNginx(root, PORT);
const url = `http://127.0.0.1:${PORT}/work-experience/`;
const figures = [];
const journeys = [];
const readerJourneys = [];
// The second journey's learner spends this long on the first screens (adding
// themselves, reading the list of placements) before choosing one.
const READING_MS = 10_000;
try {
  for (let i = 0; i < (process.env.WEX_JOURNEY_ONLY ? 0 : runs); i++) {
    const out = path.join(os.tmpdir(), `wex-lighthouse-${i}.json`);
    execFileSync(
      'npx',
      [
        '-y',
        LIGHTHOUSE,
        url,
        '--quiet',
        '--only-categories=performance',
        `--throttling-method=${throttling}`,
        '--output=json',
        `--output-path=${out}`,
        '--chrome-path=/usr/bin/chromium',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ],
      { stdio: 'inherit' },
    );
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    const audit = (id) => report.audits[id].numericValue;
    figures.push({
      performance: Math.round(report.categories.performance.score * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      tti: audit('interactive'),
      bootup: audit('bootup-time'),
    });
    // The paints as the unthrottled trace saw them: Lighthouse's simulated LCP above
    // also counts every request that started before this one (the app's wasm too).
    const observed = report.audits.metrics?.details?.items?.[0] ?? {};
    figures[figures.length - 1].observedFcp = observed.observedFirstContentfulPaint;
    figures[figures.length - 1].observedLcp = observed.observedLargestContentfulPaint;
    // The last run's whole report stays in tests/output/benchmarks/ to look into.
    fs.mkdirSync('tests/output/benchmarks', { recursive: true });
    fs.copyFileSync(out, 'tests/output/benchmarks/lighthouse-report.json');
    fs.rmSync(out, { force: true });
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    for (let i = 0; i < (journeyToo ? 5 : 0); i++) journeys.push(await firstPlacement(browser, 0));
    for (let i = 0; i < (journeyToo ? 5 : 0); i++) readerJourneys.push(await firstPlacement(browser, READING_MS));
  } finally {
    await browser.close();
  }
} finally {
  stop();
}

/** One first visit: a new learner, the catalogue, `readingMs` spent on it, then the
 * timed click on a placement. */
async function firstPlacement(browser, readingMs) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.getByRole('button', { name: 'Add a learner' }).click({ timeout: 60_000 });
  await page.getByLabel('Your name').fill('Sam');
  await page.getByRole('button', { name: 'Start learning' }).click();
  const title = 'A first look at working in the NHS';
  const link = page.getByRole('link', { name: title });
  await link.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(readingMs);
  const started = Date.now();
  await link.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });
  await page.locator('.nhsuk-task-list a').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

const median = (key) => {
  const sorted = figures.map((f) => f[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
if (figures.length) {
  const result = {
    lighthouse: LIGHTHOUSE,
    throttling,
    url: '/ (home), release build, nginx with docs/nginx.conf',
    runs,
    median: Object.fromEntries(Object.keys(figures[0]).map((k) => [k, median(k)])),
    each: figures,
  };
  fs.mkdirSync('tests/output/benchmarks', { recursive: true });
  fs.writeFileSync(`tests/output/benchmarks/lighthouse-${throttling}.json`, JSON.stringify(result, null, 2) + '\n');
  const m = result.median;
  console.log(`\nLighthouse mobile (${throttling} throttling), median of ${runs}:\n`);
  console.log('| performance | FCP | LCP | TBT | CLS | TTI | script evaluation | observed FCP, LCP (unthrottled trace) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${m.performance} | ${seconds(m.fcp)} | ${seconds(m.lcp)} | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${seconds(m.tti)} | ${Math.round(m.bootup)} ms | ${Math.round(m.observedFcp)} ms, ${Math.round(m.observedLcp)} ms |`);
}

if (!journeys.length) process.exit(0);
const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const journey = {
  throttling: '1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4x slower',
  straightThrough: { runs: journeys, median: middle(journeys) },
  afterReading: { readingMs: READING_MS, runs: readerJourneys, median: middle(readerJourneys) },
};
fs.writeFileSync('tests/output/benchmarks/journey.json', JSON.stringify(journey, null, 2) + '\n');
const line = (list) => `${seconds(middle(list))} (each: ${list.map(seconds).join(', ')})`;
console.log(`\nFirst placement, cold cache, throttled, from the click to a usable page (medians of 5):`);
console.log(`- clicked as soon as the list shows: ${line(journeys)}`);
console.log(`- clicked after ${READING_MS / 1000} s on the first screens: ${line(readerJourneys)}`);
