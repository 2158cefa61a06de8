//! Which column of a CSV file fills which customer field: guessed from the header names
//! (the words come from `texts`, the domain holds no German), remembered per header name,
//! and checked before any row is read.

use crate::domain::text::fold;

/// The customer fields a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Number,
    Name,
    FirstName,
    Company,
    Kind,
    Segment,
    Advisor,
    Household,
    Street,
    Postcode,
    Town,
    Phone,
    Email,
    Consent,
    ConsentSince,
    Birthday,
    Notes,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Number,
        Field::Name,
        Field::FirstName,
        Field::Company,
        Field::Kind,
        Field::Segment,
        Field::Advisor,
        Field::Household,
        Field::Street,
        Field::Postcode,
        Field::Town,
        Field::Phone,
        Field::Email,
        Field::Consent,
        Field::ConsentSince,
        Field::Birthday,
        Field::Notes,
    ];

    /// A stable key for form controls and the remembered mapping.
    pub fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::Company => "company",
            Field::Kind => "kind",
            Field::Segment => "segment",
            Field::Advisor => "advisor",
            Field::Household => "household",
            Field::Street => "street",
            Field::Postcode => "postcode",
            Field::Town => "town",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Consent => "consent",
            Field::ConsentSince => "consent_since",
            Field::Birthday => "birthday",
            Field::Notes => "notes",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }
}

/// Header words per field, as `texts` lists them; `None` lists headers that fill no field
/// although they begin like one ("Telefax", "Betreuer-Nr").
pub type Words = [(Option<Field>, &'static [&'static str])];

/// A remembered mapping: normalised header names with the field their column filled, or
/// `None` where the advisor left the column out.
pub type Remembered = Vec<(String, Option<Field>)>;

/// The field each column fills, by column; `None` leaves a column out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping(pub Vec<Option<Field>>);

/// Why a mapping cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingError {
    /// No column holds the customer number, the key every row is matched by.
    NoNumber,
    /// No column holds a name (surname or company).
    NoName,
    /// Two columns fill the same field.
    Twice(Field),
    /// A consent date without the consent it dates.
    SinceWithoutConsent,
}

