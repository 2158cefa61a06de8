//! The customer import from CSV against a book: matching by customer number, updates only in
//! mapped fields, households, refused rows, the real German header words and values, and a
//! Windows-1252 file end to end (bytes to book).

use crate::common::*;
use chrono::NaiveDate;
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::exchange::csv::decode::{decode, Encoding};
use kontaktnetz::domain::exchange::csv::import::{import, Options, Outcome};
use kontaktnetz::domain::exchange::csv::mapping::{Field, Mapping, MappingError};
use kontaktnetz::domain::exchange::csv::rows::RowError;
use kontaktnetz::domain::exchange::csv::table::read;
use kontaktnetz::domain::vocab::{ConsentState, CustomerKind, OccasionKind, Segment};
use kontaktnetz::texts::exchange::csv::{VALUES, WORDS};

fn book_with_numbers() -> Book {
    let mut book = small_book();
    for (id, n) in [("c-hans", "1001"), ("c-erika", "1002"), ("c-bau", "2001")] {
        let mut c = book.customers()[&cid(id)].clone();
        c.number = Some(n.into());
        book.upsert_customer(c, at(0)).unwrap();
    }
    book
}

fn options() -> Options {
    Options {
        segment: Segment::Private,
        advisor: Some(kid("k-anna")),
    }
}

fn run(book: &Book, text: &str) -> Outcome {
    let table = read(text).unwrap();
    let mapping = Mapping::guess(&table.header, WORDS, &Vec::new());
    let mut n = 0u64;
    let mut entropy = || {
        n += 1;
        n
    };
    import(
        book,
        &table,
        &mapping,
        &VALUES,
        &options(),
        &mut entropy,
        at(60),
    )
    .unwrap()
}

const LIST: &str = "\
Kd.-Nr.;Nachname;Vorname;Straße;PLZ;Ort;Telefon;Werbeeinwilligung;Einwilligung am;Geburtsdatum;Haushalt;Betreuer
1001;Müller;Hans;Lindenweg 3;79183;Waldkirch;07681 4711;ja;01.02.2025;12.04.1961;H1;
1002;;;;;;;;;;H1;
3001;Müller;Paul;Lindenweg 3;79183;Waldkirch;;nein;;03.07.1995;H1;
3002;Sommer;Lea;Am Bach 1;79211;Denzlingen;;;;;H9;Kollege, Ben
3003;Sommer;Tim;Am Bach 1;79211;Denzlingen;;;;;H9;
3004;Neu;Nina;;;;;;;;;Eva Fremd
;Ohne;Nummer;;;;;;;;;
1001;Müller;Hans;;;;;;;;;
3005;\u{200B};;;;;;;;;;
3006;Datum;Falsch;;;;;;;31.02.1970;;
";

#[test]
fn matched_customers_change_only_in_mapped_non_empty_fields() {
    let book = book_with_numbers();
    let out = run(&book, LIST);
    let hans = &out.book.customers()[&cid("c-hans")];
    assert_eq!(hans.name.as_str(), "Hans Müller");
    assert_eq!(hans.street.as_deref(), Some("Lindenweg 3"));
    assert_eq!(hans.town.as_deref(), Some("Waldkirch"));
    assert_eq!(hans.phone.as_ref().unwrap().as_str(), "07681 4711");
    assert_eq!(hans.consent.state, ConsentState::Yes);
    assert_eq!(hans.consent.since, NaiveDate::from_ymd_opt(2025, 2, 1));
    let birthday = hans
        .occasions
        .iter()
        .find(|o| o.kind == OccasionKind::Birthday)
        .unwrap();
    assert_eq!(birthday.date, NaiveDate::from_ymd_opt(1961, 4, 12).unwrap());
    assert_eq!(hans.group, gid("g-mueller"), "existing customers stay put");
    assert_eq!(hans.updated_at, at(60));
    let updated: Vec<usize> = out.report.updated.iter().map(|u| u.line).collect();
    assert_eq!(updated, [2]);
    let fields = &out.report.updated[0].fields;
    for f in [
        "street",
        "postcode",
        "town",
        "phone",
        "consent",
        "occasions",
    ] {
        assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
    }
    assert!(
        !fields.iter().any(|x| x == "name"),
        "same name is no change"
    );
    // Erika's row has only her number and household: nothing changes.
    assert_eq!(out.report.unchanged, [3]);
    assert_eq!(
        out.book.customers()[&cid("c-erika")],
        book.customers()[&cid("c-erika")]
    );
    assert_consistent(&out.book);
}

