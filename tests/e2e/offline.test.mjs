// Offline use and safe updates in headless Chromium at tablet size, served under a sub-path:
// after one online visit the app reloads, opens a deep link in a new tab and records a contact
// with the network cut; a new build is offered, never forced, and taken over with the book
// intact; a broken build never replaces a working one; a tab of the old version stops writing
// over data a newer version upgraded; plain http still works, with a notice; the strict CSP,
// the manifest and Chromium's installability check.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  acceptDialogs,
  appStorage,
  eventually,
  expectCount,
  expectText,
  heading,
  loadSampleData,
  META,
  navigate,
  openApp,
  reloadApp,
  storedRevision,
  tap,
  TABLET,
  waitForSave,
} from './app.mjs';
import { assertNoProblems, checkA11y, gotoApp, launchBrowser, newAppPage, setDatabase, startServer, watchPage } from './harness.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const PWA_SCRIPT = fileURLToPath(new URL('../../scripts/pwa.mjs', import.meta.url));

let work, browser;
const builds = {};

/**
 * A copy of the build with one changed file, stamped again: what a new deployment looks like.
 * The manifest changes (hashed files carry subresource integrity and must stay as they are).
 */
async function newBuild(name, marker) {
  const dir = join(work, name);
  await cp(DIST, dir, { recursive: true });
  const path = join(dir, 'manifest.webmanifest');
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  await writeFile(path, JSON.stringify({ ...manifest, description: `${manifest.description} (${marker})` }));
  await promisify(execFile)('node', [PWA_SCRIPT, dir]);
  return dir;
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'kontaktnetz-offline-'));
  builds.v1 = DIST;
  builds.v2 = await newBuild('v2', 'Version 2');
  // A deployment cut off half-way: the new worker lists a file the server does not have.
  builds.broken = await newBuild('broken', 'Version 3');
  const wasm = (await readdir(builds.broken)).find((f) => f.endsWith('.wasm'));
  await rm(join(builds.broken, wasm));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

/** One test with its own server (whose build `serve.build` can switch) and a fresh context. */
async function offlineSession(body, { viewport = TABLET } = {}) {
  const serve = { build: builds.v1 };
  const server = await startServer({ root: () => serve.build });
  const { context, page, problems } = await newAppPage(browser, server.url, { viewport });
  try {
    await body({ page, context, problems, url: server.url, serve });
    // Offline, the browser logs its failed background requests (update checks); those are
    // the point of these tests, not problems of the app.
    assertNoProblems(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED/.test(p)));
  } finally {
    await context.close();
    await server.close();
  }
}

const buildId = (page) => page.evaluate(() => document.querySelector('meta[name=kontaktnetz-build]')?.content);

/** Waits until the service worker controls the page and has everything cached. */
async function waitForOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await reloadApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
}

const groupCount = (page) => page.locator('[data-testid=stats] dd').first().innerText();

async function firstGroupId(page) {
  await navigate(page, '/verbuende');
  const href = await page.locator('[data-testid=group-list] a[href^="#/verbuende/"]').first().getAttribute('href');
  return href.replace('#/verbuende/', '');
}

async function recordContact(page, group, note) {
  await navigate(page, `/verbuende/${group}/kontakt`);
  await expectText(heading(page), 'Kontakt erfassen');
  await tap(page, 'Format', 'Beratungsgespräch');
  await page.getByLabel('Notizen').fill(note);
  const revision = await storedRevision(page);
  await page.getByRole('button', { name: 'Kontakt speichern' }).click();
  await waitForSave(page, revision);
}

