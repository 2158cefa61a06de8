// Export and import: a round trip that loses nothing, hostile and broken files that change
// nothing, imported text that stays text, and merge versus replace with backups.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearStorage, dumpAll, dumpDatabase, uploadFile } from './harness.mjs';
import {
  acceptDialogs,
  appStorage,
  expectCount,
  expectText,
  exportBook,
  exportDoc,
  heading,
  importByMerge,
  jsonFile,
  loadSampleData,
  navigate,
  openApp,
  pickImport,
  previewRow,
  rec,
  reloadApp,
  settle,
  smallBook,
  storedRevision,
  T1,
  useApp,
  waitForSave,
} from './app.mjs';

const { session } = useApp();

const KINDS = {
  Colleague: 'colleagues',
  Group: 'groups',
  Customer: 'customers',
  Person: 'persons',
  Casting: 'castings',
  Contact: 'contacts',
  Planned: 'planned',
  Party: 'parties',
};

for (const mode of ['Ersetzen', 'Zusammenführen']) {
  test(`export, clear, import (${mode}) and export again gives the same book`, { timeout: 60_000 }, async () => {
    await session(async ({ page, url }) => {
      const dialogs = acceptDialogs(page);
      await openApp(page, url, '/');
      await loadSampleData(page);
      const stats = await page.locator('[data-testid=stats] dd').allInnerTexts();

      const first = await exportBook(page);
      assert.match(first.filename, /^kontaktnetz-\d{4}-\d{2}-\d{2}\.json$/);
      assert.equal(first.doc.format, 'kontaktnetz');
      assert.equal(first.doc.schema, 6);
      assert.match(first.doc.exported_at, /^\d{4}-\d{2}-\d{2}T/);
      const { book } = first.doc;
      const counts = [book.groups.length, book.customers.length, book.persons.length, book.colleagues.length];
      assert.deepEqual(counts.map((n) => n.toLocaleString('de-DE')), stats.slice(0, 4), 'export counts differ from the start page');
      assert.ok(book.castings.length > 0, 'the sample book has castings');
      assert.ok(book.contacts.length > 0 && book.planned.length > 0, 'and contacts with follow-ups');
      assert.ok(book.settings.casting.schemes.length === 5, 'the casting schemes travel with the book');
      assert.ok(book.groups.length > 0 && book.persons.length > 0);

      // The same file into the same book: nothing new, and the preview says so.
      await pickImport(page, jsonFile(first.filename, first.text));
      await page.locator('[data-testid=import-noop]').waitFor();
      assert.deepEqual(await previewRow(page, 'Group'), {
        neu: 0,
        geaendert: 0,
        unveraendert: book.groups.length,
        hierNeuer: 0,
        nurHier: 0,
      });
      await page.getByRole('button', { name: 'Abbrechen' }).click();

      await clearStorage(page);
      await reloadApp(page);
      await navigate(page, '/');
      await page.locator('[data-testid=load-sample]').waitFor();

      await pickImport(page, jsonFile(first.filename, first.text));
      await expectText(page.locator('[data-testid=import-preview] h3'), `Vorschau: ${first.filename}`);
      assert.equal(await page.locator('[data-testid=import-noop]').count(), 0, 'an empty book gains everything');
      for (const [kind, field] of Object.entries(KINDS)) {
        assert.deepEqual(
          await previewRow(page, kind),
          { neu: book[field].length, geaendert: 0, unveraendert: 0, hierNeuer: 0, nurHier: 0 },
          `preview row ${kind}`,
        );
      }
      // Large counts are written the German way.
      const groupCell = page.locator('[data-testid=import-preview] tr[data-kind=Customer] td').first();
      await expectText(groupCell, book.customers.length.toLocaleString('de-DE'));

      const revision = await storedRevision(page);
      await page.getByRole('button', { name: mode, exact: true }).click();
      await page.locator('[data-testid=import-preview]').waitFor({ state: 'detached' });
      await expectText(
        page.locator('.toast span').first(),
        mode === 'Ersetzen'
          ? `Das Kundenbuch wurde durch „${first.filename}“ ersetzt. Der vorherige Stand ist gesichert.`
          : `„${first.filename}“ wurde zusammengeführt.`,
      );
      await waitForSave(page, revision);
      assert.equal(dialogs.length, mode === 'Ersetzen' ? 1 : 0, `dialogs: ${dialogs}`);
      // Replacing an empty book keeps no backup of it.
      const keys = Object.keys((await dumpDatabase(page)).entries);
      assert.deepEqual(keys.filter((k) => k.startsWith('kontaktnetz.backup.')), []);

      await reloadApp(page);
      const second = await exportBook(page);
      assert.deepEqual(second.doc.book, book);
    });
  });
}

