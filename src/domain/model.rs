//! The records of a customer book. Membership is stored once (customer -> group, person ->
//! customer); everything else is derived.

use super::casting::scheme::CastingSettings;
use super::contact::ContactSettings;
use super::ids::{ColleagueId, CustomerId, GroupId, PersonId};
use super::key_accounts::KeyAccount;
use super::reports::monitoring::MonitoringSettings;
use super::text::{Email, Influence, Name, Phone};
use super::vocab::{
    Attitude, BuyingMotive, BuyingRole, ConsentState, CustomerKind, Department, OccasionKind,
    Segment,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub type Timestamp = DateTime<Utc>;

/// A customer group (Kundenverbund): everyone served through more or less the same contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    pub name: Name,
    pub segment: Segment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisor: Option<ColleagueId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<CustomerId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Set when the group is one of the bank's key accounts (since schema 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_account: Option<KeyAccount>,
    #[serde(with = "super::time_format::timestamp")]
    pub created_at: Timestamp,
    #[serde(with = "super::time_format::timestamp")]
    pub updated_at: Timestamp,
}

impl Group {
    /// Whether the group is in `advisor`'s book; `None` stands for every advisor.
    pub fn is_advised_by(&self, advisor: Option<&ColleagueId>) -> bool {
        advisor.is_none_or(|a| self.advisor.as_ref() == Some(a))
    }
}

/// Consent to outreach by phone and e-mail, and since when it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub state: ConsentState,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::time_format::opt_date"
    )]
    pub since: Option<NaiveDate>,
}

impl Default for Consent {
    fn default() -> Self {
        Self {
            state: ConsentState::Unknown,
            since: None,
        }
    }
}

impl Consent {
    fn is_unknown(&self) -> bool {
        *self == Self::default()
    }
}

/// A dated reason to get in touch: a maturity, a birthday, a change of life phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occasion {
    pub kind: OccasionKind,
    #[serde(with = "super::time_format::date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub group: GroupId,
    pub kind: CustomerKind,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Postal address (since schema 5): street and house number, postcode and town, each as
    /// the advisor typed it; a customer abroad has a postcode of another shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// The customer's own line and address (since schema 5), beside their contact persons':
    /// a company's switchboard, a household's landline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    pub segment: Segment,
    #[serde(default, skip_serializing_if = "Consent::is_unknown")]
    pub consent: Consent,
    /// Set after a customer declined an offer: no outreach before this day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::time_format::opt_date"
    )]
    pub no_contact_until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occasions: Vec<Occasion>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(with = "super::time_format::timestamp")]
    pub updated_at: Timestamp,
}

impl Customer {
    /// The day until which outreach is blocked (the customer declined), if that is after `today`.
    pub fn blocked_until(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.no_contact_until.filter(|until| *until > today)
    }
}

/// A contact person (Ansprechpartner) at a customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactPerson {
    pub id: PersonId,
    pub customer: CustomerId,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<Influence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buying_role: Option<BuyingRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motive: Option<BuyingMotive>,
    /// The buying center's view of the bank (since schema 6): attitude, what matters to the
    /// person, and the personal benefit the bank offers them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub matters: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub benefit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "Consent::is_unknown")]
    pub consent: Consent,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(with = "super::time_format::timestamp")]
    pub updated_at: Timestamp,
}

/// A colleague or department of the bank; the advisor's own profile is one of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Colleague {
    pub id: ColleagueId,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The co-serving department this colleague stands for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serves: Option<Department>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(with = "super::time_format::timestamp")]
    pub updated_at: Timestamp,
}

/// Book-wide settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The colleague record that is the advisor using this device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub me: Option<ColleagueId>,
    /// Casting schemes, market time and department rules; absent means the built-in ones.
    #[serde(default)]
    pub casting: CastingSettings,
    /// Reminder window, "no interest" block, call list size.
    #[serde(default)]
    pub contact: ContactSettings,
    /// What counts towards a target and where under- and over-served begin.
    #[serde(default)]
    pub monitoring: MonitoringSettings,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CustomerId, GroupId};
    use crate::domain::vocab::{CustomerKind, Segment};

    #[test]
    fn a_group_is_in_its_advisors_book_and_in_everyones() {
        let (anna, ben): (ColleagueId, ColleagueId) =
            ("k-1".parse().unwrap(), "k-2".parse().unwrap());
        let group = Group {
            id: "g-1".parse().unwrap(),
            name: Name::parse("Familie Weber").unwrap(),
            segment: Segment::Private,
            advisor: Some(anna.clone()),
            lead: None,
            notes: String::new(),
            key_account: None,
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
        };
        assert!(group.is_advised_by(Some(&anna)));
        assert!(!group.is_advised_by(Some(&ben)));
        assert!(group.is_advised_by(None));
        let nobodys = Group {
            advisor: None,
            ..group
        };
        assert!(!nobodys.is_advised_by(Some(&anna)));
        assert!(nobodys.is_advised_by(None));
    }

    fn customer(until: Option<NaiveDate>) -> Customer {
        Customer {
            id: CustomerId::generate(1),
            group: GroupId::generate(1),
            kind: CustomerKind::Person,
            name: Name::parse("Anna Weber").unwrap(),
            number: None,
            street: None,
            postcode: None,
            town: None,
            phone: None,
            email: None,
            segment: Segment::Private,
            consent: Consent::default(),
            no_contact_until: until,
            occasions: Vec::new(),
            notes: String::new(),
            updated_at: Timestamp::default(),
        }
    }

    #[test]
    fn blocked_until_the_day_itself() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let c = customer(Some(day(22)));
        assert_eq!(c.blocked_until(day(21)), Some(day(22)));
        assert_eq!(
            c.blocked_until(day(22)),
            None,
            "on the day itself contact is allowed again"
        );
        assert_eq!(customer(None).blocked_until(day(1)), None);
    }
}
