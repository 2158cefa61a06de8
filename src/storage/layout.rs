//! How records sit in localStorage. The store works with logical records ("group.<id>" → the
//! record's JSON); this module packs them into a fixed set of chunk keys per collection, each
//! holding its records deflated and base64-encoded. Compression makes a 10,000-customer team
//! book fit the browsers' quota; chunks keep one edit's write small; base64 keeps every stored
//! character ASCII, which Safari counts as one byte instead of two.

use std::collections::BTreeMap;

/// Logical records: "settings" and "<collection>.<id>" → JSON text.
pub type Records = BTreeMap<String, String>;

pub const SETTINGS: &str = "settings";
/// Chunks per collection in books that never set their own count (every book stored before
/// IndexedDB). More chunks mean smaller writes per edit, fewer mean better compression.
pub const CHUNKS: u32 = 16;
/// Guards against decompression bombs in stored data.
const MAX_UNPACKED: usize = 64 * 1024 * 1024;
/// Marks the packing, so a later layout can be told apart.
const TAG: &str = "z1:";
/// Text stored as it is, by a browser without a compressor.
const PLAIN_TAG: &str = "p1:";

/// The collections, parents first.
pub const COLLECTIONS: [&str; 8] = [
    "colleague",
    "group",
    "customer",
    "person",
    "casting",
    "contact",
    "planned",
    "party",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutError(pub String);

/// FNV-1a: stable across platforms and versions, so a record stays in its chunk.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

pub fn record_key(collection: &str, id: &str) -> String {
    format!("{collection}.{id}")
}

/// The storage key (after the app prefix) of the chunk holding a logical record, in a book
/// with `chunks` chunks per collection.
pub fn chunk_of(logical: &str, chunks: u32) -> String {
    match logical.split_once('.') {
        Some((collection, id)) => format!("{collection}.{:02}", fnv1a(id) % chunks),
        None => logical.to_owned(),
    }
}

/// One record inside a chunk's text: "id<TAB>json\n" (JSON text never holds a raw newline).
fn push_line(plain: &mut String, logical: &str, json: &str) {
    let id = logical.split_once('.').map_or(logical, |(_, id)| id);
    plain.push_str(id);
    plain.push('\t');
    plain.push_str(json);
    plain.push('\n');
}

/// Packs the records of one chunk.
pub fn pack(records: &[(&str, &str)]) -> String {
    let mut plain = String::new();
    for (logical, json) in records {
        push_line(&mut plain, logical, json);
    }
    deflate_text(&plain)
}

/// Text → deflate → base64, tagged (natively; the browser uses [`super::compress`]).
pub fn deflate_text(text: &str) -> String {
    deflated(&miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6))
}

/// Raw DEFLATE bytes as stored: base64, tagged.
pub fn deflated(bytes: &[u8]) -> String {
    format!("{TAG}{}", base64_encode(bytes))
}

/// Text kept uncompressed, tagged so it reads back like a compressed one.
pub fn plain(text: &str) -> String {
    format!("{PLAIN_TAG}{text}")
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Byte → 6-bit value, 255 for bytes outside the alphabet.
const DECODE: [u8; 256] = {
    let mut table = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Standard base64 with padding. Hand-written: a dozen lines instead of a crate's generic
/// engines in the bundle.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize]
            } else {
                b'='
            };
            out.push(char::from(c));
        }
    }
    out
}

/// The inverse of [`base64_encode`]; `None` for anything that is not canonical base64.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| (DECODE[c as usize] != 255).then(|| u32::from(DECODE[c as usize]));
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (index, quad) in bytes.chunks(4).enumerate() {
        let last = index + 1 == bytes.len() / 4;
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in quad[..4 - pad].iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..4 - pad]);
    }
    Some(out)
}

/// The inverse of [`deflate_text`]; `what` names the entry in error messages.
pub fn inflate_text(what: &str, value: &str) -> Result<String, LayoutError> {
    if let Some(text) = value.strip_prefix(PLAIN_TAG) {
        return Ok(text.to_owned());
    }
    let body = value
        .strip_prefix(TAG)
        .ok_or_else(|| LayoutError(format!("{what}: unbekanntes Speicherformat")))?;
    let bytes =
        base64_decode(body).ok_or_else(|| LayoutError(format!("{what}: Base64 beschädigt")))?;
    let plain = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_UNPACKED)
        .map_err(|_| LayoutError(format!("{what}: Komprimierung beschädigt")))?;
    String::from_utf8(plain).map_err(|_| LayoutError(format!("{what}: kein UTF-8")))
}