/** Each bad file, with the words its message must contain. */
function badFiles() {
  const valid = exportDoc(smallBook());
  const dup = exportDoc(smallBook());
  dup.book.groups.push(rec.group('g-stadt', 'Stadtwerke Ahlen (doppelt)'));
  const broken = exportDoc(smallBook());
  broken.book.customers.push(rec.customer('c-waise', 'g-gibtsnicht', 'Waise GmbH'));
  const invisible = exportDoc(smallBook());
  invisible.book.groups[0].name = '\u200B\uFEFF\u2060';
  return [
    // A picture picked by mistake: bytes, not text.
    { name: 'bild.png', text: '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0', expect: /kein gültiges JSON/ },
    // Another program's JSON.
    { name: 'zeichnung.json', text: JSON.stringify({ type: 'excalidraw', version: 2, elements: [] }), expect: /kein Kontaktnetz-Export/ },
    { name: 'unsichtbar.json', text: JSON.stringify(invisible), expect: /Kundenverbund „g-baecker“ hat keinen sichtbaren Namen/ },
    { name: 'kaputt.json', text: '{"format": "kontaktnetz", "schema": 1, "book": {', expect: /kein gültiges JSON \(Fehler in Zeile 1, Spalte \d+\)/ },
    // Valid JSON arrays of any length are JSON, but not an export.
    ...['[]', '[1, 2, 3]', '["kontaktnetz", 1]'].map((text, i) => ({
      name: `liste-${i}.json`,
      text,
      expect: /ist JSON, aber kein Kontaktnetz-Export \(das Feld "format": "kontaktnetz" fehlt\)/,
    })),
    { name: 'ohne-format.json', text: JSON.stringify({ schema: 1, book: valid.book }), expect: /kein Kontaktnetz-Export \(das Feld "format": "kontaktnetz" fehlt\)/ },
    { name: 'neuer.json', text: JSON.stringify({ ...valid, schema: 99 }), expect: /neueren Kontaktnetz-Version \(Datenversion 99; diese App kennt bis 6\)/ },
    { name: 'doppelt.json', text: JSON.stringify(dup), expect: /Die Kennung „g-stadt“ kommt bei Kundenverbünde mehrfach vor/ },
    { name: 'verweis.json', text: JSON.stringify(broken), expect: /Kunde „c-waise“ verweist auf den unbekannten Kundenverbund „g-gibtsnicht“/ },
    { name: 'tief.json', text: '['.repeat(100_000), expect: /zu tief verschachtelt/ },
  ];
}

test('broken and hostile import files are refused with a German message and change nothing', { timeout: 90_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'kontaktnetz-import-'));
  try {
    await session(async ({ page, url }) => {
      await openApp(page, url, '/');
      await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
      await navigate(page, '/daten');
      const before = await dumpAll(page);
      const error = page.locator('[data-testid=import-error]');

      const refused = async (name, expect) => {
        await expectText(error, new RegExp(`„${name}“ wurde nicht importiert\\. Ihr Kundenbuch ist unverändert\\.`));
        await expectText(error, expect);
        assert.equal(await page.locator('[data-testid=import-preview]').count(), 0, `${name}: preview shown`);
        await settle(page);
        assert.deepEqual(await dumpAll(page), before, `${name}: storage changed`);
      };

      // One subtest per file, so every refusal that goes wrong is reported, not just the first.
      for (const { name, text, expect } of badFiles()) {
        await t.test(name, async () => {
          await uploadFile(page, '[data-testid=import-file]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
          await refused(name, expect);
        });
      }

      // 50 MB: refused by its size before it is read. Playwright passes files this big by path.
      await t.test('riesig.json (50 MB)', async () => {
        const big = join(dir, 'riesig.json');
        await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
        await page.locator('[data-testid=import-file]').setInputFiles(big);
        await refused('riesig.json', /Die Datei ist mit 50,0 MB zu groß\. Erlaubt sind höchstens 20,0 MB\./);
      });

      // A byte order mark in front of a valid export is fine.
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(exportDoc(smallBook())))]);
      await uploadFile(page, '[data-testid=import-file]', { name: 'mit-bom.json', mimeType: 'application/json', buffer: bom });
      await page.locator('[data-testid=import-preview]').waitFor();
      assert.equal(await error.count(), 0, 'the error of the previous file is still shown');
      assert.deepEqual(await previewRow(page, 'Group'), { neu: 0, geaendert: 0, unveraendert: 2, hierNeuer: 0, nurHier: 0 });
      assert.deepEqual(await dumpAll(page), before);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('imported markup is shown as text and never runs', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    const hostile = '<img src=x onerror="window.__xss=1">';
    const doc = exportDoc({
      groups: [rec.group('g-xss', hostile, { notes: '<script>window.__xss=2</script>' })],
      customers: [rec.customer('c-xss', 'g-xss', '<b onmouseover="window.__xss=3">Fett</b>')],
      persons: [rec.person('p-xss', 'c-xss', '<svg onload="window.__xss=4">')],
    });
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('xss.json', doc));

    await navigate(page, '/verbuende');
    await expectText(page.locator('[data-testid=group-list] .title'), hostile);
    await navigate(page, '/verbuende/g-xss');
    await expectText(heading(page), hostile);
    await expectText(page.locator('p.notes'), '<script>window.__xss=2</script>');
    await expectText(page.locator('[data-testid=members] h3'), '<b onmouseover="window.__xss=3">Fett</b>');
    await expectText(page.locator('.person > a'), '<svg onload="window.__xss=4">');
    await page.locator('[data-testid=members] h3').hover();
    await settle(page);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('main img, main script, main svg, main b').count(), 0);
  });
});

