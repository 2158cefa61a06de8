// Browser storage: IndexedDB, and localStorage where IndexedDB cannot be opened. Unreadable
// data is quarantined and never overwritten, a full storage loses nothing, a save cut off at
// any write opens as before or after, two tabs see each other's edits, the meter tells the
// truth, and data an earlier version kept in localStorage moves over once.

/** Makes IndexedDB refuse to open, as some private modes do: the app falls back. */
async function withoutIndexedDb(page) {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('Nicht verfügbar (Test)', 'InvalidStateError');
    };
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearStorage, downloadText, dumpDatabase, dumpStorage, setDatabase, setStorage } from './harness.mjs';
import {
  acceptDialogs,
  appStorage,
  chunkKeys,
  createGroup,
  expectCount,
  expectText,
  expectUnclipped,
  exportDoc,
  heading,
  importByMerge,
  jsonFile,
  loadSampleData,
  localAppStorage,
  META,
  navigate,
  openApp,
  randomText,
  reloadApp,
  settle,
  smallBook,
  storedRevision,
  useApp,
  waitForHash,
  waitForSave,
} from './app.mjs';

const { session } = useApp();

const corruptions = [
  {
    what: 'a chunk that is not base64',
    damage: (stored) => {
      const [key] = chunkKeys(stored, 'group');
      return { entries: { [key]: 'z1:!!!' }, expect: new RegExp(`${key.replace('kontaktnetz.', '')}: Base64 beschädigt`) };
    },
  },
  {
    what: 'a meta entry from a newer schema',
    damage: (stored) => {
      const meta = { ...JSON.parse(stored[META]), schema: 99 };
      return { entries: { [META]: JSON.stringify(meta) }, expect: /neueren Kontaktnetz-Version \(Datenversion 99/ };
    },
  },
];

const engines = [
  {
    where: 'IndexedDB',
    seed: async (page, damage) => {
      await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
      const { entries, expect } = damage(await appStorage(page));
      await setDatabase(page, entries);
      return expect;
    },
    dump: async (page) => (await dumpDatabase(page)).entries,
  },
  {
    // Unreadable data an earlier version left in localStorage is not moved, and stays put.
    where: 'localStorage of an earlier version',
    seed: async (page, damage) => {
      const fixture = JSON.parse(await readFixture('storage-4.json'));
      const { entries, expect } = damage(fixture);
      await clearStorage(page);
      await setStorage(page, { ...fixture, ...entries });
      return expect;
    },
    dump: (page) => dumpStorage(page),
  },
];

async function readFixture(name) {
  const fs = await import('node:fs/promises');
  return fs.readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

for (const { what, damage } of corruptions) {
  for (const { where, seed, dump } of engines) {
    test(`unreadable stored data (${what}, ${where}) is quarantined, untouched, and can be set aside`, { timeout: 40_000 }, async () => {
      await session(async ({ page, url }) => {
        const dialogs = acceptDialogs(page);
        await openApp(page, url, '/');
        const expect = await seed(page, damage);
        const before = await dump(page);
        const own = Object.fromEntries(Object.entries(before).filter(([k]) => k.startsWith('kontaktnetz.')));

        await reloadApp(page);
        const quarantine = page.locator('[data-testid=quarantine]');
        await expectText(quarantine.locator('h1'), 'Gespeicherte Daten sind nicht lesbar');
        await expectText(quarantine.locator('[role=alert]'), expect);
        await settle(page);
        assert.deepEqual(await dump(page), before, 'storage changed on opening');
        await reloadApp(page);
        await expectText(quarantine.locator('[role=alert]'), expect);
        await settle(page);
        assert.deepEqual(await dump(page), before, 'storage changed on the second opening');
        // The rest of the app is not reachable over the unreadable data.
        await navigate(page, '/verbuende');
        await quarantine.waitFor();

        const raw = await downloadText(page, () => page.getByRole('button', { name: 'Rohdaten herunterladen' }).click());
        assert.match(raw.filename, /^kontaktnetz-rohdaten-\d{4}-\d{2}-\d{2}\.json$/);
        assert.deepEqual(JSON.parse(raw.text), own);

        await page.getByRole('button', { name: 'Beiseitelegen und leer beginnen' }).click();
        // The app reloads itself, still on the list route, now empty.
        await quarantine.waitFor({ state: 'detached' });
        await expectText(page.locator('[data-testid=result-count]'), '0 Verbünde');
        await navigate(page, '/');
        await page.locator('[data-testid=load-sample]').waitFor();
        assert.match(dialogs.at(-1), /als Kopie beiseitegelegt/);
        const after = await appStorage(page);
        const kept = Object.keys(after).filter((k) => k.startsWith('kontaktnetz.quarantine.'));
        assert.equal(kept.length, 1, `quarantine keys: ${kept}`);
        const backups = (k) => k.startsWith('kontaktnetz.backup');
        assert.deepEqual(JSON.parse(after[kept[0]]), Object.fromEntries(Object.entries(own).filter(([k]) => !backups(k))));
        assert.deepEqual(chunkKeys(after, '(group|customer|person|colleague)'), [], 'old chunks are still there');
        assert.deepEqual(await localAppStorage(page), {}, 'localStorage keeps nothing once the app runs on IndexedDB');

        // An empty app that works: a new group is kept across a reload, next to the quarantine.
        const group = await createGroup(page, { name: 'Neuanfang KG' });
        await reloadApp(page);
        await navigate(page, `/verbuende/${group}`);
        await expectText(heading(page), 'Neuanfang KG');
        assert.equal((await appStorage(page))[kept[0]], after[kept[0]]);
      });
    });
  }
}

/** A failed save is reported with the edit kept on screen, and saved by "Erneut speichern". */
async function fullStorageFlow(page, { fill, free, stored }) {
  await loadSampleData(page);
  await navigate(page, '/verbuende');
  await page.locator('[data-testid=group-list] a.row').first().click();
  const group = (await waitForHash(page, /^#\/verbuende\/[^/]+$/)).split('/')[2];
  await fill();

  const before = await stored();
  const notes = randomText(20_000);
  await navigate(page, `/verbuende/${group}/bearbeiten`);
  await page.getByLabel('Notizen').fill(notes);
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await waitForHash(page, new RegExp(`^#/verbuende/${group}$`));

  const alert = page.locator('[data-testid=save-error]');
  await expectText(
    alert.locator('p'),
    'Der Browser-Speicher ist voll. Die letzte Änderung ist NICHT gespeichert. Bitte exportieren Sie die Daten als Datei und löschen Sie alte Sicherungen.',
  );
  assert.equal(await alert.getAttribute('role'), 'alert');
  await settle(page);
  assert.deepEqual(await stored(), before, 'stored data changed although the save failed');
  await expectText(page.locator('p.notes'), notes);

  await free();
  const revision = await storedRevision(page);
  await alert.getByRole('button', { name: 'Erneut speichern' }).click();
  await alert.waitFor({ state: 'detached' });
  await waitForSave(page, revision);

  await reloadApp(page);
  await expectText(page.locator('p.notes'), notes);
  assert.equal(await alert.count(), 0);
}

test('a save that does not fit into IndexedDB is reported, kept on screen and saved again later', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    // A full disk, as the browser reports it: every write refused with a quota error.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__storageFull) throw new DOMException('Kein Platz (Test)', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openApp(page, url, '/');
    await fullStorageFlow(page, {
      fill: () => page.evaluate(() => { window.__storageFull = true; }),
      free: () => page.evaluate(() => { window.__storageFull = false; }),
      stored: async () => dumpDatabase(page),
    });
  });
});

test('where IndexedDB cannot be opened, the book is kept in localStorage, with a notice of the smaller room', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await withoutIndexedDb(page);
    await openApp(page, url, '/');
    for (const hash of ['/', '/daten']) {
      await navigate(page, hash);
      await expectText(page.locator('[data-testid=fallback-notice]'), /^Dieser Browser lässt hier keine Datenbank \(IndexedDB\) zu/);
      await expectUnclipped(page.locator('[data-testid=fallback-notice]'));
    }
    // Leave 2,000 characters of room: found by trying, as quotas differ between browsers.
    await fullStorageFlow(page, {
      fill: async () => {
        const room = await page.evaluate(() => {
          const key = 'e2e.filler';
          const fits = (n) => {
            try {
              localStorage.setItem(key, 'x'.repeat(n));
              return true;
            } catch {
              return false;
            }
          };
          let lo = 0;
          let hi = 12_000_000;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (fits(mid)) lo = mid;
            else hi = mid - 1;
          }
          localStorage.setItem(key, 'x'.repeat(lo - 2_000));
          return lo;
        });
        assert.ok(room > 1_000_000, `only ${room} characters fitted`);
      },
      free: () => page.evaluate(() => localStorage.removeItem('e2e.filler')),
      stored: () => localAppStorage(page),
    });
    assert.ok((await localAppStorage(page))[META], 'the book is in localStorage');
  });
});

