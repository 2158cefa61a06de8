//! The bank's colleagues and departments; one of them is the advisor using this device.

use crate::domain::ids::ColleagueId;
use crate::domain::vocab::Department;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    focus_first_invalid, ContactInputs, NameField, ReachFields, SelectField, TextField,
};
use crate::ui::forms::book::colleague::ColleagueFields;
use crate::ui::pages::Missing;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Colleagues() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="page">
            <div class="page-head">
                <h1 tabindex="-1">"Kolleg:innen und Fachbereiche"</h1>
                <a class="button primary" href=Route::ColleagueNew.href()>"Neu"</a>
            </div>
            <p>"Wer mitbetreut: Spezialist:innen, Fachabteilungen und Sie selbst (mit „Das bin ich“ markiert)."</p>
            <ul class="list" data-testid="colleague-list">
                {move || app.book.with(|b| {
                    let me = b.settings().me.clone();
                    b.colleagues().values().map(|c| {
                        let mine = me.as_ref() == Some(&c.id);
                        let advised = b.advised_by(&c.id);
                        view! {
                            <li>
                                <a class="row" href=Route::ColleagueEdit(c.id.clone()).href()>
                                    <span class="title">{c.name.to_string()} {mine.then_some(" (ich)")}</span>
                                    <span class="meta">
                                        {c.department.clone().map(|d| view! { <span>{d}</span> })}
                                        {c.serves.map(|d| view! { <span>{"Co-Betreuung: "}{texts::department(d)}</span> })}
                                        {(advised > 0).then(|| view! { <span>{texts::advised(advised)}</span> })}
                                    </span>
                                </a>
                            </li>
                        }
                    }).collect_view()
                })}
            </ul>
        </section>
    }
}

#[component]
pub fn ColleagueForm(id: Option<ColleagueId>) -> impl IntoView {
    let app = use_app();
    let existing = id
        .as_ref()
        .and_then(|id| app.book.with_untracked(|b| b.colleagues().get(id).cloned()));
    if id.is_some() && existing.is_none() {
        return view! { <Missing /> }.into_any();
    }
    let e = existing.as_ref();
    let is_me = app.book.with_untracked(|b| {
        e.map_or(b.settings().me.is_none(), |c| {
            b.settings().me.as_ref() == Some(&c.id)
        })
    });
    let prefill = e.map(ColleagueFields::prefill).unwrap_or_default();
    let contact = ContactInputs::new(prefill.reach);
    let department = RwSignal::new(prefill.department);
    let serves = RwSignal::new(prefill.serves);
    let serves_options: Vec<(String, String)> =
        std::iter::once((String::new(), "– keiner –".to_owned()))
            .chain(
                Department::ALL
                    .iter()
                    .map(|d| (d.key().to_owned(), texts::department(*d).to_owned())),
            )
            .collect();
    let me = RwSignal::new(is_me);
    let form_error = RwSignal::new(None::<String>);

    let existing_id = existing.as_ref().map(|c| c.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = ColleagueFields {
            reach: contact.fields(),
            department: department.get_untracked(),
            serves: serves.get_untracked(),
        };
        let id = existing_id
            .clone()
            .unwrap_or_else(|| ColleagueId::generate(browser::random_u64()));
        let parsed = fields.parse(id, browser::now());
        contact.show(parsed.as_ref().err().map_or(&[], Vec::as_slice));
        let Ok(colleague) = parsed else {
            form_error.set(Some(texts::FORM_HAS_ERRORS.into()));
            return focus_first_invalid();
        };
        let cid = colleague.id.clone();
        let mark_me = me.get_untracked();
        let result = app.change(|b| {
            b.upsert_colleague(colleague);
            if mark_me {
                b.set_me(Some(cid.clone()))
            } else if b.settings().me.as_ref() == Some(&cid) {
                b.set_me(None)
            } else {
                Ok(())
            }
        });
        match result {
            Ok(()) => browser::navigate(&Route::Colleagues.href()),
            Err(e) => form_error.set(Some(e)),
        }
    };
    let delete = id.clone().map(|id| {
        move |_| {
            let id = id.clone();
            app.delete_with_undo(move |b| {
                let name = b
                    .colleagues()
                    .get(&id)
                    .map(|c| c.name.to_string())
                    .unwrap_or_default();
                b.delete_colleague(&id, browser::now());
                texts::colleague_deleted(&name)
            });
            browser::navigate(&Route::Colleagues.href());
        }
    });
    let title = if id.is_some() {
        "Kolleg:in bearbeiten"
    } else {
        "Neue Kolleg:in / neuer Fachbereich"
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">{title}</h1>
            <form class="form" on:submit=submit novalidate>
                <NameField inputs=contact />
                <TextField label="Fachbereich / Abteilung" value=department />
                <SelectField label="Co-Betreuung für" value=serves options=serves_options />
                <ReachFields inputs=contact />
                <div class="field check">
                    <input id="f-ich" type="checkbox" bind:checked=me />
                    <label for="f-ich">"Das bin ich (eigenes Profil)"</label>
                </div>
                {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Speichern"</button>
                    <a class="button" href=Route::Colleagues.href()>"Abbrechen"</a>
                    {delete.map(|d| view! { <button type="button" class="danger" on:click=d>"Löschen"</button> })}
                </div>
            </form>
        </section>
    }
    .into_any()
}
