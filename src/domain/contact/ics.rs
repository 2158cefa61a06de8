//! iCalendar export of the open planned contacts (RFC 5545), for the advisor's calendar app.
//! Each plan keeps its UID across exports, and SEQUENCE grows with every edit, so importing
//! again updates the events instead of duplicating them.

use crate::domain::book::Book;
use crate::domain::contact::{add_days, Planned};
use crate::domain::exchange::content_line::{escape, line};
use crate::domain::model::Timestamp;
use crate::domain::sort;
use crate::domain::vocab::Format;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// The words of a calendar export; the domain has none, the caller gives them.
pub struct Labels {
    /// A format's name, at the start of the summary ("Jahresgespräch: …").
    pub format: fn(Format) -> &'static str,
    /// Who takes the contact on, a line of the description.
    pub who: fn(&str) -> String,
    /// The heading above the contact persons' phone numbers.
    pub persons: &'static str,
}

/// One VCALENDAR with every open planned contact as a VEVENT, in date order. A plan with a
/// time starts then (floating local time) and lasts its format's minutes in the group's class
/// plan (60 if the class does not plan the format); one without a time is an all-day event.
pub fn calendar(book: &Book, now: Timestamp, labels: &Labels) -> String {
    let mut plans: Vec<&Planned> = book.planned().values().filter(|p| p.is_open()).collect();
    sort::sort_by_key(&mut plans, |p| (p.date, p.time, &p.id));
    let mut out = String::new();
    let stamp = utc(now);
    for (name, value) in [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//Kontaktnetz//Kontaktnetz//DE"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "Kontaktnetz"),
    ] {
        line(&mut out, name, value);
    }
    for p in plans {
        event(&mut out, book, p, &stamp, labels);
    }
    line(&mut out, "END", "VCALENDAR");
    out
}

fn event(out: &mut String, book: &Book, p: &Planned, stamp: &str, labels: &Labels) {
    let group = book.groups().get(&p.group);
    let summary = format!(
        "{}: {}",
        (labels.format)(p.format),
        group.map_or(p.group.as_str(), |g| g.name.as_str())
    );
    let mut about: Vec<String> = Vec::new();
    if !p.note.is_empty() {
        about.push(p.note.clone());
    }
    if let Some(c) = p.who.as_ref().and_then(|k| book.colleagues().get(k)) {
        about.push((labels.who)(c.name.as_str()));
    }
    let phones: Vec<String> = book
        .group_persons(&p.group)
        .filter_map(|c| Some(format!("{}: {}", c.name, c.phone.as_ref()?.as_str())))
        .collect();
    if !phones.is_empty() {
        about.push(format!("{}:", labels.persons));
        about.extend(phones);
    }
    line(out, "BEGIN", "VEVENT");
    line(out, "UID", &format!("{}@kontaktnetz", p.id));
    line(out, "DTSTAMP", stamp);
    line(out, "LAST-MODIFIED", &utc(p.updated_at));
    line(out, "SEQUENCE", &sequence(p.updated_at).to_string());
    match p.time {
        Some(t) => {
            let minutes = book
                .current_casting(&p.group)
                .and_then(|c| c.rule.planned(p.format))
                .map_or(0, |f| f.minutes);
            let minutes = if minutes == 0 { 60 } else { minutes };
            line(out, "DTSTART", &date_time(p.date.and_time(t)));
            line(out, "DURATION", &format!("PT{minutes}M"));
        }
        None => {
            line(out, "DTSTART;VALUE=DATE", &date(p.date));
            line(out, "DTEND;VALUE=DATE", &date(add_days(p.date, 1)));
        }
    }
    line(out, "SUMMARY", &escape(&summary));
    if !about.is_empty() {
        line(out, "DESCRIPTION", &escape(&about.join("\n")));
    }
    for (name, value) in [
        ("CATEGORIES", "Kontaktnetz"),
        ("STATUS", "CONFIRMED"),
        ("TRANSP", "OPAQUE"),
        ("END", "VEVENT"),
    ] {
        line(out, name, value);
    }
}

