//! Casting across a book: castings in the book, the overview, splits per criterion, the
//! casting round order, capacity per class, advisor and department, the what-if.

use crate::common::*;
use chrono::NaiveDate;
use kontaktnetz::domain::book::{Book, Problem};
use kontaktnetz::domain::casting::capacity::{
    by_advisor, by_department, capacity, department_minutes, percent, serving,
};
use kontaktnetz::domain::casting::portfolio::{
    next_in_round, overview, splits, status, CastingFilter, RoundOf, Schemes,
};
use kontaktnetz::domain::casting::scheme::{CastingSettings, Scheme};
use kontaktnetz::domain::ids::CastingId;
use kontaktnetz::domain::sample::{generate, SampleSize};
use kontaktnetz::domain::search::{Filter, SearchIndex};
use kontaktnetz::domain::vocab::{Class, Department, Format, Segment};
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

/// The Firmenkunden scheme inside casting settings, to edit.
fn corporate(settings: &mut CastingSettings) -> &mut Scheme {
    settings
        .schemes
        .iter_mut()
        .find(|s| s.segment == Segment::Corporate)
        .unwrap()
}

/// Four corporate groups of two advisors: A, B and C cast, one never cast; one private group
/// without an advisor, cast D over a year ago.
fn portfolio() -> Book {
    let mut book = build(
        vec![
            colleague("k-1", "Katharina Brenner"),
            colleague("k-2", "Anton Adler"),
        ],
        vec![
            group("g-a", "Alpha AG", Segment::Corporate, Some("k-1")),
            group("g-b", "Beta GmbH", Segment::Corporate, Some("k-1")),
            group("g-c", "Gamma KG", Segment::Corporate, Some("k-2")),
            group("g-n", "Neu GmbH", Segment::Corporate, Some("k-2")),
            group("g-d", "Familie Dorn", Segment::Private, None),
        ],
        vec![],
        vec![],
    );
    // Corporate: potential, commission, succession, liquidity, income. A ≥ 9, B ≥ 6, C ≥ 3.
    cast(
        &mut book,
        "a-a",
        "g-a",
        "2026-05-01",
        &[0, 3, 1, 2, 2],
        None,
    ); // 13 → A
    cast(
        &mut book,
        "a-b",
        "g-b",
        "2026-06-01",
        &[0, 2, 0, 0, 0],
        None,
    ); // 6 → B
    cast(
        &mut book,
        "a-c",
        "g-c",
        "2026-07-01",
        &[1, 1, 0, 0, 0],
        None,
    ); // 3 → C
    cast(&mut book, "a-d", "g-d", "2025-10-01", &[0, 0, 0, 0], None); // 0 → D
    book
}

#[test]
fn castings_belong_to_existing_groups_and_go_with_them() {
    let mut book = portfolio();
    let mut stray = book.castings()[&id::<CastingId>("a-a")].clone();
    stray.id = id("a-x");
    stray.group = gid("g-fehlt");
    assert!(matches!(
        book.upsert_casting(stray),
        Err(Problem::UnknownReference { .. })
    ));
    let removed = book.delete_group(&gid("g-a"), at(1));
    assert_eq!(removed.castings, 1);
    assert!(!book.castings().contains_key(&id::<CastingId>("a-a")));
    assert!(Book::from_data(book.to_data()).is_ok());
}

#[test]
fn the_latest_casting_counts_and_history_is_kept() {
    let mut book = portfolio();
    cast(
        &mut book,
        "a-b2",
        "g-b",
        "2026-11-01",
        &[2, 0, 0, 0, 0],
        None,
    );
    let current = book.current_casting(&gid("g-b")).unwrap();
    assert_eq!((current.id.as_str(), current.class()), ("a-b2", Class::D));
    assert_eq!(book.castings_of(&gid("g-b")).len(), 2);
}

#[test]
fn overview_counts_classes_due_and_differences() {
    let mut book = portfolio();
    let o = overview(&book, day(TODAY));
    assert_eq!(o.classes, [1, 1, 1, 1, 1]);
    assert_eq!(o.groups, 5);
    assert_eq!(o.due, 2, "never cast (g-n) and cast over a year ago (g-d)");
    assert_eq!(o.differs, 0);

    // Raise the B threshold: Beta (6 points) would now be C.
    let mut settings = book.settings().casting.clone();
    corporate(&mut settings).thresholds.b = 7;
    book.set_casting_settings(settings).unwrap();
    let o = overview(&book, day(TODAY));
    assert_eq!(o.differs, 1);
    assert_eq!(o.classes[1], 1, "the stored class stays B until re-cast");

    let schemes = Schemes::of(&book);
    let beta = &book.groups()[&gid("g-b")];
    let s = status(&schemes, beta, book.current_casting(&beta.id), day(TODAY));
    assert!(s.matches(&CastingFilter::Differs));
    assert!(s.matches(&CastingFilter::Class(Class::B)));
    assert!(!s.matches(&CastingFilter::Due));
}

