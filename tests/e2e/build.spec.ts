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
