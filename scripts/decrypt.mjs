// Decrypts a Kontaktnetz export sealed with a passphrase, without the app: for IT, or when
// the app is gone. Needs only Node (18 or later), no packages.
//
//   KONTAKTNETZ_PASSPHRASE='…' node scripts/decrypt.mjs kontaktnetz-2025-01-31.json > plain.json
//   node scripts/decrypt.mjs file.json > plain.json      (reads the passphrase from stdin)
//
// The envelope (src/storage/envelope.rs): PBKDF2-HMAC-SHA256 → 32-byte key, AES-256-GCM with a
// 12-byte nonce, no associated data, the 16-byte tag after the ciphertext, all base64.
import { createDecipheriv, pbkdf2Sync } from "node:crypto";
import { readFileSync } from "node:fs";

const FORMAT = "kontaktnetz-verschluesselt";
// As the app: more iterations than this would only come from a hostile or broken file.
const MAX_ITERATIONS = 3_000_000;
const TAG_LEN = 16;

function fail(english, german) {
  process.stderr.write(`decrypt.mjs: ${english}\n             ${german}\n`);
  process.exit(1);
}

// Strict standard base64 with padding, as the app writes it; Buffer.from would skip junk.
function base64(text, what) {
  if (typeof text !== "string" || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    fail(`${what} is not valid base64.`, `${what} ist kein gültiges Base64.`);
  }
  return Buffer.from(text, "base64");
}

// The first line of stdin, without its line ending; the passphrase itself may hold spaces.
function passphraseFromStdin() {
  if (process.stdin.isTTY) process.stderr.write("Passphrase / Passwort: ");
  let text;
  try {
    text = readFileSync(0, "utf8");
  } catch {
    text = "";
  }
  return text.split(/\r?\n/, 1)[0];
}

const path = process.argv[2];
if (!path || process.argv.length > 3) {
  fail(
    "usage: node scripts/decrypt.mjs FILE > plain.json (passphrase in KONTAKTNETZ_PASSPHRASE or on stdin)",
    "Aufruf: node scripts/decrypt.mjs DATEI > klar.json (Passwort in KONTAKTNETZ_PASSPHRASE oder über stdin)",
  );
}

let doc;
try {
  doc = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
} catch (e) {
  fail(`cannot read ${path} as JSON (${e.message}).`, `${path} lässt sich nicht als JSON lesen.`);
}
if (doc?.format !== FORMAT) {
  fail("not an encrypted Kontaktnetz file.", "keine verschlüsselte Kontaktnetz-Datei.");
}
if (doc.version !== 1) {
  fail(`unsupported version ${JSON.stringify(doc.version)}.`, `Version ${JSON.stringify(doc.version)} wird nicht unterstützt.`);
}
if (doc.kdf?.name !== "PBKDF2-HMAC-SHA256" || doc.cipher?.name !== "AES-256-GCM") {
  fail("unsupported algorithm.", "Verfahren wird nicht unterstützt.");
}
const iterations = doc.kdf.iterations;
if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
  fail("the file is damaged (iterations).", "Die Datei ist beschädigt (Iterationen).");
}
const salt = base64(doc.kdf.salt, "kdf.salt");
const nonce = base64(doc.cipher.nonce, "cipher.nonce");
const data = base64(doc.data, "data");
if (salt.length < 8 || salt.length > 64 || nonce.length !== 12 || data.length < TAG_LEN) {
  fail("the file is damaged (lengths).", "Die Datei ist beschädigt (Längen).");
}

const passphrase = process.env.KONTAKTNETZ_PASSPHRASE ?? passphraseFromStdin();
// The passphrase in Unicode normal form C, as UTF-8 bytes, as the app derives it.
const key = pbkdf2Sync(Buffer.from(passphrase.normalize("NFC"), "utf8"), salt, iterations, 32, "sha256");
const decipher = createDecipheriv("aes-256-gcm", key, nonce);
decipher.setAuthTag(data.subarray(data.length - TAG_LEN));
let plain;
try {
  plain = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_LEN)), decipher.final()]);
} catch {
  fail("wrong passphrase, or the file was modified.", "Falsches Passwort, oder die Datei wurde verändert.");
}
process.stdout.write(plain);
