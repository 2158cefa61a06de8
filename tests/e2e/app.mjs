// Shared helpers of the Kontaktnetz browser tests: one server and one browser per test file,
// a fresh context per test, navigation, polling assertions, record builders for import files,
// and the user flows several tests need (create records, import, export).

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  assertNoProblems,
  downloadText,
  dumpDatabase,
  dumpStorage,
  gotoApp,
  launchBrowser,
  newAppPage,
  startServer,
  uploadFile,
  watchPage,
} from './harness.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export const TABLET = { width: 768, height: 1024 };
export const LANDSCAPE = { width: 1024, height: 768 };
export const PHONE = { width: 390, height: 844 };

/**
 * Starts the server and the browser for the test file and returns `session`, which runs one
 * test body in a fresh context (empty storage) and checks the browser stayed free of problems.
 */
export function useApp() {
  const env = {};
  before(async () => {
    [env.server, env.browser] = await Promise.all([startServer({ root: DIST }), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });

  /**
   * `body({ page, problems, context, url, newTab })`; `newTab()` opens another tab of the same
   * context (same storage), watched like the first.
   */
  async function session(body, { viewport = TABLET } = {}) {
    const { context, page, problems } = await newAppPage(env.browser, env.server.url, { viewport });
    try {
      const newTab = async () => watchPage(await context.newPage(), problems);
      try {
        await body({ page, problems, context, url: env.server.url, newTab });
      } catch (error) {
        // What the browser reported often explains a failed step.
        if (problems.length) error.message += `\nBrowser problems so far:\n - ${problems.join('\n - ')}`;
        throw error;
      }
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  }
  return { session, url: () => env.server.url };
}

// ---- waiting -----------------------------------------------------------------------------

/** Retries `check` (which throws while not yet true) until it passes or `timeout` ms pass. */
export async function eventually(check, { timeout = 8_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/** Waits until the locator's text equals `expected` (string, trimmed) or matches it (RegExp). */
export async function expectText(locator, expected, options) {
  return eventually(async () => {
    const text = (await locator.innerText({ timeout: 1_000 })).trim();
    if (expected instanceof RegExp) assert.match(text, expected);
    else assert.equal(text, expected);
    return text;
  }, options);
}

/** Waits until the locator matches exactly `n` elements. */
export async function expectCount(locator, n, options) {
  return eventually(async () => assert.equal(await locator.count(), n), options);
}

/**
 * Lets the app finish what it does after an event: two animation frames and a macrotask. Not a
 * sleep for a guessed time, but the point at which any reaction to the last event has run.
 */
export async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))),
  );
}

/**
 * Checks that the element is drawn whole: it has a size and no ancestor that clips its
 * overflow cuts any of it off. `innerText` alone would also read text that nobody can see.
 */
export async function expectUnclipped(locator) {
  const cut = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'it has no size';
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if ([style.overflowX, style.overflowY].every((o) => o === 'visible')) continue;
      const b = a.getBoundingClientRect();
      if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5 || r.left < b.left - 0.5 || r.right > b.right + 0.5) {
        return `cut off by <${a.tagName.toLowerCase()} class="${a.className}"> (${Math.round(b.height)} px high)`;
      }
    }
    return null;
  });
  assert.equal(cut, null, `the element is not drawn whole: ${cut}`);
}

// ---- navigation --------------------------------------------------------------------------

export const heading = (page) => page.locator('main h1');

/** Opens the app fresh at a hash route ("/verbuende") and waits for it to be ready. */
export async function openApp(page, url, hash = '/') {
  await gotoApp(page, url, hash);
}

/** Reloads the tab and waits for the app to be ready again. */
export async function reloadApp(page) {
  // A save still on its way to IndexedDB would be cut off by the reload.
  await page.waitForSelector('[data-app-ready]:not([data-saving])', { state: 'attached', timeout: 20_000 });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 20_000 });
}

/** Goes to a hash route inside the running app, as a link would. */
export async function navigate(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await waitForHash(page, new RegExp(`^#${escapeRegExp(hash)}$`));
}

export async function waitForHash(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(location.hash), pattern.source, {
    timeout: 10_000,
  });
  return page.evaluate(() => location.hash);
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Accepts every confirm dialog and returns the list of their messages. */
export function acceptDialogs(page) {
  const messages = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    dialog.accept();
  });
  return messages;
}

// ---- storage -----------------------------------------------------------------------------

export const META = 'kontaktnetz.meta';

/** The Kontaktnetz entries of the app's IndexedDB database (backup documents aside). */
export async function appStorage(page) {
  const { entries } = await dumpDatabase(page);
  return Object.fromEntries(Object.entries(entries).filter(([k]) => k.startsWith('kontaktnetz.')));
}

