// Browser storage: unreadable data is quarantined and never overwritten, a full storage loses
// nothing, two tabs see each other's edits, and the meter tells the truth.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadText, dumpStorage, setStorage } from './harness.mjs';
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
    what: 'a meta key from a newer schema',
    damage: (stored) => {
      const meta = { ...JSON.parse(stored[META]), schema: 99 };
      return { entries: { [META]: JSON.stringify(meta) }, expect: /neueren Kontaktnetz-Version \(Datenversion 99/ };
    },
  },
];

for (const { what, damage } of corruptions) {
  test(`unreadable stored data (${what}) is quarantined, untouched, and can be set aside`, { timeout: 40_000 }, async () => {
    await session(async ({ page, url }) => {
      const dialogs = acceptDialogs(page);
      await openApp(page, url, '/');
      await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
      const { entries, expect } = damage(await appStorage(page));
      await setStorage(page, entries);
      const before = await dumpStorage(page);

      await reloadApp(page);
      const quarantine = page.locator('[data-testid=quarantine]');
      await expectText(quarantine.locator('h1'), 'Gespeicherte Daten sind nicht lesbar');
      await expectText(quarantine.locator('[role=alert]'), expect);
      await settle(page);
      assert.deepEqual(await dumpStorage(page), before, 'storage changed on opening');
      await reloadApp(page);
      await expectText(quarantine.locator('[role=alert]'), expect);
      await settle(page);
      assert.deepEqual(await dumpStorage(page), before, 'storage changed on the second opening');
      // The rest of the app is not reachable over the unreadable data.
      await navigate(page, '/verbuende');
      await quarantine.waitFor();

      const raw = await downloadText(page, () => page.getByRole('button', { name: 'Rohdaten herunterladen' }).click());
      assert.match(raw.filename, /^kontaktnetz-rohdaten-\d{4}-\d{2}-\d{2}\.json$/);
      assert.deepEqual(JSON.parse(raw.text), await appStorage(page));

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
      assert.deepEqual(JSON.parse(after[kept[0]]), Object.fromEntries(
        Object.entries(before).filter(([k]) => k.startsWith('kontaktnetz.')),
      ));
      assert.deepEqual(chunkKeys(after, '(group|customer|person|colleague)'), [], 'old chunks are still there');

      // An empty app that works: a new group is kept across a reload, next to the quarantine.
      const group = await createGroup(page, { name: 'Neuanfang KG' });
      await reloadApp(page);
      await navigate(page, `/verbuende/${group}`);
      await expectText(heading(page), 'Neuanfang KG');
      assert.equal((await appStorage(page))[kept[0]], after[kept[0]]);
    });
  });
}

test('a save that does not fit is reported, kept on screen and saved again later', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    await navigate(page, '/verbuende');
    await page.locator('[data-testid=group-list] a.row').first().click();
    const group = (await waitForHash(page, /^#\/verbuende\/[^/]+$/)).split('/')[2];

    // Leave 2,000 characters of room: found by trying, as quotas differ between browsers.
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

    const before = await appStorage(page);
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
    assert.deepEqual(await appStorage(page), before, 'stored chunks changed although the save failed');
    await expectText(page.locator('p.notes'), notes);

    await page.evaluate(() => localStorage.removeItem('e2e.filler'));
    const revision = await storedRevision(page);
    await alert.getByRole('button', { name: 'Erneut speichern' }).click();
    await alert.waitFor({ state: 'detached' });
    await waitForSave(page, revision);

    await reloadApp(page);
    await expectText(page.locator('p.notes'), notes);
    assert.equal(await alert.count(), 0);
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

test('the storage meter shows the characters in use, German-formatted', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    for (const hash of ['/', '/daten']) {
      await navigate(page, hash);
      const meter = page.locator('[data-testid=usage]');
      const text = await expectText(meter.locator('p').first(), /^Belegt: \d{1,3}(\.\d{3})+ von 2\.600\.000 Zeichen \(\d+ %\)$/);
      const [, shown, percent] = text.match(/^Belegt: ([\d.]+) von .* \((\d+) %\)$/);
      const stored = Object.entries(await appStorage(page)).reduce((n, [k, v]) => n + k.length + v.length, 0);
      assert.equal(Number(shown.replace(/\./g, '')), stored, `${hash}: meter ${shown}, storage ${stored}`);
      assert.equal(Number(percent), Math.floor((stored * 100) / 2_600_000));
      assert.equal(await meter.getByRole('meter').getAttribute('aria-valuenow'), percent);
      await expectUnclipped(meter.locator('p').first());
    }
  });
});