test('after one online visit the app reloads, opens deep links and records contacts without a network', { timeout: 120_000 }, async () => {
  await offlineSession(async ({ page, context, url, problems }) => {
    acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    const group = await firstGroupId(page);
    await navigate(page, '/');
    const groups = await groupCount(page);
    await waitForOffline(page);

    await context.setOffline(true);
    // (a) a reload
    await reloadApp(page);
    await expectText(heading(page), 'Übersicht');
    assert.equal(await groupCount(page), groups);

    // (b) a new tab on a deep link
    const tab = watchPage(await context.newPage(), problems);
    await gotoApp(tab, url, `/verbuende/${group}`);
    await expectText(tab.locator('main h1'), /.+/);
    assert.notEqual(await tab.locator('main h1').innerText(), 'Seite nicht gefunden');
    assert.equal(await tab.locator('[data-testid=group-contacts]').count(), 1, 'the group page shows');
    await tab.close();

    // (d) a page whose chunk no tab has fetched online comes from the worker's cache
    await navigate(page, '/auswertung');
    await expectText(heading(page), 'Auswertung');

    // (c) a contact recorded offline is there after another offline reload
    const note = 'Offline beim Kunden erfasst';
    await recordContact(page, group, note);
    await reloadApp(page);
    await navigate(page, `/verbuende/${group}`);
    await expectText(page.locator('[data-testid=group-contacts] [data-testid=contact]').first(), new RegExp(note));

    // Everything the worker keeps is a file of the build: never the book.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = [];
      for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return { names, urls };
    });
    assert.equal(cached.names.length, 1, `one cache: ${cached.names}`);
    const files = new Set((await readdir(DIST, { recursive: true })).map((f) => f.split('\\').join('/')));
    for (const u of cached.urls) {
      const file = u.slice(url.length);
      assert.ok(files.has(file), `${file} is a file of the build`);
    }
    assert.ok(cached.urls.some((u) => u.endsWith('_bg.wasm')), 'the start module is kept');
    for (const file of files) {
      if (/^(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(file)) assert.ok(cached.urls.includes(url + file), `chunk ${file} is kept`);
    }
  });
});

test('a new version is offered, never forced, and taken over with the book intact', { timeout: 120_000 }, async () => {
  await offlineSession(async ({ page, context, url, serve, problems }) => {
    acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    const groups = await groupCount(page);
    await waitForOffline(page);
    const v1 = await buildId(page);
    assert.match(v1, /^[0-9a-f]{16}$/);

    // A second tab holds unsaved input in a form.
    const form = watchPage(await context.newPage(), problems);
    await gotoApp(form, url, '/verbuende/neu');
    await form.getByLabel('Name des Verbunds').fill('Noch nicht gespeichert');

    serve.build = builds.v2;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.locator('[data-testid=update]');
    await expectText(notice, /Neue Version verfügbar/, { timeout: 15_000 });
    await expectText(form.locator('[data-testid=update]'), /Neue Version verfügbar/);
    await checkA11y(page, 'update notice');

    // On the form, "neu laden" asks first; declined, nothing happens.
    const asked = [];
    form.once('dialog', (d) => {
      asked.push(d.message());
      d.dismiss();
    });
    await form.getByRole('button', { name: 'Jetzt neu laden' }).click();
    await form.waitForFunction(() => true);
    assert.match(asked[0] ?? '', /nicht gespeicherte Eingaben/);

    await Promise.all([
      page.waitForEvent('load', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Jetzt neu laden' }).click(),
    ]);
    await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 20_000 });
    const v2 = await buildId(page);
    assert.notEqual(v2, v1, 'the new build runs');
    assert.equal(await groupCount(page), groups, 'the book is intact');
    assert.equal(await page.locator('[data-testid=update]').count(), 0);

    // The other tab did not reload itself: its input is still there.
    assert.equal(await form.getByLabel('Name des Verbunds').inputValue(), 'Noch nicht gespeichert');
    assert.equal(await buildId(form), v1);

    // Offline, the new version opens.
    await context.setOffline(true);
    await reloadApp(page);
    assert.equal(await buildId(page), v2);
  });
});

