//! Closed vocabularies of the customer book. Their German labels live in `texts`.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// A stable key for form controls (the variant name; serde uses snake_case).
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

vocabulary!(
    /// Sales segment of the bank; each gets its own casting scheme later.
    Segment { Private, PrivateBanking, Business, Corporate, Municipal }
);

vocabulary!(
    /// What kind of customer this is.
    CustomerKind { Person, Company, PublicBody }
);

vocabulary!(
    /// Whether phone and e-mail outreach is allowed (Werbeeinwilligung).
    ConsentState { Yes, No, Unknown }
);

vocabulary!(
    /// Occasions that trigger a contact.
    OccasionKind { Maturity, Birthday, LifePhase, Anniversary, Other }
);

vocabulary!(
    /// How important a key account is to the bank: Major, Key or Target Account.
    AccountTier { Major, Key, Target }
);

vocabulary!(
    /// A bank person's part in serving a key account: a row of its contact plan.
    BankRole { Board, KeyAccountManager, ProductManager, Specialist, BackOffice }
);

vocabulary!(
    /// A contact person's attitude to the bank; unknown is no value.
    Attitude { Supporter, Neutral, Critic }
);

vocabulary!(
    /// Role of a contact person in the buying center.
    BuyingRole { Decider, Buyer, Influencer, User, Gatekeeper, Initiator }
);

vocabulary!(
    /// Dominant buying motive (Motive Map: security, excitement, autonomy, status).
    BuyingMotive { Security, Excitement, Autonomy, Status }
);

vocabulary!(
    /// Casting class: A is the most attractive. Ordered best first.
    Class { A, B, C, D }
);

vocabulary!(
    /// Contact format (Gesprächsformat); costly ones are kept for attractive classes.
    Format { StrategyTalk, AnnualTalk, RatingTalk, AdvisoryTalk, ServiceContact, CustomerEvent, CallPartyCall }
);

vocabulary!(
    /// A specialist department that co-serves a group (Co-Betreuung).
    Department { PrivateBanking, Succession, RealEstate, Insurance, Securities, Leasing, Subsidies, ForeignTrade, Treasury }
);

vocabulary!(
    /// Where or how a contact took place.
    Channel { AtCustomer, AtBranch, Phone, Video, Email, Chat, Letter, SocialMedia, Event }
);

vocabulary!(
    /// Who started the contact: the bank (active) or the customer (reactive).
    Direction { Outbound, Inbound }
);

vocabulary!(
    /// What a contact led to.
    ContactOutcome { Appointment, Deal, Offer, NoInterest, NotReached, CallBack, ConsentWithdrawn }
);

vocabulary!(
    /// How a call of a call party went, as its line on the list shows it. Shares its stored
    /// names with [`ContactOutcome`]; `Talked` is a reached call without any of those.
    CallOutcome { Talked, Appointment, CallBack, NotReached, NoInterest, ConsentWithdrawn }
);

/// Quick topics offered as chips when a contact is recorded; free text adds any other.
pub const TOPICS: &[&str] = &[
    "Finanzierung",
    "Geldanlage",
    "Altersvorsorge",
    "Nachfolge",
    "Zahlungsverkehr",
    "Versicherung",
    "Immobilie",
    "Förderkredit",
];

/// Topics typed as free text: separated by commas or semicolons, trimmed, empty ones left out.
pub fn typed_topics(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The quick topic a typed one names, whatever the case.
fn offered(topic: &str) -> Option<&'static str> {
    TOPICS
        .iter()
        .find(|t| t.eq_ignore_ascii_case(topic))
        .copied()
}

/// A typed topic spelt as the quick topic it names (whatever the case), else as typed.
pub fn as_offered(topic: &str) -> &str {
    offered(topic).unwrap_or(topic)
}

/// Typed topics split into the quick topics they name (spelt as offered, whatever the case)
/// and the others.
pub fn sort_topics(text: &str) -> (Vec<&'static str>, Vec<&str>) {
    let mut known = Vec::new();
    let mut others = Vec::new();
    for topic in typed_topics(text) {
        match offered(topic) {
            Some(t) => known.push(t),
            None => others.push(topic),
        }
    }
    (known, others)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_quick_topics_are_told_from_the_others() {
        assert_eq!(
            sort_topics(" geldanlage, Baufinanzierung Halle;; NACHFOLGE ,"),
            (
                vec!["Geldanlage", "Nachfolge"],
                vec!["Baufinanzierung Halle"]
            )
        );
        assert_eq!(typed_topics(" , ;").count(), 0);
    }

    #[test]
    fn keys_and_serde_round_trip() {
        for s in Segment::ALL {
            assert_eq!(Segment::from_key(s.key()), Some(*s));
            let json = serde_json::to_string(s).unwrap();
            let back: Segment = serde_json::from_str(&json).unwrap();
            assert_eq!(back, *s);
        }
        assert_eq!(
            serde_json::to_string(&Segment::PrivateBanking).unwrap(),
            "\"private_banking\""
        );
    }
}
