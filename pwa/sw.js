// Kontaktnetz service worker. Keeps every file of one build in one cache, so that the app opens
// and works without a network after one online visit. It answers only same-origin GET requests
// for the app's own files; everything else goes to the network untouched. The advisor's book
// lives in the page's storage and never passes through here.
//
// scripts/pwa.mjs fills in BUILD (a hash of the build's files) and FILES (every file of the
// build, relative to this script) after each `trunk build`.
const BUILD = '__BUILD__';
const FILES = __FILES__;

const SCOPE = new URL('./', self.location).href;
const INDEX = new URL('index.html', SCOPE).href;
// Per scope: two copies of the app under different paths of one host keep their own caches.
const PREFIX = `kontaktnetz ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const OWN = new Set(FILES.map((file) => new URL(file, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

/**
 * All or nothing: if any file is missing or fails, or index.html belongs to another build (a
 * deployment still in progress), the install fails. The browser then drops this version and
 * the running one keeps its complete cache. Each body is stored as soon as it arrives: the
 * browser allows only a few connections per host, and unread bodies would hold them.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      FILES.map(async (file) => {
        const response = await fetch(new URL(file, SCOPE), { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        await cache.put(new URL(file, SCOPE), response);
      }),
    );
    const index = await cache.match(INDEX);
    if (!(await index.text()).includes(`content="${BUILD}"`)) {
      throw new Error('index.html gehört zu einem anderen Build');
    }
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

// A new version waits until the advisor taps "Jetzt neu laden" (never in the middle of work).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  const page = url.origin + url.pathname;
  let key = null;
  if (request.mode === 'navigate' && (page === SCOPE || page === INDEX)) key = INDEX;
  else if (url.search === '' && OWN.has(page)) key = page;
  if (key === null) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit ?? fetch(request)),
  );
});
