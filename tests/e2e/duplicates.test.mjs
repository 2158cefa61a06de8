// Likely duplicates: an import brings a second copy of a customer (in a group of its own);
// the import points to it, the duplicates page compares the two field by field, the merge
// takes the chosen field, the contact person and the group's records follow, and undo
// brings the copy back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y } from './harness.mjs';
import {
  expectText, exportBook, heading, jsonFile, loadSampleData, navigate, openApp, pickImport, storedRevision, useApp,
  waitForSave,
} from './app.mjs';

const { session } = useApp();

test('a duplicate found after an import is merged field by field, and undone', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const original = doc.book.customers.find((c) => c.number && doc.book.persons.some((p) => p.customer === c.id)
      && !c.notes);
    const person = doc.book.persons.find((p) => p.customer === original.id);
    const group = doc.book.groups.find((g) => g.id === original.group);
    const later = new Date(Date.parse(doc.exported_at) + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const copyGroup = { ...group, id: 'g-dublette', name: `${group.name} (Import)`, lead: undefined, updated_at: later };
    const copy = { ...original, id: 'c-dublette', group: 'g-dublette', notes: 'Aus dem Kernbankexport', occasions: undefined, updated_at: later };
    const personCopy = { ...person, id: 'p-dublette', customer: 'c-dublette', updated_at: later };
    const file = { ...doc, book: {
      ...doc.book,
      groups: [...doc.book.groups, copyGroup],
      customers: [...doc.book.customers, copy],
      persons: [...doc.book.persons, personCopy],
    } };

    await pickImport(page, jsonFile('mit-dublette.json', file));
    let revision = await storedRevision(page);
    await page.locator('[data-testid=import-merge]').click();
    await waitForSave(page, revision);
    await expectText(page.locator('[data-testid=import-duplicates] p'), '1 mögliches Doppel gefunden.');
    await page.locator('[data-testid=import-duplicates] a').click();
    await expectText(heading(page), 'Mögliche Doppelte');

    /** Opens the pair and sets it up: the original stays, the copy's notes are taken. */
    async function prepareMerge() {
      const row = page.locator('[data-testid=duplicate]').first();
      await expectText(row.locator('.meta'), /gleiche Kundennummer/);
      await row.getByRole('button', { name: 'Prüfen und zusammenführen' }).click();
      const panel = page.locator('[data-testid=merge-panel]');
      await expectText(panel.locator('tr[data-field=notes] th'), 'Notizen');
      // The first record stays: if that is the copy (its id sorts first), keep the other.
      if ((await panel.locator('tr[data-field=notes] td').first().innerText()).includes('Kernbankexport')) {
        await panel.getByRole('button', { name: 'Den anderen behalten' }).click();
        await expectText(panel.locator('tr[data-field=notes] td').first(), /nicht gesetzt/);
      }
      await panel.locator('tr[data-field=notes] .choice', { hasText: 'Aus dem Kernbankexport' }).click();
      return panel;
    }

    let panel = await prepareMerge();
    await checkA11y(page, 'duplicates page with the merge panel');
    const groupName = copyGroup.name.replace(/[()]/g, '\\$&');
    await expectText(panel.locator('[data-testid=merge-follows]'), new RegExp(`Es folgen 1 Ansprechpartner\\. Der Verbund „${groupName}“ hat sonst niemanden`));
    revision = await storedRevision(page);
    await panel.locator('[data-testid=merge-twins]').click();
    await expectText(page.locator('.toast span').first(), `Zusammengeführt zu „${original.name}“.`);
    await waitForSave(page, revision);

    // Undo brings the copy back.
    revision = await storedRevision(page);
    await page.locator('.toast').getByRole('button', { name: 'Rückgängig' }).click();
    await waitForSave(page, revision);
    const undone = (await exportBook(page)).doc.book;
    assert.ok(undone.customers.some((c) => c.id === 'c-dublette'));
    assert.ok(!undone.customers.find((c) => c.id === original.id).notes);

    // Merged again, for good.
    await navigate(page, '/daten/doppelte');
    panel = await prepareMerge();
    revision = await storedRevision(page);
    await panel.locator('[data-testid=merge-twins]').click();
    await waitForSave(page, revision);
    // The copied person is now a likely duplicate within the customer.
    await expectText(page.locator('[data-testid=duplicate] .meta').first(), /Ansprechpartner.*gleicher Name/s);

    const merged = (await exportBook(page)).doc.book;
    const kept = merged.customers.find((c) => c.id === original.id);
    assert.equal(kept.notes, 'Aus dem Kernbankexport');
    assert.deepEqual(kept.occasions, original.occasions);
    assert.ok(!merged.customers.some((c) => c.id === 'c-dublette'));
    assert.ok(!merged.groups.some((g) => g.id === 'g-dublette'));
    assert.equal(merged.persons.find((p) => p.id === 'p-dublette').customer, original.id);
  });
});
