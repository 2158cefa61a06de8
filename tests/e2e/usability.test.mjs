// Usability in the meeting, at the sizes an advisor uses: the navigation leaves room for the
// page, and what stays on screen while scrolling is small.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y } from './harness.mjs';
import {
  createCustomer,
  createGroup,
  acceptDialogs,
  expectCount,
  expectText,
  heading,
  LANDSCAPE,
  loadSampleData,
  navigate,
  openApp,
  PHONE,
  settle,
  TABLET,
  useApp,
  waitForHash,
} from './app.mjs';

const { session } = useApp();

/**
 * Tile labels whose words would not fit without breaking inside a word (breaking is switched
 * off while measuring, so a missing hyphenation dictionary cannot hide it).
 */
const brokenWords = (page) =>
  page.locator('.choice span:not(.points)').evaluateAll((spans) => spans.filter((s) => {
    s.style.overflowWrap = 'normal';
    s.style.hyphens = 'manual';
    const over = s.scrollWidth > s.clientWidth + 1;
    s.style.overflowWrap = s.style.hyphens = '';
    return over;
  }).map((s) => s.textContent));

/** The first group of the list. */
async function firstGroup(page) {
  await navigate(page, '/verbuende');
  const href = await page.getAttribute('[data-testid=group-list] li a', 'href');
  return href.replace(/^#/, '');
}

/**
 * Share of the viewport height covered by fixed or sticky bars (outermost only, as wide as
 * most of the screen) at the current scroll position. A sticky panel in a column of its own
 * (the casting result beside the criteria) covers nothing.
 */
const chromeShare = (page) =>
  page.evaluate(() => {
    const pinned = (el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position);
    let covered = 0;
    for (const el of document.querySelectorAll('body *')) {
      if (!pinned(el)) continue;
      let outer = true;
      for (let a = el.parentElement; a; a = a.parentElement) if (pinned(a)) outer = false;
      if (!outer) continue;
      const r = el.getBoundingClientRect();
      const visible = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      if (r.width >= 0.6 * innerWidth && visible > 0) covered += visible;
    }
    return covered / innerHeight;
  });

for (const [size, viewport] of [['768x1024', TABLET], ['1024x768', LANDSCAPE], ['390x844', PHONE]]) {
  test(`at ${size} the navigation takes one row and what stays on screen while scrolling a form is at most 15 %`, { timeout: 60_000 }, async () => {
    await session(async ({ page, url }) => {
      await openApp(page, url);
      await loadSampleData(page);
      const group = await firstGroup(page);
      // A message is shown for a while only; the rest stays.
      await page.locator('.toast').getByRole('button', { name: /schließen/i }).click();
      await expectCount(page.locator('.toast'), 0);
      // Forms with their save bar, and a long list.
      for (const hash of [`${group}/kontakt`, `${group}/casting`, '/kontakte']) {
        await navigate(page, hash);
        await heading(page).waitFor();
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        await settle(page);
        const share = await chromeShare(page);
        assert.ok(share <= 0.15, `${hash}: fixed and sticky parts cover ${Math.round(share * 100)} % of the screen`);
        if (viewport === PHONE && hash !== '/kontakte') {
          // A form has its own bar: the tab bar steps aside.
          await expectCount(page.getByRole('navigation', { name: 'Hauptnavigation' }), 0);
        }
      }

      await navigate(page, '/verbuende');
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      const links = nav.locator('> a:visible');
      const tops = await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
      assert.equal(new Set(tops).size, 1, `the visible entries sit in one row: ${tops}`);
      const box = await nav.boundingBox();
      const last = await links.last().boundingBox();
      assert.ok(last.x + last.width <= viewport.width, 'the bar fits the screen');
      const moreBox = await nav.locator('.nav-more > summary').boundingBox();
      assert.ok(moreBox.x + moreBox.width <= viewport.width, '"Mehr" is on the screen');
      if (viewport === PHONE) {
        // A tab bar at the bottom: four pages and "Mehr".
        assert.deepEqual(await links.allInnerTexts(), ['Übersicht', 'Erinnerung', 'Verbünde', 'Kontakte']);
        assert.ok(Math.abs(box.y + box.height - viewport.height) < 1, 'the tab bar sits at the bottom');
      } else {
        assert.deepEqual(await links.allInnerTexts(), ['Erinnerung', 'Verbünde', 'Kontakte', 'Casting', 'Auswertung']);
        assert.ok((await page.locator('.topbar').boundingBox()).height <= 56, 'the top bar is one row');
      }

      // The other pages are under "Mehr"; choosing one closes the menu.
      const more = nav.locator('.nav-more > summary');
      await more.click();
      const menu = nav.locator('.more-menu');
      await checkA11y(page, `open menu, ${size}`);
      const inMenu = await menu.locator('a:visible').allInnerTexts();
      for (const label of ['Telefonaktion', 'Kolleg:innen', 'Daten']) assert.ok(inMenu.includes(label), `${label} is under "Mehr"`);
      await menu.getByRole('link', { name: 'Daten' }).click();
      await waitForHash(page, /^#\/daten$/);
      await expectCount(menu.locator('a:visible'), 0);
      // The page is under "Mehr", so "Mehr" shows where the advisor is.
      assert.equal(await more.evaluate((el) => getComputedStyle(el).textDecorationLine), 'underline');

      // Escape closes the menu and leaves the focus on "Mehr"; a tap elsewhere closes it too.
      await more.click();
      await page.keyboard.press('Escape');
      await expectCount(menu.locator('a:visible'), 0);
      assert.equal(await more.evaluate((el) => el === document.activeElement), true);
      await more.click();
      await heading(page).click();
      await expectCount(menu.locator('a:visible'), 0);

      // The current page is marked where it is visible.
      await navigate(page, '/verbuende');
      await expectCount(nav.locator('a[aria-current=page]:visible', { hasText: 'Verbünde' }), 1);
    }, { viewport });
  });
}

/** Checks that the element is on screen and not hidden under the top bar or the save bar. */
async function expectInClearView(page, locator) {
  const clear = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.querySelector('.topbar');
    const topEdge = top && getComputedStyle(top).position === 'sticky' ? top.getBoundingClientRect().bottom : 0;
    const bar = document.querySelector('.actions.sticky');
    const bottomEdge = bar ? bar.getBoundingClientRect().top : innerHeight;
    return r.top >= topEdge - 1 && r.top < bottomEdge;
  });
  assert.ok(clear, 'the problem is in view, clear of the sticky bars');
}

