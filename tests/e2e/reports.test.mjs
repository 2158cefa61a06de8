// Reports: the success planning against the reference table and from a shared address, the
// dashboard's figures for the pinned schema-4 book, drill-downs to exactly the groups counted,
// CSV files as German Excel reads them, and the counting settings kept across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { downloadText, setStorage } from './harness.mjs';
import {
  useApp, openApp, reloadApp, navigate, expectText, expectCount, heading, settle, waitForHash,
  storedRevision, waitForSave,
} from './app.mjs';

const { session } = useApp();

const out = (page, id) => page.locator(`[data-testid=${id}]`);

/** A CSV download as rows of cells, after checking the BOM, semicolons and CRLF. */
async function csvOf(page, testid) {
  const { filename, text } = await downloadText(page, () => out(page, `${testid}-csv`).click());
  assert.match(filename, new RegExp(`^kontaktnetz-${testid}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with BOM');
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  return text.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
}

test('success planning reproduces the reference table and keeps a scenario in the address', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/planung');
    await expectText(heading(page), 'Erfolgsplanung');
    const reference = {
      'sp-calls': '1.890', 'sp-immediate': '756', 'sp-followup-calls': '756',
      'sp-followup-appointments': '378', 'sp-appointments': '1.134',
      'sp-call-success': '80 %', 'sp-overall-success': '24 %',
      'sp-year1': '441.000 €', 'sp-year2': '1.701.000 €',
    };
    for (const [id, text] of Object.entries(reference)) await expectText(out(page, id), text);
    const months = await csvOf(page, 'sp-months');
    assert.equal(months.length, 25, 'head and 24 months');
    assert.deepEqual(months[2], ['2 (Jahr 1)', '157,5', '63', '0', '0', '0 €', '0 €']);
    assert.equal(months[12][6], '441.000 €');
    assert.equal(months[24][6], '2.142.000 €');

    // Hand-computed alternative: 2 advisors, 100 days, 1,5 calls; 20 % now, 30 % follow-up
    // with 60 % appointments; 50 % converted after 3 months; 1.000 € each.
    await navigate(page, '/planung?advisors=2&days=100&calls_per_day=1,5&immediate=20&follow_up=30&follow_up_appt=60&conv3=50&conv6=50&conv12=50&conv18=50&value=1000');
    await expectText(out(page, 'sp-calls'), '300');
    await expectText(out(page, 'sp-appointments'), '114');
    await expectText(out(page, 'sp-overall-success'), '19 %');
    await expectText(out(page, 'sp-year1'), '24.500 €');
    await expectText(out(page, 'sp-year2'), '57.000 €');

    // Editing an input rewrites the address, so a reload shows the same scenario.
    await page.getByLabel('Betreuer:innen im Team').fill('4');
    await waitForHash(page, /advisors=4&/);
    await expectText(out(page, 'sp-calls'), '600');
    await reloadApp(page);
    await expectText(out(page, 'sp-calls'), '600');
    assert.equal(await page.getByLabel('Deckungsbeitrag je Abschluss in €').inputValue(), '1000');

    // Invalid values are named, not replaced by defaults.
    await navigate(page, '/planung?advisors=neun&conv6=5&immediate=70');
    const errors = out(page, 'sp-errors');
    await expectText(errors, /Betreuer:innen im Team: „neun“ ist keine Zahl\./);
    await expectCount(out(page, 'sp-calls'), 0);
    await page.getByLabel('Betreuer:innen im Team').fill('9');
    await expectText(errors, /Sofort-Termine und Follow-ups zusammen können nicht mehr als 100 % der Anrufe sein\./);
    await expectText(errors, /Die Abschlussquote nach 6 Monaten ist kumuliert und kann nicht unter der nach 3 Monaten liegen\./);
    await page.getByLabel('Sofort-Terminquote in %').fill('40');
    await page.getByLabel('Abschlüsse nach 6 Monaten (kumuliert) in %').fill('20');
    await expectText(out(page, 'sp-year1'), '441.000 €');
    await expectCount(errors, 0);
  });
});

/** The pinned schema-4 book (3 groups, 10 contacts May to November 2026) in storage. */
async function openGoldenBook(page, url) {
  const dump = JSON.parse(await readFile(new URL('../fixtures/storage-4.json', import.meta.url), 'utf8'));
  await openApp(page, url, '/');
  await setStorage(page, dump);
  await reloadApp(page);
}

// A fixed past period, so the figures do not move with the day the test runs.
const PERIOD = 'zeitraum=frei&von=2026-01-01&bis=2026-11-20';

test('dashboard figures for a fixed book, drill-downs to exactly the groups counted, CSV', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openGoldenBook(page, url);
    await navigate(page, `/auswertung?${PERIOD}`);
    await expectText(heading(page), 'Auswertung');
    await expectText(out(page, 'period'), 'Zeitraum: 01.01.2026 bis 20.11.2026');
    const expected = {
      'dash-groups': '3', 'dash-achievement': '114 %', 'dash-under': '0', 'dash-over': '1',
      'dash-time-cd': '22 %',
    };
    for (const [id, text] of Object.entries(expected)) await expectText(out(page, id), text);
    await expectText(out(page, 'dash-no-contact'), '0');
    // Every figure says in one plain line what it means.
    const tiles = page.locator('[data-testid=dash-stats] .stat');
    for (const tile of await tiles.all()) assert.match(await tile.locator('.explain').innerText(), /\w.{20,}/);
    await expectText(out(page, 'dash-stats').locator('.stat', { has: out(page, 'dash-achievement') }).locator('.explain'), /anteilige Soll/);

    const classes = await csvOf(page, 'dash-classes');
    assert.deepEqual(classes[0], ['Klasse', 'Verbünde', 'Soll (anteilig)', 'Ist', 'Erfüllung', 'unterbetreut', 'im Soll', 'überbetreut', 'Anteil', 'Zeit (Std.)', 'Zeitanteil']);
    assert.deepEqual(classes.slice(1).map((r) => r.slice(0, 8)), [
      ['Klasse A', '1', '2', '1', '51 %', '0', '1', '0'],
      ['Klasse B', '1', '1,6', '2', '129 %', '0', '1', '0'],
      ['Klasse C', '0', '0', '0', '–', '0', '0', '0'],
      ['Klasse D', '1', '0', '1', '–', '0', '0', '1'],
      ['Portfolio', '3', '3,5', '4', '114 %', '0', '2', '1'],
    ]);
    const channels = await csvOf(page, 'dash-channels');
    assert.deepEqual(channels.at(-1), ['Alle Kontakte', '10', '']);

    // The over-served number lists exactly Stadt Elzach; the decile links add up to all groups.
    await out(page, 'dash-over').getByRole('link').click();
    await waitForHash(page, /soll-ist\?.*status=ueber/);
    await expectText(out(page, 'soll-ist-title'), 'Verbünde: überbetreut');
    const rows = out(page, 'soll-ist-groups').locator('tbody tr');
    await expectCount(rows, 1);
    await expectText(rows.first().locator('th'), 'Stadt Elzach');
    // The status says what makes it.
    await expectText(rows.first().locator('td').last(), /^überbetreut – \d+ Kontakte? mehr als Soll$/);
    // What counts is said at the top, in plain words.
    await expectText(out(page, 'counting-summary'), /^Es zählen Kontakte, bei denen der Kunde erreicht wurde, .* Das Soll ist anteilig/);
    const listed = await csvOf(page, 'soll-ist-groups');
    assert.deepEqual(listed.slice(1).map((r) => r[0]), ['Stadt Elzach']);

    // B's "im Soll" count in the class roll-up lists the Koch-Gruppe, and only it.
    const bRow = out(page, 'soll-ist-classes').locator('tbody tr').nth(1);
    await bRow.locator('td').nth(5).getByRole('link').click();
    await waitForHash(page, /klasse=b&status=im-soll/);
    await expectCount(rows, 1);
    await expectText(rows.first().locator('th'), 'Koch-Gruppe');

    await navigate(page, `/auswertung?${PERIOD}`);
    const deciles = await csvOf(page, 'dash-deciles');
    assert.equal(deciles.slice(1).reduce((n, r) => n + Number(r[1]), 0), 3);
    await out(page, 'dash-deciles').locator('tbody tr').first().getByRole('link').click();
    await waitForHash(page, /dezil=1/);
    await expectCount(rows, 1);
    await expectText(rows.first().locator('th'), 'Koch-Gruppe');

    // A contact count opens the history with exactly those contacts.
    await navigate(page, `/auswertung?${PERIOD}`);
    await out(page, 'dash-directions').locator('tbody tr').nth(1).getByRole('link').click();
    await waitForHash(page, /kontakte\?.*richtung=Inbound/);
    await expectText(out(page, 'contact-count'), /^4 Kontakte/);
  });
});

test('the counting rules are saved with the book and change the figures', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openGoldenBook(page, url);
    await navigate(page, `/auswertung/soll-ist?${PERIOD}`);
    await expectText(heading(page), 'Soll/Ist');
    const portfolio = out(page, 'soll-ist-classes').locator('tfoot td');
    await expectText(portfolio.nth(2), '4');

    // Not counting video calls any more takes the Koch-Gruppe's video call out.
    await page.locator('[data-testid=counting-settings] summary').click();
    const revision = await storedRevision(page);
    await page.locator('fieldset', { hasText: 'Kanäle' }).getByText('Video', { exact: true }).click();
    await page.getByLabel('Überbetreut über … % des Solls').fill('99');
    await out(page, 'counting-save').click();
    await expectText(page.locator('[data-testid=counting-settings] .error'), 'Die Schwelle für „überbetreut“ muss zwischen 100 und 1.000 % liegen.');
    await page.getByLabel('Überbetreut über … % des Solls').fill('300');
    await out(page, 'counting-save').click();
    await waitForSave(page, revision);
    await expectText(portfolio.nth(2), '3');

    await reloadApp(page);
    await expectText(portfolio.nth(2), '3');
    await page.locator('[data-testid=counting-settings] summary').click();
    assert.equal(await page.getByLabel('Überbetreut über … % des Solls').inputValue(), '300');
    const video = page.locator('fieldset', { hasText: 'Kanäle' }).getByRole('checkbox', { name: 'Video' });
    assert.equal(await video.isChecked(), false);
  });
});

test('reports at phone and landscape size, with a print button and bad addresses named', { timeout: 60_000 }, async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1024, height: 768 }]) {
    await session(async ({ page, url }) => {
      await openGoldenBook(page, url);
      await navigate(page, '/auswertung?zeitraum=bald&dezil=11');
      await expectText(page.locator('main .error[role=alert]').first(), 'Diese Angaben in der Adresse sind ungültig und wurden übergangen: zeitraum, dezil.');
      await expectText(out(page, 'dash-groups'), '3');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `no sideways scrolling of the page at ${viewport.width} px (${width})`);
      await page.emulateMedia({ media: 'print' });
      await expectCount(page.locator('.topbar:visible'), 0);
      await expectCount(page.locator('button:visible'), 0);
      await page.emulateMedia({ media: 'screen' });
      await navigate(page, '/verbuende/g-familie-weber');
      await expectCount(out(page, 'print-group'), 1);
      await settle(page);
    }, { viewport });
  }
});
