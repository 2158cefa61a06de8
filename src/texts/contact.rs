//! The wording of contacts: channels, outcomes, the contact form, the reminder and its
//! reasons, the call party, the calendar labels.

use super::dates;
use super::{class_name, department, format, kind_plural, number, occasion, widen};
use crate::domain::book::RecordKind;
use crate::domain::contact::{ContactProblem, ContactSettings};
use crate::domain::vocab::{CallOutcome, Channel, Class, ContactOutcome, Direction, Format};

pub fn contact_problem(p: ContactProblem) -> String {
    let (lo, hi) = match p {
        ContactProblem::InFuture => {
            return "Der Kontakt liegt in der Zukunft. Künftige Kontakte bitte als geplanten Kontakt anlegen.".into()
        }
        ContactProblem::FollowUpBeforeContact => {
            return "Der vereinbarte Folgekontakt liegt vor dem Kontakt. Bitte ein späteres Datum wählen.".into()
        }
        ContactProblem::ConsentWithdrawnStays => {
            return "Ein Widerruf der Einwilligung lässt sich hier nicht korrigieren. Bitte die Einwilligung beim Ansprechpartner ändern.".into()
        }
        ContactProblem::WindowDays => ContactSettings::WINDOW_DAYS,
        ContactProblem::BlockMonths => widen(ContactSettings::BLOCK_MONTHS),
        ContactProblem::CallsPerAdvisor => widen(ContactSettings::CALLS_PER_ADVISOR),
    };
    let what = match p {
        ContactProblem::WindowDays => "Der Vorlauf der Erinnerung (Tage)",
        ContactProblem::BlockMonths => "Die Kontaktsperre nach „kein Interesse“ (Monate)",
        _ => "Die Zahl der Verbünde je Betreuer:in auf der Anrufliste",
    };
    format!("{what} muss zwischen {lo} und {hi} liegen.")
}

pub fn channel(c: Channel) -> &'static str {
    match c {
        Channel::AtCustomer => "Beim Kunden",
        Channel::AtBranch => "In der Filiale",
        Channel::Phone => "Telefon",
        Channel::Video => "Video",
        Channel::Email => "E-Mail",
        Channel::Chat => "Chat",
        Channel::Letter => "Brief",
        Channel::SocialMedia => "Social Media",
        Channel::Event => "Veranstaltung",
    }
}

pub fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Outbound => "Aktiv (wir)",
        Direction::Inbound => "Reaktiv (Kunde)",
    }
}

/// A contact person whose name another person of the group shares: "Anna Weber (Weber GmbH)",
/// or "Anna Weber (privat)" where she is the customer herself.
pub fn person_of(person: &str, customer: &str) -> String {
    if person == customer {
        format!("{person} (privat)")
    } else {
        format!("{person} ({customer})")
    }
}

/// The outcome of a contact that reached the customer without a particular result.
pub const OUTCOME_TALKED: &str = "Gespräch geführt";

pub fn outcome(o: ContactOutcome) -> &'static str {
    match o {
        ContactOutcome::Appointment => "Termin vereinbart",
        ContactOutcome::Deal => "Abschluss",
        ContactOutcome::Offer => "Angebot gemacht",
        ContactOutcome::NoInterest => "Kein Interesse",
        ContactOutcome::NotReached => "Nicht erreicht",
        ContactOutcome::CallBack => "Rückruf",
        ContactOutcome::ConsentWithdrawn => "Einwilligung widerrufen",
    }
}

pub use crate::domain::vocab::TOPICS;

pub fn pick(p: crate::domain::contact::Pick, per_year: u32) -> String {
    use crate::domain::contact::Pick;
    match p {
        Pick::Weeks2 => "+2 Wochen".into(),
        Pick::Month1 => "+1 Monat".into(),
        Pick::Months3 => "+3 Monate".into(),
        Pick::Months6 => "+6 Monate".into(),
        Pick::ClassFrequency => format!("lt. Klasse ({})", per_year_short(per_year)),
    }
}

fn per_year_short(per_year: u32) -> String {
    match per_year {
        0 => "reaktiv".into(),
        n if 12 % n == 0 && n < 12 => format!("alle {} Monate", 12 / n),
        12 => "monatlich".into(),
        n => format!("{n}×/Jahr"),
    }
}

pub fn format_not_planned(f: Format, class: Class) -> String {
    format!(
        "„{}“ ist für Klasse {} nicht vorgesehen. Trotzdem wählen?",
        format(f),
        class_name(class)
    )
}

pub const CONTACT_NEEDS_FORMAT: &str = "Bitte ein Gesprächsformat wählen.";
pub const FOLLOW_UP_NEEDS_DATE: &str =
    "Bitte für den Folgekontakt ein Datum wählen oder „Kein Folgekontakt“ antippen.";

