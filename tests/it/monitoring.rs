//! Target vs. actual and the dashboard figures: pro-rata targets at the edges of a period and
//! of castings, which contacts count, statuses, roll-ups, deciles and drill-down filters.

use crate::common::*;
use chrono::{NaiveDate, TimeZone, Utc};
use kontaktnetz::domain::book::{Book, Problem};
use kontaktnetz::domain::contact::Contact;
use kontaktnetz::domain::model::Group;
use kontaktnetz::domain::reports::dashboard::{
    activity, cast_within_a_year, deciles, most_over, most_under, time_on_c_and_d, trend_owner,
    weekly,
};
use kontaktnetz::domain::reports::monitoring::{
    by_advisor, by_class, by_department, class_lines, class_tallies, report, total,
    MonitoringProblem, MonitoringSettings, Period, PeriodChoice, PeriodProblem, Row, RowFilter,
    Status,
};
use kontaktnetz::domain::vocab::{Channel, Class, ContactOutcome, Department, Direction, Segment};
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: day(from),
        to: day(to),
    }
}

const Y2026: (&str, &str) = ("2026-01-01", "2026-12-31");

/// `n` private groups `g-0`, `g-1`, … of `k-anna` (the even ones) and `k-ben`, in the book
/// since 2020.
fn portfolio(n: usize) -> Book {
    let groups: Vec<Group> = (0..n)
        .map(|i| {
            let advisor = if i % 2 == 0 { "k-anna" } else { "k-ben" };
            let mut g = group(
                &format!("g-{i}"),
                &format!("Verbund {i}"),
                Segment::Private,
                Some(advisor),
            );
            g.created_at = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
            g
        })
        .collect();
    let mut serving = colleague("k-pb", "Paula Private Banking");
    serving.serves = Some(Department::PrivateBanking);
    build(
        vec![
            colleague("k-anna", "Anna Berater"),
            colleague("k-ben", "Ben Kollege"),
            serving,
        ],
        groups,
        vec![],
        vec![],
    )
}

/// Casts `group` with a manual class on `date`.
fn class(book: &mut Book, group: &str, date: &str, class: Class) {
    let id = format!("a-{group}-{date}");
    cast(book, &id, group, date, &[0, 0, 0, 0], Some(class));
}

fn add(book: &mut Book, c: Contact) {
    book.record_contact(c, None, None, at(0)).unwrap();
}