/// A header name as compared: folded, letters and digits only ("Kd.-Nr." → "kdnr").
pub fn normalize(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

impl Mapping {
    /// The mapping for `header`: a column named as last time keeps last time's field
    /// (`remembered`, normalised names), the others are guessed from `words`; each field
    /// goes to the first column that claims it.
    pub fn guess(header: &[String], words: &Words, remembered: &Remembered) -> Mapping {
        let mut taken = Vec::new();
        let mut claim = |field: Option<Field>| {
            field.filter(|f| {
                let free = !taken.contains(f);
                taken.push(*f);
                free
            })
        };
        let names: Vec<String> = header.iter().map(|h| normalize(h)).collect();
        let from_memory: Vec<Option<Option<Field>>> = names
            .iter()
            .map(|n| remembered.iter().find(|(h, _)| h == n).map(|(_, f)| *f))
            .collect();
        // Remembered fields first, so a guess never takes a field the advisor gave another
        // column.
        let mut fields: Vec<Option<Field>> =
            from_memory.iter().map(|f| claim(f.flatten())).collect();
        // Exact words claim their fields before any header that merely begins with a word.
        let open: Vec<usize> = (0..names.len())
            .filter(|i| from_memory[*i].is_none())
            .collect();
        let exact: Vec<Option<Option<Field>>> = names.iter().map(|n| exact(n, words)).collect();
        for &i in &open {
            if let Some(field) = exact[i] {
                fields[i] = claim(field);
            }
        }
        for &i in &open {
            if exact[i].is_none() {
                fields[i] = claim(prefix(&names[i], words));
            }
        }
        Mapping(fields)
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.0.iter().position(|f| *f == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    pub fn check(&self) -> Result<(), MappingError> {
        for field in Field::ALL {
            if self.0.iter().filter(|f| **f == Some(*field)).count() > 1 {
                return Err(MappingError::Twice(*field));
            }
        }
        if !self.has(Field::Number) {
            return Err(MappingError::NoNumber);
        }
        if !self.has(Field::Name) && !self.has(Field::Company) {
            return Err(MappingError::NoName);
        }
        if self.has(Field::ConsentSince) && !self.has(Field::Consent) {
            return Err(MappingError::SinceWithoutConsent);
        }
        Ok(())
    }

    /// What to remember: each mapped column's normalised header name with its field, and
    /// the unmapped ones too, so that a column left out stays left out.
    pub fn to_remember(&self, header: &[String]) -> Remembered {
        header
            .iter()
            .zip(&self.0)
            .map(|(h, f)| (normalize(h), *f))
            .filter(|(h, _)| !h.is_empty())
            .collect()
    }
}

fn all_words(words: &Words) -> impl Iterator<Item = (Option<Field>, String)> + '_ {
    words
        .iter()
        .flat_map(|(f, ws)| ws.iter().map(move |w| (*f, normalize(w))))
}

/// The field of a header that is one of the words; `Some(None)` for a word of no field.
fn exact(name: &str, words: &Words) -> Option<Option<Field>> {
    all_words(words).find(|(_, w)| w == name).map(|(f, _)| f)
}

/// The field of the longest word of three letters or more the header begins with
/// ("Telefon privat" → phone, "Werbeeinwilligung am" → its date rather than the consent).
fn prefix(name: &str, words: &Words) -> Option<Field> {
    all_words(words)
        .filter(|(_, w)| w.len() >= 3 && name.starts_with(w.as_str()))
        .max_by_key(|(_, w)| w.len())
        .and_then(|(f, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &Words = &[
        (Some(Field::Number), &["Kundennummer", "Kd.-Nr."]),
        (Some(Field::Name), &["Name", "Nachname"]),
        (Some(Field::FirstName), &["Vorname"]),
        (Some(Field::Phone), &["Telefon"]),
        (Some(Field::Advisor), &["Betreuer"]),
        (Some(Field::Consent), &["Werbeeinwilligung"]),
        (Some(Field::ConsentSince), &["Werbeeinwilligung am"]),
        (None, &["Telefax", "Betreuer-Nr"]),
    ];

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn guesses_from_header_words() {
        let h = header(&[
            "KD-NR",
            "Nachname",
            "Vorname",
            "Telefon privat",
            "Bemerkung",
        ]);
        let m = Mapping::guess(&h, WORDS, &Vec::new());
        assert_eq!(
            m.0,
            [
                Some(Field::Number),
                Some(Field::Name),
                Some(Field::FirstName),
                Some(Field::Phone),
                None
            ]
        );
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn the_longest_word_wins_and_each_field_once() {
        let h = header(&[
            "Werbeeinwilligung am",
            "Werbeeinwilligung",
            "Name",
            "Name 2",
        ]);
        let m = Mapping::guess(&h, WORDS, &Vec::new());
        assert_eq!(
            m.0,
            [
                Some(Field::ConsentSince),
                Some(Field::Consent),
                Some(Field::Name),
                None
            ]
        );
    }

    #[test]
    fn exact_words_win_over_beginnings_and_some_words_fill_nothing() {
        let h = header(&[
            "Betreuer-Nr",
            "Telefax",
            "Betreuer Name",
            "Telefon",
            "Betreuer",
        ]);
        let m = Mapping::guess(&h, WORDS, &Vec::new());
        assert_eq!(
            m.0,
            [None, None, None, Some(Field::Phone), Some(Field::Advisor)],
            "the exact \"Betreuer\" claims the advisor before \"Betreuer Name\" begins with it"
        );
    }

    #[test]
    fn remembered_columns_keep_their_field_and_their_absence() {
        let h = header(&["Kundennummer", "Name", "Ort", "Telefon"]);
        let remembered = vec![
            ("ort".to_owned(), Some(Field::Town)),
            ("name".to_owned(), Some(Field::Company)),
            ("telefon".to_owned(), None),
        ];
        let m = Mapping::guess(&h, WORDS, &remembered);
        assert_eq!(
            m.0,
            [
                Some(Field::Number),
                Some(Field::Company),
                Some(Field::Town),
                None
            ]
        );
        let remembered = m.to_remember(&h);
        assert_eq!(remembered[1], ("name".to_owned(), Some(Field::Company)));
    }

    #[test]
    fn checks_what_every_row_needs() {
        let m = |fields: &[Option<Field>]| Mapping(fields.to_vec()).check();
        assert_eq!(m(&[Some(Field::Name)]), Err(MappingError::NoNumber));
        assert_eq!(
            m(&[Some(Field::Number), Some(Field::FirstName)]),
            Err(MappingError::NoName)
        );
        assert_eq!(
            m(&[
                Some(Field::Number),
                Some(Field::Company),
                Some(Field::Company)
            ]),
            Err(MappingError::Twice(Field::Company))
        );
        assert_eq!(
            m(&[
                Some(Field::Number),
                Some(Field::Name),
                Some(Field::ConsentSince)
            ]),
            Err(MappingError::SinceWithoutConsent)
        );
        assert_eq!(
            m(&[Some(Field::Number), Some(Field::Company), None]),
            Ok(())
        );
    }

    #[test]
    fn keys_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(*f));
        }
    }
}
