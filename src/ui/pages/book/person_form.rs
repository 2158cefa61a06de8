//! Create, edit or delete a contact person.

use crate::domain::exchange::privacy::Subject;
use crate::domain::ids::{CustomerId, PersonId};
use crate::domain::vocab::{Attitude, BuyingMotive, BuyingRole};
use crate::texts::{self, key_accounts};
use crate::ui::browser;
use crate::ui::components::{
    focus_first_invalid, vocab_options, ConsentFields, ContactInputs, DisclosureLink, NameField,
    ReachFields, SelectField, TextArea, TextField,
};
use crate::ui::forms::book::person::PersonFields;
use crate::ui::forms::book::{consent, reach};
use crate::ui::pages::Missing;
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
    let prefill = existing
        .as_ref()
        .map(PersonFields::prefill)
        .unwrap_or_default();
    let contact = ContactInputs::new(prefill.reach);
    let position = RwSignal::new(prefill.position);
    let influence = RwSignal::new(prefill.influence);
    let role = RwSignal::new(prefill.role);
    let motive = RwSignal::new(prefill.motive);
    let attitude = RwSignal::new(prefill.attitude);
    let matters = RwSignal::new(prefill.matters);
    let benefit = RwSignal::new(prefill.benefit);
    let consent_state = RwSignal::new(prefill.consent.state);
    let consent_since = RwSignal::new(prefill.consent.since);
    let notes = RwSignal::new(prefill.notes);
    let form_error = RwSignal::new(None::<String>);

    let influence_options: Vec<(String, String)> =
        std::iter::once((String::new(), texts::NOT_SPECIFIED.to_owned()))
            .chain((1..=10).map(|n| (n.to_string(), n.to_string())))
            .collect();

    let existing_id = existing.as_ref().map(|p| p.id.clone());
    let submit_owner = owner.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = PersonFields {
            reach: contact.fields(),
            position: position.get_untracked(),
            influence: influence.get_untracked(),
            role: role.get_untracked(),
            motive: motive.get_untracked(),
            attitude: attitude.get_untracked(),
            matters: matters.get_untracked(),
            benefit: benefit.get_untracked(),
            consent: consent::ConsentFields {
                state: consent_state.get_untracked(),
                since: consent_since.get_untracked(),
            },
            notes: notes.get_untracked(),
        };
        let id = existing_id
            .clone()
            .unwrap_or_else(|| PersonId::generate(browser::random_u64()));
        let parsed = fields.parse(id, submit_owner.clone(), browser::now());
        contact.show(parsed.as_ref().err().map_or(&[], Vec::as_slice));
        let person = match parsed {
            Ok(p) => p,
            Err(errors) => {
                form_error.set(Some(reach::summary(&errors)));
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
                <SelectField label="Haltung zur Bank" value=attitude
                    options=vocab_options(Attitude::ALL, Attitude::key, key_accounts::attitude, key_accounts::UNKNOWN) />
                <TextArea label="Was ihr oder ihm wichtig ist" value=matters />
                <TextArea label="Persönlicher Nutzen durch die Bank" value=benefit />
                <ReachFields inputs=contact />
                <ConsentFields state=consent_state since=consent_since />
                <TextArea label="Notizen" value=notes />
                {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Speichern"</button>
                    <a class="button" href=back>"Abbrechen"</a>
                    {delete.map(|d| view! { <button type="button" class="danger" on:click=d>"Ansprechpartner löschen"</button> })}
                </div>
                <DisclosureLink subject=id.clone().map(Subject::Person) />
            </form>
        </section>
    }
    .into_any()
}
