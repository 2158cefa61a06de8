// Trunk post-build hook (Trunk.toml): turns the build into an offline web app.
//   1. Moves trunk's inline loader script into a file named by its hash, so the
//      Content-Security-Policy allows scripts from the app's own folder only.
//   2. Stamps a build id (a hash over every file of the build) into index.html.
//   3. Lists the files with a content hash in web.config, which IIS then caches for a year.
//   4. Writes sw.js from pwa/sw.js with that id and the list of files to keep offline.
// Also runs on a finished folder: `node scripts/pwa.mjs dist` (the update test does that).
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/pwa.mjs <build folder>');

const BUILD_META = /<meta name="kontaktnetz-build" content="[^"]*">/;
// Server settings and the worker itself are not part of what the app needs offline.
const NOT_CACHED = new Set(['sw.js', 'web.config', '.htaccess']);

const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

async function files(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

let html = await readFile(join(dir, 'index.html'), 'utf8');

// 1. Inline scripts → files. Keeps their attributes (trunk's loader is a module). The HTML is
//    minified by now: attribute values may have lost their quotes.
const inline = /<script((?:\s+type=(?:"module"|module))?)>([\s\S]*?)<\/script>/g;
for (const [tag, type, body] of [...html.matchAll(inline)]) {
  const name = `boot-${hash(body)}.js`;
  await writeFile(join(dir, name), body.trim() + '\n');
  html = html.replace(tag, `<script${type ? ' type="module"' : ''} src="./${name}"></script>`);
}
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');

// 2. The build id covers every file, index.html without its own id.
html = html.replace(BUILD_META, '');
await writeFile(join(dir, 'index.html'), html);
const list = (await files(dir)).filter((f) => !NOT_CACHED.has(f));
const digest = createHash('sha256');
for (const file of list) digest.update(file).update('\0').update(await readFile(join(dir, file)));
const build = digest.digest('hex').slice(0, 16);
// Right after the charset, which must come first (minified HTML has no <head> tag).
const charset = html.match(/<meta charset=[^>]*>/i);
if (!charset) throw new Error('index.html has no <meta charset>');
html = html.replace(charset[0], `${charset[0]}<meta name="kontaktnetz-build" content="${build}">`);
await writeFile(join(dir, 'index.html'), html);

// 3. IIS caches files with a content hash in their name for a year, and nothing else.
// Trunk writes its hash as hex without leading zeros: one name in sixteen has 15 digits.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
const iis = await readFile(join(dir, 'web.config'), 'utf8').catch(() => null);
if (iis !== null) {
  const long = list
    .filter((f) => HASHED.test(f))
    .map((f) => `  <location path="${f}"><system.webServer><staticContent><clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" /></staticContent></system.webServer></location>`);
  await writeFile(join(dir, 'web.config'), iis.replace(/  <!-- HASHED FILES -->\n(  <location [^\n]*\n)*/, `  <!-- HASHED FILES -->\n${long.map((l) => l + '\n').join('')}`));
}

// 4. The service worker.
// Without its comments and indentation (whole-line comments only: the template is ours), as
// trunk minifies the other scripts; every browser visit checks it for an update.
const template = (await readFile(new URL('../pwa/sw.js', import.meta.url), 'utf8'))
  .replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, '')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('//'))
  .join('\n');
const worker = template.replace("'__BUILD__'", JSON.stringify(build)).replace('__FILES__', JSON.stringify(list));
await writeFile(join(dir, 'sw.js'), worker);
console.log(`pwa: build ${build}, ${list.length} files kept offline`);
