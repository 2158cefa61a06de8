// Automatic backups into a folder the advisor chose once (File System Access API, offered by
// Chromium on the desktop). A folder's handle can only be kept in IndexedDB, so this module
// keeps exactly that one handle there; the book itself is never stored here.
const DB = 'kontaktnetz-sicherungsordner';
const STORE = 'handles';
const KEY = 'folder';
const BACKUP_NAME = /^kontaktnetz-\d{4}-\d\d-\d\d\.json$/;

function open() {
  return new Promise((ok, fail) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
}

async function handles(mode, action) {
  const db = await open();
  return new Promise((ok, fail) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      ok(request.result);
    };
    tx.onerror = tx.onabort = () => {
      db.close();
      fail(tx.error);
    };
  });
}

const folder = () => handles('readonly', (s) => s.get(KEY));

export function supported() {
  return window.isSecureContext && typeof window.showDirectoryPicker === 'function';
}

/** Lets the advisor pick the folder; returns its name. */
export async function choose() {
  const handle = await window.showDirectoryPicker({ id: 'kontaktnetz-sicherung', mode: 'readwrite' });
  await handles('readwrite', (s) => s.put(handle, KEY));
  return handle.name;
}

/** The chosen folder's name and whether writing is allowed now, or null. */
export async function current() {
  const handle = await folder();
  if (!handle) return null;
  const permission = await handle.queryPermission({ mode: 'readwrite' });
  return { name: handle.name, granted: permission === 'granted' };
}

/** Asks again for write access (browsers forget it between visits); needs a tap. */
export async function allow() {
  const handle = await folder();
  return handle ? (await handle.requestPermission({ mode: 'readwrite' })) === 'granted' : false;
}

export async function forget() {
  await handles('readwrite', (s) => s.delete(KEY));
}

/** Writes one dated backup file, then deletes the oldest beyond `keep`. */
export async function write(name, text, keep) {
  const handle = await folder();
  if (!handle) throw new Error('kein Ordner gewählt');
  const writable = await (await handle.getFileHandle(name, { create: true })).createWritable();
  await writable.write(text);
  await writable.close();
  const backups = [];
  for await (const [entry, kind] of handle.entries()) {
    if (kind.kind === 'file' && BACKUP_NAME.test(entry)) backups.push(entry);
  }
  backups.sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) await handle.removeEntry(old);
}