for (const [size, viewport] of [['768x1024', TABLET], ['390x844', PHONE]]) {
  test(`at ${size} a contact saved without a format shows, focuses and marks the missing field`, { timeout: 60_000 }, async () => {
    await session(async ({ page, url }) => {
      await openApp(page, url);
      await loadSampleData(page);
      const group = await firstGroup(page);
      await navigate(page, `${group}/kontakt`);
      await page.getByRole('button', { name: 'Kontakt speichern' }).click();
      const format = page.locator('fieldset#f-format');
      await expectText(page.getByTestId('bar-error'), /format/i);
      assert.equal(await format.getAttribute('aria-invalid'), 'true');
      await expectText(format.locator('#f-format-fehler'), /format/i);
      assert.equal(await format.evaluate((f) => f.contains(document.activeElement)), true, 'the focus is in the format choices');
      await expectInClearView(page, format.locator('legend'));
      await checkA11y(page, `contact form with a problem, ${size}`);
      // Choosing a format clears nothing by itself; saving again succeeds and leaves the form.
      await format.getByText('Beratungsgespräch', { exact: true }).click();
      await page.getByRole('button', { name: 'Kontakt speichern' }).click();
      await waitForHash(page, new RegExp(`^#${group}$`));
    }, { viewport });
  });
}

