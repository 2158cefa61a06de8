//! Passing groups to a colleague: choose them (by hand, by advisor, by co-serving
//! department), then export them or hand them over.

use super::seal::{Seal, SealFields};
use crate::domain::book::{Book, Removed};
use crate::domain::exchange::selection::{self, advised_by, hand_over, served_by};
use crate::domain::ids::{ColleagueId, GroupId};
use crate::domain::text::fold;
use crate::domain::vocab::Department;
use crate::storage::{self, Scope};
use crate::texts::{self, exchange as say};
use crate::ui::browser;
use crate::ui::components::{SelectField, Tiles};
use crate::ui::format;
use crate::ui::route::shared_groups;
use crate::ui::state::{use_app, App};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;

/// At most this many groups are listed; the search narrows them down.
const LISTED: usize = 60;
const KEEP: &str = "behalten";
const REMOVE: &str = "entfernen";

/// The chosen groups as a part of the book, as the file text and its name.
fn part_file(book: &Book, ids: &BTreeSet<GroupId>, what: &str) -> (String, String) {
    let by = book
        .settings()
        .me
        .as_ref()
        .and_then(|me| book.colleagues().get(me))
        .map(|c| c.name.to_string());
    let data = selection::select(book, ids);
    let text = storage::export_data(&data, Scope::Groups, by.as_deref(), browser::now());
    let name = format!(
        "kontaktnetz-{what}-{}.json",
        format::input_date(Some(browser::today()))
    );
    (name, text)
}

#[component]
pub fn Share() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(
        shared_groups(&browser::current_hash())
            .into_iter()
            .filter(|g| app.book.with_untracked(|b| b.groups().contains_key(g)))
            .collect::<BTreeSet<_>>(),
    );
    let error = RwSignal::new(None::<String>);
    let seal = Seal::new();
    let export = move |_| {
        let ids = chosen.get_untracked();
        if ids.is_empty() {
            return error.set(Some(say::NOTHING_SELECTED.into()));
        }
        error.set(None);
        let (name, text) = app.book.with_untracked(|b| part_file(b, &ids, "verbuende"));
        spawn_local(async move {
            let Some((name, text)) = seal.file(&name, text).await else {
                return;
            };
            if app.download(&name, "application/json", &text) {
                app.notify(say::part_exported(&name, ids.len()));
            }
        });
    };

    view! {
        <section class="page">
            <h1 tabindex="-1">{say::SHARE_TITLE}</h1>
            <p class="lead">{say::SHARE_LEAD}</p>
            <Choose chosen=chosen />
            <p class="count" data-testid="share-count" aria-live="polite">{move || app.book.with(|b| {
                let mut all = Removed::default();
                chosen.with(|ids| ids.iter().for_each(|g| all += b.removal_of_group(g)));
                say::selected(all.groups, all.customers, all.contacts)
            })}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <SealFields seal=seal id="share" />
            <div class="actions">
                <button type="button" class="primary" on:click=export data-testid="share-export">"Auswahl exportieren"</button>
            </div>
            <HandOver chosen=chosen error=error seal=seal />
        </section>
    }
}

/// The ways to choose groups: whole advisors' books, co-serving departments, by hand.
#[component]
fn Choose(chosen: RwSignal<BTreeSet<GroupId>>) -> impl IntoView {
    let app = use_app();
    let search = RwSignal::new(String::new());
    let advisor = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let advisors = Signal::derive(move || {
        app.book.with(|b| {
            let mut list = vec![(String::new(), texts::NOT_SPECIFIED.to_owned())];
            list.extend(
                b.colleagues()
                    .values()
                    .filter(|c| b.advised_by(&c.id) > 0)
                    .map(|c| (c.id.to_string(), c.name.to_string())),
            );
            list
        })
    });
    let departments = Signal::derive(|| {
        let mut list = vec![(String::new(), texts::NOT_SPECIFIED.to_owned())];
        list.extend(
            Department::ALL
                .iter()
                .map(|d| (d.key().to_owned(), texts::department(*d).to_owned())),
        );
        list
    });
    let add = move |more: BTreeSet<GroupId>| chosen.update(|c| c.extend(more));
    let add_advisor = move |_| {
        if let Ok(id) = advisor.get_untracked().parse::<ColleagueId>() {
            add(app.book.with_untracked(|b| advised_by(b, &id)));
        }
    };
    let add_department = move |_| {
        if let Some(d) = Department::from_key(&department.get_untracked()) {
            add(app.book.with_untracked(|b| served_by(b, d)));
        }
    };
    // Groups matching the search, by name.
    let found = Memo::new(move |_| {
        let needle = fold(search.get().trim());
        app.book.with(|b| {
            let mut list: Vec<(GroupId, String, String)> = b
                .groups()
                .values()
                .filter(|g| fold(g.name.as_str()).contains(&needle))
                .map(|g| {
                    // Names repeat ("Stadt Waldkirch"): the advisor and size tell them apart.
                    let advisor = g.advisor.as_ref().and_then(|a| b.colleagues().get(a));
                    let meta = format!(
                        "{} · {}",
                        texts::members(b.member_count(&g.id)),
                        advisor.map_or(texts::NOT_SPECIFIED, |a| a.name.as_str())
                    );
                    (g.id.clone(), g.name.to_string(), meta)
                })
                .collect();
            crate::domain::sort::sort_by_key(&mut list, |(_, name, _)| fold(name));
            list
        })
    });
    let add_found =
        move |_| add(found.with_untracked(|f| f.iter().map(|(g, ..)| g.clone()).collect()));

    view! {
        <h2>"Auswählen"</h2>
        <div class="filters">
            <SelectField label="Alle Verbünde von" value=advisor options=advisors id="share-advisor" />
            <div class="field"><button type="button" on:click=add_advisor data-testid="share-add-advisor">"Hinzufügen"</button></div>
        </div>
        <div class="filters">
            <SelectField label="Alle Verbünde mit Fachbereich im Casting" value=department options=departments id="share-department" />
            <div class="field"><button type="button" on:click=add_department data-testid="share-add-department">"Hinzufügen"</button></div>
        </div>
        <div class="search-box">
            <label for="share-search">"Verbünde suchen"</label>
            <input id="share-search" type="search" bind:value=search autocomplete="off" />
            <button type="button" on:click=add_found>"Alle Treffer auswählen"</button>
            <button type="button" class="quiet" on:click=move |_| chosen.set(BTreeSet::new())>"Auswahl leeren"</button>
        </div>
        <ul class="list" data-testid="share-groups">
            {move || found.with(|list| list.iter().take(LISTED).map(|(id, name, meta)| {
                let box_id = format!("share-{id}");
                let (checked_id, toggle_id) = (id.clone(), id.clone());
                let checked = move || chosen.with(|c| c.contains(&checked_id));
                let toggle = move |_| chosen.update(|c| {
                    if !c.remove(&toggle_id) {
                        c.insert(toggle_id.clone());
                    }
                });
                view! {
                    <li class="row">
                        <div class="field check">
                            <input type="checkbox" id=box_id.clone() prop:checked=checked on:change=toggle />
                            <label for=box_id>{name.clone()}</label>
                            <span class="meta">{meta.clone()}</span>
                        </div>
                    </li>
                }
            }).collect_view())}
        </ul>
        <p class="count">{move || found.with(|f| (f.len() > LISTED).then(|| texts::show_more(f.len() - LISTED)))}</p>
    }
}

