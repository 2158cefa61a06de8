//! The record kinds, one row each. Every list that names the kinds is generated from this
//! table: `with_record_kinds!(then)` calls the macro `then!` with all rows, so each layer
//! writes its per-kind code once (the book and its flat form in `book`, preview and merge in
//! `merge`, stored collections and record diffs in `storage::codec`). A new kind is one row
//! here plus its module; its German labels are a `match` in `texts`, which the compiler keeps
//! complete.
//!
//! Columns: the kind, its field in the book and in export files, its collection in storage
//! (part of the stored key, never renamed), its type, its id type. Parents come first: a
//! record only refers to kinds above it.

/// Calls `$then!` with the table of record kinds (see the module comment).
#[macro_export]
macro_rules! with_record_kinds {
    ($then:ident) => {
        $then! {
            Colleague, colleagues, "colleague", $crate::domain::model::Colleague, $crate::domain::ids::ColleagueId;
            Group, groups, "group", $crate::domain::model::Group, $crate::domain::ids::GroupId;
            Customer, customers, "customer", $crate::domain::model::Customer, $crate::domain::ids::CustomerId;
            Person, persons, "person", $crate::domain::model::ContactPerson, $crate::domain::ids::PersonId;
            Casting, castings, "casting", $crate::domain::casting::Casting, $crate::domain::ids::CastingId;
            Contact, contacts, "contact", $crate::domain::contact::Contact, $crate::domain::ids::ContactId;
            Planned, planned, "planned", $crate::domain::contact::Planned, $crate::domain::ids::PlannedId;
            Party, parties, "party", $crate::domain::contact::party::Party, $crate::domain::ids::PartyId;
        }
    };
}

use super::model::Timestamp;

/// What every record has: a stable id (records match by it across devices) and the time of
/// its last change (the newer one wins a merge).
pub trait Record: Clone + PartialEq {
    type Id: Ord + Clone + std::fmt::Display;
    const KIND: super::book::RecordKind;
    fn id(&self) -> &Self::Id;
    fn updated_at(&self) -> Timestamp;
}

/// A record's fields by name, as in export files. Through text rather than `to_value`: the
/// text serialiser is in the bundle anyway (export and storage); a second one per record
/// type would cost ~40 KB.
pub fn fields<T: serde::Serialize>(record: &T) -> serde_json::Map<String, serde_json::Value> {
    let parsed = serde_json::to_string(record).map(|text| serde_json::from_str(&text));
    match parsed {
        Ok(Ok(serde_json::Value::Object(map))) => map,
        _ => unreachable!("records serialise as objects"),
    }
}

/// Fields in which two records differ: (name, first's value, second's value), `None` where a
/// record leaves the field out; the id and the time stamp never count.
pub type Diff = Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)>;

/// The fields in which `a` and `b` differ, by name (alphabetical).
pub fn field_differences<T: serde::Serialize>(a: &T, b: &T) -> Diff {
    let (a, mut b) = (fields(a), fields(b));
    let mut out = Diff::new();
    for (k, v) in a {
        let other = b.remove(&k);
        if other.as_ref() != Some(&v) {
            out.push((k, Some(v), other));
        }
    }
    out.extend(b.into_iter().map(|(k, v)| (k, None, Some(v))));
    out.retain(|(k, ..)| k != "id" && k != "updated_at");
    out
}
