//! Every German sentence the app shows that is built from data: messages for errors, counts,
//! import previews. Static labels of the views stay in the views (`ui::pages`).

use crate::domain::book::{Problem, RecordKind};
use crate::domain::reports::monitoring::{MonitoringProblem, MonitoringSettings};
use crate::domain::text::TextError;
use crate::domain::vocab::{
    BuyingMotive, BuyingRole, Class, ConsentState, CustomerKind, Department, Format, OccasionKind,
    Segment,
};
use crate::storage::migrate::{MigrateError, CURRENT_SCHEMA};
use crate::storage::{DecodeError, StoreError};

mod casting;
mod contact;
pub mod dates;
pub mod exchange;
pub mod identity;
pub mod key_accounts;
mod reports;
pub mod safety;
pub mod storage;
pub use casting::*;
pub use contact::*;
pub use reports::*;

pub fn invalid_id(raw: &str) -> String {
    format!(
        "ungültige Kennung „{raw}“ (erlaubt: Buchstaben, Ziffern, - und _, höchstens 64 Zeichen)"
    )
}

// The domain's errors read in German wherever they are displayed (serde messages included);
// the wording lives here, not beside the types.
impl std::fmt::Display for crate::domain::ids::InvalidId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&invalid_id(&self.0))
    }
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&text_error(self))
    }
}

pub fn text_error(e: &TextError) -> String {
    match e {
        TextError::Empty => "darf nicht leer sein".into(),
        TextError::Invisible => {
            "braucht mindestens ein sichtbares Zeichen (nur Leerzeichen oder unsichtbare Zeichen)"
                .into()
        }
        TextError::TooLong { max } => {
            format!("ist zu lang (höchstens {} Zeichen)", number(*max as i64))
        }
        TextError::InvalidEmail => "ist keine gültige E-Mail-Adresse".into(),
        TextError::InvalidPhone => {
            "ist keine gültige Telefonnummer (Ziffern, Leerzeichen, + - / ( ))".into()
        }
        TextError::InfluenceOutOfRange => "muss zwischen 1 und 10 liegen".into(),
    }
}

pub fn kind_plural(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Colleague => "Kolleg:innen",
        RecordKind::Group => "Kundenverbünde",
        RecordKind::Customer => "Kunden",
        RecordKind::Person => "Ansprechpartner",
        RecordKind::Casting => "Castings",
        RecordKind::Contact => "Kontakte",
        RecordKind::Planned => "geplante Kontakte",
        RecordKind::Party => "Telefonaktionen",
    }
}

pub fn kind_singular(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Colleague => "Kolleg:in",
        RecordKind::Group => "Kundenverbund",
        RecordKind::Customer => "Kunde",
        RecordKind::Person => "Ansprechpartner",
        RecordKind::Casting => "Casting",
        RecordKind::Contact => "Kontakt",
        RecordKind::Planned => "Geplanter Kontakt",
        RecordKind::Party => "Telefonaktion",
    }
}

pub fn problem(p: &Problem) -> String {
    match p {
        Problem::DuplicateId { kind, id } => {
            format!(
                "Die Kennung „{id}“ kommt bei {} mehrfach vor.",
                kind_plural(*kind)
            )
        }
        Problem::UnknownGroup { customer, group } => {
            format!("Kunde „{customer}“ verweist auf den unbekannten Kundenverbund „{group}“.")
        }
        Problem::UnknownCustomer { person, customer } => {
            format!("Ansprechpartner „{person}“ verweist auf den unbekannten Kunden „{customer}“.")
        }
        Problem::UnknownAdvisor { group, advisor } => {
            format!("Kundenverbund „{group}“ nennt die unbekannte Betreuerin / den unbekannten Betreuer „{advisor}“.")
        }
        Problem::TeamTwice { group, colleague } => {
            format!("Im Team des Schlüsselkunden „{group}“ steht „{colleague}“ zweimal.")
        }
        Problem::LeadNotMember { group, lead } => {
            format!("Der Leitkunde „{lead}“ gehört nicht zum Kundenverbund „{group}“.")
        }
        Problem::InvisibleName { kind, id } => format!(
            "{} „{id}“ hat keinen sichtbaren Namen (nur Leerzeichen oder unsichtbare Zeichen).",
            kind_singular(*kind)
        ),
        Problem::UnknownMe { colleague } => {
            format!("Das eigene Profil verweist auf die unbekannte Person „{colleague}“.")
        }
        Problem::UnknownRecord { kind, id } => {
            format!("{} „{id}“ gibt es nicht.", kind_singular(*kind))
        }
        Problem::UnknownReference {
            kind,
            id,
            target,
            target_id,
        } => format!(
            "{} „{id}“ verweist auf etwas, das es nicht gibt: {} „{target_id}“.",
            kind_singular(*kind),
            kind_singular(*target)
        ),
        Problem::Scheme(p) => scheme_problem(p),
        Problem::Contact(p) => contact_problem(*p),
        Problem::Monitoring(p) => monitoring_problem(*p),
    }
}

