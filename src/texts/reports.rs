//! German texts of the reports: target vs. actual, the dashboard and the success planning.

use super::number;
use crate::domain::monitoring::{PeriodProblem, Status};
use crate::domain::planning::{Input, ScenarioProblem, CONVERSION_AGES};

/// One decimal at most, German style: 0.6 → "0,6", 84.0 → "84", 1890.04 → "1.890".
pub fn decimal(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let whole = number(tenths / 10);
    let sign = if tenths < 0 && tenths / 10 == 0 { "-" } else { "" };
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

pub fn period_problem(p: PeriodProblem) -> &'static str {
    match p {
        PeriodProblem::Reversed => "Der Zeitraum endet vor seinem Beginn. Bitte die Daten tauschen.",
        PeriodProblem::InFuture => "Der Zeitraum beginnt nach heute; dafür gibt es noch keine Kontakte.",
    }
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
    format!("Teamgröße aus dem Bestand übernehmen ({})", number(n as i64))
}

pub const PLANNING_INTRO: &str = "Was aktive Anrufe wert sind: Annahmen eingeben, das Ergebnis steht sofort darunter. Die Werte stehen in der Adresse; ein Lesezeichen oder ein geteilter Link zeigt genau dieses Szenario.";

pub const PLANNING_MODEL: &str = "Anrufe gleichmäßig über die Monate; ein Sofort-Termin findet im Monat nach dem Anruf statt, ein Follow-up-Anruf 6 Monate nach dem ersten, sein Termin einen Monat später. Ein Termin hat am Monatsende nach seinem Alter in ganzen Monaten zu den kumulierten Quoten abgeschlossen.";

/// "3 (Jahr 1)": a month of the success plan.
pub fn month_of_plan(n: usize) -> String {
    format!("{n} (Jahr {})", (n - 1) / 12 + 1)
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
