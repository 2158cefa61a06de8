// Passing groups to colleagues: a part of the book exported and merged into a fresh profile,
// groups chosen by advisor and department and sent sealed, a hand-over round trip between two
// profiles with the choice per differing record, and a part whose references fit neither the
// file nor the book refused with storage unchanged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, dumpAll, downloadText, uploadFile } from './harness.mjs';
import {
  acceptDialogs, createColleague, eventually, expectText, exportBook, heading, jsonFile, loadSampleData, navigate, openApp,
  pickImport, previewRow, storedRevision, useApp, waitForSave,
} from './app.mjs';

const { session } = useApp();

const byId = (list) => [...(list ?? [])].sort((a, b) => a.id.localeCompare(b.id));

/** Everything of `doc` that hangs on the groups `ids`. */
function attached(doc, ids) {
  const groups = new Set(ids);
  const customers = doc.book.customers.filter((c) => groups.has(c.group));
  const customerIds = new Set(customers.map((c) => c.id));
  return {
    groups: byId(doc.book.groups.filter((g) => groups.has(g.id))),
    customers: byId(customers),
    persons: byId(doc.book.persons.filter((p) => customerIds.has(p.customer))),
    castings: byId(doc.book.castings.filter((c) => groups.has(c.group))),
    contacts: byId(doc.book.contacts.filter((c) => groups.has(c.group))),
    planned: byId(doc.book.planned.filter((p) => groups.has(p.group))),
  };
}

/** The share page's count line, e.g. "Ausgewählt: 3 Verbünde, …". */
const shareCount = (page) => page.locator('[data-testid=share-count]');

test('a part of the book goes to a fresh profile with everything attached, and only merges', async () => {
  let part;
  let expected;
  let me;
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    me = doc.book.colleagues.find((c) => c.id === doc.book.settings.me).name;
    // Groups with contacts and castings, so the part carries every kind.
    const rich = doc.book.groups.filter((g) => doc.book.contacts.some((c) => c.group === g.id)
      && doc.book.castings.some((c) => c.group === g.id));
    const [first, second, third] = rich;

    // One group from its page, a second one from the address, the third ticked after a search.
    await navigate(page, `/verbuende/${first.id}`);
    await page.locator('[data-testid=share-group]').click();
    await expectText(heading(page), 'Verbünde weitergeben');
    await expectText(shareCount(page), /^Ausgewählt: 1 Verbund,/);
    await navigate(page, `/daten/weitergeben?verbund=${first.id}&verbund=${second.id}`);
    await expectText(shareCount(page), /^Ausgewählt: 2 Verbünde,/);
    await page.getByLabel('Verbünde suchen').fill(third.name);
    // Groups may share a name (the sample has three "Stadt Waldkirch"): ticked by id.
    await page.locator(`#share-${third.id}`).check();
    await expectText(shareCount(page), /^Ausgewählt: 3 Verbünde,/);
    await checkA11y(page, 'share page');

    const file = await downloadText(page, () => page.locator('[data-testid=share-export]').click());
    assert.match(file.filename, /^kontaktnetz-verbuende-\d{4}-\d{2}-\d{2}\.json$/);
    part = JSON.parse(file.text);
    assert.equal(part.scope, 'groups');
    assert.equal(part.exported_by, me);
    assert.equal(part.book.settings.me, undefined, 'the receiving book keeps its own profile');
    assert.deepEqual(part.book.parties ?? [], []);
    expected = attached(doc, [first.id, second.id, third.id]);
    assert.ok(expected.contacts.length > 0 && expected.castings.length > 0 && expected.persons.length > 0);
  });

  await session(async ({ page, url }) => {
    await openApp(page, url);
    await pickImport(page, jsonFile('teil.json', part));
    await expectText(page.locator('[data-testid=import-origin]'), new RegExp(`^Teil eines Kundenbuchs, exportiert von ${me} am \\d{2}\\.\\d{2}\\.\\d{4}`));
    assert.equal(await page.locator('[data-testid=import-replace]').count(), 0, 'a part cannot replace the book');
    assert.equal((await previewRow(page, 'Group')).neu, 3);
    await checkA11y(page, 'import preview of a part');
    const revision = await storedRevision(page);
    await page.locator('[data-testid=import-merge]').click();
    await waitForSave(page, revision);

    const { doc } = await exportBook(page);
    assert.deepEqual(attached(doc, expected.groups.map((g) => g.id)), expected);
    assert.equal(doc.book.groups.length, 3, 'exactly those groups');
    assert.equal(doc.book.customers.length, expected.customers.length);
    for (const g of expected.groups) {
      assert.ok(doc.book.colleagues.some((c) => c.id === g.advisor), `advisor of ${g.name} came along`);
    }
  });
});

