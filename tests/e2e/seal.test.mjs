// Exports sealed with a passphrase: the envelope is opened by an independent implementation
// (node's crypto, and the decrypter for IT in scripts/) and matches the plain export; a sealed
// file is imported with its passphrase; a wrong passphrase or a modified file changes nothing;
// a short or mistyped passphrase seals nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkA11y, dumpAll, downloadText, uploadFile } from './harness.mjs';
import {
  eventually, expectText, exportBook, jsonFile, loadSampleData, navigate, openApp, storedRevision, useApp,
  waitForSave,
} from './app.mjs';

const { session } = useApp();
const PASSPHRASE = 'Grüße aus Köln 2026';

/** Decrypts an envelope with node's crypto alone, following the README. */
function decrypt(envelope, passphrase) {
  const salt = Buffer.from(envelope.kdf.salt, 'base64');
  const nonce = Buffer.from(envelope.cipher.nonce, 'base64');
  const data = Buffer.from(envelope.data, 'base64');
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, envelope.kdf.iterations, 32, 'sha256');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** Seals the whole book on the data page and returns the downloaded file. */
async function sealedExport(page, passphrase, again = passphrase) {
  await navigate(page, '/daten');
  await page.locator('[data-testid=export-seal]').check();
  await page.getByLabel('Kennwort (mindestens 12 Zeichen)').fill(passphrase);
  await page.getByLabel('Kennwort wiederholen').fill(again);
  return downloadText(page, () => page.locator('[data-testid=export]').click());
}

test('a sealed export opens with node\'s crypto and the decrypter for IT, and equals the plain export', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    const plain = (await exportBook(page)).doc;

    const started = Date.now();
    const file = await sealedExport(page, PASSPHRASE);
    console.log(`# sealing the sample book (600,000 PBKDF2 iterations, in the page): ${Date.now() - started} ms`);
    assert.match(file.filename, /^kontaktnetz-\d{4}-\d{2}-\d{2}-verschluesselt\.json$/);
    const envelope = JSON.parse(file.text);
    assert.deepEqual(Object.keys(envelope), ['format', 'version', 'kdf', 'cipher', 'data']);
    assert.equal(envelope.format, 'kontaktnetz-verschluesselt');
    assert.equal(envelope.version, 1);
    assert.deepEqual({ ...envelope.kdf, salt: undefined }, { name: 'PBKDF2-HMAC-SHA256', iterations: 600000, salt: undefined });
    assert.equal(Buffer.from(envelope.kdf.salt, 'base64').length, 16);
    assert.equal(envelope.cipher.name, 'AES-256-GCM');
    assert.equal(Buffer.from(envelope.cipher.nonce, 'base64').length, 12);
    assert.ok(!file.text.includes(plain.book.groups[0].name), 'no name in the clear');

    const opened = JSON.parse(decrypt(envelope, PASSPHRASE));
    assert.equal(opened.format, 'kontaktnetz');
    assert.deepEqual(opened.book, plain.book);
    assert.throws(() => decrypt(envelope, `${PASSPHRASE}!`), /unable to authenticate/);

    const dir = mkdtempSync(join(tmpdir(), 'kontaktnetz-'));
    writeFileSync(join(dir, 'sealed.json'), file.text);
    const it = execFileSync('node', ['scripts/decrypt.mjs', join(dir, 'sealed.json')], {
      env: { ...process.env, KONTAKTNETZ_PASSPHRASE: PASSPHRASE }, maxBuffer: 256 * 1024 * 1024,
    });
    assert.deepEqual(JSON.parse(it.toString('utf8')).book, plain.book);

    // A second seal of the same book uses a fresh salt and nonce.
    const again = JSON.parse((await sealedExport(page, PASSPHRASE)).text);
    assert.notEqual(again.kdf.salt, envelope.kdf.salt);
    assert.notEqual(again.cipher.nonce, envelope.cipher.nonce);
  });
});

