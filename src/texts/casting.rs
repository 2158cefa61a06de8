//! The wording of the casting: a group's standing, answers and score, the schemes and their
//! problems, the casting round, market time and capacity.

use super::dates::date;
use super::{class_name, department, format, number, percent, segment};
use crate::domain::casting::portfolio::{CastingFilter, RoundOf};
use crate::domain::casting::scheme::SchemeProblem;
use crate::domain::casting::{Answer, Standing};
use crate::domain::vocab::{Class, Department, Format};
use chrono::NaiveDate;

pub fn casting_standing(s: Standing) -> String {
    match s {
        Standing::NeverCast => "Noch nicht gecastet.".into(),
        Standing::DueSince(d) => format!("Casting fällig seit {}.", date(d)),
        Standing::NextOn(d) => format!("Nächstes Casting ab {}.", date(d)),
    }
}

/// One answer of a recorded casting: "Potenzial: hoch (+4)".
pub fn answer_line(a: &Answer) -> String {
    format!(
        "{}: {} ({})",
        a.criterion_label,
        a.choice_label,
        points(a.points)
    )
}

pub fn score(points: i32) -> String {
    match points {
        1 | -1 => format!("{points} Punkt"),
        n => format!("{n} Punkte"),
    }
}

pub fn delete_casting_label(day: NaiveDate) -> String {
    format!("Casting vom {} löschen", date(day))
}

pub fn scheme_problem(p: &SchemeProblem) -> String {
    match p {
        SchemeProblem::NoCriteria => "Ein Casting-Schema braucht mindestens ein Kriterium.".into(),
        SchemeProblem::TooFewChoices { criterion } => {
            format!("Das Kriterium „{criterion}“ braucht mindestens zwei Antworten.")
        }
        SchemeProblem::DuplicateKey { key } => {
            format!("Der Schlüssel „{key}“ kommt im Schema mehrfach vor.")
        }
        SchemeProblem::ThresholdOrder => {
            "Die Schwellen müssen fallen: A mindestens so hoch wie B, B mindestens so hoch wie C."
                .into()
        }
        SchemeProblem::PlanTwice { class, format: f } => format!(
            "Das Format „{}“ steht bei Klasse {} doppelt.",
            format(*f),
            class_name(*class)
        ),
        SchemeProblem::MarketTime => BAD_MARKET_TIME.into(),
        SchemeProblem::MissingScheme { segment: s } => {
            format!(
                "Für das Segment „{}“ fehlt ein Casting-Schema.",
                segment(*s)
            )
        }
        SchemeProblem::DuplicateScheme { segment: s } => {
            format!(
                "Für das Segment „{}“ gibt es mehrere Casting-Schemata.",
                segment(*s)
            )
        }
    }
}

/// What a casting filter of the group list shows.
pub fn casting_filter(f: &CastingFilter, criterion: &str, choice: &str) -> String {
    match f {
        CastingFilter::Class(c) => format!("Klasse {}", class_name(*c)),
        CastingFilter::NotCast => "nicht gecastet".into(),
        CastingFilter::Due => "Casting fällig".into(),
        CastingFilter::Differs => "Ergebnis wäre heute anders".into(),
        CastingFilter::Answer { .. } => format!("{criterion}: {choice}"),
    }
}

pub const OVERRIDE_NEEDS_REASON: &str = "Eine von Hand festgelegte Klasse braucht eine Begründung.";

pub fn manual_class(scored: Class, manual: Class, reason: &str) -> String {
    format!(
        "Von Hand {} statt {}: {reason}",
        class_name(manual),
        class_name(scored)
    )
}

pub fn plan_summary(rule: &crate::domain::casting::scheme::ClassRule) -> String {
    match rule.contacts() {
        0 => "Nur reaktiv: keine geplanten Kontakte.".into(),
        n => format!(
            "{n} Kontakte im Jahr, zusammen {} Minuten.",
            number(i64::from(rule.minutes()))
        ),
    }
}