test('a filtered group list passes its hits to the share page', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/verbuende?q=Waldkirch');
    const count = await page.locator('[data-testid=result-count]').innerText();
    const hits = Number(count.match(/^(\d+)/)[1]);
    assert.ok(hits >= 2, count);
    await page.locator('[data-testid=share-hits]').click();
    await expectText(heading(page), 'Verbünde weitergeben');
    await expectText(shareCount(page), new RegExp(`^Ausgewählt: ${hits} Verbünde,`));
  });
});

test('groups are chosen by advisor and by co-serving department, and a sealed part opens', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const me = doc.book.colleagues.find((c) => c.id === doc.book.settings.me);
    const mine = doc.book.groups.filter((g) => g.advisor === me.id).length;
    // The current casting of a group: the latest by day, then by time of entry.
    const current = new Map();
    for (const c of doc.book.castings) {
      const best = current.get(c.group);
      if (!best || [c.date, c.updated_at].join() > [best.date, best.updated_at].join()) current.set(c.group, c);
    }
    const served = [...current.values()].filter((c) => (c.departments ?? []).includes('succession')).length;
    assert.ok(mine > 0 && served > 0, `${mine} / ${served}`);

    await navigate(page, '/daten/weitergeben');
    await page.getByLabel('Alle Verbünde von').selectOption({ label: me.name });
    await page.locator('[data-testid=share-add-advisor]').click();
    await expectText(shareCount(page), new RegExp(`^Ausgewählt: ${mine} Verbünde,`));
    await page.getByRole('button', { name: 'Auswahl leeren' }).click();
    await page.getByLabel('Alle Verbünde mit Fachbereich im Casting').selectOption('Succession');
    await page.locator('[data-testid=share-add-department]').click();
    await expectText(shareCount(page), new RegExp(`^Ausgewählt: ${served} Verbünde?,`));

    // The part sealed: the file is an envelope, and it opens to the chosen groups.
    await page.locator('[data-testid=share-seal]').check();
    await page.getByLabel('Kennwort (mindestens 12 Zeichen)').fill('Grüße aus Köln 2026');
    await page.getByLabel('Kennwort wiederholen').fill('Grüße aus Köln 2026');
    const file = await downloadText(page, () => page.locator('[data-testid=share-export]').click());
    assert.match(file.filename, /^kontaktnetz-verbuende-\d{4}-\d{2}-\d{2}-verschluesselt\.json$/);
    const envelope = JSON.parse(file.text);
    assert.equal(envelope.format, 'kontaktnetz-verschluesselt');
    await navigate(page, '/daten');
    await uploadFile(page, '[data-testid=import-file]', jsonFile(file.filename, envelope));
    await page.getByLabel('Kennwort der Datei').fill('Grüße aus Köln 2026');
    await page.locator('[data-testid=import-unlock]').click();
    await page.locator('[data-testid=import-preview]').waitFor();
    await expectText(page.locator('[data-testid=import-origin]'), new RegExp(`^Teil eines Kundenbuchs, exportiert von ${me.name}`));
    assert.deepEqual(await previewRow(page, 'Group'), { neu: 0, geaendert: 0, unveraendert: served, hierNeuer: 0, nurHier: doc.book.groups.length - served });
  });
});

