// WebKit harness for Kontaktnetz: WebKitGTK's MiniBrowser (the iPad's engine family) driven
// through Debian's WebKitWebDriver with selenium-webdriver. Playwright cannot drive this WebKit.
// Needs an X display: run the suite as `xvfb-run -a node --test --test-concurrency=1 tests/webkit/`.
// One static server, one WebKitWebDriver and one browser session (a fresh profile) per test file.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { Builder, By } from 'selenium-webdriver';
import { startServer } from '../e2e/harness.mjs';
import { eventually as poll } from '../e2e/app.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const DRIVER = process.env.WEBKIT_DRIVER_PATH || 'WebKitWebDriver';
const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const TABLET = { width: 768, height: 1024 };
export const META = 'kontaktnetz.meta';

// ---- WebKitWebDriver ---------------------------------------------------------------------

async function freePort() {
  const probe = createServer();
  await new Promise((ok, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', ok);
  });
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** Starts WebKitWebDriver on a free port and waits until its /status says it is ready. */
export async function startDriver({ timeout = 20_000 } = {}) {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('No display for WebKitGTK: run the WebKit tests under `xvfb-run -a`.');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((ok) => {
    child.once('exit', (code, signal) => {
      exited = signal ?? code;
      ok();
    });
    child.once('error', (error) => {
      exited = error.message;
      ok();
    });
  });
  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exit;
      clearTimeout(killer);
    }
  };

  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited !== null) {
      throw new Error(`${DRIVER} ended before it was ready (${exited}). Is webkit2gtk-driver installed?\n${output}`);
    }
    try {
      const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1_000) });
      const { value } = await response.json();
      if (value?.ready) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${DRIVER} did not answer ${url}/status within ${timeout} ms.\n${output}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { url, stop, output: () => output };
}

/** A new MiniBrowser session with automation (an ephemeral profile). */
export async function newSession(driverUrl) {
  const driver = await new Builder()
    .usingServer(driverUrl)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    })
    .build();
  await driver.manage().setTimeouts({ pageLoad: 20_000, script: 20_000 });
  return driver;
}

/**
 * Asks for a window whose page area (innerWidth × innerHeight) is `viewport`: sets the window
 * rect, then grows it by what the browser's own toolbar takes. Returns what the page got; the
 * screen of the X server may limit the height.
 */