#[test]
fn splits_count_each_answer_of_the_current_castings() {
    let book = portfolio();
    let corporate = splits(&book, Segment::Corporate);
    assert_eq!(corporate.len(), 5);
    assert_eq!(corporate[0].counts, vec![2, 1, 0], "potential");
    assert_eq!(corporate[1].counts, vec![0, 1, 1, 1], "commission");
    assert_eq!(corporate[0].other, 0);
    let private = splits(&book, Segment::Private);
    assert_eq!(private[0].counts.iter().sum::<usize>(), 1);

    let schemes = Schemes::of(&book);
    let alpha = &book.groups()[&gid("g-a")];
    let s = status(&schemes, alpha, book.current_casting(&alpha.id), day(TODAY));
    let scheme = schemes.get(Segment::Corporate);
    let answer = |c: usize, o: usize| CastingFilter::Answer {
        criterion: scheme.criteria[c].key.clone(),
        choice: scheme.criteria[c].choices[o].key.clone(),
    };
    assert!(s.matches(&answer(0, 0)));
    assert!(!s.matches(&answer(0, 1)));
}

#[test]
fn the_group_list_filters_by_casting() {
    let book = portfolio();
    let index = SearchIndex::build(&book, day(TODAY));
    let found = |casting: CastingFilter| -> Vec<String> {
        let filter = Filter {
            casting: Some(casting),
            ..Filter::default()
        };
        index
            .search(&filter)
            .iter()
            .map(|h| h.group.to_string())
            .collect()
    };
    assert_eq!(found(CastingFilter::Class(Class::A)), vec!["g-a"]);
    assert_eq!(found(CastingFilter::NotCast), vec!["g-n"]);
    assert_eq!(found(CastingFilter::Due), vec!["g-d", "g-n"]);
    let scheme = book.settings().casting.scheme(Segment::Corporate);
    let potential = |o: usize| CastingFilter::Answer {
        criterion: scheme.criteria[0].key.clone(),
        choice: scheme.criteria[0].choices[o].key.clone(),
    };
    assert_eq!(found(potential(0)), vec!["g-a", "g-b"]);
    assert_eq!(found(potential(1)), vec!["g-c"]);
    // The numbers of the overview and the splits are exactly these lists' lengths.
    let o = overview(&book, day(TODAY));
    assert_eq!(o.due, found(CastingFilter::Due).len());
    assert_eq!(
        splits(&book, Segment::Corporate)[0].counts[0],
        found(potential(0)).len()
    );
}

#[test]
fn the_round_walks_due_groups_by_name() {
    let book = portfolio();
    let today = day(TODAY);
    assert_eq!(
        next_in_round(&book, today, RoundOf::Due, None, None),
        (Some(gid("g-d")), 2)
    );
    assert_eq!(
        next_in_round(&book, today, RoundOf::Due, None, Some(&gid("g-d"))),
        (Some(gid("g-n")), 2)
    );
    assert_eq!(
        next_in_round(&book, today, RoundOf::Due, None, Some(&gid("g-n"))),
        (None, 2)
    );
    // After a group that is not due itself, the round goes on from its place in the order.
    assert_eq!(
        next_in_round(&book, today, RoundOf::Due, None, Some(&gid("g-c"))),
        (Some(gid("g-n")), 2)
    );
    assert_eq!(
        next_in_round(&book, today, RoundOf::Due, Some(Segment::Corporate), None),
        (Some(gid("g-n")), 1)
    );
}

#[test]
fn a_round_of_differing_castings_walks_only_those() {
    let mut book = portfolio();
    let today = day(TODAY);
    assert_eq!(
        next_in_round(&book, today, RoundOf::Differs, None, None),
        (None, 0)
    );
    let mut settings = book.settings().casting.clone();
    corporate(&mut settings).thresholds.c = 4; // Gamma (3 points) would now be D.
    book.set_casting_settings(settings).unwrap();
    assert_eq!(
        next_in_round(&book, today, RoundOf::Differs, None, None),
        (Some(gid("g-c")), 1)
    );
    // Re-cast with the same answers: the result now matches the scheme, the round is done.
    cast(&mut book, "a-c2", "g-c", TODAY, &[1, 1, 0, 0, 0], None);
    assert_eq!(
        next_in_round(&book, today, RoundOf::Differs, None, None),
        (None, 0)
    );
    assert_eq!(book.current_casting(&gid("g-c")).unwrap().class(), Class::D);
}

