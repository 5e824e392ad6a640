// Makes the site the end-to-end tests run against: the release build in dist/, plus
// the authoring guide's example placement (every step type) added the way a site
// owner adds one: packed with `wex pack`, then `wex index`, with no rebuild.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';

const site = path.resolve('tests/output/site');
const wex = path.resolve('target/debug/wex');
if (!fs.existsSync(path.resolve('dist/index.html'))) throw new Error('Build the site first: trunk build --release --offline');
if (!fs.existsSync(wex)) throw new Error('Build the CLI first: cargo build -p wex-cli');

fs.rmSync(site, { recursive: true, force: true });
fs.cpSync('dist', site, { recursive: true });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-example-'));
const example = path.join(scratch, 'example');
execFileSync(wex, ['new', example], { stdio: 'ignore' });
execFileSync(wex, ['pack', example, '-o', path.join(site, 'bundles', 'example-placement-1.0.0.wex.json')], { stdio: 'ignore' });
execFileSync(wex, ['index', path.join(site, 'bundles')], { stdio: 'ignore' });

// A stand-in learning platform (tests/support/lms/): its page, scorm-again as the
// SCORM run-time, and the example placement as SCORM 1.2 and 2004 packages (made
// with `wex scorm` from the release build), each unzipped under a deep path the way
// Moodle serves one. Its server serves files only, with no fallback.
const lms = path.resolve('tests/output/lms');
fs.rmSync(lms, { recursive: true, force: true });
fs.cpSync('tests/support/lms', lms, { recursive: true });
for (const file of ['scorm12.min.js', 'scorm2004.min.js']) fs.copyFileSync(path.join('node_modules/scorm-again/dist', file), path.join(lms, file));
const folders = { '1.2': 'pluginfile.php/42/mod_scorm/content/1', '2004': 'pluginfile.php/43/mod_scorm/content/7' };
for (const [standard, folder] of Object.entries(folders)) {
  const zip = path.join(scratch, `example-${standard}.zip`);
  execFileSync(wex, ['scorm', example, '--site', 'dist', '-o', zip, '--standard', standard], { stdio: 'ignore' });
  for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(zip)))) {
    const target = path.join(lms, folder, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
}
// A second placement on the same platform, packaged too: packages share the origin.
execFileSync(wex, ['scorm', 'content/first-look', '--site', 'dist', '-o', path.join(scratch, 'first-look.zip')], { stdio: 'ignore' });
for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(path.join(scratch, 'first-look.zip'))))) {
  const target = path.join(lms, 'pluginfile.php/44/mod_scorm/content/2', name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, bytes);
}
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`Prepared ${site} and ${lms}`);
