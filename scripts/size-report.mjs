// Prints the size of a learner's first load from a built site: the wasm, js, css
// and html at the top of dist/, raw and compressed (gzip -9 and brotli), against the
// 250 KB gzip budget; then the apps loaded later (app/app.json): the learner's full
// app when a placement opens, the tutor's area when a tutor opens it. Writes the
// same tables to target/size-report.txt.
//
//   node scripts/size-report.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_KB = 250;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const files = fs
  .readdirSync(dist)
  .filter((f) => /\.(wasm|js|css|html)$/.test(f) && fs.statSync(path.join(dist, f)).isFile())
  .sort((a, b) => path.extname(a).localeCompare(path.extname(b)) || a.localeCompare(b));

const measure = (file, kind) => {
  const bytes = fs.readFileSync(path.join(dist, file));
  return {
    kind,
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = files.map((file) => measure(file, path.extname(file).slice(1)));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const lines = [
  `First load of ${dist}/ (KB)   raw     gzip   brotli`,
  ...rows.map((r) => `  ${r.kind.padEnd(20)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`),
  `  ${'total'.padEnd(20)}${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`,
  `Budget: ${BUDGET_KB} KB gzip; ${total.gzip / 1024 <= BUDGET_KB ? 'within' : 'OVER'} budget by ${Math.abs(BUDGET_KB - total.gzip / 1024).toFixed(1)} KB.`,
];
const appsFile = path.join(dist, 'app', 'app.json');
if (fs.existsSync(appsFile)) {
  lines.push(`Loaded later, wasm + js (KB)  raw     gzip   brotli`);
  for (const [name, app] of Object.entries(JSON.parse(fs.readFileSync(appsFile, 'utf8')))) {
    const parts = [measure(path.join('app', app.wasm), 'wasm'), measure(path.join('app', app.js), 'js')];
    const sum = parts.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    lines.push(`  ${`${name} app`.padEnd(20)}${kb(sum.raw)} ${kb(sum.gzip)} ${kb(sum.brotli)}`);
  }
}
// A device made ready for offline use: everything the service worker caches when it
// installs (its SHELL list), the code (wasm, js, css) counted against #20's 600 KB
// gzip goal, and the placements in the index reported apart.
const worker = path.join(dist, 'sw.js');
if (fs.existsSync(worker)) {
  const list = JSON.parse(/const SHELL = (\[.*?\]);/.exec(fs.readFileSync(worker, 'utf8'))[1]);
  const code = list.filter((f) => /\.(wasm|js|css)$/.test(f)).map((f) => measure(f, path.extname(f).slice(1)));
  const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const codeSum = sum(code);
  lines.push(`Made ready for offline (KB)   raw     gzip   brotli`);
  lines.push(`  ${`code, ${code.length} files`.padEnd(20)}${kb(codeSum.raw)} ${kb(codeSum.gzip)} ${kb(codeSum.brotli)}`);
  const index = path.join(dist, 'bundles', 'index.json');
  if (fs.existsSync(index)) {
    const placements = JSON.parse(fs.readFileSync(index, 'utf8')).bundles.filter((b) => typeof b.file === 'string' || b.file?.site).map((b) => measure(path.join('bundles', typeof b.file === 'string' ? b.file : b.file.site), 'wex'));
    const placementSum = sum(placements);
    lines.push(`  ${`placements, ${placements.length}`.padEnd(20)}${kb(placementSum.raw)} ${kb(placementSum.gzip)} ${kb(placementSum.brotli)}`);
  }
  lines.push(`Offline code goal: 600 KB gzip; ${codeSum.gzip / 1024 <= 600 ? 'within' : 'OVER'} it by ${Math.abs(600 - codeSum.gzip / 1024).toFixed(1)} KB.`);
}
console.log(lines.join('\n'));
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/size-report.txt', lines.join('\n') + '\n');