/** The stored book with group g-baecker renamed (newer) and a new group g-neu. */
function changedBook() {
  const book = smallBook();
  book.groups[0] = { ...book.groups[0], name: 'Bäckerei Korn & Söhne', updated_at: T1 };
  book.groups.push(rec.group('g-neu', 'Neubau Weiler', { segment: 'corporate' }));
  return book;
}

async function previewOfChange(page, groups) {
  await pickImport(page, jsonFile('aenderung.json', exportDoc(changedBook())));
  assert.deepEqual(await previewRow(page, 'Group'), { neu: 1, geaendert: 1, hierNeuer: 0, nurHier: 0, ...groups });
  assert.deepEqual(await previewRow(page, 'Customer'), { neu: 0, geaendert: 0, unveraendert: 2, hierNeuer: 0, nurHier: 0 });
}

const groupTitles = async (page) => {
  await navigate(page, '/verbuende');
  await page.locator('[data-testid=result-count]').waitFor();
  return page.locator('[data-testid=group-list] .title').allInnerTexts();
};

test('merging a newer file takes its changed and new groups and keeps no backup', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    await previewOfChange(page, { unveraendert: 1 });
    const revision = await storedRevision(page);
    await page.getByRole('button', { name: 'Zusammenführen' }).click();
    await waitForSave(page, revision);
    await expectText(page.locator('[data-testid=backups]'), 'Noch keine Sicherungen.');
    // The page states the rule the store keeps backups by (storage::backups).
    await expectText(page.locator('main'), /Die zehn neuesten bleiben erhalten und dazu die jüngste jedes Tages der letzten Woche\./);
    await reloadApp(page);
    assert.deepEqual(await groupTitles(page), ['Bäckerei Korn & Söhne', 'Neubau Weiler', 'Stadtwerke Ahlen']);
  });
});

test('replacing keeps a backup, and restoring it brings the old book back', { timeout: 40_000 }, async () => {
  await session(async ({ page, url }) => {
    const dialogs = acceptDialogs(page);
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    // A local change the file does not have: replacing drops it, restoring brings it back.
    await navigate(page, '/verbuende/g-stadt/bearbeiten');
    await page.getByLabel('Name des Verbunds').fill('Stadtwerke Ahlen (lokal)');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expectText(heading(page), 'Stadtwerke Ahlen (lokal)');
    const oldTitles = await groupTitles(page);
    const oldBook = (await exportBook(page)).doc.book;

    // g-stadt was edited here after the file's copy: "Hier neuer".
    await previewOfChange(page, { unveraendert: 0, hierNeuer: 1 });
    let revision = await storedRevision(page);
    await page.getByRole('button', { name: 'Ersetzen', exact: true }).click();
    await page.locator('[data-testid=import-preview]').waitFor({ state: 'detached' });
    await waitForSave(page, revision);
    assert.match(dialogs.at(-1), /Das ganze Kundenbuch wird durch die Datei ersetzt/);
    const backups = page.locator('[data-testid=backups] > li');
    await expectCount(backups, 1);
    await expectText(backups.locator('.title'), 'Vor dem Ersetzen durch einen Import');
    await expectText(backups.locator('.meta'), /2 Verbünde, 2 Kunden, [\d.]+ Zeichen/);
    const stored = Object.keys(await appStorage(page)).filter((k) => k.startsWith('kontaktnetz.backup.'));
    assert.equal(stored.length, 1, `backup keys: ${stored}`);
    assert.deepEqual(await groupTitles(page), ['Bäckerei Korn & Söhne', 'Neubau Weiler', 'Stadtwerke Ahlen']);

    await navigate(page, '/daten');
    revision = await storedRevision(page);
    await backups.first().getByRole('button', { name: 'Wiederherstellen' }).click();
    await expectText(page.locator('.toast span').first(), 'Sicherung wiederhergestellt. Der vorherige Stand wurde ebenfalls gesichert.');
    await waitForSave(page, revision);
    assert.match(dialogs.at(-1), /Die Sicherung „Vor dem Ersetzen durch einen Import“ wiederherstellen\?/);
    await expectCount(backups, 2);
    await expectText(backups.first().locator('.title'), 'Vor dem Wiederherstellen einer Sicherung');

    await reloadApp(page);
    assert.deepEqual(await groupTitles(page), oldTitles);
    assert.deepEqual((await exportBook(page)).doc.book, oldBook);
  });
});