fn row<'a>(rows: &'a [Row<'a>], group: &str) -> &'a Row<'a> {
    rows.iter()
        .find(|r| r.group.id == gid(group))
        .unwrap_or_else(|| panic!("{group} has no row"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_calendar_year_is_one_year_also_a_leap_year() {
    assert!(close(period("2025-01-01", "2025-12-31").years(), 1.0));
    assert!(close(period("2024-01-01", "2024-12-31").years(), 1.0));
    assert!(close(
        period("2025-01-01", "2025-06-30").years(),
        181.0 / 365.0
    ));
    assert!(close(
        period("2024-07-01", "2025-06-30").years(),
        184.0 / 366.0 + 181.0 / 365.0
    ));
    assert!(close(
        period("2026-03-05", "2026-03-05").years(),
        1.0 / 365.0
    ));
}

#[test]
fn period_choices_end_today_at_the_latest() {
    let today = day("2026-11-23");
    let p = |c: PeriodChoice| c.period(today);
    assert_eq!(
        p(PeriodChoice::YearToDate),
        Ok(period("2026-01-01", "2026-11-23"))
    );
    assert_eq!(
        p(PeriodChoice::Last12Months),
        Ok(period("2025-11-24", "2026-11-23"))
    );
    assert_eq!(
        p(PeriodChoice::Year(2025)),
        Ok(period("2025-01-01", "2025-12-31"))
    );
    assert_eq!(
        p(PeriodChoice::Year(2026)),
        Ok(period("2026-01-01", "2026-11-23"))
    );
    assert_eq!(p(PeriodChoice::Year(2027)), Err(PeriodProblem::InFuture));
    assert_eq!(
        p(PeriodChoice::Range(day("2026-05-01"), day("2026-04-30"))),
        Err(PeriodProblem::Reversed)
    );
    assert_eq!(
        p(PeriodChoice::Range(day("2026-11-23"), day("2026-11-23"))),
        Ok(period("2026-11-23", "2026-11-23"))
    );
}

#[test]
fn targets_are_pro_rata_from_the_casting_day_and_across_class_changes() {
    let mut book = portfolio(6);
    // A from the first day, from mid-year, on the last day, the day after; B then A.
    class(&mut book, "g-0", "2026-01-01", Class::A);
    class(&mut book, "g-1", "2026-07-01", Class::A);
    class(&mut book, "g-2", "2026-12-31", Class::A);
    class(&mut book, "g-3", "2027-01-01", Class::A);
    class(&mut book, "g-4", "2025-06-01", Class::B);
    class(&mut book, "g-4", "2026-04-01", Class::A);
    class(&mut book, "g-5", "2025-12-31", Class::C);
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    assert!(close(row(&rows, "g-0").target, 4.0));
    assert!(close(row(&rows, "g-1").target, 4.0 * 184.0 / 365.0));
    assert!(close(row(&rows, "g-2").target, 4.0 / 365.0));
    assert!(close(
        row(&rows, "g-4").target,
        2.0 * 90.0 / 365.0 + 4.0 * 275.0 / 365.0
    ));
    assert!(close(row(&rows, "g-5").target, 1.0));
    let later = row(&rows, "g-3");
    assert_eq!((later.class, later.target, later.status), (None, 0.0, None));
    assert_eq!(
        row(&rows, "g-4").class,
        Some(Class::A),
        "the class at the end"
    );
    assert_eq!(row(&rows, "g-1").span, period("2026-07-01", "2026-12-31"));
}

#[test]
fn a_group_counts_from_the_day_it_came_into_the_book() {
    let mut book = portfolio(1);
    class(&mut book, "g-0", "2025-01-01", Class::A);
    let mut g = book.groups()[&gid("g-0")].clone();
    g.created_at = Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap();
    book.upsert_group(g).unwrap();
    let mut late = group("g-new", "Neu", Segment::Private, None);
    late.created_at = Utc.with_ymd_and_hms(2027, 1, 1, 9, 0, 0).unwrap();
    book.upsert_group(late).unwrap();
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    assert!(close(row(&rows, "g-0").target, 4.0 * 92.0 / 365.0));
    assert_eq!(rows.len(), 1, "a group created after the period has no row");
}

#[test]
fn only_reached_talks_in_counted_formats_and_channels_within_the_span_count() {
    let mut book = portfolio(1);
    class(&mut book, "g-0", "2026-03-01", Class::A);
    add(&mut book, talk("t-before", "g-0", "2026-02-28"));
    add(&mut book, talk("t-first", "g-0", "2026-03-01"));
    add(&mut book, talk("t-last", "g-0", "2026-12-31"));
    add(&mut book, talk("t-after", "g-0", "2027-01-01"));
    let missed = Contact {
        outcome: Some(ContactOutcome::NotReached),
        channel: Channel::Phone,
        ..talk("t-missed", "g-0", "2026-05-01")
    };
    add(&mut book, missed);
    let mail = Contact {
        channel: Channel::Email,
        ..talk("t-mail", "g-0", "2026-05-02")
    };
    add(&mut book, mail);
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    assert_eq!(
        row(&rows, "g-0").actual,
        2,
        "first and last day, nothing else"
    );
    // Advisory talks at the customer's take the scheme's 30 minutes.
    assert_eq!(row(&rows, "g-0").minutes, 60);

    let mut settings = MonitoringSettings::default();
    settings.channels.push(Channel::Email);
    let settings = MonitoringSettings::new(settings.formats, settings.channels, 80, 150).unwrap();
    book.set_monitoring_settings(settings).unwrap();
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    assert_eq!(row(&rows, "g-0").actual, 3, "mail counts once configured");
}

#[test]
fn status_needs_the_threshold_and_one_whole_contact() {
    let s = MonitoringSettings::default();
    assert_eq!(s.status(4.0, 0), Status::Under);
    assert_eq!(s.status(4.0, 3), Status::Under, "75 % and one missing");
    assert_eq!(s.status(4.0, 4), Status::OnTarget);
    assert_eq!(
        s.status(4.0, 6),
        Status::OnTarget,
        "150 % is still on target"
    );
    assert_eq!(s.status(4.0, 7), Status::Over);
    assert_eq!(
        s.status(0.9, 0),
        Status::OnTarget,
        "less than a contact owed"
    );
    assert_eq!(s.status(1.0, 0), Status::Under);
    assert_eq!(s.status(0.0, 0), Status::OnTarget);
    assert_eq!(s.status(0.0, 1), Status::Over, "reactive only, yet visited");
    assert_eq!(
        s.status(0.1, 1),
        Status::OnTarget,
        "one contact is not too many"
    );
}

#[test]
fn monitoring_settings_out_of_bounds_are_refused_also_in_a_file() {
    use kontaktnetz::domain::vocab::Format;
    let all = || Format::ALL.to_vec();
    let channels = || vec![Channel::Phone];
    assert_eq!(
        MonitoringSettings::new(vec![], channels(), 80, 150),
        Err(MonitoringProblem::NoFormat)
    );
    assert_eq!(
        MonitoringSettings::new(all(), vec![], 80, 150),
        Err(MonitoringProblem::NoChannel)
    );
    assert_eq!(
        MonitoringSettings::new(all(), channels(), 9, 150),
        Err(MonitoringProblem::Under)
    );
    assert_eq!(
        MonitoringSettings::new(all(), channels(), 80, 99),
        Err(MonitoringProblem::Over)
    );
    let book = small_book();
    let data = data_with(&book, |d| {
        d.settings.monitoring.under = 0;
    });
    assert_eq!(
        Book::from_data(data),
        Err(vec![Problem::Monitoring(MonitoringProblem::Under)])
    );
    let data = data_with(&book, |d| {
        d.settings.monitoring.channels = vec![Channel::Phone, Channel::Phone];
    });
    assert_eq!(
        Book::from_data(data),
        Err(vec![Problem::Monitoring(MonitoringProblem::NoChannel)])
    );
}

/// Eight groups over 2026: A g-0 (4 talks), A g-1 (none), B g-2 (2), B g-3 (none), C g-4 (5),
/// D g-5 (3), D g-6 (none), g-7 not cast (1).
fn eight() -> Book {
    let mut book = portfolio(8);
    for (g, c) in [
        ("g-0", Class::A),
        ("g-1", Class::A),
        ("g-2", Class::B),
        ("g-3", Class::B),
        ("g-4", Class::C),
        ("g-5", Class::D),
        ("g-6", Class::D),
    ] {
        class(&mut book, g, "2025-01-01", c);
    }
    for (g, n) in [("g-0", 4), ("g-2", 2), ("g-4", 5), ("g-5", 3), ("g-7", 1)] {
        for i in 0..n {
            add(
                &mut book,
                talk(&format!("t-{g}-{i}"), g, &format!("2026-0{}-10", i + 1)),
            );
        }
    }
    book
}

#[test]
fn roll_ups_per_class_advisor_and_portfolio() {
    let book = eight();
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    let statuses: Vec<Option<Status>> = rows.iter().map(|r| r.status).collect();
    use Status::*;
    assert_eq!(
        statuses,
        vec![
            Some(OnTarget),
            Some(Under),
            Some(OnTarget),
            Some(Under),
            Some(Over),
            Some(Over),
            Some(OnTarget),
            None
        ]
    );
    let classes = by_class(&rows);
    assert_eq!(
        (classes[0].groups, classes[0].actual, classes[0].under),
        (2, 4, 1)
    );
    assert!(close(classes[0].target, 8.0));
    assert_eq!(classes[0].achievement(), Some(50));
    assert_eq!((classes[3].over, classes[3].target), (1, 0.0));
    assert_eq!(classes[3].achievement(), None);
    assert_eq!((classes[4].groups, classes[4].actual), (1, 1), "not cast");
    // The table lines: A to D, then the uncast groups because there is one; without it, none.
    let lines = class_lines(&rows);
    let labels: Vec<Option<Class>> = lines.iter().map(|(c, _)| *c).collect();
    assert_eq!(
        labels,
        vec![
            Some(Class::A),
            Some(Class::B),
            Some(Class::C),
            Some(Class::D),
            None
        ]
    );
    assert_eq!(lines[4].1, classes[4]);
    let cast_only: Vec<_> = rows.iter().filter(|r| r.class.is_some()).cloned().collect();
    assert_eq!(class_lines(&cast_only).len(), 4);
    assert_eq!(
        class_tallies(&cast_only).len(),
        5,
        "the chart keeps its five bars"
    );
    let all = total(&rows);
    assert_eq!(
        (all.groups, all.actual, all.under, all.on_target, all.over),
        (8, 15, 2, 3, 2)
    );
    assert_eq!(all.no_contact, 3);
    let advisors = by_advisor(&book, &rows);
    let names: Vec<_> = advisors
        .iter()
        .map(|(a, t)| (a.clone(), t.groups))
        .collect();
    assert_eq!(
        names,
        vec![(Some(kid("k-anna")), 4), (Some(kid("k-ben")), 4)]
    );

    // Time: every talk is an advisory talk of 30 minutes; C and D got 8 of 15.
    assert_eq!(time_on_c_and_d(&classes), Some(53));
    let under: Vec<_> = most_under(&rows, 10)
        .iter()
        .map(|r| r.group.id.to_string())
        .collect();
    assert_eq!(
        under,
        vec!["g-1", "g-3"],
        "no contact at all; A before B by id"
    );
    let over: Vec<_> = most_over(&rows, 1)
        .iter()
        .map(|r| r.group.id.to_string())
        .collect();
    assert_eq!(over, vec!["g-4"], "4 beyond the target before D's 3");
}

#[test]
fn every_filter_lists_exactly_the_rows_it_counts() {
    let book = eight();
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    let listed = |f: RowFilter| -> Vec<String> {
        rows.iter()
            .filter(|r| f.matches(r))
            .map(|r| r.group.id.to_string())
            .collect()
    };
    let classes = by_class(&rows);
    assert_eq!(
        listed(RowFilter {
            classes: vec![Some(Class::A)],
            status: Some(Status::Under),
            ..RowFilter::default()
        })
        .len() as u32,
        classes[0].under
    );
    assert_eq!(
        listed(RowFilter {
            classes: vec![Some(Class::C), Some(Class::D)],
            ..RowFilter::default()
        }),
        vec!["g-4", "g-5", "g-6"]
    );
    assert_eq!(
        listed(RowFilter {
            classes: vec![None],
            ..RowFilter::default()
        }),
        vec!["g-7"]
    );
    assert_eq!(
        listed(RowFilter {
            no_contact: true,
            advisor: Some(Some(kid("k-ben"))),
            ..RowFilter::default()
        }),
        vec!["g-1", "g-3"]
    );
    for d in 1..=10u8 {
        let n = listed(RowFilter {
            decile: Some(d),
            ..RowFilter::default()
        })
        .len() as u32;
        assert_eq!(n, deciles(&rows).groups[usize::from(d) - 1]);
    }
}

#[test]
fn departments_have_their_own_target_and_contacts() {
    let mut book = portfolio(1);
    // Wealth over 500 T€ calls in Private Banking (once a year by default).
    cast(&mut book, "a-pb", "g-0", "2026-01-01", &[2, 3, 2, 0], None);
    assert!(book
        .current_casting(&gid("g-0"))
        .unwrap()
        .departments
        .contains(&Department::PrivateBanking));
    let with_pb = Contact {
        bank: vec![kid("k-anna"), kid("k-pb")],
        ..talk("t-pb", "g-0", "2026-03-03")
    };
    add(&mut book, with_pb);
    add(&mut book, talk("t-anna", "g-0", "2026-04-04"));
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    let pb = row(&rows, "g-0")
        .departments
        .iter()
        .find(|d| d.department == Department::PrivateBanking)
        .unwrap();
    assert_eq!((pb.actual, pb.status), (1, Status::OnTarget));
    assert!(close(pb.target, 1.0));
    let per_department = by_department(&rows);
    assert!(per_department.contains(&(
        Department::PrivateBanking,
        kontaktnetz::domain::reports::monitoring::Tally {
            groups: 1,
            target: 1.0,
            actual: 1,
            on_target: 1,
            ..Default::default()
        }
    )));
    let filter = RowFilter {
        department: Some(Department::PrivateBanking),
        no_contact: true,
        ..RowFilter::default()
    };
    assert!(!filter.matches(row(&rows, "g-0")));
}

#[test]
fn deciles_split_the_reference_pattern() {
    // 10 groups: two with 6 contacts in the year, eight with one each (the reference's
    // 80 % at 1,2 and 20 % at 6,3 in miniature).
    let mut book = portfolio(10);
    for g in 0..10 {
        let n = if g < 2 { 6 } else { 1 };
        for i in 0..n {
            let c = talk(
                &format!("t-{g}-{i}"),
                &format!("g-{g}"),
                &format!("2025-0{}-15", i + 1),
            );
            add(&mut book, c);
        }
    }
    let rows = report(&book, period("2025-01-01", "2025-12-31"), |_| true);
    let d = deciles(&rows);
    assert_eq!(d.groups, [1; 10]);
    assert_eq!(d.averages[0], 6.0);
    assert_eq!(d.averages[9], 1.0);
    assert!(close(d.top_fifth, 6.0) && close(d.rest, 1.0));
    assert_eq!(row(&rows, "g-0").decile, 1);
    assert_eq!(row(&rows, "g-1").decile, 2);
}

#[test]
fn activity_mix_and_weekly_trend() {
    let mut book = eight();
    let inbound = Contact {
        direction: Direction::Inbound,
        channel: Channel::Email,
        outcome: Some(ContactOutcome::Deal),
        bank: vec![kid("k-ben")],
        ..talk("t-in", "g-1", "2026-11-17")
    };
    add(&mut book, inbound);
    let rows = report(&book, period(Y2026.0, Y2026.1), |_| true);
    let a = activity(&book, &rows, period(Y2026.0, Y2026.1));
    assert_eq!((a.contacts, a.outbound, a.inbound), (16, 15, 1));
    assert_eq!(a.channels[Channel::AtCustomer as usize], 15);
    assert_eq!(a.channels[Channel::Email as usize], 1);
    assert_eq!(a.active_appointments, 15);
    assert_eq!(a.outcome(ContactOutcome::Deal), 1);
    assert_eq!(a.conversion(), Some(7), "1 deal per 15 appointments");

    // The trend shown: the advisor the report is narrowed to, else the device's owner.
    let ben = Some(kid("k-ben"));
    let anna = kid("k-anna");
    assert_eq!(trend_owner(Some(&ben), Some(&anna)), ben);
    assert_eq!(trend_owner(None, Some(&anna)), Some(anna.clone()));
    assert_eq!(trend_owner(Some(&None), Some(&anna)), Some(anna));
    assert_eq!(trend_owner(None, None), None);
    let weeks = weekly(&book, &kid("k-ben"), day("2026-11-23"), 3);
    let shown: Vec<_> = weeks
        .iter()
        .map(|w| (w.monday, w.contacts, w.number()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (day("2026-11-09"), 0, 46),
            (day("2026-11-16"), 1, 47),
            (day("2026-11-23"), 0, 48)
        ]
    );
    assert_eq!(
        cast_within_a_year(&book, &rows, day("2026-11-23")),
        0,
        "cast 2025-01-01"
    );
    assert_eq!(cast_within_a_year(&book, &rows, day("2025-12-31")), 7);
}

proptest! {
    /// Splitting a period anywhere splits every target exactly, and the actuals too unless a
    /// casting falls into the period: a cast group counts contacts from its casting on, so a
    /// contact before it counts only in a part where the group was not cast yet.
    #[test]
    fn targets_and_actuals_add_up_over_split_periods(split in 1u32..364, cast_day in 0u32..400) {
        let mut book = eight();
        let start = day("2025-10-01");
        let cast_on = start + chrono::Days::new(u64::from(cast_day));
        class(&mut book, "g-7", &cast_on.to_string(), Class::B);
        let whole = period(Y2026.0, Y2026.1);
        let mid = whole.from + chrono::Days::new(u64::from(split));
        let first = Period { from: whole.from, to: mid.pred_opt().unwrap() };
        let second = Period { from: mid, to: whole.to };
        let sum = |p: Period| {
            let rows = report(&book, p, |_| true);
            let t = total(&rows);
            (t.target, t.actual)
        };
        let (t, a) = sum(whole);
        let (t1, a1) = sum(first);
        let (t2, a2) = sum(second);
        prop_assert!((t - t1 - t2).abs() < 1e-9, "{t} vs {t1} + {t2}");
        if cast_on <= whole.from {
            prop_assert_eq!(a, a1 + a2);
        }
    }
}
