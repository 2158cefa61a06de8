//! One CSV row as a customer's incoming values: every mapped, non-empty cell parsed into
//! its type, or the row refused with the reason. An empty cell says nothing: it neither
//! clears a field nor counts as a change.

use super::mapping::{normalize, Field, Mapping};
use super::table::Row;
use crate::domain::model::Consent;
use crate::domain::text::{
    parse_notes, parse_optional, parse_postcode, Email, Name, Phone, TextError,
};
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
    /// The consent after this row, given the one on record; `None` where the book's is kept
    /// because it is newer. The newer statement wins; an undated one counts as older than a
    /// dated one, except that an objection ("no") always takes effect unless the book's
    /// statement is dated later. "Unknown" in a file says nothing.
    pub fn consent_over(&self, old: Consent) -> Option<Consent> {
        let state = match self.consent {
            None | Some(ConsentState::Unknown) => return Some(old),
            Some(state) => state,
        };
        if state == old.state {
            return Some(Consent {
                state,
                since: old.since.or(self.consent_since),
            });
        }
        let dated_later = matches!((self.consent_since, old.since), (Some(f), Some(b)) if f >= b);
        let newer = match (state, old.state) {
            (_, ConsentState::Unknown) => true,
            (ConsentState::No, _) => {
                dated_later || self.consent_since.is_none() || old.since.is_none()
            }
            _ => dated_later,
        };
        newer.then_some(Consent {
            state,
            since: self.consent_since,
        })
    }
}

/// The key customer numbers are matched by: without spaces, Excel's `="…"` text marker and
/// the leading zeros a spreadsheet may have dropped ("004711", " 4711", "47 11" are one).
pub fn number_key(number: &str) -> String {
    let plain = number
        .strip_prefix("=\"")
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(number);
    let compact: String = plain
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = compact.trim_start_matches('0');
        return if trimmed.is_empty() {
            "0".into()
        } else {
            trimmed.into()
        };
    }
    compact
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
    /// Filled cells beyond the header's columns: a separator inside an unquoted cell would
    /// shift every value after it.
    TooManyCells,
}

