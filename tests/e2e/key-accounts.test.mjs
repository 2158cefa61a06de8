// Key accounts: a group is marked as Key Account with manager, deputy and the bank's team in
// roles; its contact persons get attitude, what matters to them and their benefit; the group
// page shows the account, the buying center lists the people by influence, and the
// key-account list (under "Mehr") shows the account with its care and contacts. Unmarking
// takes it off the list; the export carries the new fields.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y } from './harness.mjs';
import {
  createColleague, createCustomer, createGroup, createPerson, expectCount, expectText, exportBook, heading, navigate,
  openApp, useApp,
} from './app.mjs';

const { session } = useApp();

test('a key account with its team, buying center and list entry', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await navigate(page, '/schluesselkunden');
    await expectText(heading(page), 'Schlüsselkunden');
    await expectText(page.locator('[data-testid=no-key-accounts]'), /Noch kein Verbund/);

    const anna = await createColleague(page, { name: 'Anna Berater', me: true });
    const ben = await createColleague(page, { name: 'Ben Vertreter' });
    const vera = await createColleague(page, { name: 'Vera Vorstand' });
    const group = await createGroup(page, { name: 'Stadtwerke Waldkirch', segment: 'Kommunal- und institutionelle Kunden' });
    const customer = await createCustomer(page, group, { name: 'Stadtwerke Waldkirch GmbH', kind: 'Unternehmen' });
    const chef = await createPerson(page, customer, { name: 'Dr. Jens Kaufmann', position: 'Geschäftsführer', influence: 9 });
    await createPerson(page, customer, { name: 'Petra Quelle', position: 'Kämmerin', influence: 6 });
    await createPerson(page, customer, { name: 'Max Lehrling' });

    // Mark the group as key account.
    await navigate(page, `/verbuende/${group}/bearbeiten`);
    const fields = page.locator('[data-testid=key-account-fields]');
    await expectCount(fields.getByLabel('Key-Account-Manager:in'), 0);
    await fields.getByLabel('Schlüsselkunde').selectOption({ label: 'Key Account' });
    await fields.getByLabel('Key-Account-Manager:in').selectOption(anna);
    await fields.getByLabel('Vertretung').selectOption(ben);
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-add').click();
    const rows = fields.locator('.team-row');
    await rows.nth(0).getByLabel('Kolleg:in').selectOption(vera);
    await rows.nth(0).getByLabel('Rolle').selectOption({ label: 'Vorstand' });
    await rows.nth(1).getByLabel('Kolleg:in').selectOption(vera);
    await checkA11y(page, 'group form with key-account fields');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    // A colleague twice in the team is refused at the row.
    await expectText(rows.nth(1), /steht schon im Team/);
    await rows.nth(1).getByRole('button', { name: /entfernen/ }).click();
    await expectCount(rows, 1);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.waitForFunction((g) => location.hash === `#/verbuende/${g}`, group);

    const box = page.getByTestId('key-account-box');
    await expectText(box.locator('h2'), 'Key Account');
    await expectText(box, /Anna Berater/);
    await expectText(box, /Ben Vertreter/);
    await expectText(box, /Vera Vorstand \(Vorstand\)/);

    // The managing director is a critic; what matters to him and his benefit.
    await navigate(page, `/ansprechpartner/${chef}`);
    await page.getByLabel('Haltung zur Bank').selectOption({ label: 'Kritiker:in' });
    await page.getByLabel('Was ihr oder ihm wichtig ist').fill('Planbare Finanzierung der Netzerweiterung');
    await page.getByLabel('Persönlicher Nutzen durch die Bank').fill('Entlastung bei der Liquiditätsplanung');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.waitForFunction((g) => location.hash === `#/verbuende/${g}`, group);

    await page.getByTestId('to-buying-center').click();
    await expectText(heading(page), 'Buying Center: Stadtwerke Waldkirch');
    const people = page.getByTestId('buying-center-person');
    await expectCount(people, 3);
    await expectText(people.nth(0), /Dr\. Jens Kaufmann.*9.*Kritiker:in.*Planbare Finanzierung der Netzerweiterung.*Entlastung bei der Liquiditätsplanung/s);
    await expectText(people.nth(1), /Petra Quelle.*6.*unbekannt/s);
    await expectText(people.nth(2), /Max Lehrling/);
    await checkA11y(page, 'buying center');

    // The list, reached through the navigation.
    await navigate(page, '/');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.locator('.nav-more > summary').click();
    await nav.locator('.more-menu').getByRole('link', { name: 'Schlüsselkunden' }).click();
    await expectText(heading(page), 'Schlüsselkunden');
    const row = page.getByTestId('key-account').filter({ hasText: 'Stadtwerke Waldkirch' });
    await expectText(row, /Key Account.*Anna Berater.*Ben Vertreter.*3 Ansprechpartner, 0 Befürworter:innen, 1 Kritiker:in/s);
    await checkA11y(page, 'key-account list');

    const book = (await exportBook(page)).doc.book;
    const stored = book.groups.find((g) => g.id === group);
    assert.deepEqual(stored.key_account, {
      tier: 'key', manager: anna, deputy: ben, team: [{ colleague: vera, role: 'board' }],
    });
    const person = book.persons.find((p) => p.id === chef);
    assert.equal(person.attitude, 'critic');
    assert.equal(person.benefit, 'Entlastung bei der Liquiditätsplanung');

    // Unmarked, the group leaves the list and its page has no account box.
    await navigate(page, `/verbuende/${group}/bearbeiten`);
    await page.locator('[data-testid=key-account-fields]').getByLabel('Schlüsselkunde').selectOption('');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.waitForFunction((g) => location.hash === `#/verbuende/${g}`, group);
    await expectCount(page.getByTestId('key-account-box'), 0);
    await navigate(page, '/schluesselkunden');
    await expectCount(page.getByTestId('key-account').filter({ hasText: 'Stadtwerke Waldkirch' }), 0);
  });
});