pub fn monitoring_problem(p: MonitoringProblem) -> String {
    let ((lo, hi), what) = match p {
        MonitoringProblem::NoFormat => {
            return "Mindestens ein Gesprächsformat muss als Kontakt zählen (jedes einmal).".into()
        }
        MonitoringProblem::NoChannel => {
            return "Mindestens ein Kanal muss als Kontakt zählen (jeder einmal).".into()
        }
        MonitoringProblem::Under => (MonitoringSettings::UNDER, "„unterbetreut“"),
        MonitoringProblem::Over => (MonitoringSettings::OVER, "„überbetreut“"),
    };
    format!(
        "Die Schwelle für {what} muss zwischen {} und {} % liegen.",
        number(lo.into()),
        number(hi.into())
    )
}

pub fn bad_number(label: &str, min: i64, max: i64) -> String {
    format!(
        "{label}: bitte eine ganze Zahl von {} bis {} eingeben.",
        number(min),
        number(max)
    )
}

/// Whole percent: "12 %".
pub fn percent(p: u32) -> String {
    format!("{} %", number(i64::from(p)))
}

pub fn class_name(c: Class) -> &'static str {
    ["A", "B", "C", "D"][c as usize]
}

pub fn format(f: Format) -> &'static str {
    match f {
        Format::StrategyTalk => "Strategiegespräch",
        Format::AnnualTalk => "Jahresgespräch",
        Format::RatingTalk => "Ratinggespräch",
        Format::AdvisoryTalk => "Beratungsgespräch",
        Format::ServiceContact => "Servicekontakt",
        Format::CustomerEvent => "Kundenveranstaltung",
        Format::CallPartyCall => "Call-Party-Anruf",
    }
}

pub fn department(d: Department) -> &'static str {
    match d {
        Department::PrivateBanking => "Private Banking",
        Department::Succession => "Nachfolgeberatung",
        Department::RealEstate => "Immobilien",
        Department::Insurance => "Versicherungen",
        Department::Securities => "Wertpapiere",
        Department::Leasing => "Leasing",
        Department::Subsidies => "Fördermittel",
        Department::ForeignTrade => "Auslandsgeschäft",
        Department::Treasury => "Zins- und Liquiditätsmanagement",
    }
}

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 8;

/// A range of small numbers, widened for arithmetic in messages.
fn widen((lo, hi): (u8, u8)) -> (u16, u16) {
    (lo.into(), hi.into())
}