test('an edit in one tab shows in the other without reload, and both edits are kept', { timeout: 40_000 }, async () => {
  await session(async ({ page: a, url, newTab }) => {
    await openApp(a, url, '/');
    await importByMerge(a, jsonFile('klein.json', exportDoc(smallBook())));
    const b = await newTab();
    await openApp(b, url, '/verbuende');
    const titles = (page) => page.locator('[data-testid=group-list] .title');
    await expectCount(titles(b), 2);

    const rename = async (page, id, name) => {
      const revision = await storedRevision(page);
      await navigate(page, `/verbuende/${id}/bearbeiten`);
      await page.getByLabel('Name des Verbunds').fill(name);
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await expectText(heading(page), name);
      await waitForSave(page, revision);
    };

    await rename(a, 'g-baecker', 'Bäckerei Korn Filiale Nord');
    await expectText(titles(b).first(), 'Bäckerei Korn Filiale Nord');
    await expectText(b.locator('.toast span').first(), 'Änderungen aus einem anderen Tab wurden übernommen.');

    await rename(b, 'g-stadt', 'Stadtwerke Ahlen GmbH');
    const both = ['Bäckerei Korn Filiale Nord', 'Stadtwerke Ahlen GmbH'];
    // Tab A picks up B's edit as well, and keeps its own.
    await navigate(a, '/verbuende');
    await expectText(titles(a).last(), 'Stadtwerke Ahlen GmbH');
    assert.deepEqual(await titles(a).allInnerTexts(), both);

    for (const page of [a, b]) {
      await reloadApp(page);
      await navigate(page, '/verbuende');
      await expectCount(titles(page), 2);
      assert.deepEqual(await titles(page).allInnerTexts(), both);
    }
  });
});

