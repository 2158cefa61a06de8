//! How records sit in storage. The store works with logical records ("group.<id>" → the
//! record's JSON); this module packs them into a fixed set of chunk keys per collection, each
//! holding its records as lines of text, deflated and base64-encoded. Compression makes a
//! 10,000-customer team book fit the browsers' quota; chunks keep one edit's write small;
//! base64 keeps every stored character ASCII, which Safari counts as one byte instead of two.

use crate::domain::book::RecordKind;
use std::collections::BTreeMap;

/// Logical records: "settings" and "<collection>.<id>" → JSON text.
pub type Records = BTreeMap<String, String>;
/// Chunk texts before compression: chunk name ("customer.07") → one line per record, in id
/// order (see [`lines`]); "settings" → the settings' JSON.
pub type Chunks = BTreeMap<String, String>;

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

/// Is `chunk` a chunk of one of the record kinds' collections ("customer.07")?
pub fn is_collection_chunk(chunk: &str) -> bool {
    RecordKind::ALL.iter().any(|k| {
        chunk
            .strip_prefix(k.collection())
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

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
fn push_line(plain: &mut String, id: &str, json: &str) {
    plain.push_str(id);
    plain.push('\t');
    plain.push_str(json);
    plain.push('\n');
}

/// The id part of a logical record key ("customer.c-1" → "c-1").
fn id_of(logical: &str) -> &str {
    logical.split_once('.').map_or(logical, |(_, id)| id)
}

/// Packs the records of one chunk.
pub fn pack(records: &[(&str, &str)]) -> String {
    let mut plain = String::new();
    for (logical, json) in records {
        push_line(&mut plain, id_of(logical), json);
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
/// Opening a large book decodes megabytes: full quads go through one branch-free loop, and
/// only the last may carry padding.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let (body, last) = bytes.split_at(bytes.len().saturating_sub(4));
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    // Invalid characters map to 255: OR-ing all values keeps the high bit as an error flag.
    let mut bad = 0u8;
    for quad in body.chunks_exact(4) {
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| DECODE[quad[i] as usize]);
        bad |= a | b | c | d;
        let n = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
        out.extend_from_slice(&n.to_be_bytes()[1..]);
    }
    if bad & 0x80 != 0 {
        return None;
    }
    let pad = last.iter().rev().take_while(|&&c| c == b'=').count();
    if pad > 2 {
        return None;
    }
    let mut n = 0u32;
    for (i, &c) in last[..last.len() - pad].iter().enumerate() {
        let v = DECODE[c as usize];
        if v == 255 {
            return None;
        }
        n |= u32::from(v) << (18 - 6 * i);
    }
    if !last.is_empty() {
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

/// The records in a chunk's text, as (id, json) slices in stored order. Opening parses them
/// where they lie: a large book has 130,000 records, and a string each would cost more than
/// parsing them.
pub fn lines<'a>(
    chunk: &'a str,
    text: &'a str,
) -> impl Iterator<Item = Result<(&'a str, &'a str), LayoutError>> + 'a {
    text.lines().map(move |line| {
        line.split_once('\t')
            .ok_or_else(|| LayoutError(format!("{chunk}: Zeile ohne Kennung")))
    })
}

/// The records of one chunk's text as logical records ("customer.c-1" → JSON), in order.
pub fn chunk_records<'a>(
    chunk: &'a str,
    text: &'a str,
) -> impl Iterator<Item = Result<(String, String), LayoutError>> + 'a {
    let collection = chunk.split('.').next().unwrap_or("");
    lines(chunk, text)
        .map(move |line| line.map(|(id, json)| (record_key(collection, id), json.to_owned())))
}

/// The logical records held in chunk texts.
pub fn records_of(chunks: &Chunks) -> Result<Records, LayoutError> {
    let mut out = Records::new();
    for (chunk, text) in chunks {
        if chunk == SETTINGS {
            out.insert(SETTINGS.to_owned(), text.clone());
            continue;
        }
        for record in chunk_records(chunk, text) {
            let (logical, json) = record?;
            out.insert(logical, json);
        }
    }
    Ok(out)
}

/// The new texts of the chunks that changed records touch, in a book with `count` chunks per
/// collection: each from its current text in `chunks` with the changes applied (`None`
/// deletes), records in id order. A chunk left without records has an empty text. Only the
/// touched chunks are read and written: one edit of a large book stays cheap.
pub fn repack<'a>(
    chunks: &Chunks,
    changes: impl IntoIterator<Item = (&'a str, Option<&'a str>)> + Clone,
    count: u32,
) -> Chunks {
    // Plain string maps only (one map type less keeps the bundle small): the touched chunks'
    // records by logical key, whose order is id order within each chunk.
    let mut out = Chunks::new();
    let mut records = Records::new();
    for (logical, _) in changes.clone() {
        let chunk = chunk_of(logical, count);
        if out.contains_key(&chunk) {
            continue;
        }
        if chunk != SETTINGS {
            if let Some(text) = chunks.get(&chunk) {
                // Chunks here were decoded before: a malformed line would have failed that.
                records.extend(chunk_records(&chunk, text).filter_map(Result::ok));
            }
        }
        out.insert(chunk, String::new());
    }
    for (logical, json) in changes {
        match json {
            Some(json) => records.insert(logical.to_owned(), json.to_owned()),
            None => records.remove(logical),
        };
    }
    for (logical, json) in &records {
        let Some(text) = out.get_mut(&chunk_of(logical, count)) else {
            continue;
        };
        if logical == SETTINGS {
            text.push_str(json);
        } else {
            push_line(text, id_of(logical), json);
        }
    }
    out
}

