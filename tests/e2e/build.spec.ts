// The web build packs content/ through wex-core: a broken bundle stops the build
// with a message naming the file and line.
import { test, expect } from '../support/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

test('every HTML page of the release build carries the Content-Security-Policy', () => {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) pages.push(full);
    }
  };
  walk('dist');
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
