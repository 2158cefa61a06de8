//! Create, edit, move or delete a customer, with consent, do-not-contact date and occasions.

use super::group_form::segment_options;
use super::Missing;
use crate::domain::ids::{CustomerId, GroupId};
use crate::domain::model::{Customer, Occasion};
use crate::domain::text::{parse_notes, parse_optional, Name};
use crate::domain::vocab::{CustomerKind, OccasionKind, Segment};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    focus_first_invalid, parse_consent, ConsentFields, SelectField, TextArea, TextField,
};
use crate::ui::format;
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
    fn new(o: Option<&Occasion>) -> Self {
        Self {
            key: browser::random_u64(),
            kind: RwSignal::new(
                o.map_or(OccasionKind::Maturity, |o| o.kind)
                    .key()
                    .to_owned(),
            ),
            date: RwSignal::new(format::input_date(o.map(|o| o.date))),
            label: RwSignal::new(o.map(|o| o.label.clone()).unwrap_or_default()),
        }
    }

    fn parse(&self) -> Result<Option<Occasion>, String> {
        let date = format::parse_input_date(&self.date.get_untracked())
            .map_err(|_| texts::BAD_DATE.to_owned())?;
        Ok(date.map(|date| Occasion {
            kind: OccasionKind::from_key(&self.kind.get_untracked()).unwrap_or(OccasionKind::Other),
            date,
            label: self.label.get_untracked().trim().to_owned(),
        }))
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
    let e = existing.as_ref();
    let kind = RwSignal::new(e.map_or(CustomerKind::Person, |c| c.kind).key().to_owned());
    let name = RwSignal::new(e.map(|c| c.name.to_string()).unwrap_or_default());
    let number = RwSignal::new(e.and_then(|c| c.number.clone()).unwrap_or_default());
    let segment = RwSignal::new(e.map_or(home_segment, |c| c.segment).key().to_owned());
    let group_sel = RwSignal::new(home.to_string());
    let consent = RwSignal::new(
        e.map_or_else(Default::default, |c| c.consent)
            .state
            .key()
            .to_owned(),
    );
    let consent_since = RwSignal::new(format::input_date(e.and_then(|c| c.consent.since)));
    let no_contact = RwSignal::new(format::input_date(e.and_then(|c| c.no_contact_until)));
    let notes = RwSignal::new(e.map(|c| c.notes.clone()).unwrap_or_default());
    let occasions = RwSignal::new(
        e.map(|c| {
            c.occasions
                .iter()
                .map(|o| OccasionRow::new(Some(o)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default(),
    );
    let name_error = RwSignal::new(None::<String>);
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
        let parsed_name = Name::parse(&name.get_untracked());
        name_error.set(parsed_name.as_ref().err().map(|e| format!("Name {e}")));
        let parsed = (|| -> Result<Customer, String> {
            let name = parsed_name.map_err(|_| texts::FORM_HAS_ERRORS.to_owned())?;
            let occasions = occasions
                .get_untracked()
                .iter()
                .map(OccasionRow::parse)
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect();
            Ok(Customer {
                id: existing_for_submit.as_ref().map_or_else(
                    || CustomerId::generate(browser::random_u64()),
                    |c| c.id.clone(),
                ),
                group: group_sel
                    .get_untracked()
                    .parse()
                    .map_err(|_| texts::FORM_HAS_ERRORS.to_owned())?,
                kind: CustomerKind::from_key(&kind.get_untracked()).unwrap_or(CustomerKind::Person),
                name,
                number: parse_optional(&number.get_untracked())
                    .map_err(|e| format!("Kundennummer {e}"))?,
                segment: Segment::from_key(&segment.get_untracked()).unwrap_or(home_segment),
                consent: parse_consent(&consent.get_untracked(), &consent_since.get_untracked())?,
                no_contact_until: format::parse_input_date(&no_contact.get_untracked())
                    .map_err(|_| texts::BAD_DATE.to_owned())?,
                occasions,
                notes: parse_notes(&notes.get_untracked()).map_err(|e| format!("Notizen {e}"))?,
                updated_at: browser::now(),
            })
        })();
        let customer = match parsed {
            Ok(c) => c,
            Err(e) => {
                form_error.set(Some(e));
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
                <TextField label="Name" value=name error=name_error.into() required=true autocomplete="off" />
                <TextField label="Kundennummer" value=number autocomplete="off" />
                <SelectField label="Segment" value=segment options=segment_options() />
                {id.is_some().then(|| view! { <SelectField label="Kundenverbund" value=group_sel options=group_options /> })}
                <ConsentFields state=consent since=consent_since />
                <TextField label="Keine Ansprache bis" value=no_contact kind="date" />
                <fieldset class="group">
                    <legend>"Anlässe"</legend>
                    <For each=move || occasions.get() key=|row| row.key let:row>
                        <OccasionEditor row=row on_remove=move || occasions.update(|v| v.retain(|r| r.key != row.key)) />
                    </For>
                    <button type="button" on:click=move |_| occasions.update(|v| v.push(OccasionRow::new(None)))>
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
    let id = format!("anlass-{}", row.key);
    view! {
        <div class="occasion-row">
            <SelectField label="Anlass" value=row.kind options=options id=format!("{id}-art") />
            <TextField label="Datum" value=row.date kind="date" id=format!("{id}-datum") />
            <TextField label="Bezeichnung" value=row.label id=format!("{id}-text") />
            <button type="button" class="quiet" on:click=move |_| on_remove()>"Entfernen"</button>
        </div>
    }
}
