//! A deterministic, realistic sample portfolio: for trying the app and for load tests.
//! Same size and seed, same book, byte for byte.

use super::book::Book;
use super::casting::scheme::Scheme;
use super::casting::{evaluate, Casting, Override};
use super::contact::{Contact, Planned};
use super::ids::{CastingId, ColleagueId, ContactId, CustomerId, GroupId, PersonId, PlannedId};
use super::key_accounts::{KeyAccount, TeamMember};
use super::model::{Colleague, Consent, ContactPerson, Customer, Group, Occasion, Timestamp};
use super::text::{Email, Influence, Name, Phone};
use super::vocab::{
    AccountTier, Attitude, BankRole, BuyingMotive, BuyingRole, Channel, Class, ConsentState,
    ContactOutcome, CustomerKind, Department, Direction, Format, OccasionKind, Segment,
};
use crate::domain::sort;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use std::collections::BTreeSet;

/// How big a book to generate. A history of more than a year makes a grown book, modelled on
/// a team's five-year book: a casting round each year, larger groups, service contacts beside
/// the planned talks, and the coming year's talks booked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleSize {
    pub advisors: usize,
    /// Customers per advisor; groups are formed until this many customers exist.
    pub customers_per_advisor: usize,
    /// Days of contact history. The team book keeps four months, so ten advisors' books
    /// still fit Safari's storage in one browser.
    pub history_days: usize,
}

impl SampleSize {
    /// One advisor's book: a few hundred groups.
    pub const ADVISOR: SampleSize = SampleSize {
        advisors: 1,
        customers_per_advisor: 800,
        history_days: 365,
    };
    /// A ten-advisor team book with 10,000 customers, for load tests.
    pub const TEAM: SampleSize = SampleSize {
        advisors: 10,
        customers_per_advisor: 1000,
        history_days: 120,
    };
    /// The team's five-year book, for load tests: about 3,500 groups, 65,000 contacts,
    /// 17,000 castings and 10,000 planned contacts.
    pub const TEAM_FIVE_YEARS: SampleSize = SampleSize {
        advisors: 10,
        customers_per_advisor: 1000,
        history_days: 1826,
    };

    /// Whole years of history, at least one: each has its casting round.
    fn years(self) -> usize {
        (self.history_days / 365).max(1)
    }
}

/// SplitMix64: tiny, fast and stable across platforms and versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Anna", "Thomas", "Sabine", "Michael", "Julia", "Andreas", "Katrin", "Stefan", "Monika",
    "Jürgen", "Claudia", "Frank", "Petra", "Markus", "Birgit", "Uwe", "Sandra", "Klaus", "Nicole",
    "Ralf", "Heike", "Matthias", "Susanne", "Jörg", "Lena", "Jan", "Sophie", "Lukas", "Marie",
    "Felix", "Gabriele", "Dieter", "Ute", "Bernd", "Karin", "Wolfgang", "Ingrid", "Günther",
    "Renate", "Holger",
];
const LAST: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Schmitz",
    "Krause",
    "Meier",
    "Lehmann",
    "Schmid",
    "Schulze",
    "Maier",
    "Köhler",
    "Herrmann",
    "König",
    "Walter",
    "Mayer",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Lang",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Vogel",
];
const TOWNS: &[&str] = &[
    "Waldkirch",
    "Emmendingen",
    "Denzlingen",
    "Gundelfingen",
    "Kenzingen",
    "Herbolzheim",
    "Elzach",
    "Endingen",
    "Teningen",
    "Simonswald",
    "Gutach",
    "Sexau",
    "Reute",
    "Vörstetten",
    "Winden",
];
/// The postcode of each of `TOWNS`, in the same order.
const POSTCODES: &[&str] = &[
    "79183", "79312", "79211", "79194", "79341", "79336", "79215", "79346", "79331", "79263",
    "79261", "79350", "79276", "79279", "79297",
];
const STREETS: &[&str] = &[
    "Hauptstraße",
    "Bahnhofstraße",
    "Kirchstraße",
    "Schulstraße",
    "Gartenstraße",
    "Lindenstraße",
    "Schwarzwaldstraße",
    "Elzstraße",
    "Freiburger Straße",
    "Talstraße",
    "Mühlenweg",
    "Rosenweg",
    "Am Kirchberg",
    "Im Brühl",
    "Marktplatz",
    "Gewerbestraße",
    "Industriestraße",
];
const TRADES: &[&str] = &[
    "Bäckerei",
    "Metzgerei",
    "Elektro",
    "Sanitär",
    "Malerbetrieb",
    "Zahnarztpraxis",
    "Steuerkanzlei",
    "Autohaus",
    "Gasthaus",
    "Friseursalon",
    "Schreinerei",
    "Apotheke",
    "Physiotherapie",
    "Architekturbüro",
];
const INDUSTRIES: &[&str] = &[
    "Maschinenbau",
    "Metallbau",
    "Kunststofftechnik",
    "Logistik",
    "Holzbau",
    "Elektronik",
    "Bau",
    "Medizintechnik",
    "Verpackungen",
    "Präzisionsteile",
    "Lebensmittel",
    "Software",
];
const LEGAL: &[&str] = &["GmbH", "GmbH & Co. KG", "KG", "AG", "e.K."];
const DEPARTMENTS: &[(&str, &str, Department)] = &[
    (
        "Private Banking",
        "Vermögensmanagement",
        Department::PrivateBanking,
    ),
    (
        "Immobilienvermittlung",
        "Immobilien",
        Department::RealEstate,
    ),
    (
        "Versicherungsservice",
        "Versicherungen",
        Department::Insurance,
    ),
    (
        "Nachfolgeberatung",
        "Unternehmensnachfolge",
        Department::Succession,
    ),
    (
        "Auslandsgeschäft",
        "Internationales Geschäft",
        Department::ForeignTrade,
    ),
    (
        "Fördermittelberatung",
        "Öffentliche Fördermittel",
        Department::Subsidies,
    ),
    ("Wertpapierberatung", "Wertpapiere", Department::Securities),
    (
        "Leasing",
        "Leasing und Mobilienfinanzierung",
        Department::Leasing,
    ),
    (
        "Treasury",
        "Zins- und Liquiditätsmanagement",
        Department::Treasury,
    ),
];
const ADVISORS: &[&str] = &[
    "Katharina Brenner",
    "Martin Vogt",
    "Elke Sauter",
    "Tobias Ruf",
    "Silke Haas",
    "Daniel Frey",
    "Andrea Kern",
    "Florian Binder",
    "Nadine Wehrle",
    "Christoph Maurer",
];

struct Generator {
    rng: Rng,
    now: Timestamp,
    today: NaiveDate,
    book: Book,
    /// Casting rounds, one per year of history; more than one makes a grown book.
    years: usize,
    /// E-mail addresses and phone numbers given out: two people never share one (they would
    /// look like one person to the duplicate search).
    reach: std::collections::BTreeSet<String>,
    /// Draws for the customers' addresses, phones and e-mails (schema 5), apart from `rng` so
    /// that the rest of the book stays as it was before they came.
    places: Rng,
    /// Index into `TOWNS` of the group being generated: its customers live there.
    home: usize,
    /// Draws for the key accounts (schema 6), apart from `rng` for the same reason: who of
    /// the team and the buying center takes part in a contact, and the records only the key
    /// accounts bring (a board member, a deputy, the hospital group).
    accounts: Rng,
    /// Groups made for the key accounts: everything about them, their castings and contacts
    /// too, is drawn from `accounts` (see [`Generator::drawing_for`]).
    own: BTreeSet<GroupId>,
    /// Whether `rng` and `accounts` are swapped right now.
    swapped: bool,
}

