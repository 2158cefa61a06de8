//! The built-in casting schemes: a sensible start for each segment, editable in the app and
//! documented in the README. The Firmenkunden scheme follows the columns of the reference
//! example (potential, commission income, succession, liquid assets, income and cash assets).

use crate::domain::casting::scheme::{
    CastingSettings, Choice, ClassRule, Criterion, DepartmentRule, MarketTime, Planned, Scheme,
    Thresholds,
};
use crate::domain::ids::Key;
use crate::domain::text::Name;
use crate::domain::vocab::{Department, Format, Segment};
use Department::*;

type ChoiceSpec<'a> = (&'a str, &'a str, i32, &'a [Department]);

fn criterion(key: &str, label: &str, choices: &[ChoiceSpec]) -> Criterion {
    Criterion {
        key: Key::known(key),
        label: Name::known(label),
        choices: choices
            .iter()
            .map(|(key, label, points, departments)| Choice {
                key: Key::known(key),
                label: Name::known(label),
                points: *points,
                departments: departments.to_vec(),
            })
            .collect(),
    }
}

fn potential() -> Criterion {
    criterion(
        "potenzial",
        "Potenzial",
        &[
            ("ausserordentlich", "außerordentlich", 4, &[]),
            ("normal", "normal", 2, &[]),
            ("gering", "gering", 0, &[]),
        ],
    )
}

fn succession(label: &str) -> Criterion {
    criterion(
        "nachfolge",
        label,
        &[
            ("geregelt", "geregelt / steht nicht an", 0, &[]),
            ("offen", "perspektivisch zu lösen", 2, &[Succession]),
        ],
    )
}

/// The four class rules: A strategy + annual + 2 advisory talks, B annual + advisory,
/// C one advisory talk, D reactive only. C and D may not use strategy or rating talks.
/// `long` is the length of a strategy talk; the others scale from it.
fn classes(long: u16, rating: bool) -> [ClassRule; 4] {
    use Format::*;
    let (annual, advisory, short) = (long * 3 / 4, long / 2, 15);
    let plan = |items: &[(Format, u8, u16)]| ClassRule {
        plan: items
            .iter()
            .filter(|(f, _, _)| rating || *f != RatingTalk)
            .map(|&(format, per_year, minutes)| Planned {
                format,
                per_year,
                minutes,
            })
            .collect(),
        departments: Vec::new(),
    };
    let light = [
        (ServiceContact, 0, short),
        (CustomerEvent, 0, 60),
        (CallPartyCall, 0, 10),
    ];
    let with = |items: &[(Format, u8, u16)]| {
        let mut all = items.to_vec();
        all.extend_from_slice(&light);
        plan(&all)
    };
    [
        with(&[
            (StrategyTalk, 1, long),
            (AnnualTalk, 1, annual),
            (AdvisoryTalk, 2, advisory),
            (RatingTalk, 0, annual),
        ]),
        with(&[
            (AnnualTalk, 1, annual),
            (AdvisoryTalk, 1, advisory),
            (StrategyTalk, 0, long),
            (RatingTalk, 0, annual),
        ]),
        with(&[(AdvisoryTalk, 1, advisory), (AnnualTalk, 0, annual)]),
        with(&[]),
    ]
}

fn corporate() -> Scheme {
    Scheme {
        segment: Segment::Corporate,
        criteria: vec![
            potential(),
            criterion(
                "provision",
                "Provisionserträge p. a.",
                &[
                    ("unter-150", "unter 150 €", 0, &[]),
                    ("150-999", "150 € bis 999 €", 1, &[]),
                    ("1000-2499", "1.000 € bis 2.499 €", 2, &[]),
                    ("ab-2500", "ab 2.500 €", 3, &[]),
                ],
            ),
            succession("Unternehmensnachfolge"),
            criterion(
                "liquiditaet",
                "Liquide Mittel",
                &[
                    ("unter-5", "unter 5 T€", 0, &[]),
                    ("5-15", "5 bis 15 T€", 1, &[]),
                    ("ueber-15", "über 15 T€", 2, &[Treasury]),
                    ("keine-chance", "keine Chance, z. B. Makler", 0, &[]),
                ],
            ),
            criterion(
                "privatvermoegen",
                "Hohes Einkommen / großes Barvermögen",
                &[
                    ("nein", "nein", 0, &[]),
                    ("einkommen", "hohes Einkommen", 1, &[PrivateBanking]),
                    (
                        "beides",
                        "hohes Einkommen und großes Barvermögen",
                        2,
                        &[PrivateBanking, Securities],
                    ),
                ],
            ),
        ],
        thresholds: Thresholds { a: 9, b: 6, c: 3 },
        classes: classes(120, true),
    }
}

fn business() -> Scheme {
    Scheme {
        segment: Segment::Business,
        criteria: vec![
            potential(),
            criterion(
                "umsatz",
                "Jahresumsatz",
                &[
                    ("bis-500", "bis 500 T€", 0, &[]),
                    ("bis-2000", "500 T€ bis 2 Mio. €", 1, &[]),
                    ("ueber-2000", "über 2 Mio. €", 2, &[]),
                ],
            ),
            criterion(
                "finanzierung",
                "Finanzierungsbedarf",
                &[
                    ("kein", "kein Bedarf erkennbar", 0, &[]),
                    (
                        "investition",
                        "Investition geplant",
                        2,
                        &[Leasing, Subsidies],
                    ),
                ],
            ),
            succession("Betriebsnachfolge"),
            criterion(
                "privat",
                "Privatvermögen der Inhaber",
                &[
                    ("gering", "gering", 0, &[]),
                    ("mittel", "mittel", 1, &[Securities]),
                    ("hoch", "hoch", 2, &[PrivateBanking]),
                ],
            ),
        ],
        thresholds: Thresholds { a: 8, b: 5, c: 2 },
        classes: classes(90, true),
    }
}