/// Hands the chosen groups to a colleague: the new advisor is set, the part is downloaded for
/// them, and the groups stay here or go (after a backup, with undo).
#[component]
fn HandOver(
    chosen: RwSignal<BTreeSet<GroupId>>,
    error: RwSignal<Option<String>>,
    seal: Seal,
) -> impl IntoView {
    let app = use_app();
    let to = RwSignal::new(String::new());
    let keep = RwSignal::new(vec![KEEP.to_owned()]);
    let recipients = Signal::derive(move || {
        app.book.with(|b| {
            let me = b.settings().me.as_ref();
            let mut list = vec![(String::new(), texts::NOT_SPECIFIED.to_owned())];
            list.extend(
                b.colleagues()
                    .values()
                    .filter(|c| Some(&c.id) != me)
                    .map(|c| (c.id.to_string(), c.name.to_string())),
            );
            list
        })
    });
    let keep_options = Signal::derive(|| {
        vec![
            (
                KEEP.to_owned(),
                "In meinem Kundenbuch behalten (z. B. zur Mitbetreuung)".to_owned(),
                false,
            ),
            (
                REMOVE.to_owned(),
                "Nach dem Export aus meinem Kundenbuch entfernen".to_owned(),
                false,
            ),
        ]
    });
    let go = move |_| {
        let ids = chosen.get_untracked();
        if ids.is_empty() {
            return error.set(Some(say::NOTHING_SELECTED.into()));
        }
        let Some((id, name)) = to
            .get_untracked()
            .parse::<ColleagueId>()
            .ok()
            .and_then(|id| {
                let name = app
                    .book
                    .with_untracked(|b| b.colleagues().get(&id).map(|c| c.name.to_string()))?;
                Some((id, name))
            })
        else {
            return error.set(Some(say::NO_RECIPIENT.into()));
        };
        let remove = keep.with_untracked(|k| k.iter().any(|k| k == REMOVE));
        if remove && !browser::confirm(&say::handover_remove_confirm(ids.len(), &name)) {
            return;
        }
        error.set(None);
        spawn_local(async move {
            match hand_over_groups(app, ids, id, &name, remove, seal).await {
                Ok(true) if remove => chosen.set(BTreeSet::new()),
                Ok(_) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <h2>"An Kolleg:in übergeben"</h2>
        <p>"Die gewählten Verbünde bekommen die neue Beraterin oder den neuen Berater, und Sie erhalten die Datei für sie oder ihn."</p>
        <SelectField label="Übergeben an" value=to options=recipients id="handover-to" />
        <Tiles legend="Danach" options=keep_options picked=keep />
        <div class="actions">
            <button type="button" on:click=go data-testid="handover">"Übergeben"</button>
        </div>
    }
}

/// The hand-over's steps, each only after the one before worked: the advisor is set in a
/// copy, the copy's part is downloaded (sealed if asked for), a backup is kept before a removal, then the book
/// changes, with undo. False when the seal or the download was refused (that is said).
async fn hand_over_groups(
    app: App,
    ids: BTreeSet<GroupId>,
    to: ColleagueId,
    name: &str,
    remove: bool,
    seal: Seal,
) -> Result<bool, String> {
    let now = browser::now();
    let mut handed = app.book.get_untracked();
    hand_over(&mut handed, &ids, &to, now).map_err(|p| texts::problem(&p))?;
    let (file, text) = part_file(&handed, &ids, "uebergabe");
    let Some((file, text)) = seal.file(&file, text).await else {
        return Ok(false);
    };
    if !app.download(&file, "application/json", &text) {
        return Ok(false);
    }
    if remove {
        app.backup_current(&say::backup_before_handover(name))
            .await?;
    }
    let message = say::handed_over(ids.len(), name, &file, remove);
    app.change_with_undo(
        |b| {
            hand_over(b, &ids, &to, now)?;
            if remove {
                selection::remove(b, &ids, now);
            }
            Ok(())
        },
        message,
    )?;
    Ok(true)
}