/// Whole minutes since 2020-01-01T00:00:00Z: every later edit gets a higher (or equal, within
/// the same minute) number.
fn sequence(t: Timestamp) -> i64 {
    ((t.timestamp() - 1_577_836_800) / 60).clamp(0, i32::MAX.into())
}

/// "20261122"
fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// "20261122T093000": floating local time.
fn date_time(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// "20261122T093000Z"
fn utc(t: Timestamp) -> String {
    date_time(t.naive_utc()) + "Z"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::casting::scheme::{self, ClassRule};
    use crate::domain::casting::Casting;
    use crate::domain::contact::Contact;
    use crate::domain::exchange::content_line::read::{unescape, unfold};
    use crate::domain::ids::PlannedId;
    use crate::domain::model::{Colleague, ContactPerson, Customer, Group};
    use crate::domain::text::{Name, Phone};
    use crate::domain::vocab::{Channel, Class, CustomerKind, Direction, Segment};
    use chrono::{NaiveTime, TimeZone, Utc};

    /// The words these tests expect; the app's German ones come from `texts`.
    const LABELS: Labels = Labels {
        format: |f| match f {
            Format::AnnualTalk => "Jahresgespräch",
            Format::RatingTalk => "Ratinggespräch",
            Format::ServiceContact => "Servicekontakt",
            _ => "Gespräch",
        },
        who: |name| format!("Wer übernimmt: {name}"),
        persons: "Ansprechpartner",
    };

    fn calendar(book: &Book, now: Timestamp) -> String {
        super::calendar(book, now, &LABELS)
    }

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn name(s: &str) -> Name {
        Name::parse(s).unwrap()
    }

    fn plan(id: &str, d: u32, time: Option<(u32, u32)>, format: Format) -> Planned {
        Planned {
            id: id.parse().unwrap(),
            group: "g-x".parse().unwrap(),
            date: day(d),
            time: time.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
            format,
            who: None,
            note: String::new(),
            agreed_in: None,
            done: None,
            updated_at: at(2026, 1, 5, 8, 0),
        }
    }

    /// Group "Müller, Schäfer & Co." with colleague Ben, customer Hans (with phone) and Erika
    /// (without), a casting planning 90 minutes for annual talks, and three plans: a timed
    /// annual talk on the 24th, an all-day service contact on the 23rd, a rating talk on the
    /// 25th at 10:00 (not in the class plan).
    fn book() -> Book {
        let t0 = at(2026, 1, 5, 8, 0);
        let mut book = Book::default();
        book.upsert_colleague(Colleague {
            id: "k-ben".parse().unwrap(),
            name: name("Ben Schulz"),
            department: None,
            serves: None,
            phone: None,
            email: None,
            updated_at: t0,
        });
        book.upsert_group(Group {
            id: "g-x".parse().unwrap(),
            name: name("Müller, Schäfer & Co."),
            segment: Segment::Business,
            advisor: None,
            lead: None,
            notes: String::new(),
            key_account: None,
            created_at: t0,
            updated_at: t0,
        })
        .unwrap();
        for (id, full, phone) in [
            ("hans", "Hans Müller", Some("+49 (0)89 / 12 34-5")),
            ("erika", "Erika Müller", None),
        ] {
            book.upsert_customer(
                Customer {
                    id: format!("c-{id}").parse().unwrap(),
                    group: "g-x".parse().unwrap(),
                    kind: CustomerKind::Person,
                    name: name(full),
                    number: None,
                    street: None,
                    postcode: None,
                    town: None,
                    phone: None,
                    email: None,
                    segment: Segment::Business,
                    consent: Default::default(),
                    no_contact_until: None,
                    occasions: Vec::new(),
                    notes: String::new(),
                    updated_at: t0,
                },
                t0,
            )
            .unwrap();
            book.upsert_person(ContactPerson {
                id: format!("p-{id}").parse().unwrap(),
                customer: format!("c-{id}").parse().unwrap(),
                name: name(full),
                position: None,
                influence: None,
                buying_role: None,
                motive: None,
                attitude: None,
                matters: String::new(),
                benefit: String::new(),
                phone: phone.map(|p| Phone::parse(p).unwrap()),
                email: None,
                consent: Default::default(),
                notes: String::new(),
                updated_at: t0,
            })
            .unwrap();
        }
        book.upsert_casting(Casting {
            id: "a-1".parse().unwrap(),
            group: "g-x".parse().unwrap(),
            segment: Segment::Business,
            date: day(1),
            by: String::new(),
            answers: Vec::new(),
            score: 0,
            scored: Class::A,
            manual: None,
            rule: ClassRule {
                plan: vec![scheme::Planned {
                    format: Format::AnnualTalk,
                    per_year: 1,
                    minutes: 90,
                }],
                departments: Vec::new(),
            },
            departments: Vec::new(),
            updated_at: t0,
        })
        .unwrap();
        let mut annual = plan("f-annual", 24, Some((9, 30)), Format::AnnualTalk);
        annual.who = Some("k-ben".parse().unwrap());
        annual.note = "Bilanz 2025; „Zinsen“, Tilgung\\Sondertilgung\r\nDanach Kaffee ☕".into();
        book.upsert_planned(annual).unwrap();
        book.upsert_planned(plan("f-service", 23, None, Format::ServiceContact))
            .unwrap();
        book.upsert_planned(plan("f-rating", 25, Some((10, 0)), Format::RatingTalk))
            .unwrap();
        book
    }

    /// The unfolded VEVENT of a plan, as its lines.
    fn event_of(ics: &str, id: &str) -> Vec<String> {
        let lines: Vec<String> = unfold(ics).split("\r\n").map(str::to_owned).collect();
        let start = lines
            .iter()
            .position(|l| *l == format!("UID:{id}@kontaktnetz"))
            .unwrap_or_else(|| panic!("{id} not exported"));
        let end = start
            + lines[start..]
                .iter()
                .position(|l| l == "END:VEVENT")
                .unwrap();
        lines[start..end].to_vec()
    }

    fn value<'a>(event: &'a [String], name: &str) -> Option<&'a str> {
        event
            .iter()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
    }

    #[test]
    fn a_calendar_with_crlf_lines_only() {
        let ics = calendar(&book(), at(2026, 11, 20, 7, 5));
        assert!(ics.starts_with(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kontaktnetz//Kontaktnetz//DE\r\n\
             CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Kontaktnetz\r\nBEGIN:VEVENT\r\n"
        ));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
        assert_eq!(
            uids,
            [
                "UID:f-service@kontaktnetz",
                "UID:f-annual@kontaktnetz",
                "UID:f-rating@kontaktnetz"
            ],
            "in date order"
        );
    }

    #[test]
    fn timed_and_all_day_events() {
        let ics = calendar(&book(), at(2026, 11, 20, 7, 5));
        let annual = event_of(&ics, "f-annual");
        assert_eq!(value(&annual, "DTSTAMP"), Some("20261120T070500Z"));
        assert_eq!(value(&annual, "LAST-MODIFIED"), Some("20260105T080000Z"));
        assert_eq!(value(&annual, "DTSTART"), Some("20261124T093000"));
        assert_eq!(value(&annual, "DURATION"), Some("PT90M"), "class plan");
        assert_eq!(value(&annual, "DTEND"), None);
        assert_eq!(
            value(&annual, "SUMMARY"),
            Some("Jahresgespräch: Müller\\, Schäfer & Co.")
        );
        assert_eq!(
            unescape(value(&annual, "DESCRIPTION").unwrap()),
            "Bilanz 2025; „Zinsen“, Tilgung\\Sondertilgung\nDanach Kaffee ☕\n\
             Wer übernimmt: Ben Schulz\nAnsprechpartner:\nHans Müller: +49 (0)89 / 12 34-5"
        );
        for (name, v) in [
            ("CATEGORIES", "Kontaktnetz"),
            ("STATUS", "CONFIRMED"),
            ("TRANSP", "OPAQUE"),
        ] {
            assert_eq!(value(&annual, name), Some(v));
        }
        let rating = event_of(&ics, "f-rating");
        assert_eq!(value(&rating, "DURATION"), Some("PT60M"), "not planned");
        let service = event_of(&ics, "f-service");
        assert_eq!(value(&service, "DTSTART;VALUE=DATE"), Some("20261123"));
        assert_eq!(value(&service, "DTEND;VALUE=DATE"), Some("20261124"));
        assert_eq!(value(&service, "DTSTART"), None);
        assert_eq!(value(&service, "DURATION"), None);
        assert_eq!(
            unescape(value(&service, "DESCRIPTION").unwrap()),
            "Ansprechpartner:\nHans Müller: +49 (0)89 / 12 34-5"
        );
    }

    #[test]
    fn uids_are_stable_across_exports() {
        let uids = |ics: String| -> Vec<String> {
            let mut u: Vec<String> = ics
                .lines()
                .filter(|l| l.starts_with("UID:"))
                .map(str::to_owned)
                .collect();
            sort::sort(&mut u);
            u
        };
        let mut book = book();
        let first = uids(calendar(&book, at(2026, 11, 20, 7, 5)));
        let mut moved = book.planned()[&"f-rating".parse::<PlannedId>().unwrap()].clone();
        moved.date = day(2);
        book.upsert_planned(moved).unwrap();
        assert_eq!(uids(calendar(&book, at(2026, 11, 21, 12, 0))), first);
    }

    #[test]
    fn a_done_plan_is_not_exported() {
        let mut book = book();
        let contact = Contact {
            id: "t-1".parse().unwrap(),
            group: "g-x".parse().unwrap(),
            at: day(24).and_hms_opt(9, 30, 0).unwrap(),
            channel: Channel::AtBranch,
            format: Format::AnnualTalk,
            direction: Direction::Outbound,
            bank: Vec::new(),
            people: Vec::new(),
            topics: Vec::new(),
            outcome: None,
            notes: String::new(),
            updated_at: at(2026, 11, 24, 10, 0),
        };
        let done = "f-annual".parse().unwrap();
        book.record_contact(contact, None, Some(&done), at(2026, 11, 24, 10, 0))
            .unwrap();
        let ics = calendar(&book, at(2026, 11, 24, 10, 0));
        assert!(!ics.contains("f-annual"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        let empty = calendar(&Book::default(), at(2026, 11, 24, 10, 0));
        assert!(!empty.contains("VEVENT") && empty.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn sequence_rises_with_every_edit() {
        assert_eq!(sequence(at(2019, 6, 1, 0, 0)), 0, "clamped below");
        assert_eq!(sequence(at(2020, 1, 1, 0, 0)), 0);
        assert_eq!(sequence(at(2020, 1, 1, 0, 1)), 1);
        assert_eq!(sequence(at(2026, 1, 5, 8, 0)), 3_162_720);
        assert_eq!(
            sequence(at(9999, 1, 1, 0, 0)),
            i64::from(i32::MAX),
            "clamped"
        );
        let mut book = book();
        let id: PlannedId = "f-annual".parse().unwrap();
        let seq = |book: &Book| {
            let ics = calendar(book, at(2026, 11, 20, 7, 5));
            value(&event_of(&ics, "f-annual"), "SEQUENCE")
                .unwrap()
                .to_owned()
        };
        assert_eq!(seq(&book), "3162720");
        let mut edited = book.planned()[&id].clone();
        edited.note = "verschoben".into();
        edited.updated_at = at(2026, 1, 5, 8, 2);
        book.upsert_planned(edited).unwrap();
        assert_eq!(seq(&book), "3162722");
    }
}
