// Prints the size of a learner's first load from a built site: the wasm, js, css
// and html at the top of dist/, raw and compressed (gzip -9 and brotli), against the
// 250 KB gzip budget. Writes the same table to target/size-report.txt.
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

const rows = files.map((file) => {
  const bytes = fs.readFileSync(path.join(dist, file));
  return {
    kind: path.extname(file).slice(1),
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const lines = [
  `First load of ${dist}/ (KB)   raw     gzip   brotli`,
  ...rows.map((r) => `  ${r.kind.padEnd(20)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`),
  `  ${'total'.padEnd(20)}${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`,
  `Budget: ${BUDGET_KB} KB gzip; ${total.gzip / 1024 <= BUDGET_KB ? 'within' : 'OVER'} budget by ${Math.abs(BUDGET_KB - total.gzip / 1024).toFixed(1)} KB.`,
];
console.log(lines.join('\n'));
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/size-report.txt', lines.join('\n') + '\n');
