//! Likely duplicates after imports and hand-overs: customers with the same customer number,
//! the same name and birthday, or an e-mail or phone in common (their own or a contact
//! person's); contact persons of one customer with the same name, e-mail or phone. Two records are merged into
//! one, the surviving record's fields chosen one by one, and everything attached follows.

use crate::domain::book::{Book, Problem, RecordKind};
use crate::domain::ids::{CustomerId, PersonId};
use crate::domain::model::{ContactPerson, Customer, Timestamp};
use crate::domain::records::{field_differences, fields, Diff, Record};
use crate::domain::text::{fold, Email, Phone};
use crate::domain::vocab::OccasionKind;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Why two records look like one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    Number,
    NameAndBirthday,
    Name,
    Email,
    Phone,
}

/// Two records that look like one; `a`'s id sorts first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair<Id> {
    pub a: Id,
    pub b: Id,
    pub why: Why,
}

/// A value shared by more records than this (a switchboard number) says nothing.
const MAX_SHARING: usize = 6;

/// The pairs within each group of records sharing a key, first reason kept.
fn pairs<Id: Ord + Clone>(
    keyed: impl Iterator<Item = (String, Id)>,
    why: Why,
    found: &mut BTreeMap<(Id, Id), Why>,
) {
    let mut buckets: BTreeMap<String, BTreeSet<Id>> = BTreeMap::new();
    for (key, id) in keyed.filter(|(k, _)| !k.is_empty()) {
        buckets.entry(key).or_default().insert(id);
    }
    for ids in buckets
        .values()
        .filter(|ids| (2..=MAX_SHARING).contains(&ids.len()))
    {
        let ids: Vec<&Id> = ids.iter().collect();
        for (n, a) in ids.iter().enumerate() {
            for b in &ids[n + 1..] {
                found.entry(((*a).clone(), (*b).clone())).or_insert(why);
            }
        }
    }
}

fn into_pairs<Id>(found: BTreeMap<(Id, Id), Why>) -> Vec<Pair<Id>> {
    found
        .into_iter()
        .map(|((a, b), why)| Pair { a, b, why })
        .collect()
}

/// An e-mail address or phone number as compared: case and punctuation do not count.
fn reach_keys(email: Option<&Email>, phone: Option<&Phone>) -> (String, String) {
    let email = email.map_or(String::new(), |e| e.as_str().to_ascii_lowercase());
    let phone: String = phone.map_or(String::new(), |p| {
        p.as_str().chars().filter(char::is_ascii_digit).collect()
    });
    (email, phone)
}

fn person_keys(p: &ContactPerson) -> (String, String) {
    reach_keys(p.email.as_ref(), p.phone.as_ref())
}

fn birthday(c: &Customer) -> Option<chrono::NaiveDate> {
    c.occasions
        .iter()
        .find(|o| o.kind == OccasionKind::Birthday)
        .map(|o| o.date)
}

/// Customers that look like one.
pub fn customers(book: &Book) -> Vec<Pair<CustomerId>> {
    let mut found = BTreeMap::new();
    let all = || book.customers().values();
    pairs(
        all().map(|c| {
            (
                c.number.as_deref().unwrap_or("").trim().to_owned(),
                c.id.clone(),
            )
        }),
        Why::Number,
        &mut found,
    );
    pairs(
        all().filter_map(|c| {
            Some((
                format!("{}|{}", fold(c.name.as_str()), birthday(c)?),
                c.id.clone(),
            ))
        }),
        Why::NameAndBirthday,
        &mut found,
    );
    // A customer's own e-mail and phone and those of their contact persons, by customer: one
    // customer giving the same address twice (a private customer and their own person) is
    // one id in the bucket, not a pair.
    let reach = || {
        let own = all().map(|c| (reach_keys(c.email.as_ref(), c.phone.as_ref()), &c.id));
        let persons = book
            .persons()
            .values()
            .map(|p| (person_keys(p), &p.customer));
        own.chain(persons)
    };
    pairs(
        reach().map(|((email, _), id)| (email, id.clone())),
        Why::Email,
        &mut found,
    );
    pairs(
        reach().map(|((_, phone), id)| (phone, id.clone())),
        Why::Phone,
        &mut found,
    );
    into_pairs(found)
}

