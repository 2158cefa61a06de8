// The core flows in WebKitGTK at tablet size, one after another in one browser session: the app
// starts, the sample book loads and is stored, survives a reload, a contact with a follow-up is
// recorded and kept, and the reminder shows its counts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byText, clickCentred, css, eventually, germanNumber, META, TABLET, tiles, useWebKit, xpath } from './driver.mjs';

const app = useWebKit();

const heading = 'main h1';
const firstStat = '[data-testid=stats] .stat dd';
let groups; // the sample book's group count, read after loading it

test('WebKit starts the app: the root is marked ready, the start page says "Übersicht"', { timeout: 60_000 }, async () => {
  assert.deepEqual(
    { width: app.viewport.width, height: app.viewport.height },
    TABLET,
    'the page area has tablet size (WebDriver "Set Window Rect")',
  );
  await app.open('/');
  // The session's profile is ephemeral; clear anyway, so the test starts from an empty book.
  await app.clearStorage();
  await app.reload();
  await app.expectCount('[data-app-ready]', 1);
  await app.expectText(heading, 'Übersicht');
  await app.expectCount('[data-testid=load-sample]', 1);
  await app.assertNoProblems();
});

test('the sample book loads and is stored in IndexedDB', { timeout: 60_000 }, async () => {
  const before = await app.storedRevision();
  await app.click('[data-testid=load-sample]');
  await app.find('[data-testid=stats]');
  const revision = await app.waitForSave(before);
  const meta = await app.storedMeta();
  assert.ok(meta, `${META} is stored in IndexedDB`);
  assert.equal(meta.chunks, 64, 'the IndexedDB layout');
  const local = await app.script("return Object.keys(localStorage).filter((k) => k.startsWith('kontaktnetz.')).length;");
  assert.equal(local, 0, 'nothing of the book in localStorage');
  assert.ok(meta.revision > 0, `${META} revision ${meta.revision} > 0`);
  assert.equal(meta.revision, revision);
  groups = germanNumber(await app.expectText(firstStat, /^\d[\d.]*$/));
  assert.ok(groups > 0, `the sample book has groups (first stat: ${groups})`);
  await app.expectText('[data-testid=stats] .stat dt', 'Kundenverbünde');
  await app.assertNoProblems();
});

test('after a reload the book is still there with the same group count', { timeout: 60_000 }, async () => {
  assert.ok(groups > 0, 'needs the sample book of the previous test');
  await app.reload();
  await app.find('[data-testid=stats]');
  const after = germanNumber(await app.expectText(firstStat, /^\d[\d.]*$/));
  assert.equal(after, groups, 'group count after the reload');
  await app.assertNoProblems();
});

test('a contact with a follow-up in a month is recorded from a group page and kept across a reload', { timeout: 90_000 }, async () => {
  await app.navigate('/verbuende');
  const link = await app.find('[data-testid=group-list] a.row');
  const href = await link.getAttribute('href');
  const group = decodeURIComponent(href.split('#/verbuende/')[1] ?? '');
  assert.ok(group, `a group link: ${href}`);
  await clickCentred(app.driver, link, 'the first group link');
  await app.waitForHash(`/verbuende/${group}`);

  const section = "//section[@data-testid='group-contacts']";
  const history = xpath(`${section}/h3[starts-with(normalize-space(),'Verlauf')]`);
  const total = async () => germanNumber((await app.expectText(history, /^Verlauf \([\d.]+ Kontakte?\)$/)).match(/\(([\d.]+)/)[1]);
  const contactsBefore = await total();

  await app.click(byText('a', 'Kontakt erfassen', section));
  await app.waitForHash(`/verbuende/${group}/kontakt`);
  await app.expectText(heading, 'Kontakt erfassen');

  // A format the group's class plans (marked tiles would ask first).
  const format = await app.find(tiles('Format', " and not(contains(@class,'marked'))"));
  const formatName = (await format.getText()).trim();
  await clickCentred(app.driver, format, `the format tile "${formatName}"`);
  assert.equal(await format.findElement(css('input')).isSelected(), true, `the tile "${formatName}" is picked`);

  await app.click(byText('button', '+1 Monat'));
  await app.find('#f-folge-datum');
  const readDate = () => app.script("return document.getElementById('f-folge-datum').value;");
  const isoDate = await eventually(async () => {
    const value = await readDate();
    assert.match(value, /^\d{4}-\d\d-\d\d$/);
    return value;
  }).catch(async () => {
    throw new Error(`"+1 Monat" did not set the follow-up date: ${JSON.stringify(await readDate())}`);
  });
  const days = Math.round((Date.parse(isoDate) - Date.parse(localIsoDate(new Date()))) / 86_400_000);
  assert.ok(days >= 28 && days <= 31, `"+1 Monat" gives ${isoDate}, ${days} days from today`);
  const [y, m, d] = isoDate.split('-');
  const germanDate = `${d}.${m}.${y}`;

  const revision = await app.storedRevision();
  await app.click(byText('button', 'Kontakt speichern'));
  await app.waitForHash(`/verbuende/${group}`);
  await app.waitForSave(revision);

  await app.reload();
  await app.expectText(heading, /\S/);
  assert.equal(await app.script('return location.hash;'), `#/verbuende/${group}`, 'the reload stays on the group page');
  assert.equal(await total(), contactsBefore + 1, 'one more contact in the history');
  await app.expectCount(
    xpath(`${section}//*[@data-testid='contact'][contains(normalize-space(), ${JSON.stringify(`Nächster Kontakt vereinbart: ${germanDate}`)})]`),
    1,
  );
  await app.expectCount(
    xpath(`${section}//*[@data-testid='planned'][starts-with(normalize-space(), ${JSON.stringify(germanDate)})]`),
    (n) => n >= 1,
  );
  await app.assertNoProblems();
});

test('the reminder shows its heading and counts', { timeout: 60_000 }, async () => {
  await app.navigate('/erinnerung');
  await app.expectText(heading, 'Kontakt-Erinnerung');
  await app.expectText('[data-testid=reminder-counts]', /^\d[\d.]* überfällig/);
  await app.assertNoProblems();
});

/** A local date as the value of an `<input type=date>`. */
function localIsoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
