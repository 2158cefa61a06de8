//! Content lines as iCalendar (RFC 5545) and vCard (RFC 2425, 2426) write them: TEXT values
//! escaped, every line ended by CRLF and folded at 75 octets. The calendar export and the
//! vCards share them.

/// A TEXT value: backslash, semicolon and comma escaped, newlines as `\n`; CR and other
/// control characters (except tab) dropped, as TEXT does not allow them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends the content line `name:value` with CRLF, folded so that no physical line exceeds
/// 75 octets; continuation lines start with one space, and no UTF-8 character is split.
/// `value` must already be escaped (no CR or LF).
pub fn line(out: &mut String, name: &str, value: &str) {
    let mut used = 0;
    for c in name.chars().chain([':']).chain(value.chars()) {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// Reading content lines back, for tests of what is written with them.
#[cfg(test)]
pub mod read {
    /// Joins folded lines.
    pub fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    /// Undoes [`super::escape`].
    pub fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => panic!("dangling backslash in {text:?}"),
                },
                (c, false) => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::read::{unescape, unfold};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            escape("a\\b;c,d\r\ne\nf\tg\u{0}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\tgh"
        );
        assert_eq!(escape("Grüße „Müller“ 😀"), "Grüße „Müller“ 😀");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        line(&mut out, "SUMMARY", &"ä".repeat(100));
        let lines: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        // "SUMMARY:" is 8 octets, then 33 two-octet umlauts (74), as 75 would split one.
        assert_eq!(lines[0].len(), 74);
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert_eq!(unfold(&out), format!("SUMMARY:{}\r\n", "ä".repeat(100)));
        let mut short = String::new();
        line(&mut short, "X", &"a".repeat(73));
        assert_eq!(short.len(), 77, "exactly 75 octets stay on one line");
    }

    proptest! {
        #[test]
        fn folded_lines_are_short_and_unfold_exactly(
            text in prop_oneof![any::<String>(), "[aäöüß„“😀€ ,;:\\\\\r\n\t]{0,400}"],
        ) {
            let mut out = String::new();
            line(&mut out, "DESCRIPTION", &escape(&text));
            prop_assert!(out.ends_with("\r\n"));
            for l in out.strip_suffix("\r\n").unwrap().split("\r\n") {
                prop_assert!(l.len() <= 75, "{} octets", l.len());
                prop_assert!(!l.contains(['\r', '\n']));
            }
            let unfolded = unfold(&out);
            let content = unfolded.strip_prefix("DESCRIPTION:").unwrap().strip_suffix("\r\n");
            let kept: String =
                text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
            prop_assert_eq!(unescape(content.unwrap()), kept);
        }
    }
}
