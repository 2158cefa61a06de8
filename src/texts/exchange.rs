//! Wording of the exchange with colleagues: parts of the book, hand-overs, import choices.

pub mod csv;

use super::counted;
use crate::domain::book::Book;
use crate::domain::exchange::duplicates::{Followed, Why};
use crate::domain::exchange::passphrase::{PassphraseProblem, Strength};
use crate::domain::exchange::privacy::{Disclosure, Erasure};
use crate::domain::records::fields;
use crate::storage::envelope::EnvelopeError;
use serde_json::Value;

pub const SHARE_TITLE: &str = "Verbünde weitergeben";
pub const SHARE_LEAD: &str = "Wählen Sie Verbünde aus. Die Datei enthält sie mit ihren Kunden, Ansprechpartnern, Castings, Kontakten und geplanten Kontakten, dazu die beteiligten Kolleg:innen; Ihre Casting-Schemata liegen zur Ansicht bei, beim Import bleiben die Einstellungen der Empfängerin. Eine solche Datei wird immer zusammengeführt, nie ersetzt.";
pub const PART_MERGE_ONLY: &str = "Die Datei enthält einen Teil eines Kundenbuchs. Sie wird in Ihr Kundenbuch übernommen; ersetzt wird nichts. Ihre eigenen Einstellungen bleiben.";
pub const CONFLICTS_EXPLAINED: &str = "Diese Datensätze gibt es hier und in der Datei in verschiedenen Fassungen. Wer was geändert hat, lässt sich ohne gemeinsamen Ausgangsstand nicht sagen. Voreingestellt ist jeweils die zuletzt geänderte Fassung; Sie können je Datensatz wählen.";
pub const NOTHING_SELECTED: &str = "Bitte mindestens einen Verbund auswählen.";
pub const NO_RECIPIENT: &str =
    "Bitte die Kollegin oder den Kollegen wählen, die die Verbünde übernehmen.";
pub const UNSET: &str = "– nicht gesetzt –";

pub const SEAL: &str = "Mit Kennwort verschlüsseln";
pub const SEAL_EXPLAINED: &str = "Die Datei wird mit AES-256-GCM verschlüsselt; der Schlüssel entsteht aus dem Kennwort (PBKDF2-HMAC-SHA256, 600.000 Runden). Das Kennwort wird nirgends gespeichert: Ohne es lässt sich die Datei nicht mehr öffnen. Sagen Sie es der Empfängerin oder dem Empfänger auf anderem Weg, etwa am Telefon.";
pub const SEALED_FILE: &str = "Diese Datei ist mit einem Kennwort verschlüsselt. Geben Sie das Kennwort ein, das Ihnen die Absenderin oder der Absender genannt hat.";
pub const NO_RANDOMNESS: &str =
    "Der Browser liefert keine sicheren Zufallszahlen; ohne sie kann nicht verschlüsselt werden.";

pub fn passphrase_problem(p: PassphraseProblem) -> String {
    match p {
        PassphraseProblem::TooShort { min } => {
            format!("Das Kennwort braucht mindestens {min} Zeichen.")
        }
        PassphraseProblem::Mismatch => "Die beiden Kennwörter stimmen nicht überein.".into(),
    }
}

pub fn strength(s: Strength) -> &'static str {
    match s {
        Strength::Weak => "Stärke: schwach. Länger machen, z. B. aus mehreren Wörtern mit Ziffern.",
        Strength::Fair => "Stärke: mittel. Ein paar Zeichen mehr machen es deutlich sicherer.",
        Strength::Strong => "Stärke: stark.",
    }
}

pub fn deriving(percent: u32) -> String {
    format!("Schlüssel wird aus dem Kennwort berechnet … {percent} %")
}

