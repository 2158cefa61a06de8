//! German texts of the reports: target vs. actual, the dashboard and the success planning.

use super::dates::date;
use super::{department, number, percent};
use crate::domain::book::Book;
use crate::domain::reports::monitoring::{Period, PeriodProblem, RowFilter, Status};
use crate::domain::reports::planning::{Input, ScenarioProblem, CONVERSION_AGES};
use crate::domain::vocab::Class;

/// One decimal at most, German style: 0.6 → "0,6", 84.0 → "84", 1890.04 → "1.890".
pub fn decimal(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let whole = number(tenths / 10);
    let sign = if tenths < 0 && tenths / 10 == 0 {
        "-"
    } else {
        ""
    };
    match (tenths % 10).abs() {
        0 => format!("{sign}{whole}"),
        d => format!("{sign}{whole},{d}"),
    }
}

/// Whole euros: "1.701.000 €".
pub fn euros(x: f64) -> String {
    format!("{} €", number(x.round() as i64))
}

/// A share with one decimal at most: "24 %", "37,5 %".
pub fn share(x: f64) -> String {
    format!("{} %", decimal(x))
}

pub fn status(s: Status) -> &'static str {
    match s {
        Status::Under => "unterbetreut",
        Status::OnTarget => "im Soll",
        Status::Over => "überbetreut",
    }
}

/// The status with what makes it: "unterbetreut – 1 Kontakt fehlt", "überbetreut – 3 Kontakte
/// mehr als Soll" (whole contacts, as the rule counts them).
pub fn status_with_reason(s: Status, target: f64, actual: u32) -> String {
    let contacts = |n: u32| super::contact_count(n as usize);
    let gap = (target - f64::from(actual)).abs();
    match s {
        Status::Under => {
            let n = gap.ceil() as u32;
            let verb = if n == 1 { "fehlt" } else { "fehlen" };
            format!("{} – {} {verb}", status(s), contacts(n))
        }
        Status::Over => format!(
            "{} – {} mehr als Soll",
            status(s),
            contacts(gap.floor() as u32)
        ),
        Status::OnTarget => status(s).into(),
    }
}

// One plain line under each figure of the dashboard.
pub const EXPLAIN_GROUPS: &str = "Alle Verbünde der Auswahl.";
pub const EXPLAIN_ACHIEVEMENT: &str =
    "Zählende Kontakte geteilt durch das anteilige Soll, über alle Verbünde.";
pub const EXPLAIN_UNDER: &str = "Unter der Schwelle und mindestens ein Kontakt zu wenig.";
pub const EXPLAIN_OVER: &str = "Über der Schwelle und mindestens ein Kontakt zu viel.";
pub const EXPLAIN_TIME_CD: &str =
    "Anteil der Kontaktzeit, der auf Verbünde der Klassen C und D entfällt.";

/// What counts, said at the top of the target-vs-actual page.
pub fn counting_summary(m: &crate::domain::reports::monitoring::MonitoringSettings) -> String {
    let formats: Vec<&str> = m.formats.iter().map(|f| super::format(*f)).collect();
    let channels: Vec<&str> = m.channels.iter().map(|c| super::channel(*c)).collect();
    format!(
        "Es zählen Kontakte, bei denen der Kunde erreicht wurde, in den Formaten {} über {}.          Das Soll ist anteilig: der Jahreswert der Klasse für den Teil des Zeitraums, in dem der          Verbund gecastet war. Unterbetreut unter {} %, überbetreut über {} % des Solls, jeweils          erst ab einem ganzen Kontakt Abstand.",
        formats.join(", "),
        channels.join(", "),
        m.under,
        m.over
    )
}

pub fn period_problem(p: PeriodProblem) -> &'static str {
    match p {
        PeriodProblem::Reversed => {
            "Der Zeitraum endet vor seinem Beginn. Bitte die Daten tauschen."
        }
        PeriodProblem::InFuture => {
            "Der Zeitraum beginnt nach heute; dafür gibt es noch keine Kontakte."
        }
    }
}

