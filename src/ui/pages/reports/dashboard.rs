//! The portfolio dashboard: structure by class, target vs. actual, where the time goes, who
//! is most under- or over-served, contact intensity by decile, the contact mix and the weekly
//! trend. Every number links to the groups (or contacts) behind it.

use crate::domain::book::Book;
use crate::domain::casting::capacity::percent;
use crate::domain::ids::ColleagueId;
use crate::domain::reports::dashboard::{
    activity, cast_within_a_year, deciles, most_over, most_under, time_on_c_and_d, trend_owner,
    weekly, Activity,
};
use crate::domain::reports::monitoring::{
    by_class, class_lines, class_tallies, report, total, Period, Row, Status,
};
use crate::domain::time_format::format_date;
use crate::domain::vocab::{Channel, Class, ContactOutcome, Direction};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{bar_chart, column_chart, table_view, Bar, Column};
use crate::ui::pages::reports::controls::{
    advisor_name, group_cells, report_frame, tally_cells, GROUP_HEAD, TALLY_HEAD,
};
use crate::ui::report_query::ReportQuery;
use crate::ui::route::{with_query, Route};
use crate::ui::state::use_app;
use crate::ui::table::{Cell, Table};
use leptos::prelude::*;

/// How many groups the lists of the most under- and over-served show.
const TOP: usize = 10;
/// Weeks of the weekly trend.
const WEEKS: u32 = 12;

/// A figure tile: the figure (a link to its groups where there are some) and one plain line
/// on what it means.
fn stat(
    label: &'static str,
    testid: &'static str,
    text: String,
    href: Option<String>,
    explain: String,
) -> impl IntoView {
    view! {
        <div class="stat">
            <dt>{label}</dt>
            <dd data-testid=testid>{match href {
                Some(h) => view! { <a href=h>{text}</a> }.into_any(),
                None => text.into_any(),
            }}</dd>
            <dd class="meta explain">{explain}</dd>
        </div>
    }
}

/// The contact history of the period (and advisor), narrowed by `extra` parameters.
fn contacts_href(q: &ReportQuery, period: Period, extra: &[(&str, &str)]) -> String {
    let (from, to) = (format_date(period.from), format_date(period.to));
    let advisor = match &q.filter.advisor {
        Some(Some(a)) => a.to_string(),
        _ => String::new(),
    };
    let mut params = vec![
        ("von", from.as_str()),
        ("bis", to.as_str()),
        ("betreuer", advisor.as_str()),
    ];
    params.extend_from_slice(extra);
    with_query(&Route::Contacts.href(), &params)
}

fn class_section(q: &ReportQuery, rows: &[Row]) -> impl IntoView {
    let all = total(rows);
    let bars: Vec<Bar> = class_tallies(rows)
        .into_iter()
        .map(|(class, t)| Bar {
            label: texts::class_label(class),
            value: u64::from(t.groups),
            class: class.map_or("none", Class::key),
            href: q.groups(|f| f.classes = vec![class]),
        })
        .collect();
    let mut head = vec!["Klasse"];
    head.extend(TALLY_HEAD);
    head.extend(["Anteil", "Zeit (Std.)", "Zeitanteil"]);
    let row = |first: String,
               t: &crate::domain::reports::monitoring::Tally,
               narrow: &dyn Fn(&mut crate::domain::reports::monitoring::RowFilter)| {
        let mut cells = vec![Cell::text(first)];
        cells.extend(tally_cells(q, t, narrow));
        cells.push(Cell::number(texts::share_of(t.groups, all.groups)));
        cells.push(Cell::number(texts::hours(t.minutes as u32)));
        cells.push(Cell::number(texts::share_of(
            t.minutes as u32,
            all.minutes as u32,
        )));
        cells
    };
    let table = Table {
        head,
        rows: class_lines(rows)
            .into_iter()
            .map(|(class, t)| {
                row(texts::class_label(class), &t, &move |f| {
                    f.classes = vec![class]
                })
            })
            .collect(),
        foot: Some(row(texts::PORTFOLIO.into(), &all, &|_| {})),
    };
    view! {
        <h2>"Klassen: Struktur und Soll/Ist"</h2>
        {bar_chart("Verbünde je Klasse", &bars)}
        {table_view(table, "dash-classes")}
    }
}

fn group_list(b: &Book, rows: &[&Row]) -> Table {
    Table {
        head: GROUP_HEAD.to_vec(),
        rows: rows
            .iter()
            .map(|r| group_cells(b, r, r.target, r.actual))
            .collect(),
        foot: None,
    }
}

