//! Key account management: the key-account list, the buying center of an account, and the
//! account's box on its group page.

pub mod buying_center;
pub mod list;

use crate::domain::book::Book;
use crate::domain::ids::ColleagueId;
use crate::domain::model::Group;
use crate::texts::key_accounts as say;
use crate::ui::route::Route;
use leptos::prelude::*;

/// A colleague's name, or a dash.
pub fn colleague_name(b: &Book, id: Option<&ColleagueId>) -> String {
    id.and_then(|k| b.colleagues().get(k))
        .map_or_else(|| "–".to_owned(), |c| c.name.to_string())
}

/// On a key account's group page: tier, manager, deputy, the bank's team, and the way to
/// the buying center.
pub fn account_box(b: &Book, g: &Group) -> Option<AnyView> {
    let k = g.key_account.as_ref()?;
    let team: Vec<String> = k
        .team
        .iter()
        .map(|m| {
            format!(
                "{} ({})",
                colleague_name(b, Some(&m.colleague)),
                say::role(m.role)
            )
        })
        .collect();
    Some(
        view! {
            <div class="box" data-testid="key-account-box">
                <h2>{say::tier(k.tier)}</h2>
                <dl class="facts">
                    <div><dt>"Key-Account-Manager:in"</dt><dd>{colleague_name(b, k.manager.as_ref())}</dd></div>
                    <div><dt>"Vertretung"</dt><dd>{colleague_name(b, k.deputy.as_ref())}</dd></div>
                    <div><dt>{say::TEAM}</dt><dd>{if team.is_empty() { "–".to_owned() } else { team.join(", ") }}</dd></div>
                </dl>
                <a class="button no-print" href=Route::BuyingCenter(g.id.clone()).href() data-testid="to-buying-center">{say::BUYING_CENTER}</a>
            </div>
        }
        .into_any(),
    )
}
