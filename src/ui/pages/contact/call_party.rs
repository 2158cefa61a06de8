//! The call party: build a call list (N due or inactive groups per advisor, only people who
//! may be phoned), phone through it with one-tap outcomes, and read the summary.

use crate::domain::book::Book;
use crate::domain::contact::add_days;
use crate::domain::contact::party::{
    call_list, last_ended, record_call, running, summary, Call, CallIds, CallResult, Entry, Party,
};
use crate::domain::ids::{ColleagueId, ContactId, PartyId, PlannedId};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::group_marks;
use crate::ui::format;
use crate::ui::forms::contact::settings::with_party;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn advisor_name(b: &Book, a: Option<&ColleagueId>) -> String {
    a.and_then(|a| b.colleagues().get(a))
        .map_or_else(|| "ohne Betreuer:in".to_owned(), |k| k.name.to_string())
}

fn summary_view(b: &Book, party: &Party) -> AnyView {
    let (per, total) = summary(party);
    let rows = per
        .iter()
        .map(|(a, t)| {
            view! {
                <tr>
                    <th scope="row">{advisor_name(b, a.as_ref())}</th>
                    <td>{t.calls}</td><td>{t.reached}</td><td>{t.appointments}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{texts::party_summary(party.date)}</h2>
        <p data-testid="party-total">{texts::call_tally(&total)}</p>
        <table class="table" data-testid="party-summary">
            <thead><tr><th scope="col">"Betreuer:in"</th><th scope="col">"Anrufe"</th><th scope="col">"Erreicht"</th><th scope="col">"Termine"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Builder() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let settings = app.book.with_untracked(|b| b.settings().contact);
    let n_text = RwSignal::new(settings.calls_per_advisor.to_string());
    let block_text = RwSignal::new(settings.block_months.to_string());
    let error = RwSignal::new(None::<String>);
    let preview = Memo::new(move |_| {
        let n = n_text.get().trim().parse::<usize>().unwrap_or(0).min(50);
        app.book.with(|b| call_list(b, today, n).len())
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (calls_typed, block_typed) = (n_text.get_untracked(), block_text.get_untracked());
        let result = app.change(|b| {
            let next = with_party(b.settings().contact, &calls_typed, &block_typed)
                .map_err(crate::domain::book::Problem::Contact)?;
            b.set_contact_settings(next)?;
            let calls = call_list(b, today, usize::from(next.calls_per_advisor));
            b.upsert_party(Party {
                id: PartyId::generate(browser::random_u64()),
                date: today,
                calls,
                ended: false,
                updated_at: browser::now(),
            });
            Ok(())
        });
        error.set(result.err());
    };
    view! {
        <form class="form" on:submit=start novalidate>
            <p>"Die Liste nimmt je Betreuer:in fällige oder inaktive Verbünde, attraktive Klassen zuerst – nur Ansprechpartner mit Telefon-Einwilligung und ohne Kontaktsperre."</p>
            <div class="field">
                <label for="f-je-betreuer">"Verbünde je Betreuer:in"</label>
                <input id="f-je-betreuer" type="number" inputmode="numeric" min="1" max="50" bind:value=n_text />
            </div>
            <div class="field">
                <label for="f-sperre">"Kontaktsperre nach „Kein Interesse“ (Monate)"</label>
                <input id="f-sperre" type="number" inputmode="numeric" min="1" max="36" bind:value=block_text />
            </div>
            <p class="count" data-testid="party-preview">{move || texts::calls_on_list(preview.get())}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">"Telefonaktion starten"</button>
            </div>
        </form>
    }
}

/// The outcome buttons of a line: for an open call, or for correcting a reached one (then
/// without the consent withdrawal, which is changed at the person).
fn outcome_buttons(
    index: usize,
    correcting: bool,
    record: impl Fn(CallResult) + Clone + 'static,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let date = RwSignal::new(format::input_date(Some(add_days(browser::today(), 7))));
    let dated = {
        let record = record.clone();
        move |make: fn(chrono::NaiveDate) -> CallResult| match format::parse_input_date(
            &date.get_untracked(),
        ) {
            Ok(Some(d)) => record(make(d)),
            _ => error.set(Some(texts::DATE_FOR_CALL.into())),
        }
    };
    let (r1, r2, r3, r4) = (record.clone(), record.clone(), record.clone(), record);
    let (d1, d2) = (dated.clone(), dated);
    let date_id = format!("f-call-datum-{index}");
    view! {
        <div class="actions outcomes">
            <button type="button" class="primary" on:click=move |_| r1(CallResult::Talked)>"Gespräch geführt"</button>
            <button type="button" on:click=move |_| r2(CallResult::NotReached)>"Nicht erreicht"</button>
        </div>
        // The date belongs to the two outcomes that need one, and sits with them.
        <div class="dated-outcomes">
            <div class="field">
                <label for=date_id.clone()>"Datum für Termin / Rückruf"</label>
                <input id=date_id type="date" bind:value=date />
            </div>
            <div class="actions outcomes">
                <button type="button" class="primary" on:click=move |_| d1(CallResult::Appointment)>"Termin"</button>
                <button type="button" on:click=move |_| d2(CallResult::CallBack)>"Rückruf"</button>
            </div>
        </div>
        <div class="actions outcomes">
            <button type="button" on:click=move |_| r3(CallResult::NoInterest)>"Kein Interesse"</button>
            {(!correcting).then(|| view! {
                <button type="button" class="danger" on:click=move |_| r4(CallResult::ConsentWithdrawn)>"Einwilligung widerrufen"</button>
            })}
        </div>
    }
}

fn call_row(b: &Book, party: &PartyId, index: usize, call: &Call) -> AnyView {
    let app = use_app();
    let (Some(g), Some(p)) = (b.groups().get(&call.group), b.persons().get(&call.person)) else {
        return ().into_any();
    };
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(call.note.clone());
    let correcting = RwSignal::new(false);
    let record = {
        let party = party.clone();
        let person = p.name.to_string();
        move |result: CallResult| {
            let entry = Entry {
                result,
                note: note.get_untracked(),
                at: browser::local_now(),
                by: app.book.with_untracked(|b| b.settings().me.clone()),
            };
            let ids = CallIds {
                contact: ContactId::generate(browser::random_u64()),
                planned: PlannedId::generate(browser::random_u64()),
            };
            let apply = |b: &mut Book| record_call(b, &party, index, entry, ids, browser::now());
            // Outcomes that keep the customer from being contacted are asked for first and
            // can be undone.
            let outcome = result.outcome();
            let r = if result.blocks() {
                if !browser::confirm(&texts::call_block_confirm(outcome, &person)) {
                    return;
                }
                app.change_with_undo(apply, texts::call_blocked(outcome, &person))
            } else {
                app.change(apply)
            };
            error.set(r.err());
        }
    };
    let phone = p.phone.as_ref().map(|ph| {
        view! { <a class="button tel" href=ph.href()>{format!("{} anrufen: {}", p.name, ph.as_str())}</a> }
    });
    let status = match call.outcome {
        Some(o) => format!(
            "{} · {}",
            texts::call_outcome(o),
            texts::attempts(call.attempts)
        ),
        None => texts::attempts(call.attempts),
    };
    let open = call.is_open();
    let correctable = call.correctable();
    let note_id = format!("f-call-notiz-{index}");
    let recorded_note = (!call.note.is_empty()).then(|| {
        view! { <p class="meta" data-testid="call-note">{texts::call_note(&call.note)}</p> }
    });
    // Built once and shown or hidden: cheaper than views rebuilt on every toggle.
    let entry = (open || correctable).then(|| {
        view! {
            <div hidden=move || !open && !correcting.get()>
                <div class="field">
                    <label for=note_id.clone()>"Notiz zum Anruf (optional)"</label>
                    <input id=note_id type="text" maxlength="200" bind:value=note />
                </div>
                {outcome_buttons(index, !open, record, error)}
                {(!open).then(|| view! {
                    <div class="actions">
                        <button type="button" on:click=move |_| correcting.set(false)>"Abbrechen"</button>
                    </div>
                })}
            </div>
            {correctable.then(|| view! {
                <div class="actions" hidden=move || correcting.get()>
                    <button type="button" on:click=move |_| correcting.set(true)>"Korrigieren"</button>
                </div>
            })}
        }
    });
    view! {
        <li class="row call" class:done=!open data-testid="call" data-group=g.id.to_string()>
            <div>
                <a class="title" href=Route::Group(g.id.clone()).href()>{g.name.to_string()}</a>
                <p class="meta">{group_marks(b, g)}</p>
                <p class="meta">{format!("{} · {}", p.name, advisor_name(b, call.advisor.as_ref()))}</p>
                <p class="meta" data-testid="call-status">{status}</p>
                {recorded_note}
                {open.then_some(phone)}
                {entry}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
        </li>
    }
    .into_any()
}

#[component]
pub fn CallPartyPage() -> impl IntoView {
    let app = use_app();
    let current = Memo::new(move |_| app.book.with(|b| running(b).cloned()));
    let end = move |_| {
        if !browser::confirm(texts::PARTY_END_CONFIRM) {
            return;
        }
        if let Some(mut p) = current.get_untracked() {
            p.ended = true;
            p.updated_at = browser::now();
            let _ = app.change(|b| {
                b.upsert_party(p);
                Ok(())
            });
        }
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">"Telefonaktion"</h1>
            {move || match current.get() {
                None => view! {
                    <Builder />
                    {app.book.with(|b| last_ended(b).map(|p| summary_view(b, p)))}
                }.into_any(),
                Some(party) => app.book.with(|b| {
                    let open = party.calls.iter().filter(|c| c.is_open()).count();
                    let rows = party.calls.iter().enumerate()
                        .map(|(i, c)| call_row(b, &party.id, i, c))
                        .collect_view();
                    view! {
                        <p class="lead">{texts::party_open(party.date, open, party.calls.len())}</p>
                        {party.calls.is_empty().then(|| view! { <p>{texts::PARTY_EMPTY}</p> })}
                        <ul class="list calls">{rows}</ul>
                        {summary_view(b, &party)}
                        <div class="actions">
                            <button type="button" on:click=end>"Telefonaktion beenden"</button>
                        </div>
                    }.into_any()
                }),
            }}
        </section>
    }
}
