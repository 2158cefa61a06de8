//! An account's buying center: its people by influence, with role, motive, attitude to the
//! bank, what matters to them and the benefit the bank offers them.

use crate::domain::ids::GroupId;
use crate::domain::key_accounts::buying_center;
use crate::texts::{self, key_accounts as say};
use crate::ui::components::ScrollBox;
use crate::ui::pages::Missing;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn BuyingCenter(group: GroupId) -> impl IntoView {
    let app = use_app();
    let Some(name) = app
        .book
        .with_untracked(|b| b.groups().get(&group).map(|g| g.name.to_string()))
    else {
        return view! { <Missing /> }.into_any();
    };
    let rows = {
        let group = group.clone();
        move || {
            app.book.with(|b| {
                buying_center(b, &group)
                    .into_iter()
                    .map(|p| {
                        let customer = b.customers().get(&p.customer).map(|c| c.name.to_string());
                        let dash = |s: Option<&str>| s.unwrap_or("–").to_owned();
                        let attitude = p.attitude.map_or(say::UNKNOWN, say::attitude);
                        view! {
                            <tr data-testid="buying-center-person" data-attitude=p.attitude.map(|a| a.key())>
                                <th scope="row">
                                    <a href=Route::PersonEdit(p.id.clone()).href()>{p.name.to_string()}</a>
                                    <span class="meta">{dash(p.position.as_deref())} ", " {customer}</span>
                                </th>
                                <td class="num">{p.influence.map_or_else(|| "–".to_owned(), |i| i.get().to_string())}</td>
                                <td>{dash(p.buying_role.map(texts::buying_role))}</td>
                                <td>{dash(p.motive.map(texts::motive))}</td>
                                <td>{attitude}</td>
                                <td>{dash((!p.matters.is_empty()).then_some(p.matters.as_str()))}</td>
                                <td>{dash((!p.benefit.is_empty()).then_some(p.benefit.as_str()))}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let empty = {
        let group = group.clone();
        move || app.book.with(|b| b.group_persons(&group).next().is_none())
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1 tabindex="-1">{format!("{}: {name}", say::BUYING_CENTER)}</h1>
                <div class="actions">
                    <a class="button no-print" href=Route::Group(group.clone()).href()>"Zum Verbund"</a>
                </div>
            </div>
            <p class="lead">{say::BUYING_CENTER_LEAD}</p>
            {move || if empty() {
                view! { <p data-testid="no-persons">{say::NO_PERSONS}</p> }.into_any()
            } else {
                let rows = rows.clone();
                view! {
                <ScrollBox>
                <table class="table text" data-testid="buying-center">
                    <caption class="sr-only">{say::BUYING_CENTER}</caption>
                    <thead><tr>
                        <th scope="col">"Ansprechpartner"</th>
                        <th scope="col">"Einfluss"</th>
                        <th scope="col">"Rolle"</th>
                        <th scope="col">"Kaufmotiv"</th>
                        <th scope="col">"Haltung zur Bank"</th>
                        <th scope="col">"Was ihr oder ihm wichtig ist"</th>
                        <th scope="col">"Persönlicher Nutzen"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </ScrollBox>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}
