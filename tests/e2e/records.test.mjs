// Records through the forms: create and keep across reloads, validation, delete with undo,
// moving a customer to another group.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dumpAll } from './harness.mjs';
import {
  acceptDialogs,
  createColleague,
  createCustomer,
  createGroup,
  createPerson,
  dayFromToday,
  expectCount,
  expectText,
  exportDoc,
  heading,
  importByMerge,
  jsonFile,
  navigate,
  openApp,
  reloadApp,
  settle,
  smallBook,
  storedRevision,
  useApp,
  waitForHash,
  waitForSave,
} from './app.mjs';

const { session } = useApp();

test('a colleague, group, customer and contact person survive a reload', { timeout: 60_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    const me = await createColleague(page, {
      name: 'Anna Berater',
      department: 'Firmenkunden',
      me: true,
    });
    await expectText(page.locator('[data-testid=colleague-list] .title'), 'Anna Berater (ich)');

    const group = await createGroup(page, {
      name: 'Müller Maschinenbau',
      segment: 'Firmenkunden',
      advisor: me,
    });
    const blockedUntil = dayFromToday(60);
    const customer = await createCustomer(page, group, {
      kind: 'Unternehmen',
      name: 'Müller Maschinenbau GmbH',
      number: '4711-0815',
      street: 'Gewerbestraße 14',
      postcode: '79183',
      town: 'Waldkirch',
      phone: '07681 4711-0',
      email: 'info@mueller-maschinenbau.example',
      consent: 'ja',
      consentSince: '2025-03-14',
      noContactUntil: blockedUntil.input,
      occasions: [{ kind: 'Jubiläum', date: '2027-05-01', label: '50 Jahre Firma' }],
    });
    const person = await createPerson(page, customer, {
      name: 'Erika Müller',
      position: 'Geschäftsführer/in',
      influence: 9,
      phone: '+49 (0)89 / 12 34-5',
      email: 'erika.mueller@example.de',
    });

    await reloadApp(page);
    assert.equal(new URL(page.url()).hash, `#/verbuende/${group}`, 'the reload stays on the group page');
    const checkGroupPage = async () => {
      await expectText(heading(page), 'Müller Maschinenbau');
      const facts = page.locator('dl.facts');
      await expectText(facts, /Segment\s+Firmenkunden/);
      await expectText(facts, /Betreuer:in\s+Anna Berater/);
      const card = page.locator('[data-testid=members] li.card');
      await expectCount(card, 1);
      await expectText(card.locator('h3'), 'Müller Maschinenbau GmbH');
      const meta = await card.locator('p.meta').first().innerText();
      for (const part of ['Unternehmen', 'Kd.-Nr. 4711-0815', 'Firmenkunden', 'Werbeeinwilligung: ja']) {
        assert.ok(meta.includes(part), `customer meta ${JSON.stringify(meta)} lacks ${part}`);
      }
      await expectText(card.locator('[data-testid=customer-address]'), 'Gewerbestraße 14, 79183 Waldkirch');
      const reach = card.locator('[data-testid=customer-reach]');
      assert.equal(await reach.locator('a[href^="tel:"]').getAttribute('href'), 'tel:0768147110');
      await expectText(reach.locator('a[href^="tel:"]'), '07681 4711-0');
      assert.equal(await reach.locator('a[href^="mailto:"]').getAttribute('href'), 'mailto:info@mueller-maschinenbau.example');
      await expectText(reach.locator('a[href^="mailto:"]'), 'info@mueller-maschinenbau.example');
      await expectText(card.locator('p.warn'), `Keine Ansprache bis ${blockedUntil.german}`);
      await expectText(card.locator('ul.occasions'), 'Jubiläum: 01.05.2027 (50 Jahre Firma)');

      const row = card.locator('li.person');
      await expectText(row.locator(':scope > a'), 'Erika Müller');
      assert.equal(await row.locator(':scope > a').getAttribute('href'), `#/ansprechpartner/${person}`);
      await expectText(row.locator('.meta'), 'Geschäftsführer/in · Einfluss 9');
      const phone = row.locator('a[href^="tel:"]');
      await expectText(phone, '+49 (0)89 / 12 34-5');
      assert.equal(await phone.getAttribute('href'), 'tel:+498912345');
      const mail = row.locator('a[href^="mailto:"]');
      await expectText(mail, 'erika.mueller@example.de');
      assert.equal(await mail.getAttribute('href'), 'mailto:erika.mueller@example.de');
    };
    await checkGroupPage();

    // The consent date is not shown on the group page; the form still has it.
    await navigate(page, `/kunden/${customer}`);
    await expectText(heading(page), 'Kunde bearbeiten');
    assert.equal(await page.getByLabel('Einwilligung seit').inputValue(), '2025-03-14');
    assert.equal(await page.getByLabel('Keine Ansprache bis').inputValue(), blockedUntil.input);
    assert.equal(await page.getByLabel('Kundenverbund').inputValue(), group);
    for (const [label, value] of [
      ['Straße und Hausnummer', 'Gewerbestraße 14'], ['PLZ', '79183'], ['Ort', 'Waldkirch'],
      ['Telefon', '07681 4711-0'], ['E-Mail', 'info@mueller-maschinenbau.example'],
    ]) {
      assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), value, label);
    }

    // A reload on a deep route lands on the same page with the record filled in.
    await navigate(page, `/ansprechpartner/${person}`);
    await reloadApp(page);
    assert.equal(new URL(page.url()).hash, `#/ansprechpartner/${person}`);
    await expectText(heading(page), 'Ansprechpartner bearbeiten');
    await expectText(page.locator('main .lead'), 'bei Müller Maschinenbau GmbH');
    assert.equal(await page.getByLabel('Name', { exact: false }).inputValue(), 'Erika Müller');
    assert.equal(await page.getByLabel('Einfluss (1–10)').inputValue(), '9');

    await navigate(page, '/');
    await expectText(page.locator('main .lead'), 'Angemeldet als Anna Berater');
    await navigate(page, `/verbuende/${group}`);
    await checkGroupPage();
  });
});

