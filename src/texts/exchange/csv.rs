//! Wording of the customer import from CSV: the header words and cell values it
//! recognises, the field names on the mapping screen, and every refusal.

use crate::domain::exchange::csv::decode::{DecodeError, Encoding};
use crate::domain::exchange::csv::import::Report;
use crate::domain::exchange::csv::mapping::{Field, MappingError, Words};
use crate::domain::exchange::csv::rows::{RowError, Values};
use crate::domain::exchange::csv::table::{TableError, MAX_ROWS};
use crate::domain::vocab::{ConsentState, CustomerKind, Segment};
use crate::texts::{counted, number, text_error};

pub const TITLE: &str = "Kunden aus CSV importieren";
pub const LEAD: &str = "Kundenlisten aus dem Kernbankensystem oder aus Excel (CSV, mit Semikolon oder Komma getrennt, UTF-8 oder Windows-1252). Sie ordnen die Spalten zu, sehen vorab, was neu ist, was sich ändert und welche Zeilen nicht passen, und bestätigen erst dann. Kunden werden über die Kundennummer zugeordnet; vorhandene Kunden ändern sich nur in den zugeordneten Spalten, leere Zellen ändern nichts. Das Kundenbuch wird nie ersetzt.";
pub const FILE_LABEL: &str = "CSV-Datei wählen";
pub const MAPPING_TITLE: &str = "Spalten zuordnen";
pub const MAPPING_LEAD: &str = "Vorgeschlagen nach den Spaltennamen (und Ihrer letzten Zuordnung). Kundennummer und Name oder Firma sind nötig.";
pub const LEAVE_OUT: &str = "– nicht übernehmen –";
pub const FIRST_ROWS: &str = "Die ersten Zeilen, wie sie übernommen würden";
pub const NEW_CUSTOMERS: &str = "Für neue Kunden";
pub const GROUPING_BY_HOUSEHOLD: &str = "Neue Kunden mit gleichem Haushalt kommen in einen gemeinsamen Verbund (auch zu einem vorhandenen Kunden dieses Haushalts), alle anderen in je einen eigenen Verbund.";
pub const GROUPING_ONE_EACH: &str = "Jeder neue Kunde bekommt einen eigenen Verbund. Ordnen Sie eine Haushaltsspalte zu, um Haushalte zusammenzufassen.";
pub const EXISTING_STAY: &str = "Vorhandene Kunden bleiben in ihrem Verbund; Berater:in und Haushalt gelten nur für neue Verbünde. Notizen aus der Datei werden an vorhandene Notizen angehängt.";
pub const SEGMENT_DEFAULT: &str = "Segment, wo die Datei keines nennt";
pub const ADVISOR_DEFAULT: &str = "Berater:in neuer Verbünde, wo die Datei niemanden nennt";
pub const BACKUP_LABEL: &str = "Vor dem CSV-Import";