test('a half-deployed update is never installed: the working version keeps opening offline', { timeout: 120_000 }, async () => {
  await offlineSession(async ({ page, context, url, serve }) => {
    acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    await waitForOffline(page);
    const v1 = await buildId(page);

    serve.build = builds.broken;
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      try {
        await registration.update();
      } catch (error) {
        return `update failed: ${error.message}`;
      }
      // The new worker fails its install; wait until it is gone.
      for (let i = 0; i < 100 && (registration.installing || registration.waiting); i++) {
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return registration.waiting ? 'waiting' : 'not installed';
    });
    assert.notEqual(outcome, 'waiting', 'the broken build must not wait to take over');
    assert.equal(await page.locator('[data-testid=update]').count(), 0, 'no update offered');

    await context.setOffline(true);
    await reloadApp(page);
    assert.equal(await buildId(page), v1);
    await expectText(heading(page), 'Übersicht');
  });
});

test('a tab of the old version stops writing once a newer version has upgraded the data', { timeout: 60_000 }, async () => {
  await offlineSession(async ({ page, context, url, problems }) => {
    acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    const other = watchPage(await context.newPage(), problems);
    await gotoApp(other, url, '/');
    // The other tab runs a newer app: it rewrites the meta entry with a newer data version,
    // and announces its save as every version does.
    const meta = JSON.parse((await appStorage(other))[META]);
    await setDatabase(other, { [META]: JSON.stringify({ ...meta, schema: 99, revision: meta.revision + 1, writer: 'neuer-tab' }) });
    await other.evaluate(() => new BroadcastChannel('kontaktnetz').postMessage('gespeichert'));
    await other.close();
    const alert = page.locator('[data-testid=save-error]');
    await expectText(alert, /neuere Version von Kontaktnetz hat die Daten in einem anderen Tab umgestellt/);
    const stored = await appStorage(page);

    // An edit here is refused and nothing is written.
    const group = await firstGroupId(page);
    await navigate(page, `/verbuende/${group}/bearbeiten`);
    await page.getByLabel('Name des Verbunds').fill('Vom alten Tab geändert');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expectText(alert, /speichert nichts mehr/);
    await expectText(alert.getByRole('button', { name: 'Neu laden' }), 'Neu laden');
    assert.deepEqual(await appStorage(page), stored, 'storage is untouched');
  });
});

test('the data page tells how safe the data is, asks for persistent storage once, and the start page reminds of a backup', { timeout: 90_000 }, async () => {
  await offlineSession(async ({ page, context, url }) => {
    // Chromium decides about persistence by heuristics; count the requests and grant them.
    await context.addInitScript(() => {
      window.__persistCalls = 0;
      let granted = false;
      navigator.storage.persist = async () => {
        window.__persistCalls += 1;
        granted = true;
        return true;
      };
      navigator.storage.persisted = async () => granted;
    });
    acceptDialogs(page);
    await openApp(page, url);
    assert.equal(await page.locator('[data-testid=backup-reminder]').count(), 0, 'an empty book needs no backup');
    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=safety-export]'), 'Noch nie exportiert.');
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not asked for an empty book');

    await loadSampleData(page);
    await page.waitForFunction(() => window.__persistCalls === 1);
    const reminder = page.locator('[data-testid=backup-reminder]');
    await expectText(reminder, /noch nie exportiert/);
    await checkA11y(page, 'start page with backup reminder');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reminder.getByRole('button', { name: 'Sicherung herunterladen' }).click(),
    ]);
    const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(doc.format, 'kontaktnetz');
    assert.ok(doc.book.groups.length > 100, 'the whole book');
    await expectText(page.locator('.toast span').first(), /^Export heruntergeladen: kontaktnetz-\d{4}-\d\d-\d\d\.json$/);
    await reminder.waitFor({ state: 'detached' });

    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=safety-export]'), /^Letzter Export: \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    await expectText(page.locator('[data-testid=safety-persisted]'), /gewährt\. Der Browser löscht/);
    await expectText(page.locator('[data-testid=safety-quota]'), /^Speicher des Browsers für diese App: [\d.,]+ MB von [\d.,]+ MB belegt \([\d,]+ %\)$/);
    await expectText(page.locator('[data-testid=safety-installed]'), 'Im Browser geöffnet, nicht als App installiert.');
    await expectText(page.locator('[data-testid=safety-offline]'), /Offline bereit/);
    assert.equal(await page.locator('[data-testid=ipad-hint]').count(), 0, 'no iPad hint on this browser');
    assert.equal(await page.locator('[data-testid=offline-unavailable]').count(), 0);

    // The reminder interval: refused out of range, kept when valid.
    const days = page.getByLabel('Erinnerung an eine Sicherung nach Tagen');
    await days.fill('0');
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await expectText(page.locator('.inline-form .error'), 'Die Tage bis zur Erinnerung müssen eine ganze Zahl zwischen 1 und 90 sein.');
    assert.equal(await days.getAttribute('aria-invalid'), 'true');
    await days.fill('3');
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await expectText(page.locator('#sicherung-tage-hinweis'), /3 Tage alt/);
    await checkA11y(page, 'data page with the safety section');

    // After a reload: the export date and the interval are kept, persistence is not asked again.
    await reloadApp(page);
    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=safety-export]'), /^Letzter Export: /);
    await expectText(page.locator('#sicherung-tage-hinweis'), /3 Tage alt/);
    assert.equal(await page.evaluate(() => window.__persistCalls), 0);
    const device = (await appStorage(page))['kontaktnetz.device'];
    assert.match(device, /^days=3;persist=1;persist_installed=0;export=\d{4}-\d\d-\d\dT[\d:.]+Z@(\d+)$/);
    assert.equal(Number(device.split('@')[1]), await storedRevision(page), 'nothing changed since');
  });
});