/// A casting stretch of a group's history, in days ago (`from` inclusive, `to` exclusive).
struct Stretch<'a> {
    casting: Option<&'a Casting>,
    /// The formats the casting plans contacts in.
    formats: Vec<Format>,
    from: usize,
    to: usize,
}

/// The generator only builds consistent data; this unwraps without formatting the error,
/// which keeps error formatting out of the bundle.
fn valid<T, E>(result: Result<T, E>) -> T {
    match result {
        Ok(value) => value,
        Err(_) => unreachable!("sample data is consistent"),
    }
}

fn name(text: &str) -> Name {
    valid(Name::parse(text))
}

impl Generator {
    fn grown(&self) -> bool {
        self.years > 1
    }

    fn phone(&mut self) -> Phone {
        let area = ["07681", "07641", "0761", "07666", "07644"][self.rng.below(5)];
        let mut number = 100_000 + self.rng.below(899_999);
        // Counted up rather than drawn again, so the random sequence stays as it was.
        while !self.reach.insert(format!("{area} {number}")) {
            number = 100_000 + (number - 99_999) % 900_000;
        }
        valid(Phone::parse(&format!("{area} {number}")))
    }

    fn email(&mut self, person: &str, domain: &str) -> Email {
        let local: String = super::text::fold(person)
            .chars()
            .map(|c| if c == ' ' { '.' } else { c })
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        let mut address = format!("{local}@{domain}");
        let mut n = 1;
        while !self.reach.insert(address.clone()) {
            n += 1;
            address = format!("{local}{n}@{domain}");
        }
        valid(Email::parse(&address))
    }

    /// A customer's own line: a company's switchboard ("07681 4711-0") or a household's
    /// landline with seven digits. Persons' numbers have six, so the two never meet.
    fn customer_phone(&mut self, kind: CustomerKind) -> Phone {
        let area = ["07681", "07641", "0761", "07666", "07644"][self.places.below(5)];
        let switchboard = kind != CustomerKind::Person;
        let (low, span) = if switchboard {
            (1_000, 9_000)
        } else {
            (1_000_000, 9_000_000)
        };
        let mut number = low + self.places.below(span);
        let text = |n: usize| {
            if switchboard {
                format!("{area} {n}-0")
            } else {
                format!("{area} {n}")
            }
        };
        while !self.reach.insert(text(number)) {
            number = low + (number - low + 1) % span;
        }
        valid(Phone::parse(&text(number)))
    }

    /// Street and house number, postcode and town in the group's home town; one customer in
    /// ten has none on file.
    #[allow(clippy::type_complexity)]
    fn address(&mut self) -> (Option<String>, Option<String>, Option<String>) {
        if self.places.chance(10) {
            return (None, None, None);
        }
        let street = self.places.pick(STREETS);
        let number = 1 + self.places.below(120);
        (
            Some(format!("{street} {number}")),
            Some(POSTCODES[self.home].to_owned()),
            Some(TOWNS[self.home].to_owned()),
        )
    }

    fn consent(&mut self) -> Consent {
        let state = match self.rng.below(100) {
            0..=69 => ConsentState::Yes,
            70..=84 => ConsentState::No,
            _ => ConsentState::Unknown,
        };
        let since = (state != ConsentState::Unknown)
            .then(|| self.today - Duration::days(30 + self.rng.below(1800) as i64));
        Consent { state, since }
    }

    fn future_date(&mut self, max_days: usize) -> NaiveDate {
        self.today + Duration::days(1 + self.rng.below(max_days) as i64)
    }

    fn birthday(&mut self) -> NaiveDate {
        let year = self.today.year() - 25 - self.rng.below(50) as i32;
        let day = self.rng.below(365) as u32 + 1;
        NaiveDate::from_yo_opt(year, day).expect("day of year within 365")
    }

    fn colleague(
        &mut self,
        full: &str,
        department: &str,
        serves: Option<Department>,
    ) -> ColleagueId {
        let id = ColleagueId::generate(self.rng.next());
        let email = self.email(full, "sparkasse-beispiel.de");
        let phone = self.phone();
        self.book.upsert_colleague(Colleague {
            id: id.clone(),
            name: name(full),
            department: Some(department.to_owned()),
            serves,
            phone: Some(phone),
            email: Some(email),
            updated_at: self.now,
        });
        id
    }

    fn group(&mut self, title: &str, segment: Segment, advisor: &ColleagueId) -> GroupId {
        let id = GroupId::generate(self.rng.next());
        self.home = self.places.below(TOWNS.len());
        // A grown book's groups are older than its oldest casting round.
        let settled = if self.grown() {
            365 * self.years + 480
        } else {
            400
        };
        let notes = if self.rng.chance(20) {
            "Jahresgespräch im Frühjahr bevorzugt.".to_owned()
        } else {
            String::new()
        };
        valid(self.book.upsert_group(Group {
            id: id.clone(),
            name: name(title),
            segment,
            advisor: Some(advisor.clone()),
            lead: None,
            notes,
            key_account: None,
            created_at: self.now - Duration::days((settled + self.rng.below(2600)) as i64),
            updated_at: self.now,
        }));
        id
    }

    /// Casts most groups, some longer than a year ago (due again), a few never. Attractive
    /// groups tend to the top answer of each criterion, so all classes occur. A grown book
    /// also has the earlier yearly rounds.
    fn cast_all(&mut self) {
        let groups: Vec<Group> = self.book.groups().values().cloned().collect();
        for group in groups {
            let id = group.id.clone();
            self.drawing_for(&id, |gen| gen.cast_group(&group));
        }
    }

    fn cast_group(&mut self, group: &Group) {
        let today = self.today;
        if self.rng.chance(12) {
            return;
        }
        let scheme = self.book.settings().casting.scheme(group.segment);
        // A few groups are attractive, most are average, some are not: the tier decides
        // how often a criterion gets its best or its worst answer.
        let tier = match self.rng.below(100) {
            0..=9 => (70, 0),
            10..=39 => (25, 20),
            40..=74 => (5, 50),
            _ => (0, 80),
        };
        let newest = self.cast(group, &scheme, tier, |rng| {
            today - Duration::days(rng.below(480) as i64)
        });
        for round in 1..self.years {
            // About a year apart; the tier stays, the answers drift.
            let date = self.cast(group, &scheme, tier, |rng| {
                newest - Duration::days((365 * round + rng.below(61)) as i64 - 30)
            });
            // Now and then a change (a deal, a succession) had the group cast again
            // within the year, still before the next round.
            if self.rng.chance(12) {
                self.cast(group, &scheme, tier, |rng| {
                    date + Duration::days(60 + rng.below(240) as i64)
                });
            }
        }
    }