/// Header names per field, folded and compared without punctuation ("Kd.-Nr." = "KDNR").
pub const WORDS: &Words = &[
    (
        Some(Field::Number),
        &[
            "Kundennummer",
            "Kunden-Nr",
            "Kundennr",
            "Kd.-Nr.",
            "KdNr",
            "Personennummer",
            "Personen-Nr",
            "Stammnummer",
            "Kunden-ID",
            "Kundenstammnummer",
        ],
    ),
    (
        Some(Field::Name),
        &["Name", "Nachname", "Familienname", "Zuname", "Name 1"],
    ),
    (Some(Field::FirstName), &["Vorname", "Vornamen"]),
    (
        Some(Field::Company),
        &[
            "Firma",
            "Firmenname",
            "Unternehmen",
            "Firmierung",
            "Institution",
        ],
    ),
    (
        Some(Field::Kind),
        &["Kundenart", "Kundentyp", "Personenart", "Art"],
    ),
    (
        Some(Field::Segment),
        &["Segment", "Kundensegment", "Kundengruppe", "Geschäftsfeld"],
    ),
    (
        Some(Field::Advisor),
        &[
            "Berater",
            "Beraterin",
            "Berater:in",
            "Betreuer",
            "Betreuerin",
            "Kundenbetreuer",
            "Kundenberater",
            "Betreuer Name",
        ],
    ),
    (
        Some(Field::Household),
        &[
            "Haushalt",
            "Haushaltsnummer",
            "Haushalts-Nr",
            "Verbund",
            "Kundenverbund",
            "Verbundnummer",
            "Gruppe",
            "Gruppennummer",
        ],
    ),
    (
        Some(Field::Street),
        &[
            "Straße",
            "Strasse",
            "Str.",
            "Straße und Hausnummer",
            "Anschrift",
            "Adresse",
        ],
    ),
    (Some(Field::Postcode), &["PLZ", "Postleitzahl"]),
    (Some(Field::Town), &["Ort", "Wohnort", "Stadt", "Sitz"]),
    (
        Some(Field::Phone),
        &[
            "Telefon",
            "Tel.",
            "Telefonnummer",
            "Mobil",
            "Mobilnummer",
            "Handy",
            "Rufnummer",
        ],
    ),
    (
        Some(Field::Email),
        &["E-Mail", "Email", "Mail", "E-Mail-Adresse", "Mailadresse"],
    ),
    (
        Some(Field::Consent),
        &[
            "Werbeeinwilligung",
            "Einwilligung",
            "Werbung erlaubt",
            "Einwilligung Werbung",
        ],
    ),
    (
        Some(Field::ConsentSince),
        &[
            "Werbeeinwilligung am",
            "Werbeeinwilligung seit",
            "Einwilligung am",
            "Einwilligung seit",
            "Einwilligungsdatum",
            "Datum Einwilligung",
        ],
    ),
    (
        Some(Field::Birthday),
        &["Geburtsdatum", "Geburtstag", "Geb.-Datum", "geboren am"],
    ),
    (
        Some(Field::Notes),
        &[
            "Bemerkung",
            "Bemerkungen",
            "Notiz",
            "Notizen",
            "Hinweis",
            "Kommentar",
        ],
    ),
    // Headers that begin like a field's word but hold something else.
    (
        None,
        &[
            "Telefax",
            "Fax",
            "Faxnummer",
            "Betreuer-Nr",
            "Betreuernummer",
            "Betreuer-ID",
            "Berater-Nr",
            "Beraternummer",
            "Berater-ID",
            "Namenszusatz",
            "Gründungsdatum",
            "Ortsteil",
        ],
    ),
];

/// Cell values per kind, segment and consent state; compared folded, without punctuation.
pub const VALUES: Values = Values {
    kinds: &[
        (
            CustomerKind::Person,
            &[
                "Person",
                "Privatperson",
                "Privat",
                "natürliche Person",
                "P",
                "NP",
            ],
        ),
        (
            CustomerKind::Company,
            &[
                "Unternehmen",
                "Firma",
                "Gewerbe",
                "juristische Person",
                "F",
                "U",
                "JP",
            ],
        ),
        (
            CustomerKind::PublicBody,
            &[
                "Öffentliche Hand",
                "öffentlich",
                "Kommune",
                "Körperschaft",
                "Institution",
                "Gemeinde",
                "Ö",
            ],
        ),
    ],
    segments: &[
        (
            Segment::Private,
            &["Privatkunden", "Privatkunde", "Privat", "PK"],
        ),
        (
            Segment::PrivateBanking,
            &[
                "Private Banking",
                "Vermögende Privatkunden",
                "Vermögenskunden",
                "PB",
                "VK",
            ],
        ),
        (
            Segment::Business,
            &[
                "Gewerbekunden",
                "Gewerbekunde",
                "Gewerbe",
                "GK",
                "Geschäftskunden",
            ],
        ),
        (
            Segment::Corporate,
            &["Firmenkunden", "Firmenkunde", "Firma", "FK", "Unternehmen"],
        ),
        (
            Segment::Municipal,
            &[
                "Kommunal- und institutionelle Kunden",
                "Kommunalkunden",
                "Kommunal",
                "Kommunen",
                "Institutionelle",
                "KK",
                "Öffentliche Hand",
            ],
        ),
    ],
    consents: &[
        (
            ConsentState::Yes,
            &[
                "ja",
                "j",
                "x",
                "1",
                "yes",
                "y",
                "wahr",
                "true",
                "erteilt",
                "liegt vor",
            ],
        ),
        (
            ConsentState::No,
            &[
                "nein",
                "n",
                "0",
                "no",
                "falsch",
                "false",
                "widerrufen",
                "abgelehnt",
                "keine",
            ],
        ),
        (ConsentState::Unknown, &["unbekannt", "offen", "k.A."]),
    ],
};

