// Registers the service worker (sw.js) and reports to the app, through `window.kontaktnetzPwa`
// and the window event `kontaktnetz-pwa`, whether offline use is ready and whether a new
// version waits. The app (src/ui/pwa.rs) shows the notices; this never reloads on its own.
(() => {
  const pwa = { offline: 'starting', update: false, apply: () => location.reload() };
  window.kontaktnetzPwa = pwa;
  const tell = () => dispatchEvent(new Event('kontaktnetz-pwa'));
  if (!('serviceWorker' in navigator)) {
    // Plain http on an intranet host: browsers offer service workers only to https and localhost.
    pwa.offline = window.isSecureContext ? 'unsupported' : 'insecure';
    return;
  }
  let waiting = null;
  let reloadAsked = false;
  // Only the tab whose advisor tapped "neu laden" reloads; other tabs keep their input.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadAsked) location.reload();
  });
  pwa.apply = () => {
    reloadAsked = true;
    if (waiting && (waiting.state === 'installed' || waiting.state === 'activating')) {
      waiting.postMessage('skip-waiting');
    } else {
      location.reload();
    }
  };
  const offer = (worker) => {
    waiting = worker;
    pwa.update = true;
    tell();
  };
  const watch = (registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
    // Look for a new version when the network comes back and every hour while open.
    const check = () => registration.update().catch(() => {});
    addEventListener('online', check);
    setInterval(check, 60 * 60 * 1000);
  };
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then((registration) => {
      watch(registration);
      return navigator.serviceWorker.ready;
    })
    .then(() => {
      pwa.offline = 'ready';
      tell();
    })
    .catch((error) => {
      pwa.offline = 'failed';
      pwa.error = String(error);
      tell();
    });
})();
