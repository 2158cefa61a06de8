//! Target vs. actual (Soll/Ist) for a period: roll-ups per class, advisor and department,
//! the groups behind any number, and what counts as a contact.

use crate::domain::book::Book;
use crate::domain::reports::monitoring::{
    by_advisor, by_department, class_lines, report, total, Period, Row,
};
use crate::domain::sort;
use crate::domain::vocab::{Channel, Format};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{long_table_view, table_view, vocab_tiles, Tiles};
use crate::ui::forms::reports::counting::CountingFields;
use crate::ui::pages::reports::controls::{
    advisor_name, group_cells, report_frame, tally_cells, GROUP_HEAD, TALLY_HEAD,
};
use crate::ui::report_query::ReportQuery;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::ui::table::{Cell, Table};
use leptos::prelude::*;

/// Group lists longer than this show their first rows; the CSV file has them all.
const SHOWN: usize = 300;

fn with_head(first: &'static str) -> Vec<&'static str> {
    let mut head = vec![first];
    head.extend(TALLY_HEAD);
    head
}

fn roll_ups(b: &Book, q: &ReportQuery, rows: &[Row]) -> impl IntoView {
    let class_rows = class_lines(rows)
        .into_iter()
        .map(|(class, t)| {
            let mut cells = vec![Cell::text(texts::class_label(class))];
            cells.extend(tally_cells(q, &t, |f| f.classes = vec![class]));
            cells
        })
        .collect();
    let mut foot = vec![Cell::text(texts::PORTFOLIO.into())];
    foot.extend(tally_cells(q, &total(rows), |_| {}));
    let per_class = Table {
        head: with_head("Klasse"),
        rows: class_rows,
        foot: Some(foot),
    };
    let per_advisor = Table {
        head: with_head("Betreuer:in"),
        rows: by_advisor(b, rows)
            .into_iter()
            .map(|(a, t)| {
                let mut cells = vec![Cell::text(advisor_name(b, a.as_ref()))];
                cells.extend(tally_cells(q, &t, |f| f.advisor = Some(a.clone())));
                cells
            })
            .collect(),
        foot: None,
    };
    let departments = by_department(rows);
    let per_department = (!departments.is_empty()).then(|| Table {
        head: with_head("Fachbereich"),
        rows: departments
            .into_iter()
            .map(|(d, t)| {
                let mut cells = vec![Cell::text(texts::department(d).into())];
                cells.extend(tally_cells(q, &t, |f| f.department = Some(d)));
                cells
            })
            .collect(),
        foot: None,
    });
    view! {
        <h2>"Je Klasse"</h2>
        {table_view(per_class, "soll-ist-classes")}
        <h2>"Je Betreuer:in"</h2>
        {table_view(per_advisor, "soll-ist-advisors")}
        {per_department.map(|t| view! {
            <h2>"Mitbetreuung je Fachbereich"</h2>
            <p class="meta">{texts::DEPARTMENT_ACTUALS}</p>
            {table_view(t, "soll-ist-departments")}
        })}
    }
}

/// The groups a query selects, with the department's figures when it names one.
fn group_table(b: &Book, q: &ReportQuery, rows: &[Row]) -> Table {
    let department = q.filter.department;
    let mut listed: Vec<&Row> = rows.iter().filter(|r| q.filter.matches(r)).collect();
    sort::sort_by(&mut listed, |a, b| {
        (&a.group.name, &a.group.id).cmp(&(&b.group.name, &b.group.id))
    });
    let rows = listed
        .into_iter()
        .map(|r| {
            let (target, actual, status) = match department {
                Some(d) => r
                    .departments
                    .iter()
                    .find(|x| x.department == d)
                    .map_or((0.0, 0, None), |x| (x.target, x.actual, Some(x.status))),
                None => (r.target, r.actual, r.status),
            };
            let mut cells = group_cells(b, r, target, actual);
            cells.push(Cell::text(status.map_or_else(
                || texts::NOT_CAST.into(),
                |s| texts::status_with_reason(s, target, actual),
            )));
            cells
        })
        .collect();
    let mut head = GROUP_HEAD.to_vec();
    head.push("Status");
    Table {
        head,
        rows,
        foot: None,
    }
}

fn body(q: ReportQuery, period: Period) -> impl IntoView {
    let app = use_app();
    move || {
        app.book.with(|b| {
            let advisor = q.filter.advisor.clone();
            let rows = report(b, period, |g| {
                advisor.as_ref().is_none_or(|a| g.advisor.as_ref() == a.as_ref())
            });
            let groups = group_table(b, &q, &rows);
            let count = groups.rows.len();
            let title = if q.narrows() {
                texts::filter_title(&q.filter, b)
            } else {
                texts::ALL_GROUPS.to_owned()
            };
            let list = view! {
                <h2 data-testid="soll-ist-title">{title}</h2>
                <p class="count" data-testid="soll-ist-count">{texts::listed_groups(count, SHOWN)}</p>
                {q.narrows().then(|| view! {
                    <p class="no-print"><a href=q.groups(|_| {})>"Filter aufheben"</a></p>
                })}
                {long_table_view(groups, "soll-ist-groups", SHOWN)}
            };
            let roll = roll_ups(b, &q, &rows);
            // A drill-down shows its groups first; the full report leads with the roll-ups.
            if q.narrows() {
                view! { {list} {roll} }.into_any()
            } else {
                view! { {roll} {list} }.into_any()
            }
        })
    }
}

/// Which formats and channels count, and the thresholds; saved with the book.
#[component]
fn CountingSettings() -> impl IntoView {
    let app = use_app();
    let current = app.book.with_untracked(|b| b.settings().monitoring.clone());
    let prefill = CountingFields::prefill(&current);
    let formats = RwSignal::new(prefill.formats);
    let channels = RwSignal::new(prefill.channels);
    let under = RwSignal::new(prefill.under);
    let over = RwSignal::new(prefill.over);
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let fields = CountingFields {
            formats: formats.get(),
            channels: channels.get(),
            under: under.get(),
            over: over.get(),
        };
        let result = fields
            .parse()
            .and_then(|s| app.change(|b| b.set_monitoring_settings(s)));
        let saved = result.is_ok();
        error.set(result.err());
        if saved {
            app.notify(texts::COUNTING_SAVED.into());
        }
    };
    view! {
        <details class="settings no-print" data-testid="counting-settings">
            <summary>"Was als Kontakt zählt"</summary>
            <p class="meta">{texts::COUNTING_RULE}</p>
            <Tiles legend="Gesprächsformate" options=vocab_tiles(Format::ALL, Format::key, texts::format) picked=formats multiple=true />
            <Tiles legend="Kanäle" options=vocab_tiles(Channel::ALL, Channel::key, texts::channel) picked=channels multiple=true />
            <div class="filters">
                <div class="field"><label for="f-unter">"Unterbetreut unter … % des Solls"</label>
                    <input id="f-unter" type="number" inputmode="numeric" bind:value=under /></div>
                <div class="field"><label for="f-ueber">"Überbetreut über … % des Solls"</label>
                    <input id="f-ueber" type="number" inputmode="numeric" bind:value=over /></div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="button" class="primary" on:click=save data-testid="counting-save">"Speichern"</button>
        </details>
    }
}

#[component]
pub fn MonitoringPage() -> impl IntoView {
    let app = use_app();
    let q = ReportQuery::parse(&browser::current_hash()).0;
    let dashboard = ReportQuery {
        filter: Default::default(),
        ..q
    }
    .href(&Route::Dashboard);
    view! {
        <section class="page">
            <h1 tabindex="-1">"Soll/Ist"</h1>
            <p class="lead" data-testid="counting-summary">
                {move || app.book.with(|b| texts::counting_summary(&b.settings().monitoring))}
            </p>
            <div class="actions no-print">
                <a class="button" href=dashboard>"Zur Auswertung"</a>
                <button type="button" on:click=|_| browser::print()>"Drucken"</button>
            </div>
            {report_frame(Route::Monitoring, body)}
            <CountingSettings />
        </section>
    }
}
