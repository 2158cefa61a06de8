// Size budget of a build: node scripts/size-budget.mjs [dist] [startLimit] [totalLimit]
// Sums the gzip size (zlib level 9) of the .wasm, .js and .css files below dist twice: what
// the start page downloads (everything but the chunks loaded on first use, split_*.wasm and
// their shared chunk_*.wasm) and everything. Exits 1 above either limit, or when there is no
// start module or no chunk (such a build is broken, not small).

import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist = 'dist', ...limitArgs] = process.argv.slice(2);
const [startLimit, totalLimit] = [limitArgs[0] ?? '400000', limitArgs[1] ?? '850000'].map((arg) => {
  const n = Number(arg);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`Budget muss eine positive ganze Zahl (Bytes) sein, nicht "${arg}".`);
    process.exit(2);
  }
  return n;
});
const LAZY = /(^|\/)(split|chunk)_\w+-[0-9a-f]+\.wasm$/;

// Thousands separated by dots, independent of the ICU data node was built with.
const bytes = (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} B`;

let names;
try {
  names = (await readdir(dist, { recursive: true })).filter((n) => ['.wasm', '.js', '.css'].includes(extname(n)));
} catch (error) {
  console.error(`${dist} nicht lesbar: ${error.message}`);
  process.exit(1);
}
names.sort();

const rows = [];
for (const name of names) {
  const raw = await readFile(join(dist, name));
  rows.push({ name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
}

const width = Math.max('Datei'.length, ...rows.map((r) => r.name.length));
console.log(`${'Datei'.padEnd(width)}  ${'roh'.padStart(12)}  ${'gzip'.padStart(12)}  Start`);
for (const r of rows) {
  const start = LAZY.test(r.name) ? '' : '  ja';
  console.log(`${r.name.padEnd(width)}  ${bytes(r.raw).padStart(12)}  ${bytes(r.gzip).padStart(12)}${start}`);
}
const sum = (list) => list.reduce((total, r) => total + r.gzip, 0);
const start = sum(rows.filter((r) => !LAZY.test(r.name)));
const total = sum(rows);
console.log(`gzip Startseite: ${bytes(start)} (Budget ${bytes(startLimit)})`);
console.log(`gzip gesamt:     ${bytes(total)} (Budget ${bytes(totalLimit)})`);

if (!rows.some((r) => r.name.endsWith('_bg.wasm')) || !rows.some((r) => LAZY.test(r.name))) {
  console.error(`Startmodul oder bei Bedarf geladene Chunks fehlen in ${dist}: der Build ist unvollständig.`);
  process.exit(1);
}
let over = false;
for (const [label, value, limit] of [['Startseite', start, startLimit], ['Gesamt', total, totalLimit]]) {
  if (value > limit) {
    console.error(`${label}: Budget um ${bytes(value - limit)} überschritten.`);
    over = true;
  }
}
if (over) process.exit(1);