pub const YEAR_TO_DATE: &str = "Laufendes Jahr";
pub const LAST_12_MONTHS: &str = "Letzte 12 Monate";
pub const FREE_PERIOD: &str = "Zeitraum wählen …";
pub const ALL_GROUPS: &str = "Alle Verbünde";
pub const NO_ADVISOR: &str = "ohne Betreuer:in";
pub const NOT_CAST: &str = "nicht gecastet";
pub const PORTFOLIO: &str = "Portfolio";
pub const BAD_THRESHOLD: &str = "Bitte die Schwellen als ganze Prozentzahlen angeben.";
pub const COUNTING_SAVED: &str = "Gespeichert: Soll/Ist zählt jetzt nach den neuen Regeln.";
pub const COUNTING_RULE: &str = "Ein Kontakt zählt zum Ist, wenn der Kunde erreicht wurde und Format und Kanal unten gewählt sind. Unter- bzw. überbetreut ist ein Verbund erst, wenn die Schwelle überschritten ist und mindestens ein ganzer Kontakt fehlt bzw. zu viel ist.";
pub const DEPARTMENT_ACTUALS: &str = "Soll aus den Fachbereichsregeln der Castings; Ist sind die zählenden Kontakte, an denen eine Kolleg:in dieses Fachbereichs teilnahm.";

/// "Klasse A", or that the group was not cast.
pub fn class_label(c: Option<Class>) -> String {
    c.map_or(NOT_CAST.into(), super::class_title)
}

/// "01.01.2026 bis 23.11.2026".
pub fn period(p: Period) -> String {
    format!("Zeitraum: {} bis {}", date(p.from), date(p.to))
}

/// What a drill-down shows, in words.
pub fn filter_title(f: &RowFilter, book: &Book) -> String {
    let mut parts = Vec::new();
    if !f.classes.is_empty() {
        let names: Vec<String> = f.classes.iter().map(|c| class_label(*c)).collect();
        parts.push(names.join(", "));
    }
    if let Some(d) = f.department {
        parts.push(format!("Fachbereich {}", department(d)));
    }
    if let Some(s) = f.status {
        parts.push(status(s).into());
    }
    if let Some(d) = f.decile {
        parts.push(format!("{d}. Dezil"));
    }
    if f.no_contact {
        parts.push("ohne zählenden Kontakt".into());
    }
    if let Some(a) = &f.advisor {
        let name = a
            .as_ref()
            .and_then(|a| book.colleagues().get(a))
            .map_or(NO_ADVISOR.into(), |k| format!("von {}", k.name));
        parts.push(name);
    }
    format!("Verbünde: {}", parts.join(" · "))
}

/// "12 Verbünde", or the first rows of many.
pub fn listed_groups(n: usize, shown: usize) -> String {
    if n > shown {
        format!(
            "{} Verbünde, die ersten {} angezeigt (die CSV-Datei enthält alle)",
            number(n as i64),
            number(shown as i64)
        )
    } else if n == 1 {
        "1 Verbund".into()
    } else {
        format!("{} Verbünde", number(n as i64))
    }
}

pub fn bad_params(names: &[&str]) -> String {
    format!(
        "Diese Angaben in der Adresse sind ungültig und wurden übergangen: {}.",
        names.join(", ")
    )
}

/// Utilisation-style share of a whole, or a dash without one.
pub fn share_of(part: u32, whole: u32) -> String {
    if whole == 0 {
        "–".into()
    } else {
        percent(crate::domain::casting::capacity::percent(part, whole))
    }
}

pub const ACTIVITY_NOTE: &str =
    "Alle erfassten Kontakte mit den Verbünden im Zeitraum, auch die nicht zählenden.";

/// The reference's 80/20 comparison for this portfolio.
pub fn decile_split(top: f64, rest: f64) -> String {
    format!(
        "Die kontaktstärksten 20 % der Verbünde hatten im Schnitt {} zählende Kontakte pro Jahr, die übrigen 80 % {}.",
        decimal(top),
        decimal(rest)
    )
}

pub fn conversion(c: Option<u32>) -> String {
    match c {
        Some(p) => format!("Abschlüsse je vereinbartem Termin: {}", percent(p)),
        None => "Abschlüsse je vereinbartem Termin: – (keine Termine im Zeitraum)".into(),
    }
}

/// "KW 47: 16.11.2026 bis 22.11.2026".
pub fn week(number: u32, days: Period) -> String {
    format!("KW {number}: {} bis {}", date(days.from), date(days.to))
}

/// "40 von 50 Verbünden im letzten Jahr gecastet".
pub fn coverage(covered: u32, all: u32) -> String {
    format!(
        "{} von {} Verbünden in den letzten 12 Monaten gecastet",
        number(covered.into()),
        number(all.into()),
    )
}

pub const BAD_PERIOD_DATE: &str = "Bitte Beginn und Ende als Datum angeben (TT.MM.JJJJ).";

