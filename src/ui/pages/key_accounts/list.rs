//! The key-account list: every Major, Key and Target Account with its care and contacts.

use super::colleague_name;
use crate::domain::key_accounts::list;
use crate::texts::{self, key_accounts as say};
use crate::ui::browser;
use crate::ui::components::ScrollBox;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn KeyAccounts() -> impl IntoView {
    let app = use_app();
    let rows = move || {
        app.book.with(|b| {
            let today = browser::today();
            list(b, today)
                .into_iter()
                .map(|r| {
                    let href = Route::Group(r.group.id.clone()).href();
                    let name = r.group.name.to_string();
                    let tier = say::tier(r.account.tier);
                    let manager = colleague_name(b, r.account.manager.as_ref());
                    let deputy = colleague_name(b, r.account.deputy.as_ref());
                    let people = say::people_summary(r.persons, r.supporters, r.critics);
                    let contacts = texts::number(r.contacts_this_year as i64);
                    let last = r
                        .last_contact
                        .map_or_else(|| "–".to_owned(), texts::dates::date);
                    let center = Route::BuyingCenter(r.group.id.clone()).href();
                    view! {
                        <tr data-testid="key-account">
                            <th scope="row"><a href=href>{name}</a></th>
                            <td>{tier}</td>
                            <td>{manager}</td>
                            <td>{deputy}</td>
                            <td><a href=center>{people}</a></td>
                            <td class="num">{contacts}</td>
                            <td>{last}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    // Whether any group is a key account, without counting contacts a second time.
    let empty = move || {
        app.book
            .with(|b| b.groups().values().all(|g| g.key_account.is_none()))
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">{say::LIST_TITLE}</h1>
            <p class="lead">{say::LIST_LEAD}</p>
            <Show when=move || !empty() fallback=|| view! { <p data-testid="no-key-accounts">{say::NO_ACCOUNTS}</p> }>
                <ScrollBox>
                <table class="table" data-testid="key-accounts">
                    <caption class="sr-only">{say::LIST_TITLE}</caption>
                    <thead><tr>
                        <th scope="col">"Verbund"</th>
                        <th scope="col">"Art"</th>
                        <th scope="col">"Key-Account-Manager:in"</th>
                        <th scope="col">"Vertretung"</th>
                        <th scope="col">{say::BUYING_CENTER}</th>
                        <th scope="col">{say::contacts_in(chrono::Datelike::year(&browser::today()))}</th>
                        <th scope="col">"Letzter Kontakt"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </ScrollBox>
            </Show>
        </section>
    }
}
