//! Capacity: the time the target contacts need against the net market time, per class, per
//! advisor and per co-serving department, with a what-if on the contact plans before they
//! are saved to the scheme.

use crate::domain::casting::capacity::{
    by_advisor, by_department, capacity, department_minutes, percent, serving, Capacity, Load,
};
use crate::domain::casting::scheme::{CastingSettings, MarketTime};
use crate::domain::ids::ColleagueId;
use crate::domain::vocab::{Class, Segment};
use crate::texts;
use crate::ui::components::{table_view, SelectField};
use crate::ui::forms::casting::market::MarketFields;
use crate::ui::pages::book::group_form::segment_options;
use crate::ui::pages::casting::schemes::{plan_grid, Draft};
use crate::ui::route::DEFAULT_SEGMENT;
use crate::ui::state::use_app;
use crate::ui::table::{Cell, Table};
use leptos::prelude::*;

fn meter(percent: u32) -> impl IntoView {
    view! {
        <div class="load-bar" class:high={percent > 100} aria-hidden="true">
            <span style=format!("width:{}%", percent.min(100))></span>
        </div>
    }
}

/// Groups, contacts, hours and their share of `available` minutes.
fn load_cells(load: Load, available: u32) -> [Cell; 4] {
    [
        Cell::number(texts::number(load.groups.into())),
        Cell::number(texts::number(load.contacts.into())),
        Cell::number(texts::hours(load.minutes)),
        Cell::number(texts::percent(percent(load.minutes, available))),
    ]
}

/// A row: its heading cell, then the load.
fn load_row(first: Vec<Cell>, load: Load, available: u32) -> Vec<Cell> {
    let mut row = first;
    row.extend(load_cells(load, available));
    row
}

const LOAD_HEAD: [&str; 4] = [
    "Verbünde",
    "Kontakte p. a.",
    "Stunden p. a.",
    "Anteil Marktzeit",
];

fn class_table(cap: &Capacity, available: u32) -> Table {
    let mut head = vec!["Klasse"];
    head.extend(LOAD_HEAD);
    Table {
        head,
        rows: Class::ALL
            .iter()
            .map(|c| {
                let name = Cell::text(texts::class_title(*c));
                load_row(vec![name], cap.classes[*c as usize], available)
            })
            .collect(),
        foot: Some(load_row(
            vec![Cell::text("Summe".into())],
            cap.total(),
            available,
        )),
    }
}

