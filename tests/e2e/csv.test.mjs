// Customers from a core banking CSV: a Windows-1252 file with umlauts and ß is read with the
// right names, its columns are guessed, the first rows and the full preview are shown before
// anything is stored, new customers are grouped by household, an existing customer changes
// only in the mapped fields, refused rows carry line and reason, the mapping is remembered,
// and undo takes the import back. Files that are no usable CSV leave storage as it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, uploadFile } from './harness.mjs';
import {
  appStorage, escapeRegExp, expectCount, expectText, exportBook, heading, loadSampleData, navigate, openApp, storedRevision, useApp,
  waitForSave,
} from './app.mjs';

const { session } = useApp();

const csvFile = (name, buffer) => ({ name, mimeType: 'text/csv', buffer });

/** Windows-1252 bytes of `text` (Latin-1 covers every character used here). */
const cp1252 = (text) => Buffer.from(text, 'latin1');

const backups = (storage) => Object.keys(storage).filter((k) => k.startsWith('kontaktnetz.backup.')).length;

async function pickCsv(page, file) {
  await uploadFile(page, '[data-testid=csv-file]', file);
}

test('a Windows-1252 list is previewed, imported with correct names, remembered and undone', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const before = (await exportBook(page)).doc.book;
    const known = before.customers.find((c) => c.number && c.kind === 'person');
    assert.ok(known, 'the sample has a private customer with a number');

    await navigate(page, '/daten');
    await page.locator('[data-testid=to-csv]').click();
    await expectText(heading(page), 'Kunden aus CSV importieren');
    await checkA11y(page, 'csv page, empty');

    const rows = [
      'Kd.-Nr.;Anrede;Nachname;Vorname;Straße;PLZ;Ort;E-Mail;Werbeeinwilligung;Geburtsdatum;Haushalt;Volumen',
      `${known.number};;;;Große Straße 12;79183;Waldkirch;;;;;`,
      '880001;Herr;Weiß;Jürgen;Schloßbergweg 3;79211;Denzlingen;j.weiss@example.de;ja;12.04.1981;HH-77;"1.234,56"',
      '880002;Frau;Weiß;Bärbel;Schloßbergweg 3;79211;Denzlingen;;nein;03.09.1983;HH-77;0,5',
      '880003;Frau;Öztürk;Ayşe;;;;kein-at-zeichen;;;;',
      '880004;;Strauß;Jörg;;;;;;31.02.1970;;',
      '880005;Herr;Müßig;Günther;Am Bühl 1;79350;Sexau;;;;;',
    ];
    // Ayşe's ş is not in Windows-1252: that row is written with a plain s.
    const text = `${rows.join('\r\n').replace('ş', 's')}\r\n`;
    const revision = await storedRevision(page);
    const stored = await appStorage(page);
    await pickCsv(page, csvFile('kunden-ansi.csv', cp1252(text)));

    await expectText(page.locator('[data-testid=csv-read]'), /6 Datenzeilen, Kodierung Windows-1252 \(ANSI\), getrennt durch Semikolon/);
    const mapping = page.locator('[data-testid=csv-mapping] select');
    await expectCount(mapping, 12);
    const picked = await mapping.evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(picked, ['number', '', 'name', 'first_name', 'street', 'postcode', 'town', 'email', 'consent',
      'birthday', 'household', '']);
    // The first rows as they would be taken: names and dates read right.
    const first = page.locator('[data-testid=csv-first-rows] tbody tr');
    await expectCount(first, 5);
    await expectText(first.nth(1), /Jürgen Weiß.*Schloßbergweg 3, 79211 Denzlingen.*j\.weiss@example\.de.*ja.*12\.04\.1981.*HH-77/s);
    await expectText(first.nth(3), /E-Mail ist keine gültige E-Mail-Adresse/);

    const preview = page.locator('[data-testid=csv-preview]');
    await expectText(preview.locator('[data-testid=csv-added]'), '3');
    await expectText(preview.locator('[data-testid=csv-updated]'), '1');
    await expectText(preview.locator('[data-testid=csv-unchanged]'), '0');
    await expectText(preview.locator('[data-testid=csv-refused]'), '2');
    await expectText(preview.locator('[data-testid=csv-refused-lines]'),
      /Zeile 5: E-Mail ist keine gültige E-Mail-Adresse\s+Zeile 6: Geburtstag „31\.02\.1970“ ist kein Datum/);
    const updatedLine = preview.locator('[data-testid=csv-updated-lines] li');
    await expectText(updatedLine, new RegExp(`^Zeile 2: ${escapeRegExp(known.name)} – `));
    for (const field of ['Straße und Hausnummer', 'PLZ', 'Ort']) await expectText(updatedLine, new RegExp(field));
    await expectText(preview, /Dabei entstehen 2 neue Verbünde\./);
    await expectText(preview.locator('[data-testid=csv-added-lines]'),
      /Zeile 3: Jürgen Weiß\s+Zeile 4: Bärbel Weiß\s+Zeile 7: Günther Müßig/);
    await checkA11y(page, 'csv page with mapping and preview');
    assert.deepEqual(await appStorage(page), stored, 'nothing is stored before the confirmation');

    // The advisor leaves the "Anrede" column out explicitly and maps "Volumen" to notes.
    await page.locator('[data-testid=csv-mapping] tr[data-column="11"] select').selectOption('notes');
    await expectText(preview.locator('[data-testid=csv-updated]'), '1');
    await page.locator('[data-testid=csv-confirm]').click();
    await expectText(page.locator('.toast span').first(), '„kunden-ansi.csv“ übernommen: 3 Kunden neu, 1 Kunde geändert.');
    await waitForSave(page, revision);

    const after = (await exportBook(page)).doc.book;
    const byNumber = (n) => after.customers.find((c) => c.number === n);
    const juergen = byNumber('880001');
    const baerbel = byNumber('880002');
    assert.equal(juergen.name, 'Jürgen Weiß');
    assert.equal(baerbel.name, 'Bärbel Weiß');
    assert.equal(juergen.street, 'Schloßbergweg 3');
    assert.equal(juergen.notes, '1.234,56', 'decimal commas stay text');
    assert.equal(juergen.group, baerbel.group, 'one household, one group');
    assert.deepEqual(juergen.consent.state, 'yes');
    assert.deepEqual(juergen.occasions, [{ kind: 'birthday', date: '1981-04-12' }]);
    assert.equal(byNumber('880005').name, 'Günther Müßig');
    assert.equal(after.customers.length, before.customers.length + 3);
    const changed = after.customers.find((c) => c.id === known.id);
    assert.equal(changed.street, 'Große Straße 12');
    assert.equal(changed.name, known.name, 'empty cells change nothing');
    assert.deepEqual(changed.occasions, known.occasions);
    assert.equal(backups(await appStorage(page)), backups(stored) + 1, 'a backup was written first');

    // The group page shows the new household with its names.
    await navigate(page, `/verbuende/${juergen.group}`);
    await expectText(page.locator('main'), /Bärbel Weiß/);

    // The mapping is remembered: the same header opens with "Volumen" as notes.
    await navigate(page, '/daten/csv');
    await pickCsv(page, csvFile('kunden-ansi.csv', cp1252(text)));
    await expectText(page.locator('[data-testid=csv-mapping] tr[data-column="11"] select option:checked'), 'Notizen');
    await expectText(preview.locator('[data-testid=csv-added]'), '0');
    await expectText(preview.locator('[data-testid=csv-unchanged]'), '4');
    await expectText(preview.locator('[data-testid=csv-nothing]'), /Nichts zu übernehmen/);
    await expectCount(preview.locator('[data-testid=csv-confirm]'), 0);

    // Undo takes the import back.
    await navigate(page, '/daten/csv');
    await pickCsv(page, csvFile('noch-einer.csv', Buffer.from('Kundennummer;Firma\n990001;Sägewerk Kühn GmbH\n')));
    await expectText(preview.locator('[data-testid=csv-added]'), '1');
    const beforeUndo = await storedRevision(page);
    await page.locator('[data-testid=csv-confirm]').click();
    await waitForSave(page, beforeUndo);
    const undoRevision = await storedRevision(page);
    await page.locator('.toast').getByRole('button', { name: 'Rückgängig' }).click();
    await waitForSave(page, undoRevision);
    const undone = (await exportBook(page)).doc.book;
    assert.ok(!undone.customers.some((c) => c.number === '990001'));
    assert.ok(undone.customers.some((c) => c.number === '880001'));

    // Consent: an objection from the list takes effect; an undated "ja" afterwards does not
    // override it, and the preview says which line kept the book's statement.
    await navigate(page, '/daten/csv');
    await pickCsv(page, csvFile('widerspruch.csv', Buffer.from('Kundennummer;Werbeeinwilligung;Name\n880001;nein;\n')));
    await expectText(preview.locator('[data-testid=csv-updated-lines]'), /Zeile 2: Jürgen Weiß – Einwilligung/);
    const beforeObjection = await storedRevision(page);
    await page.locator('[data-testid=csv-confirm]').click();
    await waitForSave(page, beforeObjection);
    await navigate(page, '/daten/csv');
    await pickCsv(page, csvFile('alte-zusage.csv', Buffer.from('Kundennummer;Werbeeinwilligung;Name\n880001;ja;\n')));
    await expectText(preview.locator('[data-testid=csv-consent-kept]'), /weil die Angabe im Kundenbuch neuer ist: Zeile 2\./);
    await expectText(preview.locator('[data-testid=csv-unchanged]'), '1');
    await expectText(preview.locator('[data-testid=csv-nothing]'), /Nichts zu übernehmen/);
    const objected = (await exportBook(page)).doc.book.customers.find((c) => c.number === '880001');
    assert.equal(objected.consent.state, 'no');
  });
});

