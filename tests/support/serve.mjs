// Serves a built Wex site the way a plain static host does: files as they are,
// with the right content types, and index.html for the app's own addresses, so
// deep links and reloads work. Used by `scripts/serve.sh` and the end-to-end tests.
//
//   node tests/support/serve.mjs [--root dist] [--port 8080] [--base /]
//
// Listens on 127.0.0.1 only. `--base /work-experience/` serves the site under a
// sub-path, as a trust's web team might host it. `--fallback off` serves files
// only, never index.html in place of a missing one, as a learning platform serves
// a SCORM package.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = path.resolve(args.root ?? 'dist');
const port = Number(args.port ?? process.env.PORT ?? 8080);
const base = (args.base ?? '/').replace(/\/?$/, '/');
const fallback = args.fallback !== 'off';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, status, file) {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  let relative;
  try {
    relative = decodeURIComponent(url.pathname.slice(base.length));
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  const file = path.join(root, relative);
  if (!file.startsWith(root)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  if (relative !== '' && fs.existsSync(file) && fs.statSync(file).isFile()) {
    send(res, 200, file);
  } else if (fallback && path.extname(relative) === '') {
    // An address of the app itself (a deep link): the app's page handles it.
    send(res, 200, path.join(root, 'index.html'));
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});
