//! One CSV row as a customer's incoming values: every mapped, non-empty cell parsed into
//! its type, or the row refused with the reason. An empty cell says nothing: it neither
//! clears a field nor counts as a change.

use super::mapping::{normalize, Field, Mapping};
use super::table::Row;
use crate::domain::model::Consent;
use crate::domain::text::{parse_notes, parse_optional, Email, Name, Phone, TextError};
use crate::domain::vocab::{ConsentState, CustomerKind, Segment};
use chrono::NaiveDate;

/// The cell values that mean a kind, a segment or a consent state, as `texts` lists them.
pub struct Values {
    pub kinds: &'static [(CustomerKind, &'static [&'static str])],
    pub segments: &'static [(Segment, &'static [&'static str])],
    pub consents: &'static [(ConsentState, &'static [&'static str])],
}

/// A row's values; `None` where the column is not mapped or the cell is empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub line: usize,
    pub number: String,
    pub name: Option<Name>,
    /// The name came from the company column.
    pub is_company: bool,
    pub kind: Option<CustomerKind>,
    pub segment: Option<Segment>,
    pub advisor: Option<Name>,
    pub household: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub town: Option<String>,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub consent: Option<ConsentState>,
    pub consent_since: Option<NaiveDate>,
    pub birthday: Option<NaiveDate>,
    pub notes: Option<String>,
}

impl Incoming {
    /// The consent this row states, given the one on record.
    pub fn consent_over(&self, old: Consent) -> Consent {
        match self.consent {
            None => old,
            Some(state) => Consent {
                state,
                // A new state without a date of its own has no known date.
                since: self
                    .consent_since
                    .or(if state == old.state { old.since } else { None }),
            },
        }
    }
}

/// Why a row is not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    NoNumber,
    /// A new customer needs a name (or a company).
    NoName,
    /// A text cell refused (name without a visible character, too long, not a phone number,
    /// not an e-mail address).
    Text {
        field: Field,
        error: TextError,
    },
    /// A kind, segment or consent cell whose value is not known.
    Value {
        field: Field,
        value: String,
    },
    /// A date cell that is not a date ("31.02.1980", "12.04.81").
    Date {
        field: Field,
        value: String,
    },
    /// The customer number appeared on an earlier line of the file.
    Repeated {
        first_line: usize,
    },
    /// Two customers in the book hold this number: which to update is unclear.
    Ambiguous,
}

/// Reads a row; `mapping` has passed [`Mapping::check`].
pub fn read_row(row: &Row, mapping: &Mapping, values: &Values) -> Result<Incoming, RowError> {
    let cell = |field: Field| {
        mapping
            .column(field)
            .map(|c| row.cell(c))
            .filter(|c| !c.is_empty())
    };
    let text = |field: Field| {
        cell(field)
            .map(|c| parse_optional(c).map_err(|error| RowError::Text { field, error }))
            .transpose()
            .map(Option::flatten)
    };
    let number = cell(Field::Number).ok_or(RowError::NoNumber)?;
    let number = parse_optional(number)
        .map_err(|error| RowError::Text {
            field: Field::Number,
            error,
        })?
        .ok_or(RowError::NoNumber)?;
    let (name, is_company) = name_of(&cell)?;
    let date = |field: Field| {
        cell(field)
            .map(|c| {
                german_date(c).ok_or_else(|| RowError::Date {
                    field,
                    value: c.to_owned(),
                })
            })
            .transpose()
    };
    Ok(Incoming {
        line: row.line,
        number,
        name,
        is_company,
        kind: cell(Field::Kind)
            .map(|c| lookup(Field::Kind, c, values.kinds))
            .transpose()?,
        segment: cell(Field::Segment)
            .map(|c| lookup(Field::Segment, c, values.segments))
            .transpose()?,
        advisor: cell(Field::Advisor)
            .map(|c| {
                Name::parse(c).map_err(|error| RowError::Text {
                    field: Field::Advisor,
                    error,
                })
            })
            .transpose()?,
        household: text(Field::Household)?,
        street: text(Field::Street)?,
        postcode: text(Field::Postcode)?,
        town: text(Field::Town)?,
        phone: cell(Field::Phone)
            .map(|c| {
                Phone::parse(c).map_err(|error| RowError::Text {
                    field: Field::Phone,
                    error,
                })
            })
            .transpose()?,
        email: cell(Field::Email)
            .map(|c| {
                Email::parse(c).map_err(|error| RowError::Text {
                    field: Field::Email,
                    error,
                })
            })
            .transpose()?,
        consent: cell(Field::Consent)
            .map(|c| lookup(Field::Consent, c, values.consents))
            .transpose()?,
        consent_since: date(Field::ConsentSince)?,
        birthday: date(Field::Birthday)?,
        notes: cell(Field::Notes)
            .map(|c| {
                parse_notes(c).map_err(|error| RowError::Text {
                    field: Field::Notes,
                    error,
                })
            })
            .transpose()?,
    })
}

/// The company's name where the row has one; otherwise "first name surname".
fn name_of<'a>(cell: &impl Fn(Field) -> Option<&'a str>) -> Result<(Option<Name>, bool), RowError> {
    let parse =
        |field: Field, raw: &str| Name::parse(raw).map_err(|error| RowError::Text { field, error });
    if let Some(company) = cell(Field::Company) {
        return Ok((Some(parse(Field::Company, company)?), true));
    }
    match (cell(Field::FirstName), cell(Field::Name)) {
        (_, None) => Ok((None, false)),
        (None, Some(name)) => Ok((Some(parse(Field::Name, name)?), false)),
        (Some(first), Some(name)) => {
            Ok((Some(parse(Field::Name, &format!("{first} {name}"))?), false))
        }
    }
}