pub fn decode_error(e: &DecodeError) -> String {
    match e {
        DecodeError::Empty => "Die Datei ist leer.".into(),
        DecodeError::TooLarge { bytes } => format!(
            "Die Datei ist mit {} zu groß. Erlaubt sind höchstens {}.",
            megabytes(*bytes),
            megabytes(crate::storage::MAX_IMPORT_BYTES)
        ),
        DecodeError::TooDeep => {
            "Die Datei ist zu tief verschachtelt und ist kein Kontaktnetz-Export.".into()
        }
        DecodeError::NotJson { line, column } => format!(
            "Die Datei ist kein gültiges JSON (Fehler in Zeile {line}, Spalte {column})."
        ),
        DecodeError::NotKontaktnetz => {
            "Die Datei ist JSON, aber kein Kontaktnetz-Export (das Feld \"format\": \"kontaktnetz\" fehlt).".into()
        }
        DecodeError::MissingSchema => "Die Datei nennt keine Datenversion (\"schema\").".into(),
        DecodeError::Schema(MigrateError::Newer { found }) => format!(
            "Die Daten stammen aus einer neueren Kontaktnetz-Version (Datenversion {found}; diese App kennt bis {CURRENT_SCHEMA}). Bitte die App aktualisieren."
        ),
        DecodeError::Schema(MigrateError::Unknown { found }) => {
            format!("Die Datenversion {found} ist unbekannt.")
        }
        DecodeError::Schema(MigrateError::Failed { from, reason }) => {
            format!("Die Daten der Version {from} ließen sich nicht umstellen: {reason}")
        }
        DecodeError::Shape { detail } => {
            format!("Die Datei hat nicht den erwarteten Aufbau: {}", serde_detail(detail))
        }
        DecodeError::Problems(list) => {
            let mut out = format!(
                "Die Datei enthält {} fehlerhafte Angaben (Verweise, doppelte Kennungen, Namen):",
                number(list.len() as i64)
            );
            for p in list.iter().take(MAX_LISTED) {
                out.push_str("\n• ");
                out.push_str(&problem(p));
            }
            if list.len() > MAX_LISTED {
                out.push_str(&format!("\n• … und {} weitere", number((list.len() - MAX_LISTED) as i64)));
            }
            out
        }
        DecodeError::UnknownScope => "Die Datei gibt an, nur einen Teil eines Kundenbuchs zu enthalten, aber in einer Form, die diese Version nicht kennt (\"scope\").".into(),
    }
}

/// The same problem found in the data stored in this browser rather than in a file.
pub fn stored_data_error(e: &DecodeError) -> String {
    let detail = match e {
        DecodeError::Shape { detail } => {
            format!("Ein Speicherblock ist beschädigt: {}", serde_detail(detail))
        }
        other => decode_error(other),
    };
    format!("Die im Browser gespeicherten Kontaktnetz-Daten können nicht gelesen werden. {detail}")
}

/// serde's English parse messages in German ("missing field `name` at line 3 column 5" →
/// "Feld „name“ fehlt (Zeile 3, Spalte 5)"); unknown shapes pass through unchanged.
pub fn serde_detail(detail: &str) -> String {
    let (message, position) = match detail.rsplit_once(" at line ") {
        Some((m, pos)) => match pos.split_once(" column ") {
            Some((line, column)) => (m, format!(" (Zeile {line}, Spalte {column})")),
            None => (detail, String::new()),
        },
        None => (detail, String::new()),
    };
    let quoted = |s: &str| s.trim_matches('`').to_owned();
    let german = if let Some(rest) = message.strip_prefix("missing field ") {
        format!("Feld „{}“ fehlt", quoted(rest))
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest);
        format!("unbekanntes Feld „{}“", quoted(name))
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = rest.split(',').next().unwrap_or(rest);
        format!("unbekannter Wert „{}“", quoted(value))
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!("falscher Typ ({found}), erwartet: {expected}"),
            None => format!("falscher Typ ({rest})"),
        }
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        format!("ungültiger Wert ({rest})")
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        format!("Feld „{}“ doppelt", quoted(rest))
    } else {
        message.to_owned()
    };
    format!("{german}{position}")
}

pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::Quota => "Der Browser-Speicher ist voll. Die letzte Änderung ist NICHT gespeichert. Bitte exportieren Sie die Daten als Datei und löschen Sie alte Sicherungen.".into(),
        StoreError::Unavailable(why) => format!("Der Browser-Speicher ist nicht verfügbar ({why}). Ohne ihn kann nichts gespeichert werden."),
        StoreError::Other(why) => format!("Speichern fehlgeschlagen: {why}"),
    }
}

/// German thousands separator: 1701000 → "1.701.000".
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Bytes as German megabytes with one decimal: "50,0 MB".
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{},{} MB", number((tenths / 10) as i64), tenths % 10)
}

// ---- labels of the closed vocabularies -------------------------------------------------------

pub fn segment(s: Segment) -> &'static str {
    match s {
        Segment::Private => "Privatkunden",
        Segment::PrivateBanking => "Private Banking",
        Segment::Business => "Gewerbekunden",
        Segment::Corporate => "Firmenkunden",
        Segment::Municipal => "Kommunal- und institutionelle Kunden",
    }
}

