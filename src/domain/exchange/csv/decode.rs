//! A CSV file's bytes as text. Core banking systems and German Excel write UTF-8 (with or
//! without byte order mark) or Windows-1252; the file does not say which, so it is told
//! from the bytes: valid UTF-8 is UTF-8, otherwise the bytes must read as plausible
//! Windows-1252 text, or the file is refused rather than imported with garbled names.
//! Other code pages put their umlauts where Windows-1252 has symbols or rare letters (DOS's
//! ä reads as "„", Mac Roman's ß as "§", its ü as "Ÿ"). So a symbol inside a word ("B„cker",
//! "Stra§e") gives them away, and so do Š, Ÿ, Œ and the like in a file without a single
//! ä, ö, ü or ß; a "€", "§" or "†" between words, or a Czech name in a German list, is fine.

/// How the file was written, as detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

/// Why a file's bytes are not CSV text this import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but white space.
    Empty,
    /// UTF-16 ("Unicode-Text" in Excel): a byte order mark or every other byte zero.
    Utf16,
    /// Zero bytes or control characters: a spreadsheet, an image, an archive.
    Binary,
    /// Neither UTF-8 nor Windows-1252 text (for example Mac Roman or an Asian encoding).
    Unknown,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Characters 0x80–0x9F of Windows-1252; `None` where the code page leaves a byte undefined.
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_utf16(bytes) {
        return Err(DecodeError::Utf16);
    }
    let (bytes, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    // Old DOS exports end with Ctrl-Z.
    let bytes = bytes.strip_suffix(b"\x1A").unwrap_or(bytes);
    if bytes.iter().any(|&b| is_control(b)) {
        return Err(DecodeError::Binary);
    }
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        // A byte order mark promises UTF-8; broken UTF-8 after it is not some other code page.
        Err(_) if bom => return Err(DecodeError::Unknown),
        Err(_) => (windows_1252(bytes)?, Encoding::Windows1252),
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, encoding))
}

/// Controls other than tab, line feed and carriage return (and the form feed some old
/// exports end with) never occur in CSV text.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// UTF-16 without byte order mark: ASCII text then has a zero in (nearly) every odd byte
/// and none in the even ones, or the other way round.
fn looks_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(400)];
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let half = sample.len() / 2;
    half >= 2 && ((odd * 10 >= half * 7 && even == 0) || (even * 10 >= half * 7 && odd == 0))
}

fn windows_1252(bytes: &[u8]) -> Result<String, DecodeError> {
    let text: String = bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)].ok_or(DecodeError::Unknown),
            _ => Ok(char::from(b)),
        })
        .collect::<Result<_, _>>()?;
    let chars: Vec<char> = text.chars().collect();
    let inside_a_word = chars
        .windows(3)
        .any(|w| is_symbol(w[1]) && is_letter(w[0]) && is_lower(w[2]));
    let rare = chars.iter().any(|c| RARE_LETTERS.contains(*c));
    let umlauts = chars.iter().any(|c| "äöüßÄÖÜ".contains(*c));
    if inside_a_word || (rare && !umlauts) {
        return Err(DecodeError::Unknown);
    }
    Ok(text)
}

/// Letters of the 0x80–0x9F row, where Mac Roman keeps its umlauts.
const RARE_LETTERS: &str = "ŠšŽžŒœŸƒ";

/// The Windows-1252 characters above ASCII that are no letter: the symbols of the 0x80–0x9F
/// row and of 0xA0–0xBF, × and ÷.
fn is_symbol(c: char) -> bool {
    matches!(c as u32, 0x2C6..=0x2122 | 0xA0..=0xBF | 0xD7 | 0xF7)
}

/// Letters as Latin-1 has them (without the Unicode tables, which cost bundle size).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || is_lower(c) || matches!(c, '\u{C0}'..='\u{DE}') && c != '×'
}

fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, '\u{DF}'..='\u{FF}') && c != '÷'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Müller;Straße" in Windows-1252.
    const LATIN: &[u8] = b"M\xFCller;Stra\xDFe\r\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = "Kundennummer;Name\n1;Jörg Weiß\n";
        assert_eq!(
            decode(plain.as_bytes()),
            Ok((plain.to_owned(), Encoding::Utf8))
        );
        let with_bom = [BOM, plain.as_bytes()].concat();
        assert_eq!(decode(&with_bom), Ok((plain.to_owned(), Encoding::Utf8)));
    }

    #[test]
    fn windows_1252_umlauts_sharp_s_and_euro() {
        assert_eq!(
            decode(LATIN),
            Ok(("Müller;Straße\r\n".to_owned(), Encoding::Windows1252))
        );
        assert_eq!(
            decode(b"Betrag \x80;\x84Zitat\x93;\xC4\xD6\xDC\xE4\xF6\xFC"),
            Ok(("Betrag €;„Zitat“;ÄÖÜäöü".to_owned(), Encoding::Windows1252))
        );
    }

    #[test]
    fn symbols_between_words_are_fine() {
        let (text, _) =
            decode(b"Depot 5 \x80;\x86 2024;\xA7 12;\xAC;\x99;\xBF?;50\xB0\x1A").unwrap();
        assert_eq!(text, "Depot 5 €;† 2024;§ 12;¬;™;¿?;50°");
    }

    #[test]
    fn unknown_encodings_are_refused() {
        // Undefined in Windows-1252.
        assert_eq!(decode(b"Name;M\x81ller"), Err(DecodeError::Unknown));
        // Mac Roman ("Müller;Bäcker Straße") and DOS code page 850 ("Bäcker;Größe"): their
        // umlauts read as symbols inside words.
        assert_eq!(
            decode(b"M\x9Fller;B\x8Acker Stra\xA7e"),
            Err(DecodeError::Unknown)
        );
        assert_eq!(decode(b"B\x84cker;Gr\x94\xE1e"), Err(DecodeError::Unknown));
        assert_eq!(decode(b"M\x9Fller;Schmidt"), Err(DecodeError::Unknown));
        // A Czech name in a German list is Windows-1252.
        assert_eq!(
            decode(b"Pa\x9Aek;M\xFCller"),
            Ok(("Pašek;Müller".to_owned(), Encoding::Windows1252))
        );
        // Broken UTF-8 after a UTF-8 byte order mark.
        assert_eq!(
            decode(b"\xEF\xBB\xBFName;M\xFCller"),
            Err(DecodeError::Unknown)
        );
    }

    #[test]
    fn utf16_binary_and_empty_files_are_refused() {
        assert_eq!(decode(b"\xFF\xFEN\0a\0m\0e\0"), Err(DecodeError::Utf16));
        assert_eq!(decode(b"N\0a\0m\0e\0;\0N\0r\0"), Err(DecodeError::Utf16));
        assert_eq!(
            decode(b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"%PDF-1.7\n\x01\x02"), Err(DecodeError::Binary));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF \r\n"), Err(DecodeError::Empty));
    }
}