/// Unpacks a chunk stored under `chunk` ("customer.07") into logical records.
pub fn unpack(chunk: &str, value: &str) -> Result<Vec<(String, String)>, LayoutError> {
    let collection = chunk.split('.').next().unwrap_or("");
    inflate_text(chunk, value)?
        .lines()
        .map(|line| {
            let (id, json) = line
                .split_once('\t')
                .ok_or_else(|| LayoutError(format!("{chunk}: Zeile ohne Kennung")))?;
            Ok((record_key(collection, id), json.to_owned()))
        })
        .collect()
}

/// The texts of the named chunks (of a book with `count` chunks per collection) that hold at
/// least one record, before compression; the settings stand alone, without an id line. A named
/// chunk left without records is absent from the result. Only the collections of named chunks are walked, and ids
/// are hashed without allocating: one edit of a large book stays cheap.
pub fn pack_chunks(records: &Records, names: &[String], count: u32) -> Records {
    let mut plain = Records::new();
    let mut walked: Vec<&str> = Vec::new();
    for name in names {
        if name == SETTINGS {
            if let Some(json) = records.get(SETTINGS) {
                plain.insert(SETTINGS.to_owned(), json.clone());
            }
            continue;
        }
        let Some((collection, _)) = name.split_once('.') else {
            continue;
        };
        if walked.contains(&collection) {
            continue;
        }
        walked.push(collection);
        let prefix = format!("{collection}.");
        let wanted: Vec<u32> = names
            .iter()
            .filter_map(|n| n.strip_prefix(&prefix)?.parse().ok())
            .collect();
        for (logical, json) in records
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
        {
            let index = fnv1a(&logical[prefix.len()..]) % count;
            if wanted.contains(&index) {
                let chunk = format!("{prefix}{index:02}");
                push_line(plain.entry(chunk).or_default(), logical, json);
            }
        }
    }
    plain
}

/// Every chunk name a book with `count` chunks per collection can have, settings first.
pub fn all_chunks(count: u32) -> Vec<String> {
    let mut out = vec![SETTINGS.to_owned()];
    for collection in COLLECTIONS {
        out.extend((0..count).map(|i| format!("{collection}.{i:02}")));
    }
    out
}

/// The settings as stored: deflated since schema 2, plain JSON in schema 1.
pub fn unpack_settings(value: &str) -> Result<String, LayoutError> {
    if value.starts_with(TAG) || value.starts_with(PLAIN_TAG) {
        inflate_text(SETTINGS, value)
    } else {
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips_exactly() {
        let recs = [
            ("customer.c-1", r#"{"id":"c-1","name":"Müller \"Gm\tbH\""}"#),
            ("customer.c-2", "{}"),
        ];
        let packed = pack(&recs);
        assert!(packed.is_ascii());
        let back = unpack("customer.03", &packed).unwrap();
        assert_eq!(
            back,
            vec![
                ("customer.c-1".to_owned(), recs[0].1.to_owned()),
                ("customer.c-2".to_owned(), "{}".to_owned())
            ]
        );
    }

    #[test]
    fn base64_matches_the_reference_crate() {
        use base64::Engine;
        let reference = base64::engine::general_purpose::STANDARD;
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let ours = base64_encode(&bytes);
            assert_eq!(ours, reference.encode(&bytes));
            assert_eq!(base64_decode(&ours), Some(bytes));
        }
        for bad in ["A", "AB=C", "A===", "AA==AA==", "ä===", "AAA*"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn chunks_are_stable_and_bounded() {
        assert_eq!(chunk_of("group.g-1", CHUNKS), chunk_of("group.g-1", CHUNKS));
        assert_eq!(chunk_of(SETTINGS, CHUNKS), SETTINGS);
        for i in 0..1000 {
            let c = chunk_of(&format!("person.p-{i}"), CHUNKS);
            let n: u32 = c.strip_prefix("person.").unwrap().parse().unwrap();
            assert!(n < CHUNKS);
        }
        // FNV-1a reference value, so a change of hash (which would orphan stored records) fails.
        assert_eq!(fnv1a("a"), 0xe40c_292c);
    }

    #[test]
    fn plain_chunks_read_like_compressed_ones() {
        let recs = [("group.g-1", r#"{"id":"g-1"}"#)];
        let plain_chunk = plain(&format!("g-1\t{}\n", recs[0].1));
        assert_eq!(
            unpack("group.03", &plain_chunk),
            unpack("group.03", &pack(&recs))
        );
        assert_eq!(unpack_settings("p1:{}"), Ok("{}".to_owned()));
    }

    #[test]
    fn damaged_chunks_are_reported() {
        assert!(unpack("group.01", "plain").is_err());
        assert!(unpack("group.01", "z1:!!!").is_err());
        assert!(unpack("group.01", "z1:AAAA").is_err());
    }
}
