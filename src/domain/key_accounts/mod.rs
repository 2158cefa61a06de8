//! Key account management for the bank's most important customers: which groups are Major,
//! Key or Target Accounts, who on the bank's side serves them in which role, and the buying
//! center on the customer's side (who decides, how they see the bank, what they gain).

use super::book::Book;
use super::ids::{ColleagueId, GroupId};
use super::model::{ContactPerson, Group};
use super::sort::sort_by_key;
use super::text::fold;
use super::vocab::{AccountTier, Attitude, BankRole};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A group's key-account facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAccount {
    pub tier: AccountTier,
    /// The responsible key account manager and the deputy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<ColleagueId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<ColleagueId>,
    /// The bank's people who serve the account, each in a role (the contact plan's rows).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<TeamMember>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub colleague: ColleagueId,
    pub role: BankRole,
}

impl KeyAccount {
    /// Every colleague the account names: manager, deputy, team.
    pub fn colleagues(&self) -> impl Iterator<Item = &ColleagueId> {
        self.manager
            .iter()
            .chain(&self.deputy)
            .chain(self.team.iter().map(|m| &m.colleague))
    }

    /// Drops a colleague who left the book; true when the account named them.
    pub fn forget(&mut self, who: &ColleagueId) -> bool {
        let before = self.clone();
        if self.manager.as_ref() == Some(who) {
            self.manager = None;
        }
        if self.deputy.as_ref() == Some(who) {
            self.deputy = None;
        }
        self.team.retain(|m| &m.colleague != who);
        *self != before
    }
}

/// One line of the key-account list.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub group: &'a Group,
    pub account: &'a KeyAccount,
    /// Contact persons in the buying center, and how many of them support or criticise the bank.
    pub persons: usize,
    pub supporters: usize,
    pub critics: usize,
    /// Contacts that count towards a target (as in target-vs-actual) in the calendar year of
    /// `today`, and the last one's day.
    pub contacts_this_year: usize,
    pub last_contact: Option<NaiveDate>,
}

/// The key accounts of the book, Major first, then Key, then Target, each by name.
pub fn list(book: &Book, today: NaiveDate) -> Vec<Row<'_>> {
    let counted = &book.settings().monitoring;
    let mut rows: Vec<Row> = book
        .groups()
        .values()
        .filter_map(|group| {
            let account = group.key_account.as_ref()?;
            let people: Vec<&ContactPerson> = book.group_persons(&group.id).collect();
            let count = |a: Attitude| people.iter().filter(|p| p.attitude == Some(a)).count();
            let reached: Vec<NaiveDate> = book
                .contacts_of(&group.id)
                .into_iter()
                .filter(|c| counted.counts(c) && c.date() <= today)
                .map(|c| c.date())
                .collect();
            Some(Row {
                group,
                account,
                persons: people.len(),
                supporters: count(Attitude::Supporter),
                critics: count(Attitude::Critic),
                contacts_this_year: reached.iter().filter(|d| d.year() == today.year()).count(),
                last_contact: reached.iter().max().copied(),
            })
        })
        .collect();
    sort_by_key(&mut rows, |r| {
        (
            r.account.tier,
            fold(r.group.name.as_str()),
            r.group.id.clone(),
        )
    });
    rows
}

/// The buying center of a group: its contact persons by influence, highest first (unknown
/// influence last), then by name.
pub fn buying_center<'a>(book: &'a Book, group: &GroupId) -> Vec<&'a ContactPerson> {
    let mut people: Vec<&ContactPerson> = book.group_persons(group).collect();
    sort_by_key(&mut people, |p| {
        (
            std::cmp::Reverse(p.influence.map(|i| i.get())),
            fold(p.name.as_str()),
            p.id.clone(),
        )
    });
    people
}
