//! The bank's colleagues and departments; one of them is the advisor using this device.

use super::Missing;
use crate::domain::ids::ColleagueId;
use crate::domain::model::Colleague;
use crate::domain::text::parse_optional;
use crate::domain::vocab::Department;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    focus_first_invalid, ContactInputs, NameField, ReachFields, SelectField, TextField,
};
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
    let contact = ContactInputs::new(
        e.map(|c| &c.name),
        e.and_then(|c| c.phone.as_ref()),
        e.and_then(|c| c.email.as_ref()),
    );
    let department = RwSignal::new(e.and_then(|c| c.department.clone()).unwrap_or_default());
    let serves = RwSignal::new(
        e.and_then(|c| c.serves)
            .map_or(String::new(), |d| d.key().to_owned()),
    );
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
        let parsed = contact.parse();
        let department =
            parse_optional(&department.get_untracked()).map_err(|e| format!("Fachbereich {e}"));
        let (Some(contact), Ok(department)) = (parsed, department) else {
            form_error.set(Some(texts::FORM_HAS_ERRORS.into()));
            return focus_first_invalid();
        };
        let colleague = Colleague {
            id: existing_id
                .clone()
                .unwrap_or_else(|| ColleagueId::generate(browser::random_u64())),
            name: contact.name,
            department,
            serves: Department::from_key(&serves.get_untracked()),
            phone: contact.phone,
            email: contact.email,
            updated_at: browser::now(),
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
