//! What the report pages share: the period and advisor pickers, the roll-up cells whose
//! numbers link to the groups behind them, and the names of advisors.

use crate::domain::book::Book;
use crate::domain::ids::ColleagueId;
use crate::domain::reports::monitoring::{
    achievement, Period, PeriodChoice, Row, RowFilter, Status, Tally,
};
use crate::domain::sort;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{SelectField, TextField};
use crate::ui::format::{input_date, parse_input_date};
use crate::ui::report_query::{BadParam, ReportQuery};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::ui::table::Cell;
use chrono::Datelike;
use leptos::prelude::*;

const FREE: &str = "frei";

fn period_key(p: PeriodChoice) -> String {
    match p {
        PeriodChoice::YearToDate => String::new(),
        PeriodChoice::Last12Months => "12-monate".into(),
        PeriodChoice::Year(y) => y.to_string(),
        PeriodChoice::Range(..) => FREE.into(),
    }
}

/// Period and advisor of a report; a change opens the report for them, keeping the rest.
#[component]
pub fn ReportControls(query: ReportQuery, route: Route) -> impl IntoView {
    let app = use_app();
    let this_year = browser::today().year();
    let mut periods = vec![
        (String::new(), texts::YEAR_TO_DATE.to_owned()),
        ("12-monate".to_owned(), texts::LAST_12_MONTHS.to_owned()),
    ];
    periods.extend((1..=4).map(|i| ((this_year - i).to_string(), (this_year - i).to_string())));
    periods.push((FREE.to_owned(), texts::FREE_PERIOD.to_owned()));
    let period = RwSignal::new(period_key(query.period));
    let (from, to) = match query.period {
        PeriodChoice::Range(a, b) => (Some(a), Some(b)),
        _ => (None, None),
    };
    let from = RwSignal::new(input_date(from));
    let to = RwSignal::new(input_date(to));
    let advisor = RwSignal::new(match &query.filter.advisor {
        None => String::new(),
        Some(None) => "ohne".into(),
        Some(Some(a)) => a.to_string(),
    });
    let advisors = Signal::derive(move || {
        app.book.with(|b| {
            let mut options = vec![(String::new(), texts::ALL_GROUPS.to_owned())];
            let mut named: Vec<(String, String)> = b
                .colleagues()
                .values()
                .filter(|k| {
                    b.groups()
                        .values()
                        .any(|g| g.advisor.as_ref() == Some(&k.id))
                })
                .map(|k| (k.id.to_string(), k.name.to_string()))
                .collect();
            sort::sort_by(&mut named, |a, b| a.1.cmp(&b.1));
            options.extend(named);
            if b.groups().values().any(|g| g.advisor.is_none()) {
                options.push(("ohne".into(), texts::NO_ADVISOR.to_owned()));
            }
            options
        })
    });
    let date_error = RwSignal::new(None::<String>);
    let open = move || {
        let chosen = match period.get_untracked().as_str() {
            FREE => match (
                parse_input_date(&from.get_untracked()),
                parse_input_date(&to.get_untracked()),
            ) {
                (Ok(Some(a)), Ok(Some(b))) => PeriodChoice::Range(a, b),
                _ => {
                    date_error.set(Some(texts::BAD_PERIOD_DATE.into()));
                    return;
                }
            },
            "12-monate" => PeriodChoice::Last12Months,
            key => key
                .parse()
                .map_or(PeriodChoice::YearToDate, PeriodChoice::Year),
        };
        let advisor = match advisor.get_untracked().as_str() {
            "" => None,
            "ohne" => Some(None),
            id => id.parse::<ColleagueId>().ok().map(Some),
        };
        let q = ReportQuery {
            period: chosen,
            filter: RowFilter {
                advisor,
                ..query.filter.clone()
            },
        };
        browser::navigate(&q.href(&route));
    };
    let open_now = open.clone();
    Effect::new(move |prev: Option<()>| {
        let free = period.get() == FREE;
        advisor.track();
        if prev.is_some() && !free {
            open_now();
        }
    });
    view! {
        <div class="filters no-print">
            <SelectField label="Zeitraum" value=period options=periods id="f-zeitraum" />
            <Show when=move || period.get() == FREE>
                <TextField label="Von" value=from kind="date" id="f-von" error=Signal::derive(move || date_error.get()) />
                <TextField label="Bis" value=to kind="date" id="f-bis" />
                <button type="button" class="field" on:click={
                    let open = open.clone();
                    move |_| open()
                }>"Anzeigen"</button>
            </Show>
            <SelectField label="Verbünde von" value=advisor options=advisors id="f-wer" />
        </div>
    }
}