/// Reads a row; `mapping` has passed [`Mapping::check`].
pub fn read_row(row: &Row, mapping: &Mapping, values: &Values) -> Result<Incoming, RowError> {
    if row
        .cells
        .iter()
        .skip(mapping.0.len())
        .any(|c| !c.trim().is_empty())
    {
        return Err(RowError::TooManyCells);
    }
    let cell = |field: Field| {
        mapping
            .column(field)
            .map(|c| row.cell(c))
            .filter(|c| !c.is_empty())
    };
    // A mapped, filled cell through `parse`; a refusal names the field.
    fn parsed<T>(
        cell: Option<&str>,
        field: Field,
        parse: impl Fn(&str) -> Result<T, TextError>,
    ) -> Result<Option<T>, RowError> {
        cell.map(|c| parse(c).map_err(|error| RowError::Text { field, error }))
            .transpose()
    }
    let text = |field: Field| parsed(cell(field), field, parse_optional).map(Option::flatten);
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
    let raw = cell(Field::Number).ok_or(RowError::NoNumber)?;
    let unmarked = raw
        .strip_prefix("=\"")
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(raw);
    let number = parsed(Some(unmarked), Field::Number, parse_optional)?
        .flatten()
        .ok_or(RowError::NoNumber)?;
    let (name, is_company) = name_of(&cell)?;
    Ok(Incoming {
        line: row.line,
        number,
        name,
        is_company,
        kind: lookup(cell(Field::Kind), Field::Kind, values.kinds)?,
        segment: lookup(cell(Field::Segment), Field::Segment, values.segments)?,
        advisor: parsed(cell(Field::Advisor), Field::Advisor, Name::parse)?,
        // "-" or "0" are how lists say "no household".
        household: text(Field::Household)?
            .filter(|h| h.chars().any(char::is_alphanumeric) && h.chars().any(|c| c != '0')),
        street: text(Field::Street)?,
        postcode: parsed(cell(Field::Postcode), Field::Postcode, parse_postcode)?.flatten(),
        town: text(Field::Town)?,
        phone: parsed(cell(Field::Phone), Field::Phone, Phone::parse)?,
        email: parsed(cell(Field::Email), Field::Email, Email::parse)?,
        consent: lookup(cell(Field::Consent), Field::Consent, values.consents)?,
        consent_since: date(Field::ConsentSince)?,
        birthday: date(Field::Birthday)?,
        notes: parsed(cell(Field::Notes), Field::Notes, parse_notes)?,
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

/// The value a mapped, filled cell names in `table`.
fn lookup<T: Copy>(
    cell: Option<&str>,
    field: Field,
    table: &[(T, &'static [&'static str])],
) -> Result<Option<T>, RowError> {
    let Some(cell) = cell else {
        return Ok(None);
    };
    let wanted = normalize(cell);
    table
        .iter()
        .find(|(_, words)| words.iter().any(|w| normalize(w) == wanted))
        .map(|(v, _)| Some(*v))
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
    fn consent_the_newer_statement_wins_and_an_objection_weighs_more() {
        let day = |y, m| Some(date(y, m, 1));
        let consent = |state, since| Consent { state, since };
        let row = |state: Option<ConsentState>, since| Incoming {
            consent: state,
            consent_since: since,
            ..read_row(
                &row(&["1", "Weber"]),
                &mapping(&[Field::Number, Field::Name]),
                &VALUES,
            )
            .unwrap()
        };
        use ConsentState::{No, Unknown, Yes};
        let objected = consent(No, day(2025, 6));
        // A stale "yes" never overrides a later objection, an undated one none at all.
        assert_eq!(row(Some(Yes), day(2019, 1)).consent_over(objected), None);
        assert_eq!(row(Some(Yes), None).consent_over(objected), None);
        assert_eq!(
            row(Some(Yes), day(2026, 2)).consent_over(objected),
            Some(consent(Yes, day(2026, 2)))
        );
        // "Unknown" says nothing; the same state keeps the book's date.
        let given = consent(Yes, day(2025, 6));
        assert_eq!(row(Some(Unknown), None).consent_over(given), Some(given));
        assert_eq!(
            row(Some(Yes), day(2019, 1)).consent_over(given),
            Some(given)
        );
        // An objection applies unless the book's consent is dated later.
        assert_eq!(
            row(Some(No), None).consent_over(given),
            Some(consent(No, None))
        );
        assert_eq!(row(Some(No), day(2024, 1)).consent_over(given), None);
        // Nothing known yet: the file's statement is taken.
        assert_eq!(
            row(Some(Yes), None).consent_over(Consent::default()),
            Some(consent(Yes, None))
        );
    }

    #[test]
    fn numbers_match_without_spaces_zeros_and_excel_markers() {
        for n in ["004711", " 4711", "47 11", "=\"004711\""] {
            assert_eq!(number_key(n), "4711", "{n}");
        }
        assert_eq!(number_key("ab-12"), "AB-12");
        assert_eq!(number_key("000"), "0");
        let m = mapping(&[Field::Number, Field::Name]);
        let i = read_row(&row(&["=\"004711\"", "Weber"]), &m, &VALUES).unwrap();
        assert_eq!(
            i.number, "004711",
            "stored as the file writes it, without the marker"
        );
    }

    #[test]
    fn a_row_wider_than_the_header_is_refused_and_no_household_is_none() {
        let m = mapping(&[
            Field::Number,
            Field::Name,
            Field::Household,
            Field::Postcode,
        ]);
        assert_eq!(
            read_row(&row(&["9", "Weber", "", "", "Anna"]), &m, &VALUES),
            Err(RowError::TooManyCells)
        );
        for none in ["-", "0", "000"] {
            let i = read_row(&row(&["9", "Weber", none, ""]), &m, &VALUES).unwrap();
            assert_eq!(i.household, None, "{none}");
        }
        assert!(matches!(
            read_row(&row(&["9", "Weber", "", "79183 Waldkirch"]), &m, &VALUES),
            Err(RowError::Text {
                field: Field::Postcode,
                ..
            })
        ));
    }
}
