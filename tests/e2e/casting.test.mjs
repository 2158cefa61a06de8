// Casting at tablet size: a casting round with taps and time measured, persisted across a
// reload and shown on the list; a scheme change lists the group as "would differ"; a C group
// excludes strategy talks; a manual class needs its reason; the overview's numbers lead to
// exactly the groups counted; capacity figures of the sample book.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appStorage,
  chunkKeys,
  expectCount,
  expectText,
  exportDoc,
  heading,
  importByMerge,
  jsonFile,
  loadSampleData,
  navigate,
  openApp,
  rec,
  reloadApp,
  smallBook,
  storedRevision,
  tap,
  useApp,
  waitForHash,
  waitForSave,
} from './app.mjs';

const { session } = useApp();

/** The small book plus two corporate groups of the advisor. */
function castingBook() {
  const book = smallBook();
  book.groups.push(
    rec.group('g-alpha', 'Alpha Maschinenbau', { segment: 'corporate', advisor: 'k-ich' }),
    rec.group('g-zeta', 'Zeta Logistik', { segment: 'corporate', advisor: 'k-ich' }),
  );
  return book;
}

async function openWithBook(page, url) {
  await openApp(page, url, '/');
  await importByMerge(page, jsonFile('casting.json', exportDoc(castingBook())));
}

/** Casts the open casting screen with Firmenkunden answers; returns the taps used. */
async function castCorporate(page, answers) {
  let taps = 0;
  for (const [criterion, label] of answers) taps += await tap(page, criterion, label);
  return taps;
}

const A_ANSWERS = [
  ['Potenzial', 'außerordentlich'],
  ['Provisionserträge', '1.000 € bis 2.499 €'],
  ['Unternehmensnachfolge', 'perspektivisch zu lösen'],
  ['Liquide Mittel', 'über 15 T€'],
  ['Hohes Einkommen', 'hohes Einkommen und großes Barvermögen'],
];

const C_ANSWERS = [
  ['Potenzial', 'gering'],
  ['Provisionserträge', '150 € bis 999 €'],
  ['Unternehmensnachfolge', 'perspektivisch zu lösen'],
  ['Liquide Mittel', 'unter 5 T€'],
  ['Hohes Einkommen', 'nein'],
];

test('a casting round casts a group in a few taps; class and frequency persist and show on the list', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openWithBook(page, url);
    await navigate(page, '/casting');
    await expectText(page.locator('[data-testid=count-due]'), '4');
    await page.locator('[data-testid=start-round]').click();
    await waitForHash(page, /^#\/casting\/runde$/);
    await expectText(heading(page), 'Casting: Alpha Maschinenbau');
    await expectText(page.locator('[data-testid=round-due]'), 'Casting-Runde: 4 Verbünde fällig');
    await expectText(page.locator('[data-testid=round-progress]'), 'Verbund 1 von 4');
    // No class before the first answer, a provisional one while criteria are open.
    await expectText(page.locator('[data-testid=result-class]'), 'Noch keine Antwort');

    const revision = await storedRevision(page);
    const started = Date.now();
    let taps = await castCorporate(page, A_ANSWERS);
    await expectText(page.locator('[data-testid=result-class]'), 'Klasse A');
    await expectText(page.locator('[data-testid=result-summary]'), '12 Punkte · 4 Kontakte im Jahr');
    await expectText(page.locator('[data-testid=result-departments]'), /Private Banking, Nachfolgeberatung, Wertpapiere, Zins- und Liquiditätsmanagement/);
    await page.locator('[data-testid=casting-save]').click();
    taps += 1;
    await waitForHash(page, /^#\/casting\/runde\?nach=g-alpha&von=4&gecastet=1$/);
    const seconds = (Date.now() - started) / 1000;
    console.log(`# Firmenkunden-Casting (Standardschema): ${taps} Taps, ${seconds.toFixed(1)} s im Browser-Test`);
    assert.ok(taps <= 15, `${taps} taps`);
    await expectText(heading(page), 'Casting: Bäckerei Korn');
    await expectText(page.locator('[data-testid=round-previous]'), 'Gespeichert: Alpha Maschinenbau ist Klasse A.');
    await expectText(page.locator('[data-testid=round-due]'), 'Casting-Runde: 3 Verbünde fällig');
    await expectText(page.locator('[data-testid=round-progress]'), 'Verbund 2 von 4');
    await waitForSave(page, revision);
    assert.ok(chunkKeys(await appStorage(page), 'casting').length > 0, 'the casting is stored');

    // Skipping moves on in name order; the end of the round says what is left.
    await page.getByRole('link', { name: 'Überspringen' }).click();
    await expectText(heading(page), 'Casting: Stadtwerke Ahlen');
    await expectText(page.locator('[data-testid=round-previous]'), 'Übersprungen: Bäckerei Korn.');
    await page.getByRole('link', { name: 'Überspringen' }).click();
    await expectText(heading(page), 'Casting: Zeta Logistik');
    await page.getByRole('link', { name: 'Überspringen' }).click();
    await expectText(page.locator('[data-testid=round-done]'), /Noch offen \(übersprungen\): 3 Verbünde/);
    await expectText(page.getByTestId('round-summary'), 'In dieser Runde: 1 Verbund gecastet, 3 übersprungen.');

    await reloadApp(page);
    await navigate(page, '/verbuende');
    const alpha = page.locator('[data-testid=group-list] li', { hasText: 'Alpha Maschinenbau' });
    await expectText(alpha.locator('.badge.class-A'), 'A · 4×/Jahr');
    await expectCount(page.locator('[data-testid=group-list] .badge.class-none'), 3);
    await alpha.locator('a').click();
    await expectText(page.locator('[data-testid=group-class]'), 'A · 4×/Jahr');
    await expectText(page.locator('[data-testid=group-casting]'), /Nächstes Casting ab/);

    // A re-cast starts from the last answers: saving again takes one tap.
    await page.getByRole('link', { name: 'Neu casten' }).click();
    await expectText(page.locator('[data-testid=result-class]'), 'Klasse A');
    await page.locator('[data-testid=casting-save]').click();
    await waitForHash(page, /^#\/verbuende\/g-alpha$/);
    await page.locator('[data-testid=group-casting] summary').click();
    await expectCount(page.locator('[data-testid=group-casting] .history li'), 2);
  });
});