pub fn envelope_error(e: EnvelopeError) -> String {
    match e {
        EnvelopeError::NotEnvelope => "Die Datei ist keine verschlüsselte Kontaktnetz-Datei.".into(),
        EnvelopeError::UnsupportedVersion { found } => format!(
            "Die Datei wurde mit einer neueren Version von Kontaktnetz verschlüsselt (Format {found}). Bitte die App aktualisieren."
        ),
        EnvelopeError::UnsupportedAlgorithm => {
            "Die Datei ist mit einem Verfahren verschlüsselt, das Kontaktnetz nicht kennt.".into()
        }
        EnvelopeError::TooLarge => "Die verschlüsselte Datei ist zu groß für einen Import.".into(),
        EnvelopeError::Damaged => "Die verschlüsselte Datei ist beschädigt.".into(),
        EnvelopeError::WrongPassphraseOrModified => "Das Kennwort ist falsch, oder die Datei wurde nach dem Verschlüsseln verändert. Es wurde nichts übernommen.".into(),
        EnvelopeError::NotText => "Die Datei ließ sich entschlüsseln, enthält aber keinen Text.".into(),
    }
}

/// "Teil eines Kundenbuchs, exportiert von Anna Berater am 30.11.2026, 10:15".
pub fn origin(part: bool, by: Option<&str>, at: Option<&str>) -> String {
    let mut line = String::from(if part {
        "Teil eines Kundenbuchs"
    } else {
        "Ganzes Kundenbuch"
    });
    line += ", exportiert";
    if let Some(by) = by {
        line += &format!(" von {by}");
    }
    if let Some(at) = at {
        line += &format!(" am {at}");
    }
    line
}

pub fn differing(n: usize) -> String {
    match n {
        1 => "1 Datensatz ist hier und in der Datei verschieden".into(),
        n => format!(
            "{} Datensätze sind hier und in der Datei verschieden",
            super::number(n as i64)
        ),
    }
}

/// More differing records than the list shows: the bulk choice covers them.
pub fn differing_not_listed(n: usize) -> String {
    format!(
        "Weitere {} Datensätze sind verschieden; für sie gilt die Wahl für alle (voreingestellt: die neuere Fassung).",
        super::number(n as i64)
    )
}

/// The German name of a record field as it is called in export files.
pub fn field_label(field: &str) -> &str {
    match field {
        "name" => "Name",
        "notes" | "note" => "Notizen",
        "segment" => "Segment",
        "advisor" => "Berater:in",
        "lead" => "Hauptkunde",
        "group" => "Verbund",
        "customer" => "Kunde",
        "kind" => "Art",
        "number" => "Kundennummer",
        "street" => "Straße und Hausnummer",
        "postcode" => "PLZ",
        "town" => "Ort",
        "consent" => "Einwilligung",
        "no_contact_until" => "Keine Ansprache bis",
        "occasions" => "Anlässe",
        "position" => "Position",
        "influence" => "Einfluss",
        "buying_role" => "Rolle im Kaufprozess",
        "motive" => "Kaufmotiv",
        "phone" => "Telefon",
        "email" => "E-Mail",
        "department" => "Abteilung",
        "serves" => "Mitbetreuung für",
        "date" => "Datum",
        "at" => "Zeitpunkt",
        "time" => "Uhrzeit",
        "channel" => "Weg",
        "format" => "Format",
        "direction" => "Richtung",
        "bank" => "Beteiligte der Bank",
        "people" => "Beteiligte Ansprechpartner",
        "topics" => "Themen",
        "outcome" => "Ergebnis",
        "who" => "Übernimmt",
        "agreed_in" => "Vereinbart in",
        "done" => "Erledigt durch",
        "answers" => "Antworten",
        "score" => "Punkte",
        "scored" => "Klasse nach Punkten",
        "override" => "Abweichende Klasse",
        "rule" => "Regel der Klasse",
        "departments" => "Einzubindende Fachbereiche",
        "by" => "Gecastet von",
        "created_at" => "Angelegt",
        "calls" => "Anrufe",
        "ended" => "Beendet",
        "key_account" => "Schlüsselkunde",
        "attitude" => "Haltung zur Bank",
        "matters" => "Was ihr oder ihm wichtig ist",
        "benefit" => "Persönlicher Nutzen durch die Bank",
        other => other,
    }
}