test('a hand-over round trip between two profiles, with a choice per differing record', async () => {
  let handed;
  let group;
  let to;
  let localBook;
  await session(async ({ page, url }) => {
    const dialogs = acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    group = doc.book.groups.find((g) => g.advisor === doc.book.settings.me
      && doc.book.customers.filter((c) => c.group === g.id).length >= 1);
    to = { name: 'Jonas Nachfolger' };
    to.id = await createColleague(page, to);

    await navigate(page, `/daten/weitergeben?verbund=${group.id}`);
    await page.getByLabel('Übergeben an').selectOption({ label: to.name });
    await page.locator('.choice', { hasText: 'Nach dem Export aus meinem Kundenbuch entfernen' }).click();
    const revision = await storedRevision(page);
    const file = await downloadText(page, () => page.locator('[data-testid=handover]').click());
    assert.match(dialogs.at(-1), new RegExp(`1 Verbund mit allen Kunden, Kontakten und Castings an ${to.name} übergeben`));
    handed = JSON.parse(file.text);
    assert.equal(handed.book.groups.length, 1);
    assert.equal(handed.book.groups[0].advisor, to.id, 'the file names the new advisor');
    assert.ok(handed.book.colleagues.some((c) => c.id === to.id));
    await expectText(page.locator('.toast span').first(), new RegExp(`1 Verbund an ${to.name} übergeben und aus Ihrem Kundenbuch entfernt`));
    await waitForSave(page, revision);

    // Gone from this book, and the undo brings it back.
    await navigate(page, `/verbuende/${group.id}`);
    await expectText(heading(page), 'Nicht gefunden');
    const removed = await storedRevision(page);
    await page.locator('.toast').getByRole('button', { name: 'Rückgängig' }).click();
    await waitForSave(page, removed);
    await expectText(heading(page), group.name);
    // The backup was kept before the removal.
    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=backups] .title').first(), `Vor der Übergabe an ${to.name}`);
    localBook = (await exportBook(page)).doc;
    assert.equal(localBook.book.groups.find((g) => g.id === group.id).advisor, localBook.book.settings.me, 'undone');
  });

  // The colleague merges it, renames a customer and passes the group back, keeping it.
  let back;
  const customer = handed.book.customers[0];
  await session(async ({ page, url }) => {
    const dialogs = acceptDialogs(page);
    await openApp(page, url);
    await pickImport(page, jsonFile('uebergabe.json', handed));
    let revision = await storedRevision(page);
    await page.locator('[data-testid=import-merge]').click();
    await waitForSave(page, revision);
    await navigate(page, `/kunden/${customer.id}`);
    await page.getByLabel('Name', { exact: false }).first().fill(`${customer.name} (neu)`);
    revision = await storedRevision(page);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitForSave(page, revision);
    await navigate(page, `/daten/weitergeben?verbund=${group.id}`);
    back = JSON.parse((await downloadText(page, () => page.locator('[data-testid=share-export]').click())).text);
    assert.equal(dialogs.length, 0);
  });

  // The first advisor's book (as after the undo) in a fresh profile: the customer differs
  // (the colleague's newer name) and so does the group (the advisor, set at the hand-over).
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await pickImport(page, jsonFile('buch.json', localBook));
    let revision = await storedRevision(page);
    await page.locator('[data-testid=import-merge]').click();
    await waitForSave(page, revision);

    await pickImport(page, jsonFile('zurueck.json', back));
    const records = page.locator('[data-testid=differing-record]');
    await expectText(page.locator('[data-testid=differing-count]'), /Datensätze? (ist|sind) hier und in der Datei verschieden/);
    const groupRecord = records.filter({ has: page.locator('legend', { hasText: `Verbund „${group.name}“` }) });
    const customerRecord = records.filter({ has: page.locator('legend', { hasText: `Kunde „${customer.name}“` }) });
    await expectText(customerRecord.locator('td').nth(1), `${customer.name} (neu)`);
    // Defaults: the newer copy, which is the file's for both.
    assert.ok(await customerRecord.locator('[data-testid=take-theirs]').isChecked());
    assert.ok(await groupRecord.locator('[data-testid=take-theirs]').isChecked());
    await checkA11y(page, 'import preview with differing records');
    // Keep the own advisor, take the colleague's customer name.
    const changed = (await previewRow(page, 'Group')).geaendert;
    await groupRecord.locator('.choice', { hasText: 'Meine behalten' }).click();
    assert.ok(await groupRecord.locator('[data-testid=keep-mine]').isChecked());
    // The preview counts follow the choice: the group now counts as newer here.
    await eventually(async () => assert.equal((await previewRow(page, 'Group')).geaendert, changed - 1));
    revision = await storedRevision(page);
    await page.locator('[data-testid=import-merge]').click();
    await waitForSave(page, revision);
    const { doc } = await exportBook(page);
    assert.equal(doc.book.groups.find((g) => g.id === group.id).advisor, localBook.book.settings.me);
    assert.equal(doc.book.customers.find((c) => c.id === customer.id).name, `${customer.name} (neu)`);
  });
});

test('a part whose references fit neither the file nor the book is refused, storage unchanged', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const group = doc.book.groups.find((g) => g.advisor);
    const part = {
      format: 'kontaktnetz', schema: doc.schema, exported_at: doc.exported_at, scope: 'groups',
      book: { groups: [{ ...group, id: 'g-fremd', advisor: 'k-unbekannt', lead: undefined }] },
    };
    await navigate(page, '/daten');
    const before = await dumpAll(page);
    await uploadFile(page, '[data-testid=import-file]', jsonFile('kaputt.json', part));
    await expectText(page.locator('[data-testid=import-error]'), /k-unbekannt/);
    assert.equal(await page.locator('[data-testid=import-preview]').count(), 0);
    await eventually(async () => assert.deepEqual(await dumpAll(page), before));
  });
});