test('a sealed file imports with its passphrase; a wrong one or a modified file changes nothing', async () => {
  let sealed;
  let plain;
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    plain = (await exportBook(page)).doc;
    sealed = JSON.parse((await sealedExport(page, PASSPHRASE)).text);
    await checkA11y(page, 'data page with the seal fields');
  });

  await session(async ({ page, url }) => {
    await openApp(page, url);
    await navigate(page, '/daten');
    const before = await dumpAll(page);
    const locked = page.locator('[data-testid=import-locked]');

    // A wrong passphrase.
    await uploadFile(page, '[data-testid=import-file]', jsonFile('versiegelt.json', sealed));
    await expectText(locked.locator('p').first(), /mit einem Kennwort verschlüsselt/);
    await checkA11y(page, 'sealed import asking for the passphrase');
    await page.getByLabel('Kennwort der Datei').fill('Falsches Kennwort 1');
    await page.locator('[data-testid=import-unlock]').click();
    await expectText(page.locator('[data-testid=import-error]'), /Das Kennwort ist falsch, oder die Datei wurde nach dem Verschlüsseln verändert/);
    assert.equal(await page.locator('[data-testid=import-preview]').count(), 0);

    // A modified file, with the right passphrase.
    const data = Buffer.from(sealed.data, 'base64');
    data[10] ^= 1;
    await uploadFile(page, '[data-testid=import-file]', jsonFile('veraendert.json', { ...sealed, data: data.toString('base64') }));
    await page.getByLabel('Kennwort der Datei').fill(PASSPHRASE);
    await page.locator('[data-testid=import-unlock]').click();
    await expectText(page.locator('[data-testid=import-error]'), /Das Kennwort ist falsch, oder die Datei wurde nach dem Verschlüsseln verändert/);
    // A damaged envelope is refused at once.
    await uploadFile(page, '[data-testid=import-file]', jsonFile('kaputt.json', { ...sealed, cipher: { ...sealed.cipher, nonce: 'AAAA' } }));
    await expectText(page.locator('[data-testid=import-error]'), /Die verschlüsselte Datei ist beschädigt/);
    await eventually(async () => assert.deepEqual(await dumpAll(page), before));

    // The right passphrase: the preview, then the book.
    await uploadFile(page, '[data-testid=import-file]', jsonFile('versiegelt.json', sealed));
    await page.getByLabel('Kennwort der Datei').fill(PASSPHRASE);
    await page.getByLabel('Kennwort der Datei').press('Enter');
    await page.locator('[data-testid=import-preview]').waitFor();
    const revision = await storedRevision(page);
    await page.locator('[data-testid=import-merge]').click();
    await waitForSave(page, revision);
    assert.deepEqual((await exportBook(page)).doc.book, plain.book);
  });
});

test('a short or mistyped passphrase seals nothing and says why', async () => {
  await session(async ({ page, url }) => {
    await openApp(page, url);
    await loadSampleData(page);
    await navigate(page, '/daten');
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.locator('[data-testid=export-seal]').check();
    await page.getByLabel('Kennwort (mindestens 12 Zeichen)').fill('kurz');
    await expectText(page.locator('[data-testid=strength]'), /schwach/);
    await page.getByLabel('Kennwort wiederholen').fill('kurz');
    await page.locator('[data-testid=export]').click();
    await expectText(page.locator('.error[role=alert]'), 'Das Kennwort braucht mindestens 12 Zeichen.');
    await page.getByLabel('Kennwort (mindestens 12 Zeichen)').fill('Sieben Zwerge hinter 7 Bergen!');
    await expectText(page.locator('[data-testid=strength]'), /stark/);
    await page.locator('[data-testid=export]').click();
    await expectText(page.locator('.error[role=alert]'), 'Die beiden Kennwörter stimmen nicht überein.');
    await page.waitForTimeout(300);
    assert.deepEqual(downloads, []);
  });
});