test('on an iPad outside the Home Screen, the data page explains Safari’s 7-day deletion', { timeout: 60_000 }, async () => {
  const server = await startServer({ root: DIST });
  const context = await browser.newContext({
    viewport: TABLET,
    locale: 'de-DE',
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  });
  try {
    await context.addInitScript(() => Object.defineProperty(navigator, 'maxTouchPoints', { get: () => 5 }));
    const page = await context.newPage();
    await gotoApp(page, server.url, '/daten');
    await expectText(page.locator('[data-testid=ipad-hint]'), /Safari löscht alle Daten einer Website, die sieben Tage lang nicht geöffnet wurde/);
    await checkA11y(page, 'data page with the iPad hint');
  } finally {
    await context.close();
    await server.close();
  }
});

test('over plain http the app works without a service worker and says offline use is unavailable', { timeout: 60_000 }, async () => {
  const server = await startServer({ root: DIST });
  const port = new URL(server.url).port;
  // A host name that is not localhost: Chromium treats it as an insecure origin.
  const insecure = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP kontaktnetz.intranet 127.0.0.1'],
  });
  try {
    const url = `http://kontaktnetz.intranet:${port}/vertrieb/kontaktnetz/`;
    const { context, page, problems } = await newAppPage(insecure, url);
    acceptDialogs(page);
    await gotoApp(page, url, '/');
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
    await expectText(page.locator('[data-testid=offline-unavailable]'), /Offline-Nutzung ist hier nicht verfügbar: .*unverschlüsselte Verbindung \(http\)/);
    await checkA11y(page, 'start page over http');
    await loadSampleData(page);
    await reloadApp(page);
    assert.ok(Number((await groupCount(page)).replace('.', '')) > 100, 'the book is kept');
    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=offline-unavailable]'), /Offline-Nutzung ist hier nicht verfügbar/);
    assertNoProblems(problems);
    await context.close();
  } finally {
    await insecure.close();
    await server.close();
  }
});

