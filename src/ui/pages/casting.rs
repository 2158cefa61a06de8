//! Casting one group on a tablet: every criterion as large choices, the result and its
//! reasons updating with each tap; in a casting round, "save and next" walks the due groups.

use super::Missing;
use crate::domain::casting::{evaluate, picks_of, Override};
use crate::domain::ids::{CastingId, GroupId};
use crate::domain::portfolio::{next_in_round, RoundOf};
use crate::domain::text::Name;
use crate::domain::vocab::{Class, Format, Segment};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{class_badge, SegmentBadge};
use crate::ui::format;
use crate::ui::route::{param, round_href, round_of, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Where a casting round stands: its segment (if limited), how many groups are due, and what
/// happened to the group before (shown in place of a message that would cover the buttons).
#[derive(Clone)]
pub struct Round {
    of: RoundOf,
    segment: Option<Segment>,
    due: usize,
    previous: Option<String>,
}

/// The casting round: the next due group after the one named in `nach`.
#[component]
pub fn CastingRound() -> impl IntoView {
    let app = use_app();
    let hash = browser::current_hash();
    let after: Option<GroupId> = param(&hash, "nach").and_then(|g| g.parse().ok());
    let segment = param(&hash, "segment").and_then(|s| Segment::from_key(&s));
    let of = round_of(param(&hash, "casting").as_deref());
    let today = browser::today();
    let (next, due, previous) = app.book.with_untracked(|b| {
        let (next, due) = next_in_round(b, today, of, segment, after.as_ref());
        let previous = after.as_ref().and_then(|id| {
            let g = b.groups().get(id)?;
            let cast_today = b.current_casting(id).filter(|c| c.date == today);
            Some(texts::round_previous(
                g.name.as_str(),
                cast_today.map(|c| c.class()),
            ))
        });
        (next, due, previous)
    });
    match next {
        Some(group) => {
            let round = Round {
                of,
                segment,
                due,
                previous,
            };
            view! { <CastingForm group=group round=Some(round) /> }.into_any()
        }
        None => view! {
            <section class="page">
                <h1 tabindex="-1">"Casting-Runde"</h1>
                {previous.map(|p| view! { <p role="status">{p}</p> })}
                <p data-testid="round-done">{texts::round_done(of, due)}</p>
                <p><a class="button primary" href=Route::CastingOverview.href()>"Zur Casting-Übersicht"</a></p>
            </section>
        }
        .into_any(),
    }
}

/// The round's next step after `group`.
fn round_step(group: &GroupId, of: RoundOf, segment: Option<Segment>) -> String {
    round_href(of, segment, Some(group))
}

/// The casting screen of one group, alone or as a step of a casting round.
#[component]
pub fn CastingForm(group: GroupId, round: Option<Round>) -> impl IntoView {
    let app = use_app();
    let Some((g, scheme, last, me)) = app.book.with_untracked(|b| {
        let g = b.groups().get(&group)?.clone();
        let scheme = b.settings().casting.scheme(g.segment);
        let last = b.current_casting(&group).cloned();
        let me = b
            .settings()
            .me
            .as_ref()
            .and_then(|m| b.colleagues().get(m))
            .map(|c| c.name.to_string())
            .unwrap_or_default();
        Some((g, scheme, last, me))
    }) else {
        return view! { <Missing /> }.into_any();
    };
    // A re-cast starts from the last answers: unchanged answers cost no taps.
    let picks = RwSignal::new(match &last {
        Some(c) if c.segment == g.segment => picks_of(&scheme, c),
        _ => vec![None; scheme.criteria.len()],
    });
    let manual = RwSignal::new(
        last.as_ref()
            .and_then(|c| c.manual.as_ref())
            .map(|m| m.class),
    );
    let reason = RwSignal::new(
        last.as_ref()
            .and_then(|c| c.manual.as_ref())
            .map_or(String::new(), |m| m.reason.to_string()),
    );
    let error = RwSignal::new(None::<String>);
    let scheme = StoredValue::new(scheme);
    let outcome =
        Memo::new(move |_| scheme.with_value(|s| evaluate(s, &picks.get(), manual.get())));

    let round_segment = round.as_ref().map(|r| (r.of, r.segment));
    let group_id = g.id.clone();
    let save = move |_| {
        let result = outcome.get_untracked();
        if !result.is_complete() {
            return error.set(Some(texts::casting_incomplete(result.open.len())));
        }
        let manual = match manual.get_untracked() {
            None => None,
            Some(class) => match Name::parse(&reason.get_untracked()) {
                Ok(reason) => Some(Override { class, reason }),
                Err(_) => return error.set(Some(texts::OVERRIDE_NEEDS_REASON.into())),
            },
        };
        let Some(group) = app
            .book
            .with_untracked(|b| b.groups().get(&group_id).cloned())
        else {
            return;
        };
        let class = result.class;
        let casting = result.into_casting(
            CastingId::generate(browser::random_u64()),
            &group,
            browser::today(),
            me.clone(),
            manual,
            browser::now(),
        );
        match app.change(|b| b.upsert_casting(casting)) {
            Ok(()) => match &round_segment {
                // The next step of the round says what was saved.
                Some((of, segment)) => browser::navigate(&round_step(&group.id, *of, *segment)),
                None => {
                    app.notify(texts::casting_saved(group.name.as_str(), class));
                    browser::navigate(&Route::Group(group.id).href());
                }
            },
            Err(e) => error.set(Some(e)),
        }
    };
    let skip = round_segment.map(|(of, segment)| round_step(&g.id, of, segment));

    let criteria = scheme.with_value(|s| {
        s.criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let choices = c
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(j, o)| {
                        view! {
                            <label class="choice">
                                <input type="radio" name=format!("k{i}")
                                    prop:checked=move || picks.with(|p| p[i] == Some(j))
                                    on:change=move |_| picks.update(|p| p[i] = Some(j)) />
                                <span>{o.label.to_string()}</span>
                                <span class="points">{texts::points(o.points)}</span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="criterion">
                        <legend>{c.label.to_string()}</legend>
                        <div class="choices">{choices}</div>
                    </fieldset>
                }
            })
            .collect_view()
    });

    let class_options = Class::ALL
        .iter()
        .map(|c| {
            let selected = manual.get_untracked() == Some(*c);
            view! { <option value=c.key() selected=selected>{texts::class_name(*c)}</option> }
        })
        .collect_view();

    view! {
        <section class="page casting">
            <div class="page-head">
                <h1 tabindex="-1">{format!("Casting: {}", g.name)}</h1>
                {round.as_ref().map(|r| view! { <p class="meta" data-testid="round-due">{texts::round_due(r.of, r.due)}</p> })}
            </div>
            {round.and_then(|r| r.previous).map(|p| view! { <p role="status" data-testid="round-previous">{p}</p> })}
            <p class="meta">
                <SegmentBadge segment=g.segment />
                {last.as_ref().map(|c| view! {
                    <span>"Zuletzt " {format::date(c.date)} ": " {class_badge(Some(c))}</span>
                })}
            </p>
            <div class="casting-grid">
                <div class="criteria">{criteria}</div>
                <aside class="result" aria-live="polite" data-testid="casting-result">
                    {move || outcome.with(|o| {
                        let rule = &o.rule;
                        let allowed: Vec<&str> = Format::ALL.iter().filter(|f| rule.allows(**f)).map(|f| texts::format(*f)).collect();
                        let excluded: Vec<&str> = Format::ALL.iter().filter(|f| !rule.allows(**f)).map(|f| texts::format(*f)).collect();
                        view! {
                            <p class=format!("big-class class-{}", o.class.key()) data-testid="result-class">
                                {format!("Klasse {}", texts::class_name(o.class))}
                            </p>
                            <p data-testid="result-summary">{texts::casting_summary(o.score, rule.contacts(), o.open.len())}</p>
                            <ul class="reasons">
                                {o.answers.iter().map(|a| view! {
                                    <li>{format!("{}: {} ", a.criterion_label, a.choice_label)}<b>{texts::points(a.points)}</b></li>
                                }).collect_view()}
                            </ul>
                            <p><b>"Formate: "</b>{allowed.join(", ")}</p>
                            {(!excluded.is_empty()).then(|| view! {
                                <p data-testid="result-excluded"><b>"Ausgeschlossen: "</b>{excluded.join(", ")}</p>
                            })}
                            <p data-testid="result-departments"><b>"Mitbetreuung: "</b>{texts::departments(&o.departments)}</p>
                        }
                    })}
                </aside>
            </div>
            <details class="override" open=manual.get_untracked().is_some()>
                <summary>"Klasse von Hand festlegen"</summary>
                <div class="field">
                    <label for="f-klasse">"Klasse"</label>
                    <select id="f-klasse" on:change=move |ev| manual.set(Class::from_key(&event_target_value(&ev)))>
                        <option value="" selected=manual.get_untracked().is_none()>"wie berechnet"</option>
                        {class_options}
                    </select>
                </div>
                <div class="field">
                    <label for="f-begruendung">"Begründung"</label>
                    <input id="f-begruendung" type="text" bind:value=reason placeholder="z. B. strategischer Kunde" />
                </div>
            </details>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions sticky">
                <button type="button" class="primary" on:click=save data-testid="casting-save">
                    {if round_segment.is_some() { "Speichern und weiter" } else { "Casting speichern" }}
                </button>
                {skip.map(|href| view! { <a class="button" href=href>"Überspringen"</a> })}
                <a class="button" href=Route::Group(g.id.clone()).href()>"Abbrechen"</a>
            </div>
        </section>
    }
    .into_any()
}
