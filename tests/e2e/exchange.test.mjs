// Exchange with other programs: contact persons as vCards, read back with ical.js (an
// independent parser that reads vCard 3.0 as well as iCalendar) — one person, a group's
// persons, and every person with consent from the data page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { checkA11y, downloadText } from './harness.mjs';
import { expectText, exportBook, heading, loadSampleData, navigate, openApp, useApp } from './app.mjs';

const { session } = useApp();

/** The cards of a .vcf as plain objects, in file order. */
function parseVcf(text) {
  assert.ok(text.includes('\r\n'), 'lines end in CRLF');
  assert.ok(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75), 'lines fold at 75 octets');
  const parsed = ICAL.parse(text);
  const roots = typeof parsed[0] === 'string' ? [parsed] : parsed;
  return roots.map((jcard) => {
    const card = new ICAL.Component(jcard);
    assert.equal(card.name, 'vcard');
    const value = (name) => card.getFirstPropertyValue(name);
    return {
      version: value('version'),
      fn: value('fn'),
      n: value('n'),
      org: value('org'),
      title: value('title'),
      tel: value('tel'),
      email: value('email'),
      uid: value('uid'),
    };
  });
}

/** What a person's card should say, from the exported book. */
function expected(doc, person) {
  const customer = doc.book.customers.find((c) => c.id === person.customer);
  return {
    version: '3.0',
    fn: person.name,
    org: customer.name,
    title: person.position ?? null,
    tel: person.phone ?? null,
    email: person.email ?? null,
    uid: `kontaktnetz-${person.id}`,
  };
}

const without = ({ n, ...card }) => card;

test('contact persons go to the address book as vCards: one, a group\'s, all with consent', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const personsOf = (group) => {
      const customers = new Set(doc.book.customers.filter((c) => c.group === group.id).map((c) => c.id));
      return doc.book.persons.filter((p) => customers.has(p.customer));
    };
    const group = doc.book.groups.find((g) => personsOf(g).length >= 2);
    assert.ok(group, 'the sample book has a group with two contact persons or more');
    const persons = personsOf(group);

    // A group's persons, every one with name, organisation, position, phone and e-mail.
    await navigate(page, `/verbuende/${group.id}`);
    await expectText(heading(page), group.name);
    const all = await downloadText(page, () => page.locator('[data-testid=group-vcard]').click());
    assert.equal(all.filename, 'kontaktnetz-ansprechpartner.vcf');
    const cards = parseVcf(all.text);
    const byUid = (list) => [...list].sort((a, b) => a.uid.localeCompare(b.uid));
    assert.deepEqual(byUid(cards.map(without)), byUid(persons.map((p) => expected(doc, p))));
    for (const card of cards) {
      const parts = card.fn.split(' ');
      assert.deepEqual(card.n.slice(0, 2), [parts.at(-1), parts.slice(0, -1).join(' ')], 'family name last');
    }

    // One person, from the button beside their name.
    const first = persons[0];
    const row = page.locator('li.person', { has: page.locator(`a[href="#/ansprechpartner/${first.id}"]`) });
    const button = row.getByRole('button', { name: `${first.name} als vCard` });
    const one = await downloadText(page, () => button.click());
    assert.deepEqual(parseVcf(one.text).map(without), [expected(doc, first)]);
    const box = await button.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `a 44 px target: ${box.width}×${box.height}`);

    // Every person who agreed to be contacted, from the data page.
    const consenting = doc.book.persons.filter((p) => p.consent?.state === 'yes');
    await navigate(page, '/daten');
    await expectText(page.locator('main'), new RegExp(`${consenting.length.toLocaleString('de-DE')} Ansprechpartner mit Einwilligung`));
    const book = await downloadText(page, () => page.locator('[data-testid=consent-vcard]').click());
    assert.equal(book.filename, 'kontaktnetz-adressbuch.vcf');
    const uids = parseVcf(book.text).map((c) => c.uid).sort();
    assert.deepEqual(uids, consenting.map((p) => `kontaktnetz-${p.id}`).sort());
    await checkA11y(page, 'Daten mit Adressbuch');
  });
});