#[test]
fn new_customers_join_their_household_or_get_a_group_each() {
    let book = book_with_numbers();
    let out = run(&book, LIST);
    let by_number = |n: &str| {
        out.book
            .customers()
            .values()
            .find(|c| c.number.as_deref() == Some(n))
            .unwrap()
            .clone()
    };
    let paul = by_number("3001");
    assert_eq!(
        paul.group,
        gid("g-mueller"),
        "household H1 is the Müllers' group"
    );
    assert_eq!(paul.name.as_str(), "Paul Müller");
    assert_eq!(paul.kind, CustomerKind::Person);
    assert_eq!(paul.consent.state, ConsentState::No);
    let (lea, tim) = (by_number("3002"), by_number("3003"));
    assert_eq!(lea.group, tim.group, "one new group for household H9");
    let h9 = &out.book.groups()[&lea.group];
    assert_eq!(h9.name.as_str(), "Lea Sommer");
    assert_eq!(
        h9.advisor,
        Some(kid("k-ben")),
        "\"Kollege, Ben\" is Ben Kollege"
    );
    let nina = by_number("3004");
    let own = &out.book.groups()[&nina.group];
    assert_eq!(out.book.member_count(&own.id), 1);
    assert_eq!(own.segment, Segment::Private);
    let eva = own.advisor.as_ref().unwrap();
    assert_eq!(out.book.colleagues()[eva].name.as_str(), "Eva Fremd");
    assert_eq!(out.report.new_colleagues.len(), 1);
    assert_eq!(out.report.new_groups, 2);
    let added: Vec<usize> = out.report.added.iter().map(|a| a.line).collect();
    assert_eq!(added, [4, 5, 6, 7]);
    assert_consistent(&out.book);
}

#[test]
fn refused_rows_carry_their_line_and_reason() {
    let out = run(&book_with_numbers(), LIST);
    let refused: Vec<(usize, &RowError)> =
        out.report.refused.iter().map(|(l, e)| (*l, e)).collect();
    assert_eq!(refused.len(), 4, "{refused:?}");
    assert_eq!(refused[0], (8, &RowError::NoNumber));
    assert_eq!(refused[1], (9, &RowError::Repeated { first_line: 2 }));
    assert!(matches!(
        refused[2],
        (
            10,
            RowError::Text {
                field: Field::Name,
                ..
            }
        )
    ));
    assert!(matches!(
        refused[3],
        (
            11,
            RowError::Date {
                field: Field::Birthday,
                ..
            }
        )
    ));
    assert_eq!(
        out.book.customers().len(),
        small_book().customers().len() + 4
    );
}

#[test]
fn a_number_two_customers_share_is_not_guessed() {
    let mut book = book_with_numbers();
    let mut otto = book.customers()[&cid("c-owner")].clone();
    otto.number = Some("2001".into());
    book.upsert_customer(otto, at(0)).unwrap();
    let out = run(
        &book,
        "Kundennummer;Firma;Ort\n2001;Bau Schäfer GmbH;Elzach\n",
    );
    assert_eq!(out.report.refused, [(2, RowError::Ambiguous)]);
    assert_eq!(out.book, book);
}

#[test]
fn a_company_column_names_and_kinds_new_customers() {
    let out = run(
        &small_book(),
        "Kundennummer;Firma;Segment;Bemerkung\n9001;Sägewerk Kühn GmbH;FK;=1+1\n",
    );
    let c = out
        .book
        .customers()
        .values()
        .find(|c| c.number.as_deref() == Some("9001"))
        .unwrap();
    assert_eq!(c.name.as_str(), "Sägewerk Kühn GmbH");
    assert_eq!(c.kind, CustomerKind::Company);
    assert_eq!(c.segment, Segment::Corporate);
    assert_eq!(c.notes, "=1+1", "formula-like cells stay text");
    assert_eq!(out.book.groups()[&c.group].segment, Segment::Corporate);
}

#[test]
fn notes_are_appended_not_replaced() {
    let mut book = book_with_numbers();
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.notes = "Mag keine Anrufe vor 10 Uhr".into();
    book.upsert_customer(hans, at(0)).unwrap();
    let text = "Kundennummer;Name;Bemerkung\n1001;;Neue Anschrift gemeldet\n";
    let once = run(&book, text);
    assert_eq!(
        once.book.customers()[&cid("c-hans")].notes,
        "Mag keine Anrufe vor 10 Uhr\nNeue Anschrift gemeldet"
    );
    let twice = run(&once.book, text);
    assert_eq!(
        twice.report.unchanged,
        [2],
        "the same note is not added twice"
    );
}

#[test]
fn a_mapping_without_number_or_name_is_refused_before_any_row() {
    let table = read("Name;Ort\nWeber;Elzach\n").unwrap();
    let mapping = Mapping::guess(&table.header, WORDS, &Vec::new());
    let mut entropy = || 1;
    let err = import(
        &small_book(),
        &table,
        &mapping,
        &VALUES,
        &options(),
        &mut entropy,
        at(1),
    )
    .unwrap_err();
    assert_eq!(err, MappingError::NoNumber);
}

