//! Pages loaded on first use. Each function below is a split point: the release build
//! (`scripts/split.mjs`) moves it, and the code only it reaches, into a wasm chunk of its own
//! that is fetched the first time the page opens. Functions naming the same chunk share it:
//! four chunks by use (the daily work, the casting, the reports, the data page) load fewer
//! files and repeat less code than one chunk per page (measured in the README).

use super::{book, casting, contact, data, exchange, key_accounts, reports};
use crate::domain::exchange::privacy::Subject;
use crate::domain::ids::{ColleagueId, ContactId, CustomerId, GroupId, PersonId, PlannedId};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;
use std::future::Future;

type Loaded = Result<AnyView, SplitLoaderError>;

/// Shows the page once its chunk is there; a chunk that cannot be fetched is said, not a crash.
pub fn lazy(load: impl Future<Output = Loaded> + 'static) -> AnyView {
    let load = SendWrapper::new(load);
    view! {
        <Suspense fallback=|| view! { <p class="opening" aria-busy="true">{crate::texts::PAGE_LOADING}</p> }>
            {Suspend::new(async move {
                let loaded = load.await;
                crate::ui::app::heading_ready();
                match loaded {
                    Ok(page) => page,
                    Err(_) => view! {
                        <section class="page">
                            <h1 tabindex="-1">{crate::texts::PAGE_MISSING_TITLE}</h1>
                            <p role="alert">{crate::texts::PAGE_MISSING}</p>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// A page in a chunk: `page!(chunk, function(arguments) => view)`.
macro_rules! page {
    ($chunk:ident, $name:ident($($arg:ident: $ty:ty),*) => $view:expr) => {
        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Loaded {
            Ok($view.into_any())
        }
    };
}

page!(reports, dashboard() => view! { <reports::dashboard::Dashboard /> });
page!(reports, monitoring() => view! { <reports::monitoring::MonitoringPage /> });
page!(reports, planning() => view! { <reports::planning::Planning /> });
page!(casting, schemes() => view! { <casting::schemes::Schemes /> });
page!(casting, capacity() => view! { <casting::capacity::CapacityPage /> });
page!(casting, casting_overview() => view! { <casting::overview::CastingOverview /> });
page!(data, data() => view! { <data::Data /> });
page!(data, share() => view! { <exchange::share::Share /> });
page!(data, csv_import() => view! { <exchange::csv::CsvImport /> });
page!(data, duplicates() => view! { <exchange::duplicates::Duplicates /> });
page!(data, disclosure(subject: Subject) => view! { <exchange::privacy::DisclosurePage subject=subject /> });
page!(accounts, key_account_list() => view! { <key_accounts::list::KeyAccounts /> });
page!(accounts, buying_center(group: GroupId) => view! { <key_accounts::buying_center::BuyingCenter group=group /> });
page!(work, groups() => view! { <book::groups::Groups /> });
page!(work, group(id: GroupId) => view! { <book::group::GroupPage id=id /> });
page!(work, group_form(id: Option<GroupId>) => view! { <book::group_form::GroupForm id=id /> });
page!(work, customer_form(id: Option<CustomerId>, group: Option<GroupId>) => view! { <book::customer_form::CustomerForm id=id group=group /> });
page!(work, person_form(id: Option<PersonId>, customer: Option<CustomerId>) => view! { <book::person_form::PersonForm id=id customer=customer /> });
page!(work, colleagues() => view! { <book::colleagues::Colleagues /> });
page!(work, colleague_form(id: Option<ColleagueId>) => view! { <book::colleagues::ColleagueForm id=id /> });
page!(casting, casting(group: GroupId) => view! { <casting::form::CastingForm group=group round=None /> });
page!(casting, casting_round() => view! { <casting::form::CastingRound /> });
page!(work, contact_form(group: GroupId, id: Option<ContactId>) => view! { <contact::form::ContactForm group=group id=id /> });
page!(work, planned_form(group: GroupId, id: Option<PlannedId>) => view! { <contact::planned_form::PlannedForm group=group id=id /> });
page!(work, contacts() => view! { <contact::history::Contacts /> });
page!(work, reminder() => view! { <contact::reminder::ReminderPage /> });
page!(work, call_party() => view! { <contact::call_party::CallPartyPage /> });
