// Self-test of the harness on a throw-away page; needs Chromium but not the app build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNoProblems,
  checkA11y,
  gotoApp,
  launchBrowser,
  newAppPage,
  startServer,
} from './harness.mjs';

const page = (body, script) => `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Harness-Test</title></head>
<body><main><h1>Kontaktnetz</h1>${body}</main><script>${script}</script></body>
</html>`;

let dir, server, browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontaktnetz-smoke-'));
  await writeFile(join(dir, 'index.html'), page('<p>Bereit.</p>', 'document.body.dataset.appReady = "";'));
  await writeFile(
    join(dir, 'fetch.html'),
    page('', 'fetch("http://example.invalid/x").catch(() => {}); document.body.dataset.appReady = "";'),
  );
  await writeFile(join(dir, 'blank.html'), page('', ''));
  await writeFile(join(dir, 'app.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  [server, browser] = await Promise.all([startServer({ root: dir }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

test('serves only under the sub-path, without SPA fallback', { timeout: 10_000 }, async () => {
  const origin = new URL(server.url).origin;
  const status = async (path) => (await fetch(origin + path, { redirect: 'manual' })).status;

  const index = await fetch(server.url);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  assert.equal(index.headers.get('cache-control'), 'no-store');
  assert.equal((await fetch(server.url + 'app.wasm')).headers.get('content-type'), 'application/wasm');

  const redirect = await fetch(origin + '/vertrieb/kontaktnetz', { redirect: 'manual' });
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get('location'), '/vertrieb/kontaktnetz/');

  assert.equal(await status('/vertrieb/kontaktnetz/missing/deep'), 404);
  assert.equal(await status('/other/'), 404);
  assert.equal(await status('/index.html'), 404);
  assert.equal(await status('/vertrieb/kontaktnetz/..%2F..%2Fetc%2Fpasswd'), 404);
});

test('the page loads under the sub-path and passes axe', { timeout: 30_000 }, async () => {
  const { context, page, problems } = await newAppPage(browser, server.url);
  try {
    await gotoApp(page, server.url, '/kontakte');
    assert.equal(new URL(page.url()).pathname, '/vertrieb/kontaktnetz/');
    await checkA11y(page, 'smoke page');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a request to another origin is blocked and recorded', { timeout: 30_000 }, async () => {
  const { context, page, problems } = await newAppPage(browser, server.url);
  try {
    const blocked = page.waitForEvent('requestfailed', {
      predicate: (request) => request.url().startsWith('http://example.invalid/'),
      timeout: 10_000,
    });
    await gotoApp(page, server.url + 'fetch.html');
    await blocked;
    assert.ok(
      problems.some((p) => p.includes('request to another origin') && p.includes('example.invalid/x')),
      `problems: ${JSON.stringify(problems)}`,
    );
    assert.throws(() => assertNoProblems(problems), /example\.invalid/);
  } finally {
    await context.close();
  }
});

test('a page that never becomes ready fails with a clear message', { timeout: 30_000 }, async () => {
  const { context, page } = await newAppPage(browser, server.url);
  try {
    await assert.rejects(gotoApp(page, server.url + 'blank.html', '', { timeout: 1_000 }), /The app did not start/);
  } finally {
    await context.close();
  }
});
