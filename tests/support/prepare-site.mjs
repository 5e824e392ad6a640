// Makes the site the end-to-end tests run against: the release build in dist/, plus
// the authoring guide's example placement (every step type) added the way a site
// owner adds one: packed with `wex pack`, then `wex index`, with no rebuild.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`Prepared ${site}`);