/// The field's name on the mapping screen and in messages.
pub fn field(f: Field) -> &'static str {
    match f {
        Field::Number => "Kundennummer",
        Field::Name => "Name (Nachname)",
        Field::FirstName => "Vorname",
        Field::Company => "Firma",
        Field::Kind => "Kundenart",
        Field::Segment => "Segment",
        Field::Advisor => "Berater:in",
        Field::Household => "Haushalt / Verbund",
        Field::Street => "Straße und Hausnummer",
        Field::Postcode => "PLZ",
        Field::Town => "Ort",
        Field::Phone => "Telefon",
        Field::Email => "E-Mail",
        Field::Consent => "Werbeeinwilligung",
        Field::ConsentSince => "Werbeeinwilligung seit",
        Field::Birthday => "Geburtstag",
        Field::Notes => "Notizen",
    }
}

pub fn encoding(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Windows1252 => "Windows-1252 (ANSI)",
    }
}

pub fn decode_error(e: DecodeError) -> &'static str {
    match e {
        DecodeError::Empty => "Die Datei ist leer.",
        DecodeError::Utf16 => "Die Datei ist als Unicode-Text (UTF-16) gespeichert. Bitte in Excel „Speichern unter → CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und die neue Datei importieren.",
        DecodeError::Binary => "Das ist keine CSV-Datei, sondern eine Binärdatei (etwa eine Excel-Arbeitsmappe, ein PDF oder ein Archiv). Bitte die Liste als CSV speichern.",
        DecodeError::Unknown => "Die Zeichenkodierung der Datei ist unbekannt: Sie ist weder UTF-8 noch Windows-1252. Bitte die Liste als „CSV UTF-8“ speichern.",
    }
}

pub fn table_error(e: &TableError) -> String {
    match e {
        TableError::NoHeader => "Die Datei hat keine Kopfzeile mit mindestens zwei Spalten (durch Semikolon, Komma oder Tabulator getrennt).".into(),
        TableError::OpenQuote { line } => format!(
            "In Zeile {} beginnt ein Anführungszeichen, das nie geschlossen wird. Bitte die Datei prüfen.",
            number(*line as i64)
        ),
        TableError::TooManyRows { rows } => format!(
            "Die Datei hat {} Datenzeilen; höchstens {} lassen sich auf einmal importieren. Bitte die Liste teilen.",
            number(*rows as i64),
            number(MAX_ROWS as i64)
        ),
    }
}

pub fn mapping_error(e: MappingError) -> String {
    match e {
        MappingError::NoNumber => "Keine Spalte ist der Kundennummer zugeordnet. Über sie werden Kunden erkannt; ohne sie kann nicht importiert werden.".into(),
        MappingError::NoName => "Keine Spalte ist dem Namen oder der Firma zugeordnet.".into(),
        MappingError::Twice(f) => format!(
            "„{}“ ist mehreren Spalten zugeordnet. Bitte nur einer.",
            field(f)
        ),
        MappingError::SinceWithoutConsent => {
            "„Werbeeinwilligung seit“ braucht auch eine Spalte „Werbeeinwilligung“.".into()
        }
    }
}

