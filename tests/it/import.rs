//! Import files: `export` and `parse_import` round-trip any valid book, and every kind of bad
//! file is refused with the right error and a German message that names the problem.

use crate::common::*;
use kontaktnetz::domain::book::{Book, Problem, RecordKind};
use kontaktnetz::domain::contact::{ContactProblem, ContactSettings};
use kontaktnetz::domain::exchange::selection::select;
use kontaktnetz::domain::model::{Consent, Occasion};
use kontaktnetz::domain::sample::{generate, SampleSize};
use kontaktnetz::domain::text::{Email, Influence, Phone};
use kontaktnetz::domain::vocab::{
    BuyingMotive, BuyingRole, ConsentState, CustomerKind, OccasionKind, Segment,
};
use kontaktnetz::storage::migrate::MigrateError;
use kontaktnetz::storage::{
    export, export_data, parse_import, read_import, Contents, DecodeError, Scope, MAX_IMPORT_BYTES,
};
use kontaktnetz::texts;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

// ---- round trips ---------------------------------------------------------------------------

fn assert_round_trip(book: &Book) {
    let text = export(book, at(999));
    assert_eq!(parse_import(&text).as_ref(), Ok(book));
}

/// A small book where every free text is `text` (names get a visible prefix so they are never
/// empty after trimming) and every optional field is set.
fn book_with_texts(text: &str) -> Book {
    let label = |prefix: &str| name(&format!("{prefix} {text}"));
    let mut data = small_book().to_data();
    for c in &mut data.colleagues {
        c.name = label("K");
        c.department = Some(text.to_owned());
        c.phone = Some(Phone::parse("+49 (0)7681 / 12-34").unwrap());
        c.email = Some(Email::parse("anna.berater@sparkasse-beispiel.de").unwrap());
    }
    for g in &mut data.groups {
        g.name = label("G");
        g.notes = text.to_owned();
    }
    for c in &mut data.customers {
        c.name = label("C");
        c.number = Some(text.to_owned());
        c.notes = text.to_owned();
        c.kind = CustomerKind::PublicBody;
        c.segment = Segment::Municipal;
        c.consent = Consent {
            state: ConsentState::No,
            since: chrono::NaiveDate::from_ymd_opt(2025, 2, 28),
        };
        c.no_contact_until = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
        c.occasions = vec![Occasion {
            kind: OccasionKind::Anniversary,
            date: chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
            label: text.to_owned(),
        }];
    }
    for p in &mut data.persons {
        p.name = label("P");
        p.position = Some(text.to_owned());
        p.notes = text.to_owned();
        p.influence = Some(Influence::new(10).unwrap());
        p.buying_role = Some(BuyingRole::Gatekeeper);
        p.motive = Some(BuyingMotive::Autonomy);
    }
    Book::from_data(data).unwrap()
}

#[test]
fn hostile_texts_survive_the_round_trip() {
    for text in [
        "",
        "\"Anführungszeichen\" und 'einfache'",
        r"C:\Pfad\mit\\Backslashes\",
        "Emoji 👨‍👩‍👧‍👦 🏦 ✓",
        "<script>alert('x')</script>",
        "Zeile 1\nZeile 2\r\n\tTab \u{0} Null \u{1f} Steuerzeichen",
        "\u{feff}BOM mitten im Text \u{202e}rückwärts",
        &"[".repeat(100),
        "\\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "Müller Straße Ähre Öl Übel ẞ",
    ] {
        assert_round_trip(&book_with_texts(text));
    }
}

#[test]
fn notes_with_brackets_are_not_mistaken_for_deep_nesting() {
    let mut book = small_book();
    let mut g = book.groups()[&gid("g-bau")].clone();
    g.notes = "[{".repeat(5_000);
    book.upsert_group(g).unwrap();
    assert_round_trip(&book);
}

#[test]
fn empty_book_round_trips() {
    assert_round_trip(&Book::default());
}

#[test]
fn a_byte_order_mark_in_front_is_accepted() {
    let book = small_book();
    let text = format!("\u{feff}{}", export(&book, at(1)));
    assert_eq!(parse_import(&text), Ok(book));
}