pub fn customer_kind(k: CustomerKind) -> &'static str {
    match k {
        CustomerKind::Person => "Person",
        CustomerKind::Company => "Unternehmen",
        CustomerKind::PublicBody => "Öffentliche Hand",
    }
}

/// A postal address on one line as written in Germany, "Hauptstraße 5, 79183 Waldkirch",
/// with whichever parts are given; none when none is.
pub fn address(street: Option<&str>, postcode: Option<&str>, town: Option<&str>) -> Option<String> {
    let place = [postcode, town].into_iter().flatten().collect::<Vec<_>>();
    let parts: Vec<String> = street
        .map(str::to_owned)
        .into_iter()
        .chain((!place.is_empty()).then(|| place.join(" ")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

pub fn consent(c: ConsentState) -> &'static str {
    match c {
        ConsentState::Yes => "Werbeeinwilligung: ja",
        ConsentState::No => "Werbeeinwilligung: nein",
        ConsentState::Unknown => "Werbeeinwilligung: unbekannt",
    }
}

pub fn consent_short(c: ConsentState) -> &'static str {
    match c {
        ConsentState::Yes => "ja",
        ConsentState::No => "nein",
        ConsentState::Unknown => "unbekannt",
    }
}

pub fn occasion(k: OccasionKind) -> &'static str {
    match k {
        OccasionKind::Maturity => "Fälligkeit",
        OccasionKind::Birthday => "Geburtstag",
        OccasionKind::LifePhase => "Lebensphasenwechsel",
        OccasionKind::Anniversary => "Jubiläum",
        OccasionKind::Other => "Sonstiger Anlass",
    }
}

pub fn buying_role(r: BuyingRole) -> &'static str {
    match r {
        BuyingRole::Decider => "Entscheider",
        BuyingRole::Buyer => "Einkäufer",
        BuyingRole::Influencer => "Beeinflusser",
        BuyingRole::User => "Anwender",
        BuyingRole::Gatekeeper => "Informationsfilter (Gatekeeper)",
        BuyingRole::Initiator => "Initiator",
    }
}

pub fn motive(m: BuyingMotive) -> &'static str {
    match m {
        BuyingMotive::Security => "Sicherheit",
        BuyingMotive::Excitement => "Erregung / Neues",
        BuyingMotive::Autonomy => "Autonomie",
        BuyingMotive::Status => "Status",
    }
}

/// "3 Kunden und 5 Ansprechpartner", for delete and undo messages.
pub fn removed(r: &crate::domain::book::Removed) -> String {
    let mut parts = Vec::new();
    if r.customers > 0 {
        parts.push(members(r.customers));
    }
    if r.persons > 0 {
        parts.push(counted(r.persons, "Ansprechpartner", "Ansprechpartner"));
    }
    if r.contacts > 0 {
        parts.push(counted(r.contacts, "Kontakt", "Kontakte"));
    }
    parts.join(" und ")
}

pub fn merged_from_other_tab(conflicts: usize) -> String {
    match conflicts {
        0 => "Änderungen aus einem anderen Tab wurden übernommen.".into(),
        n => format!(
            "Änderungen aus einem anderen Tab wurden übernommen. {} Datensatz/Datensätze wurden in beiden Tabs geändert; die Fassung dieses Tabs gilt.",
            number(n as i64)
        ),
    }
}

pub fn conflict(detail: &str) -> String {
    format!("Die Änderung passt nicht zu dem, was ein anderer Tab gespeichert hat, und wurde NICHT gespeichert. Bitte die Seite neu laden. ({detail})")
}

pub fn backup_failed(detail: &str) -> String {
    format!("Die Sicherung konnte nicht angelegt werden; es wurde nichts ersetzt. {detail}")
}

/// localStorage: "Belegt: 512.345 von 2.600.000 Zeichen (19 %)".
pub fn usage(u: crate::storage::Usage) -> String {
    format!(
        "Belegt: {} von {} Zeichen ({} %)",
        number(u.used as i64),
        number(u.budget as i64),
        u.percent()
    )
}

