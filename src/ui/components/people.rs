//! The fields of a person: name, phone, e-mail, consent, and the colleagues to pick from.

use super::{SelectField, TextField};
use crate::domain::book::Book;
use crate::domain::exchange::privacy::Subject;
use crate::domain::exchange::vcard;
use crate::domain::model::ContactPerson;
use crate::texts;
use crate::ui::forms::book::reach;
use crate::ui::forms::FieldError;
use crate::ui::route::Route;
use leptos::prelude::*;

/// Consent state and the date it was given or refused.
#[component]
pub fn ConsentFields(state: RwSignal<String>, since: RwSignal<String>) -> impl IntoView {
    use crate::domain::vocab::ConsentState;
    let options: Vec<(String, String)> = ConsentState::ALL
        .iter()
        .map(|c| (c.key().to_owned(), texts::consent_short(*c).to_owned()))
        .collect();
    view! {
        <fieldset class="group">
            <legend>"Werbeeinwilligung (Telefon / E-Mail)"</legend>
            <SelectField label="Einwilligung" value=state options=options />
            <TextField label="Einwilligung seit" value=since kind="date" />
        </fieldset>
    }
}

/// Name, phone and e-mail inputs with their field errors, shared by the customer, the
/// contact-person and the colleague form.
#[derive(Clone, Copy)]
pub struct ContactInputs {
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    name_error: RwSignal<Option<String>>,
    phone_error: RwSignal<Option<String>>,
    email_error: RwSignal<Option<String>>,
}

impl ContactInputs {
    pub fn new(fields: reach::ReachFields) -> Self {
        Self {
            name: RwSignal::new(fields.name),
            phone: RwSignal::new(fields.phone),
            email: RwSignal::new(fields.email),
            name_error: RwSignal::new(None),
            phone_error: RwSignal::new(None),
            email_error: RwSignal::new(None),
        }
    }

    pub fn fields(&self) -> reach::ReachFields {
        reach::ReachFields {
            name: self.name.get_untracked(),
            phone: self.phone.get_untracked(),
            email: self.email.get_untracked(),
        }
    }

    /// Shows each of the three fields' problem among `errors`, and clears the others'.
    pub fn show(&self, errors: &[FieldError]) {
        let at = |field: &str| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        };
        self.name_error.set(at(reach::NAME));
        self.phone_error.set(at(reach::PHONE));
        self.email_error.set(at(reach::EMAIL));
    }
}

#[component]
pub fn NameField(inputs: ContactInputs) -> impl IntoView {
    view! {
        <TextField label="Name" value=inputs.name error=inputs.name_error.into() required=true autocomplete="off" />
    }
}

#[component]
pub fn ReachFields(inputs: ContactInputs) -> impl IntoView {
    view! {
        <TextField label="Telefon" value=inputs.phone kind="tel" error=inputs.phone_error.into() autocomplete="off" />
        <TextField label="E-Mail" value=inputs.email kind="email" error=inputs.email_error.into() autocomplete="off" />
    }
}

/// Select options of every colleague, `first` (empty value) at the top.
pub fn colleague_options(book: &crate::domain::book::Book, first: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), first.to_owned()))
        .chain(
            book.colleagues()
                .values()
                .map(|k| (k.id.to_string(), k.name.to_string())),
        )
        .collect()
}

/// Downloads the contact persons `pick` chooses from the book as vCards for the address
/// book (`file` without ending).
pub fn download_vcards(
    app: crate::ui::state::App,
    file: &str,
    pick: impl for<'b> FnOnce(&'b Book) -> Vec<&'b ContactPerson>,
) {
    let text = app.book.with_untracked(|b| vcard::cards(b, pick(b)));
    let name = format!("{file}.vcf");
    app.download(&name, "text/vcard;charset=utf-8", &text);
}

/// The way from a customer's or contact person's form to their data request (DSGVO); nothing
/// before the record exists.
#[component]
pub fn DisclosureLink(subject: Option<Subject>) -> impl IntoView {
    subject.map(|subject| {
        view! {
            <p><a class="button" href=Route::Disclosure(subject).href() data-testid="disclosure">
                "Auskunft und Löschung (DSGVO)"
            </a></p>
        }
    })
}
