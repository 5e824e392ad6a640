// The web build packs content/ through wex-core: a broken bundle stops the build
// with a message naming the file and line.
import { test, expect } from '../support/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

test('a bundle with a syntax error fails the build, naming file and line', async () => {
  test.setTimeout(300_000);
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-dist-'));
  try {
    const build = spawnSync('trunk', ['build', '--release', '--offline', '--dist', dist], {
      env: { ...process.env, WEX_CONTENT: path.resolve('tests/fixtures/content-with-broken-bundle'), NO_COLOR: 'true' },
      encoding: 'utf8',
    });
    const output = build.stdout + build.stderr;
    expect(build.status, output).not.toBe(0);
    expect(output).toContain('error[WEX001]');
    expect(output).toContain('broken-toml/bundle.toml:3:7');
    expect(output).toContain('title "A bundle whose manifest has a syntax error"');
    expect(fs.existsSync(path.join(dist, 'index.html'))).toBe(false);
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
});

/** Every file under `dir` whose name ends with `suffix`. */
function filesEndingWith(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('every HTML page of the release build carries the Content-Security-Policy', () => {
  const pages = filesEndingWith('dist', '.html');
  expect(pages).toContain(path.join('dist', 'index.html'));
  for (const page of pages) {
    const html = fs.readFileSync(page, 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    expect(csp, `${page} has a CSP`).toBeTruthy();
    for (const rule of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
      expect(csp, page).toContain(rule);
    }
    // Nothing inline runs unless the CSP names its hash.
    for (const script of html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)) {
      expect(csp, `${page}: an inline script without its hash`).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
      expect(script[1].length).toBeGreaterThan(0);
    }
  }
  // `wex finish-site`'s other replacement: the worker knows its version and files.
  const worker = fs.readFileSync('dist/sw.js', 'utf8');
  expect(worker).not.toContain('__WEX_VERSION__');
  expect(worker).not.toContain('__WEX_SHELL__');
});

// `wex finish-site`'s last step: a gzip copy beside each of the build's text and wasm
// files, which Node's own zlib reads back to the file beside it, byte for byte; none
// in bundles/, whose files a site owner changes after the build.
test('the release build keeps a gzip copy of each text and wasm file, and none of placements', () => {
  const copies = filesEndingWith('dist', '.gz');
  for (const file of ['index.html', 'sw.js', 'app/app.json', 'manifest.webmanifest']) expect(copies).toContain(path.join('dist', `${file}.gz`));
  for (const kind of ['.wasm', '.js', '.css']) expect(copies.filter((c) => c.endsWith(`${kind}.gz`)).length, kind).toBeGreaterThan(0);
  expect(copies.filter((c) => c.includes(`${path.sep}bundles${path.sep}`))).toEqual([]);
  for (const copy of copies) {
    const original = fs.readFileSync(copy.slice(0, -'.gz'.length));
    expect(zlib.gunzipSync(fs.readFileSync(copy)).equals(original), copy).toBe(true);
  }
});