test('the strict CSP has no inline script, and the manifest and icons make the app installable', { timeout: 60_000 }, async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  // Minified: attribute order and quotes are trunk's.
  const csp = html.match(/<meta content="([^"]+)" http-equiv=Content-Security-Policy>/)[1];
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
  assert.match(csp, /worker-src 'self'/);
  assert.match(csp, /manifest-src 'self'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  // Server settings for the intranet: types IIS and Apache may not know, caching by name.
  const iis = await readFile(join(DIST, 'web.config'), 'utf8');
  assert.match(iis, /<mimeMap fileExtension=".wasm" mimeType="application\/wasm" \/>/);
  assert.match(iis, /<mimeMap fileExtension=".webmanifest" mimeType="application\/manifest\+json" \/>/);
  assert.match(iis, /<staticContent>\s*<remove[\s\S]*<clientCache cacheControlMode="DisableCache" \/>/, 'nothing else cached');
  const wasm = (await readdir(DIST)).find((f) => f.endsWith('.wasm'));
  assert.match(iis, new RegExp(`<location path="${wasm}">.*cacheControlMaxAge="365.00:00:00"`), 'the wasm kept a year');
  assert.doesNotMatch(iis, /<location path="(index\.html|sw\.js)">/);
  const apache = await readFile(join(DIST, '.htaccess'), 'utf8');
  assert.match(apache, /AddType application\/wasm \.wasm/);
  assert.match(apache, /AddType application\/manifest\+json \.webmanifest/);

  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.lang, 'de');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  const pngSize = (buffer) => `${buffer.readUInt32BE(16)}x${buffer.readUInt32BE(20)}`;
  for (const icon of manifest.icons) {
    const png = await readFile(join(DIST, icon.src));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
    assert.equal(pngSize(png), icon.sizes, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  assert.ok(manifest.icons.some((i) => i.purpose === 'any' && i.sizes === '192x192'));
  assert.match(html, /<link href=icons\/apple-touch-icon.png rel=apple-touch-icon>/);
  assert.equal(pngSize(await readFile(join(DIST, 'icons/apple-touch-icon.png'))), '180x180');

  // Chromium's own check needs a persistent profile.
  const server = await startServer({ root: DIST });
  const profile = await mkdtemp(join(tmpdir(), 'kontaktnetz-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    viewport: TABLET,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await gotoApp(page, server.url, '/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], JSON.stringify(installabilityErrors));
    const { url: manifestUrl, errors } = await cdp.send('Page.getAppManifest');
    assert.equal(manifestUrl, server.url + 'manifest.webmanifest');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

/** The files of the stand-in backup folder (in the origin's private file system) by name. */
const backupFolder = (page) =>
  page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sicherungen', { create: true });
    const files = {};
    for await (const [name, handle] of dir.entries()) files[name] = await (await handle.getFile()).text();
    return files;
  });