test('raising a threshold lists the group under "would differ" without changing its casting', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openWithBook(page, url);
    await navigate(page, '/verbuende/g-alpha/casting');
    await castCorporate(page, A_ANSWERS);
    await page.locator('[data-testid=casting-save]').click();
    await waitForHash(page, /^#\/verbuende\/g-alpha$/);

    await navigate(page, '/casting/schemata');
    await expectText(heading(page), 'Casting-Schemata');
    const threshold = page.getByRole('spinbutton', { name: 'A ab Punkten' });
    assert.equal(await threshold.inputValue(), '9');
    await threshold.fill('13');
    await threshold.blur();
    const revision = await storedRevision(page);
    await page.locator('[data-testid=scheme-save]').click();
    await expectText(page.locator('[data-testid=scheme-saved]'), /Bei 1 Verbund käme das Casting heute anders heraus/);
    await waitForSave(page, revision);

    await reloadApp(page);
    assert.equal(await page.getByRole('spinbutton', { name: 'A ab Punkten' }).inputValue(), '13');
    await navigate(page, '/casting');
    await expectText(page.locator('[data-testid=count-differs]'), '1');
    await page.locator('[data-testid=count-differs] a').click();
    await waitForHash(page, /casting=abweichend/);
    await expectCount(page.locator('[data-testid=group-list] li'), 1);
    const row = page.locator('[data-testid=group-list] li');
    await expectText(row.locator('.title'), 'Alpha Maschinenbau');
    await expectText(row.locator('.badge.class-A'), 'A · 4×/Jahr');

    // A threshold order that cannot work is refused with a message, and nothing is stored.
    await navigate(page, '/casting/schemata');
    const b = page.getByRole('spinbutton', { name: 'B ab Punkten' });
    await b.fill('20');
    await b.blur();
    const before = await storedRevision(page);
    await page.locator('[data-testid=scheme-save]').click();
    await expectText(page.locator('.error[role=alert]'), /Schwellen müssen fallen/);
    assert.equal(await storedRevision(page), before);

    // A round over the differing castings: the answers are kept, one tap re-casts.
    await navigate(page, '/casting');
    await page.locator('[data-testid=start-differs-round]').click();
    await expectText(heading(page), 'Casting: Alpha Maschinenbau');
    await expectText(page.locator('[data-testid=round-due]'), 'Casting-Runde: 1 Verbund mit abweichendem Ergebnis');
    await expectText(page.locator('[data-testid=result-class]'), 'Klasse B');
    await page.locator('[data-testid=casting-save]').click();
    await expectText(page.locator('[data-testid=round-done]'), 'Jedes Casting entspricht dem aktuellen Schema. Nichts mehr neu zu casten.');
    await navigate(page, '/casting');
    await expectText(page.locator('[data-testid=count-differs]'), '0');
  });
});

