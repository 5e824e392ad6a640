// Trunk's post_build hook (see Trunk.toml), run on the finished site in Trunk's
// staging folder before it becomes dist/:
// 0. builds the learner's full app (the `wex-web` binary), the tutor's area
//    (`wex-tutor`) and the author studio (`wex-studio`) into app/, next to the shell
//    Trunk built, with content-hashed names listed in app/app.json (docs/size.md);
// 1. writes sw.js from app/web/sw/service-worker.js, listing the app shell and
//    versioned by a hash of those files, so every build replaces the last one's cache;
// 2. adds a strict Content-Security-Policy to index.html, allowing Trunk's one
//    inline start-up script by its hash and nothing from any other origin.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('this script runs inside trunk build');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// 0. The learner's full app, the tutor's area and the author studio, built and
//    optimised the way Trunk builds the shell. The studio is built on its own, with
//    the `studio` feature, so the author's parsers reach only its download.
{
  const release = process.env.TRUNK_PROFILE !== 'debug';
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const apps = { learner: 'wex-web', tutor: 'wex-tutor', studio: 'wex-studio' };
  const cargo = (bins, features) =>
    run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '-p', 'wex-web', ...bins.flatMap((bin) => ['--bin', bin]), ...features, ...(release ? ['--release'] : [])]);
  cargo([apps.learner, apps.tutor], []);
  cargo([apps.studio], ['--features', 'studio']);
  const out = path.join(stage, 'app');
  fs.rmSync(out, { recursive: true, force: true });
  const listed = {};
  for (const [key, bin] of Object.entries(apps)) {
    const built = path.join(root, 'target/wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`);
    const name = `wex-${key}`;
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', name, built]);
    if (release) run('wasm-opt', ['-Oz', path.join(out, `${name}_bg.wasm`), '-o', path.join(out, `${name}_bg.wasm`)]);
    const short = (file) => crypto.createHash('sha256').update(fs.readFileSync(path.join(out, file))).digest('hex').slice(0, 16);
    const hash = short(`${name}.js`) + short(`${name}_bg.wasm`);
    listed[key] = { js: `${name}-${hash.slice(0, 16)}.js`, wasm: `${name}-${hash.slice(16)}_bg.wasm` };
    fs.renameSync(path.join(out, `${name}.js`), path.join(out, listed[key].js));
    fs.renameSync(path.join(out, `${name}_bg.wasm`), path.join(out, listed[key].wasm));
  }
  fs.writeFileSync(path.join(out, 'app.json'), JSON.stringify(listed) + '\n');
  // The studio's own styles, so the learner's stylesheet does not grow for it.
  run(path.join(root, 'node_modules/.bin/sass'), ['--load-path=node_modules', '--style=compressed', '--no-source-map', 'app/web/style/studio.scss', path.join(out, 'studio.css')]);
}

// The app shell: everything at the top of the site and the icons, not the
// placements (the service worker caches those from bundles/index.json).
const shell = [];
// The tutor's area and the author studio are not precached on every learner's
// device: the worker caches them the first time they are opened.
const laterOnly = (rel) => /^app\/(wex-(tutor|studio)-|studio\.css$)/.test(rel);
const walk = (dir, prefix) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      if (rel !== 'bundles' && !entry.name.startsWith('.')) walk(path.join(dir, entry.name), rel + '/');
    } else if (rel !== 'sw.js' && !entry.name.startsWith('.') && !laterOnly(rel)) {
      shell.push(rel);
    }
  }
};
walk(stage, '');
shell.sort();

/** Replaces `search` in `text` once, and fails the build loudly when it is not
 * there: a Trunk or template change must not leave a page without its CSP or a
 * worker without its file list. */
function replaceOrFail(text, search, replacement, what) {
  if (!text.includes(search)) {
    console.error(`post-build: could not ${what}: ${JSON.stringify(search)} is not in the file any more`);
    process.exit(1);
  }
  return text.replace(search, replacement);
}

// 2. The CSP, before hashing, since it changes index.html.
const indexPath = path.join(stage, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${crypto.createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = replaceOrFail(html, '<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`, 'add the CSP to index.html');
fs.writeFileSync(indexPath, html);

// 1. The service worker.
const hash = crypto.createHash('sha256');
for (const file of shell) hash.update(file).update(fs.readFileSync(path.join(stage, file)));
const version = hash.digest('hex').slice(0, 16);
const template = fs.readFileSync(path.join(root, 'app/web/sw/service-worker.js'), 'utf8');
const worker = replaceOrFail(
  replaceOrFail(template, "'__WEX_VERSION__'", JSON.stringify(version), 'version the service worker'),
  '__WEX_SHELL__',
  JSON.stringify(['./', ...shell]),
  "list the shell in the service worker",
);
fs.writeFileSync(path.join(stage, 'sw.js'), worker);
console.log(`post-build: sw.js version ${version}, ${shell.length} shell files; CSP with ${hashes.length} script hash(es)`);