test('the storage meter shows what the browser reports for IndexedDB, German-formatted', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    for (const hash of ['/', '/daten']) {
      await navigate(page, hash);
      const meter = page.locator('[data-testid=usage]');
      const text = await expectText(meter.locator('p').first(), /^Belegt: \d{1,3}(\.\d{3})*,\d MB von \d{1,3}(\.\d{3})*,\d MB \(\d+ %\)$/);
      const { usage, quota } = await page.evaluate(() => navigator.storage.estimate());
      const [, shown, limit] = text.match(/^Belegt: ([\d.,]+) MB von ([\d.,]+) MB/);
      const mb = (s) => Number(s.replace(/\./g, '').replace(',', '.'));
      assert.ok(Math.abs(mb(shown) - usage / 1e6) < 1, `${hash}: meter ${shown} MB, browser ${usage} bytes`);
      assert.ok(Math.abs(mb(limit) - quota / 1e6) < 1, `${hash}: limit ${limit} MB, browser ${quota} bytes`);
      assert.equal(await meter.getByRole('meter').getAttribute('aria-valuenow'), String(Math.floor((usage * 100) / quota)));
      assert.equal(await page.locator('[data-testid=fallback-notice]').count(), 0);
      await expectUnclipped(meter.locator('p').first());
    }
  });
});

test('in the localStorage fallback, the meter shows the characters in use against Safari\'s limit', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await withoutIndexedDb(page);
    await openApp(page, url, '/');
    await loadSampleData(page);
    for (const hash of ['/', '/daten']) {
      await navigate(page, hash);
      const meter = page.locator('[data-testid=usage]');
      const text = await expectText(meter.locator('p').first(), /^Belegt: \d{1,3}(\.\d{3})+ von 2\.600\.000 Zeichen \(\d+ %\)$/);
      const [, shown, percent] = text.match(/^Belegt: ([\d.]+) von .* \((\d+) %\)$/);
      const stored = Object.entries(await localAppStorage(page)).reduce((n, [k, v]) => n + k.length + v.length, 0);
      assert.equal(Number(shown.replace(/\./g, '')), stored, `${hash}: meter ${shown}, storage ${stored}`);
      assert.equal(Number(percent), Math.floor((stored * 100) / 2_600_000));
      assert.equal(await meter.getByRole('meter').getAttribute('aria-valuenow'), percent);
      await expectUnclipped(meter.locator('p').first());
    }
  });
});