/// A field's value as text: words as they are, lists joined, the rest as written in the file.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => UNSET.into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "ja" } else { "nein" }.into(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

pub fn selected(groups: usize, customers: usize, contacts: usize) -> String {
    format!(
        "Ausgewählt: {}, {}, {}",
        groups_n(groups),
        super::members(customers),
        super::contact_count(contacts)
    )
}

/// "1 Verbund", "3 Verbünde".
fn groups_n(groups: usize) -> String {
    counted(groups, "Verbund", "Verbünde")
}

pub fn part_exported(file: &str, groups: usize) -> String {
    format!("{} als „{file}“ exportiert.", groups_n(groups))
}

pub fn backup_before_handover(to: &str) -> String {
    format!("Vor der Übergabe an {to}")
}

pub fn handover_remove_confirm(groups: usize, to: &str) -> String {
    format!(
        "{} mit allen Kunden, Kontakten und Castings an {to} übergeben und danach aus Ihrem Kundenbuch entfernen? Vorher wird eine Sicherung angelegt.",
        groups_n(groups)
    )
}

pub fn handed_over(groups: usize, to: &str, file: &str, removed: bool) -> String {
    let what = groups_n(groups);
    let then = if removed {
        " und aus Ihrem Kundenbuch entfernt"
    } else {
        ""
    };
    format!("{what} an {to} übergeben{then}. Die Datei „{file}“ ist für {to} bestimmt.")
}

// ---- data requests (DSGVO) ---------------------------------------------------------------

pub const DISCLOSURE_LEAD: &str = "Alles, was dieses Kundenbuch über die Person enthält: die Datensätze selbst, die Kontakte, an denen sie teilgenommen hat (mit deren Notizen), und die Anrufe aus Telefonaktionen. Zum Weitergeben als lesbarer Text oder als JSON.";
pub const ERASE_LEAD: &str = "Löscht die Person überall in diesem Kundenbuch, auch als Teilnehmende von Kontakten. Vorher wird eine Sicherung angelegt. Exporte und Sicherungen, die schon weitergegeben wurden, und die Bücher von Kolleg:innen sind davon nicht berührt.";

/// A record field's value with ids of this book's records shown as names.
pub fn value_in(book: &Book, value: Option<&Value>) -> String {
    let name = value.and_then(Value::as_str).and_then(|id| {
        let named = |n: &crate::domain::text::Name| n.to_string();
        None.or_else(|| {
            book.colleagues()
                .get(&id.parse().ok()?)
                .map(|c| named(&c.name))
        })
        .or_else(|| book.groups().get(&id.parse().ok()?).map(|g| named(&g.name)))
        .or_else(|| {
            book.customers()
                .get(&id.parse().ok()?)
                .map(|c| named(&c.name))
        })
        .or_else(|| {
            book.persons()
                .get(&id.parse().ok()?)
                .map(|p| named(&p.name))
        })
    });
    let ids = value.and_then(Value::as_array).map(|items| {
        items
            .iter()
            .map(|item| value_in(book, Some(item)))
            .collect::<Vec<_>>()
            .join(", ")
    });
    name.or(ids).unwrap_or_else(|| value_text(value))
}

/// One record as (label, value) lines.
pub type Lines = Vec<(String, String)>;

/// The sections of a disclosure: a heading, then each record as (label, value) lines.
pub fn disclosure_sections(book: &Book, d: &Disclosure) -> Vec<(String, Vec<Lines>)> {
    fn lines<T: serde::Serialize>(book: &Book, record: &T) -> Lines {
        fields(record)
            .iter()
            .map(|(k, v)| (field_label(k).to_owned(), value_in(book, Some(v))))
            .collect()
    }
    fn section<T: serde::Serialize>(
        book: &Book,
        title: &str,
        records: &[T],
    ) -> (String, Vec<Lines>) {
        let title = format!("{title} ({})", super::number(records.len() as i64));
        (title, records.iter().map(|r| lines(book, r)).collect())
    }
    vec![
        section(book, "Kunde", std::slice::from_ref(&d.customer)),
        section(book, "Ansprechpartner", &d.persons),
        section(book, "Kontakte", &d.contacts),
        section(book, "Geplante Kontakte", &d.planned),
        section(book, "Castings", &d.castings),
        section(book, "Anrufe aus Telefonaktionen", &d.calls),
    ]
}

