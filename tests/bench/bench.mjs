// Benchmarks of the release build in headless Chromium on generated books: prints figures,
// never fails on time. Run with `bash scripts/bench.sh` (it builds dist/ first).
import { startServer, launchBrowser, newAppPage, gotoApp, dumpDatabase } from '../e2e/harness.mjs';

const ROUNDS = 5;
const QUERIES = ['mül', 'schmidt', 'gmbh', 'kämmer', 'zz-kein-treffer'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 0) =>
  n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// Records when the first list row is painted after a navigation.
function watchFirstRow() {
  // Keeps a handle on the wasm module's memory, to report its size.
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => {
    const result = await instantiate(...args);
    window.__wasmMemory = result.instance.exports.memory;
    return result;
  };
  window.__firstRow = null;
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=group-list] li')) {
      requestAnimationFrame(() => { window.__firstRow = performance.now(); });
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function measureBook(browser, url, button, generateTimeout) {
  const { page, context } = await newAppPage(browser, url, { viewport: { width: 1024, height: 768 } });
  page.on('dialog', (d) => d.accept());
  // The team book is offered only behind this parameter, for load tests.
  await gotoApp(page, url, '/daten?lasttest');
  const t0 = Date.now();
  await page.getByTestId(button).click();
  await page.waitForFunction(() => /geladen/.test(document.querySelector('.toast')?.textContent ?? ''), null, { timeout: generateTimeout });
  await page.waitForSelector('[data-app-ready]:not([data-saving])', { state: 'attached', timeout: generateTimeout });
  const generateMs = Date.now() - t0;

  // What IndexedDB holds (characters of the entries and backup documents), and the browser's
  // own estimate of the origin's use in bytes (including the offline cache).
  const { entries, documents } = await dumpDatabase(page);
  const stored = Object.entries({ ...entries, ...documents }).reduce((n, [k, v]) => n + k.length + v.length, 0);
  const estimate = await page.evaluate(async () => (await navigator.storage.estimate()).usage);

  await page.addInitScript(watchFirstRow);
  const loads = [], paints = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.evaluate(() => { location.hash = '#/verbuende'; });
    await page.waitForFunction(() => window.__firstRow !== null, null, { timeout: 60_000 });
    loads.push(Number(await page.getAttribute('[data-app-ready]', 'data-load-ms')));
    paints.push(await page.evaluate(() => window.__firstRow));
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // The book itself lives in the wasm module's memory, not in the JS heap.
  const wasmMemory = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);

  // Keystroke to painted result count, per query, typed as one input event.
  const searches = [];
  for (const q of QUERIES) {
    const ms = await page.evaluate(async (q) => {
      const input = document.querySelector('[data-testid=search]');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const t = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t;
    }, q);
    searches.push(ms);
  }

  // Casting pages: navigation to the painted figures (they are computed over the whole book).
  const pageMs = async (hash, selector) =>
    page.evaluate(async ([hash, selector]) => {
      location.hash = '#/';
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const t = performance.now();
      location.hash = hash;
      while (!document.querySelector(selector)) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    }, [hash, selector]);
  const overviewMs = await pageMs('#/casting', '[data-testid=class-table]');
  const capacityMs = await pageMs('#/casting/kapazitaet', '[data-testid=department-table]');
  await page.evaluate(() => { location.hash = '#/verbuende'; });
  await page.waitForSelector('[data-testid=group-list] li a');
  const groupHref = await page.getAttribute('[data-testid=group-list] li a', 'href');
  const castScreenMs = await pageMs(`${groupHref}/casting`, '[data-testid=result-class]');
  const reminderMs = await pageMs('#/erinnerung', '[data-testid=reminder-entry]');
  const historyMs = await pageMs('#/kontakte', '[data-testid=contact-row]');
  const callListMs = await pageMs('#/telefonaktion', '[data-testid=party-preview]');
  const contactFormMs = await pageMs(`${groupHref}/kontakt`, 'fieldset.tiles');
  const dashboardMs = await pageMs('#/auswertung?zeitraum=12-monate', '[data-testid=dash-outcomes]');
  const monitoringMs = await pageMs('#/auswertung/soll-ist?zeitraum=12-monate', '[data-testid=soll-ist-groups]');
  const planningMs = await pageMs('#/planung', '[data-testid=sp-months]');
  const dashboard = await page.evaluate(() => Object.fromEntries(
    ['dash-groups', 'dash-achievement', 'dash-under', 'dash-over', 'dash-time-cd', 'dash-cast', 'dash-no-contact', 'dash-split', 'dash-conversion']
      .map((id) => [id, document.querySelector(`[data-testid=${id}]`)?.innerText])));
  await page.evaluate(() => { location.hash = '#/verbuende'; });
  await page.waitForSelector('[data-testid=group-list] li a');

  // One edit through the UI, and how long its save took.
  await page.getByTestId('search').fill('');
  const firstHref = await page.getAttribute('[data-testid=group-list] li a', 'href');
  await page.evaluate((h) => { location.hash = h.replace(/^#/, '') + '/bearbeiten'; }, firstHref);
  await page.getByLabel('Notizen').fill('Benchmark-Notiz');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForSelector('[data-testid=members]');
  await page.waitForSelector('[data-app-ready]:not([data-saving])', { state: 'attached' });
  const saveMs = Number(await page.getAttribute('[data-app-ready]', 'data-save-ms'));

  // The same book as plain JSON, parsed by the browser's JSON.parse in the same run.
  const download = page.waitForEvent('download');
  await page.evaluate(() => { location.hash = '#/daten'; });
  await page.getByTestId('export').click();
  const exportPath = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const exportText = await readFile(exportPath, 'utf8');
  const jsonParse = await page.evaluate((text) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      JSON.parse(text);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[2];
  }, exportText);

  await context.close();
  return { generateMs, stored, estimate, heap, wasmMemory, loads, paints, searches, saveMs, exportBytes: exportText.length, jsonParse, overviewMs, capacityMs, castScreenMs, reminderMs, historyMs, callListMs, contactFormMs, dashboardMs, monitoringMs, planningMs, dashboard };
}

/** A core banking list of `n` customers in Windows-1252, every tenth row with a broken e-mail. */
function coreBankingCsv(n) {
  const lines = ['Kundennummer;Nachname;Vorname;Kundenart;Segment;Straße;PLZ;Ort;Telefon;E-Mail;Werbeeinwilligung;Einwilligung am;Geburtsdatum;Haushalt;Bemerkung'];
  for (let i = 0; i < n; i++) {
    const mail = i % 10 === 9 ? 'kaputt' : `kunde${i}@example.de`;
    lines.push(`${700000 + i};Müßig${i};Jürgen;Privatperson;PK;Schloßbergweg ${i % 90 + 1};79183;Waldkirch;07681 ${100000 + i};${mail};ja;01.03.2024;${String(i % 28 + 1).padStart(2, '0')}.04.1970;HH${Math.floor(i / 3)};"Depot 1.234,56 €"`);
  }
  // Latin-1 bytes are Windows-1252 except the euro sign, which Windows-1252 puts at 0x80.
  return Buffer.from(`${lines.join('\r\n')}\r\n`.replaceAll('€', '\x80'), 'latin1');
}

/** Picking a 10,000-row CSV on the advisor's book until its full preview shows. */
async function measureCsv(browser, url) {
  const { context, page } = await newAppPage(browser, url);
  await gotoApp(page, url, '/');
  await page.getByTestId('load-sample').click();
  await page.waitForSelector('[data-testid=stats]');
  const file = { name: 'kernbank.csv', mimeType: 'text/csv', buffer: coreBankingCsv(10_000) };
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.evaluate(() => { location.hash = '#/daten'; });
    await page.waitForSelector('[data-testid=to-csv]');
    await page.evaluate(() => { location.hash = '#/daten/csv'; });
    await page.waitForSelector('[data-testid=csv-file]');
    const started = Date.now();
    await page.setInputFiles('[data-testid=csv-file]', file);
    await page.waitForSelector('[data-testid=csv-preview]');
    const total = Date.now() - started;
    const compute = Number(await page.getAttribute('[data-testid=csv-preview]', 'data-ms'));
    const added = await page.innerText('[data-testid=csv-added]');
    const refused = await page.innerText('[data-testid=csv-refused]');
    rounds.push({ total, compute, added, refused });
  }
  await context.close();
  return rounds;
}