test('a casting saved with open criteria names them, marks each and focuses the first', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    const group = await createGroup(page, { name: 'Familie Neu', segment: 'Privatkunden' });
    await navigate(page, `/verbuende/${group}/casting`);
    const criteria = page.locator('fieldset.criterion');
    // The casting page loads on first use: read the criteria once they are there.
    await criteria.first().waitFor();
    const names = await criteria.locator('legend').allInnerTexts();
    assert.ok(names.length >= 2);
    await page.getByTestId('casting-save').click();
    await expectText(page.getByTestId('bar-error'), new RegExp(`${names.length} Kriterien sind noch nicht beantwortet: ${names[0]}`));
    const message = await page.getByTestId('bar-error').textContent();
    for (const name of names) assert.ok(message.includes(name), `${name} is named`);
    await expectCount(page.locator('fieldset.criterion[aria-invalid=true]'), names.length);
    assert.equal(await criteria.first().evaluate((f) => f.contains(document.activeElement)), true, 'the focus is on the first open criterion');
    await expectInClearView(page, criteria.first().locator('legend'));
    await checkA11y(page, 'casting with open criteria');
    // An answered criterion loses its mark at once.
    await criteria.first().locator('label.choice').first().click();
    await expectCount(page.locator('fieldset.criterion[aria-invalid=true]'), names.length - 1);
  });
});

test('groups of the same name are told apart in the list, the reminder and the casting screen', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/verbuende?q=familie');
    const rows = page.locator('[data-testid=group-list] li');
    await rows.first().waitFor();
    const seen = new Map();
    for (const row of await rows.all()) {
      const title = await row.locator('.title').innerText();
      const marks = await row.getByTestId('group-marks').innerText();
      assert.match(marks, /Kontakt/);
      seen.set(title, [...(seen.get(title) ?? []), marks]);
    }
    const twins = [...seen.values()].filter((m) => m.length > 1);
    assert.ok(twins.length > 0, 'the sample has groups of the same name');
    for (const marks of twins) assert.equal(new Set(marks).size, marks.length, `rows of one name differ: ${marks.join(' | ')}`);

    await navigate(page, '/erinnerung');
    const entry = page.getByTestId('reminder-entry').first();
    await expectText(entry.getByTestId('group-marks'), /Kontakt/);
    const group = await entry.getAttribute('data-group');
    await navigate(page, `/verbuende/${group}/casting`);
    await expectText(page.getByTestId('group-marks'), /Kontakt/);
  });
});

test('no page scrolls sideways at 390, 768 or 1024 px', { timeout: 180_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const group = await firstGroup(page);
    const pages = ['/', '/erinnerung', '/verbuende', group, `${group}/kontakt`, `${group}/casting`, '/kontakte',
      '/telefonaktion', '/casting', '/casting/kapazitaet', '/casting/schemata', '/auswertung', '/auswertung/soll-ist',
      '/planung', '/kollegen', '/daten'];
    const wide = [];
    for (const width of [390, 768, 1024]) {
      await page.setViewportSize({ width, height: width === 1024 ? 768 : 1024 });
      for (const hash of pages) {
        await navigate(page, hash);
        await heading(page).waitFor();
        await settle(page);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > width) wide.push(`${hash} at ${width} px is ${scroll} px wide`);
      }
    }
    assert.deepEqual(wide, []);
  });
});