test('the team book for load tests has 10,000 customers and survives a reload; in IndexedDB the meter stays calm', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/daten');
    assert.equal(await page.getByTestId('load-team').count(), 0, 'not offered to advisors');
    await navigate(page, '/daten?lasttest');
    const revision = await storedRevision(page);
    await page.getByTestId('load-team').click();
    await expectText(page.locator('.toast span').first(), /^Beispieldaten geladen: [\d.]+ Verbünde, 10\.0\d\d Kunden, [\d.]+ Ansprechpartner\.$/, { timeout: 30_000 });
    await waitForSave(page, revision);

    await reloadApp(page);
    await navigate(page, '/');
    const customers = await page.locator('[data-testid=stats] .stat').nth(1).locator('dd').innerText();
    assert.match(customers, /^10\.0\d\d$/);
    const meter = page.locator('[data-testid=usage]');
    assert.match(await meter.getAttribute('class'), /meter-fine/);
    assert.equal(await meter.locator('.advice').count(), 0);
    assert.equal(await page.locator('[data-testid=fallback-notice]').count(), 0);
  });
});

test('in the localStorage fallback the team book nearly fills the storage, and the meter says so', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await withoutIndexedDb(page);
    await openApp(page, url, '/daten?lasttest');
    const revision = await storedRevision(page);
    await page.getByTestId('load-team').click();
    await expectText(page.locator('.toast span').first(), /^Beispieldaten geladen: /, { timeout: 30_000 });
    await waitForSave(page, revision);
    await reloadApp(page);
    await navigate(page, '/');
    // Ten advisors with four months of contacts: about 2,3 M of 2,6 M characters, past 85 %,
    // so the meter says the storage is nearly full and asks for an export.
    const meter = page.locator('[data-testid=usage]');
    const percent = Number(await meter.getByRole('meter').getAttribute('aria-valuenow'));
    assert.ok(percent >= 85 && percent < 100, `${percent} %`);
    const advice = meter.locator('.advice[role=alert]');
    await expectText(advice, /^Der Speicher ist fast voll\. Bitte jetzt exportieren/);
    await expectUnclipped(advice);
    assert.match(await meter.getAttribute('class'), /meter-critical/);
  });
});

// Each fixture holds older backups (one; two in schema 4; three in schema 5; four in schema
// 6); one more is made before the move.
for (const { from, groups, castings, revision, due, label, backupCount } of [
  { from: 1, groups: 2, castings: 0, revision: 13, due: '2', label: 'Vor der Umstellung von Datenversion 1 auf 6', backupCount: 2 },
  { from: 2, groups: 3, castings: 4, revision: 3, due: '0', label: 'Vor der Umstellung von Datenversion 2 auf 6', backupCount: 2 },
  { from: 3, groups: 3, castings: 4, revision: 2, due: '0', label: 'Vor der Umstellung von Datenversion 3 auf 6', backupCount: 2 },
  { from: 4, groups: 3, castings: 4, revision: 4, due: '0', label: 'Vor der Umstellung von Datenversion 4 auf 6', backupCount: 3 },
  { from: 5, groups: 3, castings: 4, revision: 6, due: '0', label: 'Vor der Umstellung von Datenversion 5 auf 6', backupCount: 4 },
  { from: 6, groups: 3, castings: 4, revision: 8, due: '0', label: 'Vor dem Umzug in die IndexedDB-Datenbank', backupCount: 5 },
]) {
  test(`data an earlier version kept in localStorage (schema ${from}) moves into IndexedDB as schema 6, with the old data kept as a backup`, { timeout: 40_000 }, async () => {
    const fixture = JSON.parse(
      await import('node:fs/promises').then((fs) =>
        fs.readFile(new URL(`../fixtures/storage-${from}.json`, import.meta.url), 'utf8'),
      ),
    );
    await session(async ({ page, url }) => {
      await openApp(page, url, '/');
      await clearStorage(page);
      await setStorage(page, fixture);
      await reloadApp(page);
      await navigate(page, '/verbuende');
      await expectText(page.locator('[data-testid=result-count]'), `${groups} Verbünde`);
      await expectCount(page.locator('[data-testid=group-list] .badge.class-none'), castings ? 0 : groups);

      const stored = await appStorage(page);
      const meta = JSON.parse(stored[META]);
      assert.equal(meta.schema, 6);
      assert.equal(meta.revision, revision);
      assert.match(stored['kontaktnetz.settings'], /^z1:/, 'settings are stored deflated since schema 2');
      for (const [key, value] of Object.entries(stored)) assert.match(key + value, /^[\x20-\x7e]*$/, `${key} is ASCII`);
      assert.deepEqual(await localAppStorage(page), {}, 'moved, so localStorage is cleared');

      await navigate(page, '/daten');
      const backups = page.locator('[data-testid=backups] > li');
      await expectCount(backups, backupCount);
      await expectCount(backups.locator('.title', { hasText: label }), 1);

      // The upgraded book casts and records contacts like any other.
      await navigate(page, '/casting');
      await expectText(page.locator('[data-testid=count-due]'), due);
      await navigate(page, '/erinnerung');
      await expectText(heading(page), 'Kontakt-Erinnerung');
    });
  });
}