pub fn usage_advice(level: crate::storage::UsageLevel) -> Option<&'static str> {
    use crate::storage::UsageLevel;
    match level {
        UsageLevel::Fine => None,
        UsageLevel::Warning => Some("Der Speicher füllt sich. Auf einem iPad kann er bald voll sein: bitte regelmäßig exportieren und alte Sicherungen löschen."),
        UsageLevel::Critical => Some("Der Speicher ist fast voll. Bitte jetzt exportieren und alte Sicherungen löschen, sonst können Änderungen nicht mehr gespeichert werden."),
    }
}

pub const QUARANTINE_CONFIRM: &str = "Die unlesbaren Daten werden als Kopie beiseitegelegt und die App startet leer. Haben Sie die Rohdaten heruntergeladen? Fortfahren?";

pub const SAMPLE_CONFIRM: &str = "Beispieldaten ersetzen Ihr aktuelles Kundenbuch. Vorher wird eine Sicherung angelegt, die Sie unter „Daten“ wiederherstellen können. Fortfahren?";
pub const BACKUP_BEFORE_SAMPLE: &str = "Vor dem Laden der Beispieldaten";
pub const BACKUP_BEFORE_IMPORT: &str = "Vor dem Ersetzen durch einen Import";
pub const BACKUP_BEFORE_RESTORE: &str = "Vor dem Wiederherstellen einer Sicherung";

/// "312 Verbünde, 812 Kunden, 1.204 Ansprechpartner"
pub fn book_summary(book: &crate::domain::book::Book) -> String {
    format!(
        "{} Verbünde, {} Kunden, {} Ansprechpartner",
        number(book.groups().len() as i64),
        number(book.customers().len() as i64),
        number(book.persons().len() as i64)
    )
}

/// "12 von 312 Verbünden"
pub fn group_count(found: usize, total: usize) -> String {
    if found == total {
        format!("{} Verbünde", number(total as i64))
    } else {
        format!(
            "{} von {} Verbünden",
            number(found as i64),
            number(total as i64)
        )
    }
}

/// A count with its noun: "1 Kunde", "1.234 Kunden".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", number(n as i64))
    }
}

pub fn members(n: usize) -> String {
    counted(n, "Kunde", "Kunden")
}

pub fn show_more(n: usize) -> String {
    format!("{} weitere anzeigen", number(n as i64))
}

/// Asked before a group goes, naming everything that goes with it.
pub fn group_delete_confirm(name: &str, r: &crate::domain::book::Removed) -> String {
    delete_confirm(&format!("Verbund „{name}“"), r)
}

/// Asked before a customer goes with their contact persons.
pub fn customer_delete_confirm(name: &str, r: &crate::domain::book::Removed) -> String {
    let others = crate::domain::book::Removed { customers: 0, ..*r };
    delete_confirm(&format!("Kunde „{name}“"), &others)
}

fn delete_confirm(what: &str, r: &crate::domain::book::Removed) -> String {
    let counts = [
        (r.customers, "Kunde", "Kunden"),
        (r.persons, "Ansprechpartner", "Ansprechpartner"),
        (r.contacts, "Kontakt", "Kontakte"),
        (r.castings, "Casting", "Castings"),
        (r.planned, "geplanter Kontakt", "geplante Kontakte"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|&(n, one, many)| format!("{} {}", number(n as i64), if n == 1 { one } else { many }))
        .collect();
    let total: usize = counts.iter().map(|(n, _, _)| n).sum();
    let verb = if total == 1 { "wird" } else { "werden" };
    let with = match parts.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" Mit ihm {verb} {last} gelöscht."),
        Some((last, rest)) => format!(" Mit ihm {verb} {} und {last} gelöscht.", rest.join(", ")),
    };
    format!("{what} löschen?{with} Direkt danach lässt sich das noch rückgängig machen.")
}

pub fn group_deleted(name: &str, gone: &crate::domain::book::Removed) -> String {
    let what = removed(gone);
    if what.is_empty() {
        format!("Verbund „{name}“ gelöscht.")
    } else {
        format!("Verbund „{name}“ mit {what} gelöscht.")
    }
}

pub const FORM_HAS_ERRORS: &str =
    "Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.";

pub const NOT_SPECIFIED: &str = "– keine Angabe –";
pub const ALL: &str = "Alle";
pub const BAD_TIME: &str = "Bitte eine gültige Uhrzeit eingeben (HH:MM).";
pub const BAD_DATE: &str = "Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).";

