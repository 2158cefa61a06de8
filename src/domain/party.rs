//! A call party: a list of groups phoned in one session, with what each call brought.

use super::ids::{ColleagueId, GroupId, PartyId, PersonId};
use super::model::Timestamp;
use super::vocab::ContactOutcome;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One line of a call list: whom to phone for which group, and how it went so far.
/// References are a work list's, not history's: a group deleted since is skipped on screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub group: GroupId,
    pub person: PersonId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisor: Option<ColleagueId>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attempts: u16,
    /// The last call's outcome; `NotReached` keeps the line open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ContactOutcome>,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

impl Call {
    /// Still to be phoned: never tried, or not reached yet.
    pub fn is_open(&self) -> bool {
        matches!(self.outcome, None | Some(ContactOutcome::NotReached))
    }

    pub fn reached(&self) -> bool {
        !self.is_open()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: PartyId,
    #[serde(with = "super::time_format::date")]
    pub date: NaiveDate,
    pub calls: Vec<Call>,
    /// Ended by the user; the summary stays.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
    #[serde(with = "super::time_format::timestamp")]
    pub updated_at: Timestamp,
}
