// A colleague's sealed file on the iPad's engine: WebKit opens an envelope made by node's
// crypto (PBKDF2-HMAC-SHA256, AES-256-GCM, as the README describes it) with its passphrase,
// refuses a wrong one without changing anything, and merges the book; a Windows-1252 customer
// list is read with its umlauts and imported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { css, useWebKit } from './driver.mjs';
import { exportDoc, smallBook } from '../e2e/app.mjs';

const app = useWebKit();
const PASSPHRASE = 'Grüße aus Köln 2026';

/** An envelope around `plain`, made without the app. */
function seal(plain) {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = pbkdf2Sync(Buffer.from(PASSPHRASE, 'utf8'), salt, 600_000, 32, 'sha256');
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({
    format: 'kontaktnetz-verschluesselt',
    version: 1,
    kdf: { name: 'PBKDF2-HMAC-SHA256', iterations: 600_000, salt: salt.toString('base64') },
    cipher: { name: 'AES-256-GCM', nonce: nonce.toString('base64') },
    data: data.toString('base64'),
  });
}

test('a sealed file opens with its passphrase in WebKit, a wrong one changes nothing', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kontaktnetz-webkit-'));
  const file = join(dir, 'kollegin-verschluesselt.json');
  writeFileSync(file, seal(JSON.stringify(exportDoc(smallBook()))));

  await app.open('/daten');
  await app.clearStorage();
  await app.reload();
  await app.expectText('main h1', 'Daten');
  const before = await app.storedRevision();
  const pick = async () => (await app.find('[data-testid=import-file]')).sendKeys(file);
  const passphrase = async (text) => {
    const input = await app.find('#import-passphrase');
    // Emptied as a user would leave it, through the input event the field listens to.
    await app.script(
      "arguments[0].scrollIntoView({ block: 'center' }); arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
      input,
    );
    await input.sendKeys(text);
    await app.click('[data-testid=import-unlock]');
  };

  await pick();
  await app.find('[data-testid=import-locked]');
  await passphrase('Falsches Kennwort 1');
  await app.expectText('[data-testid=import-error]', /Das Kennwort ist falsch/, { timeout: 30_000 });
  assert.equal((await app.driver.findElements(css('[data-testid=import-preview]'))).length, 0);
  assert.equal(await app.storedRevision(), before, 'nothing stored');

  await passphrase(PASSPHRASE);
  await app.find('[data-testid=import-preview]', { timeout: 30_000 });
  await app.click('[data-testid=import-merge]');
  await app.waitForSave(before);
  await app.navigate('/verbuende');
  await app.expectText('[data-testid=group-list]', /Bäckerei Korn/);
  await app.assertNoProblems();
});

test('a Windows-1252 customer list is read with its umlauts and imported in WebKit', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kontaktnetz-webkit-'));
  const file = join(dir, 'kernbank.csv');
  const text = 'Kundennummer;Nachname;Vorname;Straße;Ort;Haushalt\r\n'
    + '770001;Weiß;Jürgen;Schloßbergweg 3;Gütenbach;H1\r\n'
    + '770002;Weiß;Bärbel;Schloßbergweg 3;Gütenbach;H1\r\n'
    + '770003;;;;;\r\n';
  writeFileSync(file, Buffer.from(text, 'latin1'));

  await app.open('/daten/csv');
  await app.clearStorage();
  await app.reload();
  await app.expectText('main h1', 'Kunden aus CSV importieren');
  const before = await app.storedRevision();
  await (await app.find('[data-testid=csv-file]')).sendKeys(file);
  await app.expectText('[data-testid=csv-read]', /3 Datenzeilen, Kodierung Windows-1252/);
  await app.expectText('[data-testid=csv-first-rows]', /Jürgen Weiß.*Schloßbergweg 3/s);
  await app.expectText('[data-testid=csv-added]', '2');
  await app.expectText('[data-testid=csv-refused-lines]', /Zeile 4: neuer Kunde ohne Namen/);
  assert.equal(await app.storedRevision(), before, 'nothing stored before the confirmation');
  await app.click('[data-testid=csv-confirm]');
  await app.waitForSave(before);
  await app.navigate('/verbuende');
  await app.expectText('[data-testid=group-list]', /Jürgen Weiß/);
  await app.assertNoProblems();
});
