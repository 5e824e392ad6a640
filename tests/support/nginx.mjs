// Starts Debian's nginx on loopback with docs/nginx.conf, serving a folder that
// holds the site under /work-experience/. Returns a function that stops it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function startNginx(root, port) {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'wex-nginx-'));
  const conf = fs
    .readFileSync('docs/nginx.conf', 'utf8')
    .replaceAll('@RUN@', run)
    .replaceAll('@ROOT@', path.resolve(root))
    .replaceAll('@LISTEN@', `127.0.0.1:${port}`);
  const confPath = path.join(run, 'nginx.conf');
  fs.writeFileSync(confPath, conf);
  const check = spawnSync('nginx', ['-t', '-c', confPath, '-p', run], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejects docs/nginx.conf:\n${check.stderr}`);
  const child = spawn('nginx', ['-c', confPath, '-p', run, '-g', 'daemon off;'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/work-experience/`);
      if (res.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return () => {
    child.kill('SIGTERM');
    fs.rmSync(run, { recursive: true, force: true });
  };
}
