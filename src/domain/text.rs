//! Validated text values: parse once at the edge, then trust the type.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a text value was refused. Its German `Display` lives in `texts`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    Empty,
    /// Only spaces and characters that show nothing (zero-width, byte order mark, …).
    Invisible,
    TooLong {
        max: usize,
    },
    InvalidEmail,
    InvalidPhone,
    InfluenceOutOfRange,
}

/// The conversions every validated string type shares: serde goes through `$read` (`parse`,
/// or a more lenient reading where stored data predates a rule).
macro_rules! validated_string {
    ($($name:ident => $read:ident),+) => {$(
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;
            fn try_from(raw: String) -> Result<Self, TextError> {
                Self::$read(&raw)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    )+};
}

validated_string!(Name => read, Email => parse, Phone => parse);

pub const MAX_NAME_LEN: usize = 200;
pub const MAX_NOTES_LEN: usize = 20_000;

/// A trimmed, non-empty display name of bounded length.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

impl Name {
    /// A name as typed or imported: it must show at least one character.
    pub fn parse(raw: &str) -> Result<Self, TextError> {
        let name = Self::read(raw)?;
        if !name.is_visible() {
            return Err(TextError::Invisible);
        }
        Ok(name)
    }

    /// A name as stored. Books saved before names had to be visible may hold invisible
    /// ones; they still open (and imports are checked with [`Name::is_visible`]).
    fn read(raw: &str) -> Result<Self, TextError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(TextError::Empty);
        }
        if trimmed.chars().count() > MAX_NAME_LEN {
            return Err(TextError::TooLong { max: MAX_NAME_LEN });
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// Whether the name shows at least one character.
    pub fn is_visible(&self) -> bool {
        self.0.chars().any(|c| !is_invisible(c))
    }

    /// A name written in the source (built-in defaults), known to be valid.
    pub(crate) fn known(text: &str) -> Self {
        debug_assert!(Self::parse(text).is_ok(), "{text}");
        Self(text.to_owned())
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Characters that show nothing: white space, controls, and the invisible format characters
/// (zero-width space and joiners, direction marks, soft hyphen, byte order mark, variation
/// selectors, tag characters, Hangul and Braille blanks).
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Free text such as notes: trimmed at the end, bounded, may be empty.
pub fn parse_notes(raw: &str) -> Result<String, TextError> {
    let text = raw.trim_end();
    if text.chars().count() > MAX_NOTES_LEN {
        return Err(TextError::TooLong { max: MAX_NOTES_LEN });
    }
    Ok(text.to_owned())
}

/// Optional short text (customer number, position, department): empty means none.
pub fn parse_optional(raw: &str) -> Result<Option<String>, TextError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_NAME_LEN {
        return Err(TextError::TooLong { max: MAX_NAME_LEN });
    }
    Ok(Some(text.to_owned()))
}

/// The longest postcode: German ones have 5 digits, those abroad up to 10 characters
/// ("SW1A 1AA", "1010", "00-950").
pub const MAX_POSTCODE_LEN: usize = 10;

/// An optional postcode: free text, since customers abroad have postcodes of other shapes;
/// empty means none.
pub fn parse_postcode(raw: &str) -> Result<Option<String>, TextError> {
    let code = raw.trim();
    if code.chars().count() > MAX_POSTCODE_LEN {
        return Err(TextError::TooLong {
            max: MAX_POSTCODE_LEN,
        });
    }
    Ok((!code.is_empty()).then(|| code.to_owned()))
}

/// An e-mail address plausible enough to put behind a `mailto:` link.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, TextError> {
        let text = raw.trim();
        let mut parts = text.split('@');
        let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
            (Some(l), Some(d), None) => (l, d),
            _ => return Err(TextError::InvalidEmail),
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !"<>()[]\\,;:\"".contains(c));
        if !domain_ok || !local_ok || text.len() > 254 {
            return Err(TextError::InvalidEmail);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn href(&self) -> String {
        format!("mailto:{}", self.0)
    }
}

/// A phone number as written by people ("+49 (0)89 / 12 34-5"), safe for a `tel:` link.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, TextError> {
        let text = raw.trim();
        let allowed = text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/().".contains(c));
        let digits = text.chars().filter(char::is_ascii_digit).count();
        if !allowed || !(3..=20).contains(&digits) || text.len() > 40 {
            return Err(TextError::InvalidPhone);
        }
        Ok(Self(text.to_owned()))
    }

    /// `tel:` keeps only a leading plus and the digits; "(0)" is the German trunk-prefix hint.
    pub fn href(&self) -> String {
        let cleaned = self.0.replace("(0)", "");
        let plus = if cleaned.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
        format!("tel:{plus}{digits}")
    }
}

