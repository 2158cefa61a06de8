//! A call party: a list of groups phoned in one session, with what each call brought.

use crate::domain::book::{Book, Problem, RecordKind};
use crate::domain::contact::reminder::{GroupFacts, Reason};
use crate::domain::contact::{add_months, check_follow_up, Contact, ContactProblem, Planned};
use crate::domain::ids::{ColleagueId, ContactId, GroupId, PartyId, PersonId, PlannedId};
use crate::domain::model::{ContactPerson, Customer, Group, Timestamp};
use crate::domain::sort;
use crate::domain::vocab::{CallOutcome, Channel, ConsentState, ContactOutcome, Direction, Format};
use chrono::{NaiveDate, NaiveDateTime};
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
    pub outcome: Option<CallOutcome>,
    /// A short note taken during the call; it goes into the recorded contact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The contact the last call recorded: a correction edits it instead of adding one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactId>,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

impl Call {
    /// Still to be phoned: never tried, or not reached yet.
    pub fn is_open(&self) -> bool {
        matches!(self.outcome, None | Some(CallOutcome::NotReached))
    }

    pub fn reached(&self) -> bool {
        !self.is_open()
    }

    /// A reached call whose outcome may be corrected. A withdrawn consent is not: what the
    /// person allowed before is not known here, so it is changed at the person.
    pub fn correctable(&self) -> bool {
        self.reached()
            && self.contact.is_some()
            && self.outcome != Some(CallOutcome::ConsentWithdrawn)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: PartyId,
    #[serde(with = "crate::domain::time_format::date")]
    pub date: NaiveDate,
    pub calls: Vec<Call>,
    /// Ended by the user; the summary stays.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
    #[serde(with = "crate::domain::time_format::timestamp")]
    pub updated_at: Timestamp,
}

/// The party being phoned: the newest one not ended.
pub fn running(book: &Book) -> Option<&Party> {
    newest(book, false)
}

/// The newest ended party, whose summary stays on show.
pub fn last_ended(book: &Book) -> Option<&Party> {
    newest(book, true)
}

fn newest(book: &Book, ended: bool) -> Option<&Party> {
    book.parties()
        .values()
        .filter(|p| p.ended == ended)
        .max_by_key(|p| (p.date, p.updated_at))
}

/// What a call brought, as tapped during the call party.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallResult {
    /// Reached and talked, without an appointment or a refusal.
    Talked,
    /// An appointment on this day: a planned contact.
    Appointment(NaiveDate),
    /// The customer asked to be called again on this day: a planned call.
    CallBack(NaiveDate),
    NotReached,
    /// No interest: no outreach for the configured months.
    NoInterest,
    /// The contact person withdrew the consent to phone calls.
    ConsentWithdrawn,
}

impl CallResult {
    /// Keeps the customer from being contacted (for a while, or by phone at all): asked for
    /// before it is recorded, and offered for undoing after.
    pub fn blocks(self) -> bool {
        matches!(self, CallResult::NoInterest | CallResult::ConsentWithdrawn)
    }

    /// The line's outcome on the list.
    pub fn outcome(self) -> CallOutcome {
        match self {
            CallResult::Talked => CallOutcome::Talked,
            CallResult::Appointment(_) => CallOutcome::Appointment,
            CallResult::CallBack(_) => CallOutcome::CallBack,
            CallResult::NotReached => CallOutcome::NotReached,
            CallResult::NoInterest => CallOutcome::NoInterest,
            CallResult::ConsentWithdrawn => CallOutcome::ConsentWithdrawn,
        }
    }

    /// The recorded contact's outcome: none for a plain talk (reached, nothing agreed).
    fn contact_outcome(self) -> Option<ContactOutcome> {
        match self {
            CallResult::Talked => None,
            CallResult::Appointment(_) => Some(ContactOutcome::Appointment),
            CallResult::CallBack(_) => Some(ContactOutcome::CallBack),
            CallResult::NotReached => Some(ContactOutcome::NotReached),
            CallResult::NoInterest => Some(ContactOutcome::NoInterest),
            CallResult::ConsentWithdrawn => Some(ContactOutcome::ConsentWithdrawn),
        }
    }
}