fn decile_section(q: &ReportQuery, rows: &[Row]) -> impl IntoView {
    let d = deciles(rows);
    let columns: Vec<Column> = (0..10)
        .map(|i| Column {
            label: format!("{}.", i + 1),
            value: (d.averages[i] * 10.0).round() as u64,
            shown: texts::decimal(d.averages[i]),
        })
        .collect();
    let table = Table {
        head: vec!["Dezil", "Verbünde", "Ø Kontakte p. a."],
        rows: (0..10)
            .map(|i| {
                let n = i as u8 + 1;
                vec![
                    Cell::text(format!("{n}.")),
                    Cell::link(
                        texts::number(d.groups[i].into()),
                        q.groups(|f| f.decile = Some(n)),
                    ),
                    Cell::number(texts::decimal(d.averages[i])),
                ]
            })
            .collect(),
        foot: None,
    };
    let all = total(rows);
    view! {
        <h2>"Kontaktintensität nach Dezilen"</h2>
        <p data-testid="dash-split">{texts::decile_split(d.top_fifth, d.rest)}</p>
        <p>
            "Ohne zählenden Kontakt: "
            <a class="tap-link" href=q.groups(|f| f.no_contact = true) data-testid="dash-no-contact">
                {texts::number(all.no_contact.into())}
            </a>
            {format!(" ({})", texts::share_of(all.no_contact, all.groups))}
        </p>
        {column_chart("Ø zählende Kontakte pro Jahr je Dezil (1. = kontaktstärkstes Zehntel)", &columns, "dash-decile-chart")}
        {table_view(table, "dash-deciles")}
    }
}

fn activity_section(q: &ReportQuery, period: Period, a: &Activity) -> impl IntoView {
    let link = |n: u32, extra: &[(&str, &str)]| {
        Cell::link(texts::number(n.into()), contacts_href(q, period, extra))
    };
    let channels = Table {
        head: vec!["Kanal", "Kontakte", "Anteil"],
        rows: Channel::ALL
            .iter()
            .filter(|c| a.channels[**c as usize] > 0)
            .map(|c| {
                let n = a.channels[*c as usize];
                vec![
                    Cell::text(texts::channel(*c).into()),
                    link(n, &[("kanal", c.key())]),
                    Cell::number(texts::share_of(n, a.contacts)),
                ]
            })
            .collect(),
        foot: Some(vec![
            Cell::text("Alle Kontakte".into()),
            link(a.contacts, &[]),
            Cell::number(String::new()),
        ]),
    };
    let outcomes = Table {
        head: vec!["Ergebnis", "Kontakte", "Anteil"],
        rows: ContactOutcome::ALL
            .iter()
            .map(|o| {
                let n = a.outcome(*o);
                vec![
                    Cell::text(texts::outcome(*o).into()),
                    link(n, &[("ergebnis", o.key())]),
                    Cell::number(texts::share_of(n, a.contacts)),
                ]
            })
            .collect(),
        foot: None,
    };
    let directions = Table {
        head: vec!["Richtung", "Kontakte", "Anteil"],
        rows: [
            (Direction::Outbound, a.outbound),
            (Direction::Inbound, a.inbound),
        ]
        .into_iter()
        .map(|(d, n)| {
            vec![
                Cell::text(texts::direction(d).into()),
                link(n, &[("richtung", d.key())]),
                Cell::number(texts::share_of(n, a.contacts)),
            ]
        })
        .collect(),
        foot: Some(vec![
            Cell::text("Termine aus aktiven Kontakten".into()),
            link(
                a.active_appointments,
                &[
                    ("richtung", Direction::Outbound.key()),
                    ("ergebnis", ContactOutcome::Appointment.key()),
                ],
            ),
            Cell::number(texts::share_of(a.active_appointments, a.outbound)),
        ]),
    };
    view! {
        <h2>"Kontakte im Zeitraum"</h2>
        <p class="meta">{texts::ACTIVITY_NOTE}</p>
        <div class="columns-2">
            <div>{table_view(channels, "dash-channels")}</div>
            <div>{table_view(directions, "dash-directions")}</div>
        </div>
        {table_view(outcomes, "dash-outcomes")}
        <p data-testid="dash-conversion">{texts::conversion(a.conversion())}</p>
    }
}

