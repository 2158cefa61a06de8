// Data requests under the GDPR: the Auskunft about a contact person (on screen, as text, as
// JSON) holds the person and every contact they took part in; an erasure names what goes,
// keeps a backup, and leaves no trace of the person in an export.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, downloadText } from './harness.mjs';
import {
  acceptDialogs, expectText, exportBook, heading, loadSampleData, navigate, openApp, storedRevision, useApp,
  waitForHash, waitForSave,
} from './app.mjs';

const { session } = useApp();

/** A contact person who took part in contacts, at a customer whose group has other members. */
function busyPerson(doc) {
  const members = (group) => doc.book.customers.filter((c) => c.group === group).length;
  for (const contact of doc.book.contacts) {
    for (const id of contact.people ?? []) {
      const person = doc.book.persons.find((p) => p.id === id);
      const customer = person && doc.book.customers.find((c) => c.id === person.customer);
      if (customer && members(customer.group) > 1) return { person, customer };
    }
  }
  throw new Error('the sample book has no such person');
}

test('the Auskunft about a contact person holds them and every contact they took part in', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const { person } = busyPerson(doc);
    const tookPart = doc.book.contacts.filter((c) => (c.people ?? []).includes(person.id));

    await navigate(page, `/ansprechpartner/${person.id}`);
    await page.locator('[data-testid=disclosure]').click();
    await expectText(heading(page), `Auskunft: ${person.name}`);
    await expectText(page.locator('h2', { hasText: /^Kontakte/ }), `Kontakte (${tookPart.length})`);
    await checkA11y(page, 'disclosure page');

    const text = await downloadText(page, () => page.locator('[data-testid=disclosure-text]').click());
    assert.match(text.filename, /^auskunft-\d{4}-\d{2}-\d{2}\.txt$/);
    assert.match(text.text, new RegExp(`^Auskunft nach Art\\. 15 DSGVO über ${person.name}\\r\\n`));
    if (person.email) assert.ok(text.text.includes(`E-Mail: ${person.email}`));
    for (const c of tookPart.filter((c) => c.notes)) {
      assert.ok(text.text.includes(c.notes.split('\n')[0]), `notes of ${c.id}`);
    }
    const json = JSON.parse((await downloadText(page, () => page.locator('[data-testid=disclosure-json]').click())).text);
    assert.deepEqual(json.persons, [person]);
    assert.deepEqual(json.contacts.map((c) => c.id).sort(), tookPart.map((c) => c.id).sort());
  });
});

test('erasing a contact person names what goes, keeps a backup and leaves no trace', async () => {
  await session(async ({ page, url }) => {
    const dialogs = acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const { person, customer } = busyPerson(doc);
    const tookPart = doc.book.contacts.filter((c) => (c.people ?? []).includes(person.id)).length;

    await navigate(page, `/auskunft/ansprechpartner/${person.id}`);
    await expectText(heading(page), `Auskunft: ${person.name}`);
    const revision = await storedRevision(page);
    await page.locator('[data-testid=erase]').click();
    assert.match(dialogs.at(-1), new RegExp(`^„${person.name}“ endgültig löschen\\? Gelöscht werden: 1 Ansprechpartner`));
    assert.match(dialogs.at(-1), new RegExp(`Aus ${tookPart} Kontakt(en)? wird die Person als Teilnehmende entfernt`));
    await waitForHash(page, new RegExp(`^#/verbuende/${customer.group}$`));
    await expectText(page.locator('.toast span').first(), `„${person.name}“ wurde überall gelöscht.`);
    await waitForSave(page, revision);

    await navigate(page, '/daten');
    await expectText(page.locator('[data-testid=backups] .title').first(), `Vor dem Löschen von ${person.name} (DSGVO)`);
    const after = await exportBook(page);
    assert.ok(!after.text.includes(person.id), 'no reference to the person is left');
    assert.equal(after.doc.book.contacts.length, doc.book.contacts.length, 'the contacts themselves stay');
  });
});

test('erasing a customer alone in their group takes the group with it', async () => {
  await session(async ({ page, url }) => {
    const dialogs = acceptDialogs(page);
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const customer = doc.book.customers.find((c) => doc.book.customers.filter((o) => o.group === c.group).length === 1
      && doc.book.contacts.some((t) => t.group === c.group));
    await navigate(page, `/kunden/${customer.id}`);
    await page.locator('[data-testid=disclosure]').click();
    await expectText(heading(page), `Auskunft: ${customer.name}`);
    const revision = await storedRevision(page);
    await page.locator('[data-testid=erase]').click();
    assert.match(dialogs.at(-1), /Gelöscht werden: 1 Kundenverbund, 1 Kunde/);
    await waitForHash(page, /^#\/verbuende$/);
    await waitForSave(page, revision);
    const after = await exportBook(page);
    assert.ok(!after.text.includes(customer.id) && !after.text.includes(customer.group));
  });
});