/// Contact persons of one customer that look like one.
pub fn persons(book: &Book) -> Vec<Pair<PersonId>> {
    let mut found = BTreeMap::new();
    let all = || book.persons().values();
    let within = |p: &ContactPerson, key: String| {
        let key = if key.is_empty() {
            key
        } else {
            format!("{}|{key}", p.customer)
        };
        (key, p.id.clone())
    };
    pairs(
        all().map(|p| within(p, fold(p.name.as_str()))),
        Why::Name,
        &mut found,
    );
    pairs(
        all().map(|p| within(p, person_keys(p).0)),
        Why::Email,
        &mut found,
    );
    pairs(
        all().map(|p| within(p, person_keys(p).1)),
        Why::Phone,
        &mut found,
    );
    into_pairs(found)
}

/// The fields in which two records differ (never the id, the time stamp or the `fixed`
/// fields that place them), with both values; the survivor keeps `a`'s unless chosen.
pub fn differences<T: Serialize>(a: &T, b: &T, fixed: &[&str]) -> Diff {
    let mut out = field_differences(a, b);
    out.retain(|(k, ..)| !fixed.contains(&k.as_str()));
    out
}

/// The fields a merge takes from the second record unless the advisor says otherwise: those
/// only it has, a withdrawn consent and the later do-not-contact day (the stricter wins).
pub fn preset(diff: &Diff) -> BTreeSet<String> {
    diff.iter()
        .filter(|(field, a, b)| match field.as_str() {
            "consent" => {
                let state = |v: &Option<Value>| {
                    v.as_ref()
                        .and_then(|v| v.get("state"))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                };
                state(b).as_deref() == Some("no") && state(a).as_deref() != Some("no")
            }
            // ISO days compare as text; `None` sorts first.
            "no_contact_until" => {
                b.as_ref().and_then(Value::as_str) > a.as_ref().and_then(Value::as_str)
            }
            _ => a.is_none() && b.is_some(),
        })
        .map(|(field, ..)| field.clone())
        .collect()
}