pub fn row_error(e: &RowError) -> String {
    match e {
        RowError::NoNumber => "Kundennummer fehlt".into(),
        RowError::NoName => "neuer Kunde ohne Namen".into(),
        RowError::Text { field: f, error } => format!("{} {}", field(*f), text_error(error)),
        RowError::Value { field: f, value } => {
            format!("{} „{value}“ ist unbekannt", field(*f))
        }
        RowError::Date { field: f, value } => format!(
            "{} „{value}“ ist kein Datum (TT.MM.JJJJ, Jahr vierstellig)",
            field(*f)
        ),
        RowError::Repeated { first_line } => format!(
            "Kundennummer steht schon in Zeile {}",
            number(*first_line as i64)
        ),
        RowError::TooManyCells => "mehr gefüllte Zellen als die Kopfzeile Spalten hat (steht ein Trennzeichen in einer Zelle ohne Anführungszeichen?)".into(),
        RowError::Ambiguous => {
            "zwei Kunden im Kundenbuch haben diese Kundennummer (siehe „Doppelte Einträge“)".into()
        }
    }
}

/// "Zeile 12: Kundennummer fehlt"
pub fn refused_line(line: usize, e: &RowError) -> String {
    format!("Zeile {}: {}", number(line as i64), row_error(e))
}

pub fn read_summary(rows: usize, encoding: Encoding, separator: char) -> String {
    let sep = match separator {
        ';' => "Semikolon",
        ',' => "Komma",
        '\t' => "Tabulator",
        _ => "eigenes Trennzeichen",
    };
    format!(
        "{}, Kodierung {}, getrennt durch {sep}.",
        counted(rows, "Datenzeile", "Datenzeilen"),
        self::encoding(encoding)
    )
}

/// The button: "143 Kunden übernehmen".
pub fn confirm(report: &Report) -> String {
    format!(
        "{} übernehmen",
        counted(
            report.added.len() + report.updated.len(),
            "Kunden",
            "Kunden"
        )
    )
}

pub fn new_groups(report: &Report) -> String {
    let mut text = format!(
        "Dabei entstehen {}.",
        counted(report.new_groups, "neuer Verbund", "neue Verbünde")
    );
    if !report.new_colleagues.is_empty() {
        let names: Vec<&str> = report.new_colleagues.iter().map(|n| n.as_str()).collect();
        text += &format!(" Neu als Kolleg:in angelegt: {}.", names.join(", "));
    }
    text
}

pub fn done(report: &Report, file: &str) -> String {
    format!(
        "„{file}“ übernommen: {} neu, {} geändert.",
        counted(report.added.len(), "Kunde", "Kunden"),
        counted(report.updated.len(), "Kunde", "Kunden")
    )
}

/// Said instead of the confirmation when no row would change the book.
pub fn nothing_to_do(report: &Report) -> &'static str {
    if report.unchanged.is_empty() && report.refused.is_empty() {
        "Die Datei enthält nur die Kopfzeile, keine Kunden."
    } else if report.unchanged.is_empty() {
        "Keine Zeile lässt sich übernehmen; die Gründe stehen oben."
    } else {
        "Nichts zu übernehmen: Die lesbaren Zeilen stehen schon so im Kundenbuch."
    }
}

/// "Zeile 3: Hans Müller – PLZ, Ort"
pub fn updated_line(line: usize, name: &str, fields: &[&str]) -> String {
    format!(
        "Zeile {}: {name} – {}",
        number(line as i64),
        fields.join(", ")
    )
}

/// "Zeile 4: Jürgen Weiß"
pub fn added_line(line: usize, name: &str) -> String {
    format!("Zeile {}: {name}", number(line as i64))
}

/// The lines whose consent stayed as the book has it.
pub fn consent_kept(lines: &[usize]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| number(*l as i64)).collect();
    format!(
        "Werbeeinwilligung hier behalten, weil die Angabe im Kundenbuch neuer ist: Zeile {}.",
        lines.join(", ")
    )
}

pub fn more_lines(n: usize) -> String {
    format!("… und {} weitere.", number(n as i64))
}
