// Accessibility: axe-core on every page and state, at tablet, landscape and phone sizes, and
// touch targets of at least 44 px on the pages used in customer meetings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, setDatabase, uploadFile } from './harness.mjs';
import {
  appStorage,
  chunkKeys,
  eventually,
  expectText,
  exportBook,
  exportDoc,
  heading,
  importByMerge,
  jsonFile,
  LANDSCAPE,
  loadSampleData,
  navigate,
  openApp,
  PHONE,
  pickImport,
  reloadApp,
  smallBook,
  useApp,
} from './app.mjs';

const { session } = useApp();

/** Ids of records in the sample book that show the most on their pages. */
async function sampleIds(page) {
  const { book } = (await exportBook(page)).doc;
  const person = book.persons.find((p) => p.phone && p.email && p.position);
  const customer = book.customers.find((c) => c.id === person.customer);
  const withOccasion = book.customers.find((c) => c.occasions?.length) ?? customer;
  return { group: customer.group, customer: withOccasion.id, person: person.id, colleague: book.colleagues[0].id };
}

const submit = (page) => page.getByRole('button', { name: 'Speichern', exact: true }).click();

/** Pages of a filled book: [label, hash, heading, what to do there first]. */
function bookPages(ids) {
  return [
    ['start page with data', '/', 'Übersicht'],
    ['group list', '/verbuende', 'Kundenverbünde'],
    ['group list with a search', '/verbuende?q=Mueller', 'Kundenverbünde'],
    ['group page', `/verbuende/${ids.group}`, null],
    ['new group form', '/verbuende/neu', 'Neuer Kundenverbund'],
    ['group form with errors', '/verbuende/neu', 'Neuer Kundenverbund', async (page) => {
      await submit(page);
      await page.locator('#f-name-des-verbunds-fehler').waitFor();
    }],
    ['edit group form', `/verbuende/${ids.group}/bearbeiten`, 'Verbund bearbeiten'],
    ['new customer form with an occasion', `/verbuende/${ids.group}/neuer-kunde`, 'Neuer Kunde', async (page) => {
      await page.getByRole('button', { name: 'Anlass hinzufügen' }).click();
      await page.locator('.occasion-row').waitFor();
    }],
    ['edit customer form', `/kunden/${ids.customer}`, 'Kunde bearbeiten'],
    ['customer form with errors', `/kunden/${ids.customer}`, 'Kunde bearbeiten', async (page) => {
      await page.getByLabel('Telefon', { exact: true }).fill('abc');
      await page.getByLabel('E-Mail', { exact: true }).fill('kein@mail');
      await submit(page);
      await page.locator('#f-e-mail-fehler').waitFor();
    }],
    ['new contact person form', `/kunden/${ids.customer}/neuer-ansprechpartner`, 'Neuer Ansprechpartner'],
    ['contact person form with errors', `/ansprechpartner/${ids.person}`, 'Ansprechpartner bearbeiten', async (page) => {
      await page.getByLabel('E-Mail').fill('kein@mail');
      await page.getByLabel('Telefon').fill('abc');
      await submit(page);
      await page.locator('#f-e-mail-fehler').waitFor();
    }],
    ['edit contact person form', `/ansprechpartner/${ids.person}`, 'Ansprechpartner bearbeiten'],
    ['colleague list', '/kollegen', 'Kolleg:innen und Fachbereiche'],
    ['new colleague form', '/kollegen/neu', 'Neue Kolleg:in / neuer Fachbereich'],
    ['edit colleague form', `/kollegen/${ids.colleague}`, 'Kolleg:in bearbeiten'],
    ['data page with an import preview', '/daten', 'Daten', async (page) => {
      await pickImport(page, jsonFile('klein.json', exportDoc(smallBook())));
    }],
    ['data page with an import error', '/daten', 'Daten', async (page) => {
      await uploadFile(page, '[data-testid=import-file]', jsonFile('kaputt.json', '{'));
      await page.locator('[data-testid=import-error]').waitFor();
    }],
    ['share page with a group chosen', `/daten/weitergeben?verbund=${ids.group}`, 'Verbünde weitergeben'],
    ['data page with the seal fields', '/daten', 'Daten', async (page) => {
      await page.locator('[data-testid=export-seal]').check();
      await page.getByLabel('Kennwort (mindestens 12 Zeichen)').fill('kurz');
    }],
    ['disclosure of a contact person', `/auskunft/ansprechpartner/${ids.person}`, null],
    ['casting overview', '/casting', 'Casting'],
    ['casting form of a group', `/verbuende/${ids.group}/casting`, null],
    ['casting form with a manual class', `/verbuende/${ids.group}/casting`, null, async (page) => {
      await page.locator('.override summary').click();
      await page.getByLabel('Begründung').waitFor();
    }],
    ['casting round', '/casting/runde', null],
    ['scheme editor', '/casting/schemata', 'Casting-Schemata'],
    ['capacity', '/casting/kapazitaet', 'Kapazität'],
    ['group list filtered by casting', '/verbuende?casting=faellig', 'Kundenverbünde'],
    ['contact form', `/verbuende/${ids.group}/kontakt`, 'Kontakt erfassen'],
    ['planned contact form', `/verbuende/${ids.group}/geplant`, 'Kontakt planen'],
    ['contact reminder', '/erinnerung', 'Kontakt-Erinnerung'],
    ['contact history', '/kontakte', 'Kontakthistorie'],
    ['call party builder', '/telefonaktion', 'Telefonaktion'],
    ['call party running', '/telefonaktion', 'Telefonaktion', async (page) => {
      await page.getByRole('button', { name: 'Telefonaktion starten' }).click();
      await page.locator('[data-testid=party-summary]').waitFor();
    }],
    ['dashboard', '/auswertung', 'Auswertung'],
    ['target vs actual with its counting rules', '/auswertung/soll-ist?klasse=a', 'Soll/Ist', async (page) => {
      await page.locator('[data-testid=counting-settings] summary').click();
    }],
    ['success planning', '/planung', 'Erfolgsplanung'],
    ['success planning with bad values', '/planung?advisors=x', 'Erfolgsplanung', async (page) => {
      await page.locator('[data-testid=sp-errors]').waitFor();
    }],
    ['not-found page', '/gibtsnicht', 'Nicht gefunden'],
  ];
}

