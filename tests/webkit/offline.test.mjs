// Offline in WebKitGTK: once the service worker (sw.js next to index.html) controls the page,
// the app starts again with the static server stopped, and the stored book is still there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, germanNumber, useWebKit } from './driver.mjs';

const app = useWebKit();

const firstStat = '[data-testid=stats] .stat dd';

/** What the browser knows about service workers and caches of this origin (for messages). */
const SW_STATE = `
  const done = arguments[arguments.length - 1];
  (async () => {
    const sw = navigator.serviceWorker;
    if (!sw) return done({ supported: false, secure: window.isSecureContext });
    const registrations = await sw.getRegistrations();
    const caches_ = window.caches ? await caches.keys() : null;
    let cached = 0;
    if (window.caches) for (const key of caches_) cached += (await (await caches.open(key)).keys()).length;
    done({
      supported: true,
      secure: window.isSecureContext,
      controller: sw.controller ? sw.controller.scriptURL : null,
      registrations: registrations.map((r) => ({
        scope: r.scope,
        active: r.active ? r.active.state : null,
        installing: !!r.installing,
        waiting: !!r.waiting,
      })),
      caches: caches_,
      cached,
    });
  })().catch((e) => done({ error: String(e && (e.stack || e)) }));`;

/** Resolves true once navigator.serviceWorker.ready resolves, false after `ms`. */
const SW_READY = `
  const done = arguments[arguments.length - 1];
  if (!navigator.serviceWorker) return done(false);
  const timer = setTimeout(() => done(false), arguments[0]);
  navigator.serviceWorker.ready.then(() => { clearTimeout(timer); done(true); }, () => done(false));`;

test('with the service worker in control, the app starts and shows the book with the server stopped', { timeout: 120_000 }, async () => {
  await app.open('/');
  await app.clearStorage();
  await app.reload();
  const revision = await app.storedRevision();
  await app.click('[data-testid=load-sample]');
  await app.find('[data-testid=stats]');
  await app.waitForSave(revision);
  const groups = germanNumber(await app.expectText(firstStat, /^\d[\d.]*$/));
  assert.ok(groups > 0, 'the sample book has groups');

  const state = () => app.driver.executeAsyncScript(SW_STATE);
  const initial = await state();
  assert.ok(initial.supported, `navigator.serviceWorker exists in WebKit here: ${JSON.stringify(initial)}`);

  const ready = await app.driver.executeAsyncScript(SW_READY, 15_000);
  assert.ok(ready, `navigator.serviceWorker.ready resolves within 15 s (no sw.js registered?): ${JSON.stringify(await state())}`);
  // Without clients.claim() the page that registered the worker stays uncontrolled: reload once.
  const controlled = () => app.script('return !!(navigator.serviceWorker && navigator.serviceWorker.controller);');
  if (!(await controlled())) {
    await eventually(async () => assert.ok(await controlled()), { timeout: 3_000 }).catch(() => app.reload());
  }
  await eventually(async () => assert.ok(await controlled()), { timeout: 10_000 }).catch(async () => {
    throw new Error(`no service worker controls the page: ${JSON.stringify(await state())}`);
  });
  const online = await state();
  console.log(`# WebKit service worker online: ${JSON.stringify(online)}`);

  // Gone for real: no server on that port, so only the service worker can answer.
  await app.server.close();
  await assert.rejects(fetch(app.url, { signal: AbortSignal.timeout(2_000) }), 'the static server is stopped');

  try {
    await app.reload({ what: 'the app (offline, from the service worker)' });
  } catch (error) {
    error.message += `\nService worker state before going offline: ${JSON.stringify(online)}`;
    throw error;
  }
  await app.find('[data-testid=stats]');
  assert.equal(germanNumber(await app.expectText(firstStat, /^\d[\d.]*$/)), groups, 'group count offline');
  await app.expectText('main h1', 'Übersicht');
  await app.assertNoProblems();
});