export async function fitViewport(driver, viewport) {
  const inner = () => driver.executeScript('return [window.innerWidth, window.innerHeight];');
  const win = driver.manage().window();
  await win.setRect({ x: 0, y: 0, ...viewport });
  // The window manager applies a new size a little later on a busy machine: ask again until
  // the page has it (or 5 s have passed).
  for (let i = 0; i < 50; i++) {
    const [w, h] = await inner();
    if (w === viewport.width && h === viewport.height) break;
    const outer = await win.getRect();
    await win.setRect({ x: 0, y: 0, width: outer.width + viewport.width - w, height: outer.height + viewport.height - h });
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const [width, height] = await inner();
  return { width, height, window: await win.getRect() };
}

// ---- one test file -----------------------------------------------------------------------

/**
 * Starts the static server (dist/ under /vertrieb/kontaktnetz/), WebKitWebDriver and a browser
 * session for the test file. Returns an `App` whose `server` the test may close (offline test).
 */
export function useWebKit({ viewport = TABLET } = {}) {
  const env = {};
  const app = new App(env);
  before(async () => {
    env.server = await startServer({ root: DIST });
    env.driverProcess = await startDriver();
    try {
      env.driver = await newSession(env.driverProcess.url);
    } catch (error) {
      error.message += `\n${DRIVER} said:\n${env.driverProcess.output()}`;
      throw error;
    }
    // Any page of the origin will do to size the window; about:blank may not run scripts.
    await env.driver.get(env.server.url);
    const got = await fitViewport(env.driver, viewport);
    env.viewport = got;
    console.log(
      `# WebKit: viewport ${got.width}×${got.height} (wanted ${viewport.width}×${viewport.height}), ` +
        `window ${got.window.width}×${got.window.height}`,
    );
  });
  after(async () => {
    await env.driver?.quit().catch(() => {});
    await env.driverProcess?.stop();
    await env.server?.close();
  });
  return app;
}

// ---- waiting -----------------------------------------------------------------------------

/** The Chromium tests' `eventually`, paced for WebDriver's slower round trips. */
export const eventually = (check, { timeout = 10_000, interval = 100 } = {}) => poll(check, { timeout, interval });

export const css = (selector) => By.css(selector);
export const xpath = (path) => By.xpath(path);

/** XPath string literal for `text` (no quotes inside: enough for the app's German labels). */
const lit = (text) => (text.includes("'") ? `"${text}"` : `'${text}'`);

/** A button or link whose visible text is `text`, optionally inside the element `within`. */
export const byText = (tag, text, within = '') => xpath(`${within}//${tag}[normalize-space()=${lit(text)}]`);

/** The tiles (label.choice) of the fieldset whose legend is `legend`. */
export const tiles = (legend, extra = '') =>
  xpath(`//fieldset[contains(@class,'criterion')][legend[normalize-space()=${lit(legend)}]]//label[contains(@class,'choice')${extra}]`);

/** "1.234" (German thousands) → 1234. */
export const germanNumber = (text) => Number(String(text).trim().replace(/\./g, ''));

// Collects uncaught errors and console.error calls of the current document; installed again
// after every load, since a load starts a new document.
const TRAP = `
  if (!window.__webkitTrap) {
    window.__webkitTrap = [];
    addEventListener('error', (e) => window.__webkitTrap.push('error: ' + (e.message || e.type) + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : '')));
    addEventListener('unhandledrejection', (e) => window.__webkitTrap.push('unhandled rejection: ' + (e.reason && (e.reason.stack || e.reason.message) || e.reason)));
    const original = console.error.bind(console);
    console.error = (...args) => { window.__webkitTrap.push('console.error: ' + args.map(String).join(' ')); original(...args); };
  }`;

// ---- the app -----------------------------------------------------------------------------

/** The app in the session's one window; all waits poll with timeouts. */
export class App {
  #env;
  /** Browser errors seen in earlier documents of this test file (collected before a reload). */
  problems = [];

  constructor(env) {
    this.#env = env;
  }

  get driver() {
    return this.#env.driver;
  }
  get url() {
    return this.#env.server.url;
  }
  get server() {
    return this.#env.server;
  }
  get viewport() {
    return this.#env.viewport;
  }

  script(source, ...args) {
    return this.driver.executeScript(source, ...args);
  }

  /**
   * What the page shows, for failure messages; when the app says its stored data is unreadable,
   * also what is stored: each key's size and, inflated, the lines of data chunks that lack an id.
   */
  async pageReport() {
    let body;
    try {
      body = (await this.script('return document.body ? document.body.innerText : "";')).trim();
    } catch (error) {
      return `Visible text unreadable: ${error.message}`;
    }
    let report = `Visible text: ${body ? JSON.stringify(body.slice(0, 300)) : '(blank page)'}`;
    if (body.includes('nicht lesbar')) report += `\nStored: ${await this.storageReport()}`;
    return report;
  }

  /** Number and size of the stored keys, and every data chunk that does not unpack. */
  async storageReport() {
    try {
      const entries = await this.withDatabase(
        (db) =>
          new Promise((resolve, reject) => {
            const store = db.transaction('entries').objectStore('entries');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
            values.onerror = () => reject(values.error);
          }),
      );
      const chars = entries.reduce((sum, [, value]) => sum + value.length, 0);
      const broken = [];
      for (const [key, value] of entries) {
        if (!value.startsWith('z1:') || key.endsWith('.settings')) continue;
        try {
          const lines = inflateRawSync(Buffer.from(value.slice(3), 'base64')).toString('utf8').split('\n');
          const bad = lines.filter((line, i) => !line.includes('\t') && !(line === '' && i === lines.length - 1));
          if (bad.length) broken.push(`${key}: ${bad.length} line(s) without id, e.g. ${JSON.stringify(bad[0].slice(0, 300))}`);
        } catch (error) {
          broken.push(`${key}: not inflatable (${error.message})`);
        }
      }
      return `${entries.length} keys, ${chars} chars${broken.map((b) => `\n   ${b}`).join('')}`;
    } catch (error) {
      return `(unreadable: ${error.message})`;
    }
  }

  /** Waits for `[data-app-ready]` on the app's root; the message says what the page shows. */
  async waitReady({ timeout = 20_000, what = 'the app' } = {}) {
    try {
      await eventually(async () => assert.ok((await this.driver.findElements(css('[data-app-ready]'))).length > 0), {
        timeout,
      });
    } catch {
      const url = await this.driver.getCurrentUrl().catch(() => '?');
      throw new Error(`${what} did not start: no [data-app-ready] element within ${timeout} ms at ${url}. ${await this.pageReport()}`);
    }
    await this.script(TRAP);
  }

  /** Opens the app fresh at a hash route ("/verbuende") and waits until it is ready. */
  async open(hash = '/') {
    await this.#collect();
    await this.driver.get(this.url + '#' + hash);
    await this.waitReady();
  }

  /** Reloads the page and waits for the app to be ready again. */
  async reload({ what } = {}) {
    // A save still on its way to IndexedDB would be cut off by the reload.
    await eventually(async () => assert.equal((await this.driver.findElements(css('[data-saving]'))).length, 0), {
      timeout: 20_000,
    }).catch(() => {});
    await this.#collect();
    let failed;
    await this.driver
      .navigate()
      .refresh()
      .catch((error) => {
        failed = error;
      });
    try {
      await this.waitReady({ what });
    } catch (error) {
      if (failed) error.message += `\nThe reload itself failed: ${failed.message}`;
      throw error;
    }
  }

  /** Goes to a hash route inside the running app, as a link would. */
  async navigate(hash) {
    await this.script('location.hash = arguments[0];', hash);
    await this.waitForHash(hash);
  }

  /** Waits until location.hash is `#` + `hash` (string) or matches `hash` (RegExp). */
  async waitForHash(hash, { timeout = 10_000 } = {}) {
    let current;
    try {
      return await eventually(async () => {
        current = await this.script('return location.hash;');
        if (hash instanceof RegExp) assert.match(current, hash);
        else assert.equal(current, '#' + hash);
        return current;
      }, { timeout });
    } catch {
      throw new Error(`location.hash stayed ${JSON.stringify(current)}, expected ${hash instanceof RegExp ? hash : '#' + hash}`);
    }
  }

  /** All elements for a locator (By or CSS string), without waiting. */
  findAll(locator) {
    return this.driver.findElements(typeof locator === 'string' ? css(locator) : locator);
  }

  /** Waits for the first element of a locator. */
  async find(locator, { timeout = 10_000 } = {}) {
    try {
      return await eventually(async () => {
        const [first] = await this.findAll(locator);
        assert.ok(first);
        return first;
      }, { timeout });
    } catch {
      throw new Error(`no element for ${describe(locator)} within ${timeout} ms. ${await this.pageReport()}`);
    }
  }

  /**
   * Clicks the first element of a locator. WebDriver scrolls an element only until it is in
   * view, at the bottom edge, where the form's sticky action bar covers it: centre it first.
   */
  async click(locator) {
    const element = await this.find(locator);
    await clickCentred(this.driver, element, describe(locator));
    return element;
  }

  /** Waits until the first element's text equals `expected` (trimmed) or matches it (RegExp). */
  async expectText(locator, expected, { timeout = 10_000 } = {}) {
    let text;
    try {
      return await eventually(async () => {
        const [first] = await this.findAll(locator);
        assert.ok(first, 'no element');
        text = (await first.getText()).trim();
        if (expected instanceof RegExp) assert.match(text, expected);
        else assert.equal(text, expected);
        return text;
      }, { timeout });
    } catch {
      throw new Error(
        `${describe(locator)}: expected text ${expected instanceof RegExp ? expected : JSON.stringify(expected)}, ` +
          `found ${text === undefined ? 'no element' : JSON.stringify(text)}`,
      );
    }
  }

  /** Waits until the locator matches exactly `n` elements (or `n(count)` holds). */
  async expectCount(locator, n, { timeout = 10_000 } = {}) {
    let count;
    try {
      return await eventually(async () => {
        count = (await this.findAll(locator)).length;
        if (typeof n === 'function') assert.ok(n(count));
        else assert.equal(count, n);
        return count;
      }, { timeout });
    } catch {
      throw new Error(`${describe(locator)}: expected ${typeof n === 'function' ? n.toString() : n} element(s), found ${count}`);
    }
  }

  // ---- storage ---------------------------------------------------------------------------

  /** Runs `body` (which receives the app's IndexedDB database as `db`) and returns its result. */
  async withDatabase(body, ...args) {
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const request = indexedDB.open('kontaktnetz', 1);
       request.onupgradeneeded = () => {
         request.result.createObjectStore('entries');
         request.result.createObjectStore('documents');
       };
       request.onerror = () => done({ error: String(request.error) });
       request.onsuccess = async () => {
         const db = request.result;
         try {
           const result = await (${body})(db, ...Array.from(arguments).slice(0, -1));
           db.close();
           done({ result });
         } catch (e) {
           db.close();
           done({ error: String(e) });
         }
       };`,
      ...args,
    ).then((answer) => {
      if (answer?.error) throw new Error(`IndexedDB: ${answer.error}`);
      return answer?.result;
    });
  }

  /** The stored meta entry, from IndexedDB. */
  async storedMeta() {
    const raw = await this.withDatabase(
      (db, key) =>
        new Promise((resolve, reject) => {
          const get = db.transaction('entries').objectStore('entries').get(key);
          get.onsuccess = () => resolve(get.result ?? null);
          get.onerror = () => reject(get.error);
        }),
      META,
    );
    return raw === null ? null : JSON.parse(raw);
  }

  /** Empties localStorage and the app's database, for a test that starts from nothing. */
  async clearStorage() {
    await this.script('localStorage.clear();');
    await this.withDatabase(
      (db) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(['entries', 'documents'], 'readwrite');
          tx.objectStore('entries').clear();
          tx.objectStore('documents').clear();
          tx.oncomplete = () => resolve(true);
          tx.onerror = () => reject(tx.error);
        }),
    );
  }

  async storedRevision() {
    return (await this.storedMeta())?.revision ?? 0;
  }

  /** Waits until the app has stored a revision after `revision`; returns the new one. */
  async waitForSave(revision, { timeout = 10_000 } = {}) {
    let now;
    try {
      return await eventually(async () => {
        now = await this.storedRevision();
        assert.ok(now > revision);
        return now;
      }, { timeout });
    } catch {
      throw new Error(`${META}: revision stayed ${now}, expected a save after revision ${revision}`);
    }
  }

  // ---- errors in the page ----------------------------------------------------------------

  async #collect() {
    try {
      const seen = await this.script('return window.__webkitTrap ? window.__webkitTrap.splice(0) : [];');
      this.problems.push(...seen);
    } catch {
      // no document to read (e.g. an error page): nothing trapped there
    }
  }

  /** Throws if the page reported an uncaught error or console.error since the last check. */
  async assertNoProblems() {
    await this.#collect();
    const problems = this.problems.splice(0);
    if (problems.length) {
      throw new Error(`${problems.length} problem(s) in WebKit:\n - ${problems.join('\n - ')}`);
    }
  }
}

/** Scrolls `element` to the middle of the page, then clicks it as a user would. */
export async function clickCentred(driver, element, what = 'the element') {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center', inline: 'center' });", element);
  try {
    await element.click();
  } catch (error) {
    const covered = await driver
      .executeScript(
        `const r = arguments[0].getBoundingClientRect();
         const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         return top ? top.outerHTML.slice(0, 160) : null;`,
        element,
      )
      .catch(() => null);
    throw new Error(`click on ${what} failed: ${error.name} ${error.message}${covered ? `; on top there: ${covered}` : ''}`, {
      cause: error,
    });
  }
}

function describe(locator) {
  if (typeof locator === 'string') return locator;
  return `${locator.using} ${locator.value}`;
}
