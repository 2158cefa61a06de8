// Trunk post-build hook, before pwa.mjs: splits the app's wasm into the start module and
// chunks loaded on first use (the `#[wasm_split]` functions in src/ui/pages/lazy.rs).
//
// Trunk's own wasm-bindgen run cannot split: the splitter needs the linker's relocations,
// which only the raw cargo output has (build.rs keeps them). So this step starts again from
// that output: wasm-split-cli → wasm-bindgen → wasm-opt on every module, and puts the result
// in place of trunk's files under their names.
//
// Chunks and the loader get a content hash in their names. A tab still running an older
// build must never load a chunk of a newer one (their memory layouts differ): with hashed
// names it fails to find the chunk and says so, instead of running foreign code.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!staging) throw new Error('split.mjs runs as a trunk post_build hook (TRUNK_STAGING_DIR)');

// The same passes as before splitting; -Oz alone leaves about 3 % more.
const WASM_OPT = ['-Oz', '--converge', '--flatten', '--rereloop', '-Oz', '--gufa', '--flatten', '--rereloop', '-Oz', '--merge-similar-functions', '--converge'];

// binaryen 132 from npm (package-lock.json); Debian's wasm-opt 108 silently breaks the build.
const WASM_OPT_VERSION = 'wasm-opt version 132';
if (release) {
  const version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' });
  if (!version.startsWith(WASM_OPT_VERSION)) throw new Error(`need ${WASM_OPT_VERSION}, found ${version.trim()}`);
}

const target = process.env.CARGO_TARGET_DIR ?? 'target';
const input = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'kontaktnetz.wasm');

const staged = readdirSync(staging);
const mainJs = staged.find((f) => /^kontaktnetz-[0-9a-f]+\.js$/.test(f));
if (!mainJs) throw new Error(`no kontaktnetz-<hash>.js in ${staging}`);
const stem = mainJs.slice(0, -'.js'.length);

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

const work = mkdtempSync(join(tmpdir(), 'kontaktnetz-split-'));
try {
  const split = join(work, 'split');
  const bound = join(work, 'bound');
  run('wasm-split-cli', [input, split, '--out-name', stem]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', bound, '--out-name', stem, join(split, `${stem}.wasm`)]);

  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  const wasms = [[join(bound, `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`)], ...chunks.map((c) => [join(split, c), join(split, c)])];
  for (const [from, to] of wasms) {
    if (release) run('wasm-opt', [...WASM_OPT, from, '-o', to]);
    else if (from !== to) cpSync(from, to);
  }

  // Hashed names for the chunks, then for the loader that names them.
  let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  for (const chunk of chunks) {
    const body = readFileSync(join(split, chunk));
    const name = `${chunk.slice(0, -'.wasm'.length)}-${hash(body)}.wasm`;
    if (!loader.includes(`"./${chunk}"`)) throw new Error(`__wasm_split.js does not name ${chunk}`);
    loader = loader.replaceAll(`"./${chunk}"`, `"./${name}"`);
    renameSync(join(split, chunk), join(staging, name));
  }
  const loaderName = `__wasm_split-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);

  // Only the JS import moves to the hashed name; the wasm still asks for "./__wasm_split.js".
  const glue = readFileSync(join(bound, `${stem}.js`), 'utf8');
  const from = 'from "./__wasm_split.js"';
  if (!glue.includes(from)) throw new Error(`${stem}.js does not import __wasm_split.js`);
  writeFileSync(join(staging, mainJs), glue.replaceAll(from, `from "./${loaderName}"`));
  cpSync(join(bound, 'snippets'), join(staging, 'snippets'), { recursive: true });
  console.log(`split: ${chunks.length} chunks beside ${stem}_bg.wasm`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
