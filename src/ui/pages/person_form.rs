//! Create, edit or delete a contact person.

use super::Missing;
use crate::domain::ids::{CustomerId, PersonId};
use crate::domain::model::ContactPerson;
use crate::domain::text::{parse_notes, parse_optional, Influence};
use crate::domain::vocab::{BuyingMotive, BuyingRole};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    focus_first_invalid, parse_consent, vocab_options, ConsentFields, ContactInputs, NameField,
    ReachFields, SelectField, TextArea, TextField,
};
use crate::ui::format;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn PersonForm(id: Option<PersonId>, customer: Option<CustomerId>) -> impl IntoView {
    let app = use_app();
    let existing = id
        .as_ref()
        .and_then(|id| app.book.with_untracked(|b| b.persons().get(id).cloned()));
    let owner = existing.as_ref().map(|p| p.customer.clone()).or(customer);
    let group = owner.as_ref().and_then(|c| {
        app.book
            .with_untracked(|b| b.customers().get(c).map(|c| c.group.clone()))
    });
    let (Some(owner), Some(group)) = (owner, group) else {
        return view! { <Missing /> }.into_any();
    };
    let e = existing.as_ref();
    let contact = ContactInputs::new(
        e.map(|p| &p.name),
        e.and_then(|p| p.phone.as_ref()),
        e.and_then(|p| p.email.as_ref()),
    );
    let position = RwSignal::new(e.and_then(|p| p.position.clone()).unwrap_or_default());
    let influence = RwSignal::new(
        e.and_then(|p| p.influence)
            .map(|i| i.get().to_string())
            .unwrap_or_default(),
    );
    let role = RwSignal::new(
        e.and_then(|p| p.buying_role)
            .map(|r| r.key().to_owned())
            .unwrap_or_default(),
    );
    let motive = RwSignal::new(
        e.and_then(|p| p.motive)
            .map(|m| m.key().to_owned())
            .unwrap_or_default(),
    );
    let consent = RwSignal::new(
        e.map_or_else(Default::default, |p| p.consent)
            .state
            .key()
            .to_owned(),
    );
    let consent_since = RwSignal::new(format::input_date(e.and_then(|p| p.consent.since)));
    let notes = RwSignal::new(e.map(|p| p.notes.clone()).unwrap_or_default());
    let form_error = RwSignal::new(None::<String>);

    let influence_options: Vec<(String, String)> =
        std::iter::once((String::new(), texts::NOT_SPECIFIED.to_owned()))
            .chain((1..=10).map(|n| (n.to_string(), n.to_string())))
            .collect();

    let existing_id = existing.as_ref().map(|p| p.id.clone());
    let submit_owner = owner.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = contact.parse();
        let parsed = (|| -> Result<ContactPerson, String> {
            let Some(fields) = fields else {
                return Err(texts::FORM_HAS_ERRORS.into());
            };
            Ok(ContactPerson {
                id: existing_id
                    .clone()
                    .unwrap_or_else(|| PersonId::generate(browser::random_u64())),
                customer: submit_owner.clone(),
                name: fields.name,
                position: parse_optional(&position.get_untracked())
                    .map_err(|e| format!("Position {e}"))?,
                influence: influence
                    .get_untracked()
                    .parse::<u8>()
                    .ok()
                    .and_then(|n| Influence::new(n).ok()),
                buying_role: BuyingRole::from_key(&role.get_untracked()),
                motive: BuyingMotive::from_key(&motive.get_untracked()),
                phone: fields.phone,
                email: fields.email,
                consent: parse_consent(&consent.get_untracked(), &consent_since.get_untracked())?,
                notes: parse_notes(&notes.get_untracked()).map_err(|e| format!("Notizen {e}"))?,
                updated_at: browser::now(),
            })
        })();
        let person = match parsed {
            Ok(p) => p,
            Err(e) => {
                form_error.set(Some(e));
                return focus_first_invalid();
            }
        };
        let target = Route::Group(group.clone()).href();
        match app.change(|b| b.upsert_person(person)) {
            Ok(()) => browser::navigate(&target),
            Err(e) => form_error.set(Some(e)),
        }
    };

    let back = Route::Group(
        app.book
            .with_untracked(|b| b.customers().get(&owner).map(|c| c.group.clone()))
            .expect("owner exists"),
    )
    .href();
    let delete = id.clone().map(|id| {
        let back = back.clone();
        move |_| {
            let id = id.clone();
            app.delete_with_undo(move |b| {
                let name = b
                    .persons()
                    .get(&id)
                    .map(|p| p.name.to_string())
                    .unwrap_or_default();
                b.delete_person(&id);
                texts::person_deleted(&name)
            });
            browser::navigate(&back);
        }
    });
    let customer_name = app
        .book
        .with_untracked(|b| b.customers().get(&owner).map(|c| c.name.to_string()))
        .unwrap_or_default();
    let title = if id.is_some() {
        "Ansprechpartner bearbeiten"
    } else {
        "Neuer Ansprechpartner"
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">{title}</h1>
            <p class="lead">"bei " {customer_name}</p>
            <form class="form" on:submit=submit novalidate>
                <NameField inputs=contact />
                <TextField label="Position / Funktion" value=position list="positionen" />
                <datalist id="positionen">
                    {texts::POSITIONS.iter().map(|p| view! { <option value=*p></option> }).collect_view()}
                </datalist>
                <SelectField label="Einfluss (1–10)" value=influence options=influence_options />
                <SelectField label="Rolle im Buying Center" value=role
                    options=vocab_options(BuyingRole::ALL, BuyingRole::key, texts::buying_role, texts::NOT_SPECIFIED) />
                <SelectField label="Dominantes Kaufmotiv" value=motive
                    options=vocab_options(BuyingMotive::ALL, BuyingMotive::key, texts::motive, texts::NOT_SPECIFIED) />
                <ReachFields inputs=contact />
                <ConsentFields state=consent since=consent_since />
                <TextArea label="Notizen" value=notes />
                {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Speichern"</button>
                    <a class="button" href=back>"Abbrechen"</a>
                    {delete.map(|d| view! { <button type="button" class="danger" on:click=d>"Ansprechpartner löschen"</button> })}
                </div>
            </form>
        </section>
    }
    .into_any()
}