pub fn customer_deleted(name: &str, removed: &crate::domain::book::Removed) -> String {
    match removed.persons {
        0 => format!("Kunde „{name}“ gelöscht."),
        n => format!(
            "Kunde „{name}“ mit {} Ansprechpartner(n) gelöscht.",
            number(n as i64)
        ),
    }
}

pub fn casting_deleted(date: &str) -> String {
    format!("Casting vom {date} gelöscht.")
}

pub fn person_deleted(name: &str) -> String {
    format!("Ansprechpartner „{name}“ gelöscht.")
}

pub fn colleague_deleted(name: &str) -> String {
    format!("„{name}“ gelöscht. Verbünde, die sie/er betreut hat, sind jetzt ohne Betreuer:in.")
}

/// Suggestions for a contact person's position: strategy and execution roles at companies
/// and municipalities.
pub const POSITIONS: &[&str] = &[
    "Geschäftsführer/in",
    "Inhaber/in",
    "Kaufmännische Leitung",
    "Prokurist/in",
    "Einkauf",
    "Controlling",
    "Buchhaltung",
    "Steuerberater/in (extern)",
    "Bürgermeister/in",
    "Kämmerer/Kämmerin",
    "Vorstand",
];

pub fn advised(n: usize) -> String {
    match n {
        1 => "betreut 1 Verbund".into(),
        n => format!("betreut {} Verbünde", number(n as i64)),
    }
}

pub const IMPORT_NOTHING_NEW: &str =
    "Die Datei enthält nichts, was neuer ist als Ihr Kundenbuch: Zusammenführen ändert nichts.";
pub const DOWNLOAD_FAILED: &str = "Der Download konnte nicht gestartet werden.";
pub const FILE_UNREADABLE: &str = "Die Datei konnte nicht gelesen werden.";
pub const REPLACE_CONFIRM: &str = "Das ganze Kundenbuch wird durch die Datei ersetzt. Vorher wird eine Sicherung angelegt. Fortfahren?";
pub const DELETE_BACKUP_CONFIRM: &str = "Diese Sicherung endgültig löschen?";
pub const RESTORED: &str =
    "Sicherung wiederhergestellt. Der vorherige Stand wurde ebenfalls gesichert.";
pub const BACKUPS_EXPLAINED: &str = "Vor jedem Ersetzen (Import, Beispieldaten, Wiederherstellen) und vor jeder Umstellung der Datenversion legt Kontaktnetz eine Sicherung im Browser an. Die zehn neuesten bleiben erhalten und dazu die jüngste jedes Tages der letzten Woche.";

pub fn import_failed(file: &str, why: &str) -> String {
    format!("„{file}“ wurde nicht importiert. Ihr Kundenbuch ist unverändert.\n{why}")
}

pub fn import_merged(file: &str) -> String {
    format!("„{file}“ wurde zusammengeführt.")
}

pub fn import_replaced(file: &str) -> String {
    format!("Das Kundenbuch wurde durch „{file}“ ersetzt. Der vorherige Stand ist gesichert.")
}

pub fn restore_confirm(label: &str) -> String {
    format!("Die Sicherung „{label}“ wiederherstellen? Der aktuelle Stand wird vorher gesichert.")
}

pub fn backup_contents(groups: usize, customers: usize, chars: usize) -> String {
    format!(
        "{} Verbünde, {} Kunden, {} Zeichen",
        number(groups as i64),
        number(customers as i64),
        number(chars as i64)
    )
}

pub const PAGE_LOADING: &str = "Seite wird geladen …";
pub const PAGE_MISSING_TITLE: &str = "Seite nicht verfügbar";
pub const PAGE_MISSING: &str = "Diese Seite konnte nicht geladen werden. Ohne Netz fehlt sie, wenn die App seit dem letzten Update noch nicht vollständig online geöffnet war. Bitte mit Netz neu laden; Ihre Daten sind davon nicht betroffen.";

/// A field's problem with its text: "Name darf nicht leer sein".
pub fn field_problem(label: &str, e: &TextError) -> String {
    format!("{label} {}", text_error(e))
}

