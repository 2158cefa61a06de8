//! One module per page; `page` picks the view for a route.

pub mod call_party;
pub mod capacity;
pub mod casting;
pub mod casting_overview;
pub mod colleagues;
pub mod contact_form;
pub mod contacts;
pub mod customer_form;
pub mod dashboard;
pub mod data;
pub mod group;
pub mod group_form;
pub mod groups;
pub mod home;
pub mod monitoring;
pub mod person_form;
pub mod planned_form;
pub mod planning;
pub mod quarantine;
pub mod reminder;
pub mod report_controls;
pub mod safety;
pub mod schemes;

use super::route::Route;
use leptos::prelude::*;

pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::Home /> }.into_any(),
        Route::Groups => view! { <groups::Groups /> }.into_any(),
        Route::GroupNew => view! { <group_form::GroupForm id=None /> }.into_any(),
        Route::GroupEdit(id) => view! { <group_form::GroupForm id=Some(id) /> }.into_any(),
        Route::Group(id) => view! { <group::GroupPage id=id /> }.into_any(),
        Route::CustomerNew(group) => {
            view! { <customer_form::CustomerForm id=None group=Some(group) /> }.into_any()
        }
        Route::CustomerEdit(id) => {
            view! { <customer_form::CustomerForm id=Some(id) group=None /> }.into_any()
        }
        Route::PersonNew(customer) => {
            view! { <person_form::PersonForm id=None customer=Some(customer) /> }.into_any()
        }
        Route::PersonEdit(id) => {
            view! { <person_form::PersonForm id=Some(id) customer=None /> }.into_any()
        }
        Route::Colleagues => view! { <colleagues::Colleagues /> }.into_any(),
        Route::ColleagueNew => view! { <colleagues::ColleagueForm id=None /> }.into_any(),
        Route::ColleagueEdit(id) => view! { <colleagues::ColleagueForm id=Some(id) /> }.into_any(),
        Route::Data => view! { <data::Data /> }.into_any(),
        Route::Casting(id) => view! { <casting::CastingForm group=id round=None /> }.into_any(),
        Route::CastingRound => view! { <casting::CastingRound /> }.into_any(),
        Route::CastingOverview => view! { <casting_overview::CastingOverview /> }.into_any(),
        Route::Schemes => view! { <schemes::Schemes /> }.into_any(),
        Route::Capacity => view! { <capacity::CapacityPage /> }.into_any(),
        Route::ContactNew(group) => {
            view! { <contact_form::ContactForm group=group id=None /> }.into_any()
        }
        Route::ContactEdit(group, id) => {
            view! { <contact_form::ContactForm group=group id=Some(id) /> }.into_any()
        }
        Route::PlannedNew(group) => {
            view! { <planned_form::PlannedForm group=group id=None /> }.into_any()
        }
        Route::PlannedEdit(group, id) => {
            view! { <planned_form::PlannedForm group=group id=Some(id) /> }.into_any()
        }
        Route::Contacts => view! { <contacts::Contacts /> }.into_any(),
        Route::Reminder => view! { <reminder::ReminderPage /> }.into_any(),
        Route::CallParty => view! { <call_party::CallPartyPage /> }.into_any(),
        Route::Planning => view! { <planning::Planning /> }.into_any(),
        Route::Dashboard => view! { <dashboard::Dashboard /> }.into_any(),
        Route::Monitoring => view! { <monitoring::MonitoringPage /> }.into_any(),
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
        Route::Data => 4,
        Route::Reminder => 5,
        Route::Contacts => 6,
        Route::CallParty => 7,
        Route::Dashboard | Route::Monitoring | Route::Planning => 8,
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