/// After a contact: what was saved, the agreed next contact, and what keeps the group due.
pub fn contact_saved(
    group: &str,
    follow_up: Option<chrono::NaiveDate>,
    still_due: &[String],
) -> String {
    let next = follow_up.map_or(String::new(), |d| {
        format!(" Nächster Kontakt am {}.", dates::date(d))
    });
    let due = match still_due {
        [] => String::new(),
        reasons => format!(" Der Verbund bleibt fällig: {}.", reasons.join("; ")),
    };
    format!("Kontakt mit {group} gespeichert.{next}{due}")
}

/// "Auch fällig: Co-Betreuung Leasing, Co-Betreuung Private Banking"
pub fn also_due(departments: &[crate::domain::vocab::Department]) -> String {
    let names: Vec<String> = departments
        .iter()
        .map(|d| format!("Co-Betreuung {}", department(*d)))
        .collect();
    format!("Auch fällig: {}", names.join(", "))
}

/// A colleague a contact could include, so a co-serving department counts as reached.
pub fn add_participant(name: &str) -> String {
    format!("{name} teilnehmen lassen")
}

pub const NO_ONE_SERVES: &str = "Niemand unter den Kolleg:innen betreut diesen Bereich.";

/// A group's status line: overdue since, due today, or the next due day, with the reason.
pub fn group_status(
    entry: Option<&crate::domain::contact::reminder::Entry>,
    reason: Option<String>,
) -> String {
    use crate::domain::contact::reminder::Urgency;
    let (Some(e), Some(reason)) = (entry, reason) else {
        return "Im kommenden Jahr ist nichts fällig.".into();
    };
    match (e.urgency, e.blocked_until) {
        (Urgency::Blocked, Some(until)) => {
            format!("Keine Ansprache bis {}. Dann: {reason}", dates::date(until))
        }
        (Urgency::Overdue, _) => format!("Überfällig seit {}. {reason}", dates::date(e.due)),
        (Urgency::Today, _) => format!("Heute fällig. {reason}"),
        _ => format!(
            "Nächster Kontakt fällig am {}. {reason}",
            dates::date(e.due)
        ),
    }
}

pub fn contact_deleted(date: &str) -> String {
    format!("Kontakt vom {date} gelöscht.")
}

pub fn planned_deleted(date: &str) -> String {
    format!("Geplanter Kontakt am {date} gelöscht.")
}

pub const DELETE_CONTACT_CONFIRM: &str =
    "Diesen Kontakt löschen? Ein damit erledigter geplanter Kontakt wird wieder offen.";
pub const DELETE_PLANNED_CONFIRM: &str = "Diesen geplanten Kontakt löschen?";

pub fn reason(
    r: &crate::domain::contact::reminder::Reason,
    colleague: &dyn Fn(&crate::domain::ids::ColleagueId) -> String,
) -> String {
    use crate::domain::contact::reminder::Reason;
    let on = |d: chrono::NaiveDate| dates::date(d);
    match r {
        Reason::FollowUp {
            due,
            format: f,
            who,
            ..
        } => {
            let who = who
                .as_ref()
                .map(|w| format!(" ({})", colleague(w)))
                .unwrap_or_default();
            format!("Vereinbart: {} am {}{who}", format(*f), on(*due))
        }
        Reason::Frequency {
            class,
            per_year,
            last,
            due,
        } => match last {
            Some(l) => format!(
                "Klasse {} ({}): letzter Kontakt {}, fällig {}",
                class_name(*class),
                per_year_text(*per_year),
                on(*l),
                on(*due)
            ),
            None => format!(
                "Klasse {} ({}): noch kein Kontakt seit dem Casting am {}",
                class_name(*class),
                per_year_text(*per_year),
                on(*due)
            ),
        },
        Reason::Occasion {
            kind, label, due, ..
        } => {
            let label = if label.is_empty() {
                String::new()
            } else {
                format!(" „{label}“")
            };
            format!("Anlass: {}{label} am {}", occasion(*kind), on(*due))
        }
        Reason::Department {
            department: d,
            per_year,
            last,
            due,
        } => format!(
            "Co-Betreuung {} ({}): {} – fällig {}",
            department(*d),
            per_year_text(*per_year),
            last.map_or("noch kein Kontakt".into(), |l| format!("zuletzt {}", on(l))),
            on(*due)
        ),
    }
}

/// [`reason`] with colleagues named as the book knows them (their id, if deleted since).
pub fn reason_in(
    b: &crate::domain::book::Book,
    r: &crate::domain::contact::reminder::Reason,
) -> String {
    reason(r, &|k| {
        b.colleagues()
            .get(k)
            .map_or_else(|| k.to_string(), |c| c.name.to_string())
    })
}

fn per_year_text(n: u32) -> String {
    format!("{n}× im Jahr")
}