/// Texts built from pieces that tend to break encoders, plus arbitrary characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\\"".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("😀".to_owned()),
        Just("ä".to_owned()),
        Just("[".repeat(40)),
        Just("{".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        any::<char>().prop_map(String::from),
        "[a-zA-Z0-9 ]{0,8}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

fn sample_size() -> impl Strategy<Value = SampleSize> {
    (1..3usize, 5..60usize).prop_map(|(advisors, customers_per_advisor)| SampleSize {
        advisors,
        customers_per_advisor,
        history_days: 365,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_books_round_trip(seed in any::<u64>(), size in sample_size()) {
        let book = generate(size, seed, at(0));
        let text = export(&book, at(1));
        prop_assert_eq!(parse_import(&text), Ok(book));
    }

    #[test]
    fn books_with_arbitrary_texts_round_trip(text in hostile_text()) {
        let book = book_with_texts(&text);
        let exported = export(&book, at(1));
        prop_assert_eq!(parse_import(&exported), Ok(book));
    }
}

// ---- bad files -----------------------------------------------------------------------------

/// A change to an export document.
type Change = fn(&mut Value);

/// The export of the small book as a JSON value, changed by `change`, as text.
fn export_with(change: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(&export(&small_book(), at(1))).unwrap();
    change(&mut doc);
    doc.to_string()
}

/// Parses `text`, expecting a refusal; returns the error and its German message.
fn refused(text: &str) -> (DecodeError, String) {
    let error = parse_import(text).expect_err("the file must be refused");
    let message = texts::decode_error(&error);
    (error, message)
}

fn assert_mentions(message: &str, words: &[&str]) {
    for w in words {
        assert!(
            message.contains(w),
            "message {message:?} should mention {w:?}"
        );
    }
}

#[test]
fn empty_files_are_refused() {
    for text in ["", "   \n\t ", "\u{feff}", "\u{feff}\n"] {
        let (error, message) = refused(text);
        assert_eq!(error, DecodeError::Empty, "{text:?}");
        assert_mentions(&message, &["leer"]);
    }
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let (error, message) = refused("{\n  \"format\": \"kontaktnetz\",\n  schema: 1\n}");
    assert_eq!(error, DecodeError::NotJson { line: 3, column: 3 });
    assert_mentions(&message, &["kein gültiges JSON", "Zeile 3", "Spalte 3"]);

    let (error, _) = refused("Name;Vorname\nMüller;Hans");
    assert!(
        matches!(error, DecodeError::NotJson { line: 1, .. }),
        "{error:?}"
    );
}

#[test]
fn json_of_another_shape_is_not_a_kontaktnetz_file() {
    for text in [
        "[]",
        "[{\"format\": \"kontaktnetz\"}]",
        "{}",
        "{\"schema\": 1, \"book\": {}}",
        "{\"format\": \"andere-app\", \"schema\": 1, \"book\": {}}",
        "\"kontaktnetz\"",
        "42",
    ] {
        let (error, message) = refused(text);
        assert_eq!(error, DecodeError::NotKontaktnetz, "{text}");
        assert_mentions(&message, &["kein Kontaktnetz-Export", "format"]);
    }
}

#[test]
fn a_missing_schema_is_named() {
    for change in [
        (|d: &mut Value| {
            d.as_object_mut().unwrap().remove("schema");
        }) as Change,
        |d| d["schema"] = json!("1"),
        |d| d["schema"] = json!(null),
    ] {
        let (error, message) = refused(&export_with(change));
        assert_eq!(error, DecodeError::MissingSchema);
        assert_mentions(&message, &["Datenversion", "schema"]);
    }
}

#[test]
fn a_newer_schema_asks_for_an_update() {
    let (error, message) = refused(&export_with(|d| d["schema"] = json!(99)));
    assert_eq!(
        error,
        DecodeError::Schema(MigrateError::Newer { found: 99 })
    );
    assert_mentions(
        &message,
        &["neueren Kontaktnetz-Version", "99", "aktualisieren"],
    );
}

#[test]
fn schema_zero_is_unknown() {
    let (error, message) = refused(&export_with(|d| d["schema"] = json!(0)));
    assert_eq!(
        error,
        DecodeError::Schema(MigrateError::Unknown { found: 0 })
    );
    assert_mentions(&message, &["Datenversion 0", "unbekannt"]);
}

#[test]
fn a_missing_book_is_a_shape_error() {
    let (error, message) = refused(&export_with(|d| {
        d.as_object_mut().unwrap().remove("book");
    }));
    assert!(matches!(error, DecodeError::Shape { .. }), "{error:?}");
    assert_mentions(&message, &["nicht den erwarteten Aufbau", "book"]);
}

#[test]
fn a_duplicate_id_is_named() {
    let (error, message) = refused(&export_with(|d| {
        let persons = d["book"]["persons"].as_array_mut().unwrap();
        let copy = persons[0].clone();
        persons.push(copy);
    }));
    assert_eq!(
        error,
        DecodeError::Problems(vec![Problem::DuplicateId {
            kind: RecordKind::Person,
            id: "p-buch".into(),
        }])
    );
    assert_mentions(
        &message,
        &["1 fehlerhafte", "„p-buch“", "mehrfach", "Ansprechpartner"],
    );
}

#[test]
fn a_broken_reference_is_named() {
    let (error, message) = refused(&export_with(|d| {
        d["book"]["customers"][0]["group"] = json!("g-weg");
    }));
    assert_eq!(
        error,
        DecodeError::Problems(vec![
            Problem::LeadNotMember {
                group: "g-bau".into(),
                lead: "c-bau".into(),
            },
            Problem::UnknownGroup {
                customer: "c-bau".into(),
                group: "g-weg".into(),
            },
        ])
    );
    assert_mentions(
        &message,
        &[
            "2 fehlerhafte",
            "„c-bau“",
            "unbekannten Kundenverbund „g-weg“",
            "Leitkunde",
        ],
    );
}

#[test]
fn a_long_problem_list_is_cut_and_counted() {
    let (error, message) = refused(&export_with(|d| {
        let persons = d["book"]["persons"].as_array_mut().unwrap();
        for p in persons.iter_mut() {
            p["customer"] = json!("c-weg");
        }
        let template = persons[0].clone();
        for i in 0..10 {
            let mut p = template.clone();
            p["id"] = json!(format!("p-extra-{i}"));
            persons.push(p);
        }
    }));
    let DecodeError::Problems(list) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(list.len(), 14);
    assert_mentions(&message, &["14 fehlerhafte", "… und 6 weitere"]);
    assert_eq!(
        message.matches("\n• ").count(),
        9,
        "8 listed plus the remainder line"
    );
}

#[test]
fn a_record_with_a_bad_field_names_the_rule() {
    let cases: [(Change, &str); 5] = [
        (
            |d| d["book"]["persons"][0]["influence"] = json!(11),
            "zwischen 1 und 10",
        ),
        (
            |d| d["book"]["persons"][0]["email"] = json!("kein-at-zeichen"),
            "E-Mail-Adresse",
        ),
        (
            |d| d["book"]["persons"][0]["phone"] = json!("javascript:1234"),
            "Telefonnummer",
        ),
        (|d| d["book"]["groups"][0]["name"] = json!("   "), "leer"),
        (
            |d| d["book"]["customers"][0]["id"] = json!("c 1"),
            "ungültige Kennung „c 1“",
        ),
    ];
    for (change, rule) in cases {
        let (error, message) = refused(&export_with(change));
        assert!(matches!(error, DecodeError::Shape { .. }), "{error:?}");
        assert_mentions(&message, &["nicht den erwarteten Aufbau", rule]);
    }
}

#[test]
fn an_unknown_vocabulary_value_is_a_shape_error() {
    let (error, message) = refused(&export_with(|d| {
        d["book"]["groups"][0]["segment"] = json!("retail")
    }));
    assert!(matches!(error, DecodeError::Shape { .. }), "{error:?}");
    assert_mentions(&message, &["retail"]);
}

#[test]
fn an_unknown_collection_in_the_book_is_refused() {
    let (error, message) = refused(&export_with(|d| d["book"]["termine"] = json!([])));
    assert!(matches!(error, DecodeError::Shape { .. }), "{error:?}");
    assert_mentions(&message, &["termine"]);
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let (error, message) = refused(&"[".repeat(10_000));
    assert_eq!(error, DecodeError::TooDeep);
    assert_mentions(&message, &["verschachtelt"]);

    let inside_a_valid_object = format!(
        "{{\"format\":\"kontaktnetz\",\"x\":{}}}",
        "{\"a\":".repeat(40)
    );
    assert_eq!(refused(&inside_a_valid_object).0, DecodeError::TooDeep);
}

#[test]
fn a_file_over_the_limit_is_refused_by_size() {
    let bytes = 21 * 1024 * 1024;
    // Valid-looking JSON, so only the size check can refuse it.
    let text = format!("\"{}\"", "a".repeat(bytes - 2));
    let (error, message) = refused(&text);
    assert_eq!(error, DecodeError::TooLarge { bytes });
    assert_mentions(&message, &["zu groß", "21,0 MB", "20,0 MB"]);
}

#[test]
fn a_file_just_at_the_limit_is_read() {
    // Exactly the limit is allowed: padding whitespace after a valid export.
    let export = export(&small_book(), at(1));
    let text = format!("{export}{}", " ".repeat(MAX_IMPORT_BYTES - export.len()));
    assert_eq!(text.len(), MAX_IMPORT_BYTES);
    assert_eq!(parse_import(&text), Ok(small_book()));
}

// ---- castings and schemes ------------------------------------------------------------------

/// The small book's export with one casting of `g-bau` built from the file's own scheme.
fn export_with_casting(change: impl FnOnce(&mut Value)) -> String {
    let mut book = small_book();
    let g = book.groups()[&gid("g-bau")].clone();
    let scheme = book.settings().casting.scheme(g.segment);
    let picks = vec![Some(0); scheme.criteria.len()];
    let casting = kontaktnetz::domain::casting::evaluate(&scheme, &picks, None).into_casting(
        id("a-1"),
        &g,
        at(0).date_naive(),
        "Anna Berater".into(),
        None,
        at(0),
    );
    book.upsert_casting(casting).unwrap();
    let mut doc: Value = serde_json::from_str(&export(&book, at(1))).unwrap();
    change(&mut doc);
    doc.to_string()
}

#[test]
fn castings_and_schemes_round_trip() {
    let text = export_with_casting(|_| {});
    let book = parse_import(&text).unwrap();
    assert_eq!(book.castings().len(), 1);
    assert_round_trip(&book);
}

#[test]
fn a_casting_of_an_unknown_group_is_named() {
    let (error, message) = refused(&export_with_casting(|d| {
        d["book"]["castings"][0]["group"] = json!("g-weg");
    }));
    assert_eq!(
        error,
        DecodeError::Problems(vec![Problem::UnknownReference {
            kind: RecordKind::Casting,
            id: "a-1".into(),
            target: RecordKind::Group,
            target_id: "g-weg".into(),
        }])
    );
    assert_mentions(
        &message,
        &["Casting „a-1“", "das es nicht gibt: Kundenverbund „g-weg“"],
    );
}

#[test]
fn a_scheme_that_cannot_work_is_named() {
    let (error, message) = refused(&export_with_casting(|d| {
        d["book"]["settings"]["casting"]["schemes"][0]["thresholds"]["a"] = json!(-5);
    }));
    assert!(matches!(error, DecodeError::Problems(_)), "{error:?}");
    assert_mentions(&message, &["Schwellen müssen fallen"]);

    let (_, message) = refused(&export_with_casting(|d| {
        d["book"]["settings"]["casting"]["schemes"]
            .as_array_mut()
            .unwrap()
            .pop();
    }));
    assert_mentions(&message, &["fehlt ein Casting-Schema"]);

    let (_, message) = refused(&export_with_casting(|d| {
        d["book"]["settings"]["casting"]["market"]["share"] = json!(0);
    }));
    assert_mentions(&message, &["Anteil Marktzeit in Prozent (1 bis 100)"]);
}

#[test]
fn a_casting_with_an_unknown_class_is_a_shape_error() {
    let (error, message) = refused(&export_with_casting(|d| {
        d["book"]["castings"][0]["scored"] = json!("e");
    }));
    assert!(matches!(error, DecodeError::Shape { .. }), "{error:?}");
    assert_mentions(&message, &["„e“"]);
}

// ---- contacts, planned contacts and call parties -------------------------------------------

/// The small book's export with contacts as a file holds them: t-1 and t-2 with Familie Müller,
/// t-3 with Bau Schäfer; planned contacts f-1 (agreed in t-1) and f-2 (kept by t-2); one call
/// party. Then changed by `change`.
fn export_with_contacts(change: impl FnOnce(&mut Value)) -> String {
    export_with(|d| {
        let book = &mut d["book"];
        book["contacts"] = json!([
            {"id": "t-1", "group": "g-mueller", "at": "2026-01-05T09:30", "channel": "phone",
             "format": "advisory_talk", "direction": "outbound", "bank": ["k-anna"],
             "people": ["p-hans"], "topics": ["Baufinanzierung"], "outcome": "appointment",
             "notes": "Rückruf erbeten", "updated_at": "2026-01-05T09:45:00Z"},
            {"id": "t-2", "group": "g-mueller", "at": "2026-01-05T11:00", "channel": "at_branch",
             "format": "annual_talk", "direction": "inbound", "updated_at": "2026-01-05T11:30:00Z"},
            {"id": "t-3", "group": "g-bau", "at": "2026-01-02T14:15", "channel": "at_customer",
             "format": "strategy_talk", "direction": "outbound", "bank": ["k-ben"],
             "people": ["p-chef", "p-buch"], "outcome": "not_reached",
             "updated_at": "2026-01-02T15:00:00Z"}
        ]);
        book["planned"] = json!([
            {"id": "f-1", "group": "g-mueller", "date": "2026-02-01", "time": "10:00",
             "format": "advisory_talk", "who": "k-anna", "note": "Unterlagen mitbringen",
             "agreed_in": "t-1", "updated_at": "2026-01-05T09:45:00Z"},
            {"id": "f-2", "group": "g-mueller", "date": "2026-01-05", "format": "annual_talk",
             "done": "t-2", "updated_at": "2026-01-05T11:30:00Z"}
        ]);
        book["parties"] = json!([
            {"id": "r-1", "date": "2026-01-05", "ended": true, "updated_at": "2026-01-05T12:00:00Z",
             "calls": [
                {"group": "g-bau", "person": "p-chef", "advisor": "k-ben", "attempts": 2,
                 "outcome": "not_reached"},
                {"group": "g-mueller", "person": "p-hans"}
             ]}
        ]);
        change(d);
    })
}

#[test]
fn contacts_planned_contacts_and_parties_round_trip() {
    let book = parse_import(&export_with_contacts(|_| {})).unwrap();
    assert_eq!(
        (
            book.contacts().len(),
            book.planned().len(),
            book.parties().len()
        ),
        (3, 2, 1)
    );
    let t1 = &book.contacts()[&id("t-1")];
    assert_eq!(
        t1.at,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    );
    assert_eq!(t1.people, [pid("p-hans")]);
    assert_eq!(t1.notes, "Rückruf erbeten");
    let f1 = &book.planned()[&id("f-1")];
    assert_eq!(f1.time, chrono::NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(f1.agreed_in, Some(id("t-1")));
    assert_eq!(book.planned()[&id("f-2")].done, Some(id("t-2")));
    let party = &book.parties()[&id("r-1")];
    assert!(party.ended);
    assert_eq!(
        party
            .calls
            .iter()
            .map(|c| (c.attempts, c.is_open()))
            .collect::<Vec<_>>(),
        [(2, true), (0, true)]
    );
    assert_eq!(
        book.contacts_of(&gid("g-mueller"))
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["t-2", "t-1"]
    );
    assert_round_trip(&book);
}

#[test]
fn a_contact_of_an_unknown_group_is_named() {
    let (error, message) = refused(&export_with_contacts(|d| {
        d["book"]["contacts"][2]["group"] = json!("g-weg");
    }));
    assert_eq!(
        error,
        DecodeError::Problems(vec![Problem::UnknownReference {
            kind: RecordKind::Contact,
            id: "t-3".into(),
            target: RecordKind::Group,
            target_id: "g-weg".into(),
        }])
    );
    assert_mentions(
        &message,
        &[
            "1 fehlerhafte",
            "Kontakt „t-3“",
            "das es nicht gibt: Kundenverbund „g-weg“",
        ],
    );
}

#[test]
fn a_plan_kept_by_a_contact_of_another_group_is_named() {
    let (error, message) = refused(&export_with_contacts(|d| {
        d["book"]["planned"][1]["done"] = json!("t-3");
    }));
    assert_eq!(
        error,
        DecodeError::Problems(vec![Problem::UnknownReference {
            kind: RecordKind::Planned,
            id: "f-2".into(),
            target: RecordKind::Contact,
            target_id: "t-3".into(),
        }])
    );
    assert_mentions(&message, &["Geplanter Kontakt „f-2“", "Kontakt „t-3“"]);
}

#[test]
fn a_plan_for_an_unknown_colleague_is_named() {
    let (error, message) = refused(&export_with_contacts(|d| {
        d["book"]["planned"][0]["who"] = json!("k-weg");
    }));
    assert_eq!(
        error,
        DecodeError::Problems(vec![Problem::UnknownReference {
            kind: RecordKind::Planned,
            id: "f-1".into(),
            target: RecordKind::Colleague,
            target_id: "k-weg".into(),
        }])
    );
    assert_mentions(&message, &["Geplanter Kontakt „f-1“", "Kolleg:in „k-weg“"]);
}

#[test]
fn a_reminder_window_out_of_bounds_is_named() {
    for days in [0, 91] {
        let (error, message) = refused(&export_with_contacts(|d| {
            d["book"]["settings"]["contact"]["window_days"] = json!(days);
        }));
        assert_eq!(
            error,
            DecodeError::Problems(vec![Problem::Contact(ContactProblem::WindowDays)]),
            "{days}"
        );
        assert_mentions(
            &message,
            &["Vorlauf der Erinnerung (Tage) muss zwischen 1 und 90 liegen"],
        );
    }
    let book = parse_import(&export_with_contacts(|d| {
        d["book"]["settings"]["contact"]["window_days"] = json!(90);
    }))
    .expect("90 days is allowed");
    assert_eq!(book.settings().contact.window_days, 90);
}

#[test]
fn a_contact_time_in_another_notation_is_named() {
    let (error, message) = refused(&export_with_contacts(|d| {
        d["book"]["contacts"][0]["at"] = json!("23.11.2026 09:30");
    }));
    assert!(matches!(error, DecodeError::Shape { .. }), "{error:?}");
    assert_mentions(
        &message,
        &[
            "nicht den erwarteten Aufbau",
            "„23.11.2026 09:30“",
            "Datum mit Uhrzeit (JJJJ-MM-TTTHH:MM)",
        ],
    );

    let (_, message) = refused(&export_with_contacts(|d| {
        d["book"]["planned"][0]["time"] = json!("10 Uhr");
    }));
    assert_mentions(&message, &["„10 Uhr“", "Uhrzeit (HH:MM)"]);
}

#[test]
fn a_schema_2_export_opens_without_contacts_and_with_default_settings() {
    let book = parse_import(include_str!("../fixtures/schema-2.json")).unwrap();
    assert_eq!(book.groups().len(), 3);
    assert!(book.contacts().is_empty());
    assert!(book.planned().is_empty());
    assert!(book.parties().is_empty());
    assert_eq!(book.settings().contact, ContactSettings::default());
    assert_round_trip(&book);
}

// ---- parts of a book -------------------------------------------------------------------------

fn part_of_small_book() -> String {
    let book = small_book();
    let data = select(&book, &BTreeSet::from([gid("g-bau")]));
    export_data(&data, Scope::Groups, Some("Anna Berater"), at(5))
}

#[test]
fn a_part_says_who_exported_it_and_when() {
    let import = read_import(&part_of_small_book()).unwrap();
    assert_eq!(import.exported_by.as_deref(), Some("Anna Berater"));
    assert_eq!(import.exported_at, Some(at(5)));
    let Contents::Groups(data) = import.contents else {
        panic!("a part must stay a part");
    };
    assert_eq!(data.groups.len(), 1);
    assert_eq!(data.customers.len(), 2);
    assert_eq!(data.persons.len(), 2);
    assert_eq!(data.colleagues.len(), 1, "the advisor k-ben");
}

#[test]
fn a_part_never_passes_for_a_whole_book() {
    assert_eq!(
        parse_import(&part_of_small_book()),
        Err(DecodeError::NotKontaktnetz)
    );
    let whole = read_import(&export(&small_book(), at(0))).unwrap();
    assert_eq!(whole.contents, Contents::Book(small_book()));
    assert_eq!(whole.exported_by, None);
}

#[test]
fn an_unknown_scope_is_refused() {
    for scope in ["\"alles\"", "\"book\"", "1", "{}"] {
        let text =
            part_of_small_book().replace("\"scope\":\"groups\"", &format!("\"scope\":{scope}"));
        assert_eq!(
            read_import(&text),
            Err(DecodeError::UnknownScope),
            "{scope}"
        );
    }
}

#[test]
fn a_part_with_an_id_given_twice_is_refused() {
    let mut doc: Value = serde_json::from_str(&part_of_small_book()).unwrap();
    let first = doc["book"]["customers"][0].clone();
    doc["book"]["customers"].as_array_mut().unwrap().push(first);
    let error = read_import(&doc.to_string()).unwrap_err();
    assert!(
        matches!(&error, DecodeError::Problems(p) if matches!(p[..], [Problem::DuplicateId { .. }])),
        "{error:?}"
    );
}
