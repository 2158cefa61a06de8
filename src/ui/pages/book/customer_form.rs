//! Create, edit, move or delete a customer, with address, phone and e-mail, consent,
//! do-not-contact date and occasions.

use crate::domain::exchange::privacy::Subject;
use crate::domain::ids::{CustomerId, GroupId};
use crate::domain::vocab::{CustomerKind, OccasionKind};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    focus_first_invalid, ConsentFields, ContactInputs, DisclosureLink, NameField, ReachFields,
    SelectField, TextArea, TextField,
};
use crate::ui::forms::book::customer::{CustomerFields, OccasionFields};
use crate::ui::forms::book::{consent, reach};
use crate::ui::pages::book::group_form::segment_options;
use crate::ui::pages::Missing;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One editable occasion row.
#[derive(Clone, Copy)]
struct OccasionRow {
    key: u64,
    kind: RwSignal<String>,
    date: RwSignal<String>,
    label: RwSignal<String>,
}

impl OccasionRow {
    fn new(o: OccasionFields) -> Self {
        Self {
            key: browser::random_u64(),
            kind: RwSignal::new(o.kind),
            date: RwSignal::new(o.date),
            label: RwSignal::new(o.label),
        }
    }

    fn id(&self) -> String {
        format!("anlass-{}", self.key)
    }

    fn fields(&self) -> (String, OccasionFields) {
        let fields = OccasionFields {
            kind: self.kind.get_untracked(),
            date: self.date.get_untracked(),
            label: self.label.get_untracked(),
        };
        (format!("{}-datum", self.id()), fields)
    }
}

