//! German wording of data safety and offline use: the update notice, offline readiness,
//! persistent storage, the quota, installation and the backup reminder.

use super::{megabytes, number};

pub const UPDATE_AVAILABLE: &str = "Neue Version verfügbar";
pub const UPDATE_RELOAD: &str = "Jetzt neu laden";
pub const UPDATE_DISCARDS_INPUT: &str = "Auf dieser Seite stehen vielleicht noch nicht gespeicherte Eingaben. Sie gehen beim Neuladen verloren. Trotzdem jetzt neu laden?";

/// Written in the running tab when another tab has already moved the data to a newer version.
pub fn newer_version_elsewhere(found: u32) -> String {
    format!(
        "Eine neuere Version von Kontaktnetz hat die Daten in einem anderen Tab umgestellt (Datenversion {found}). Dieser Tab speichert nichts mehr, damit nichts überschrieben wird. Bitte neu laden; die letzte Änderung hier ist NICHT gespeichert."
    )
}

pub const OFFLINE_READY: &str =
    "Offline bereit: Die App öffnet sich auch ohne Netz, mit allen Daten.";
pub const OFFLINE_STARTING: &str = "Die App wird für die Offline-Nutzung eingerichtet …";
pub const OFFLINE_INSECURE: &str = "Offline-Nutzung ist hier nicht verfügbar: Die App wurde über eine unverschlüsselte Verbindung (http) geöffnet, und dort halten Browser keine App für die Offline-Nutzung bereit. Online funktioniert alles wie gewohnt, die Daten bleiben in diesem Browser. Bitte die IT, Kontaktnetz über https bereitzustellen.";
pub const OFFLINE_UNSUPPORTED: &str =
    "Dieser Browser kann die App nicht offline bereithalten. Ohne Netz öffnet sie sich hier nicht.";

pub fn offline_failed(detail: &str) -> String {
    format!("Die Offline-Nutzung konnte nicht eingerichtet werden ({detail}). Ohne Netz öffnet sich die App hier vielleicht nicht.")
}

pub const PERSISTED_YES: &str = "Dauerhafter Speicher: gewährt. Der Browser löscht die Daten nicht von sich aus, wenn der Platz knapp wird.";
pub const PERSISTED_NO: &str = "Dauerhafter Speicher: nicht gewährt. Wird der Platz knapp, darf der Browser die Daten löschen; regelmäßig exportieren.";
pub const PERSISTED_UNKNOWN: &str =
    "Dauerhafter Speicher: Dieser Browser gibt darüber keine Auskunft.";

pub fn quota(used: f64, quota: f64) -> String {
    let percent = if quota > 0.0 {
        used * 100.0 / quota
    } else {
        0.0
    };
    format!(
        "Speicher des Browsers für diese App: {} von {} belegt ({} %)",
        megabytes(used as usize),
        megabytes(quota as usize),
        super::decimal(percent)
    )
}

pub const INSTALLED_YES: &str = "Als App installiert: Sie läuft im eigenen Fenster.";
pub const INSTALLED_NO: &str = "Im Browser geöffnet, nicht als App installiert.";

pub const IPAD_HINT: &str = "Auf dem iPad: Safari löscht alle Daten einer Website, die sieben Tage lang nicht geöffnet wurde. Sicher ist nur die App auf dem Home-Bildschirm: in Safari „Teilen“ und dann „Zum Home-Bildschirm“ tippen und Kontaktnetz künftig von dort öffnen.";
pub const ONLY_HERE: &str = "Ihre Daten liegen nur in diesem Browser auf diesem Gerät. Sicherungen im Browser gehen mit ihm verloren, eine exportierte Datei nicht. Safari (iPad, iPhone) löscht die Daten einer Website nach sieben Tagen ohne Besuch, außer die App liegt auf dem Home-Bildschirm.";

pub fn last_export(when: Option<&str>) -> String {
    match when {
        Some(when) => format!("Letzter Export: {when}"),
        None => "Noch nie exportiert.".into(),
    }
}

/// The start page's reminder; `when` is the last export's date, if any.
pub fn backup_due(when: Option<&str>) -> String {
    match when {
        Some(when) => format!("Ihr Kundenbuch hat sich seit dem letzten Export am {when} geändert. Eine Sicherung als Datei schützt es, falls dieser Browser die Daten verliert."),
        None => "Ihr Kundenbuch wurde noch nie exportiert. Eine Sicherung als Datei schützt es, falls dieser Browser die Daten verliert.".into(),
    }
}

pub const BACKUP_DOWNLOAD: &str = "Sicherung herunterladen";

pub fn exported(file: &str) -> String {
    format!("Export heruntergeladen: {file}")
}

pub fn reminder_days(days: u32) -> String {
    match days {
        1 => "Erinnerung an eine Sicherung: täglich, wenn sich etwas geändert hat.".into(),
        n => format!(
            "Erinnerung an eine Sicherung: wenn der letzte Export {} Tage alt ist und sich seither etwas geändert hat.",
            number(i64::from(n))
        ),
    }
}

pub fn bad_reminder_days() -> String {
    let range = crate::domain::safety::REMINDER_DAYS;
    format!(
        "Die Tage bis zur Erinnerung müssen eine ganze Zahl zwischen {} und {} sein.",
        range.start(),
        range.end()
    )
}

pub fn folder_explained(keep: u32) -> String {
    format!("Automatische Sicherung in einen Ordner: Nach Änderungen legt Kontaktnetz höchstens einmal am Tag eine datierte Exportdatei in einen Ordner Ihrer Wahl, zum Beispiel auf einem Netzlaufwerk. Die letzten {keep} Dateien bleiben.")
}

pub fn folder_chosen(name: &str) -> String {
    format!("Sicherungsordner: „{name}“")
}

pub const FOLDER_NEEDS_ACCESS: &str =
    "Der Browser braucht Ihre Erlaubnis, wieder in den Ordner zu schreiben.";
pub const FOLDER_CHOOSE: &str = "Sicherungsordner wählen";
pub const FOLDER_ALLOW: &str = "Schreiben in den Ordner erlauben";
pub const FOLDER_FORGET: &str = "Ordner nicht mehr verwenden";

pub fn folder_last(when: Option<&str>) -> String {
    match when {
        Some(when) => format!("Letzte Sicherung in den Ordner: {when}"),
        None => "Noch keine Sicherung in den Ordner.".into(),
    }
}

pub fn folder_written(file: &str, folder: &str) -> String {
    format!("Sicherung gespeichert: {file} im Ordner „{folder}“")
}

pub fn folder_failed(detail: &str) -> String {
    format!("Die Sicherung in den Ordner ist fehlgeschlagen ({detail}). Bitte unter „Daten“ exportieren.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_reads_in_german_megabytes() {
        assert_eq!(
            quota(1_572_864.0, 2_147_483_648.0),
            "Speicher des Browsers für diese App: 1,5 MB von 2.048,0 MB belegt (0,1 %)"
        );
        assert_eq!(
            quota(0.0, 0.0),
            "Speicher des Browsers für diese App: 0,0 MB von 0,0 MB belegt (0 %)"
        );
    }

    #[test]
    fn the_reminder_names_its_interval() {
        assert_eq!(
            bad_reminder_days(),
            "Die Tage bis zur Erinnerung müssen eine ganze Zahl zwischen 1 und 90 sein."
        );
        assert!(reminder_days(7).contains("7 Tage alt"));
        assert!(reminder_days(1).contains("täglich"));
    }
}