test('a wide table scrolls in its box on a phone: the first column stays, a shade at the edge says more follows, the keyboard reaches every column', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/kontakte');
    const scroller = page.locator('.table-scroll').first();
    assert.ok(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth), 'the history is wider than a phone');
    // The shade: a gradient that stays at the edge, covered by one that moves with the table.
    const shade = await scroller.evaluate((el) => {
      const s = getComputedStyle(el);
      return { image: s.backgroundImage, attachment: s.backgroundAttachment, table: getComputedStyle(el.querySelector('table')).backgroundColor };
    });
    assert.equal((shade.image.match(/linear-gradient/g) ?? []).length, 2, shade.image);
    assert.match(shade.attachment, /^local, scroll/);
    assert.equal(shade.table, 'rgba(0, 0, 0, 0)', 'the table lets the shade show through');
    assert.equal(await scroller.getAttribute('tabindex'), '0', 'the box is a tab stop for the arrow keys');

    const cells = scroller.locator('tbody tr').first().locator('th, td');
    const firstCell = cells.first();
    const secondCell = cells.nth(1);
    const left = async (loc) => Math.round((await loc.boundingBox()).x);
    const boxLeft = await left(scroller);
    const secondBefore = await left(secondCell);
    await scroller.evaluate((el) => { el.scrollLeft = 150; });
    await page.waitForFunction(() => document.querySelector('.table-scroll').scrollLeft > 0);
    assert.equal(await left(firstCell), boxLeft, 'the first column stays');
    assert.ok(await left(secondCell) < secondBefore, 'the other columns move');
    // The sticky cell is opaque: what passes under it does not show through.
    assert.equal(await firstCell.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');

    // The keyboard reaches the last column: focusing its link scrolls the box to it.
    await scroller.evaluate((el) => { el.scrollLeft = 0; });
    const edit = scroller.locator('tbody tr').first().locator('td').last().locator('a');
    await edit.focus();
    const box = await scroller.boundingBox();
    const link = await edit.boundingBox();
    assert.ok(link.x + link.width <= box.x + box.width + 1, `the focused link is in view: ${JSON.stringify({ link, box })}`);
    await checkA11y(page);

    // The history names the group first; its text columns read from the left.
    const heads = await scroller.locator('thead th').allInnerTexts();
    assert.deepEqual(heads.slice(0, 3).map((t) => t.trim()), ['Verbund', 'Wann', 'Format']);
    const align = (loc) => loc.evaluate((el) => getComputedStyle(el).textAlign);
    assert.equal(await align(cells.first()), 'left');
    assert.equal(await align(cells.nth(2)), 'left');
    // Two filters share a row on a phone, so the table starts sooner.
    const tops = await page.locator('.filters .field').evaluateAll((fs) => fs.slice(0, 2).map((f) => Math.round(f.getBoundingClientRect().top)));
    assert.equal(tops[0], tops[1], `the first two filters share a row: ${tops}`);
    // Numbers in a report still read from the right, beside a left-aligned first column.
    await navigate(page, '/auswertung/soll-ist?zeitraum=12-monate');
    const row = page.locator('.table-scroll tbody tr').first();
    assert.equal(await align(row.locator('th, td').first()), 'left');
    assert.equal(await align(row.locator('td').last()), 'right');
  }, { viewport: PHONE });
});

test('a casting round shows its progress, ends on request with a summary, and "Abbrechen" leads back to the overview', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    // The start page counts the castings due and starts the round in one tap.
    const due = await page.getByTestId('today-casting').innerText();
    await expectText(page.getByTestId('home-round'), `Casting-Runde starten (${due} fällig)`);
    await page.getByTestId('home-round').click();
    await expectText(page.getByTestId('round-progress'), `Verbund 1 von ${due}`);
    const total = Number(due.replace('.', ''));
    assert.match(await page.getByTestId('result-class').innerText(), /^(Noch keine Antwort|Vorläufig Klasse|Klasse)/);
    await page.getByRole('link', { name: 'Überspringen' }).click();
    await expectText(page.getByTestId('round-progress'), `Verbund 2 von ${total.toLocaleString('de-DE')}`);
    await page.getByTestId('round-finish').click();
    await expectText(page.getByTestId('round-summary'), 'In dieser Runde: 0 Verbünde gecastet, 1 übersprungen.');
    await expectText(page.getByTestId('round-done'), /^Runde beendet\. Noch fällig: /);
    await checkA11y(page, 'ended casting round');

    await navigate(page, '/casting');
    await page.getByTestId('start-round').click();
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await waitForHash(page, /^#\/casting$/);
  });
});