/** The Kontaktnetz entries in localStorage: earlier versions' data, or the fallback's. */
export async function localAppStorage(page) {
  const all = await dumpStorage(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('kontaktnetz.')));
}

/** The stored revision, wherever the book is kept (IndexedDB, or the localStorage fallback). */
export async function storedRevision(page) {
  const metas = [(await appStorage(page))[META], (await localAppStorage(page))[META]];
  return Math.max(0, ...metas.filter(Boolean).map((m) => JSON.parse(m).revision));
}

/** Waits until the app has written a revision after `revision`. */
export async function waitForSave(page, revision) {
  await eventually(async () => assert.ok((await storedRevision(page)) > revision, 'not saved yet'), { timeout: 10_000 });
}

/** Keys of the data chunks of one collection ("group" → kontaktnetz.group.NN). */
export function chunkKeys(storage, collection) {
  return Object.keys(storage).filter((k) => new RegExp(`^kontaktnetz\\.${collection}\\.\\d{2,3}$`).test(k));
}

// ---- import files ------------------------------------------------------------------------

export const T0 = '2026-01-10T09:00:00Z';
export const T1 = '2026-02-20T10:30:00Z';

/** An export document as the app writes it, around the given collections. */
export function exportDoc(book = {}) {
  return {
    format: 'kontaktnetz',
    schema: 1,
    exported_at: T0,
    book: { settings: {}, colleagues: [], groups: [], customers: [], persons: [], ...book },
  };
}

export const rec = {
  colleague: (id, name, extra = {}) => ({ id, name, updated_at: T0, ...extra }),
  group: (id, name, extra = {}) => ({
    id,
    name,
    segment: 'private',
    created_at: T0,
    updated_at: T0,
    ...extra,
  }),
  customer: (id, group, name, extra = {}) => ({
    id,
    group,
    kind: 'person',
    name,
    segment: 'private',
    updated_at: T0,
    ...extra,
  }),
  person: (id, customer, name, extra = {}) => ({ id, customer, name, updated_at: T0, ...extra }),
};

/** A small valid book: two groups, each with one customer and one contact person. */
export function smallBook() {
  return {
    settings: { me: 'k-ich' },
    colleagues: [rec.colleague('k-ich', 'Anna Berater', { department: 'Firmenkunden' })],
    groups: [
      rec.group('g-baecker', 'Bäckerei Korn', { segment: 'business', advisor: 'k-ich' }),
      rec.group('g-stadt', 'Stadtwerke Ahlen', { segment: 'municipal' }),
    ],
    customers: [
      rec.customer('c-korn', 'g-baecker', 'Korn GmbH', { kind: 'company', segment: 'business' }),
      rec.customer('c-werke', 'g-stadt', 'Stadtwerke Ahlen AöR', { kind: 'public_body', segment: 'municipal' }),
    ],
    persons: [
      rec.person('p-korn', 'c-korn', 'Karl Korn', { position: 'Inhaber/in', phone: '0171 2345678' }),
      rec.person('p-werke', 'c-werke', 'Petra Quelle', { email: 'p.quelle@stadtwerke.example' }),
    ],
  };
}

export const jsonFile = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

/** Picks a file on the data page and waits for the preview. */
export async function pickImport(page, file) {
  if (!(await page.locator('[data-testid=import-file]').count())) await navigate(page, '/daten');
  await uploadFile(page, '[data-testid=import-file]', file);
  await page.locator('[data-testid=import-preview]').waitFor();
}

/** The preview table's row of one kind ("Group") as numbers by column name. */
export async function previewRow(page, kind) {
  const row = page.locator(`[data-testid=import-preview] tr[data-kind=${kind}] td`);
  const cells = (await row.allInnerTexts()).map((t) => Number(t.trim().replace(/\./g, '')));
  const [neu, geaendert, unveraendert, hierNeuer, nurHier] = cells;
  return { neu, geaendert, unveraendert, hierNeuer, nurHier };
}

/** Imports a file by merging it into the book (no confirmation needed) and waits for the save. */
export async function importByMerge(page, file) {
  const revision = await storedRevision(page);
  await pickImport(page, file);
  await page.getByRole('button', { name: 'Zusammenführen' }).click();
  await expectText(page.locator('.toast span').first(), /wurde zusammengeführt/);
  await waitForSave(page, revision);
}

/** Exports the book on the data page and returns the parsed document and the file name. */
export async function exportBook(page) {
  await navigate(page, '/daten');
  const { filename, text } = await downloadText(page, () => page.locator('[data-testid=export]').click());
  return { filename, doc: JSON.parse(text), text };
}

/** Loads the sample book from the empty start page and waits until it is stored. */
export async function loadSampleData(page) {
  await navigate(page, '/');
  const revision = await storedRevision(page);
  await page.locator('[data-testid=load-sample]').click();
  await page.locator('[data-testid=stats]').waitFor();
  await waitForSave(page, revision);
}