pub fn reminder_counts(c: &crate::domain::contact::reminder::Counts) -> String {
    format!(
        "{} überfällig, {} heute, {} demnächst{}",
        number(c.overdue as i64),
        number(c.today as i64),
        number(c.soon as i64),
        if c.blocked > 0 {
            format!(", {} mit Kontaktsperre", number(c.blocked as i64))
        } else {
            String::new()
        }
    )
}

pub fn blocked_until(d: chrono::NaiveDate) -> String {
    format!(
        "Kontaktsperre bis {} – bitte nicht ansprechen",
        dates::date(d)
    )
}

pub fn overdue_by(days: i64) -> String {
    match days {
        0 => "heute fällig".into(),
        1 => "seit 1 Tag überfällig".into(),
        d if d > 0 => format!("seit {d} Tagen überfällig"),
        -1 => "morgen fällig".into(),
        d => format!("fällig in {} Tagen", -d),
    }
}

/// The words of the calendar export.
pub fn calendar_labels() -> crate::domain::contact::ics::Labels {
    crate::domain::contact::ics::Labels {
        format,
        who: who_takes_on,
        persons: kind_plural(RecordKind::Person),
    }
}

pub fn who_takes_on(name: &str) -> String {
    format!("Wer übernimmt: {name}")
}

pub const NO_PHONE_CONSENT: &str = "Keine Telefon-Einwilligung: nicht anrufen";

pub fn call_tally(t: &crate::domain::contact::party::Tally) -> String {
    let calls = super::counted(t.calls as usize, "Anruf", "Anrufe");
    let appointments = super::counted(t.appointments as usize, "Termin", "Termine");
    format!(
        "{calls}, {} erreicht, {appointments}",
        number(i64::from(t.reached))
    )
}

pub fn call_outcome(o: CallOutcome) -> &'static str {
    match o {
        CallOutcome::Talked => "Gespräch geführt",
        CallOutcome::Appointment => "Termin vereinbart",
        CallOutcome::CallBack => "Rückruf",
        CallOutcome::NotReached => "Nicht erreicht",
        CallOutcome::NoInterest => "Kein Interesse",
        CallOutcome::ConsentWithdrawn => "Einwilligung widerrufen",
    }
}

/// Asked before an outcome that keeps the customer from being contacted.
pub fn call_block_confirm(outcome: CallOutcome, person: &str) -> String {
    match outcome {
        CallOutcome::ConsentWithdrawn => format!(
            "{person} widerruft die Einwilligung in Anrufe? Danach wird {person} nicht mehr angerufen."
        ),
        _ => format!("{person} hat kein Interesse? Der Kunde wird dann eine Zeit lang nicht angesprochen."),
    }
}

/// The message after a blocking outcome, offered for undoing.
pub fn call_blocked(result: CallOutcome, person: &str) -> String {
    format!("{person}: {}.", call_outcome(result))
}

pub fn attempts(n: u16) -> String {
    match n {
        0 => "noch nicht angerufen".into(),
        1 => "1 Versuch".into(),
        n => format!("{n} Versuche"),
    }
}

pub const PARTY_END_CONFIRM: &str =
    "Telefonaktion beenden? Offene Anrufe bleiben unerledigt, die Zusammenfassung bleibt erhalten.";
pub const PARTY_EMPTY: &str = "Niemand auf der Liste: Es gibt keine fälligen oder inaktiven Verbünde mit Telefon-Einwilligung.";
/// Names a table's scroll box for screen readers.
pub const TABLE_BOX: &str = "Tabelle";
pub const DATE_FOR_CALL: &str = "Bitte zuerst ein Datum wählen.";

pub fn contact_count(n: usize) -> String {
    super::counted(n, "Kontakt", "Kontakte")
}

pub fn follow_up_agreed(day: chrono::NaiveDate, f: Format) -> String {
    format!(
        "Nächster Kontakt vereinbart: {} ({})",
        dates::date(day),
        format(f)
    )
}

pub fn delete_contact_label(day: chrono::NaiveDate) -> String {
    format!("Kontakt vom {} löschen", dates::date(day))
}

/// The heading of a group's contact history: "Verlauf (3 Kontakte)".
pub fn contact_history(total: usize) -> String {
    format!("Verlauf ({})", contact_count(total))
}

pub fn party_summary(day: chrono::NaiveDate) -> String {
    format!("Zusammenfassung vom {}", dates::date(day))
}

pub fn calls_on_list(n: usize) -> String {
    format!("{} Anrufe auf der Liste", number(n as i64))
}

pub fn call_note(note: &str) -> String {
    format!("Notiz: {note}")
}

pub fn party_open(day: chrono::NaiveDate, open: usize, total: usize) -> String {
    format!("Liste vom {}: {open} von {total} offen", dates::date(day))
}

pub fn as_of(day: chrono::NaiveDate) -> String {
    format!("Stand {}", dates::date(day))
}
