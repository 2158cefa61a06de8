//! Likely duplicates, and merging two of them: each differing field chosen, what follows
//! said before, undo after.

use crate::domain::book::{Book, Problem, RecordKind};
use crate::domain::exchange::duplicates::{
    self, differences, merge_customers, merge_persons, preset, Pair, CUSTOMER_FIXED, PERSON_FIXED,
};
use crate::domain::ids::{CustomerId, PersonId};
use crate::domain::records::Diff;
use crate::texts::{self, exchange as say};
use crate::ui::browser;
use crate::ui::components::ScrollBox;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A pair on screen: customers or contact persons, by id, with names and the reason.
#[derive(Clone, Debug, PartialEq)]
enum Twins {
    Customers(CustomerId, CustomerId),
    Persons(PersonId, PersonId),
}

impl Twins {
    fn key(&self) -> String {
        match self {
            Twins::Customers(a, b) => format!("{a}-{b}"),
            Twins::Persons(a, b) => format!("{a}-{b}"),
        }
    }

    fn swapped(&self) -> Self {
        match self {
            Twins::Customers(a, b) => Twins::Customers(b.clone(), a.clone()),
            Twins::Persons(a, b) => Twins::Persons(b.clone(), a.clone()),
        }
    }

    fn names(&self, book: &Book) -> Option<(String, String)> {
        Some(match self {
            Twins::Customers(a, b) => (
                book.customers().get(a)?.name.to_string(),
                book.customers().get(b)?.name.to_string(),
            ),
            Twins::Persons(a, b) => (
                book.persons().get(a)?.name.to_string(),
                book.persons().get(b)?.name.to_string(),
            ),
        })
    }

    fn differences(&self, book: &Book) -> Option<Diff> {
        Some(match self {
            Twins::Customers(a, b) => differences(
                book.customers().get(a)?,
                book.customers().get(b)?,
                CUSTOMER_FIXED,
            ),
            Twins::Persons(a, b) => {
                differences(book.persons().get(a)?, book.persons().get(b)?, PERSON_FIXED)
            }
        })
    }

    /// Merges the second into the first; says what followed.
    fn merge(&self, book: &mut Book, take: &BTreeSet<String>) -> Result<String, Problem> {
        let now = browser::now();
        match self {
            Twins::Customers(a, b) => {
                let group = book
                    .customers()
                    .get(b)
                    .and_then(|c| book.groups().get(&c.group))
                    .map(|g| g.name.to_string())
                    .unwrap_or_default();
                merge_customers(book, a, b, take, now)
                    .map(|f| say::customer_merge_follows(&f, &group))
            }
            Twins::Persons(a, b) => {
                merge_persons(book, a, b, take, now).map(say::person_merge_follows)
            }
        }
    }
}

fn found(book: &Book) -> Vec<(Twins, &'static str)> {
    let customers = duplicates::customers(book)
        .into_iter()
        .map(|Pair { a, b, why }| (Twins::Customers(a, b), say::why(why)));
    let persons = duplicates::persons(book)
        .into_iter()
        .map(|Pair { a, b, why }| (Twins::Persons(a, b), say::why(why)));
    customers.chain(persons).collect()
}

/// How many likely duplicates the book holds (shown after an import).
pub fn count(book: &Book) -> usize {
    duplicates::customers(book).len() + duplicates::persons(book).len()
}