    /// Files a casting of `group` answered as its tier (best, worst answer in percent) has
    /// it, on the day `date` draws; returns that day.
    fn cast(
        &mut self,
        group: &Group,
        scheme: &Scheme,
        (best, worst): (usize, usize),
        date: impl FnOnce(&mut Rng) -> NaiveDate,
    ) -> NaiveDate {
        let picks: Vec<Option<usize>> = scheme
            .criteria
            .iter()
            .map(|c| {
                let by_points = |i: &usize| c.choices[*i].points;
                let top = (0..c.choices.len()).max_by_key(by_points).unwrap_or(0);
                let low = (0..c.choices.len()).min_by_key(by_points).unwrap_or(0);
                let roll = self.rng.below(100);
                Some(if roll < best {
                    top
                } else if roll < best + worst {
                    low
                } else {
                    self.rng.below(c.choices.len())
                })
            })
            .collect();
        let manual = self.rng.chance(3).then(|| Override {
            class: Class::B,
            reason: name("Strategischer Kunde"),
        });
        let outcome = evaluate(scheme, &picks, manual.as_ref().map(|m| m.class));
        let by = group
            .advisor
            .as_ref()
            .and_then(|a| self.book.colleagues().get(a))
            .map_or_else(String::new, |a| a.name.to_string());
        let date = date(&mut self.rng);
        let id = CastingId::generate(self.rng.next());
        let casting = outcome.into_casting(id, group, date, by, manual, self.now);
        valid(self.book.upsert_casting(casting));
        date
    }

    /// The contact history: most groups near their target, some neglected, some (often
    /// unattractive ones) contacted more than planned; reactive contacts for D and uncast
    /// groups; an agreed follow-up after the last contact of many groups, some of them overdue
    /// by now. Each casting sets the target from its day on, the first one also before it.
    /// A grown book adds service contacts and books the coming year's talks.
    fn contact_all(&mut self, history_days: usize) {
        let groups: Vec<Group> = self.book.groups().values().cloned().collect();
        let serving: Vec<(Department, ColleagueId)> = self
            .book
            .colleagues()
            .values()
            .filter_map(|k| Some((k.serves?, k.id.clone())))
            .collect();
        // Filed after all contacts: recording a contact looks through every planned contact,
        // which would make generation quadratic.
        let mut planned = Vec::new();
        for group in groups {
            let id = group.id.clone();
            self.drawing_for(&id, |gen| {
                gen.contact_group(&group, &serving, history_days, &mut planned)
            });
        }
        for p in planned {
            valid(self.book.upsert_planned(p));
        }
    }

