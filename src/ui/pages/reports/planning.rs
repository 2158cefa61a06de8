//! Success planning: the value of active calls, as the reference calculates it. The scenario
//! lives in the address, so it can be bookmarked or sent to a colleague.

use crate::domain::reports::planning::{plan, team_size, Input, Plan, Scenario};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{column_chart, table_view, Column};
use crate::ui::format::{parse_number, plain};
use crate::ui::route::{param, with_query, Route};
use crate::ui::state::use_app;
use crate::ui::table::{Cell, Table};
use leptos::prelude::*;

/// Euros and head counts are written with thousands dots; rates and calls with a comma.
fn grouped(input: Input) -> bool {
    matches!(input, Input::Advisors | Input::Days | Input::Value)
}

/// The scenario as typed, or every reason it is not one.
fn parse(fields: &[(Input, RwSignal<String>)]) -> Result<Scenario, Vec<String>> {
    let mut scenario = Scenario::default();
    let mut problems = Vec::new();
    for (input, raw) in fields {
        let raw = raw.get();
        match parse_number(&raw, grouped(*input)) {
            Some(v) => input.set(&mut scenario, v),
            None => problems.push(texts::not_a_number(*input, &raw)),
        }
    }
    if problems.is_empty() {
        problems.extend(scenario.problems().into_iter().map(texts::scenario_problem));
    }
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}

fn month_table(p: &Plan) -> Table {
    let n = |x: f64| Cell::number(texts::decimal(x));
    let e = |x: f64| Cell::number(texts::euros(x));
    Table {
        head: vec![
            "Monat",
            "Anrufe",
            "Sofort-Termine",
            "Follow-up-Anrufe",
            "Termine aus Follow-ups",
            "Aufträge im Monat",
            "Aufträge kumuliert",
        ],
        rows: p
            .months
            .iter()
            .map(|m| {
                vec![
                    Cell::text(texts::month_of_plan(m.number)),
                    n(m.calls),
                    n(m.immediate_appointments),
                    n(m.follow_up_calls),
                    n(m.follow_up_appointments),
                    e(m.orders),
                    e(m.orders_total),
                ]
            })
            .collect(),
        foot: None,
    }
}

fn results(s: Scenario) -> impl IntoView {
    let p = plan(&s);
    let stat = |label: &'static str, testid: &'static str, value: String, note: Option<String>| {
        view! {
            <div class="stat">
                <dt>{label}</dt>
                <dd data-testid=testid>{value}</dd>
                {note.map(|n| view! { <dd class="meta">{n}</dd> })}
            </div>
        }
    };
    let each = |x: f64| Some(texts::per_advisor(p.per_advisor(x, &s)));
    let columns: Vec<Column> = p
        .months
        .iter()
        .map(|m| Column {
            label: m.number.to_string(),
            value: m.orders_total.round() as u64,
            shown: texts::euros(m.orders_total),
        })
        .collect();
    view! {
        <dl class="stats planning-results">
            {stat("Aktive Anrufe im Jahr", "sp-calls", texts::decimal(p.calls), None)}
            {stat("Sofort-Termine", "sp-immediate", texts::decimal(p.immediate), each(p.immediate))}
            {stat("Follow-up-Anrufe", "sp-followup-calls", texts::decimal(p.follow_up_calls), each(p.follow_up_calls))}
            {stat("Termine aus Follow-ups", "sp-followup-appointments", texts::decimal(p.follow_up_appointments), each(p.follow_up_appointments))}
            {stat("Aktiv-Termine gesamt", "sp-appointments", texts::decimal(p.appointments), Some(texts::appointments_rhythm(p.appointments_per_day)))}
            {stat("Erfolgsquote der Anrufe", "sp-call-success", texts::share(p.call_success), None)}
            {stat("Erfolgsquote gesamt", "sp-overall-success", texts::share(p.overall_success), None)}
            {stat("Aufträge in den ersten 12 Monaten", "sp-year1", texts::euros(p.year1), None)}
            {stat("Aufträge im Folgejahr", "sp-year2", texts::euros(p.year2), None)}
        </dl>
        <h2>"Aufbau Monat für Monat"</h2>
        <p class="meta">{texts::PLANNING_MODEL}</p>
        {column_chart("Aufträge kumuliert je Monat", &columns, "sp-chart")}
        {table_view(month_table(&p), "sp-months")}
    }
}

#[component]
pub fn Planning() -> impl IntoView {
    let app = use_app();
    let hash = browser::current_hash();
    let defaults = Scenario::default();
    let fields = Input::ALL.map(|input| {
        let raw = param(&hash, input.key()).unwrap_or_else(|| plain(input.get(&defaults), true));
        (input, RwSignal::new(raw))
    });
    // Every edit goes into the address, as typed: a link reproduces even a mistake.
    Effect::new(move |prev: Option<()>| {
        let values: Vec<(Input, String)> = fields.iter().map(|(i, v)| (*i, v.get())).collect();
        if prev.is_some() {
            let params: Vec<(&str, &str)> =
                values.iter().map(|(i, v)| (i.key(), v.as_str())).collect();
            browser::replace_hash(&with_query(&Route::Planning.href(), &params));
        }
    });
    let scenario = Memo::new(move |_| parse(&fields));
    let team = move || app.book.with(team_size);
    let take_team = move |_| fields[0].1.set(team().to_string());

    let inputs = fields
        .iter()
        .map(|(input, value)| {
            let id = format!("sp-{}", input.key().replace('_', "-"));
            view! {
                <div class="field">
                    <label for=id.clone()>{texts::input_label(*input)}</label>
                    <input id=id type="text" inputmode="decimal" autocomplete="off" bind:value=*value />
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="page">
            <h1 tabindex="-1">"Erfolgsplanung"</h1>
            <p>{texts::PLANNING_INTRO}</p>
            <form class="planning-inputs" novalidate on:submit=|ev| ev.prevent_default()>
                {inputs}
            </form>
            <div class="actions no-print">
                {move || (team() > 0).then(|| view! {
                    <button type="button" on:click=take_team data-testid="sp-team">
                        {texts::team_from_book(team())}
                    </button>
                })}
                <a class="button" href=Route::Planning.href() data-testid="sp-reset">"Werte der Referenz"</a>
                <button type="button" on:click=|_| browser::print()>"Drucken"</button>
            </div>
            {move || match scenario.get() {
                Ok(s) => results(s).into_any(),
                Err(problems) => view! {
                    <div class="error-box" role="alert" data-testid="sp-errors">
                        <p>"Mit diesen Werten lässt sich nicht rechnen:"</p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}
