// Tabs of the app on one device. Every storage step holds a Web Lock, so two tabs (and two
// steps of one tab) never interleave their saves (the store's guarded commit keeps that true where Web Locks are missing), and every
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

// Without Web Locks, this tab's own turns still queue here.
let queue = Promise.resolve();

// Resolves, in turn, with the function that releases the lock. Web Locks queue this tab's
// requests as well as other tabs'.
export function lock() {
  let release;
  const held = new Promise((done) => (release = done));
  if (navigator.locks) {
    return new Promise((granted) => navigator.locks.request(NAME, () => (granted(release), held)));
  }
  const turn = queue.then(() => release);
  queue = queue.then(() => held);
  return turn;
}
