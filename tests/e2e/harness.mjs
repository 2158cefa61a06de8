// Browser-test harness for Kontaktnetz: a static server that serves the build only under a
// sub-path, a headless Debian Chromium driven by playwright-core, and helpers for the tests.
// Used by `node --test tests/e2e/`; only node built-ins, playwright-core and axe-core.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm', // WebAssembly.instantiateStreaming refuses any other type
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/**
 * Serves the files of `root` under `base` only, on 127.0.0.1 with a free port.
 * No SPA fallback: the app routes with the hash, so any unknown path must be a 404.
 * `root` may be a function: the update tests switch the served build between requests.
 */
export async function startServer({ root = 'dist', base = '/vertrieb/kontaktnetz/' } = {}) {
  const server = createServer(async (req, res) => {
    const rootDir = resolve(typeof root === 'function' ? root() : root);
    const send = (status, headers, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { Allow: 'GET, HEAD' });

    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === base.slice(0, -1)) return send(301, { Location: base });
    if (!pathname.startsWith(base)) return send(404, {}, 'Not Found');

    let file;
    try {
      const relative = decodeURIComponent(pathname.slice(base.length));
      file = resolve(rootDir, relative.endsWith('/') || relative === '' ? relative + 'index.html' : relative);
    } catch {
      return send(400, {}, 'Bad Request'); // malformed percent-encoding
    }
    // `resolve` folds "..", also when it arrived percent-encoded: refuse anything outside root.
    if (!file.startsWith(rootDir + sep)) return send(404, {}, 'Not Found');
    try {
      if (!(await stat(file)).isFile()) return send(404, {}, 'Not Found');
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(200, { 'Content-Type': type }, await readFile(file));
    } catch {
      send(404, {}, 'Not Found');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections(); // keep-alive sockets of the browser would delay close()
        server.close(() => ok());
      }),
  };
}

/** Debian's Chromium (never a downloaded one), headless; playwright creates a fresh profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (empty storage) with one page. `problems` collects page errors, console errors
 * and every request to another origin; those requests are aborted, so the app must work offline.
 */
export async function newAppPage(browser, baseUrl, { viewport = { width: 768, height: 1024 } } = {}) {
  const problems = [];
  const context = await browser.newContext({
    viewport,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);

  const origin = new URL(baseUrl).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      problems.push(`request to another origin: ${route.request().method()} ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );

  const page = watchPage(await context.newPage(), problems);
  return { context, page, problems };
}

/** Records page errors and console errors of `page` (e.g. a second tab) into `problems`. */
export function watchPage(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack || error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  return page;
}

export function assertNoProblems(problems) {
  if (problems.length > 0) {
    throw new Error(`${problems.length} problem(s) in the browser:\n - ${problems.join('\n - ')}`);
  }
}

/**
 * Opens the app (optionally at a hash route) and waits for `[data-app-ready]`, which the app sets
 * on its root once mounted. `timeout` exists so the harness self-test need not wait 20 s.
 */
export async function gotoApp(page, baseUrl, hash = '', { timeout = 20_000 } = {}) {
  const url = baseUrl + (hash ? '#' + hash : '');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  try {
    await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout });
  } catch (error) {
    const body = (await page.locator('body').innerText({ timeout: 1_000 }).catch(() => '')).trim();
    throw new Error(
      `The app did not start: no [data-app-ready] element within ${timeout} ms at ${url}. ` +
        `Visible text: ${body ? JSON.stringify(body.slice(0, 200)) : '(blank page)'}`,
      { cause: error },
    );
  }
}

const AXE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
let axeSource; // read once per test process

/** Runs axe-core (WCAG 2.1 A/AA and best practices) on the current page; throws on violations. */
export async function checkA11y(page, label) {
  axeSource ??= await readFile(AXE_PATH, 'utf8');
  // Evaluated rather than added as a <script>: the app's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  });
  if (violations.length > 0) {
    const lines = violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.targets.join(' | ')}`);
    throw new Error(`axe (${label}): ${violations.length} violation(s):\n - ${lines.join('\n - ')}`);
  }
}

/**
 * Calls `triggerFn` and returns the file it makes the browser download. `text` is decoded as
 * UTF-8 with a byte order mark kept (as "\uFEFF"), so tests can check for it.
 */
export async function downloadText(page, triggerFn) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), triggerFn()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${download.suggestedFilename()} failed: ${failure}`);
  return { filename: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Puts one in-memory file on an `<input type=file>`; this fires its change event. */
export async function uploadFile(page, selector, { name, mimeType, buffer }) {
  await page.locator(selector).setInputFiles({ name, mimeType, buffer }, { timeout: 10_000 });
}

/**
 * Sets localStorage entries (key → string). The page must already be on the server's origin
 * (e.g. after gotoApp); reload afterwards if the app reads storage only at start-up.
 */
export async function setStorage(page, entries) {
  await page.evaluate((pairs) => {
    for (const [key, value] of Object.entries(pairs)) localStorage.setItem(key, value);
  }, entries);
}

/** All localStorage entries of the page's origin as a plain object. */
export async function dumpStorage(page) {
  return page.evaluate(() => {
    const entries = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      entries[key] = localStorage.getItem(key);
    }
    return entries;
  });
}

/**
 * The app's IndexedDB database as { entries, documents } (key → string), read in the page.
 * Opening creates the stores exactly as the app does, so a test reading first breaks nothing.
 */
export async function dumpDatabase(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      let request;
      try {
        request = indexedDB.open('kontaktnetz', 1);
      } catch {
        resolve(null); // no IndexedDB here: the app runs on localStorage
        return;
      }
      request.onupgradeneeded = () => {
        request.result.createObjectStore('entries');
        request.result.createObjectStore('documents');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = (name) =>
      new Promise((resolve, reject) => {
        const store = db.transaction(name).objectStore(name);
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
        values.onerror = () => reject(values.error);
      });
    if (!db) return { entries: {}, documents: {} };
    const out = { entries: await read('entries'), documents: await read('documents') };
    db.close();
    return out;
  });
}

/** Writes entries (key → string, or null to delete) into the app's IndexedDB database. */
export async function setDatabase(page, entries) {
  await page.evaluate(async (pairs) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('kontaktnetz', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('entries');
        request.result.createObjectStore('documents');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['entries', 'documents'], 'readwrite');
      for (const [key, value] of Object.entries(pairs)) {
        const store = tx.objectStore(key.startsWith('kontaktnetz.backup-doc.') ? 'documents' : 'entries');
        if (value === null) store.delete(key);
        else store.put(value, key);
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, entries);
}

/** Empties both the database and localStorage of the page's origin. */
export async function clearStorage(page) {
  const { entries, documents } = await dumpDatabase(page);
  await setDatabase(page, Object.fromEntries(Object.keys({ ...entries, ...documents }).map((k) => [k, null])));
  await page.evaluate(() => localStorage.clear());
}

/** Everything the origin keeps: localStorage and the app's database. */
export async function dumpAll(page) {
  return { local: await dumpStorage(page), database: await dumpDatabase(page) };
}