/// The disclosure as a plain text file (UTF-8, CRLF) for the customer.
pub fn disclosure_text(book: &Book, d: &Disclosure, subject: &str, today: &str) -> String {
    let mut out = format!(
        "Auskunft nach Art. 15 DSGVO über {subject}\r\nStand: {today}\r\nKundenverbund: {}\r\n",
        d.group.name
    );
    for (title, records) in disclosure_sections(book, d) {
        out += &format!("\r\n{title}\r\n");
        for record in records {
            out += "\r\n";
            for (label, value) in record {
                out += &format!("  {label}: {}\r\n", value.replace('\n', "\r\n    "));
            }
        }
    }
    out
}

pub fn erase_confirm(name: &str, e: &Erasure) -> String {
    let mut parts = Vec::new();
    let r = &e.removed;
    let count = |n: usize, one: &str, many: &str| (n > 0).then(|| counted(n, one, many));
    parts.extend(count(r.groups, "Kundenverbund", "Kundenverbünde"));
    parts.extend(count(r.customers, "Kunde", "Kunden"));
    parts.extend(count(r.persons, "Ansprechpartner", "Ansprechpartner"));
    parts.extend(count(r.contacts, "Kontakt", "Kontakte"));
    parts.extend(count(r.planned, "geplanter Kontakt", "geplante Kontakte"));
    parts.extend(count(r.castings, "Casting", "Castings"));
    parts.extend(count(
        e.calls_removed,
        "Anruf aus einer Telefonaktion",
        "Anrufe aus Telefonaktionen",
    ));
    let mut text = format!(
        "„{name}“ endgültig löschen? Gelöscht werden: {}.",
        parts.join(", ")
    );
    if e.contacts_changed > 0 {
        text += &format!(
            " Aus {} wird die Person als Teilnehmende entfernt; die Kontakte selbst bleiben.",
            counted(e.contacts_changed, "Kontakt", "Kontakten")
        );
    }
    text + " Vorher wird eine Sicherung angelegt."
}

pub fn backup_before_erasure(name: &str) -> String {
    format!("Vor dem Löschen von {name} (DSGVO)")
}

pub fn erased(name: &str) -> String {
    format!("„{name}“ wurde überall gelöscht.")
}

// ---- duplicates ---------------------------------------------------------------------------

pub const DUPLICATES_TITLE: &str = "Mögliche Doppelte";
pub const DUPLICATES_LEAD: &str = "Kunden mit gleicher Kundennummer, gleichem Namen und Geburtstag oder einer gemeinsamen E-Mail-Adresse oder Telefonnummer (eigene oder ihrer Ansprechpartner), und Ansprechpartner eines Kunden mit gleichem Namen, gleicher E-Mail oder Telefonnummer. Beim Zusammenführen wählen Sie je Feld, welcher Wert bleibt; Ansprechpartner, Kontakte, Anlässe und Castings folgen.";
pub const NO_DUPLICATES: &str = "Keine möglichen Doppelten gefunden.";

pub fn why(w: Why) -> &'static str {
    match w {
        Why::Number => "gleiche Kundennummer",
        Why::NameAndBirthday => "gleicher Name und Geburtstag",
        Why::Name => "gleicher Name",
        Why::Email => "gleiche E-Mail-Adresse",
        Why::Phone => "gleiche Telefonnummer",
    }
}

pub fn duplicates_found(n: usize) -> String {
    match n {
        1 => "1 mögliches Doppel gefunden.".into(),
        n => format!("{} mögliche Doppelte gefunden.", super::number(n as i64)),
    }
}