test('a C group excludes strategy and rating talks; a manual class needs a reason', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openWithBook(page, url);
    await navigate(page, '/verbuende/g-zeta/casting');
    await castCorporate(page, C_ANSWERS);
    await expectText(page.locator('[data-testid=result-class]'), 'Klasse C');
    await expectText(page.locator('[data-testid=result-excluded]'), /Strategiegespräch, Ratinggespräch/);
    const allowed = await page.locator('[data-testid=casting-result]').innerText();
    assert.match(allowed, /Formate: Jahresgespräch, Beratungsgespräch, Servicekontakt/);

    await page.locator('.override summary').click();
    await page.getByLabel('Klasse', { exact: true }).selectOption('B');
    await expectText(page.locator('[data-testid=result-class]'), 'Klasse B');
    await page.locator('[data-testid=casting-save]').click();
    await expectText(page.locator('.error[role=alert]'), 'Eine von Hand festgelegte Klasse braucht eine Begründung.');
    await page.getByLabel('Begründung').fill('Strategischer Kunde');
    await page.locator('[data-testid=casting-save]').click();
    await waitForHash(page, /^#\/verbuende\/g-zeta$/);
    await expectText(page.locator('[data-testid=group-class]'), 'B · 2×/Jahr*');
    await page.locator('[data-testid=group-casting] summary').click();
    await expectText(page.locator('[data-testid=group-casting] .history'), /Von Hand B statt C: Strategischer Kunde/);

    // A casting entered by mistake can be deleted, with undo.
    const before = await storedRevision(page);
    await page.getByRole('button', { name: /^Casting vom .* löschen$/ }).click();
    await expectText(page.locator('[data-testid=group-class]'), '–');
    await expectText(page.locator('.toast span').first(), /^Casting vom \d{2}\.\d{2}\.\d{4} gelöscht\.$/);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await expectText(page.locator('[data-testid=group-class]'), 'B · 2×/Jahr*');
    await waitForSave(page, before + 1);
    await reloadApp(page);
    await expectText(page.locator('[data-testid=group-class]'), 'B · 2×/Jahr*');
  });
});

test('every casting number of the sample book leads to exactly the groups it counts', { timeout: 120_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    await navigate(page, '/casting');
    const table = page.locator('[data-testid=class-table] tbody tr');
    await expectCount(table, 5);
    const figures = [];
    for (let i = 0; i < 5; i += 1) {
      const row = table.nth(i);
      const label = (await row.locator('th').innerText()).trim();
      const count = Number((await row.locator('td a').innerText()).replace(/\./g, ''));
      const share = (await row.locator('td').nth(1).innerText()).trim();
      figures.push(`${label}: ${count} (${share})`);
      await row.locator('td a').click();
      await waitForHash(page, /casting=/);
      await expectText(page.locator('[data-testid=result-count]'), new RegExp(`^${count.toLocaleString('de-DE')} `));
      await page.goBack();
      await waitForHash(page, /^#\/casting/);
    }
    console.log(`# ABCD-Verteilung der Beispieldaten: ${figures.join(', ')}`);

    // An answer of a criterion: the list behind it has as many groups as the table says.
    const answer = page.locator('[data-testid=criteria] table').first().locator('tbody tr').first();
    const n = Number((await answer.locator('td a').innerText()).replace(/\./g, ''));
    await answer.locator('td a').click();
    await waitForHash(page, /casting=antwort/);
    await expectText(page.locator('[data-testid=result-count]'), new RegExp(`^${n.toLocaleString('de-DE')} `));

    await navigate(page, '/casting/kapazitaet');
    await expectText(heading(page), 'Kapazität');
    const market = await page.locator('[data-testid=market-time]').innerText();
    const load = await page.locator('[data-testid=utilisation]').innerText();
    assert.match(market, /Nettomarktzeit: 672 h im Jahr/);
    assert.match(load, /Auslastung \d+ %/);
    console.log(`# Kapazität der Beispieldaten: ${market}; ${load}`);

    // What-if: one more advisory talk for A groups raises the load; nothing is saved before "übernehmen".
    const revision = await storedRevision(page);
    const a = page.locator('[data-testid=plan-A]');
    const advisory = a.getByRole('spinbutton', { name: 'Beratungsgespräch Klasse A: pro Jahr' });
    await advisory.fill('3');
    await advisory.blur();
    const whatif = await expectText(page.locator('[data-testid=whatif-utilisation]'), /Mit diesem Plan: .* Auslastung \d+ % \(jetzt \d+ %\)/);
    const [, next, now] = whatif.match(/Auslastung (\d+) % \(jetzt (\d+) %\)/).map(Number);
    // The hours rise; the rounded percentage may stay.
    const hoursNow = Number(load.match(/brauchen ([\d.]+) h/)[1].replace(/\./g, ''));
    const hoursNext = Number(whatif.match(/Mit diesem Plan: ([\d.]+) h/)[1].replace(/\./g, ''));
    assert.ok(hoursNext > hoursNow && next >= now, `${load} → ${whatif}`);
    assert.equal(await storedRevision(page), revision, 'the what-if stores nothing');
    console.log(`# Was-wäre-wenn (Firmenkunden A: 3 statt 2 Beratungsgespräche): ${whatif}`);
  });
});