test('the team book for load tests has 10,000 customers, survives a reload, and the meter says it is nearly full', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/daten');
    assert.equal(await page.getByTestId('load-team').count(), 0, 'not offered to advisors');
    await navigate(page, '/daten?lasttest');
    await page.getByTestId('load-team').click();
    await expectText(page.locator('.toast span').first(), /^Beispieldaten geladen: [\d.]+ Verbünde, 10\.0\d\d Kunden, [\d.]+ Ansprechpartner\.$/, { timeout: 30_000 });

    await reloadApp(page);
    await navigate(page, '/');
    const customers = await page.locator('[data-testid=stats] .stat').nth(1).locator('dd').innerText();
    assert.match(customers, /^10\.0\d\d$/);

    // Ten advisors with four months of contacts: about 2,3 M of 2,6 M characters, past 85 %,
    // so the meter says the storage is nearly full and asks for an export.
    const meter = page.locator('[data-testid=usage]');
    const percent = Number(await meter.getByRole('meter').getAttribute('aria-valuenow'));
    assert.ok(percent >= 85 && percent < 100, `${percent} %`);
    await expectText(meter.locator('.advice'), /^Der Speicher ist fast voll\. Bitte jetzt exportieren/);
    await expectUnclipped(meter.locator('.advice'));
    assert.match(await meter.getAttribute('class'), /meter-critical/);
  });
});

for (const { from, groups, castings, revision, due } of [
  { from: 1, groups: 2, castings: 0, revision: 13, due: '2' },
  { from: 2, groups: 3, castings: 4, revision: 3, due: '0' },
  { from: 3, groups: 3, castings: 4, revision: 2, due: '0' },
]) {
  test(`stored data of schema ${from} opens upgraded to schema 4, with the old data kept as a backup`, { timeout: 40_000 }, async () => {
    const fixture = JSON.parse(
      await import('node:fs/promises').then((fs) =>
        fs.readFile(new URL(`../fixtures/storage-${from}.json`, import.meta.url), 'utf8'),
      ),
    );
    await session(async ({ page, url }) => {
      await openApp(page, url, '/');
      await setStorage(page, fixture);
      await reloadApp(page);
      await navigate(page, '/verbuende');
      await expectText(page.locator('[data-testid=result-count]'), `${groups} Verbünde`);
      await expectCount(page.locator('[data-testid=group-list] .badge.class-none'), castings ? 0 : groups);

      const stored = await appStorage(page);
      const meta = JSON.parse(stored[META]);
      assert.equal(meta.schema, 4);
      assert.equal(meta.revision, revision);
      assert.match(stored['kontaktnetz.settings'], /^z1:/, 'settings are stored deflated since schema 2');
      for (const [key, value] of Object.entries(stored)) assert.match(key + value, /^[\x20-\x7e]*$/, `${key} is ASCII`);

      await navigate(page, '/daten');
      const backups = page.locator('[data-testid=backups] > li');
      await expectCount(backups, 2);
      await expectCount(backups.locator('.title', { hasText: `Vor der Umstellung von Datenversion ${from} auf 4` }), 1);

      // The upgraded book casts and records contacts like any other.
      await navigate(page, '/casting');
      await expectText(page.locator('[data-testid=count-due]'), due);
      await navigate(page, '/erinnerung');
      await expectText(heading(page), 'Kontakt-Erinnerung');
    });
  });
}