    /// One group's contact history, follow-up and booked talks (see [`Self::contact_all`]).
    fn contact_group(
        &mut self,
        group: &Group,
        serving: &[(Department, ColleagueId)],
        history_days: usize,
        planned: &mut Vec<Planned>,
    ) {
        let castings: Vec<Casting> = self
            .book
            .castings_of(&group.id)
            .into_iter()
            .cloned()
            .collect();
        let stretches = self.stretches(&castings, history_days);
        let target = castings.last().map_or(0, |c| c.rule.contacts() as usize);
        let people: Vec<PersonId> = self
            .book
            .group_persons(&group.id)
            .map(|p| p.id.clone())
            .collect();
        // Days ago, whether a service contact, and the stretch. Contacts are rounded up
        // over the whole history, so splitting it into stretches adds none.
        let mut days: Vec<(usize, bool, usize)> = Vec::new();
        let mut expected: usize = 0;
        for (i, s) in stretches.iter().enumerate() {
            let target = s.casting.map_or(0, |c| c.rule.contacts() as usize);
            let full_year = match self.rng.below(100) {
                0..=19 => target / 2,
                20..=79 => target,
                _ => target + 1 + self.rng.below(3),
            } + usize::from(target == 0 && self.rng.chance(40));
            let before = expected.div_ceil(365);
            expected += full_year * (s.to - s.from);
            for _ in before..expected.div_ceil(365) {
                days.push((s.from + self.rng.below(s.to - s.from), false, i));
            }
            if self.grown() {
                // Inbound calls and e-mails about everyday matters: two a year on average.
                let service = (self.rng.below(5) * (s.to - s.from) + self.rng.below(365)) / 365;
                for _ in 0..service {
                    days.push((s.from + self.rng.below(s.to - s.from), true, i));
                }
            }
        }
        sort::sort_by(&mut days, |a, b| b.cmp(a));
        let mut last = None;
        for (ago, service, i) in days {
            let stretch = &stretches[i];
            let format = if service || stretch.formats.is_empty() {
                Format::ServiceContact
            } else {
                stretch.formats[self.rng.below(stretch.formats.len())]
            };
            let inbound = format == Format::ServiceContact && self.rng.chance(60);
            let channel = match format {
                Format::ServiceContact => {
                    [Channel::Phone, Channel::Email, Channel::AtBranch][self.rng.below(3)]
                }
                Format::CallPartyCall => Channel::Phone,
                _ if self.rng.chance(20) => Channel::Video,
                _ => [Channel::AtCustomer, Channel::AtBranch][self.rng.below(2)],
            };
            let outcome = match self.rng.below(100) {
                0..=4 => Some(ContactOutcome::NotReached),
                5..=24 => Some(ContactOutcome::Appointment),
                25..=39 => Some(ContactOutcome::Offer),
                40..=49 => Some(ContactOutcome::Deal),
                50..=54 => Some(ContactOutcome::NoInterest),
                _ => None,
            };
            let hour = 8 + self.rng.below(9) as u32;
            let at = (self.today - Duration::days(ago as i64))
                .and_hms_opt(hour, [0, 15, 30, 45][self.rng.below(4)], 0)
                .unwrap_or_default();
            let id = ContactId::generate(self.rng.next());
            let topic = super::vocab::TOPICS[self.rng.below(super::vocab::TOPICS.len())];
            let mut contact = Contact {
                id: id.clone(),
                group: group.id.clone(),
                at,
                channel,
                format,
                direction: if inbound {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                bank: group
                    .advisor
                    .iter()
                    .cloned()
                    .chain(self.co_advisors(stretch.casting, serving))
                    .collect(),
                people: people.iter().take(1).cloned().collect(),
                topics: vec![name(topic)],
                outcome,
                notes: String::new(),
                updated_at: self.now,
            };
            if let Some(account) = &group.key_account {
                self.join_account(&mut contact, account, &people);
            }
            valid(self.book.record_contact(contact, None, None, self.now));
            last = Some((id, at.date(), format));
        }
        if let Some(account) = &group.key_account {
            self.account_talks(group, account, &people, history_days);
        }
        // Follow-ups long past were mostly kept: only recent ones are still open.
        let recent = |d: &NaiveDate| *d >= self.today - Duration::days(10);
        if let Some((id, date, format)) = last.filter(|_| target > 0 && self.rng.chance(60)) {
            let follow_up = Planned {
                id: PlannedId::generate(self.rng.next()),
                group: group.id.clone(),
                date: date + Duration::days(14 + self.rng.below(120) as i64),
                time: None,
                format,
                who: group.advisor.clone(),
                note: String::new(),
                agreed_in: Some(id),
                done: None,
                updated_at: self.now,
            };
            if recent(&follow_up.date) {
                planned.push(follow_up);
            }
        }
        if let Some(casting) = castings.last().filter(|_| self.grown()) {
            self.book_talks(group, casting, serving, planned);
        }
    }

    /// Splits the history among a group's castings (oldest first): each holds from its day
    /// until the next one's, the first also before its day.
    fn stretches<'a>(&self, castings: &'a [Casting], history_days: usize) -> Vec<Stretch<'a>> {
        let ago =
            |c: &Casting| ((self.today - c.date).num_days().max(0) as usize + 1).min(history_days);
        if castings.is_empty() {
            return vec![Stretch {
                casting: None,
                formats: Vec::new(),
                from: 0,
                to: history_days,
            }];
        }
        castings
            .iter()
            .enumerate()
            .map(|(i, c)| Stretch {
                casting: Some(c),
                formats: c
                    .rule
                    .plan
                    .iter()
                    .filter(|p| p.per_year > 0)
                    .map(|p| p.format)
                    .collect(),
                from: castings.get(i + 1).map_or(0, ago),
                to: if i == 0 { history_days } else { ago(c) },
            })
            .collect()
    }

    /// Books what the coming months call for: the talks the casting plans for the year, its
    /// departments' included, spread over it; and a talk shortly before each maturity within
    /// half a year. Appointments with a time, the earliest now and then slightly overdue.
    fn book_talks(
        &mut self,
        group: &Group,
        casting: &Casting,
        serving: &[(Department, ColleagueId)],
        planned: &mut Vec<Planned>,
    ) {
        let settings = &self.book.settings().casting;
        let mut talks: Vec<(Format, u8, Option<ColleagueId>)> = casting
            .rule
            .plan
            .iter()
            .map(|p| (p.format, p.per_year, group.advisor.clone()))
            .collect();
        talks.extend(casting.departments.iter().map(|d| {
            let colleague = serving.iter().find(|(s, _)| s == d).map(|(_, k)| k.clone());
            (
                Format::AdvisoryTalk,
                settings.department(*d).per_year,
                colleague,
            )
        }));
        let soon = self.today + Duration::days(180);
        let maturities: Vec<(NaiveDate, String)> = self
            .book
            .members(&group.id)
            .flat_map(|c| &c.occasions)
            .filter(|o| o.kind == OccasionKind::Maturity && o.date <= soon)
            .map(|o| (o.date, format!("Fälligkeit {}", o.label)))
            .collect();
        for (format, per_year, who) in talks.into_iter().filter(|(_, n, _)| *n > 0) {
            let every = 365 / usize::from(per_year);
            for k in 0..usize::from(per_year) {
                let ahead = (k * every + self.rng.below(every)) as i64 - 14;
                let date = self.today + Duration::days(ahead);
                planned.push(self.appointment(group, date, format, who.clone(), String::new()));
            }
        }
        for (due, label) in maturities {
            let date = due - Duration::days(7 + self.rng.below(21) as i64);
            let who = group.advisor.clone();
            planned.push(self.appointment(group, date, Format::AdvisoryTalk, who, label));
        }
    }

    fn appointment(
        &mut self,
        group: &Group,
        date: NaiveDate,
        format: Format,
        who: Option<ColleagueId>,
        note: String,
    ) -> Planned {
        Planned {
            time: NaiveTime::from_hms_opt(8 + self.rng.below(9) as u32, 0, 0),
            id: PlannedId::generate(self.rng.next()),
            group: group.id.clone(),
            date,
            format,
            who,
            note,
            agreed_in: None,
            done: None,
            updated_at: self.now,
        }
    }

    /// Colleagues of the casting's departments who joined a contact: each now and then.
    fn co_advisors(
        &mut self,
        casting: Option<&Casting>,
        serving: &[(Department, ColleagueId)],
    ) -> Vec<ColleagueId> {
        let mut out = Vec::new();
        for d in casting.map_or(&[][..], |c| &c.departments[..]) {
            if self.rng.chance(60) {
                out.extend(
                    serving
                        .iter()
                        .filter(|(s, _)| s == d)
                        .map(|(_, k)| k.clone()),
                );
            }
        }
        out
    }

    fn customer(
        &mut self,
        group: &GroupId,
        kind: CustomerKind,
        title: &str,
        segment: Segment,
    ) -> CustomerId {
        let id = CustomerId::generate(self.rng.next());
        let mut occasions = Vec::new();
        if kind == CustomerKind::Person {
            occasions.push(Occasion {
                kind: OccasionKind::Birthday,
                date: self.birthday(),
                label: String::new(),
            });
        }
        if self.rng.chance(25) {
            occasions.push(Occasion {
                kind: OccasionKind::Maturity,
                date: self.future_date(540),
                label: [
                    "Festgeld",
                    "Sparbrief",
                    "Darlehen Zinsbindung",
                    "Bausparvertrag",
                ][self.rng.below(4)]
                .to_owned(),
            });
        }
        let no_contact_until = self.rng.chance(3).then(|| self.future_date(180));
        let (street, postcode, town) = self.address();
        // Companies and public bodies mostly have a switchboard and a general address; some
        // private customers give a landline or an address of their own.
        let business = kind != CustomerKind::Person;
        let phone =
            (self.places.chance(if business { 80 } else { 30 })).then(|| self.customer_phone(kind));
        let email = (self.places.chance(if business { 60 } else { 20 }))
            .then(|| self.email(title, "kunden-beispiel.de"));
        let customer = Customer {
            id: id.clone(),
            group: group.clone(),
            kind,
            name: name(title),
            number: Some(format!(
                "{:010}",
                1_000_000_000 + self.rng.next() % 8_999_999_999
            )),
            street,
            postcode,
            town,
            phone,
            email,
            segment,
            consent: self.consent(),
            no_contact_until,
            occasions,
            notes: String::new(),
            updated_at: self.now,
        };
        valid(self.book.upsert_customer(customer, self.now));
        id
    }

    /// A contact person; one with a position is a business contact with influence and a
    /// buying-center role, one without is a private customer speaking for themselves.
    fn person(&mut self, customer: &CustomerId, full: &str, position: Option<&str>, domain: &str) {
        let business = position.is_some();
        let influence = business
            .then(|| Influence::new(1 + self.rng.below(10) as u8).ok())
            .flatten();
        let buying_role = business.then(|| BuyingRole::ALL[self.rng.below(BuyingRole::ALL.len())]);
        let motive = Some(BuyingMotive::ALL[self.rng.below(BuyingMotive::ALL.len())]);
        let phone = Some(self.phone());
        let email = self.rng.chance(80).then(|| self.email(full, domain));
        let person = ContactPerson {
            id: PersonId::generate(self.rng.next()),
            customer: customer.clone(),
            name: name(full),
            position: position.map(str::to_owned),
            influence,
            buying_role,
            motive,
            attitude: None,
            matters: String::new(),
            benefit: String::new(),
            phone,
            email,
            consent: self.consent(),
            notes: String::new(),
            updated_at: self.now,
        };
        valid(self.book.upsert_person(person));
    }

    fn set_lead(&mut self, group: &GroupId, lead: &CustomerId) {
        let mut g = self.book.groups()[group].clone();
        g.lead = Some(lead.clone());
        valid(self.book.upsert_group(g));
    }

    fn full_name(&mut self, last: &str) -> String {
        format!("{} {}", self.rng.pick(FIRST), last)
    }

    /// A family: one to four private customers, each their own contact person; in a grown
    /// book mostly one more, a child grown up.
    fn family(&mut self, advisor: &ColleagueId, segment: Segment) -> usize {
        let last = self.rng.pick(LAST);
        let g = self.group(&format!("Familie {last}"), segment, advisor);
        let size = 1 + self.rng.below(4) + usize::from(self.grown() && self.rng.chance(80));
        for i in 0..size {
            let full = self.full_name(last);
            let c = self.customer(&g, CustomerKind::Person, &full, segment);
            if i == 0 {
                self.set_lead(&g, &c);
            }
            self.person(&c, &full, None, "mail-beispiel.de");
        }
        size
    }

    /// A trade business with its owner's private accounts; in a grown book often the
    /// partner's too, and the bookkeeping as a second contact.
    fn business(&mut self, advisor: &ColleagueId) -> usize {
        let last = self.rng.pick(LAST);
        let trade = self.rng.pick(TRADES);
        let firm = format!("{trade} {last}");
        let g = self.group(&firm, Segment::Business, advisor);
        let c = self.customer(&g, CustomerKind::Company, &firm, Segment::Business);
        self.set_lead(&g, &c);
        let owner = self.full_name(last);
        self.person(&c, &owner, Some("Inhaber/in"), "betrieb-beispiel.de");
        if self.grown() && self.rng.chance(60) {
            let clerk_last = self.rng.pick(LAST);
            let clerk = self.full_name(clerk_last);
            self.person(&c, &clerk, Some("Buchhaltung"), "betrieb-beispiel.de");
        }
        let private = self.customer(&g, CustomerKind::Person, &owner, Segment::Private);
        self.person(&private, &owner, None, "mail-beispiel.de");
        if self.grown() && self.rng.chance(60) {
            let partner = self.full_name(last);
            let c = self.customer(&g, CustomerKind::Person, &partner, Segment::Private);
            self.person(&c, &partner, None, "mail-beispiel.de");
            return 3;
        }
        2
    }

    /// A company with holding and owner family; several decision makers, in a grown book often
    /// an authorised officer too.
    fn company(&mut self, advisor: &ColleagueId) -> usize {
        let last = self.rng.pick(LAST);
        let industry = self.rng.pick(INDUSTRIES);
        let legal = self.rng.pick(LEGAL);
        let firm = format!("{last} {industry} {legal}");
        let g = self.group(&format!("{last}-Gruppe"), Segment::Corporate, advisor);
        let c = self.customer(&g, CustomerKind::Company, &firm, Segment::Corporate);
        self.set_lead(&g, &c);
        let ceo = self.full_name(last);
        self.person(&c, &ceo, Some("Geschäftsführer/in"), "firma-beispiel.de");
        let cfo_last = self.rng.pick(LAST);
        let cfo = self.full_name(cfo_last);
        self.person(&c, &cfo, Some("Kaufmännische Leitung"), "firma-beispiel.de");
        if self.grown() && self.rng.chance(60) {
            let clerk_last = self.rng.pick(LAST);
            let clerk = self.full_name(clerk_last);
            self.person(&c, &clerk, Some("Prokurist/in"), "firma-beispiel.de");
        }
        if self.rng.chance(50) {
            let tax_last = self.rng.pick(LAST);
            let tax = self.full_name(tax_last);
            self.person(
                &c,
                &tax,
                Some("Steuerberater/in (extern)"),
                "kanzlei-beispiel.de",
            );
        }
        let mut count = 1;
        if self.rng.chance(50) {
            let holding = self.customer(
                &g,
                CustomerKind::Company,
                &format!("{last} Holding GmbH"),
                Segment::Corporate,
            );
            self.person(
                &holding,
                &ceo,
                Some("Geschäftsführer/in"),
                "firma-beispiel.de",
            );
            count += 1;
        }
        let owner = self.customer(&g, CustomerKind::Person, &ceo, Segment::PrivateBanking);
        self.person(&owner, &ceo, None, "mail-beispiel.de");
        count + 1
    }

    /// A municipality with its utility company.
    fn municipality(&mut self, advisor: &ColleagueId) -> usize {
        let home = self.rng.below(TOWNS.len());
        let town = TOWNS[home];
        let kind = ["Gemeinde", "Stadt"][self.rng.below(2)];
        let g = self.group(&format!("{kind} {town}"), Segment::Municipal, advisor);
        self.home = home;
        let c = self.customer(
            &g,
            CustomerKind::PublicBody,
            &format!("{kind} {town}"),
            Segment::Municipal,
        );
        self.set_lead(&g, &c);
        let mayor_last = self.rng.pick(LAST);
        let mayor = self.full_name(mayor_last);
        self.person(&c, &mayor, Some("Bürgermeister/in"), "rathaus-beispiel.de");
        let treasurer_last = self.rng.pick(LAST);
        let treasurer = self.full_name(treasurer_last);
        self.person(
            &c,
            &treasurer,
            Some("Kämmerer/Kämmerin"),
            "rathaus-beispiel.de",
        );
        if self.rng.chance(60) {
            let utility = self.customer(
                &g,
                CustomerKind::Company,
                &format!("Stadtwerke {town} GmbH"),
                Segment::Municipal,
            );
            let ceo_last = self.rng.pick(LAST);
            let ceo = self.full_name(ceo_last);
            self.person(
                &utility,
                &ceo,
                Some("Geschäftsführer/in"),
                "stadtwerke-beispiel.de",
            );
            return 2;
        }
        1
    }
}