// ---- records through the forms -----------------------------------------------------------

/** Clicks "Speichern" and returns the id in the hash the form navigates to. */
async function saveAndFollow(page, pattern) {
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  const hash = await waitForHash(page, pattern);
  return hash.match(pattern)[1];
}

export async function createColleague(page, { name, department = '', phone = '', email = '', me = false }) {
  await navigate(page, '/kollegen/neu');
  await page.getByLabel('Name', { exact: false }).fill(name);
  await page.getByLabel('Fachbereich / Abteilung').fill(department);
  await page.getByLabel('Telefon').fill(phone);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Das bin ich (eigenes Profil)').setChecked(me);
  await saveAndFollow(page, /^#\/kollegen$/);
  const link = page.locator('[data-testid=colleague-list] a', { hasText: name });
  return (await link.getAttribute('href')).replace('#/kollegen/', '');
}

export async function createGroup(page, { name, segment, advisor, notes }) {
  await navigate(page, '/verbuende/neu');
  await page.getByLabel('Name des Verbunds').fill(name);
  if (segment) await page.getByLabel('Segment').selectOption({ label: segment });
  if (advisor !== undefined) await page.getByLabel('Betreuer:in').selectOption(advisor);
  if (notes) await page.getByLabel('Notizen').fill(notes);
  return saveAndFollow(page, /^#\/verbuende\/([^/]+)$/);
}

export async function createCustomer(page, group, c) {
  await navigate(page, `/verbuende/${group}/neuer-kunde`);
  if (c.kind) await page.getByLabel('Art', { exact: true }).selectOption({ label: c.kind });
  await page.getByLabel('Name', { exact: false }).fill(c.name);
  if (c.number) await page.getByLabel('Kundennummer').fill(c.number);
  if (c.street) await page.getByLabel('Straße und Hausnummer').fill(c.street);
  if (c.postcode) await page.getByLabel('PLZ', { exact: true }).fill(c.postcode);
  if (c.town) await page.getByLabel('Ort', { exact: true }).fill(c.town);
  if (c.phone) await page.getByLabel('Telefon', { exact: true }).fill(c.phone);
  if (c.email) await page.getByLabel('E-Mail', { exact: true }).fill(c.email);
  if (c.consent) await page.getByLabel('Einwilligung', { exact: true }).selectOption({ label: c.consent });
  if (c.consentSince) await page.getByLabel('Einwilligung seit').fill(c.consentSince);
  if (c.noContactUntil) await page.getByLabel('Keine Ansprache bis').fill(c.noContactUntil);
  for (const o of c.occasions ?? []) {
    await page.getByRole('button', { name: 'Anlass hinzufügen' }).click();
    const row = page.locator('.occasion-row').last();
    await row.getByLabel('Anlass').selectOption({ label: o.kind });
    await row.getByLabel('Datum').fill(o.date);
    if (o.label) await row.getByLabel('Bezeichnung').fill(o.label);
  }
  await saveAndFollow(page, new RegExp(`^#/verbuende/(${escapeRegExp(group)})$`));
  const edit = page.getByRole('link', { name: `${c.name} bearbeiten` });
  return (await edit.getAttribute('href')).replace('#/kunden/', '');
}

export async function createPerson(page, customer, p) {
  await navigate(page, `/kunden/${customer}/neuer-ansprechpartner`);
  await page.getByLabel('Name', { exact: false }).fill(p.name);
  if (p.position) await page.getByLabel('Position / Funktion').fill(p.position);
  if (p.influence) await page.getByLabel('Einfluss (1–10)').selectOption(String(p.influence));
  if (p.phone) await page.getByLabel('Telefon').fill(p.phone);
  if (p.email) await page.getByLabel('E-Mail').fill(p.email);
  await saveAndFollow(page, /^#\/verbuende\/([^/]+)$/);
  const link = page.locator('[data-testid=members] .person > a', { hasText: p.name });
  return (await link.getAttribute('href')).replace('#/ansprechpartner/', '');
}

/** Taps the tile `label` in the fieldset whose legend is `legend`; returns 1 (one tap). */
export async function tap(page, legend, label) {
  const fieldset = page.locator('fieldset.criterion', { has: page.locator('legend', { hasText: legend }) });
  await fieldset.locator('.choice', { hasText: label }).first().click();
  return 1;
}

/** A date `days` from today as the value of an `<input type=date>` and as German text. */
export function dayFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    input: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    german: `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`,
  };
}

/** `n` random printable ASCII characters: text that compression cannot shrink much. */
export function randomText(n) {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  // 94 printable characters without space, so nothing is trimmed at the end.
  return Array.from(bytes, (b) => String.fromCharCode(0x21 + (b % 94))).join('');
}