test('an empty group name is refused in German and nothing is created', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/verbuende/neu');
    await expectText(heading(page), 'Neuer Kundenverbund');
    const before = await dumpAll(page);

    for (const name of ['', '   ']) {
      await page.getByLabel('Name des Verbunds').fill(name);
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      const field = page.getByLabel('Name des Verbunds');
      await expectText(page.locator('#f-name-des-verbunds-fehler'), 'Name darf nicht leer sein');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.equal(await field.getAttribute('aria-describedby'), 'f-name-des-verbunds-fehler');
      await expectText(
        page.locator('form [role=alert]'),
        'Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.',
      );
      assert.equal(new URL(page.url()).hash, '#/verbuende/neu', 'the form stays open');
    }
    await settle(page);
    assert.deepEqual(await dumpAll(page), before, 'storage changed after a refused save');
    await navigate(page, '/verbuende');
    await expectText(page.locator('[data-testid=result-count]'), '0 Verbünde');
    await expectCount(page.locator('[data-testid=group-list] li'), 0);
  });
});

test('an invalid e-mail of a contact person is refused', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    await navigate(page, '/kunden/c-korn/neuer-ansprechpartner');
    await expectText(heading(page), 'Neuer Ansprechpartner');
    const before = await dumpAll(page);

    await page.getByLabel('Name', { exact: false }).fill('Hans Ohne Mail');
    await page.getByLabel('E-Mail').fill('hans@@example');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expectText(page.locator('#f-e-mail-fehler'), 'E-Mail ist keine gültige E-Mail-Adresse');
    assert.equal(await page.getByLabel('E-Mail').getAttribute('aria-invalid'), 'true');
    await expectText(page.locator('form [role=alert]'), /Es wurde nichts gespeichert/);

    // A fixed address is accepted; the other fields were kept.
    await page.getByLabel('E-Mail').fill('hans@example.de');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitForHash(page, /^#\/verbuende\/g-baecker$/);
    await expectText(page.locator('.person > a', { hasText: 'Hans Ohne Mail' }), 'Hans Ohne Mail');
    assert.notDeepEqual(await dumpAll(page), before);
  });
});

