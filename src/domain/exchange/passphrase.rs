//! The rules for a passphrase that encrypts an export: a minimum length, typed twice, and a
//! rough strength estimate the form can explain ("longer, or more kinds of characters").
//! The passphrase is the only secret between a lost file and the customers' data, and no one
//! can recover it, so the form asks for length rather than cleverness.

/// Characters (not bytes) a passphrase needs at least.
pub const MIN_CHARS: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseProblem {
    TooShort {
        min: usize,
    },
    /// The repetition differs: a typo would lock the file for good.
    Mismatch,
}

/// Checks a new passphrase and its repetition. Length comes first: it is what the user can fix
/// in the first field.
pub fn check(passphrase: &str, repeated: &str) -> Result<(), PassphraseProblem> {
    if passphrase.chars().count() < MIN_CHARS {
        return Err(PassphraseProblem::TooShort { min: MIN_CHARS });
    }
    if passphrase != repeated {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Weak,
    Fair,
    Strong,
}

/// Estimated bits below which a passphrase is weak, and below which it is fair.
const WEAK_BELOW: f64 = 50.0;
const FAIR_BELOW: f64 = 80.0;
/// Fewer different characters than this is weak whatever the length ("aaaaaaaaaaaaaaaa").
const MIN_DISTINCT: usize = 6;

/// A simple, explainable estimate: length × log2(size of the character pool the classes used
/// span: lower case 26, upper case 26, digits 10, other ASCII 33, non-ASCII ~30, such as
/// umlauts). A character repeating the one before it adds no length, and fewer than six
/// different characters is weak. It overrates dictionary words, so it only grades; the hard
/// rule is [`MIN_CHARS`].
pub fn strength(passphrase: &str) -> Strength {
    let (mut lower, mut upper, mut digit, mut other, mut non_ascii) = (0, 0, 0, 0, 0);
    let mut distinct: Vec<char> = Vec::new();
    let mut length = 0u32;
    let mut previous = None;
    for c in passphrase.chars() {
        match c {
            'a'..='z' => lower = 26,
            'A'..='Z' => upper = 26,
            '0'..='9' => digit = 10,
            _ if c.is_ascii() => other = 33,
            _ => non_ascii = 30,
        }
        if !distinct.contains(&c) {
            distinct.push(c);
        }
        if previous != Some(c) {
            length += 1;
        }
        previous = Some(c);
    }
    if distinct.len() < MIN_DISTINCT {
        return Strength::Weak;
    }
    let pool: u32 = lower + upper + digit + other + non_ascii;
    let bits = f64::from(length) * f64::from(pool).log2();
    if bits < WEAK_BELOW {
        Strength::Weak
    } else if bits < FAIR_BELOW {
        Strength::Fair
    } else {
        Strength::Strong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_wants_twelve_characters_typed_twice() {
        let short = "Kurz 123";
        assert_eq!(
            check(short, short),
            Err(PassphraseProblem::TooShort { min: 12 })
        );
        // Eleven characters, but 15 bytes: characters count.
        let umlauts = "Äöüßäöüßäöü";
        assert_eq!(umlauts.chars().count(), 11);
        assert!(umlauts.len() >= 12);
        assert_eq!(
            check(umlauts, umlauts),
            Err(PassphraseProblem::TooShort { min: MIN_CHARS })
        );
        let twelve = "Äöüßäöüßäöüx";
        assert_eq!(check(twelve, twelve), Ok(()));
        assert_eq!(
            check("Sommerwiese am Fluss", "Sommerwiese am Fluß"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(
            check("Sommerwiese am Fluss", "Sommerwiese am Fluss "),
            Err(PassphraseProblem::Mismatch)
        );
        // Too short is said first, even when the repetition differs too.
        assert_eq!(
            check("kurz", "anders"),
            Err(PassphraseProblem::TooShort { min: MIN_CHARS })
        );
        assert_eq!(check("", ""), Err(PassphraseProblem::TooShort { min: 12 }));
    }

    #[test]
    fn strength_grades_length_and_variety() {
        use Strength::*;
        let cases = [
            ("", Weak),
            ("kurzes", Weak),
            // 12 × log2 26 ≈ 56 bits.
            ("abcdefghijkl", Fair),
            // Long, but only five different characters.
            ("abcdeabcdeabcdeabcdeabcde", Weak),
            ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Weak),
            // 12 × log2 95 ≈ 79 bits, but "mm" and "!!" count once: 10 × 6.57 ≈ 66.
            ("Sommer2024!!", Fair),
            // 15 characters, 14 after "mm": 14 × log2 95 ≈ 92 bits.
            ("Sommer-2024!?Xy", Strong),
            // Lower case and space: 28 characters, 26 after "rr" and "tt", × log2 59 ≈ 153.
            ("correct horse battery staple", Strong),
            // Umlauts widen the pool: 10 × log2 56 ≈ 58 against 10 × log2 26 ≈ 47.
            ("bärchenübe", Fair),
            ("barchenube", Weak),
            // A run inflates nothing: "x" plus 40 "y" counts as two characters, yet 7 distinct.
            ("abcdexyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", Weak),
        ];
        for (passphrase, expected) in cases {
            assert_eq!(strength(passphrase), expected, "{passphrase:?}");
        }
    }

    #[test]
    fn strength_grows_with_length() {
        let mut last = Strength::Weak;
        let mut phrase = String::new();
        for word in ["Wiese", "Fluss", "Brücke", "Mühle", "Acker", "Turm", "Weg"] {
            phrase.push_str(word);
            let now = strength(&phrase);
            assert!(now >= last, "{phrase}");
            last = now;
        }
        assert_eq!(last, Strength::Strong);
    }
}