test('net market time, a co-serving colleague and a new criterion are kept; bad market time is refused', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openWithBook(page, url);
    await navigate(page, '/verbuende/g-alpha/casting');
    await castCorporate(page, A_ANSWERS);
    await page.locator('[data-testid=casting-save]').click();
    await waitForHash(page, /^#\/verbuende\/g-alpha$/);

    // Market time: 200 days × 7,5 h × 50 % = 750 h; a share of 0 % is refused and nothing stored.
    await navigate(page, '/casting/kapazitaet');
    await expectText(page.locator('[data-testid=market-time]'), 'Nettomarktzeit: 672 h im Jahr');
    await page.getByLabel('Anteil Marktzeit in %').fill('0');
    const before = await storedRevision(page);
    await page.getByRole('button', { name: 'Übernehmen', exact: true }).click();
    await expectText(page.locator('.error[role=alert]'), /Anteil Marktzeit in Prozent \(1 bis 100\)/);
    assert.equal(await storedRevision(page), before);
    await page.getByLabel('Arbeitstage im Jahr').fill('200');
    await page.getByLabel('Stunden je Tag').fill('7,5');
    await page.getByLabel('Anteil Marktzeit in %').fill('50');
    await expectText(page.locator('[data-testid=market-time]'), 'Nettomarktzeit: 750 h im Jahr');
    await page.getByRole('button', { name: 'Übernehmen', exact: true }).click();
    await waitForSave(page, before);

    // A colleague who stands for private banking appears with that department's load.
    const revision = await storedRevision(page);
    await navigate(page, '/kollegen/neu');
    await page.getByLabel('Name', { exact: false }).fill('Paula Privat');
    await page.getByLabel('Co-Betreuung für').selectOption({ label: 'Private Banking' });
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitForHash(page, /^#\/kollegen$/);
    await expectText(page.locator('[data-testid=colleague-list] li', { hasText: 'Paula Privat' }).locator('.meta'), /Co-Betreuung: Private Banking/);
    await waitForSave(page, revision);

    await reloadApp(page);
    await navigate(page, '/casting/kapazitaet');
    await expectText(page.locator('[data-testid=market-time]'), 'Nettomarktzeit: 750 h im Jahr');
    assert.equal(await page.getByLabel('Stunden je Tag').inputValue(), '7,5');
    const pb = page.locator('[data-testid=department-table] tr', { hasText: 'Private Banking' });
    await expectText(pb.locator('td').first(), 'Paula Privat');
    await expectText(pb.locator('td').nth(1), '1');

    // A new criterion with two answers: saved, kept, and asked on the casting screen.
    await navigate(page, '/casting/schemata');
    await page.getByRole('button', { name: 'Kriterium hinzufügen' }).click();
    const criterion = page.locator('[data-testid=criterion]').last();
    const label = criterion.getByRole('textbox', { name: /Bezeichnung$/ });
    await label.fill('Digitalaffinität');
    await label.blur();
    const first = criterion.getByRole('textbox', { name: /^Antwort 1 von/ });
    await first.fill('hoch');
    await first.blur();
    const points = criterion.getByRole('spinbutton', { name: /^Antwort 1 von .*: Punkte$/ });
    await points.fill('2');
    await points.blur();
    const saved = await storedRevision(page);
    await page.locator('[data-testid=scheme-save]').click();
    await expectText(page.locator('[data-testid=scheme-saved]'), /Bei 1 Verbund käme das Casting heute anders heraus/);
    await waitForSave(page, saved);

    await reloadApp(page);
    await navigate(page, '/verbuende/g-zeta/casting');
    await castCorporate(page, [...C_ANSWERS, ['Digitalaffinität', 'hoch']]);
    await expectText(page.locator('[data-testid=result-summary]'), '5 Punkte · 1 Kontakt im Jahr');
  });
});