test('a customer\'s invalid phone, e-mail and postcode are refused in German at their fields', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    await navigate(page, '/verbuende/g-baecker/neuer-kunde');
    await expectText(heading(page), 'Neuer Kunde');
    const before = await dumpAll(page);
    const save = () => page.getByRole('button', { name: 'Speichern', exact: true }).click();

    await page.getByLabel('Name', { exact: false }).fill('Bäckerei Korn Filiale');
    await page.getByLabel('Telefon', { exact: true }).fill('ruf an');
    await page.getByLabel('E-Mail', { exact: true }).fill('filiale@@example');
    await save();
    await expectText(page.locator('#f-telefon-fehler'), /^Telefon ist keine gültige Telefonnummer/);
    await expectText(page.locator('#f-e-mail-fehler'), 'E-Mail ist keine gültige E-Mail-Adresse');
    for (const label of ['Telefon', 'E-Mail']) {
      assert.equal(await page.getByLabel(label, { exact: true }).getAttribute('aria-invalid'), 'true', label);
    }
    await expectText(page.locator('form [role=alert]'), 'Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.');

    // Fixed, the postcode's problem is said next.
    await page.getByLabel('Telefon', { exact: true }).fill('02382 1234');
    await page.getByLabel('E-Mail', { exact: true }).fill('filiale@korn.example');
    await page.getByLabel('PLZ', { exact: true }).fill('59227 Ahlen');
    await save();
    await expectText(page.locator('form [role=alert]'), 'PLZ ist zu lang (höchstens 10 Zeichen)');
    await expectCount(page.locator('#f-telefon-fehler, #f-e-mail-fehler'), 0);
    await settle(page);
    assert.deepEqual(await dumpAll(page), before, 'storage changed after a refused save');

    await page.getByLabel('PLZ', { exact: true }).fill('59227');
    await page.getByLabel('Ort', { exact: true }).fill('Ahlen');
    await save();
    await waitForHash(page, /^#\/verbuende\/g-baecker$/);
    const card = page.locator('[data-testid=members] li.card', { hasText: 'Bäckerei Korn Filiale' });
    await expectText(card.locator('[data-testid=customer-address]'), '59227 Ahlen');
    await expectText(card.locator('[data-testid=customer-reach]'), /02382 1234\s*filiale@korn\.example/);
  });
});