#[component]
pub fn CapacityPage() -> impl IntoView {
    let app = use_app();
    let (market, me) = app
        .book
        .with_untracked(|b| (b.settings().casting.market, b.settings().me.clone()));
    let prefill = MarketFields::prefill(market);
    let days = RwSignal::new(prefill.days);
    let hours = RwSignal::new(prefill.hours);
    let share = RwSignal::new(prefill.share);
    let market_error = RwSignal::new(None::<String>);
    // The market time as typed, or why not.
    let typed = move || {
        MarketFields {
            days: days.get(),
            hours: hours.get(),
            share: share.get(),
        }
        .parse()
    };
    let save_market = move |_| match typed() {
        Ok(m) => {
            let result = app.change(|b| {
                let mut settings = b.settings().casting.clone();
                settings.market = m;
                b.set_casting_settings(settings)
            });
            market_error.set(result.err());
        }
        Err(e) => market_error.set(Some(e)),
    };

    let advisor = RwSignal::new(
        me.filter(|m| app.book.with_untracked(|b| b.advised_by(m) > 0))
            .map_or(String::new(), |m| m.to_string()),
    );
    let advisor_options = Signal::derive(move || {
        app.book.with(|b| {
            std::iter::once((String::new(), "Alle Verbünde".to_owned()))
                .chain(
                    b.colleagues()
                        .values()
                        .filter(|c| b.advised_by(&c.id) > 0)
                        .map(|c| (c.id.to_string(), c.name.to_string())),
                )
                .collect()
        })
    });

    let segment = RwSignal::new(DEFAULT_SEGMENT.key().to_owned());
    let whatif_segment = move || Segment::from_key(&segment.get()).unwrap_or(DEFAULT_SEGMENT);
    let draft = Draft::new(
        app.book
            .with_untracked(|b| b.settings().casting.scheme(DEFAULT_SEGMENT)),
    );
    Effect::new(move |prev: Option<()>| {
        let s = whatif_segment();
        if prev.is_some() {
            draft.reset(app.book.with_untracked(|b| b.settings().casting.scheme(s)));
        }
    });
    let plan_error = RwSignal::new(None::<String>);
    let with_draft = move |settings: &CastingSettings| {
        let mut whatif = settings.clone();
        draft
            .scheme
            .with_value(|s| whatif.set_scheme(s.clone()))
            .map(|()| whatif)
    };
    let apply = move |_| {
        let result = app.change(|b| {
            let whatif =
                with_draft(&b.settings().casting).map_err(crate::domain::book::Problem::Scheme)?;
            b.set_casting_settings(whatif)
        });
        plan_error.set(result.err());
        if plan_error.get_untracked().is_none() {
            app.notify(texts::WHATIF_SAVED.into());
        }
    };

    let figures = move || {
        draft.edits.track();
        let available = typed().map_or(market.minutes(), MarketTime::minutes);
        let which = advisor.get().parse::<ColleagueId>().ok();
        app.book.with(|b| {
            let settings = &b.settings().casting;
            let mine = |g: &crate::domain::model::Group| g.is_advised_by(which.as_ref());
            let now = capacity(b, settings, mine);
            let whatif = with_draft(settings).ok().map(|w| capacity(b, &w, mine));
            let used = percent(now.total().minutes, available);
            view! {
                <p data-testid="market-time">{texts::market_time(available)}</p>
                {table_view(class_table(&now, available), "class-load")}
                <p class="big" data-testid="utilisation">{texts::utilisation(now.total().minutes, used)}</p>
                {meter(used)}
                {(now.not_cast > 0).then(|| view! { <p class="meta">{texts::not_counted(now.not_cast)}</p> })}
                <h2>"Was wäre, wenn …"</h2>
                <p>"Kontaktplan eines Segments ändern und die Auslastung sofort sehen. Gespeichert wird erst mit „In Schema übernehmen“."</p>
                {whatif.map(|w| {
                    let p = percent(w.total().minutes, available);
                    view! {
                        <p class="big" data-testid="whatif-utilisation">{texts::whatif(w.total().minutes, p, used)}</p>
                        {meter(p)}
                    }
                })}
            }
        })
    };

    let teams = move || {
        let available = typed().map_or(market.minutes(), MarketTime::minutes);
        app.book.with(|b| {
            let settings = &b.settings().casting;
            let mut head = vec!["Betreuer:in"];
            head.extend(LOAD_HEAD);
            let advisors = Table {
                head,
                rows: by_advisor(b, settings)
                    .into_iter()
                    .map(|(a, cap)| {
                        let name = a
                            .and_then(|a| b.colleagues().get(&a))
                            .map_or_else(|| "ohne Betreuer:in".to_owned(), |c| c.name.to_string());
                        load_row(vec![Cell::text(name)], cap.total(), available)
                    })
                    .collect(),
                foot: None,
            };
            let mut head = vec!["Fachbereich", "Kolleg:innen"];
            head.extend(LOAD_HEAD);
            let departments = Table {
                head,
                rows: by_department(b, settings)
                    .into_iter()
                    .map(|(d, load)| {
                        let people: Vec<String> =
                            serving(b, d).iter().map(|c| c.name.to_string()).collect();
                        let capacity = department_minutes(available, people.len());
                        let names = if people.is_empty() { "–".to_owned() } else { people.join(", ") };
                        load_row(
                            vec![Cell::text(texts::department(d).into()), Cell::text(names)],
                            load,
                            capacity,
                        )
                    })
                    .collect(),
                foot: None,
            };
            view! {
                <h2>"Je Betreuer:in"</h2>
                {table_view(advisors, "advisor-table")}
                <h2>"Mitbetreuung je Fachbereich"</h2>
                <p class="meta">"Fachbereiche aus den Castings; Auslastung bezogen auf die Marktzeit der zugeordneten Kolleg:innen (mindestens eine Person)."</p>
                {table_view(departments, "department-table")}
            }
        })
    };

    let segment_options = segment_options();
    view! {
        <section class="page">
            <h1 tabindex="-1">"Kapazität"</h1>
            <h2>"Nettomarktzeit"</h2>
            <div class="filters">
                <div class="field"><label for="f-tage">"Arbeitstage im Jahr"</label>
                    <input id="f-tage" type="number" inputmode="numeric" bind:value=days /></div>
                <div class="field"><label for="f-stunden">"Stunden je Tag"</label>
                    <input id="f-stunden" type="text" inputmode="decimal" bind:value=hours /></div>
                <div class="field"><label for="f-anteil">"Anteil Marktzeit in %"</label>
                    <input id="f-anteil" type="number" inputmode="numeric" bind:value=share /></div>
                <button type="button" class="field" on:click=save_market>"Übernehmen"</button>
            </div>
            {move || market_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <SelectField label="Verbünde von" value=advisor options=advisor_options />
            {figures}
            <SelectField label="Segment für die Planänderung" value=segment options=segment_options />
            <div class="cards">{plan_grid(draft, plan_error)}</div>
            {move || plan_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" class="primary" on:click=apply data-testid="whatif-apply">"In Schema übernehmen"</button>
                <button type="button" on:click=move |_| draft.reset(app.book.with_untracked(|b| b.settings().casting.scheme(whatif_segment())))>"Verwerfen"</button>
            </div>
            {teams}
        </section>
    }
}