#[test]
fn a_windows_1252_file_from_bytes_to_book() {
    // "Kundennummer;Name;Vorname;Straße\r\n5001;Weiß;Jürgen;Große Gasse 7\r\n" in Windows-1252.
    let bytes =
        b"Kundennummer;Name;Vorname;Stra\xDFe\r\n5001;Wei\xDF;J\xFCrgen;Gro\xDFe Gasse 7\r\n";
    let (text, encoding) = decode(bytes).unwrap();
    assert_eq!(encoding, Encoding::Windows1252);
    let out = run(&small_book(), &text);
    let c = &out.book.customers()[&out.report.added[0].id];
    assert_eq!(c.name.as_str(), "Jürgen Weiß");
    assert_eq!(c.street.as_deref(), Some("Große Gasse 7"));
}

#[test]
fn the_header_words_guess_a_typical_core_banking_export() {
    let header: Vec<String> = [
        "Personennummer",
        "Anrede",
        "Name",
        "Vorname",
        "Kundenart",
        "Kundensegment",
        "Kundenbetreuer",
        "Haushaltsnummer",
        "Strasse",
        "Postleitzahl",
        "Wohnort",
        "Telefon privat",
        "E-Mail-Adresse",
        "Werbeeinwilligung",
        "Werbeeinwilligung seit",
        "Geb.-Datum",
        "Bemerkungen",
        "Volumen",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let m = Mapping::guess(&header, WORDS, &Vec::new());
    use Field::*;
    assert_eq!(
        m.0,
        [
            Some(Number),
            None,
            Some(Name),
            Some(FirstName),
            Some(Kind),
            Some(Segment),
            Some(Advisor),
            Some(Household),
            Some(Street),
            Some(Postcode),
            Some(Town),
            Some(Phone),
            Some(Email),
            Some(Consent),
            Some(ConsentSince),
            Some(Birthday),
            Some(Notes),
            None
        ]
    );
}

#[test]
fn ten_thousand_rows_are_worked_out_whole() {
    let mut text = String::from("Kundennummer;Name;Vorname;Ort;Haushalt\n");
    for i in 0..10_000 {
        text += &format!("{};Nachname{};Vorname;Ort;H{}\n", 100_000 + i, i, i / 2);
    }
    let out = run(&small_book(), &text);
    assert_eq!(out.report.added.len(), 10_000);
    assert_eq!(out.report.new_groups, 5_000);
    assert!(out.report.refused.is_empty());
}

#[test]
fn numbers_match_as_spreadsheets_mangle_them() {
    let mut book = small_book();
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.number = Some("004711".into());
    book.upsert_customer(hans, at(0)).unwrap();
    let out = run(
        &book,
        "Kundennummer;Name;Ort\n4711;;Waldkirch\n47 11;;Elzach\n=\"0815\";Neu;Denzlingen\n",
    );
    let updated: Vec<usize> = out.report.updated.iter().map(|u| u.line).collect();
    assert_eq!(updated, [2], "4711 is the book's 004711");
    assert_eq!(
        out.report.refused,
        [(3, RowError::Repeated { first_line: 2 })]
    );
    let hans = &out.book.customers()[&cid("c-hans")];
    assert_eq!(
        hans.number.as_deref(),
        Some("004711"),
        "the book's spelling stays"
    );
    let new = &out.book.customers()[&out.report.added[0].id];
    assert_eq!(new.number.as_deref(), Some("0815"));
}

#[test]
fn a_later_objection_in_the_book_is_kept_and_reported() {
    let mut book = book_with_numbers();
    let mut hans = book.customers()[&cid("c-hans")].clone();
    hans.consent = kontaktnetz::domain::model::Consent {
        state: ConsentState::No,
        since: NaiveDate::from_ymd_opt(2025, 6, 1),
    };
    book.upsert_customer(hans.clone(), at(0)).unwrap();
    let out = run(
        &book,
        "Kundennummer;Name;Werbeeinwilligung;Einwilligung am\n1001;;ja;01.01.2019\n1002;;ja;01.01.2019\n",
    );
    assert_eq!(out.book.customers()[&cid("c-hans")].consent, hans.consent);
    assert_eq!(out.report.consent_kept, [2]);
    assert_eq!(out.report.unchanged, [2]);
    assert_eq!(
        out.book.customers()[&cid("c-erika")].consent.state,
        ConsentState::Yes,
        "nothing known before: the file's consent is taken"
    );
}

#[test]
fn an_advisor_written_both_ways_is_one_new_colleague() {
    let out = run(
        &small_book(),
        "Kundennummer;Name;Berater\n1;Weber;Müller, Eva\n2;Koch;Eva Müller\n",
    );
    let names: Vec<&str> = out
        .report
        .new_colleagues
        .iter()
        .map(|n| n.as_str())
        .collect();
    assert_eq!(names, ["Eva Müller"]);
    assert_eq!(
        out.book.colleagues().len(),
        small_book().colleagues().len() + 1
    );
}
