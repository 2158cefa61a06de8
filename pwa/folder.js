// Automatic backups into a folder the advisor chose (File System Access API, Chromium on the
// desktop). A folder's handle can only be kept in IndexedDB: this keeps that one handle there,
// never the book. Used by src/ui/backup_folder.rs.
const DB = 'kontaktnetz-sicherungsordner';
const NAME = /^kontaktnetz-\d{4}-\d\d-\d\d\.json$/;

function handles(mode, action) {
  return new Promise((ok, fail) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('h');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('h', mode);
      const request = action(tx.objectStore('h'));
      tx.oncomplete = () => ok(request.result, db.close());
      tx.onerror = tx.onabort = () => fail(tx.error, db.close());
    };
  });
}

const folder = () => handles('readonly', (s) => s.get('folder'));

export const supported = () => window.isSecureContext && typeof window.showDirectoryPicker === 'function';

export async function choose() {
  const handle = await window.showDirectoryPicker({ id: 'kontaktnetz-sicherung', mode: 'readwrite' });
  await handles('readwrite', (s) => s.put(handle, 'folder'));
}

/** The chosen folder's name and whether writing is allowed now, or undefined. */
export async function current() {
  const handle = await folder();
  return handle && { name: handle.name, granted: (await handle.queryPermission({ mode: 'readwrite' })) === 'granted' };
}

/** Browsers forget the permission between visits; asking again needs a tap. */
export async function allow() {
  await (await folder())?.requestPermission({ mode: 'readwrite' });
}

export const forget = () => handles('readwrite', (s) => s.delete('folder'));

/** Writes one dated backup, then deletes the oldest beyond `keep`; other files stay. */
export async function write(name, text, keep) {
  const dir = await folder();
  const file = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await file.write(text);
  await file.close();
  const backups = [];
  for await (const [entry, handle] of dir.entries()) if (handle.kind === 'file' && NAME.test(entry)) backups.push(entry);
  for (const old of backups.sort().slice(0, -keep)) await dir.removeEntry(old);
}
