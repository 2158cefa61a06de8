//! The table of record kinds (`domain::records`) keeps every list aligned: the book's flat
//! form, export files, stored collections, preview tallies and the German labels name the
//! same kinds in the same order, and no two kinds share a name.

use kontaktnetz::domain::book::{BookData, RecordKind};
use kontaktnetz::domain::merge::preview;
use kontaktnetz::domain::sample::{self, SampleSize};
use kontaktnetz::texts;
use serde_json::Value;
use std::collections::BTreeSet;

fn distinct(names: impl IntoIterator<Item = String>) -> bool {
    let names: Vec<String> = names.into_iter().collect();
    names.iter().collect::<BTreeSet<_>>().len() == names.len()
}

#[test]
fn the_flat_book_and_export_files_have_one_field_per_kind() {
    let data = serde_json::to_value(BookData::default()).unwrap();
    let fields: Vec<&str> = data
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["settings"];
    expected.extend(RecordKind::ALL.iter().map(|k| k.field()));
    assert_eq!(
        fields.iter().collect::<BTreeSet<_>>(),
        expected.iter().collect::<BTreeSet<_>>()
    );

    let shape: Value =
        serde_json::from_str(include_str!("../fixtures/export-shape-4.json")).unwrap();
    for kind in RecordKind::ALL {
        assert!(
            shape.get(kind.field()).is_some(),
            "{kind:?} is in the pinned export shape"
        );
    }
}

#[test]
fn kinds_have_distinct_fields_collections_and_labels() {
    let all = RecordKind::ALL;
    assert_eq!(all.len(), RecordKind::COUNT);
    assert!(distinct(all.iter().map(|k| k.field().to_owned())));
    assert!(distinct(all.iter().map(|k| k.collection().to_owned())));
    assert!(distinct(
        all.iter().map(|k| texts::kind_plural(*k).to_owned())
    ));
    for kind in all {
        assert!(
            !kind.collection().contains('.'),
            "a dot separates collection and chunk"
        );
        assert!(!texts::kind_plural(*kind).is_empty());
    }
}

#[test]
fn the_preview_counts_every_kind_of_the_sample_book() {
    let book = sample::generate(SampleSize::ADVISOR, 3, crate::common::at(0));
    let p = preview(&Default::default(), &book.to_data());
    let data = book.to_data();
    let counts = serde_json::to_value(&data).unwrap();
    for kind in RecordKind::ALL {
        let records = counts[kind.field()].as_array().unwrap().len();
        assert_eq!(p.tally(*kind).added, records, "{kind:?}");
    }
}