pub fn influence(i: u8) -> String {
    format!("Einfluss {i}")
}

pub fn motive_line(m: BuyingMotive) -> String {
    format!("Motiv: {}", motive(m))
}

/// The heading of a history of `n` entries: "Verlauf (3)".
pub fn history(n: usize) -> String {
    format!("Verlauf ({n})")
}

/// The label of a contact person's vCard button: "Anna Weber als vCard".
pub fn vcard_of(name: &str) -> String {
    format!("{name} als vCard")
}

/// How many contact persons go into the address book file.
pub fn vcard_consenting(n: usize) -> String {
    match n {
        0 => "Noch keine Ansprechpartner mit Einwilligung: die Datei wäre leer.".into(),
        1 => "Ein Ansprechpartner mit Einwilligung, als vCard für das Adressbuch des iPads oder Outlook.".into(),
        n => format!("{} Ansprechpartner mit Einwilligung, als vCard für das Adressbuch des iPads oder Outlook.", number(n as i64)),
    }
}

pub fn sample_loaded(summary: &str) -> String {
    format!("Beispieldaten geladen: {summary}.")
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_on_one_line_with_the_parts_given() {
        use super::address;
        assert_eq!(
            address(Some("Hauptstraße 69"), Some("79215"), Some("Elzach")).as_deref(),
            Some("Hauptstraße 69, 79215 Elzach")
        );
        assert_eq!(
            address(None, Some("79215"), Some("Elzach")).as_deref(),
            Some("79215 Elzach")
        );
        assert_eq!(
            address(Some("Hauptstraße 69"), None, None).as_deref(),
            Some("Hauptstraße 69")
        );
        assert_eq!(
            address(None, None, Some("Elzach")).as_deref(),
            Some("Elzach")
        );
        assert_eq!(address(None, None, None), None);
    }

    #[test]
    fn the_question_before_deleting_a_group_names_what_goes() {
        use crate::domain::book::Removed;
        let gone = |customers, contacts, castings, planned| Removed {
            groups: 1,
            customers,
            persons: customers,
            castings,
            contacts,
            planned,
        };
        assert_eq!(
            super::group_delete_confirm("Familie Walter", &gone(2, 12, 1, 1)),
            "Verbund „Familie Walter“ löschen? Mit ihm werden 2 Kunden, 2 Ansprechpartner, 12 Kontakte, 1 Casting und 1 geplanter Kontakt gelöscht. Direkt danach lässt sich das noch rückgängig machen."
        );
        assert_eq!(
            super::group_delete_confirm("Neu", &gone(0, 0, 0, 0)),
            "Verbund „Neu“ löschen? Direkt danach lässt sich das noch rückgängig machen."
        );
        let one = Removed {
            customers: 1,
            ..gone(0, 0, 0, 0)
        };
        assert!(super::group_delete_confirm("X", &one).contains("Mit ihm wird 1 Kunde gelöscht."));
    }

    use super::*;

    #[test]
    fn a_shared_person_name_says_whose_person_it_is() {
        assert_eq!(
            super::person_of("Anna Weber", "Weber Bau GmbH"),
            "Anna Weber (Weber Bau GmbH)"
        );
        assert_eq!(
            super::person_of("Anna Weber", "Anna Weber"),
            "Anna Weber (privat)"
        );
    }

    #[test]
    fn serde_messages_in_german() {
        assert_eq!(
            serde_detail("missing field `name` at line 3 column 5"),
            "Feld „name“ fehlt (Zeile 3, Spalte 5)"
        );
        assert_eq!(
            serde_detail(
                "unknown variant `gold`, expected one of `private`, `business` at line 1 column 9"
            ),
            "unbekannter Wert „gold“ (Zeile 1, Spalte 9)"
        );
        assert_eq!(
            serde_detail("invalid type: integer `5`, expected a string"),
            "falscher Typ (integer `5`), erwartet: a string"
        );
        assert_eq!(serde_detail("something else"), "something else");
    }

    #[test]
    fn german_numbers() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1.000");
        assert_eq!(number(1_701_000), "1.701.000");
        assert_eq!(number(-441_000), "-441.000");
        assert_eq!(megabytes(50 * 1024 * 1024), "50,0 MB");
    }
}