pub fn input_label(input: Input) -> String {
    match input {
        Input::Advisors => "Betreuer:innen im Team".into(),
        Input::Days => "Arbeitstage im Jahr".into(),
        Input::CallsPerDay => "Aktive Anrufe je Tag und Betreuer:in".into(),
        Input::Immediate => "Sofort-Terminquote in %".into(),
        Input::FollowUp => "Follow-up-Quote (Anruf nach 6 Monaten) in %".into(),
        Input::FollowUpAppt => "Terminquote aus Follow-up-Anrufen in %".into(),
        Input::Conversion(i) => format!(
            "Abschlüsse nach {} Monaten (kumuliert) in %",
            CONVERSION_AGES[i.min(3)]
        ),
        Input::Value => "Deckungsbeitrag je Abschluss in €".into(),
    }
}

pub fn not_a_number(input: Input, raw: &str) -> String {
    format!("{}: „{raw}“ ist keine Zahl.", input_label(input))
}

pub fn scenario_problem(p: ScenarioProblem) -> String {
    match p {
        ScenarioProblem::OutOfRange(i) => format!(
            "{}: bitte einen Wert von {} bis {} eingeben.",
            input_label(i),
            decimal(i.min()),
            decimal(i.max())
        ),
        ScenarioProblem::NotWhole(i) => format!("{}: bitte eine ganze Zahl eingeben.", input_label(i)),
        ScenarioProblem::OutcomesOver100 => {
            "Sofort-Termine und Follow-ups zusammen können nicht mehr als 100 % der Anrufe sein.".into()
        }
        ScenarioProblem::ConversionFalls(Input::Conversion(i)) => format!(
            "Die Abschlussquote nach {} Monaten ist kumuliert und kann nicht unter der nach {} Monaten liegen.",
            CONVERSION_AGES[i.min(3)],
            CONVERSION_AGES[i.clamp(1, 3) - 1]
        ),
        ScenarioProblem::ConversionFalls(i) => input_label(i),
    }
}

pub fn per_advisor(x: f64) -> String {
    format!("{} je Betreuer:in", decimal(x))
}

pub fn appointments_rhythm(per_day: f64) -> String {
    format!(
        "ca. {} je Tag und Betreuer:in, ca. {} je Woche",
        decimal(per_day),
        decimal(per_day * 5.0)
    )
}

pub fn team_from_book(n: usize) -> String {
    format!(
        "Teamgröße aus dem Bestand übernehmen ({})",
        number(n as i64)
    )
}

pub const PLANNING_INTRO: &str = "Was aktive Anrufe wert sind: Annahmen eingeben, das Ergebnis steht sofort darunter. Die Werte stehen in der Adresse; ein Lesezeichen oder ein geteilter Link zeigt genau dieses Szenario.";

pub const PLANNING_MODEL: &str = "Anrufe gleichmäßig über die Monate; ein Sofort-Termin findet im Monat nach dem Anruf statt, ein Follow-up-Anruf 6 Monate nach dem ersten, sein Termin einen Monat später. Ein Termin hat am Monatsende nach seinem Alter in ganzen Monaten zu den kumulierten Quoten abgeschlossen.";

/// "3 (Jahr 1)": a month of the success plan.
pub fn month_of_plan(n: usize) -> String {
    format!("{n} (Jahr {})", (n - 1) / 12 + 1)
}

pub fn weekly_trend(name: &str) -> String {
    format!("Wochentrend: {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_decimals_and_money() {
        assert_eq!(decimal(0.6), "0,6");
        assert_eq!(decimal(84.0), "84");
        assert_eq!(decimal(1890.04), "1.890");
        assert_eq!(decimal(157.5), "157,5");
        assert_eq!(decimal(-0.4), "-0,4");
        assert_eq!(decimal(-12.5), "-12,5");
        assert_eq!(euros(1_700_999.6), "1.701.000 €");
        assert_eq!(share(24.0), "24 %");
        assert_eq!(share(37.5), "37,5 %");
    }

    #[test]
    fn every_scenario_problem_names_its_input() {
        for input in Input::ALL {
            let text = scenario_problem(ScenarioProblem::OutOfRange(input));
            assert!(text.starts_with(&input_label(input)), "{text}");
        }
        assert_eq!(
            scenario_problem(ScenarioProblem::ConversionFalls(Input::Conversion(2))),
            "Die Abschlussquote nach 12 Monaten ist kumuliert und kann nicht unter der nach 6 Monaten liegen."
        );
    }
}