/// `keep` with the fields named in `take` as `other` has them.
fn combine<T: Serialize + DeserializeOwned>(
    keep: &T,
    other: &T,
    take: &BTreeSet<String>,
) -> Option<T> {
    let mut merged = fields(keep);
    let other = fields(other);
    for field in take {
        match other.get(field) {
            Some(value) => merged.insert(field.clone(), value.clone()),
            None => merged.remove(field),
        };
    }
    let text = serde_json::to_string(&Value::Object(merged)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Fields of a customer that belong to its place, not its identity.
pub const CUSTOMER_FIXED: &[&str] = &["group", "occasions"];
/// Fields of a contact person that belong to its place.
pub const PERSON_FIXED: &[&str] = &["customer"];

/// What follows a merged customer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Followed {
    pub persons: usize,
    /// Contacts, castings and planned contacts of the other group, which had no one else.
    pub contacts: usize,
    pub castings: usize,
    pub planned: usize,
    pub group_removed: bool,
    /// The other group keeps its other members: its past contacts and calls still name the
    /// persons that moved, as history.
    pub history_stays: bool,
}

/// Both records and the survivor (`keep` with the fields of `take` from `gone`); `None` when
/// they are one.
fn both<R: Record + Serialize + DeserializeOwned>(
    records: &BTreeMap<R::Id, R>,
    keep: &R::Id,
    gone: &R::Id,
    take: &BTreeSet<String>,
    fixed: &[&str],
) -> Result<Option<(R, R, R)>, Problem> {
    let missing = |id: &R::Id| Problem::UnknownRecord {
        kind: R::KIND,
        id: id.to_string(),
    };
    let a = records.get(keep).ok_or_else(|| missing(keep))?;
    let b = records.get(gone).ok_or_else(|| missing(gone))?;
    if keep == gone {
        return Ok(None);
    }
    let take: BTreeSet<String> = take
        .iter()
        .filter(|f| !fixed.contains(&f.as_str()) && *f != "id" && *f != "updated_at")
        .cloned()
        .collect();
    let merged = combine(a, b, &take).ok_or_else(|| missing(keep))?;
    Ok(Some((a.clone(), b.clone(), merged)))
}

/// Merges customer `gone` into `keep`: the fields named in `take` from `gone`, the occasions
/// of both, `gone`'s contact persons; if `gone` was alone in another group, that group's
/// castings, contacts and planned contacts follow and the group goes.
pub fn merge_customers(
    book: &mut Book,
    keep: &CustomerId,
    gone: &CustomerId,
    take: &BTreeSet<String>,
    now: Timestamp,
) -> Result<Followed, Problem> {
    let Some((a, b, mut merged)) = both(book.customers(), keep, gone, take, CUSTOMER_FIXED)? else {
        return Ok(Followed::default());
    };
    for o in &b.occasions {
        if !merged.occasions.contains(o) {
            merged.occasions.push(o.clone());
        }
    }
    merged.updated_at = now;
    let mut followed = Followed::default();
    let moving: Vec<ContactPerson> = book.persons_of(gone).cloned().collect();
    for mut p in moving {
        p.customer = keep.clone();
        p.updated_at = now;
        book.upsert_person(p)?;
        followed.persons += 1;
    }
    followed.history_stays = b.group != a.group && book.member_count(&b.group) > 1;
    if b.group != a.group && book.member_count(&b.group) == 1 {
        let moving = book.removal_of_group(&b.group);
        followed.contacts = moving.contacts;
        followed.castings = moving.castings;
        followed.planned = moving.planned;
        followed.group_removed = true;
        book.fold_group_into(&b.group, &a.group, now)?;
    }
    // A group led by the one that goes is led by the one that stays, if it is a member.
    let led = book
        .groups()
        .get(&a.group)
        .filter(|g| g.lead.as_ref() == Some(gone))
        .cloned();
    book.delete_customer(gone, now);
    book.upsert_customer(merged, now)?;
    if let Some(mut group) = led {
        group.lead = Some(keep.clone());
        group.updated_at = now;
        book.upsert_group(group)?;
    }
    Ok(followed)
}

/// Merges contact person `gone` into `keep` (both of one customer): the fields named in
/// `take` from `gone`; contacts and calls name `keep` instead. Says how many contacts changed.
pub fn merge_persons(
    book: &mut Book,
    keep: &PersonId,
    gone: &PersonId,
    take: &BTreeSet<String>,
    now: Timestamp,
) -> Result<usize, Problem> {
    let Some((a, b, mut merged)) = both(book.persons(), keep, gone, take, PERSON_FIXED)? else {
        return Ok(0);
    };
    if a.customer != b.customer {
        return Err(Problem::UnknownRecord {
            kind: RecordKind::Person,
            id: gone.to_string(),
        });
    }
    merged.updated_at = now;
    let (contacts, _) = book.reassign_person(gone, Some(keep), now);
    book.delete_person(gone);
    book.upsert_person(merged)?;
    Ok(contacts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{generate, SampleSize};

    fn at(minutes: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z")
            .unwrap()
            .to_utc()
            + chrono::Duration::minutes(minutes)
    }

    fn sample() -> Book {
        generate(SampleSize::ADVISOR, 7, at(0))
    }

    #[test]
    fn the_sample_has_no_duplicates() {
        let book = sample();
        assert_eq!(customers(&book), vec![]);
        assert_eq!(persons(&book), vec![]);
    }

    /// A second copy of a customer with a contact person and contacts, in a group of its own.
    fn with_copy(book: &mut Book) -> (CustomerId, CustomerId) {
        let original = book
            .customers()
            .values()
            .find(|c| c.number.is_some() && book.persons_of(&c.id).next().is_some())
            .unwrap()
            .clone();
        let mut group = book.groups()[&original.group].clone();
        group.id = "g-kopie".parse().unwrap();
        group.lead = None;
        book.upsert_group(group).unwrap();
        let mut copy = original.clone();
        copy.id = "c-kopie".parse().unwrap();
        copy.group = "g-kopie".parse().unwrap();
        copy.notes = "aus dem Import".into();
        copy.occasions.clear();
        book.upsert_customer(copy.clone(), at(1)).unwrap();
        let mut person = book.persons_of(&original.id).next().unwrap().clone();
        person.id = "p-kopie".parse().unwrap();
        person.customer = copy.id.clone();
        book.upsert_person(person).unwrap();
        (original.id, copy.id)
    }

    #[test]
    fn a_copied_customer_is_found_and_merged_with_everything_following() {
        let mut book = sample();
        let (keep, gone) = with_copy(&mut book);
        let found = customers(&book);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].a.clone(), found[0].b.clone(), found[0].why),
            (keep.clone(), gone.clone(), Why::Number)
        );
        let (a, b) = (&book.customers()[&keep], &book.customers()[&gone]);
        let diff = differences(a, b, CUSTOMER_FIXED);
        assert_eq!(
            diff.iter().map(|(k, ..)| k.as_str()).collect::<Vec<_>>(),
            ["notes"]
        );

        let persons_before = book.persons_of(&keep).count();
        let followed = merge_customers(
            &mut book,
            &keep,
            &gone,
            &BTreeSet::from(["notes".to_owned()]),
            at(2),
        )
        .unwrap();
        assert_eq!(followed.persons, 1);
        assert!(followed.group_removed);
        assert_eq!(book.customers()[&keep].notes, "aus dem Import");
        assert!(
            !book.customers()[&keep].occasions.is_empty(),
            "occasions of both"
        );
        assert_eq!(book.persons_of(&keep).count(), persons_before + 1);
        assert!(!book.customers().contains_key(&gone));
        assert!(!book.groups().contains_key(&"g-kopie".parse().unwrap()));
        assert_eq!(Book::from_data(book.to_data()), Ok(book.clone()));
        // The copied person is now a duplicate within the customer.
        let twins = persons(&book);
        assert!(twins
            .iter()
            .any(|p| p.b == "p-kopie".parse().unwrap() || p.a == "p-kopie".parse().unwrap()));
    }

    #[test]
    fn the_stricter_consent_and_block_are_preset_and_a_lead_stays_a_lead() {
        use crate::domain::model::Consent;
        use crate::domain::vocab::ConsentState;
        let mut book = sample();
        let (keep, gone) = with_copy(&mut book);
        let mut copy = book.customers()[&gone].clone();
        copy.consent = Consent {
            state: ConsentState::No,
            since: None,
        };
        copy.no_contact_until = chrono::NaiveDate::from_ymd_opt(2027, 6, 1);
        book.upsert_customer(copy, at(1)).unwrap();
        let mut original = book.customers()[&keep].clone();
        original.consent.state = ConsentState::Yes;
        original.no_contact_until = None;
        book.upsert_customer(original, at(1)).unwrap();
        let diff = differences(
            &book.customers()[&keep],
            &book.customers()[&gone],
            CUSTOMER_FIXED,
        );
        let take = preset(&diff);
        assert!(
            take.contains("consent") && take.contains("no_contact_until"),
            "{take:?}"
        );
        assert!(take.contains("notes"), "only the second has notes");
        assert_eq!(take.len(), 3, "{take:?}");

        // Merged the other way round: the copy's group goes, and the original stays a lead.
        let group = book.customers()[&keep].group.clone();
        let mut g = book.groups()[&group].clone();
        g.lead = Some(keep.clone());
        book.upsert_group(g).unwrap();
        book.move_customer(&gone, &group, at(2)).unwrap();
        let back = preset(&differences(
            &book.customers()[&gone],
            &book.customers()[&keep],
            CUSTOMER_FIXED,
        ));
        assert!(
            !back.contains("consent"),
            "the stricter one is already the first's"
        );
        merge_customers(&mut book, &gone, &keep, &back, at(3)).unwrap();
        assert_eq!(book.groups()[&group].lead.as_ref(), Some(&gone));
        assert_eq!(book.customers()[&gone].consent.state, ConsentState::No);
    }

    #[test]
    fn a_copy_in_a_group_with_others_leaves_the_group_and_its_history() {
        let mut book = sample();
        let (keep, gone) = with_copy(&mut book);
        let home = book.customers()[&keep].group.clone();
        let crowded = book
            .groups()
            .keys()
            .find(|g| **g != home && book.member_count(g) > 1)
            .unwrap()
            .clone();
        book.move_customer(&gone, &crowded, at(1)).unwrap();
        let members = book.member_count(&crowded);
        let followed = merge_customers(&mut book, &keep, &gone, &BTreeSet::new(), at(2)).unwrap();
        assert!(followed.history_stays && !followed.group_removed);
        assert_eq!(book.member_count(&crowded), members - 1);
        assert_eq!(Book::from_data(book.to_data()), Ok(book.clone()));
    }

    #[test]
    fn customers_sharing_their_own_or_a_persons_phone_or_email_are_found() {
        let mut book = sample();
        let person = book
            .persons()
            .values()
            .find(|p| p.email.is_some())
            .unwrap()
            .clone();
        let other = book
            .customers()
            .values()
            .find(|c| c.id != person.customer && c.email.is_none())
            .unwrap()
            .clone();
        // A customer giving a person's address of another customer as their own.
        let mut c = other.clone();
        c.email =
            Some(Email::parse(&person.email.as_ref().unwrap().as_str().to_uppercase()).unwrap());
        book.upsert_customer(c, at(1)).unwrap();
        let found = customers(&book);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].why, Why::Email);
        assert!([&found[0].a, &found[0].b].contains(&&other.id));
        assert!([&found[0].a, &found[0].b].contains(&&person.customer));

        // Two customers with the same own phone, written differently.
        let mut book = sample();
        let mut two = book
            .customers()
            .values()
            .filter(|c| c.phone.is_none())
            .take(2);
        let (mut a, mut b) = (two.next().unwrap().clone(), two.next().unwrap().clone());
        a.phone = Some(Phone::parse("07681 4711-0").unwrap());
        b.phone = Some(Phone::parse("07681 / 47 11 0").unwrap());
        book.upsert_customer(a.clone(), at(1)).unwrap();
        book.upsert_customer(b.clone(), at(1)).unwrap();
        let found = customers(&book);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].why, Why::Phone);

        // Their own address on a customer and on their own contact person is no pair.
        let mut book = sample();
        let mut c = book.customers()[&person.customer].clone();
        c.email = person.email.clone();
        book.upsert_customer(c, at(1)).unwrap();
        assert_eq!(customers(&book), vec![]);
    }

    #[test]
    fn merged_persons_take_each_others_places_in_contacts() {
        let mut book = sample();
        let contact = book
            .contacts()
            .values()
            .find(|c| !c.people.is_empty())
            .unwrap()
            .clone();
        let gone = contact.people[0].clone();
        let mut keep = book.persons()[&gone].clone();
        keep.id = "p-zwilling".parse().unwrap();
        keep.notes = "zweite Fassung".into();
        book.upsert_person(keep.clone()).unwrap();
        let found = persons(&book);
        assert!(found
            .iter()
            .any(|p| p.why == Why::Name && [&p.a, &p.b].contains(&&keep.id)));
        let changed = merge_persons(&mut book, &keep.id, &gone, &BTreeSet::new(), at(3)).unwrap();
        assert!(changed >= 1);
        assert!(book.contacts()[&contact.id].people.contains(&keep.id));
        assert!(!book.contacts().values().any(|c| c.people.contains(&gone)));
        assert_eq!(book.persons()[&keep.id].notes, "zweite Fassung");
        assert_eq!(Book::from_data(book.to_data()), Ok(book.clone()));
    }
}
