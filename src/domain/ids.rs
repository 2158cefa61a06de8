//! Stable record ids. They survive export and import, so merging by id works across devices.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string is not a usable id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidId(pub String);

const MAX_ID_LEN: usize = 64;

fn check(raw: &str) -> Result<(), InvalidId> {
    let ok = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(InvalidId(raw.chars().take(80).collect()))
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            /// A new id from caller-supplied entropy (the shell owns randomness).
            pub fn generate(entropy: u64) -> Self {
                Self(format!("{}-{}", $prefix, base36(entropy)))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(raw: String) -> Result<Self, InvalidId> {
                check(&raw)?;
                Ok(Self(raw))
            }
        }

        impl std::str::FromStr for $name {
            type Err = InvalidId;
            fn from_str(raw: &str) -> Result<Self, InvalidId> {
                Self::try_from(raw.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A customer group (Kundenverbund).
    GroupId, "g"
);
id_type!(
    /// A customer: person, company or public body.
    CustomerId, "c"
);
id_type!(
    /// A contact person at a customer.
    PersonId, "p"
);
id_type!(
    /// A colleague or department of the bank.
    ColleagueId, "k"
);

id_type!(
    /// One casting (qualified ABCD analysis) of a group.
    CastingId, "a"
);
id_type!(
    /// One recorded contact (the Ist).
    ContactId, "t"
);
id_type!(
    /// A planned contact: an agreed follow-up, a call back, an appointment.
    PlannedId, "f"
);
id_type!(
    /// One call party: the list phoned in one session.
    PartyId, "r"
);
id_type!(
    /// A stable key of a casting criterion or option: castings refer to it, labels may change.
    Key, "o"
);

impl Key {
    /// A key written in the source (built-in defaults), known to be valid.
    pub(crate) fn known(raw: &str) -> Self {
        debug_assert!(check(raw).is_ok(), "{raw}");
        Self(raw.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_prefixed() {
        for n in [0, 1, 35, 36, u64::MAX] {
            let id = GroupId::generate(n);
            assert!(id.as_str().starts_with("g-"));
            assert_eq!(id.as_str().parse::<GroupId>(), Ok(id.clone()));
        }
        assert_eq!(CustomerId::generate(36).as_str(), "c-10");
    }

    #[test]
    fn rejects_empty_long_and_odd_characters() {
        assert!("".parse::<GroupId>().is_err());
        assert!("a b".parse::<GroupId>().is_err());
        assert!("<script>".parse::<GroupId>().is_err());
        assert!("x".repeat(65).parse::<GroupId>().is_err());
        assert!("x".repeat(64).parse::<GroupId>().is_ok());
    }

    #[test]
    fn serde_checks_ids() {
        let ok: Result<PersonId, _> = serde_json::from_str("\"p-1\"");
        assert!(ok.is_ok());
        let bad: Result<PersonId, _> = serde_json::from_str("\"p 1\"");
        assert!(bad.is_err());
    }
}
