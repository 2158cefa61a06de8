//! The move of a book kept in localStorage (every version before IndexedDB) into IndexedDB.
//! One commit writes everything into the new engine: the book in the current schema, a backup
//! of the data as it was stored, the old backups and device state, and a mark naming the
//! moved state. Only when that commit reads back complete is the old data removed, in a
//! commit of its own. Cut off anywhere, the next start either moves again or finishes the
//! clean-up; the old data is never removed before the new copy is confirmed.

use super::backups;
use super::codec::{self, data_chunk, decode_snapshot, encode, storage_key, Snapshot};
use super::engine::{chunks_for, Commit, Engine, Expect, Write};
use super::kv::StoreError;
use super::layout;
use super::migrate::CURRENT_SCHEMA;
use super::store::{Meta, OpenError, META_KEY, PREFIX};
use crate::domain::model::Timestamp;

/// In the new engine: the old engine's meta entry as it was moved. Finding the old data
/// unchanged beside it means only its removal is left to do.
pub const MOVED_KEY: &str = "kontaktnetz.moved";
/// Two tabs starting at once: the second finds the first's move and only cleans up.
const ATTEMPTS: usize = 3;

/// What happened to the old engine's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// The old engine held nothing of ours.
    Nothing,
    /// The book was moved (or a cut-off move was completed) and the old data removed.
    Moved,
}

/// Moves everything Kontaktnetz keeps in `from` into `to`. Unreadable old data is reported
/// and left where it is, for the quarantine page; nothing is written then.
pub async fn move_book<F: Engine, T: Engine>(
    from: &mut F,
    to: &mut T,
    writer: &str,
    now: Timestamp,
) -> Result<Moved, OpenError> {
    let unavailable = OpenError::Unavailable;
    let old = from.read_all(PREFIX).await.map_err(unavailable)?;
    if old.is_empty() {
        return Ok(Moved::Nothing);
    }
    for _ in 0..ATTEMPTS {
        let target_meta = to.read(META_KEY).await.map_err(unavailable)?;
        let moved = to.read(MOVED_KEY).await.map_err(unavailable)?;
        if target_meta.is_some() && moved.is_some() && moved.as_ref() == old.get(META_KEY) {
            clear(from, &old).await.map_err(unavailable)?;
            return Ok(Moved::Moved);
        }
        let writes = move_writes(&old, to, writer, now).await?;
        let expected = writes
            .iter()
            .find(|(k, _)| k == META_KEY)
            .and_then(|(_, v)| v.clone());
        match to
            .commit(writes, Expect::Meta(target_meta))
            .await
            .map_err(unavailable)?
        {
            Commit::Stale => continue,
            Commit::Done => {}
        }
        // Confirmed only by reading it back: then the old copy may go.
        if to.read(META_KEY).await.map_err(unavailable)? == expected {
            clear(from, &old).await.map_err(unavailable)?;
        }
        return Ok(Moved::Moved);
    }
    Err(unavailable(StoreError::Other(
        "Umzug der Daten wurde mehrfach unterbrochen".into(),
    )))
}

/// Removes every moved entry from the old engine, in one commit.
async fn clear<F: Engine>(from: &mut F, old: &super::store::RawDump) -> Result<(), StoreError> {
    let writes: Vec<Write> = old.keys().map(|k| (k.clone(), None)).collect();
    from.commit(writes, Expect::Anything).await.map(|_| ())
}

/// The commit that puts the old engine's content into `to`.
async fn move_writes<T: Engine>(
    old: &super::store::RawDump,
    to: &T,
    writer: &str,
    now: Timestamp,
) -> Result<Vec<Write>, OpenError> {
    let mut snap = Snapshot::of(old.clone());
    let unreadable = |reason| OpenError::Unreadable {
        reason,
        raw: old.clone(),
    };
    let (book, chunks, schema) = decode_snapshot(&mut snap).map_err(unreadable)?;
    let mut writes: Vec<Write> = Vec::new();
    // Backups, device state and quarantined data come along unchanged.
    writes.extend(
        old.iter()
            .filter(|(k, _)| data_chunk(k).is_none() && *k != META_KEY)
            .map(|(k, v)| (k.clone(), Some(v.clone()))),
    );
    if snap.meta.is_none() {
        return Ok(writes); // no book, only the rest
    }
    let doc = codec::assemble(schema, &chunks).map_err(unreadable)?;
    // Named like the backup an upgrade in place keeps, when the move upgrades too.
    let label = if schema < CURRENT_SCHEMA as u64 {
        format!("Vor der Umstellung von Datenversion {schema} auf {CURRENT_SCHEMA}")
    } else {
        "Vor dem Umzug in die IndexedDB-Datenbank".to_owned()
    };
    let (_, backup) = backups::entries(&label, &book, &doc.to_string(), now).await;
    writes.extend(backup);
    // A book already here (moved before, then edited in the fallback elsewhere) is replaced,
    // after a backup of its own.
    let present = to.read_all(PREFIX).await.map_err(OpenError::Unavailable)?;
    let mut here = Snapshot::of(present);
    if here.meta.is_some() {
        if let Some((current, _, _)) = decode_snapshot(&mut here)
            .ok()
            .filter(|(b, _, _)| !b.is_empty())
        {
            let doc = super::file::export(&current, now);
            let later = now + chrono::Duration::milliseconds(1);
            let (_, copy) = backups::entries(
                "Vor dem erneuten Umzug aus localStorage",
                &current,
                &doc,
                later,
            )
            .await;
            writes.extend(copy);
        }
        writes.extend(
            here.raw
                .keys()
                .filter(|k| data_chunk(k).is_some())
                .map(|k| (k.clone(), None)),
        );
    }
    let chunks = chunks_for(to.kind());
    let records = encode(&book);
    let texts = layout::repack(
        &layout::Chunks::new(),
        records.iter().map(|(k, v)| (k.as_str(), Some(v.as_str()))),
        chunks,
    );
    let packed = super::store::compressed(&texts).await;
    // Later writes of a key win, so the new chunks override the removals above.
    writes.extend(packed.into_iter().map(|(c, v)| (storage_key(&c), Some(v))));
    let revision = snap.meta.as_ref().map_or(0, |m| m.revision) + 1;
    let meta = Meta {
        schema: CURRENT_SCHEMA as u64,
        revision,
        saved_at: now,
        writer: writer.to_owned(),
        chunks,
    };
    writes.push((META_KEY.to_owned(), Some(super::to_json(&meta))));
    writes.push((MOVED_KEY.to_owned(), old.get(META_KEY).cloned()));
    Ok(writes)
}