/** Opens one page of the list above and waits until it shows. */
async function visit(page, [, hash, title, prepare]) {
  await navigate(page, hash);
  if (title) await expectText(heading(page), title);
  else await heading(page).waitFor();
  await prepare?.(page);
}

test('axe finds no violations on any page at tablet size', { timeout: 120_000 }, async (t) => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await page.locator('[data-testid=load-sample]').waitFor();
    for (const [label, hash, title] of [
      ['empty start page', '/', 'Übersicht'],
      ['empty group list', '/verbuende', 'Kundenverbünde'],
      ['empty data page', '/daten', 'Daten'],
    ]) {
      await t.test(label, async () => {
        await visit(page, [label, hash, title]);
        await checkA11y(page, label);
      });
    }

    await loadSampleData(page);
    const ids = await sampleIds(page);
    for (const entry of bookPages(ids)) {
      await t.test(entry[0], async () => {
        await visit(page, entry);
        await checkA11y(page, entry[0]);
      });
    }
  });
});

test('axe finds no violations on the quarantine page', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    const [chunk] = chunkKeys(await appStorage(page), 'customer');
    await setDatabase(page, { [chunk]: 'z1:!!!' });
    await reloadApp(page);
    await page.locator('[data-testid=quarantine]').waitFor();
    await checkA11y(page, 'quarantine page');
  });
});

for (const [size, viewport] of [['landscape 1024x768', LANDSCAPE], ['phone 390x844', PHONE]]) {
  test(`axe finds no violations on the start page and the list at ${size}`, { timeout: 60_000 }, async (t) => {
    await session(
      async ({ page, url }) => {
        await openApp(page, url, '/');
        await page.locator('[data-testid=load-sample]').waitFor();
        await t.test('empty start page', () => checkA11y(page, `empty start page, ${size}`));
        await loadSampleData(page);
        await t.test('start page with data', () => checkA11y(page, `start page, ${size}`));
        await navigate(page, '/verbuende');
        await expectText(heading(page), 'Kundenverbünde');
        await t.test('group list', () => checkA11y(page, `group list, ${size}`));
      },
      { viewport },
    );
  });
}

