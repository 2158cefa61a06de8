//! Casting one group on a tablet: every criterion as large choices, the result and its
//! reasons updating with each tap; in a casting round, "save and next" walks the due groups.

use crate::domain::casting::evaluate;
use crate::domain::casting::portfolio::next_in_round;
use crate::domain::ids::{CastingId, GroupId};
use crate::domain::vocab::{Class, Format};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    class_badge, error_at, field_error, group_marks, show_problem, BarError, FieldError,
    SegmentBadge,
};
use crate::ui::format;
use crate::ui::forms::casting::{criterion_id, CastingFields, REASON};
use crate::ui::pages::Missing;
use crate::ui::route::{RoundAt, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Where a casting round stands: its place and counts, how many groups are due now, and
/// what happened to the group before (shown in place of a message that would cover the
/// buttons).
#[derive(Clone)]
pub struct Round {
    at: RoundAt,
    due: usize,
    previous: Option<String>,
}

/// The casting round: the next due group after the one named in `nach`, or its summary.
#[component]
pub fn CastingRound() -> impl IntoView {
    let app = use_app();
    let at = RoundAt::parse(&browser::current_hash());
    let today = browser::today();
    let (next, due, previous) = app.book.with_untracked(|b| {
        let (next, due) = next_in_round(b, today, at.of, at.segment, at.after.as_ref());
        let previous = at.after.as_ref().and_then(|id| {
            let g = b.groups().get(id)?;
            let cast_today = b.current_casting(id).filter(|c| c.date == today);
            Some(texts::round_previous(
                g.name.as_str(),
                cast_today.map(|c| c.class()),
            ))
        });
        (next, due, previous)
    });
    match next.filter(|_| !at.finished) {
        Some(group) => {
            let round = Round {
                at: at.begun(due),
                due,
                previous,
            };
            view! { <CastingForm group=group round=Some(round) /> }.into_any()
        }
        None => view! {
            <section class="page">
                <h1 tabindex="-1">"Casting-Runde"</h1>
                {previous.map(|p| view! { <p role="status">{p}</p> })}
                {(at.cast + at.skipped > 0).then(|| view! {
                    <p data-testid="round-summary">{texts::round_summary(at.cast, at.skipped)}</p>
                })}
                <p data-testid="round-done">{texts::round_done(at.of, due, at.finished)}</p>
                <p><a class="button primary" href=Route::CastingOverview.href()>"Zur Casting-Übersicht"</a></p>
            </section>
        }
        .into_any(),
    }
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
    let marks = app.book.with_untracked(|b| group_marks(b, &g));
    let prefill = CastingFields::prefill(&scheme, last.as_ref());
    let picks = RwSignal::new(prefill.picks);
    let manual = RwSignal::new(prefill.manual);
    let reason = RwSignal::new(prefill.reason);
    let error = RwSignal::new(None::<FieldError>);
    // Set by a save with criteria left open: from then on they are marked until answered.
    let marked = RwSignal::new(false);
    let scheme = StoredValue::new(scheme);
    let outcome =
        Memo::new(move |_| scheme.with_value(|s| evaluate(s, &picks.get(), manual.get())));

    let round_at = round.as_ref().map(|r| r.at.clone());
    let next_at = round_at.clone();
    let group_id = g.id.clone();
    let save = move |_| {
        let fields = CastingFields {
            picks: picks.get_untracked(),
            manual: manual.get_untracked(),
            reason: reason.get_untracked(),
        };
        let (result, manual) = match scheme.with_value(|s| fields.parse(s)) {
            Ok(parsed) => parsed,
            Err(problem) => {
                // Open criteria stay marked from now on, until answered.
                if problem.field != REASON {
                    marked.set(true);
                }
                return show_problem(error, problem);
            }
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
            Ok(()) => match &next_at {
                // The next step of the round says what was saved.
                Some(at) => browser::navigate(&at.after(&group.id, true).href()),
                None => {
                    app.notify(texts::casting_saved(group.name.as_str(), class));
                    browser::navigate(&Route::Group(group.id).href());
                }
            },
            Err(e) => error.set(Some(FieldError::new("", e))),
        }
    };
    let in_round = round_at.is_some();
    let skip = round_at.as_ref().map(|at| at.after(&g.id, false).href());
    let finish = round_at.as_ref().map(|at| at.finish().href());
    // Leaving a round goes back where it started, not to this group's page.
    let cancel = if in_round {
        Route::CastingOverview.href()
    } else {
        Route::Group(g.id.clone()).href()
    };

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
                let open = move || marked.get() && picks.with(|p| p[i].is_none());
                let err_id = format!("{}-fehler", criterion_id(i));
                view! {
                    <fieldset class="criterion" id=criterion_id(i) role="radiogroup" class:invalid=open
                        aria-invalid=move || open().then_some("true")
                        aria-describedby=move || open().then(|| err_id.clone())>
                        <legend>{c.label.to_string()}</legend>
                        {move || open().then(|| view! {
                            <p class="error" id=format!("{}-fehler", criterion_id(i))>{texts::NOT_ANSWERED}</p>
                        })}
                        <div class="choices">{choices}</div>
                    </fieldset>
                }
            })
            .collect_view()
    });

    let (reason_invalid, reason_described_by, reason_message) =
        field_error(Some(error_at(error, REASON)), REASON);
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
                <h1 tabindex="-1">{texts::casting_of(g.name.as_str())}</h1>
                {round.as_ref().map(|r| view! {
                    <p class="meta">
                        <b data-testid="round-progress">{texts::round_progress(r.at.step(), r.at.total)}</b>
                        <span data-testid="round-due">{texts::round_due(r.at.of, r.due)}</span>
                    </p>
                })}
            </div>
            {round.and_then(|r| r.previous).map(|p| view! { <p role="status" data-testid="round-previous">{p}</p> })}
            <p class="meta">{marks}</p>
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
                            <p class=format!("big-class class-{}", if o.answers.is_empty() { "none" } else { o.class.key() }) data-testid="result-class">
                                {texts::casting_class(o.class, o.answers.len(), o.open.len())}
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
                    <input id=REASON type="text" bind:value=reason placeholder="z. B. strategischer Kunde"
                        aria-invalid=reason_invalid aria-describedby=reason_described_by />
                    {reason_message}
                </div>
            </details>
            <div class="actions sticky">
                <BarError error=error />
                // On a phone the result panel sits below the criteria: its gist stays here.
                <p class="bar-result" aria-hidden="true">
                    {move || outcome.with(|o| texts::casting_class(o.class, o.answers.len(), o.open.len()))}
                </p>
                <button type="button" class="primary" on:click=save data-testid="casting-save">
                    {if in_round { "Speichern und weiter" } else { "Casting speichern" }}
                </button>
                {skip.map(|href| view! { <a class="button" href=href>"Überspringen"</a> })}
            </div>
            <div class="actions">
                {finish.map(|href| view! { <a class="button" href=href data-testid="round-finish">"Runde beenden"</a> })}
                <a class="button" href=cancel>"Abbrechen"</a>
            </div>
        </section>
    }
    .into_any()
}
