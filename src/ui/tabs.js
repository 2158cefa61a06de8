// Tabs of the app on one device. A save holds a Web Lock, so two tabs never interleave their
// saves (the store's guarded commit keeps that true where Web Locks are missing), and every
// save is announced on a BroadcastChannel, so other tabs merge it at once: IndexedDB has no
// `storage` event.

const NAME = 'kontaktnetz';
let channel = null;

export function listen(onSaved) {
  if (typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(NAME);
  channel.onmessage = () => onSaved();
}

export function announce() {
  channel?.postMessage('gespeichert');
}

// Resolves with the function that releases the lock.
export function lock() {
  if (!navigator.locks) return Promise.resolve(() => {});
  return new Promise((granted) => {
    navigator.locks.request(NAME, () => new Promise((release) => granted(release)));
  });
}