/** Visible controls lower than 44 px, described so they can be found. */
async function smallTargets(page) {
  return page.evaluate((min) => {
    const describe = (el, height) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
      const type = el.type && el.tagName === 'INPUT' ? `[type=${el.type}]` : '';
      const label = el.labels?.[0]?.textContent || el.getAttribute('aria-label') || el.textContent || '';
      return `${el.tagName.toLowerCase()}${id}${cls}${type} "${label.trim().slice(0, 40)}": ${height} px`;
    };
    const out = [];
    for (const el of document.querySelectorAll('button, a, input, select, textarea')) {
      // A radio or checkbox inside its label is tapped through the label: measure that.
      const target = el.tagName === 'INPUT' && /radio|checkbox/.test(el.type) && el.closest('label') ? el.closest('label') : el;
      const r = target.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Not visible: no box, hidden, or parked off-screen (the skip link until focused).
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || r.right <= 0 || r.bottom <= 0) continue;
      // Inline text links in running text are exempt; a link that is most of its line is not.
      const prose = (el.closest('p')?.textContent.length ?? 0) - el.textContent.length;
      if (el.tagName === 'A' && style.display === 'inline' && prose > 40) continue;
      const height = Math.round(r.height * 100) / 100;
      if (height < min) out.push(describe(el, height));
    }
    return out;
  }, 44);
}

test('every control on the list, the group page and the forms is at least 44 px high', { timeout: 90_000 }, async (t) => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    const ids = await sampleIds(page);
    const pages = bookPages(ids).filter(([label]) => /list|group page|form|casting|scheme|capacity|contact|reminder|call party|dashboard|target|planning/.test(label));
    assert.ok(pages.length >= 10);
    for (const entry of pages) {
      await t.test(entry[0], async () => {
        await visit(page, entry);
        assert.ok((await page.locator('main input, main a, main button').count()) > 0);
        assert.deepEqual(await smallTargets(page), [], `controls under 44 px on the ${entry[0]}`);
      });
    }
  });
});

test('keyboard: the skip link reaches the content, and navigation moves focus to the heading', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id ?? ''}`);

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await focused(), 'MAIN#inhalt'));

    await navigate(page, '/verbuende');
    await eventually(async () => assert.equal(await focused(), 'H1#'));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Kundenverbünde');
  });
});

test('keyboard: a focused tile shows its focus ring around the whole tile', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    await navigate(page, '/verbuende/g-baecker/kontakt');
    await expectText(heading(page), 'Kontakt erfassen');
    const tile = page.locator('.choice').first();
    await tile.locator('input').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const ring = await page.evaluate(() => {
      const input = document.activeElement;
      const label = input.closest('.choice');
      return { label: getComputedStyle(label).outlineStyle, input: getComputedStyle(input).outlineStyle };
    });
    assert.deepEqual(ring, { label: 'solid', input: 'none' });
  });
});

test('a message with undo keeps its close button on the same line at tablet width', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await loadSampleData(page);
    await navigate(page, '/verbuende');
    await page.locator('[data-testid=group-list] a.row').first().click();
    page.on('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    const toast = page.locator('.toast');
    // A long message: customers, contact persons and contacts went with the group.
    await expectText(toast.locator('span'), /^Verbund „.+“ mit .+ und .+ gelöscht\.$/);
    const [text, close] = await Promise.all([
      toast.locator('span').boundingBox(),
      toast.getByRole('button', { name: 'Meldung schließen' }).boundingBox(),
    ]);
    const middle = close.y + close.height / 2;
    assert.ok(middle >= text.y && middle <= text.y + text.height, `close button at ${middle}, text ${text.y}–${text.y + text.height}`);
  });
});