pub fn scheme_saved(differs: usize) -> String {
    match differs {
        0 => "Schema gespeichert. Kein bestehendes Casting käme heute anders heraus.".into(),
        1 => "Schema gespeichert. Bei 1 Verbund käme das Casting heute anders heraus.".into(),
        n => format!(
            "Schema gespeichert. Bei {} Verbünden käme das Casting heute anders heraus.",
            number(n as i64)
        ),
    }
}

pub const BAD_MARKET_TIME: &str = "Bitte Arbeitstage (1 bis 366), Stunden je Tag (z. B. 7,8) und den Anteil Marktzeit in Prozent (1 bis 100) angeben.";
pub const WHATIF_SAVED: &str =
    "Kontaktplan ins Schema übernommen. Bestehende Castings bleiben, wie sie sind.";

/// Minutes as whole hours: "672 h".
pub fn hours(minutes: u32) -> String {
    format!("{} h", number(i64::from((minutes + 30) / 60)))
}

pub fn market_time(minutes: u32) -> String {
    format!("Nettomarktzeit: {} im Jahr", hours(minutes))
}

pub fn utilisation(minutes: u32, percent_used: u32) -> String {
    format!(
        "Soll-Kontakte brauchen {} im Jahr: Auslastung {}",
        hours(minutes),
        percent(percent_used)
    )
}

pub fn whatif(minutes: u32, percent_new: u32, percent_now: u32) -> String {
    format!(
        "Mit diesem Plan: {} im Jahr, Auslastung {} (jetzt {})",
        hours(minutes),
        percent(percent_new),
        percent(percent_now)
    )
}

pub fn not_counted(n: u32) -> String {
    format!(
        "{} Verbünde sind nicht gecastet und daher nicht eingerechnet.",
        number(i64::from(n))
    )
}

pub fn start_round(due: usize) -> String {
    format!("Casting-Runde starten ({} fällig)", number(due as i64))
}

pub fn answer_missing(n: usize) -> String {
    format!(
        "{} gecastete Verbünde haben hierzu keine Antwort des aktuellen Schemas (vor einer Schemaänderung gecastet).",
        number(n as i64)
    )
}

/// Which criteria still lack an answer, by name.
pub fn casting_incomplete(open: &[String]) -> String {
    match open {
        [one] => format!("Ein Kriterium ist noch nicht beantwortet: {one}."),
        all => format!(
            "{} Kriterien sind noch nicht beantwortet: {}.",
            all.len(),
            all.join(", ")
        ),
    }
}

pub const NOT_ANSWERED: &str = "Noch nicht beantwortet.";

pub fn casting_saved(group: &str, class: Class) -> String {
    format!(
        "Casting gespeichert: {group} ist Klasse {}.",
        class_name(class)
    )
}

/// What became of the group before in a casting round.
pub fn round_previous(group: &str, cast: Option<Class>) -> String {
    match cast {
        Some(class) => format!("Gespeichert: {group} ist Klasse {}.", class_name(class)),
        None => format!("Übersprungen: {group}."),
    }
}

pub fn round_due(of: RoundOf, due: usize) -> String {
    let what = match of {
        RoundOf::Due => "fällig",
        RoundOf::Differs => "mit abweichendem Ergebnis",
    };
    match due {
        1 => format!("Casting-Runde: 1 Verbund {what}"),
        n => format!("Casting-Runde: {} Verbünde {what}", number(n as i64)),
    }
}

/// "Verbund 3 von 12"
pub fn round_progress(step: usize, total: usize) -> String {
    format!(
        "Verbund {} von {}",
        number(step as i64),
        number(total.max(step) as i64)
    )
}

/// What an ended round did.
pub fn round_summary(cast: usize, skipped: usize) -> String {
    let groups = |n: usize| super::counted(n, "Verbund", "Verbünde");
    format!(
        "In dieser Runde: {} gecastet, {} übersprungen.",
        groups(cast),
        number(skipped as i64)
    )
}

