//! The pages, in the features' folders (`book`, `casting`, `contact`, `reports`) beside the
//! start, data and safety pages; `page` picks the view for a route.

pub mod book;
pub mod casting;
pub mod contact;
pub mod data;
pub mod exchange;
pub mod home;
pub mod key_accounts;
mod lazy;
pub mod quarantine;
pub mod reports;
pub mod safety;

use super::route::Route;
use leptos::prelude::*;

pub fn page(route: Route) -> AnyView {
    use lazy::lazy;
    match route {
        Route::Home => view! { <home::Home /> }.into_any(),
        Route::Groups => lazy(lazy::groups()),
        Route::GroupNew => lazy(lazy::group_form(None)),
        Route::GroupEdit(id) => lazy(lazy::group_form(Some(id))),
        Route::Group(id) => lazy(lazy::group(id)),
        Route::CustomerNew(group) => lazy(lazy::customer_form(None, Some(group))),
        Route::CustomerEdit(id) => lazy(lazy::customer_form(Some(id), None)),
        Route::PersonNew(customer) => lazy(lazy::person_form(None, Some(customer))),
        Route::PersonEdit(id) => lazy(lazy::person_form(Some(id), None)),
        Route::Colleagues => lazy(lazy::colleagues()),
        Route::ColleagueNew => lazy(lazy::colleague_form(None)),
        Route::ColleagueEdit(id) => lazy(lazy::colleague_form(Some(id))),
        Route::Data => lazy(lazy::data()),
        Route::Share => lazy(lazy::share()),
        Route::Duplicates => lazy(lazy::duplicates()),
        Route::CsvImport => lazy(lazy::csv_import()),
        Route::KeyAccounts => lazy(lazy::key_account_list()),
        Route::BuyingCenter(group) => lazy(lazy::buying_center(group)),
        Route::Disclosure(subject) => lazy(lazy::disclosure(subject)),
        Route::Casting(id) => lazy(lazy::casting(id)),
        Route::CastingRound => lazy(lazy::casting_round()),
        Route::CastingOverview => lazy(lazy::casting_overview()),
        Route::Schemes => lazy(lazy::schemes()),
        Route::Capacity => lazy(lazy::capacity()),
        Route::ContactNew(group) => lazy(lazy::contact_form(group, None)),
        Route::ContactEdit(group, id) => lazy(lazy::contact_form(group, Some(id))),
        Route::PlannedNew(group) => lazy(lazy::planned_form(group, None)),
        Route::PlannedEdit(group, id) => lazy(lazy::planned_form(group, Some(id))),
        Route::Contacts => lazy(lazy::contacts()),
        Route::Reminder => lazy(lazy::reminder()),
        Route::CallParty => lazy(lazy::call_party()),
        Route::Planning => lazy(lazy::planning()),
        Route::Dashboard => lazy(lazy::dashboard()),
        Route::Monitoring => lazy(lazy::monitoring()),
        Route::NotFound => view! { <Missing /> }.into_any(),
    }
}

/// Which navigation entry a route belongs to.
pub fn section(route: &Route) -> u8 {
    match route {
        Route::Home | Route::NotFound => 0,
        Route::Groups
        | Route::GroupNew
        | Route::Group(_)
        | Route::GroupEdit(_)
        | Route::CustomerNew(_)
        | Route::CustomerEdit(_)
        | Route::PersonNew(_)
        | Route::PersonEdit(_)
        | Route::ContactNew(_)
        | Route::ContactEdit(..)
        | Route::PlannedNew(_)
        | Route::PlannedEdit(..) => 1,
        Route::Casting(_)
        | Route::CastingRound
        | Route::CastingOverview
        | Route::Capacity
        | Route::Schemes => 2,
        Route::Colleagues | Route::ColleagueNew | Route::ColleagueEdit(_) => 3,
        Route::Data | Route::Share | Route::Duplicates | Route::CsvImport => 4,
        Route::Disclosure(_) => 1,
        Route::Reminder => 5,
        Route::Contacts => 6,
        Route::CallParty => 7,
        Route::Dashboard | Route::Monitoring | Route::Planning => 8,
        Route::KeyAccounts | Route::BuyingCenter(_) => 9,
    }
}

/// Shown for unknown routes and for records that no longer exist.
#[component]
pub fn Missing() -> impl IntoView {
    view! {
        <section class="page">
            <h1 tabindex="-1">"Nicht gefunden"</h1>
            <p>"Diese Seite oder dieser Datensatz existiert nicht (mehr)."</p>
            <p><a class="button" href="#/verbuende">"Zur Verbundliste"</a></p>
        </section>
    }
}