/// A key account's contact person in one position: influence, buying-center role, attitude to
/// the bank, what matters to them, and the benefit the bank offers them.
type Profile = (
    &'static str,
    u8,
    BuyingRole,
    Attitude,
    &'static str,
    &'static str,
);

/// The municipal utility's buying center: the town's mayor and treasurer, the utility's head.
const UTILITY: &[Profile] = &[
    (
        "Geschäftsführer/in",
        10,
        BuyingRole::Decider,
        Attitude::Critic,
        "Planbare Finanzierung der Netzerweiterung und des neuen Wärmenetzes",
        "Förderkredite und eine Konsortialfinanzierung aus einer Hand, ohne Umweg über eine Großbank",
    ),
    (
        "Bürgermeister/in",
        8,
        BuyingRole::Influencer,
        Attitude::Neutral,
        "Bezahlbare Energiepreise für die Bürger und ein ausgeglichener Haushalt",
        "Sichtbares Engagement der Sparkasse für die Energiewende vor Ort",
    ),
    (
        "Kämmerer/Kämmerin",
        7,
        BuyingRole::Buyer,
        Attitude::Supporter,
        "Eine planbare Zinslast im Haushalt über die ganze Laufzeit",
        "Kommunalkredite mit langer Zinsbindung und schnelle Zusagen",
    ),
];

/// Industries of the sample's companies that make things.
const MANUFACTURING: &[&str] = &[
    "Maschinenbau",
    "Metallbau",
    "Präzisionsteile",
    "Kunststofftechnik",
    "Medizintechnik",
    "Elektronik",
];

/// The manufacturer's buying center.
const MANUFACTURER: &[Profile] = &[
    (
        "Geschäftsführer/in",
        10,
        BuyingRole::Decider,
        Attitude::Supporter,
        "Die Nachfolge in der Familie regeln, ohne das Wachstum zu bremsen",
        "Nachfolgeberatung und Private Banking für die Familie aus einer Hand",
    ),
    (
        "Kaufmännische Leitung",
        8,
        BuyingRole::Buyer,
        Attitude::Critic,
        "Schnelle Kreditentscheidungen und wenig Aufwand beim Reporting",
        "Entlastung bei der Liquiditätsplanung durch Cash-Management und eine feste Betriebsmittellinie",
    ),
    (
        "Prokurist/in",
        5,
        BuyingRole::User,
        Attitude::Neutral,
        "Reibungsloser Zahlungsverkehr mit den Lieferanten in Asien",
        "Akkreditive und Devisentermingeschäfte über das Auslandsgeschäft",
    ),
    (
        "Steuerberater/in (extern)",
        6,
        BuyingRole::Influencer,
        Attitude::Neutral,
        "Eine steuerlich saubere Struktur zwischen Holding und Betrieb",
        "Früh eingebunden werden, wenn die Bank eine neue Struktur vorschlägt",
    ),
];