fn private() -> Scheme {
    Scheme {
        segment: Segment::Private,
        criteria: vec![
            criterion(
                "einkommen",
                "Nettoeinkommen im Monat",
                &[
                    ("unter-3000", "unter 3.000 €", 0, &[]),
                    ("bis-6000", "3.000 € bis 6.000 €", 1, &[]),
                    ("ueber-6000", "über 6.000 €", 2, &[]),
                ],
            ),
            criterion(
                "vermoegen",
                "Geldvermögen",
                &[
                    ("unter-25", "unter 25 T€", 0, &[]),
                    ("bis-100", "25 bis 100 T€", 1, &[]),
                    ("bis-500", "100 bis 500 T€", 2, &[Securities]),
                    ("ueber-500", "über 500 T€", 4, &[PrivateBanking]),
                ],
            ),
            criterion(
                "produkte",
                "Produktnutzung",
                &[
                    ("giro", "nur Girokonto", 0, &[]),
                    ("zwei-drei", "2 bis 3 Produkte", 1, &[]),
                    ("vier", "4 und mehr Produkte", 2, &[]),
                ],
            ),
            criterion(
                "anlass",
                "Anstehender Anlass",
                &[
                    ("keiner", "keiner bekannt", 0, &[]),
                    ("immobilie", "Immobilienerwerb", 2, &[RealEstate]),
                    ("vorsorge", "Ruhestand / Vorsorge", 1, &[Insurance]),
                    ("erbe", "Erbschaft / Schenkung", 2, &[Succession]),
                ],
            ),
        ],
        thresholds: Thresholds { a: 7, b: 4, c: 2 },
        classes: classes(60, false),
    }
}

fn private_banking() -> Scheme {
    Scheme {
        segment: Segment::PrivateBanking,
        criteria: vec![
            criterion(
                "vermoegen",
                "Gesamtvermögen",
                &[
                    ("unter-500", "unter 500 T€", 0, &[]),
                    ("bis-1000", "500 T€ bis 1 Mio. €", 2, &[]),
                    ("bis-5000", "1 bis 5 Mio. €", 3, &[]),
                    ("ueber-5000", "über 5 Mio. €", 4, &[]),
                ],
            ),
            criterion(
                "ausbau",
                "Ausbaupotenzial bei uns",
                &[
                    ("gering", "gering", 0, &[]),
                    ("mittel", "mittel", 1, &[]),
                    ("hoch", "hoch", 3, &[Securities]),
                ],
            ),
            criterion(
                "immobilien",
                "Immobilienvermögen",
                &[
                    ("keines", "keines", 0, &[]),
                    ("vorhanden", "vorhanden", 1, &[RealEstate]),
                ],
            ),
            succession("Vermögensnachfolge"),
        ],
        thresholds: Thresholds { a: 7, b: 4, c: 2 },
        classes: classes(120, false),
    }
}

fn municipal() -> Scheme {
    Scheme {
        segment: Segment::Municipal,
        criteria: vec![
            criterion(
                "haushalt",
                "Haushaltsvolumen",
                &[
                    ("unter-10", "unter 10 Mio. €", 0, &[]),
                    ("bis-50", "10 bis 50 Mio. €", 1, &[]),
                    ("ueber-50", "über 50 Mio. €", 2, &[]),
                ],
            ),
            criterion(
                "investitionen",
                "Investitionsvorhaben",
                &[
                    ("keine", "keine größeren", 0, &[]),
                    ("geplant", "geplant", 2, &[Subsidies]),
                ],
            ),
            criterion(
                "unternehmen",
                "Kommunale Unternehmen",
                &[
                    ("keine", "keine", 0, &[]),
                    ("vorhanden", "Eigenbetriebe / Beteiligungen", 1, &[Treasury]),
                ],
            ),
            criterion(
                "liquiditaet",
                "Liquiditäts- und Schuldenmanagement",
                &[
                    ("wenig", "wenig Bedarf", 0, &[]),
                    ("laufend", "laufender Bedarf", 2, &[Treasury]),
                ],
            ),
        ],
        thresholds: Thresholds { a: 5, b: 3, c: 1 },
        classes: classes(120, false),
    }
}

/// The built-in scheme of one segment.
pub fn scheme(segment: Segment) -> Scheme {
    match segment {
        Segment::Private => private(),
        Segment::PrivateBanking => private_banking(),
        Segment::Business => business(),
        Segment::Corporate => corporate(),
        Segment::Municipal => municipal(),
    }
}

/// Built-in settings: one scheme per segment; 210 days of 8 hours with 40 % market time;
/// each co-serving department in touch once a year for an hour.
pub fn settings() -> CastingSettings {
    CastingSettings {
        schemes: Segment::ALL.iter().map(|s| scheme(*s)).collect(),
        market: MarketTime {
            days: 210,
            minutes_per_day: 480,
            share: 40,
        },
        departments: Department::ALL
            .iter()
            .map(|d| DepartmentRule {
                department: *d,
                per_year: 1,
                minutes: 60,
            })
            .collect(),
    }
}
