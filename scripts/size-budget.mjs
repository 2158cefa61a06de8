// Size budget of a build: node scripts/size-budget.mjs [dist] [limitBytes=550000]
// Sums the gzip size (zlib level 9) of every .wasm, .js and .css file below dist and exits 1
// above the limit, or when there is no .wasm at all (such a build is broken, not small).

import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist = 'dist', limitArg = '550000'] = process.argv.slice(2);
const limit = Number(limitArg);
if (!Number.isInteger(limit) || limit <= 0) {
  console.error(`Budget muss eine positive ganze Zahl (Bytes) sein, nicht "${limitArg}".`);
  process.exit(2);
}

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
console.log(`${'Datei'.padEnd(width)}  ${'roh'.padStart(12)}  ${'gzip'.padStart(12)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${bytes(r.raw).padStart(12)}  ${bytes(r.gzip).padStart(12)}`);
}
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`gzip gesamt: ${bytes(total)} (Budget ${bytes(limit)})`);

if (!rows.some((r) => r.name.endsWith('.wasm'))) {
  console.error(`Keine .wasm-Datei in ${dist}: der Build ist unvollständig.`);
  process.exit(1);
}
if (total > limit) {
  console.error(`Budget um ${bytes(total - limit)} überschritten.`);
  process.exit(1);
}
