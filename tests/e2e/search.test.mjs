// The group list's search and filters, on the sample book.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectCount,
  expectText,
  exportBook,
  heading,
  loadSampleData,
  navigate,
  openApp,
  reloadApp,
  useApp,
} from './app.mjs';

const { session } = useApp();

/** The app's search folding for the names of the sample book (umlauts, ß, capitals). */
const fold = (text) =>
  text
    .replace(/[äÄ]/g, 'ae')
    .replace(/[öÖ]/g, 'oe')
    .replace(/[üÜ]/g, 'ue')
    .replace(/[ßẞ]/g, 'ss')
    .toLowerCase();

/** Codepoint order, as Rust compares strings. */
const byCodepoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the app's search returns for `query` (see src/domain/search.rs): groups in order of
 * their folded name, each with the first customer or person text that matched when the group
 * name itself did not.
 */
function expectedHits(book, query) {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const byGroup = new Map(book.groups.map((g) => [g.id, []]));
  for (const c of [...book.customers].sort((a, b) => byCodepoint(a.id, b.id))) byGroup.get(c.group).push(c);
  const personsOf = new Map();
  for (const p of [...book.persons].sort((a, b) => byCodepoint(a.id, b.id))) {
    personsOf.set(p.customer, [...(personsOf.get(p.customer) ?? []), p]);
  }
  const entries = book.groups.map((g) => {
    const parts = [['group', g.name]];
    for (const c of byGroup.get(g.id)) {
      parts.push(['Kunde', c.name]);
      if (c.number) parts.push(['Kunde', c.number]);
      for (const p of personsOf.get(c.id) ?? []) {
        parts.push(['Ansprechpartner', p.name]);
        if (p.position) parts.push(['Ansprechpartner', p.position]);
      }
    }
    return { group: g, parts: parts.map(([source, text]) => ({ source, text, folded: fold(text) })) };
  });
  entries.sort((a, b) => byCodepoint(a.parts[0].folded, b.parts[0].folded) || byCodepoint(a.group.id, b.group.id));
  const matches = (part) => terms.some((t) => part.folded.includes(t));
  return entries
    .filter((e) => terms.every((t) => e.parts.some((p) => p.folded.includes(t))))
    .map((e) => {
      const hit = matches(e.parts[0]) ? undefined : e.parts.slice(1).find(matches);
      return { group: e.group, detail: hit && `${hit.source}: ${hit.text}` };
    });
}

/**
 * A query typed like an advisor would: a contact person's first name and the start of the
 * last name missing its first letter ("Sabine ischer"), chosen so that exactly one group
 * matches and the hit is shown as that contact person.
 */
function personQuery(book) {
  for (const person of book.persons) {
    const words = person.name.split(/\s+/);
    if (words.length !== 2) continue;
    const typed = `${words[0]} ${words[1].slice(1)}`;
    const hits = expectedHits(book, typed);
    if (hits.length === 1 && hits[0].detail === `Ansprechpartner: ${person.name}`) {
      return { typed, person, group: hits[0].group };
    }
  }
  throw new Error('the sample book has no contact person that a name query finds alone');
}

const SEGMENTS = { corporate: 'Firmenkunden', business: 'Gewerbekunden', private: 'Privatkunden' };

test('search finds a group by part of a contact person name; the segment filter narrows it', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    const { doc } = await exportBook(page);
    const { book } = doc;
    const total = book.groups.length;
    assert.ok(total > 50, `the sample book has only ${total} groups`);
    const german = (n) => n.toLocaleString('de-DE');

    await navigate(page, '/verbuende');
    await expectText(heading(page), 'Kundenverbünde');
    const count = page.locator('[data-testid=result-count]');
    const rows = page.locator('[data-testid=group-list] > li');
    const all = await expectText(count, `${german(total)} Verbünde`);
    await expectCount(rows, Math.min(total, 50));

    const { typed, person, group } = personQuery(book);
    await page.locator('[data-testid=search]').fill(typed);
    const found = await expectText(count, `1 von ${german(total)} Verbünden`);
    assert.notEqual(found, all, 'the count text did not change');
    await expectCount(rows, 1);
    await expectText(rows.locator('.title'), group.name);
    await expectText(rows.locator('.hit'), `Ansprechpartner: ${person.name}`);
    assert.equal(await rows.locator('a.row').getAttribute('href'), `#/verbuende/${group.id}`);

    // Search is case- and umlaut-insensitive: the same query in capitals finds the same group.
    await page.locator('[data-testid=search]').fill(typed.toUpperCase());
    await expectText(rows.locator('.title'), group.name);

    // A common name written without umlaut ("Mueller" for "Müller"): the same groups, in the
    // same order and with the same hit details as the search rules say.
    const many = expectedHits(book, 'Mueller');
    assert.ok(many.length > 1, 'the sample book has fewer than two groups with a Müller');
    await page.locator('[data-testid=search]').fill('Mueller');
    await expectText(count, `${german(many.length)} von ${german(total)} Verbünden`);
    await expectCount(rows, Math.min(many.length, 50));
    const shown = await rows.evaluateAll((items) =>
      items.map((li) => [li.querySelector('.title').textContent, li.querySelector('.hit')?.textContent]),
    );
    assert.deepEqual(
      shown,
      many.slice(0, 50).map((h) => [h.group.name, h.detail]),
    );

    // Segment filter alone: exactly the groups of that segment.
    await page.locator('[data-testid=search]').fill('');
    await expectText(count, `${german(total)} Verbünde`);
    const [key, label] = Object.entries(SEGMENTS).find(([k]) => book.groups.some((g) => g.segment === k));
    const inSegment = book.groups.filter((g) => g.segment === key);
    assert.ok(inSegment.length < total, 'the sample book has only one segment');
    await page.getByLabel('Segment').selectOption({ label });
    await expectText(count, `${german(inSegment.length)} von ${german(total)} Verbünden`);
    await expectCount(rows, Math.min(inSegment.length, 50));
    const badges = await rows.locator('.meta .badge[class*=seg-]').allInnerTexts();
    assert.ok(badges.every((b) => b === label), `other segments listed: ${[...new Set(badges)]}`);

    // Search and segment together: the found group stays only under its own segment.
    await page.locator('[data-testid=search]').fill(typed);
    const expected = group.segment === key ? 1 : 0;
    await expectText(count, `${expected} von ${german(total)} Verbünden`);
    await expectCount(rows, expected);

    // The search and filter live in the address: a reload shows the same list.
    await reloadApp(page);
    await expectText(count, `${expected} von ${german(total)} Verbünden`);
    assert.equal(await page.locator('[data-testid=search]').inputValue(), typed);
    assert.equal(await page.getByLabel('Segment').evaluate((s) => s.selectedOptions[0].textContent), label);
  });
});