#[component]
pub fn Duplicates() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(None::<Twins>);
    let list = Memo::new(move |_| app.book.with(found));
    view! {
        <section class="page">
            <h1 tabindex="-1">{say::DUPLICATES_TITLE}</h1>
            <p class="lead">{say::DUPLICATES_LEAD}</p>
            {move || list.with(|l| l.is_empty().then(|| view! { <p data-testid="no-duplicates">{say::NO_DUPLICATES}</p> }))}
            <ul class="list" data-testid="duplicates">
                {move || list.get().into_iter().map(|(twins, why)| {
                    let Some((a, b)) = app.book.with_untracked(|bk| twins.names(bk)) else {
                        return ().into_any();
                    };
                    let kind = texts::kind_plural(match twins {
                        Twins::Customers(..) => RecordKind::Customer,
                        Twins::Persons(..) => RecordKind::Person,
                    });
                    let show = twins.clone();
                    view! {
                        <li class="row" data-testid="duplicate" data-key=twins.key()>
                            <span class="title">{format!("{a} · {b}")}</span>
                            <span class="meta"><span>{kind}</span><span>{why}</span></span>
                            <span class="actions">
                                <button type="button" on:click=move |_| open.set(Some(show.clone()))>"Prüfen und zusammenführen"</button>
                            </span>
                        </li>
                    }.into_any()
                }).collect_view()}
            </ul>
            {move || open.get().map(|twins| view! { <MergePanel twins=twins open=open /> })}
        </section>
    }
}

/// The two records side by side, a choice per differing field, what follows, and the merge.
#[component]
fn MergePanel(twins: Twins, open: RwSignal<Option<Twins>>) -> impl IntoView {
    let app = use_app();
    let take = RwSignal::new(BTreeSet::<String>::new());
    let error = RwSignal::new(None::<String>);
    let Some(((a, b), diff)) = app
        .book
        .with_untracked(|bk| twins.names(bk).zip(twins.differences(bk)))
    else {
        return ().into_any();
    };
    take.set(preset(&diff));
    let follows = {
        let twins = twins.clone();
        move || {
            app.book.with(|bk| {
                let mut copy = bk.clone();
                take.with(|t| twins.merge(&mut copy, t)).unwrap_or_default()
            })
        }
    };
    let swapped = twins.swapped();
    let kept = a.clone();
    let merge = move |_| {
        let result = app.change_with_undo(
            |bk| take.with_untracked(|t| twins.merge(bk, t)).map(drop),
            say::merged_into(&kept),
        );
        match result {
            Ok(()) => open.set(None),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="card" data-testid="merge-panel" role="region" aria-label="Zusammenführen">
            <h2>{format!("„{a}“ und „{b}“ zusammenführen")}</h2>
            <p>"Es bleibt der erste Datensatz; wählen Sie je Feld den Wert."</p>
            <ScrollBox>
            <table class="table text">
                <thead><tr>
                    <th scope="col">"Feld"</th>
                    <th scope="col">{a.clone()}</th>
                    <th scope="col">{b.clone()}</th>
                </tr></thead>
                <tbody>
                    {diff.into_iter().enumerate().map(|(n, (field, mine, theirs))| {
                        let group = format!("feld-{n}");
                        let (f1, f2, f3, f4) = (field.clone(), field.clone(), field.clone(), field.clone());
                        let label = say::field_label(&field).to_owned();
                        view! {
                            <tr data-field=field.clone()>
                                <th scope="row">{label.clone()}</th>
                                <td><label class="choice">
                                    <input type="radio" name=group.clone()
                                        prop:checked=move || take.with(|t| !t.contains(&f1))
                                        on:change=move |_| take.update(|t| { t.remove(&f2); }) />
                                    {say::value_text(mine.as_ref())}
                                </label></td>
                                <td><label class="choice">
                                    <input type="radio" name=group
                                        prop:checked=move || take.with(|t| t.contains(&f3))
                                        on:change=move |_| take.update(|t| { t.insert(f4.clone()); }) />
                                    {say::value_text(theirs.as_ref())}
                                </label></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </ScrollBox>
            <p data-testid="merge-follows">{follows}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" class="primary" on:click=merge data-testid="merge-twins">"Zusammenführen"</button>
                <button type="button" on:click=move |_| open.set(Some(swapped.clone()))>"Den anderen behalten"</button>
                <button type="button" class="quiet" on:click=move |_| open.set(None)>"Abbrechen"</button>
            </div>
        </div>
    }
    .into_any()
}
