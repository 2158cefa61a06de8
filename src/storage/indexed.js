// IndexedDB for the store: entries in one object store, backup documents in another (so
// opening the book never reads them), and every commit one readwrite transaction.

const DOCS = 'kontaktnetz.backup-doc.';
const META = 'kontaktnetz.meta';
const storeOf = (key) => (key.startsWith(DOCS) ? 'documents' : 'entries');
const done = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

// Some private modes refuse IndexedDB, and some Safari versions never answer the first open:
// either way the app must start, on localStorage.
function openDatabase(name, waitMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB antwortet nicht')), waitMs);
    const fail = (e) => {
      clearTimeout(timer);
      reject(e);
    };
    let request;
    try {
      request = indexedDB.open(name, 1);
    } catch (e) {
      fail(e);
      return;
    }
    request.onupgradeneeded = () => {
      request.result.createObjectStore('entries');
      request.result.createObjectStore('documents');
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      // A newer app version wants to upgrade the database: let it, this tab reloads later.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => fail(request.error);
    request.onblocked = () => fail(new Error('IndexedDB ist durch einen anderen Tab blockiert'));
  });
}

// Keys and values under a prefix, flattened: [key, value, key, value, ...].
async function readEntries(db, prefix) {
  const tx = db.transaction('entries', 'readonly');
  const store = tx.objectStore('entries');
  const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
  const [keys, values] = await Promise.all([done(store.getAllKeys(range)), done(store.getAll(range))]);
  const out = new Array(keys.length * 2);
  keys.forEach((key, i) => {
    out[2 * i] = key;
    out[2 * i + 1] = values[i];
  });
  return out;
}

// The book is read as soon as this module loads, while the wasm module is still being
// compiled: the app's first `open` and `readAll` take that result. A readonly transaction
// sees one consistent state; should another tab save meanwhile, the first save notices by
// the meta entry and merges. Any commit before the first read (the move from localStorage)
// drops the early result.
// The names indexed.rs and the store use.
const DATABASE = 'kontaktnetz';
const PREFIX = 'kontaktnetz.';
let early = null;
try {
  const db = openDatabase(DATABASE, 8000);
  early = { db, entries: db.then((d) => readEntries(d, PREFIX)) };
  // Failures reach the app through `open` and `readAll`; unclaimed they are not errors.
  early.entries.catch(() => {});
} catch {
  early = null;
}

export function open(name, waitMs) {
  if (early?.db && name === DATABASE) {
    const { db } = early;
    early = { entries: early.entries, db: null };
    return db;
  }
  return openDatabase(name, waitMs);
}

export async function readAll(db, prefix) {
  const claimed = early;
  early = null;
  // Only the database handed out above holds the early result.
  if (claimed && !claimed.db && prefix === PREFIX) {
    return claimed.entries;
  }
  return readEntries(db, prefix);
}

export function read(db, key) {
  const name = storeOf(key);
  return done(db.transaction(name, 'readonly').objectStore(name).get(key)).then((v) => v ?? null);
}

// Applies [key, value-or-null, ...] in one transaction. With `check`, only while the meta
// entry still holds `expected` (null: absent); resolves false when it did not.
export function commit(db, writes, check, expected) {
  early = null;
  return new Promise((resolve, reject) => {
    let tx;
    try {
      tx = db.transaction(['entries', 'documents'], 'readwrite', { durability: 'strict' });
    } catch (e) {
      reject(e);
      return;
    }
    let stale = false;
    tx.oncomplete = () => resolve(!stale);
    tx.onabort = () => (stale ? resolve(false) : reject(tx.error ?? new Error('Transaktion abgebrochen')));
    const apply = () => {
      try {
        for (let i = 0; i < writes.length; i += 2) {
          const [key, value] = [writes[i], writes[i + 1]];
          const store = tx.objectStore(storeOf(key));
          if (value === null || value === undefined) store.delete(key);
          else store.put(value, key);
        }
      } catch (e) {
        try {
          tx.abort();
        } catch {
          // already aborted
        }
        reject(e);
      }
    };
    if (!check) {
      apply();
      return;
    }
    const meta = tx.objectStore('entries').get(META);
    meta.onsuccess = () => {
      if ((meta.result ?? null) !== (expected ?? null)) {
        stale = true;
        tx.abort();
      } else apply();
    };
  });
}