/// Puts new chunk texts from [`repack`] in place; an empty one removes its chunk.
pub fn apply(chunks: &mut Chunks, texts: Chunks) {
    for (chunk, text) in texts {
        if text.is_empty() {
            chunks.remove(&chunk);
        } else {
            chunks.insert(chunk, text);
        }
    }
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

    /// A stored chunk's (id, json) lines.
    fn unpack(value: &str) -> Result<Vec<(String, String)>, LayoutError> {
        let text = inflate_text("group.01", value)?;
        lines("group.01", &text)
            .map(|line| line.map(|(id, json)| (id.to_owned(), json.to_owned())))
            .collect()
    }

    #[test]
    fn pack_round_trips_exactly() {
        let recs = [
            ("customer.c-1", r#"{"id":"c-1","name":"Müller \"Gm\tbH\""}"#),
            ("customer.c-2", "{}"),
        ];
        let packed = pack(&recs);
        assert!(packed.is_ascii());
        let back = unpack(&packed).unwrap();
        assert_eq!(
            back,
            vec![
                ("c-1".to_owned(), recs[0].1.to_owned()),
                ("c-2".to_owned(), "{}".to_owned())
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
        assert_eq!(unpack(&plain_chunk), unpack(&pack(&recs)));
        assert_eq!(unpack_settings("p1:{}"), Ok("{}".to_owned()));
    }

    #[test]
    fn damaged_chunks_are_reported() {
        assert!(unpack("plain").is_err());
        assert!(unpack("z1:!!!").is_err());
        assert!(unpack("z1:AAAA").is_err());
        assert!(unpack(&plain("g-1 ohne Tabulator\n")).is_err());
    }

    #[test]
    fn repack_changes_only_the_touched_chunks() {
        // One chunk per collection: both groups share it.
        let count = 1;
        let changes = |list: &[(&'static str, Option<&'static str>)]| list.to_vec();
        let first = repack(
            &Chunks::new(),
            changes(&[
                ("group.g-2", Some("{2}")),
                ("group.g-1", Some("{1}")),
                (SETTINGS, Some("{s}")),
            ]),
            count,
        );
        assert_eq!(first[SETTINGS], "{s}");
        let g1 = chunk_of("group.g-1", count);
        // Records of one chunk are kept in id order, whatever order the changes came in.
        assert_eq!(first[&g1], "g-1\t{1}\ng-2\t{2}\n");
        let mut stored = first.clone();
        let second = repack(&stored, changes(&[("group.g-1", None)]), count);
        assert_eq!(second.keys().collect::<Vec<_>>(), vec![&g1]);
        stored.extend(second);
        let records = records_of(&stored).unwrap();
        assert!(!records.contains_key("group.g-1"));
        assert_eq!(records["group.g-2"], "{2}");
        assert_eq!(records[SETTINGS], "{s}");
    }
}