test('files that are no usable customer list are refused in German and change nothing', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/daten/csv');
    const stored = await appStorage(page);
    const refusals = [
      ['utf16.csv', Buffer.from('\ufeffKundennummer;Name\r\n1;Weber\r\n', 'utf16le'), /Unicode-Text \(UTF-16\)/],
      ['mac.csv', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x3b, 0x4d, 0x81, 0x6c, 0x6c, 0x65, 0x72, 0x0a]), /Zeichenkodierung der Datei ist unbekannt/],
      ['liste.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), /keine CSV-Datei, sondern eine Binärdatei/],
      ['leer.csv', Buffer.from(''), /Die Datei ist leer/],
      ['eine-spalte.csv', Buffer.from('Kunden\nWeber\n'), /keine Kopfzeile mit mindestens zwei Spalten/],
      ['offen.csv', Buffer.from('Kundennummer;Name\n1;"Weber\n2;Koch\n'), /In Zeile 2 beginnt ein Anführungszeichen, das nie geschlossen wird/],
      ['riesig.csv', Buffer.alloc(21 * 1024 * 1024, 'a'), /zu groß\. Erlaubt sind höchstens 20/],
    ];
    for (const [name, buffer, message] of refusals) {
      await pickCsv(page, csvFile(name, buffer));
      await expectText(page.locator('[data-testid=csv-error]'), message);
      await expectCount(page.locator('[data-testid=csv-mapping]'), 0);
    }
    await checkA11y(page, 'csv page with a refusal');

    // A comma list whose name holds an unquoted comma: the row is refused, not imported shifted.
    await pickCsv(page, csvFile('verschoben.csv', Buffer.from('Kundennummer,Name,PLZ,Ort\n9,Weber, Anna,79183,Waldkirch\n')));
    await expectText(page.locator('[data-testid=csv-refused-lines]'), /Zeile 2: mehr gefüllte Zellen als die Kopfzeile Spalten hat/);
    await expectText(page.locator('[data-testid=csv-nothing]'), /Keine Zeile lässt sich übernehmen/);

    // A list without a customer number column: said, and nothing to confirm.
    await pickCsv(page, csvFile('ohne-nummer.csv', Buffer.from('Name;Vorname;Ort\nWeber;Anna;Elzach\n')));
    await expectText(page.locator('[data-testid=csv-mapping-error]'), /Keine Spalte ist der Kundennummer zugeordnet/);
    await expectCount(page.locator('[data-testid=csv-confirm]'), 0);
    // Mapping a column by hand makes it importable; taking it away again refuses again.
    await page.locator('[data-testid=csv-mapping] tr[data-column="2"] select').selectOption('number');
    await expectText(page.locator('[data-testid=csv-added]'), '1');
    await page.locator('[data-testid=csv-mapping] tr[data-column="2"] select').selectOption('');
    await expectText(page.locator('[data-testid=csv-mapping-error]'), /Kundennummer/);
    assert.deepEqual(await appStorage(page), stored, 'storage byte-for-byte unchanged');
  });
});