/**
 * Deletes a group through the UI while the engine stops persisting after `writes` writes, as
 * when the tab is killed or the device switches off mid-save; then starts again. Returns what
 * the next start shows: the number of groups, or 'quarantine'.
 */
async function cutDelete({ local, writes }) {
  let outcome;
  await session(async ({ page, url }) => {
    if (local) await withoutIndexedDb(page);
    await page.addInitScript(([local]) => {
      window.__cut = (n) => {
        window.__left = n;
      };
      const persists = () => window.__left === undefined || window.__left-- > 0;
      if (local) {
        // A key write past the cut never reaches storage; nor does anything after it.
        for (const name of ['setItem', 'removeItem']) {
          const original = Storage.prototype[name];
          Storage.prototype[name] = function (...args) {
            if (persists()) return original.apply(this, args);
          };
        }
      } else {
        // A transaction cut off before it commits: the browser rolls it back as a whole.
        for (const name of ['put', 'delete']) {
          const original = IDBObjectStore.prototype[name];
          IDBObjectStore.prototype[name] = function (...args) {
            if (this.transaction.mode === 'readwrite' && !persists()) {
              try {
                this.transaction.abort();
              } catch {
                // already over
              }
              throw new DOMException('Abgebrochen (Test)', 'AbortError');
            }
            return original.apply(this, args);
          };
        }
      }
    }, [local]);
    acceptDialogs(page);
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    await navigate(page, '/verbuende/g-baecker');
    await expectText(heading(page), /Bäckerei/);
    await page.evaluate((n) => window.__cut(n), writes);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await settle(page);
    // The next start, with storage as the cut left it.
    await page.evaluate(() => { window.__left = undefined; });
    await page.addInitScript(() => { window.__left = undefined; });
    await reloadApp(page);
    await navigate(page, '/verbuende');
    if (await page.locator('[data-testid=quarantine]').count()) {
      outcome = 'quarantine';
      return;
    }
    const count = await expectText(page.locator('[data-testid=result-count]'), /^\d Verb(und|ünde)$/);
    outcome = Number(count[0]);
    // After, the group's customer went with it; before, both are there.
    await navigate(page, '/');
    await expectText(page.locator('[data-testid=stats] .stat').nth(1).locator('dd'), String(outcome));
  });
  return outcome;
}

for (const local of [false, true]) {
  test(`deleting a group, cut off after any write (${local ? 'localStorage' : 'IndexedDB'}), opens as before or after`, { timeout: 240_000 }, async () => {
    const outcomes = [];
    for (let writes = 0; writes < 40; writes++) {
      const outcome = await cutDelete({ local, writes });
      outcomes.push(outcome);
      assert.ok(outcome === 2 || outcome === 1, `cut after ${writes} writes: ${outcome} (${outcomes})`);
      if (outcome === 1 && outcomes.filter((o) => o === 1).length > 1) break;
    }
    assert.equal(outcomes[0], 2, 'no write at all: as before');
    assert.equal(outcomes.at(-1), 1, 'every write: as after');
  });
}