/// The hospital group's buying center; the last one works for its medical care centre.
const HOSPITAL: &[Profile] = &[
    (
        "Geschäftsführer/in",
        10,
        BuyingRole::Decider,
        Attitude::Neutral,
        "Die Modernisierung der Notaufnahme finanzieren, ohne die Rücklagen aufzubrauchen",
        "Eine Finanzierung, die Fördermittel des Landes und Darlehen zusammenführt",
    ),
    (
        "Kaufmännische Direktion",
        8,
        BuyingRole::Buyer,
        Attitude::Critic,
        "Liquidität, auch wenn die Krankenkassen spät zahlen",
        "Entlastung bei der Liquiditätsplanung mit einer flexiblen Betriebsmittellinie",
    ),
    (
        "Leitung Finanzen und Controlling",
        6,
        BuyingRole::Influencer,
        Attitude::Supporter,
        "Übersichtliche Konten für Klinik und MVZ und schnelle Auskünfte",
        "Electronic Banking mit Freigaben nach dem Vier-Augen-Prinzip",
    ),
    (
        "Technische Leitung",
        4,
        BuyingRole::User,
        Attitude::Neutral,
        "Photovoltaik und Wärmepumpen für die Klinikgebäude",
        "Leasing für Medizin- und Energietechnik, abgestimmt auf die Förderzusagen",
    ),
    (
        "Assistenz der Geschäftsführung",
        3,
        BuyingRole::Gatekeeper,
        Attitude::Supporter,
        "Gut vorbereitete Termine, die pünktlich enden",
        "Unterlagen vorab und ein Ansprechpartner, der zurückruft",
    ),
    (
        "Ärztliche Leitung MVZ",
        5,
        BuyingRole::Initiator,
        Attitude::Neutral,
        "Mehr Praxissitze im MVZ und eine Zweigpraxis in Waldkirch",
        "Praxisfinanzierung und die Erfahrung der Sparkasse mit Heilberufen",
    ),
];

/// Key accounts (schema 6), drawn from `accounts` so that the rest of the book stays as it was
/// before they came.
impl Generator {
    /// Runs `f` with `accounts` in place of `rng` when `group` was made for the key accounts.
    fn drawing_for<T>(&mut self, group: &GroupId, f: impl FnOnce(&mut Self) -> T) -> T {
        if !self.own.contains(group) {
            return f(self);
        }
        self.swap();
        let out = f(self);
        self.swap();
        out
    }

    fn swap(&mut self) {
        std::mem::swap(&mut self.rng, &mut self.accounts);
        self.swapped = !self.swapped;
    }

    /// The key accounts' generator, wherever it is right now.
    fn account_draws(&mut self) -> &mut Rng {
        if self.swapped {
            &mut self.rng
        } else {
            &mut self.accounts
        }
    }

    fn serving(&self, department: Department) -> Option<ColleagueId> {
        self.book
            .colleagues()
            .values()
            .find(|k| k.serves == Some(department))
            .map(|k| k.id.clone())
    }

    /// Three of the first advisor's groups become key accounts, so that the key-account pages
    /// are never empty: a town with its utility (Major), the manufacturer with the largest
    /// buying center (Key) and a hospital group made for it (Target). The advisor manages
    /// them, another advisor (or a colleague added for it) deputises, a team in roles serves
    /// them, with a board member added to the book; their contact persons get influence,
    /// buying roles, attitudes, what matters to them and their benefit.
    fn key_accounts(&mut self, advisors: &[ColleagueId]) {
        let me = &advisors[0];
        self.swap();
        let board = self.colleague("Dr. Ulrich Kienzler", "Vorstand", None);
        let deputy = match advisors.get(1) {
            Some(other) => other.clone(),
            None => self.colleague("Elke Sauter", "Firmen- und Privatkundenberatung", None),
        };
        let hospital = self.group("Elztal-Kliniken", Segment::Corporate, me);
        let clinic = self.customer(
            &hospital,
            CustomerKind::Company,
            "Elztal-Kliniken gGmbH",
            Segment::Corporate,
        );
        self.set_lead(&hospital, &clinic);
        let mvz = self.customer(
            &hospital,
            CustomerKind::Company,
            "MVZ Elztal GmbH",
            Segment::Corporate,
        );
        for (i, profile) in HOSPITAL.iter().enumerate() {
            let last = self.rng.pick(LAST);
            let full = self.full_name(last);
            let at = if i + 1 == HOSPITAL.len() {
                &mvz
            } else {
                &clinic
            };
            self.person(at, &full, Some(profile.0), "kliniken-beispiel.de");
        }
        self.own.insert(hospital.clone());
        self.swap();

        let utility = self.largest(me, Segment::Municipal, |c| c.starts_with("Stadtwerke "));
        let maker = self.largest(me, Segment::Corporate, |c| {
            MANUFACTURING.iter().any(|i| c.contains(i))
        });
        let accounts = [
            (
                utility,
                AccountTier::Major,
                vec![
                    (Some(me.clone()), BankRole::KeyAccountManager),
                    (Some(board.clone()), BankRole::Board),
                    (self.serving(Department::Subsidies), BankRole::Specialist),
                    (self.serving(Department::Treasury), BankRole::ProductManager),
                ],
                UTILITY,
            ),
            (
                maker,
                AccountTier::Key,
                vec![
                    (Some(me.clone()), BankRole::KeyAccountManager),
                    (self.serving(Department::Succession), BankRole::Specialist),
                    (
                        self.serving(Department::ForeignTrade),
                        BankRole::ProductManager,
                    ),
                ],
                MANUFACTURER,
            ),
            (
                Some(hospital),
                AccountTier::Target,
                vec![
                    (Some(me.clone()), BankRole::KeyAccountManager),
                    (self.serving(Department::Leasing), BankRole::Specialist),
                ],
                HOSPITAL,
            ),
        ];
        for (group, tier, team, profiles) in accounts {
            let Some(group) = group else { continue };
            let account = KeyAccount {
                tier,
                manager: Some(me.clone()),
                deputy: Some(deputy.clone()),
                team: team
                    .into_iter()
                    .filter_map(|(k, role)| {
                        Some(TeamMember {
                            colleague: k?,
                            role,
                        })
                    })
                    .collect(),
            };
            self.mark(&group, account, profiles);
        }
    }

    /// Of `me`'s groups in `segment` with a member whose name `fits`, the one with the most
    /// contact persons (the first of equals).
    fn largest(
        &self,
        me: &ColleagueId,
        segment: Segment,
        fits: impl Fn(&str) -> bool,
    ) -> Option<GroupId> {
        let mut best: Option<(usize, GroupId)> = None;
        for g in self.book.groups().values() {
            if g.segment != segment || g.advisor.as_ref() != Some(me) {
                continue;
            }
            if !self.book.members(&g.id).any(|c| fits(c.name.as_str())) {
                continue;
            }
            let n = self.book.group_persons(&g.id).count();
            if best.as_ref().is_none_or(|(most, _)| n > *most) {
                best = Some((n, g.id.clone()));
            }
        }
        best.map(|(_, id)| id)
    }