/// What follows a customer merge, said before it happens.
pub fn customer_merge_follows(f: &Followed, group: &str) -> String {
    let mut text = format!(
        "Es folgen {} Ansprechpartner.",
        super::number(f.persons as i64)
    );
    if f.group_removed {
        text += &format!(
            " Der Verbund „{group}“ hat sonst niemanden: seine {} Kontakte, {} Castings und {} geplanten Kontakte folgen, und er entfällt; es gilt dann das jüngste Casting beider Verbünde.",
            super::number(f.contacts as i64),
            super::number(f.castings as i64),
            super::number(f.planned as i64)
        );
    }
    if f.history_stays {
        text += &format!(
            " Frühere Kontakte und Anrufe im Verbund „{group}“ nennen die Ansprechpartner weiter als Teilnehmende."
        );
    }
    text
}

pub fn person_merge_follows(contacts: usize) -> String {
    format!(
        "In {} Kontakten steht danach der bleibende Ansprechpartner.",
        super::number(contacts as i64)
    )
}

pub fn merged_into(name: &str) -> String {
    format!("Zusammengeführt zu „{name}“.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_text() {
        assert_eq!(value_text(None), UNSET);
        assert_eq!(value_text(Some(&json!("Müller"))), "Müller");
        assert_eq!(
            value_text(Some(&json!(["Baufinanzierung", "Rente"]))),
            "Baufinanzierung, Rente"
        );
        assert_eq!(value_text(Some(&json!(true))), "ja");
        assert_eq!(value_text(Some(&json!(12))), "12");
    }

    #[test]
    fn origin_names_who_and_when() {
        assert_eq!(
            origin(true, Some("Anna Berater"), Some("30.11.2026, 10:15")),
            "Teil eines Kundenbuchs, exportiert von Anna Berater am 30.11.2026, 10:15"
        );
        assert_eq!(origin(false, None, None), "Ganzes Kundenbuch, exportiert");
    }

    #[test]
    fn a_disclosure_gives_a_customers_address_phone_and_email_with_german_labels() {
        use crate::domain::exchange::privacy::{disclose, Subject};
        use crate::domain::sample::{generate, SampleSize};
        use crate::domain::text::{Email, Phone};
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z")
            .unwrap()
            .to_utc();
        let mut book = generate(SampleSize::ADVISOR, 7, now);
        let mut c = book.customers().values().next().unwrap().clone();
        c.street = Some("Hauptstraße 69".into());
        c.postcode = Some("79215".into());
        c.town = Some("Elzach".into());
        c.phone = Some(Phone::parse("07682 804-0").unwrap());
        c.email = Some(Email::parse("stadt@elzach.example").unwrap());
        book.upsert_customer(c.clone(), now).unwrap();
        let d = disclose(&book, &Subject::Customer(c.id.clone())).unwrap();
        let (_, records) = &disclosure_sections(&book, &d)[0];
        for (label, value) in [
            ("Straße und Hausnummer", "Hauptstraße 69"),
            ("PLZ", "79215"),
            ("Ort", "Elzach"),
            ("Telefon", "07682 804-0"),
            ("E-Mail", "stadt@elzach.example"),
        ] {
            assert!(
                records[0].contains(&(label.to_owned(), value.to_owned())),
                "{label}: {:?}",
                records[0]
            );
        }
        let text = disclosure_text(&book, &d, "Test", "30.11.2026");
        assert!(text.contains("\r\n  Straße und Hausnummer: Hauptstraße 69\r\n"));
        assert!(text.contains("\r\n  PLZ: 79215\r\n"));
    }

    #[test]
    fn an_erasure_is_named_before_it_happens() {
        use crate::domain::book::Removed;
        let e = Erasure {
            removed: Removed {
                persons: 1,
                ..Removed::default()
            },
            contacts_changed: 3,
            calls_removed: 1,
        };
        assert_eq!(
            erase_confirm("Anna Weber", &e),
            "„Anna Weber“ endgültig löschen? Gelöscht werden: 1 Ansprechpartner, 1 Anruf aus einer Telefonaktion. Aus 3 Kontakten wird die Person als Teilnehmende entfernt; die Kontakte selbst bleiben. Vorher wird eine Sicherung angelegt."
        );
    }
}