/// Whether a person may be phoned today: a phone number, consent given by the person, not
/// refused by the customer, and no block running.
pub fn may_phone(person: &ContactPerson, customer: &Customer, today: NaiveDate) -> bool {
    person.phone.is_some()
        && person.consent.state == ConsentState::Yes
        && customer.consent.state != ConsentState::No
        && customer.blocked_until(today).is_none()
}

/// Everyone at a group who may be phoned today (see [`may_phone`]), the lead customer's people
/// first: the reminder's call buttons, and the call list's pick.
pub fn phoneable<'a>(book: &'a Book, group: &Group, today: NaiveDate) -> Vec<&'a ContactPerson> {
    let mut members: Vec<&Customer> = book.members(&group.id).collect();
    sort::sort_by_key(&mut members, |c| group.lead.as_ref() != Some(&c.id));
    members
        .into_iter()
        .flat_map(|c| {
            book.persons_of(&c.id)
                .filter(move |p| may_phone(p, c, today))
        })
        .collect()
}

/// The call list: per advisor up to `per_advisor` groups that are due (an agreed contact or
/// the class frequency has come) or inactive (never cast and no reached contact for a year),
/// with someone who may be phoned. D groups only when a contact was agreed. Attractive
/// classes first, then the longest without contact.
pub fn call_list(book: &Book, today: NaiveDate, per_advisor: usize) -> Vec<Call> {
    /// Sort key first: advisor, class rank, last contact (never first); then what to call.
    type Candidate<'a> = (
        Option<ColleagueId>,
        u8,
        Option<NaiveDate>,
        &'a Group,
        PersonId,
    );
    let mut candidates: Vec<Candidate> = Vec::new();
    for group in book.groups().values() {
        let facts = GroupFacts::of(book, group, today);
        if facts.blocked_until.is_some() {
            continue;
        }
        let reasons = facts.reasons(today, 0);
        let due = reasons
            .iter()
            .any(|r| matches!(r, Reason::FollowUp { .. } | Reason::Frequency { .. }));
        let last = facts.last_contact(today);
        let inactive = facts.class.is_none() && last.is_none_or(|l| add_months(l, 12) <= today);
        if !(due || inactive) {
            continue;
        }
        let Some(person) = phoneable(book, group, today).into_iter().next() else {
            continue;
        };
        let rank = facts.class.map_or(4, |(c, _)| c as u8);
        candidates.push((group.advisor.clone(), rank, last, group, person.id.clone()));
    }
    sort::sort_by(&mut candidates, |a, b| {
        (&a.0, a.1, a.2, &a.3.name, &a.3.id).cmp(&(&b.0, b.1, b.2, &b.3.name, &b.3.id))
    });
    let mut out: Vec<Call> = Vec::new();
    for (advisor, _, _, group, person) in candidates {
        if out.iter().filter(|c| c.advisor == advisor).count() < per_advisor {
            out.push(Call {
                group: group.id.clone(),
                person,
                advisor,
                attempts: 0,
                outcome: None,
                note: String::new(),
                contact: None,
            });
        }
    }
    out
}

/// Ids the shell generates for what a call records.
pub struct CallIds {
    pub contact: ContactId,
    pub planned: PlannedId,
}

/// What was tapped and typed for one call.
pub struct Entry {
    pub result: CallResult,
    pub note: String,
    pub at: NaiveDateTime,
    /// Who phoned (the advisor using the app).
    pub by: Option<ColleagueId>,
}