    /// Makes `group` a key account and gives its contact persons their profile by position.
    fn mark(&mut self, group: &GroupId, account: KeyAccount, profiles: &[Profile]) {
        let mut g = self.book.groups()[group].clone();
        g.key_account = Some(account);
        valid(self.book.upsert_group(g));
        let persons: Vec<ContactPerson> = self.book.group_persons(group).cloned().collect();
        for mut p in persons {
            let Some(&(_, influence, role, attitude, matters, benefit)) =
                profiles.iter().find(|f| Some(f.0) == p.position.as_deref())
            else {
                continue;
            };
            p.influence = Influence::new(influence).ok();
            p.buying_role = Some(role);
            p.attitude = Some(attitude);
            p.matters = matters.to_owned();
            p.benefit = benefit.to_owned();
            valid(self.book.upsert_person(p));
        }
    }

    /// Who of a key account's bank side and buying center takes part in a contact: beside the
    /// advisor, now and then the deputy and the team's colleagues (the board seldom, and
    /// seldom in service contacts), and one to three of the group's persons.
    fn join_account(&mut self, contact: &mut Contact, account: &KeyAccount, people: &[PersonId]) {
        let service = contact.format == Format::ServiceContact;
        let bank = account
            .deputy
            .iter()
            .map(|d| (d, 10))
            .chain(account.team.iter().map(|m| {
                let chance = match m.role {
                    BankRole::Board => 10,
                    _ if service => 10,
                    _ => 40,
                };
                (&m.colleague, chance)
            }));
        for (colleague, chance) in bank {
            if self.account_draws().chance(chance) && !contact.bank.contains(colleague) {
                contact.bank.push(colleague.clone());
            }
        }
        if !people.is_empty() {
            contact.people = self.some_of(people, 3);
        }
    }

    /// One to `most` of `people` (not empty), drawn for a key account.
    fn some_of(&mut self, people: &[PersonId], most: usize) -> Vec<PersonId> {
        let mut pool = people.to_vec();
        let n = 1 + self.account_draws().below(pool.len().min(most));
        (0..n)
            .map(|_| {
                let i = self.account_draws().below(pool.len());
                pool.swap_remove(i)
            })
            .collect()
    }

    /// The team's own talks with a key account: each colleague besides the manager met its
    /// buying center once or twice within the last year, together with the advisor; a board
    /// member in a strategy talk at the customer's, the others in advisory talks.
    fn account_talks(
        &mut self,
        group: &Group,
        account: &KeyAccount,
        people: &[PersonId],
        history_days: usize,
    ) {
        if people.is_empty() {
            return;
        }
        let span = history_days.clamp(1, 365);
        let team = account
            .team
            .iter()
            .filter(|m| Some(&m.colleague) != account.manager.as_ref());
        for member in team {
            let talks = 1 + self.account_draws().below(2);
            for _ in 0..talks {
                let r = self.account_draws();
                let ago = 1 + r.below(span) as i64;
                let hour = 8 + r.below(9) as u32;
                let (format, channel) = if member.role == BankRole::Board {
                    (Format::StrategyTalk, Channel::AtCustomer)
                } else {
                    let channel = [Channel::AtCustomer, Channel::AtBranch, Channel::Video];
                    (Format::AdvisoryTalk, channel[r.below(3)])
                };
                let outcome = [
                    None,
                    Some(ContactOutcome::Appointment),
                    Some(ContactOutcome::Offer),
                ][r.below(3)];
                let id = ContactId::generate(r.next());
                let topic = super::vocab::TOPICS[r.below(super::vocab::TOPICS.len())];
                let at = (self.today - Duration::days(ago))
                    .and_hms_opt(hour, 0, 0)
                    .unwrap_or_default();
                let contact = Contact {
                    id,
                    group: group.id.clone(),
                    at,
                    channel,
                    format,
                    direction: Direction::Outbound,
                    bank: group
                        .advisor
                        .iter()
                        .chain([&member.colleague])
                        .cloned()
                        .collect(),
                    people: self.some_of(people, 2),
                    topics: vec![name(topic)],
                    outcome,
                    notes: String::new(),
                    updated_at: self.now,
                };
                valid(self.book.record_contact(contact, None, None, self.now));
            }
        }
    }
}