fn trend_section(b: &Book, who: &ColleagueId, today: chrono::NaiveDate) -> impl IntoView {
    let weeks = weekly(b, who, today, WEEKS);
    let columns: Vec<Column> = weeks
        .iter()
        .map(|w| Column {
            label: format!("KW {}", w.number()),
            value: u64::from(w.contacts),
            shown: texts::number(w.contacts.into()),
        })
        .collect();
    let table = Table {
        head: vec!["Woche", "Kontakte"],
        rows: weeks
            .iter()
            .map(|w| {
                let days = w.days();
                let href = with_query(
                    &Route::Contacts.href(),
                    &[
                        ("von", &format_date(days.from)),
                        ("bis", &format_date(days.to)),
                        ("wer", who.as_str()),
                    ],
                );
                vec![
                    Cell::text(texts::week(w.number(), days)),
                    Cell::link(texts::number(w.contacts.into()), href),
                ]
            })
            .collect(),
        foot: None,
    };
    let name = advisor_name(b, Some(who));
    view! {
        <h2>{texts::weekly_trend(&name)}</h2>
        {column_chart("Kontakte je Woche", &columns, "dash-trend-chart")}
        {table_view(table, "dash-trend")}
    }
}

fn body(q: ReportQuery, period: Period) -> impl IntoView {
    let app = use_app();
    move || {
        app.book.with(|b| {
            let today = browser::today();
            let advisor = q.filter.advisor.clone();
            let rows = report(b, period, |g| {
                advisor.as_ref().is_none_or(|a| g.advisor.as_ref() == a.as_ref())
            });
            let all = total(&rows);
            let covered = cast_within_a_year(b, &rows, today);
            let time_cd = time_on_c_and_d(&by_class(&rows));
            let under = most_under(&rows, TOP);
            let over = most_over(&rows, TOP);
            let a = activity(b, &rows, period);
            let who = trend_owner(q.filter.advisor.as_ref(), b.settings().me.as_ref());
            view! {
                <dl class="stats" data-testid="dash-stats">
                    {stat("Verbünde", "dash-groups", texts::number(all.groups.into()), Some(q.groups(|_| {})), texts::EXPLAIN_GROUPS.into())}
                    {stat("Soll-Erfüllung", "dash-achievement", all.achievement().map_or("–".into(), texts::percent), None, texts::EXPLAIN_ACHIEVEMENT.into())}
                    {stat("Unterbetreut", "dash-under", texts::number(all.under.into()), Some(q.groups(|f| f.status = Some(Status::Under))), texts::EXPLAIN_UNDER.into())}
                    {stat("Überbetreut", "dash-over", texts::number(all.over.into()), Some(q.groups(|f| f.status = Some(Status::Over))), texts::EXPLAIN_OVER.into())}
                    {stat("Zeitanteil C/D", "dash-time-cd", time_cd.map_or("–".into(), texts::percent), Some(q.groups(|f| f.classes = vec![Some(Class::C), Some(Class::D)])), texts::EXPLAIN_TIME_CD.into())}
                    {stat("Casting aktuell", "dash-cast", texts::percent(percent(covered, all.groups)), Some(Route::CastingOverview.href()), texts::coverage(covered, all.groups))}
                </dl>
                {class_section(&q, &rows)}
                <h2>"Am stärksten unterbetreut: A- und B-Verbünde"</h2>
                {table_view(group_list(b, &under), "dash-under-list")}
                <p class="no-print"><a class="tap-link" href=q.groups(|f| { f.classes = vec![Some(Class::A), Some(Class::B)]; f.status = Some(Status::Under); })>"Alle unterbetreuten A- und B-Verbünde"</a></p>
                <h2>"Am stärksten überbetreut: C- und D-Verbünde"</h2>
                {table_view(group_list(b, &over), "dash-over-list")}
                <p class="no-print"><a class="tap-link" href=q.groups(|f| { f.classes = vec![Some(Class::C), Some(Class::D)]; f.status = Some(Status::Over); })>"Alle überbetreuten C- und D-Verbünde"</a></p>
                {decile_section(&q, &rows)}
                {activity_section(&q, period, &a)}
                {who.map(|w| trend_section(b, &w, today))}
            }
        })
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let q = ReportQuery::parse(&browser::current_hash()).0;
    view! {
        <section class="page dashboard">
            <h1 tabindex="-1">"Auswertung"</h1>
            <div class="actions no-print">
                <a class="button" href=q.href(&Route::Monitoring)>"Soll/Ist im Detail"</a>
                <a class="button" href=Route::Planning.href()>"Erfolgsplanung"</a>
                <button type="button" on:click=|_| browser::print()>"Drucken"</button>
            </div>
            {report_frame(Route::Dashboard, body)}
        </section>
    }
}
