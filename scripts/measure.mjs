// Measures the release build the way a learner's cheap laptop meets it (#20):
// Lighthouse 12.2.3's mobile profile (simulated slow 4G, 4x CPU slowdown) on the
// home page, served by nginx with docs/nginx.conf (gzip on), Debian's Chromium.
// Runs Lighthouse `RUNS` times and reports the median of each figure, as a table
// for docs/benchmarks.md and as JSON in tests/output/benchmarks/lighthouse.json.
//
//   node scripts/measure.mjs [--runs 5]   (scripts/measure.sh builds first)
//
// Lighthouse comes from the npm registry on first use (npx), like the other tools;
// 13 needs Node 22, so the version is pinned.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNginx } from '../tests/support/nginx.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const PORT = 4190;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const root = process.env.WEX_MEASURE_ROOT;
if (!root || !fs.existsSync(path.join(root, 'work-experience', 'index.html'))) {
  throw new Error('Set WEX_MEASURE_ROOT to a folder holding a release build in work-experience/ (scripts/measure.sh does).');
}

const stop = await startNginx(root, PORT);
const url = `http://127.0.0.1:${PORT}/work-experience/`;
const figures = [];
try {
  for (let i = 0; i < runs; i++) {
    const out = path.join(os.tmpdir(), `wex-lighthouse-${i}.json`);
    execFileSync(
      'npx',
      [
        '-y',
        LIGHTHOUSE,
        url,
        '--quiet',
        '--only-categories=performance',
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
    fs.rmSync(out, { force: true });
  }
} finally {
  stop();
}

const median = (key) => {
  const sorted = figures.map((f) => f[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const result = {
  lighthouse: LIGHTHOUSE,
  url: '/ (home), release build, nginx with docs/nginx.conf',
  runs,
  median: Object.fromEntries(Object.keys(figures[0]).map((k) => [k, median(k)])),
  each: figures,
};
fs.mkdirSync('tests/output/benchmarks', { recursive: true });
fs.writeFileSync('tests/output/benchmarks/lighthouse.json', JSON.stringify(result, null, 2) + '\n');
const m = result.median;
console.log(`\nLighthouse mobile, median of ${runs}:\n`);
console.log('| performance | FCP | LCP | TBT | CLS | TTI | script evaluation |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(`| ${m.performance} | ${seconds(m.fcp)} | ${seconds(m.lcp)} | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${seconds(m.tti)} | ${Math.round(m.bootup)} ms |`);
