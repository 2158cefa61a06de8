//! The casting across the portfolio: ABCD distribution, what is due or would differ, and per
//! criterion how the groups split. Every number links to the groups behind it.

use crate::domain::casting::capacity::percent;
use crate::domain::casting::portfolio::{overview, splits, CastingFilter, RoundOf};
use crate::domain::vocab::{Class, Segment};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{bar_chart, table_view, Bar, SelectField};
use crate::ui::pages::book::group_form::segment_options;
use crate::ui::route::{groups_with, segment_of, with_segment, RoundAt, Route};
use crate::ui::state::use_app;
use crate::ui::table::{Cell, Table};
use leptos::prelude::*;

#[component]
pub fn CastingOverview() -> impl IntoView {
    let app = use_app();
    let segment = RwSignal::new(segment_of(&browser::current_hash()).key().to_owned());
    Effect::new(move |prev: Option<()>| {
        let chosen = Segment::from_key(&segment.get());
        if let (Some(_), Some(s)) = (prev, chosen) {
            browser::replace_hash(&with_segment(&Route::CastingOverview, s));
        }
    });
    let segment_options = segment_options();

    let summary = move || {
        app.book.with(|b| {
            let o = overview(b, browser::today());
            let bars: Vec<Bar> = (0..5)
                .map(|i| {
                    let (label, class, filter) = match Class::ALL.get(i) {
                        Some(c) => (
                            texts::class_title(*c),
                            c.key(),
                            CastingFilter::Class(*c),
                        ),
                        None => ("nicht gecastet".into(), "none", CastingFilter::NotCast),
                    };
                    Bar {
                        label,
                        value: o.classes[i] as u64,
                        class,
                        href: groups_with(&filter, None),
                    }
                })
                .collect();
            let table = Table {
                head: vec!["Klasse", "Verbünde", "Anteil"],
                rows: bars
                    .iter()
                    .map(|bar| {
                        vec![
                            Cell::text(bar.label.clone()),
                            Cell::link(texts::number(bar.value as i64), bar.href.clone()),
                            Cell::number(texts::percent(percent(bar.value as u32, o.groups as u32))),
                        ]
                    })
                    .collect(),
                foot: None,
            };
            view! {
                <div class="actions">
                    <a class="button primary" href=Route::CastingRound.href() data-testid="start-round">
                        {texts::start_round(o.due)}
                    </a>
                    <a class="button" href=Route::Schemes.href()>"Schemata bearbeiten"</a>
                    <a class="button" href=Route::Capacity.href()>"Kapazität"</a>
                </div>
                <dl class="stats">
                    <div class="stat"><dt>"Verbünde"</dt><dd>{texts::number(o.groups as i64)}</dd></div>
                    <div class="stat"><dt>"Casting fällig"</dt><dd data-testid="count-due">
                        <a href=groups_with(&CastingFilter::Due, None)>{texts::number(o.due as i64)}</a>
                    </dd></div>
                    <div class="stat"><dt>"Ergebnis wäre heute anders"</dt><dd data-testid="count-differs">
                        <a href=groups_with(&CastingFilter::Differs, None)>{texts::number(o.differs as i64)}</a>
                    </dd></div>
                </dl>
                {(o.differs > 0).then(|| view! {
                    <p><a class="button" href=RoundAt::start(RoundOf::Differs, None).href() data-testid="start-differs-round">
                        "Abweichende neu casten (Runde)"
                    </a></p>
                })}
                <h2>"ABCD-Verteilung"</h2>
                {bar_chart("ABCD-Verteilung der Kundenverbünde", &bars)}
                {table_view(table, "class-table")}
            }
        })
    };

    let criteria = move || {
        let Some(seg) = Segment::from_key(&segment.get()) else {
            return ().into_any();
        };
        app.book.with(|b| {
            let scheme = b.settings().casting.scheme(seg);
            let tables = splits(b, seg)
                .into_iter()
                .zip(&scheme.criteria)
                .map(|(split, criterion)| {
                    let cast: usize = split.counts.iter().sum::<usize>() + split.other;
                    let table = Table {
                        head: vec!["Antwort", "Punkte", "Verbünde", "Anteil"],
                        rows: criterion
                            .choices
                            .iter()
                            .zip(&split.counts)
                            .map(|(choice, n)| {
                                let filter = CastingFilter::Answer {
                                    criterion: criterion.key.clone(),
                                    choice: choice.key.clone(),
                                };
                                vec![
                                    Cell::text(choice.label.to_string()),
                                    Cell::number(texts::points(choice.points)),
                                    Cell::link(texts::number(*n as i64), groups_with(&filter, Some(seg))),
                                    Cell::number(texts::percent(percent(*n as u32, cast as u32))),
                                ]
                            })
                            .collect(),
                        foot: None,
                    };
                    view! {
                        <h3>{criterion.label.to_string()}</h3>
                        {table_view(table, "criterion-table")}
                        {(split.other > 0).then(|| view! { <p class="meta">{texts::answer_missing(split.other)}</p> })}
                    }
                })
                .collect_view();
            view! { <div data-testid="criteria">{tables}</div> }.into_any()
        })
    };

    view! {
        <section class="page">
            <h1 tabindex="-1">"Casting"</h1>
            <p class="lead">"Qualifizierte ABCD-Analyse: einmal im Jahr je Verbund, rund zwei Minuten."</p>
            {summary}
            <h2>"Kriterien im Portfolio"</h2>
            <SelectField label="Segment" value=segment options=segment_options />
            {criteria}
        </section>
    }
}