test('a chosen backup folder gets a dated export after changes, at most once a day, keeping the last 10', { timeout: 90_000 }, async () => {
  await offlineSession(async ({ page, context, url }) => {
    // The folder picker needs a person; a folder of the origin's private file system stands in.
    await context.addInitScript(() => {
      window.showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('sicherungen', { create: true });
    });
    acceptDialogs(page);
    await openApp(page, url);
    await page.evaluate(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sicherungen', { create: true });
      const put = async (name, text) => {
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      };
      for (let day = 1; day <= 12; day++) await put(`kontaktnetz-2026-01-${String(day).padStart(2, '0')}.json`, '{}');
      await put('notizen.txt', 'nicht von Kontaktnetz');
    });
    await loadSampleData(page);
    await navigate(page, '/daten');
    const box = page.locator('[data-testid=backup-folder]');
    await expectText(box.locator('[data-testid=folder-last]'), 'Noch keine Sicherung in den Ordner.');
    await box.getByRole('button', { name: 'Sicherungsordner wählen' }).click();
    await expectText(page.locator('.toast span').first(), /^Sicherung gespeichert: kontaktnetz-\d{4}-\d\d-\d\d\.json im Ordner „sicherungen“$/);
    await expectText(box.locator('[data-testid=folder-name]'), 'Sicherungsordner: „sicherungen“');
    await expectText(box.locator('[data-testid=folder-last]'), /^Letzte Sicherung in den Ordner: \d\d\.\d\d\.\d{4}$/);
    await expectText(page.locator('[data-testid=safety-export]'), /^Letzter Export: /);
    await checkA11y(page, 'data page with the backup folder');

    let files = await backupFolder(page);
    const today = Object.keys(files).find((f) => !f.startsWith('kontaktnetz-2026-01-') && f.endsWith('.json'));
    assert.ok(today, `today's backup among ${Object.keys(files)}`);
    assert.ok(JSON.parse(files[today]).book.groups.length > 100);
    const dated = Object.keys(files).filter((f) => /^kontaktnetz-\d{4}-\d\d-\d\d\.json$/.test(f)).sort();
    assert.equal(dated.length, 10, `the last 10 kept: ${dated}`);
    assert.equal(dated[0], 'kontaktnetz-2026-01-04.json', 'the three oldest are gone');
    assert.equal(files['notizen.txt'], 'nicht von Kontaktnetz', 'other files stay');

    // A change the same day: no second backup.
    const group = await firstGroupId(page);
    const rename = async (name) => {
      const revision = await storedRevision(page);
      await navigate(page, `/verbuende/${group}/bearbeiten`);
      await page.getByLabel('Name des Verbunds').fill(name);
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await waitForSave(page, revision);
    };
    await rename('Umbenannt am selben Tag');
    await page.waitForTimeout(500);
    files = await backupFolder(page);
    assert.doesNotMatch(files[today], /Umbenannt am selben Tag/);

    // The next day (the last folder backup moved back a day), the change goes into the folder at start.
    const device = (await appStorage(page))['kontaktnetz.device'];
    await setDatabase(page, { 'kontaktnetz.device': device.replace(/folder=[\d-]+/, 'folder=2026-01-12') });
    await reloadApp(page);
    await eventually(async () => assert.match((await backupFolder(page))[today], /Umbenannt am selben Tag/));
  });
});

test('a backup folder whose permission the browser forgot asks again with one tap, and can be given up', { timeout: 60_000 }, async () => {
  await offlineSession(async ({ page, context, url }) => {
    // As after a browser restart: the folder is known, but writing needs the advisor's tap again.
    await context.addInitScript(() => {
      window.showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('sicherungen', { create: true });
      let granted = false;
      const proto = Object.getPrototypeOf(FileSystemDirectoryHandle.prototype);
      proto.queryPermission = async () => (granted ? 'granted' : 'prompt');
      proto.requestPermission = async () => {
        granted = true;
        return 'granted';
      };
    });
    acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/daten');
    const box = page.locator('[data-testid=backup-folder]');
    await box.getByRole('button', { name: 'Sicherungsordner wählen' }).click();
    await expectText(box.locator('[data-testid=folder-name]'), 'Sicherungsordner: „sicherungen“');
    await expectText(box, /Der Browser braucht Ihre Erlaubnis, wieder in den Ordner zu schreiben\./);
    assert.deepEqual(Object.keys(await backupFolder(page)), [], 'nothing written without permission');

    await box.getByRole('button', { name: 'Schreiben in den Ordner erlauben' }).click();
    await expectText(page.locator('.toast span').first(), /^Sicherung gespeichert: kontaktnetz-\d{4}-\d\d-\d\d\.json im Ordner „sicherungen“$/);
    assert.equal(Object.keys(await backupFolder(page)).length, 1);
    await expectCount(box.getByRole('button', { name: 'Schreiben in den Ordner erlauben' }), 0);

    await box.getByRole('button', { name: 'Ordner nicht mehr verwenden' }).click();
    await expectCount(box.locator('[data-testid=folder-name]'), 0);
    await reloadApp(page);
    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=backup-folder]'), /Sicherungsordner wählen/);
    await expectCount(page.locator('[data-testid=folder-name]'), 0);
  });
});