#[component]
pub fn CustomerForm(id: Option<CustomerId>, group: Option<GroupId>) -> impl IntoView {
    let app = use_app();
    let existing = id
        .as_ref()
        .and_then(|id| app.book.with_untracked(|b| b.customers().get(id).cloned()));
    let home = existing.as_ref().map(|c| c.group.clone()).or(group);
    let home_segment = home.as_ref().and_then(|g| {
        app.book
            .with_untracked(|b| b.groups().get(g).map(|g| g.segment))
    });
    let (Some(home), Some(home_segment)) = (home, home_segment) else {
        return view! { <Missing /> }.into_any();
    };
    let prefill = CustomerFields::prefill(existing.as_ref(), &home, home_segment);
    let kind = RwSignal::new(prefill.kind);
    let contact = ContactInputs::new(prefill.reach);
    let number = RwSignal::new(prefill.number);
    let street = RwSignal::new(prefill.street);
    let postcode = RwSignal::new(prefill.postcode);
    let town = RwSignal::new(prefill.town);
    let segment = RwSignal::new(prefill.segment);
    let group_sel = RwSignal::new(prefill.group);
    let consent = RwSignal::new(prefill.consent.state);
    let consent_since = RwSignal::new(prefill.consent.since);
    let no_contact = RwSignal::new(prefill.no_contact);
    let notes = RwSignal::new(prefill.notes);
    let occasions = RwSignal::new(
        (prefill.occasions.into_iter())
            .map(|(_, o)| OccasionRow::new(o))
            .collect::<Vec<_>>(),
    );
    let form_error = RwSignal::new(None::<String>);

    let kind_options: Vec<(String, String)> = CustomerKind::ALL
        .iter()
        .map(|k| (k.key().to_owned(), texts::customer_kind(*k).to_owned()))
        .collect();
    let group_options = Signal::derive(move || {
        app.book.with(|b| {
            b.groups()
                .values()
                .map(|g| (g.id.to_string(), g.name.to_string()))
                .collect()
        })
    });

    let existing_for_submit = existing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = CustomerFields {
            kind: kind.get_untracked(),
            reach: contact.fields(),
            number: number.get_untracked(),
            street: street.get_untracked(),
            postcode: postcode.get_untracked(),
            town: town.get_untracked(),
            segment: segment.get_untracked(),
            group: group_sel.get_untracked(),
            consent: consent::ConsentFields {
                state: consent.get_untracked(),
                since: consent_since.get_untracked(),
            },
            no_contact: no_contact.get_untracked(),
            occasions: occasions
                .get_untracked()
                .iter()
                .map(OccasionRow::fields)
                .collect(),
            notes: notes.get_untracked(),
        };
        let id = existing_for_submit.as_ref().map_or_else(
            || CustomerId::generate(browser::random_u64()),
            |c| c.id.clone(),
        );
        let parsed = fields.parse(id, home_segment, browser::now());
        // Name, phone and e-mail show their problems at the field; any other is said under
        // the form.
        contact.show(parsed.as_ref().err().map_or(&[], Vec::as_slice));
        let customer = match parsed {
            Ok(c) => c,
            Err(errors) => {
                form_error.set(Some(reach::summary(&errors)));
                return focus_first_invalid();
            }
        };
        let target = Route::Group(customer.group.clone()).href();
        match app.change(|b| b.upsert_customer(customer, browser::now())) {
            Ok(()) => browser::navigate(&target),
            Err(e) => form_error.set(Some(e)),
        }
    };

    let delete = id.clone().map(|id| {
        let back = Route::Group(home.clone()).href();
        move |_| {
            let id = id.clone();
            let question = app.book.with_untracked(|b| {
                let name = b.customers().get(&id).map(|c| c.name.to_string());
                texts::customer_delete_confirm(
                    &name.unwrap_or_default(),
                    &b.removal_of_customer(&id),
                )
            });
            if !browser::confirm(&question) {
                return;
            }
            app.delete_with_undo(move |b| {
                let name = b
                    .customers()
                    .get(&id)
                    .map(|c| c.name.to_string())
                    .unwrap_or_default();
                let removed = b.delete_customer(&id, browser::now());
                texts::customer_deleted(&name, &removed)
            });
            browser::navigate(&back);
        }
    });

    let title = if id.is_some() {
        "Kunde bearbeiten"
    } else {
        "Neuer Kunde"
    };
    let cancel = Route::Group(home.clone()).href();
    view! {
        <section class="page">
            <h1 tabindex="-1">{title}</h1>
            <form class="form" on:submit=submit novalidate>
                <SelectField label="Art" value=kind options=kind_options />
                <NameField inputs=contact />
                <TextField label="Kundennummer" value=number autocomplete="off" />
                <SelectField label="Segment" value=segment options=segment_options() />
                {id.is_some().then(|| view! { <SelectField label="Kundenverbund" value=group_sel options=group_options /> })}
                // The customer's, not the advisor's: the browser offers none of its own.
                <fieldset class="group">
                    <legend>"Anschrift"</legend>
                    <TextField label="Straße und Hausnummer" value=street autocomplete="off" />
                    <TextField label="PLZ" value=postcode autocomplete="off" />
                    <TextField label="Ort" value=town autocomplete="off" />
                </fieldset>
                <ReachFields inputs=contact />
                <ConsentFields state=consent since=consent_since />
                <TextField label="Keine Ansprache bis" value=no_contact kind="date" />
                <fieldset class="group">
                    <legend>"Anlässe"</legend>
                    <For each=move || occasions.get() key=|row| row.key let:row>
                        <OccasionEditor row=row on_remove=move || occasions.update(|v| v.retain(|r| r.key != row.key)) />
                    </For>
                    <button type="button" on:click=move |_| occasions.update(|v| v.push(OccasionRow::new(OccasionFields::prefill(None))))>
                        "Anlass hinzufügen"
                    </button>
                </fieldset>
                <TextArea label="Notizen" value=notes />
                {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Speichern"</button>
                    <a class="button" href=cancel>"Abbrechen"</a>
                    {delete.map(|d| view! { <button type="button" class="danger" on:click=d>"Kunde löschen"</button> })}
                </div>
                <DisclosureLink subject=id.clone().map(Subject::Customer) />
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn OccasionEditor(row: OccasionRow, on_remove: impl Fn() + 'static + Send + Sync) -> impl IntoView {
    let options: Vec<(String, String)> = OccasionKind::ALL
        .iter()
        .map(|k| (k.key().to_owned(), texts::occasion(*k).to_owned()))
        .collect();
    let id = row.id();
    view! {
        <div class="occasion-row">
            <SelectField label="Anlass" value=row.kind options=options id=format!("{id}-art") />
            <TextField label="Datum" value=row.date kind="date" id=format!("{id}-datum") />
            <TextField label="Bezeichnung" value=row.label id=format!("{id}-text") />
            <button type="button" class="quiet" on:click=move |_| on_remove()>"Entfernen"</button>
        </div>
    }
}