test('the contact form: "Gespräch geführt" by default, persons of the same name tell their customer, the follow-up format follows the plan, Enter in a topic takes the topic', { timeout: 90_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    const group = await createGroup(page, { name: 'Weber', segment: 'Privatkunden' });
    const firm = await createCustomer(page, group, { name: 'Weber Bau GmbH', kind: 'Unternehmen' });
    const home = await createCustomer(page, group, { name: 'Familie Weber' });
    // Two people of one name (the helper finds a person by name, so not through it).
    for (const customer of [firm, home]) {
      await navigate(page, `/kunden/${customer}/neuer-ansprechpartner`);
      await page.getByLabel('Name', { exact: false }).fill('Anna Weber');
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await waitForHash(page, new RegExp(`^#/verbuende/${group}$`));
    }
    await navigate(page, `/verbuende/${group}/kontakt`);

    const tiles = (legend) => page.locator('fieldset.criterion', { has: page.locator('legend', { hasText: legend }) });
    const checked = (legend) => tiles(legend).locator('.choice:has(input:checked)');
    await expectText(checked('Ergebnis'), 'Gespräch geführt');
    const people = await tiles('Teilnehmende beim Kunden').locator('.choice').allInnerTexts();
    assert.deepEqual(people.map((t) => t.trim()).sort(), ['Anna Weber (Familie Weber)', 'Anna Weber (Weber Bau GmbH)']);

    // No class yet: the follow-up is an advisory talk, shown as tiles and changeable.
    await expectText(checked('Format des nächsten Kontakts'), 'Beratungsgespräch');

    const more = page.getByLabel('Weitere Themen (mit Komma getrennt)');
    await more.fill('geldanlage, Baufinanzierung Halle');
    await more.press('Enter');
    await expectText(checked('Themen'), 'Geldanlage');
    assert.equal(await more.inputValue(), 'Baufinanzierung Halle');
    assert.match(await page.evaluate(() => location.hash), /\/kontakt$/, 'Enter did not save the contact');
  });
});

for (const [size, viewport] of [['768x1024', TABLET], ['1024x768', LANDSCAPE]]) {
  test(`at ${size} keyboard focus never hides under the top bar or the save bar`, { timeout: 60_000 }, async () => {
    await session(async ({ page, url }) => {
      await openApp(page, url);
      await loadSampleData(page);
      const group = await firstGroup(page);
      await navigate(page, `${group}/kontakt`);
      await page.locator('#f-datum').focus();
      const hidden = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const place = await page.evaluate(() => {
          const el = document.activeElement;
          // The bars themselves, and what is drawn above them (the skip link, the message).
          if (!el || el === document.body || el.closest('.actions.sticky, .topbar, .skip, .toast-region')) return null;
          const r = el.getBoundingClientRect();
          const top = document.querySelector('.topbar').getBoundingClientRect().bottom;
          const bar = document.querySelector('.actions.sticky').getBoundingClientRect().top;
          return r.top >= top - 1 && r.bottom <= bar + 1 ? null : `${el.tagName} ${el.id || el.name || el.textContent.trim().slice(0, 30)}`;
        });
        if (place) hidden.push(place);
      }
      assert.deepEqual(hidden, []);
    }, { viewport });
  });
}