test('a deleted group comes back with undo, and stays gone after a reload', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    const list = page.locator('[data-testid=group-list] .title');

    await navigate(page, '/verbuende/g-baecker');
    // Asked first, naming what goes; declined, nothing happens.
    const asked = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      d.dismiss();
    });
    const revisionBefore = await storedRevision(page);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await settle(page);
    assert.equal(
      asked[0],
      'Verbund „Bäckerei Korn“ löschen? Mit ihm werden 1 Kunde und 1 Ansprechpartner gelöscht. Direkt danach lässt sich das noch rückgängig machen.',
    );
    await expectText(heading(page), 'Bäckerei Korn');
    assert.equal(await storedRevision(page), revisionBefore, 'nothing saved');

    const dialogs = acceptDialogs(page);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await waitForHash(page, /^#\/verbuende$/);
    assert.equal(dialogs.length, 1);
    const toast = page.locator('.toast');
    await expectText(toast.locator('span'), 'Verbund „Bäckerei Korn“ mit 1 Kunde und 1 Ansprechpartner gelöscht.');
    await expectText(page.locator('[data-testid=result-count]'), '1 Verbünde');
    assert.deepEqual(await list.allInnerTexts(), ['Stadtwerke Ahlen']);

    await toast.getByRole('button', { name: 'Rückgängig' }).click();
    await expectText(toast.locator('span'), 'Rückgängig gemacht.');
    await expectText(page.locator('[data-testid=result-count]'), '2 Verbünde');
    assert.deepEqual(await list.allInnerTexts(), ['Bäckerei Korn', 'Stadtwerke Ahlen']);
    // The customer and contact person came back with the group.
    await navigate(page, '/verbuende/g-baecker');
    await expectText(page.locator('[data-testid=members] h3'), 'Korn GmbH');
    await expectText(page.locator('.person > a'), 'Karl Korn');

    const revision = await storedRevision(page);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await waitForHash(page, /^#\/verbuende$/);
    await waitForSave(page, revision);
    await reloadApp(page);
    await expectText(page.locator('[data-testid=result-count]'), '1 Verbünde');
    assert.deepEqual(await list.allInnerTexts(), ['Stadtwerke Ahlen']);
    await navigate(page, '/verbuende/g-baecker');
    await expectText(heading(page), 'Nicht gefunden');
    await navigate(page, '/kunden/c-korn');
    await expectText(heading(page), 'Nicht gefunden');
  });
});

test('a customer moves to another group through the "Kundenverbund" select', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));

    await navigate(page, '/kunden/c-korn');
    await expectText(heading(page), 'Kunde bearbeiten');
    const select = page.getByLabel('Kundenverbund');
    assert.equal(await select.inputValue(), 'g-baecker');
    await select.selectOption({ label: 'Stadtwerke Ahlen' });
    const revision = await storedRevision(page);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitForHash(page, /^#\/verbuende\/g-stadt$/);
    await waitForSave(page, revision);

    const check = async () => {
      await navigate(page, '/verbuende/g-stadt');
      await expectText(heading(page), 'Stadtwerke Ahlen');
      assert.deepEqual(await page.locator('[data-testid=members] h3').allInnerTexts(), [
        'Korn GmbH',
        'Stadtwerke Ahlen AöR',
      ]);
      await expectText(page.locator('main h2', { hasText: /Kunden?$/ }), '2 Kunden');
      // The contact person moved along with the customer.
      await expectText(page.locator('li.card', { hasText: 'Korn GmbH' }).locator('.person > a'), 'Karl Korn');
      await navigate(page, '/verbuende/g-baecker');
      await expectText(page.locator('main h2', { hasText: /Kunden?$/ }), '0 Kunden');
      await expectCount(page.locator('[data-testid=members] li.card'), 0);
    };
    await check();
    await reloadApp(page);
    await check();
  });
});

test('deleting a customer asks first, naming the contact persons that go, and can be undone', { timeout: 30_000 }, async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url, '/');
    await importByMerge(page, jsonFile('klein.json', exportDoc(smallBook())));
    await navigate(page, '/kunden/c-korn');
    await expectText(heading(page), 'Kunde bearbeiten');
    const asked = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      d.dismiss();
    });
    await page.getByRole('button', { name: 'Kunde löschen' }).click();
    await settle(page);
    assert.equal(
      asked[0],
      'Kunde „Korn GmbH“ löschen? Mit ihm wird 1 Ansprechpartner gelöscht. Direkt danach lässt sich das noch rückgängig machen.',
    );
    await expectText(heading(page), 'Kunde bearbeiten');

    acceptDialogs(page);
    await page.getByRole('button', { name: 'Kunde löschen' }).click();
    await waitForHash(page, /^#\/verbuende\/g-baecker$/);
    await expectCount(page.locator('[data-testid=members] h3', { hasText: 'Korn GmbH' }), 0);
    await page.locator('.toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expectText(page.locator('[data-testid=members] h3'), 'Korn GmbH');
  });
});