/// The name of a group's advisor, or that there is none.
pub fn advisor_name(book: &Book, advisor: Option<&ColleagueId>) -> String {
    advisor
        .and_then(|a| book.colleagues().get(a))
        .map_or_else(|| texts::NO_ADVISOR.to_owned(), |k| k.name.to_string())
}

pub const TALLY_HEAD: [&str; 7] = [
    "Verbünde",
    "Soll (anteilig)",
    "Ist",
    "Erfüllung",
    "unterbetreut",
    "im Soll",
    "überbetreut",
];

/// A roll-up's cells; each count links to its groups (`narrow` selects the row's groups).
pub fn tally_cells(q: &ReportQuery, t: &Tally, narrow: impl Fn(&mut RowFilter)) -> Vec<Cell> {
    let link = |n: u32, status: Option<Status>| {
        let href = q.groups(|f| {
            narrow(f);
            f.status = status;
        });
        Cell::link(texts::number(n.into()), href)
    };
    let mut cells = vec![
        link(t.groups, None),
        Cell::number(texts::decimal(t.target)),
        Cell::number(texts::number(t.actual.into())),
        Cell::number(t.achievement().map_or("–".into(), texts::percent)),
    ];
    cells.extend(Status::ALL.map(|s| link(t.count(s), Some(s))));
    cells
}

/// Unknown values in the address, said once.
fn bad_params(bad: &[BadParam]) -> Option<impl IntoView> {
    (!bad.is_empty()).then(|| {
        let names: Vec<&str> = bad.iter().map(|b| b.0).collect();
        view! { <p class="error" role="alert">{texts::bad_params(&names)}</p> }
    })
}

/// A report page below its heading and actions: the pickers, what was wrong in the address,
/// and `body` for the period the address asks for (or why there is none).
pub fn report_frame<V: IntoView + 'static>(
    route: Route,
    body: impl FnOnce(ReportQuery, Period) -> V,
) -> impl IntoView {
    let (q, bad) = ReportQuery::parse(&browser::current_hash());
    let period = q.period.period(browser::today());
    view! {
        <ReportControls query=q.clone() route=route />
        {bad_params(&bad)}
        {match period {
            Ok(p) => view! {
                <p class="meta" data-testid="period">{texts::period(p)}</p>
                {body(q, p)}
            }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{texts::period_problem(e)}</p> }.into_any(),
        }}
    }
}

pub const GROUP_HEAD: [&str; 6] = [
    "Verbund",
    "Klasse",
    "Betreuer:in",
    "Soll (anteilig)",
    "Ist",
    "Erfüllung",
];

/// A group's row in a list: its page, class, advisor, and the given target and actual.
pub fn group_cells(book: &Book, r: &Row, target: f64, actual: u32) -> Vec<Cell> {
    vec![
        Cell::link(
            r.group.name.to_string(),
            Route::Group(r.group.id.clone()).href(),
        ),
        Cell::text(texts::class_label(r.class)),
        Cell::text(advisor_name(book, r.group.advisor.as_ref())),
        Cell::number(texts::decimal(target)),
        Cell::number(texts::number(actual.into())),
        Cell::number(
            achievement(target, actual).map_or("–".into(), |a| texts::percent(a.round() as u32)),
        ),
    ]
}