/// Influence of a contact person on decisions, 1 (little) to 10 (decisive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Influence(u8);

impl Influence {
    pub fn new(value: u8) -> Result<Self, TextError> {
        if (1..=10).contains(&value) {
            Ok(Self(value))
        } else {
            Err(TextError::InfluenceOutOfRange)
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Influence {
    type Error = TextError;
    fn try_from(v: u8) -> Result<Self, TextError> {
        Self::new(v)
    }
}

impl From<Influence> for u8 {
    fn from(v: Influence) -> u8 {
        v.0
    }
}

/// Folds text for search: lower case, German umlauts spelled out, accents dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Õ' => out.push('o'),
            'ù' | 'ú' | 'û' | 'Ù' | 'Ú' | 'Û' => out.push('u'),
            'ç' | 'Ç' => out.push('c'),
            // Decomposed umlauts (u + U+0308, as macOS and some PDFs write them); other
            // combining accents are dropped like the precomposed ones above.
            '\u{0308}' => out.push('e'),
            '\u{0300}'..='\u{036f}' => {}
            // Latin-1 capitals by offset; other scripts pass through. Avoids the Unicode
            // case tables, which would cost bundle size for names that are Latin here.
            'A'..='Z' | 'Æ' | 'Ð' | 'Ñ' | 'Ø' | 'Ý' | 'Þ' => {
                out.push(char::from_u32(c as u32 + 32).unwrap_or(c))
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            Name::parse("  Müller GmbH ").unwrap().as_str(),
            "Müller GmbH"
        );
        assert_eq!(Name::parse("   "), Err(TextError::Empty));
        for invisible in [
            "\u{200B}",
            " \u{FEFF} ",
            "\u{200B}\u{200D}\u{2060}",
            "\u{00AD}",
            "\u{3164}",
        ] {
            assert_eq!(
                Name::parse(invisible),
                Err(TextError::Invisible),
                "{invisible:?}"
            );
        }
        assert_eq!(Name::parse("\u{200B}Ö").unwrap().as_str(), "\u{200B}Ö");
        assert_eq!(Name::parse("Zoë").unwrap().as_str(), "Zoë");
        // Stored before the rule: still read, so the book opens.
        let stored: Name = serde_json::from_str("\"\\u200b\"").unwrap();
        assert!(!stored.is_visible());
        assert!(Name::parse(&"x".repeat(201)).is_err());
        assert!(serde_json::from_str::<Name>("\"\"").is_err());
    }

    #[test]
    fn emails() {
        assert!(Email::parse("anna.mueller@sparkasse.de").is_ok());
        for bad in [
            "",
            "a@b",
            "a b@c.de",
            "@c.de",
            "a@@c.de",
            "javascript:x@y.de",
            "a@c.de?x",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Email::parse("a@b.de").unwrap().href(), "mailto:a@b.de");
    }

    #[test]
    fn phones_and_tel_links() {
        let p = Phone::parse("+49 (0)89 / 12 34-5").unwrap();
        assert_eq!(p.href(), "tel:+498912345");
        assert_eq!(Phone::parse("0711 1234").unwrap().href(), "tel:07111234");
        for bad in ["", "12", "call me", "javascript:1234", "0711;1234"] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn postcodes_of_any_country_up_to_ten_characters() {
        assert_eq!(parse_postcode(" 79183 ").unwrap().as_deref(), Some("79183"));
        assert_eq!(parse_postcode("4051").unwrap().as_deref(), Some("4051"));
        assert_eq!(
            parse_postcode("SW1A 1AA").unwrap().as_deref(),
            Some("SW1A 1AA")
        );
        assert_eq!(parse_postcode("  "), Ok(None));
        assert_eq!(
            parse_postcode("79183 Waldkirch"),
            Err(TextError::TooLong { max: 10 })
        );
    }

    #[test]
    fn influence_range() {
        assert!(Influence::new(0).is_err());
        assert_eq!(Influence::new(10).unwrap().get(), 10);
        assert!(Influence::new(11).is_err());
        assert!(serde_json::from_str::<Influence>("11").is_err());
    }

    #[test]
    fn folding_matches_german_spellings() {
        assert_eq!(fold("Müller Straße"), "mueller strasse");
        assert_eq!(fold("CAFÉ"), "cafe");
    }
}