test('the contact form says what else is due and adds the serving colleague in one tap; the save message and the group page say whether the group stays due', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    acceptDialogs(page);
    await loadSampleData(page);
    await navigate(page, '/erinnerung');
    const entry = page.getByTestId('reminder-entry').filter({ hasText: 'Co-Betreuung' }).first();
    const group = await entry.getAttribute('data-group');
    await navigate(page, `/verbuende/${group}`);
    await expectText(page.getByTestId('group-status'), /^(Überfällig seit|Heute fällig)/);

    await navigate(page, `/verbuende/${group}/kontakt`);
    const box = page.getByTestId('also-due');
    await expectText(box.locator('b'), /^Auch fällig: Co-Betreuung /);
    const offer = box.getByRole('button', { name: /teilnehmen lassen$/ }).first();
    const name = (await offer.innerText()).replace(/ teilnehmen lassen$/, '');
    await offer.click();
    const bank = page.locator('fieldset.criterion', { has: page.locator('legend', { hasText: 'Teilnehmende der Bank' }) });
    assert.ok((await bank.locator('.choice:has(input:checked)').allInnerTexts()).some((t) => t.includes(name)), `${name} takes part`);
    assert.equal(await offer.isDisabled(), true);
    await page.locator('fieldset#f-format .choice:not(.marked)').first().click();
    await page.getByRole('button', { name: 'Kontakt speichern' }).click();
    const toast = page.locator('.toast');
    await expectText(toast, /gespeichert\./);
    const message = await toast.innerText();
    await navigate(page, `/verbuende/${group}`);
    const status = await page.getByTestId('group-status').innerText();
    // The message and the page agree: still due, with the reason, or not due now.
    if (/^(Überfällig seit|Heute fällig)/.test(status)) assert.match(message, /bleibt fällig: /);
    else assert.doesNotMatch(message, /bleibt fällig/);
    await checkA11y(page, 'group page with status');
  });
});

test('the short forms bring their first marked field into view and focus it after a failed save', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await navigate(page, '/verbuende/neu');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const name = page.locator('#f-name-des-verbunds');
    await expectText(page.locator('#f-name-des-verbunds-fehler'), /Name/);
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.equal(await name.evaluate((el) => el === document.activeElement), true, 'the name field has the focus');

    // The planned-contact form marks its date the same way.
    const group = await createGroup(page, { name: 'Familie Plan', segment: 'Privatkunden' });
    await navigate(page, `/verbuende/${group}/geplant`);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const day = page.locator('#f-folge-datum');
    await expectText(page.locator('#f-folge-datum-fehler'), /Datum/);
    assert.equal(await day.getAttribute('aria-invalid'), 'true');
    assert.equal(await day.evaluate((el) => el === document.activeElement), true, 'the date field has the focus');
    await day.fill('2027-01-11');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitForHash(page, new RegExp(`^#/verbuende/${group}$`));
  }, { viewport: PHONE });
});

test('on a phone the casting result stays in the save bar and each choice has a row of its own; points never wrap', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    const group = await createGroup(page, { name: 'Apotheke Neu', segment: 'Gewerbekunden' });
    await navigate(page, `/verbuende/${group}/casting`);
    const bar = page.locator('.actions.sticky .bar-result');
    await expectText(bar, 'Noch keine Antwort');
    const first = page.locator('fieldset.criterion').first();
    const lefts = await first.locator('.choice').evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().left)));
    assert.equal(new Set(lefts).size, 1, `one choice per row: ${lefts}`);
    await first.locator('.choice').first().click();
    await expectText(bar, /^Vorläufig Klasse /);
    const lines = await page.locator('.choice .points').evaluateAll((ps) => ps.map((p) => p.getClientRects().length));
    assert.ok(lines.every((n) => n === 1), `points on one line: ${lines}`);

    // On a tablet the result panel beside the criteria says it; the bar does not repeat it.
    await page.setViewportSize(TABLET);
    await expectCount(page.locator('.bar-result:visible'), 0);
    const points = await page.locator('.choice .points').evaluateAll((ps) => ps.map((p) => p.getClientRects().length));
    assert.ok(points.every((n) => n === 1), `points on one line at 768 px: ${points}`);
    // No word needs breaking on the casting screen or the contact form, at either tablet size.
    for (const hash of [`/verbuende/${group}/casting`, `/verbuende/${group}/kontakt`]) {
      await navigate(page, hash);
      for (const size of [TABLET, LANDSCAPE]) {
        await page.setViewportSize(size);
        await settle(page);
        assert.deepEqual(await brokenWords(page), [], `words broken on ${hash} at ${size.width} px`);
      }
    }
  }, { viewport: PHONE });
});