/// Records one call of a party: a contact (call-party call by phone, outbound, with the
/// person, `by` and the note), and by the result a planned contact, a block on the customer,
/// or the consent withdrawn (see [`Book::record_contact`]). On an open line the call counts
/// one more attempt; on a reached line it corrects the last call: its contact is edited
/// (keeping when and by whom), a follow-up no longer agreed goes, and a block that call set
/// is lifted when the correction is no refusal.
pub fn record_call(
    book: &mut Book,
    party: &PartyId,
    index: usize,
    entry: Entry,
    ids: CallIds,
    now: Timestamp,
) -> Result<(), Problem> {
    let missing = |kind, id: &dyn ToString| Problem::UnknownRecord {
        kind,
        id: id.to_string(),
    };
    let mut p = book
        .parties()
        .get(party)
        .cloned()
        .ok_or_else(|| missing(RecordKind::Party, party))?;
    let call = p
        .calls
        .get_mut(index)
        .ok_or_else(|| missing(RecordKind::Party, party))?;
    let person = book
        .persons()
        .get(&call.person)
        .cloned()
        .ok_or_else(|| missing(RecordKind::Person, &call.person))?;
    if call.reached() && !call.correctable() {
        return Err(Problem::Contact(ContactProblem::ConsentWithdrawnStays));
    }
    let earlier = match (call.reached(), &call.contact) {
        (true, Some(id)) => book.contacts().get(id).cloned(),
        _ => None,
    };
    let Entry {
        result,
        note,
        at,
        by,
    } = entry;
    let (id, at, bank) = match &earlier {
        Some(c) => (c.id.clone(), c.at, c.bank.clone()),
        None => (ids.contact, at, by.clone().into_iter().collect()),
    };
    let follow_up = match result {
        CallResult::Appointment(date) | CallResult::CallBack(date) => {
            check_follow_up(at, date).map_err(Problem::Contact)?;
            let format = match result {
                CallResult::CallBack(_) => Format::CallPartyCall,
                _ => Format::AdvisoryTalk,
            };
            Some(Planned {
                id: ids.planned,
                group: call.group.clone(),
                date,
                time: None,
                format,
                who: call.advisor.clone().or(by),
                note: String::new(),
                agreed_in: None,
                done: None,
                updated_at: now,
            })
        }
        _ => None,
    };
    let contact = Contact {
        id: id.clone(),
        group: call.group.clone(),
        at,
        channel: Channel::Phone,
        format: Format::CallPartyCall,
        direction: Direction::Outbound,
        bank,
        people: vec![person.id.clone()],
        topics: Vec::new(),
        outcome: result.contact_outcome(),
        notes: note.trim().to_owned(),
        updated_at: now,
    };
    if earlier.is_none() {
        call.attempts = call.attempts.saturating_add(1);
    }
    call.outcome = Some(result.outcome());
    call.note = contact.notes.clone();
    call.contact = Some(id);
    p.updated_at = now;
    // The outcome's consequences (block, consent) come with the contact.
    book.record_contact(contact, follow_up, None, now)?;
    if let Some(before) = earlier.filter(|c| c.outcome == Some(ContactOutcome::NoInterest)) {
        if result != CallResult::NoInterest {
            book.lift_block_of(&before, now);
        }
    }
    book.upsert_party(p);
    Ok(())
}

/// Calls, reached and appointments of one advisor (or of the whole party).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub calls: u32,
    pub reached: u32,
    pub appointments: u32,
}

impl Tally {
    fn add(&mut self, call: &Call) {
        self.calls += u32::from(call.attempts);
        self.reached += u32::from(call.reached());
        self.appointments += u32::from(call.outcome == Some(CallOutcome::Appointment));
    }
}

/// The party's summary: per advisor in order of first appearance, and the total.
pub fn summary(party: &Party) -> (Vec<(Option<ColleagueId>, Tally)>, Tally) {
    let mut per: Vec<(Option<ColleagueId>, Tally)> = Vec::new();
    let mut total = Tally::default();
    for call in &party.calls {
        let i = match per.iter().position(|(a, _)| *a == call.advisor) {
            Some(i) => i,
            None => {
                per.push((call.advisor.clone(), Tally::default()));
                per.len() - 1
            }
        };
        per[i].1.add(call);
        total.add(call);
    }
    (per, total)
}
