//! The group list: one search over groups, customers and contact persons, filters by segment
//! and advisor. Renders a page of results at a time so 10,000 customers stay smooth.

use crate::domain::casting::portfolio::CastingFilter;
use crate::domain::ids::{ColleagueId, GroupId};
use crate::domain::search::{Filter, HitSource, SearchIndex};
use crate::domain::vocab::{Class, Segment};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{class_badge, group_marks, SegmentBadge, SelectField};
use crate::ui::route::{casting_param, param, parse_casting_param, share_with, with_query, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

const PAGE: usize = 50;
/// Filtered lists up to this size offer to pass their groups on.
const SHARE_AT_MOST: usize = 300;

#[component]
pub fn Groups() -> impl IntoView {
    let app = use_app();
    let hash = browser::current_hash();
    let param = |name: &str| param(&hash, name).unwrap_or_default();
    let text = RwSignal::new(param("q"));
    let segment = RwSignal::new(param("segment"));
    let advisor = RwSignal::new(param("berater"));
    let casting = RwSignal::new(param("casting"));
    let shown = RwSignal::new(PAGE);

    let index = Memo::new_with_compare(
        move |_| Arc::new(app.book.with(|b| SearchIndex::build(b, browser::today()))),
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    );
    let filter = move || Filter {
        query: text.get(),
        segment: Segment::from_key(&segment.get()),
        advisor: advisor.get().parse::<ColleagueId>().ok(),
        casting: parse_casting_param(&casting.get()),
    };
    let hits = Memo::new(move |_| index.get().search(&filter()));
    let more = move || hits.with(Vec::len) > shown.get();
    // A new search starts at the first page again, and is kept in the address for reloads.
    Effect::new(move |_| {
        filter();
        shown.set(PAGE);
        browser::replace_hash(&with_query(
            &Route::Groups.href(),
            &[
                ("q", &text.get()),
                ("segment", &segment.get()),
                ("berater", &advisor.get()),
                ("casting", &casting.get()),
            ],
        ));
    });

    let segment_options = Signal::derive(|| {
        std::iter::once((String::new(), "Alle Segmente".to_owned()))
            .chain(
                Segment::ALL
                    .iter()
                    .map(|s| (s.key().to_owned(), texts::segment(*s).to_owned())),
            )
            .collect()
    });
    let advisor_options = Signal::derive(move || {
        app.book.with(|b| {
            std::iter::once((String::new(), "Alle Betreuer:innen".to_owned()))
                .chain(
                    b.colleagues()
                        .values()
                        .map(|c| (c.id.to_string(), c.name.to_string())),
                )
                .collect()
        })
    });

    // The fixed casting filters, plus an answer filter when one came in through a link.
    let casting_options = Signal::derive(move || {
        let mut options: Vec<(String, String)> = std::iter::once(CastingFilter::Due)
            .chain(Class::ALL.iter().map(|c| CastingFilter::Class(*c)))
            .chain([CastingFilter::NotCast, CastingFilter::Differs])
            .map(|f| (casting_param(&f), texts::casting_filter(&f, "", "")))
            .collect();
        options.insert(0, (String::new(), "Alle".to_owned()));
        let parsed = parse_casting_param(&casting.get());
        if let Some(f @ CastingFilter::Answer { criterion, choice }) = &parsed {
            // Keys repeat across segments; the selected segment's labels come first.
            let selected = Segment::from_key(&segment.get());
            let label = app.book.with(|b| {
                let schemes = &b.settings().casting.schemes;
                let mut ordered = schemes
                    .iter()
                    .filter(|s| Some(s.segment) == selected)
                    .chain(schemes.iter());
                ordered.find_map(|s| {
                    let c = s.criteria.iter().find(|c| &c.key == criterion)?;
                    let o = c.choices.iter().find(|o| &o.key == choice)?;
                    Some(texts::casting_filter(f, c.label.as_str(), o.label.as_str()))
                })
            });
            options.push((casting.get(), label.unwrap_or_else(|| casting.get())));
        }
        options
    });

    view! {
        <section class="page">
            <div class="page-head">
                <h1 tabindex="-1">"Kundenverbünde"</h1>
                <a class="button primary" href=Route::GroupNew.href()>"Neuer Verbund"</a>
            </div>
            <div class="filters" role="search">
                <div class="field grow">
                    <label for="suche">"Suche"</label>
                    <input id="suche" type="search" bind:value=text autocomplete="off"
                        placeholder="Name, Kundennummer, Ansprechpartner, Position" data-testid="search" />
                </div>
                <SelectField label="Segment" value=segment options=segment_options />
                <SelectField label="Betreuer:in" value=advisor options=advisor_options />
                <SelectField label="Casting" value=casting options=casting_options />
            </div>
            <p class="count" role="status" data-testid="result-count">
                {move || texts::group_count(hits.with(Vec::len), index.with(|i| i.len()))}
            </p>
            // A filtered list can be passed on as it is (a few hundred groups fit an address).
            {move || {
                let (found, all) = (hits.with(Vec::len), index.with(|i| i.len()));
                (found > 0 && found < all && found <= SHARE_AT_MOST).then(|| {
                    let ids: Vec<GroupId> = hits.with(|h| h.iter().map(|hit| hit.group.clone()).collect());
                    view! {
                        <p><a class="button" href=share_with(&ids) data-testid="share-hits">"Diese Treffer weitergeben"</a></p>
                    }
                })
            }}
            <ul class="list" data-testid="group-list">
                {move || {
                    app.book.with(|book| hits.with(|hits| {
                        hits.iter().take(shown.get()).filter_map(|hit| {
                            let g = book.groups().get(&hit.group)?;
                            let advisor = g.advisor.as_ref().and_then(|a| book.colleagues().get(a)).map(|c| c.name.to_string());
                            let members = book.member_count(&g.id);
                            let detail = hit.detail.clone().map(|(source, text)| {
                                let what = match source {
                                    HitSource::Group => "",
                                    HitSource::Customer => "Kunde: ",
                                    HitSource::Person => "Ansprechpartner: ",
                                };
                                format!("{what}{text}")
                            });
                            Some(view! {
                                <li>
                                    <a class="row" href=Route::Group(g.id.clone()).href()>
                                        <span class="title">{g.name.to_string()}</span>
                                        <span class="meta">
                                            {class_badge(book.current_casting(&g.id))}
                                            <SegmentBadge segment=g.segment />
                                            <span>{texts::members(members)}</span>
                                            {advisor.map(|a| view! { <span>{a}</span> })}
                                        </span>
                                        {group_marks(book, g)}
                                        {detail.map(|d| view! { <span class="hit">{d}</span> })}
                                    </a>
                                </li>
                            })
                        }).collect_view()
                    }))
                }}
            </ul>
            <Show when=more>
                <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || texts::show_more(PAGE.min(hits.with(Vec::len) - shown.get()))}
                </button>
            </Show>
        </section>
    }
}