/// The end of a round: all done, or what is left (skipped, or not reached when the advisor
/// ended the round).
pub fn round_done(of: RoundOf, left: usize, ended: bool) -> String {
    if ended && left > 0 {
        let what = match of {
            RoundOf::Due => "fällig",
            RoundOf::Differs => "mit abweichendem Ergebnis",
        };
        return match left {
            1 => format!("Runde beendet. Noch {what}: 1 Verbund."),
            n => format!("Runde beendet. Noch {what}: {} Verbünde.", number(n as i64)),
        };
    }
    match (of, left) {
        (RoundOf::Due, 0) => "Alle Verbünde sind gecastet. Kein Casting ist fällig.".into(),
        (RoundOf::Differs, 0) => {
            "Jedes Casting entspricht dem aktuellen Schema. Nichts mehr neu zu casten.".into()
        }
        (_, n) => format!(
            "Ende der Runde. Noch offen (übersprungen): {} Verbünde.",
            number(n as i64)
        ),
    }
}

/// Points of an answer: "+4", "0", "−1".
pub fn points(p: i32) -> String {
    match p {
        p if p > 0 => format!("+{p}"),
        p if p < 0 => format!("−{}", p.unsigned_abs()),
        _ => "0".into(),
    }
}

/// The live result's class: none before the first answer, provisional while some are open.
pub fn casting_class(class: Class, answered: usize, open: usize) -> String {
    match (answered, open) {
        (0, _) => "Noch keine Antwort".into(),
        (_, 0) => format!("Klasse {}", class_name(class)),
        _ => format!("Vorläufig Klasse {}", class_name(class)),
    }
}

pub fn casting_summary(score: i32, contacts: u32, open: usize) -> String {
    let target = match contacts {
        0 => "nur reaktiv".to_owned(),
        1 => "1 Kontakt im Jahr".to_owned(),
        n => format!("{n} Kontakte im Jahr"),
    };
    let open = match open {
        0 => String::new(),
        n => format!(" · noch {n} offen"),
    };
    format!("{score} Punkte · {target}{open}")
}

pub fn departments(list: &[Department]) -> String {
    if list.is_empty() {
        return "keine".into();
    }
    list.iter()
        .map(|d| department(*d))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Target contacts per year, short: "4×/Jahr", "reaktiv".
pub fn per_year(contacts: u32) -> String {
    if contacts == 0 {
        "reaktiv".into()
    } else {
        format!("{contacts}×/Jahr")
    }
}

pub fn casting_of(group: &str) -> String {
    format!("Casting: {group}")
}

/// "Klasse A".
pub fn class_title(c: Class) -> String {
    format!("Klasse {}", class_name(c))
}

/// A contact plan's cell in the scheme editor: "Beratungsgespräch Klasse A".
pub fn plan_cell(f: Format, c: Class) -> String {
    format!("{} {}", format(f), class_title(c))
}

/// The label of one number of an editor row: "Beratungsgespräch Klasse A: pro Jahr".
pub fn of_row(row: &str, what: &str) -> String {
    format!("{row}: {what}")
}

/// The label of a row's remove button: "Antwort 2 von „Potenzial“ entfernen".
pub fn remove_label(row: &str) -> String {
    format!("{row} entfernen")
}

pub fn class_always_with(c: Class) -> String {
    format!("{} immer mit", class_title(c))
}

/// "Antwort 2 von „Potenzial“".
pub fn answer_of(n: usize, criterion: &str) -> String {
    format!("Antwort {n} von „{criterion}“")
}

pub fn criterion_number(n: usize) -> String {
    format!("Kriterium {n}")
}

pub fn threshold_label(class: &str) -> String {
    format!("{class} ab Punkten")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_casting_standing_reads_as_a_sentence() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            casting_standing(Standing::NeverCast),
            "Noch nicht gecastet."
        );
        assert_eq!(
            casting_standing(Standing::DueSince(day)),
            "Casting fällig seit 30.11.2026."
        );
        assert_eq!(
            casting_standing(Standing::NextOn(day)),
            "Nächstes Casting ab 30.11.2026."
        );
        assert_eq!(score(1), "1 Punkt");
        assert_eq!(score(7), "7 Punkte");
        assert_eq!(delete_casting_label(day), "Casting vom 30.11.2026 löschen");
    }
}
