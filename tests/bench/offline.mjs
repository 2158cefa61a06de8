// Offline figures of the release build, printed, never judged: Lighthouse 12 (mobile preset) on
// dist/ served with gzip, and the start to the first group-list row with Lighthouse's mobile
// CPU slowdown (4x): cold (network, throttled like Lighthouse's mobile preset) against warm
// (every file from the service worker's cache). Run by `bash scripts/bench.sh`.
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { launchBrowser, gotoApp } from '../e2e/harness.mjs';

const BASE = '/vertrieb/kontaktnetz/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json',
};
const ROUNDS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** dist/ under the sub-path, gzip-compressed like an intranet server would send it. */
async function gzipServer(root) {
  const dir = resolve(root);
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!path.startsWith(BASE)) return res.writeHead(404).end();
    const file = resolve(dir, path.slice(BASE.length) || 'index.html');
    if (!file.startsWith(dir + sep)) return res.writeHead(404).end();
    try {
      const body = gzipSync(await readFile(file));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Encoding': 'gzip',
        'Cache-Control': /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}${BASE}`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

async function lighthouse(url) {
  const out = await mkdtemp(join(tmpdir(), 'kontaktnetz-lh-'));
  try {
    await promisify(execFile)('.tools/lighthouse/node_modules/.bin/lighthouse', [
      url, '--quiet', '--output=json', `--output-path=${join(out, 'report.json')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    const score = (id) => Math.round(report.categories[id].score * 100);
    const audit = (id) => report.audits[id]?.displayValue ?? '–';
    console.log(`Lighthouse 12 (mobil): Performance ${score('performance')}, Barrierefreiheit ${score('accessibility')}, ` +
      `Best Practices ${score('best-practices')}, SEO ${score('seo')}`);
    console.log(`  FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}`);
    for (const [id, category] of Object.entries(report.categories)) {
      for (const ref of category.auditRefs) {
        const a = report.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${id}: ${a.id} ${a.score} – ${a.title}`);
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Navigation start to the first painted group-list row, in ms, per round. */
async function firstRow(page, url) {
  // From another document: a hash change alone would not load the app again.
  await page.goto('about:blank');
  await page.goto(url + '#/verbuende', { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid=group-list] li', { timeout: 60_000 });
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(performance.now()))));
}

async function startTimes(browser, url) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  await gotoApp(page, url, '/');
  await page.getByTestId('load-sample').click();
  await page.locator('[data-testid=stats]').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  // Cold: the service worker is bypassed and the network throttled like Lighthouse's mobile preset.
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  const cold = [];
  for (let i = 0; i < ROUNDS; i++) cold.push(await firstRow(page, url));

  // Warm: everything from the service worker's cache, the network cut off.
  await cdp.send('Network.setBypassServiceWorker', { bypass: false });
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const warm = [];
  for (let i = 0; i < ROUNDS; i++) warm.push(await firstRow(page, url));
  await context.close();
  console.log(`Start bis zur ersten Zeile der Verbundliste (Beispielbuch, CPU 4x langsamer, Median aus ${ROUNDS}):`);
  console.log(`  kalt, Netz wie Lighthouse mobil (150 ms, 1,6 Mbit/s): ${Math.round(median(cold))} ms`);
  console.log(`  warm, alles aus dem Cache des Service Workers, offline: ${Math.round(median(warm))} ms`);
}

const server = await gzipServer('dist');
const browser = await launchBrowser();
try {
  await lighthouse(server.url);
  await startTimes(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
