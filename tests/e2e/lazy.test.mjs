// Pages loaded on first use (src/ui/pages/lazy.rs, scripts/split.mjs): the start page fetches
// only the start module; a page of a chunk fetches its chunk when first opened and takes the
// focus when it arrives; a chunk that cannot be fetched (offline, missing from the worker's
// cache) is said in German and the app keeps running; the next visit fetches it again. Prints how long a page of a chunk takes to open
// from a warm cache (a figure, not a gate).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, expectText, heading, loadSampleData, navigate, openApp, reloadApp, useApp } from './app.mjs';

const { session } = useApp();

const CHUNK = /\/split_(\w+)-[0-9a-f]{16}\.wasm$/;

/** The chunks (by name) the page has requested so far. */
function chunkRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const match = request.url().match(CHUNK);
    if (match) seen.push(match[1]);
  });
  return seen;
}

test('the start page needs no chunk; a page fetches its chunk on first use and takes the focus', async () => {
  await session(async ({ page, url }) => {
    const chunks = chunkRequests(page);
    await openApp(page, url);
    await expectText(heading(page), 'Übersicht');
    assert.deepEqual(chunks, [], 'the start page fetched no chunk');

    await page.locator('.mainnav a[href="#/auswertung"]').first().click();
    await expectText(heading(page), 'Auswertung');
    assert.deepEqual(chunks, ['reports'], 'the reports chunk, and only it');
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1'));

    // Pages of the same chunk need no further download.
    await navigate(page, '/auswertung/soll-ist');
    await expectText(heading(page), 'Soll/Ist');
    await navigate(page, '/planung');
    await expectText(heading(page), /Erfolgsplanung/);
    assert.deepEqual(chunks, ['reports']);
  });
});

test('a page of a chunk opens from a warm cache in a new tab (figure printed)', async () => {
  await session(async ({ page, url, newTab }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/auswertung');
    await expectText(heading(page), 'Auswertung');

    const tab = await newTab();
    await openApp(tab, url);
    const chunks = chunkRequests(tab);
    const ms = await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const start = performance.now();
          new MutationObserver((_, observer) => {
            if (document.querySelector('main h1')?.textContent === 'Auswertung') {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
          document.querySelector('.mainnav a[href="#/auswertung"]').click();
        }),
    );
    assert.deepEqual(chunks, ['reports'], 'the new tab loaded the chunk itself');
    console.log(`Seite aus einem Chunk (Auswertung, Beispieldaten), warmer Cache: ${ms.toFixed(0)} ms bis zur Überschrift`);
  });
});

test('a chunk that cannot be fetched is said in German, the app keeps running, and the next visit fetches it', async () => {
  await session(async ({ page, context, url, problems }) => {
    await openApp(page, url);
    // What happens offline when the worker's cache lacks the chunk (an update that did not
    // finish): the page is under the worker's control, the chunk leaves its cache, the network
    // goes.
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await reloadApp(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const removed = await page.evaluate(async (source) => {
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (new RegExp(source).test(request.url) && (await cache.delete(request))) n += 1;
        }
      }
      return n;
    }, CHUNK.source);
    assert.ok(removed > 0, 'the chunks were in the worker\'s cache');
    await context.setOffline(true);
    await navigate(page, '/auswertung');
    await expectText(heading(page), 'Seite nicht verfügbar');
    await expectText(page.locator('main [role=alert]'), /konnte nicht geladen werden.*Ihre Daten sind davon nicht betroffen/);
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1'));

    await navigate(page, '/');
    await expectText(heading(page), 'Übersicht');
    await context.setOffline(false);
    // The failed fetches are what this test causes; the browser reports them as errors.
    assert.ok(problems.length > 0 && problems.every((p) => /split_reports|ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/.test(p)), problems.join('\n'));
    problems.length = 0;
    await navigate(page, '/auswertung');
    await expectText(heading(page), 'Auswertung');
  });
});

test('every page of every chunk opens on a deep link (reload on any page)', async () => {
  await session(async ({ page, url, newTab }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/verbuende');
    const group = (await page.locator('[data-testid=group-list] a[href^="#/verbuende/"]').first().getAttribute('href')).slice(1);
    const routes = {
      '/verbuende': 'Kundenverbünde',
      [group]: /.+/,
      '/kollegen': /Kolleg/,
      '/daten': /Daten/,
      '/casting': /Casting/,
      '/casting/schemata': /Schema/,
      '/casting/kapazitaet': /Kapazität/,
      '/kontakte': /Kontakt/,
      '/erinnerung': /Erinnerung/,
      '/telefonaktion': /Telefonaktion/,
      '/auswertung': 'Auswertung',
    };
    for (const [hash, title] of Object.entries(routes)) {
      const tab = await newTab();
      await openApp(tab, url, hash);
      await expectText(heading(tab), title);
      assert.notEqual(await heading(tab).innerText(), 'Seite nicht verfügbar', hash);
      await tab.close();
    }
  });
});