/// Generates a book of the given size. `now` stamps every record; `seed` varies the content.
pub fn generate(size: SampleSize, seed: u64, now: Timestamp) -> Book {
    let mut gen = Generator {
        rng: Rng(seed),
        now,
        today: now.date_naive(),
        book: Book::default(),
        years: size.years(),
        reach: Default::default(),
        places: Rng(seed ^ 0x00AD_D2E5_5E5A),
        home: 0,
        accounts: Rng(seed ^ 0x6B65_7941_6363),
        own: BTreeSet::new(),
        swapped: false,
    };
    let advisors: Vec<ColleagueId> = (0..size.advisors.max(1))
        .map(|i| {
            let full = ADVISORS[i % ADVISORS.len()];
            gen.colleague(full, "Firmen- und Privatkundenberatung", None)
        })
        .collect();
    for (full, department, serves) in DEPARTMENTS {
        gen.colleague(full, department, Some(*serves));
    }
    valid(gen.book.set_me(Some(advisors[0].clone())));
    for advisor in &advisors {
        let mut customers = 0;
        while customers < size.customers_per_advisor {
            customers += match gen.rng.below(100) {
                0..=44 => gen.family(advisor, Segment::Private),
                45..=54 => gen.family(advisor, Segment::PrivateBanking),
                55..=74 => gen.business(advisor),
                75..=91 => gen.company(advisor),
                _ => gen.municipality(advisor),
            };
        }
    }
    gen.key_accounts(&advisors);
    gen.cast_all();
    gen.contact_all(size.history_days);
    gen.book
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> Timestamp {
        chrono::Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
    }

    #[test]
    fn advisor_book_is_deterministic_and_realistic() {
        let a = generate(SampleSize::ADVISOR, 7, now());
        let b = generate(SampleSize::ADVISOR, 7, now());
        assert_eq!(a, b);
        assert!(
            (200..=500).contains(&a.groups().len()),
            "{}",
            a.groups().len()
        );
        assert!(a.customers().len() >= 800);
        let segments: std::collections::BTreeSet<_> =
            a.groups().values().map(|g| g.segment).collect();
        assert_eq!(segments.len(), Segment::ALL.len());
        assert!(a.settings().me.is_some());
        // Buying-center data only for business contacts (those with a position).
        let (business, private): (Vec<_>, Vec<_>) =
            a.persons().values().partition(|p| p.position.is_some());
        assert!(private
            .iter()
            .all(|p| p.influence.is_none() && p.buying_role.is_none()));
        assert!(business
            .iter()
            .all(|p| p.influence.is_some() && p.buying_role.is_some()));
        assert!(!private.is_empty() && !business.is_empty());
        // Every group has a lead that is one of its members.
        assert!(a.groups().values().all(|g| g.lead.is_some()));
        assert!(Book::from_data(a.to_data()).is_ok());
    }

    #[test]
    fn customers_have_addresses_in_the_region_and_some_a_phone_or_email_of_their_own() {
        let book = generate(SampleSize::ADVISOR, 7, now());
        let customers: Vec<_> = book.customers().values().collect();
        let share = |n: usize| n * 100 / customers.len();
        let with_address: Vec<_> = customers.iter().filter(|c| c.street.is_some()).collect();
        assert!((80..=95).contains(&share(with_address.len())));
        for c in &with_address {
            let street = c.street.as_deref().unwrap();
            assert!(street.ends_with(|d: char| d.is_ascii_digit()), "{street}");
            let (postcode, town) = (c.postcode.as_deref().unwrap(), c.town.as_deref().unwrap());
            let home = TOWNS.iter().position(|t| *t == town).unwrap();
            assert_eq!(postcode, POSTCODES[home]);
        }
        assert_eq!(POSTCODES.len(), TOWNS.len());
        assert!(POSTCODES
            .iter()
            .all(|p| p.len() == 5 && p.chars().all(|d| d.is_ascii_digit())));
        // A municipality is at home in its own town.
        let elsewhere = customers
            .iter()
            .filter(|c| c.kind == CustomerKind::PublicBody)
            .filter(|c| {
                c.town
                    .as_ref()
                    .is_some_and(|t| !c.name.as_str().ends_with(t.as_str()))
            })
            .count();
        assert_eq!(elsewhere, 0);
        let phones = customers.iter().filter(|c| c.phone.is_some()).count();
        let emails = customers.iter().filter(|c| c.email.is_some()).count();
        assert!((20..=70).contains(&share(phones)), "{} %", share(phones));
        assert!((10..=50).contains(&share(emails)), "{} %", share(emails));
        // Unique, so the duplicate search finds nothing among them.
        let all_phones: std::collections::BTreeSet<_> = customers
            .iter()
            .filter_map(|c| c.phone.as_ref().map(|p| p.as_str()))
            .collect();
        assert_eq!(all_phones.len(), phones);
    }

    #[test]
    fn key_accounts_of_every_tier_with_their_team_buying_center_and_contacts() {
        use crate::domain::key_accounts::list;
        for seed in [7, 2026] {
            let book = generate(SampleSize::ADVISOR, seed, now());
            let me = book.settings().me.clone().unwrap();
            let rows = list(&book, now().date_naive());
            let tiers: Vec<AccountTier> = rows.iter().map(|r| r.account.tier).collect();
            assert_eq!(
                tiers,
                [AccountTier::Major, AccountTier::Key, AccountTier::Target]
            );
            let members = |r: &crate::domain::key_accounts::Row| -> Vec<String> {
                book.members(&r.group.id)
                    .map(|c| c.name.to_string())
                    .collect()
            };
            assert!(members(&rows[0])
                .iter()
                .any(|c| c.starts_with("Stadtwerke ")));
            assert!(members(&rows[1])
                .iter()
                .any(|c| MANUFACTURING.iter().any(|i| c.contains(i))));
            assert_eq!(rows[2].group.name.as_str(), "Elztal-Kliniken");
            assert!(book
                .colleagues()
                .values()
                .any(|k| k.department.as_deref() == Some("Vorstand")));
            let mut attitudes = BTreeSet::new();
            let mut roles = BTreeSet::new();
            for row in &rows {
                let k = row.account;
                assert_eq!(k.manager.as_ref(), Some(&me));
                assert!(k.deputy.is_some() && k.deputy != k.manager);
                assert!((2..=4).contains(&k.team.len()), "{:?}", k.team);
                let team_roles: BTreeSet<BankRole> = k.team.iter().map(|m| m.role).collect();
                assert_eq!(
                    team_roles.len(),
                    k.team.len(),
                    "each in a role of their own"
                );
                assert!(k.colleagues().all(|c| book.colleagues().contains_key(c)));
                let profiled: Vec<_> = book
                    .group_persons(&row.group.id)
                    .filter(|p| p.attitude.is_some())
                    .collect();
                assert!(profiled.len() >= 2, "{}", row.group.name.as_str());
                for p in profiled {
                    assert!(p.influence.is_some() && p.buying_role.is_some());
                    assert!(!p.matters.is_empty() && !p.benefit.is_empty());
                    attitudes.extend(p.attitude);
                    roles.extend(p.buying_role);
                }
                // Team colleagues besides the manager meet the account's persons, and some
                // contacts have more than one person.
                let team: BTreeSet<&ColleagueId> = k
                    .team
                    .iter()
                    .map(|m| &m.colleague)
                    .filter(|c| Some(*c) != k.manager.as_ref())
                    .collect();
                let contacts = book.contacts_of(&row.group.id);
                let joint = contacts
                    .iter()
                    .filter(|c| c.bank.iter().any(|b| team.contains(b)) && !c.people.is_empty())
                    .count();
                assert!(joint >= 2, "{}: {joint}", row.group.name.as_str());
                assert!(contacts.iter().any(|c| c.people.len() >= 2));
            }
            assert_eq!(attitudes.len(), Attitude::ALL.len());
            assert_eq!(roles.len(), BuyingRole::ALL.len());
            assert!(Book::from_data(book.to_data()).is_ok());
        }
    }

    #[test]
    fn team_book_has_ten_thousand_customers() {
        let team = generate(SampleSize::TEAM, 1, now());
        assert!((10_000..10_050).contains(&team.customers().len()));
        assert_eq!(
            team.groups()
                .values()
                .filter_map(|g| g.advisor.as_ref())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            10
        );
    }

    #[test]
    fn five_year_book_has_the_team_figures() {
        let book = generate(SampleSize::TEAM_FIVE_YEARS, 1, now());
        for (count, about) in [
            (book.groups().len(), 3_500),
            (book.customers().len(), 10_000),
            (book.persons().len(), 12_000),
            (book.castings().len(), 17_000),
            (book.contacts().len(), 65_000),
            (book.planned().len(), 10_000),
        ] {
            assert!(
                count.abs_diff(about) * 10 <= about,
                "{count}, not about {about}"
            );
        }
        // Booked and agreed contacts lie ahead, a few slightly overdue.
        let month_ago = now().date_naive() - Duration::days(30);
        assert!(book
            .planned()
            .values()
            .all(|p| p.is_open() && p.date >= month_ago));
        assert!(Book::from_data(book.to_data()).is_ok());
    }

    #[test]
    fn every_class_occurs_with_a_realistic_spread() {
        let book = generate(SampleSize::ADVISOR, 7, now());
        let o = crate::domain::casting::portfolio::overview(&book, now().date_naive());
        let share = |n: usize| n * 100 / o.groups;
        let [a, b, c, d, none] = o.classes.map(share);
        assert!((5..=25).contains(&a), "A {a} %");
        assert!((15..=40).contains(&b), "B {b} %");
        assert!((15..=45).contains(&c), "C {c} %");
        assert!((5..=35).contains(&d), "D {d} %");
        assert!((5..=20).contains(&none), "not cast {none} %");
        assert!(o.due > o.classes[4], "some castings are over a year old");
    }

    #[test]
    fn other_seed_other_book() {
        assert_ne!(
            generate(SampleSize::ADVISOR, 1, now()),
            generate(SampleSize::ADVISOR, 2, now())
        );
    }
}