const server = await startServer({ root: process.env.DIST || 'dist' });
const browser = await launchBrowser();
try {
  const books = [
    ['Beraterbuch (≈800 Kunden)', 'load-sample-data', 120_000],
    ['Teambuch (10 Berater:innen, 10.000 Kunden, 4 Monate Kontakte)', 'load-team', 120_000],
    ['Team-Fünfjahresbuch (10 Berater:innen, 65.000 Kontakte, 17.000 Castings)', 'load-team-5y', 600_000],
  ];
  // BENCH_BOOKS=load-team-5y measures one book only.
  const only = process.env.BENCH_BOOKS?.split(',');
  if (!only || only.includes('csv')) {
    const rounds = await measureCsv(browser, server.url);
    console.log('\nCSV-Import (10.000 Zeilen, Windows-1252, 15 Spalten) ins Beraterbuch');
    console.log(`  Datei gewählt → Vorschau sichtbar: Median ${fmt(median(rounds.map((r) => r.total)))} ms [${rounds.map((r) => fmt(r.total)).join(', ')}]`);
    console.log(`  davon Import durchrechnen:         Median ${fmt(median(rounds.map((r) => r.compute)))} ms; neu ${rounds[0].added}, abgelehnt ${rounds[0].refused}`);
  }
  for (const [label, button, timeout] of books.filter(([, b]) => !only || only.includes(b))) {
    const r = await measureBook(browser, server.url, button, timeout);
    console.log(`\n${label}`);
    console.log(`  erzeugen + speichern:          ${fmt(r.generateMs)} ms`);
    console.log(`  gespeichert (IndexedDB):       ${fmt(r.stored)} Zeichen; Schätzung des Browsers ${fmt(r.estimate / 1e6, 1)} MB`);
    console.log(`  öffnen + dekodieren (Median ${ROUNDS}x): ${fmt(median(r.loads), 1)} ms  [${r.loads.map((x) => fmt(x)).join(', ')}]; JSON.parse des Exports: ${fmt(r.jsonParse, 1)} ms (Faktor ${fmt(median(r.loads) / r.jsonParse, 2)})`);
    console.log(`  Speicher nach dem Öffnen:      JS-Heap ${fmt(r.heap / 1e6, 1)} MB, Wasm-Speicher ${fmt(r.wasmMemory / 1e6, 1)} MB`);
    console.log(`  erste Listenzeile gemalt:      ${fmt(median(r.paints), 1)} ms nach Navigationsbeginn`);
    console.log(`  Suche Tastendruck→Bild:        Median ${fmt(median(r.searches), 1)} ms, max ${fmt(Math.max(...r.searches), 1)} ms (${QUERIES.join(', ')})`);
    console.log(`  eine Änderung speichern:       ${fmt(r.saveMs, 1)} ms Hauptthread (das Schreiben selbst läuft asynchron)`);
    console.log(`  Casting-Übersicht bis Tabelle: ${fmt(r.overviewMs, 1)} ms; Kapazität: ${fmt(r.capacityMs, 1)} ms; Casting-Bildschirm: ${fmt(r.castScreenMs, 1)} ms`);
    console.log(`  Erinnerung bis erster Eintrag: ${fmt(r.reminderMs, 1)} ms; Kontakthistorie: ${fmt(r.historyMs, 1)} ms; Anrufliste: ${fmt(r.callListMs, 1)} ms; Kontaktformular: ${fmt(r.contactFormMs, 1)} ms`);
    console.log(`  Auswertung (12 Monate): ${fmt(r.dashboardMs, 1)} ms; Soll/Ist: ${fmt(r.monitoringMs, 1)} ms; Erfolgsplanung: ${fmt(r.planningMs, 1)} ms`);
    console.log(`  Kennzahlen der Auswertung:     ${JSON.stringify(r.dashboard)}`);
    console.log(`  JSON.parse desselben Buchs:    ${fmt(r.jsonParse, 1)} ms für ${fmt(r.exportBytes)} Zeichen Export-JSON`);
  }
} finally {
  await browser.close();
  await server.close();
}