#[test]
fn capacity_per_class_with_the_default_plans() {
    let book = portfolio();
    let settings = book.settings().casting.clone();
    let all = capacity(&book, &settings, |_| true);
    // Corporate A: strategy 120 + annual 90 + 2 × advisory 60; B: 90 + 60; C: 60; private D: 0.
    let minutes: Vec<u32> = all.classes.iter().map(|l| l.minutes).collect();
    assert_eq!(minutes, vec![330, 150, 60, 0]);
    let contacts: Vec<u32> = all.classes.iter().map(|l| l.contacts).collect();
    assert_eq!(contacts, vec![4, 2, 1, 0]);
    assert_eq!(all.not_cast, 1);
    assert_eq!(all.total().minutes, 540);
    assert_eq!(settings.market.minutes(), 210 * 480 * 40 / 100);
    assert_eq!(percent(all.total().minutes, settings.market.minutes()), 1);

    // What-if: A groups get two more advisory talks; nothing is saved.
    let mut whatif = settings.clone();
    let advisory = corporate(&mut whatif).classes[0]
        .plan
        .iter_mut()
        .find(|p| p.format == Format::AdvisoryTalk)
        .unwrap();
    advisory.per_year = 4;
    assert_eq!(capacity(&book, &whatif, |_| true).classes[0].minutes, 450);
    assert_eq!(capacity(&book, &settings, |_| true).classes[0].minutes, 330);
}

#[test]
fn capacity_per_advisor_and_department() {
    let book = portfolio();
    let settings = book.settings().casting.clone();
    let rows = by_advisor(&book, &settings);
    let names: Vec<Option<&str>> = rows
        .iter()
        .map(|(a, _)| a.as_ref().map(|a| a.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![Some("k-2"), Some("k-1"), None],
        "by name, unassigned last"
    );
    assert_eq!(rows[1].1.total().minutes, 480);
    assert_eq!((rows[0].1.total().minutes, rows[0].1.not_cast), (60, 1));
    assert_eq!(rows[2].1.classes[3].groups, 1);

    // Alpha involves private banking, securities, succession and treasury; nobody else does.
    let departments = by_department(&book, &settings);
    let involved: Vec<Department> = departments.iter().map(|(d, _)| *d).collect();
    assert_eq!(
        involved,
        vec![
            Department::PrivateBanking,
            Department::Succession,
            Department::Securities,
            Department::Treasury
        ]
    );
    assert!(departments
        .iter()
        .all(|(_, l)| l.groups == 1 && l.minutes == 60));
}

#[test]
fn a_department_has_the_market_time_of_its_colleagues() {
    let mut book = portfolio();
    assert!(serving(&book, Department::PrivateBanking).is_empty());
    let mut pb = colleague("k-pb", "Paula Privat");
    pb.serves = Some(Department::PrivateBanking);
    book.upsert_colleague(pb);
    let people = serving(&book, Department::PrivateBanking);
    assert_eq!(people.len(), 1);
    assert_eq!(department_minutes(40_320, people.len()), 40_320);
    assert_eq!(
        department_minutes(40_320, 0),
        40_320,
        "counted as one person before anyone is assigned"
    );
    assert_eq!(department_minutes(40_320, 3), 120_960);
}

#[test]
fn percent_rounds_half_up() {
    assert_eq!(
        [
            percent(1, 2),
            percent(1, 3),
            percent(2, 3),
            percent(5, 0),
            percent(3, 2)
        ],
        [50, 33, 67, 0, 150]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// Summed over advisors (and the unassigned), the load is the portfolio's load.
    #[test]
    fn advisor_loads_add_up_to_the_portfolio(seed in 0u64..1000) {
        let book = generate(SampleSize { advisors: 3, customers_per_advisor: 40, history_days: 365 }, seed, at(0));
        let settings = book.settings().casting.clone();
        let all = capacity(&book, &settings, |_| true);
        let rows = by_advisor(&book, &settings);
        let summed: u32 = rows.iter().map(|(_, c)| c.total().minutes).sum();
        prop_assert_eq!(summed, all.total().minutes);
        let groups: u32 = rows.iter().map(|(_, c)| c.total().groups + c.not_cast).sum();
        prop_assert_eq!(groups as usize, book.groups().len());
        let o = overview(&book, at(0).date_naive());
        prop_assert_eq!(o.classes.iter().sum::<usize>(), book.groups().len());
        prop_assert_eq!(o.classes[4] as u32, all.not_cast);
    }
}