fn lookup<T: Copy>(
    field: Field,
    cell: &str,
    table: &[(T, &'static [&'static str])],
) -> Result<T, RowError> {
    let wanted = normalize(cell);
    table
        .iter()
        .find(|(_, words)| words.iter().any(|w| normalize(w) == wanted))
        .map(|(v, _)| *v)
        .ok_or_else(|| RowError::Value {
            field,
            value: cell.to_owned(),
        })
}

/// "12.04.1981", "1.4.1981", "12.04.1981 00:00" (Excel's date with time) or "1981-04-12".
/// Two-digit years are refused: whether "81" is 1981 or 2081 is a guess.
pub fn german_date(cell: &str) -> Option<NaiveDate> {
    let day = cell.split_whitespace().next()?;
    if let Some(iso) = crate::domain::time_format::parse_date(day) {
        return Some(iso);
    }
    let mut parts = day.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !short(d) || !short(m) || y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUES: Values = Values {
        kinds: &[
            (CustomerKind::Person, &["Privatperson"]),
            (CustomerKind::Company, &["Firma"]),
        ],
        segments: &[(Segment::Private, &["PK"]), (Segment::Corporate, &["FK"])],
        consents: &[
            (ConsentState::Yes, &["ja", "X"]),
            (ConsentState::No, &["nein"]),
        ],
    };

    fn row(cells: &[&str]) -> Row {
        Row {
            line: 7,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    fn mapping(fields: &[Field]) -> Mapping {
        Mapping(fields.iter().map(|f| Some(*f)).collect())
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_full_row() {
        use Field::*;
        let m = mapping(&[
            Number,
            FirstName,
            Name,
            Kind,
            Segment,
            Street,
            Postcode,
            Town,
            Phone,
            Email,
            Consent,
            ConsentSince,
            Birthday,
            Notes,
            Household,
            Advisor,
        ]);
        let r = row(&[
            " 4711 ",
            "Jörg",
            "Weiß",
            "privatperson",
            "PK",
            "Hauptstraße 5",
            "79183",
            "Waldkirch",
            "07681 1234",
            "joerg@example.de",
            "x",
            "01.03.2024",
            "2.4.1981",
            "=Summe(A1)",
            "H-17",
            "Müller, Eva",
        ]);
        let i = read_row(&r, &m, &VALUES).unwrap();
        assert_eq!(i.line, 7);
        assert_eq!(i.number, "4711");
        assert_eq!(i.name.unwrap().as_str(), "Jörg Weiß");
        assert!(!i.is_company);
        assert_eq!(i.kind, Some(CustomerKind::Person));
        assert_eq!(i.segment, Some(crate::domain::vocab::Segment::Private));
        assert_eq!(i.street.as_deref(), Some("Hauptstraße 5"));
        assert_eq!(i.postcode.as_deref(), Some("79183"));
        assert_eq!(i.phone.unwrap().as_str(), "07681 1234");
        assert_eq!(i.consent, Some(ConsentState::Yes));
        assert_eq!(i.consent_since, Some(date(2024, 3, 1)));
        assert_eq!(i.birthday, Some(date(1981, 4, 2)));
        assert_eq!(i.notes.as_deref(), Some("=Summe(A1)"), "kept as text");
        assert_eq!(i.household.as_deref(), Some("H-17"));
        assert_eq!(i.advisor.unwrap().as_str(), "Müller, Eva");
    }

    #[test]
    fn a_company_names_the_customer_and_empty_cells_say_nothing() {
        let m = mapping(&[Field::Number, Field::Name, Field::Company, Field::Phone]);
        let i = read_row(&row(&["1", "Koch", "Koch GmbH", ""]), &m, &VALUES).unwrap();
        assert_eq!(i.name.unwrap().as_str(), "Koch GmbH");
        assert!(i.is_company);
        assert_eq!(i.phone, None);
        let i = read_row(&row(&["2", "", "", ""]), &m, &VALUES).unwrap();
        assert_eq!(i.name, None, "an update may leave the name alone");
    }

    #[test]
    fn refused_rows_say_why() {
        let m = mapping(&[
            Field::Number,
            Field::Name,
            Field::Kind,
            Field::Birthday,
            Field::Email,
        ]);
        let refuse = |cells: &[&str]| read_row(&row(cells), &m, &VALUES).unwrap_err();
        assert_eq!(refuse(&["", "Weber", "", "", ""]), RowError::NoNumber);
        assert_eq!(
            refuse(&["1", "\u{200B}", "", "", ""]),
            RowError::Text {
                field: Field::Name,
                error: TextError::Invisible
            }
        );
        assert_eq!(
            refuse(&["1", "Weber", "Verein", "", ""]),
            RowError::Value {
                field: Field::Kind,
                value: "Verein".into()
            }
        );
        assert_eq!(
            refuse(&["1", "Weber", "", "31.02.1980", ""]),
            RowError::Date {
                field: Field::Birthday,
                value: "31.02.1980".into()
            }
        );
        assert_eq!(
            refuse(&["1", "Weber", "", "", "kein-at"]),
            RowError::Text {
                field: Field::Email,
                error: TextError::InvalidEmail
            }
        );
    }

    #[test]
    fn german_dates() {
        assert_eq!(german_date("12.04.1981"), Some(date(1981, 4, 12)));
        assert_eq!(german_date("1.4.1981 00:00"), Some(date(1981, 4, 1)));
        assert_eq!(german_date("1981-04-12"), Some(date(1981, 4, 12)));
        for bad in [
            "12.04.81",
            "12.4",
            "29.02.2023",
            "12/04/1981",
            "1.2.3.2024",
            "ab.cd.efgh",
        ] {
            assert_eq!(german_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn consent_dates_follow_the_state() {
        let old = Consent {
            state: ConsentState::Yes,
            since: Some(date(2020, 1, 1)),
        };
        let mut i = read_row(
            &row(&["1", "Weber", "ja", ""]),
            &mapping(&[
                Field::Number,
                Field::Name,
                Field::Consent,
                Field::ConsentSince,
            ]),
            &VALUES,
        )
        .unwrap();
        assert_eq!(i.consent_over(old), old, "the same state keeps its date");
        i.consent = Some(ConsentState::No);
        assert_eq!(
            i.consent_over(old),
            Consent {
                state: ConsentState::No,
                since: None
            }
        );
        i.consent_since = Some(date(2026, 5, 1));
        assert_eq!(i.consent_over(old).since, Some(date(2026, 5, 1)));
        i.consent = None;
        assert_eq!(i.consent_over(old), old);
    }
}
