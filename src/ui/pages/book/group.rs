//! A group's page: its customers and their contact persons, ready for a meeting.

use crate::domain::book::Book;
use crate::domain::casting::standing;
use crate::domain::contact::reminder;
use crate::domain::exchange::vcard::of_group;
use crate::domain::ids::GroupId;
use crate::domain::model::{ContactPerson, Customer, Group};
use crate::domain::time_format::format_clock;
use crate::domain::vocab::ConsentState;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{class_badge, download_vcards, SegmentBadge};
use crate::ui::format;
use crate::ui::pages::Missing;
use crate::ui::route::{with_query, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn GroupPage(id: GroupId) -> impl IntoView {
    let app = use_app();
    let exists = {
        let id = id.clone();
        move || app.book.with(|b| b.groups().contains_key(&id))
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            let question = app.book.with_untracked(|b| {
                let name = b.groups().get(&id).map(|g| g.name.to_string());
                texts::group_delete_confirm(&name.unwrap_or_default(), &b.removal_of_group(&id))
            });
            if !browser::confirm(&question) {
                return;
            }
            app.delete_with_undo(move |b| {
                let name = b
                    .groups()
                    .get(&id)
                    .map(|g| g.name.to_string())
                    .unwrap_or_default();
                let removed = b.delete_group(&id, browser::now());
                texts::group_deleted(&name, &removed)
            });
            browser::navigate(&Route::Groups.href());
        }
    };
    let view_id = id.clone();
    view! {
        <Show when=exists fallback=|| view! { <Missing /> }>
            {
                let id = view_id.clone();
                let delete = delete.clone();
                move || app.book.with(|b| {
                    let g = b.groups().get(&id)?.clone();
                    let advisor = g.advisor.as_ref().and_then(|a| b.colleagues().get(a)).map(|c| c.name.to_string());
                    let lead = g.lead.as_ref().and_then(|l| b.customers().get(l)).map(|c| c.name.to_string());
                    let members: Vec<(Customer, Vec<ContactPerson>)> = b
                        .members(&g.id)
                        .map(|c| (c.clone(), b.persons_of(&c.id).cloned().collect()))
                        .collect();
                    let delete = delete.clone();
                    Some(view! {
                        <section class="page">
                            <div class="page-head">
                                <h1 tabindex="-1">{g.name.to_string()}</h1>
                                <div class="actions">
                                    <a class="button" href=Route::GroupEdit(g.id.clone()).href()>"Bearbeiten"</a>
                                    <a class="button no-print" href=crate::ui::route::share_with(std::slice::from_ref(&g.id)) data-testid="share-group">"Weitergeben"</a>
                                    <button type="button" on:click=|_| crate::ui::browser::print() data-testid="print-group">"Drucken"</button>
                                    <button type="button" class="danger" on:click=delete>"Löschen"</button>
                                </div>
                            </div>
                            <dl class="facts">
                                <div><dt>"Segment"</dt><dd><SegmentBadge segment=g.segment /></dd></div>
                                <div><dt>"Klasse"</dt><dd data-testid="group-class">{class_badge(b.current_casting(&g.id))}</dd></div>
                                <div><dt>"Betreuer:in"</dt><dd>{advisor.unwrap_or_else(|| "–".into())}</dd></div>
                                <div><dt>"Leitkunde"</dt><dd>{lead.unwrap_or_else(|| "–".into())}</dd></div>
                            </dl>
                            <p class="status" data-testid="group-status">{group_status(b, &g)}</p>
                            {(!g.notes.is_empty()).then(|| view! { <p class="notes">{g.notes.clone()}</p> })}
                            {crate::ui::pages::key_accounts::account_box(b, &g)}
                            {contacts_box(b, &g)}
                            {casting_box(b, &g)}
                            <div class="page-head">
                                <h2>{texts::members(members.len())}</h2>
                                <div class="actions">
                                    <a class="button primary" href=Route::CustomerNew(g.id.clone()).href()>"Kunde hinzufügen"</a>
                                    {members.iter().any(|(_, persons)| !persons.is_empty()).then(|| {
                                        let group = g.id.clone();
                                        let all = move |_| download_vcards(app, "kontaktnetz-ansprechpartner", |b| of_group(b, &group));
                                        view! { <button type="button" class="no-print" on:click=all data-testid="group-vcard">"Ansprechpartner als vCard"</button> }
                                    })}
                                </div>
                            </div>
                            <ul class="cards" data-testid="members">
                                {members.into_iter().map(|(c, persons)| view! { <CustomerCard customer=c persons=persons /> }).collect_view()}
                            </ul>
                        </section>
                    })
                })
            }
        </Show>
    }
}

/// Overdue since, due today or next due, with the reason that comes first.
fn group_status(b: &Book, g: &Group) -> String {
    let entry = reminder::status(b, g, browser::today());
    let reason = entry
        .as_ref()
        .and_then(|e| e.reasons.first())
        .map(|r| texts::reason_in(b, r));
    texts::group_status(entry.as_ref(), reason)
}

/// Open planned contacts (one tap to record the contact that closes one) and the history.
fn contacts_box(b: &Book, g: &Group) -> impl IntoView {
    let app = use_app();
    let name = |k: &crate::domain::ids::ColleagueId| {
        b.colleagues()
            .get(k)
            .map_or_else(|| "gelöscht".to_owned(), |c| c.name.to_string())
    };
    let person = |p: &crate::domain::ids::PersonId| {
        b.persons()
            .get(p)
            .map_or_else(|| "gelöscht".to_owned(), |p| p.name.to_string())
    };
    let open: Vec<_> = b
        .planned_of(&g.id)
        .into_iter()
        .filter(|p| p.is_open())
        .collect();
    let planned = open
        .iter()
        .map(|p| {
            let record = with_query(&Route::ContactNew(g.id.clone()).href(), &[("plan", p.id.as_str())]);
            let when = match p.time {
                Some(t) => format!("{}, {}", format::date(p.date), format_clock(t)),
                None => format::date(p.date),
            };
            view! {
                <li class="row" data-testid="planned">
                    <div>
                        <b>{when}</b> {format!(" {}", texts::format(p.format))}
                        {p.who.as_ref().map(|w| format!(" · {}", name(w)))}
                        {(!p.note.is_empty()).then(|| view! { <span class="meta">{p.note.clone()}</span> })}
                    </div>
                    <div class="actions">
                        <a class="button primary" href=record>"Erledigen"</a>
                        <a class="button" href=Route::PlannedEdit(g.id.clone(), p.id.clone()).href()>"Ändern"</a>
                    </div>
                </li>
            }
        })
        .collect_view();
    let history = b.contacts_of(&g.id);
    let total = history.len();
    let items = history
        .iter()
        .take(20)
        .map(|c| {
            let (id, date) = (c.id.clone(), c.date());
            let delete = move |_| {
                if !browser::confirm(texts::DELETE_CONTACT_CONFIRM) {
                    return;
                }
                let id = id.clone();
                app.delete_with_undo(move |b| {
                    b.delete_contact(&id, browser::now());
                    texts::contact_deleted(&format::date(date))
                });
            };
            let people: Vec<String> = c.bank.iter().map(name).chain(c.people.iter().map(person)).collect();
            let topics: Vec<String> = c.topics.iter().map(ToString::to_string).collect();
            let follow_up = b.follow_up_of(c).map(|p| texts::follow_up_agreed(p.date, p.format));
            view! {
                <li data-testid="contact">
                    <b>{format!("{}, {}", format::date(c.date()), format_clock(c.at.time()))}</b>
                    {format!(" {} · {} · {}", texts::format(c.format), texts::channel(c.channel), texts::direction(c.direction))}
                    {c.outcome.map(|o| view! { " · " <b>{texts::outcome(o)}</b> })}
                    <span class="meta">{people.join(", ")}{(!topics.is_empty()).then(|| format!(" – {}", topics.join(", ")))}</span>
                    {(!c.notes.is_empty()).then(|| view! { <span class="notes">{c.notes.clone()}</span> })}
                    {follow_up.map(|f| view! { <span class="meta">{f}</span> })}
                    <span class="links">
                        <a class="button" href=Route::ContactEdit(c.group.clone(), c.id.clone()).href()>"Bearbeiten"</a>
                        <button type="button" class="quiet" on:click=delete
                            aria-label=texts::delete_contact_label(c.date())>"Löschen"</button>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="box" data-testid="group-contacts">
            <div class="page-head">
                <h2>"Kontakte"</h2>
                <div class="actions">
                    <a class="button primary" href=Route::ContactNew(g.id.clone()).href()>"Kontakt erfassen"</a>
                    <a class="button" href=Route::PlannedNew(g.id.clone()).href()>"Kontakt planen"</a>
                </div>
            </div>
            {(!open.is_empty()).then(|| view! {
                <h3>"Geplant"</h3>
                <ul class="list">{planned}</ul>
            })}
            <h3>{texts::contact_history(total)}</h3>
            <ol class="history">{items}</ol>
            {(total > 20).then(|| view! {
                <a class="button" href=Route::Contacts.href()>"Alle Kontakte in der Kontakthistorie"</a>
            })}
        </section>
    }
}

/// The group's casting: the current result, when it is due, and the history.
fn casting_box(b: &Book, g: &Group) -> impl IntoView {
    let history = b.castings_of(&g.id);
    let current = b.current_casting(&g.id);
    let status = texts::casting_standing(standing(current, browser::today()));
    let app = use_app();
    let items = history
        .iter()
        .rev()
        .map(|c| {
            let (id, date) = (c.id.clone(), c.date);
            let delete = move |_| {
                let id = id.clone();
                app.delete_with_undo(move |b| {
                    b.delete_casting(&id);
                    texts::casting_deleted(&format::date(date))
                });
            };
            let answers: Vec<String> = c.answers.iter().map(texts::answer_line).collect();
            view! {
                <li>
                    <b>{format::date(c.date)}</b> " " {class_badge(Some(c))}
                    {format!(" {}", texts::score(c.score))}
                    {(!c.by.is_empty()).then(|| format!(" · {}", c.by))}
                    {c.manual.as_ref().map(|m| view! {
                        <span class="meta">{texts::manual_class(c.scored, m.class, m.reason.as_str())}</span>
                    })}
                    <span class="meta">{answers.join(" · ")}</span>
                    <button type="button" class="quiet" on:click=delete
                        aria-label=texts::delete_casting_label(c.date)>"Löschen"</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="box" data-testid="group-casting">
            <div class="page-head">
                <h2>"Casting"</h2>
                <a class="button primary" href=Route::Casting(g.id.clone()).href()>
                    {if current.is_some() { "Neu casten" } else { "Casting starten" }}
                </a>
            </div>
            <p>{class_badge(current)} " " {status}</p>
            {current.map(|c| view! {
                <p><b>"Mitbetreuung: "</b>{texts::departments(&c.departments)}</p>
            })}
            {(!history.is_empty()).then(|| view! {
                <details>
                    <summary>{texts::history(history.len())}</summary>
                    <ol class="history">{items}</ol>
                </details>
            })}
        </section>
    }
}

#[component]
fn CustomerCard(customer: Customer, persons: Vec<ContactPerson>) -> impl IntoView {
    let today = browser::today();
    let blocked = customer.blocked_until(today);
    let address = texts::address(
        customer.street.as_deref(),
        customer.postcode.as_deref(),
        customer.town.as_deref(),
    );
    // The customer's own line and address, to tap like a contact person's.
    let reach = (customer.phone.is_some() || customer.email.is_some()).then(|| {
        view! {
            <p class="links" data-testid="customer-reach">
                {customer.phone.clone().map(|p| view! { <a class="button" href=p.href()>{p.as_str().to_owned()}</a> })}
                {customer.email.clone().map(|e| view! { <a class="button" href=e.href()>{e.as_str().to_owned()}</a> })}
            </p>
        }
    });
    view! {
        <li class="card">
            <div class="card-head">
                <h3>{customer.name.to_string()}</h3>
                <a class="button" href=Route::CustomerEdit(customer.id.clone()).href()
                    aria-label=format!("{} bearbeiten", customer.name)>"Bearbeiten"</a>
            </div>
            <p class="meta">
                <span>{texts::customer_kind(customer.kind)}</span>
                {customer.number.clone().map(|n| view! { <span>"Kd.-Nr. " {n}</span> })}
                <SegmentBadge segment=customer.segment />
                <ConsentBadge state=customer.consent.state />
            </p>
            {address.map(|a| view! { <p class="address" data-testid="customer-address">{a}</p> })}
            {reach}
            {blocked.map(|d| view! {
                <p class="warn">"Keine Ansprache bis " {format::date(d)}</p>
            })}
            {(!customer.occasions.is_empty()).then(|| view! {
                <ul class="occasions">
                    {customer.occasions.iter().map(|o| view! {
                        <li>{texts::occasion(o.kind)} ": " {format::date(o.date)}
                            {(!o.label.is_empty()).then(|| format!(" ({})", o.label))}</li>
                    }).collect_view()}
                </ul>
            })}
            <h4>"Ansprechpartner"</h4>
            <ul class="persons">
                {persons.into_iter().map(|p| view! { <PersonRow person=p /> }).collect_view()}
            </ul>
            <div class="actions">
                <a class="button" href=Route::PersonNew(customer.id.clone()).href()>"Ansprechpartner hinzufügen"</a>
                <a class="button" href=with_query(&Route::ContactNew(customer.group.clone()).href(), &[("kunde", customer.id.as_str())])>"Kontakt erfassen"</a>
            </div>
        </li>
    }
}

#[component]
fn PersonRow(person: ContactPerson) -> impl IntoView {
    let details: Vec<String> = [
        person.position.clone(),
        person.influence.map(|i| texts::influence(i.get())),
        person.buying_role.map(|r| texts::buying_role(r).to_owned()),
        person.motive.map(texts::motive_line),
    ]
    .into_iter()
    .flatten()
    .collect();
    let app = use_app();
    let id = person.id.clone();
    let one = move |_| {
        download_vcards(app, "kontaktnetz-ansprechpartner", |b| {
            b.persons().get(&id).into_iter().collect()
        })
    };
    view! {
        <li class="person">
            <a href=Route::PersonEdit(person.id.clone()).href()>{person.name.to_string()}</a>
            {(!details.is_empty()).then(|| view! { <span class="meta">{details.join(" · ")}</span> })}
            <span class="links">
                {person.phone.clone().map(|p| view! { <a class="button" href=p.href()>{p.as_str().to_owned()}</a> })}
                {person.email.clone().map(|e| view! { <a class="button" href=e.href()>{e.as_str().to_owned()}</a> })}
                <ConsentBadge state=person.consent.state />
                <button type="button" class="quiet no-print" on:click=one data-testid="person-vcard"
                    aria-label=texts::vcard_of(person.name.as_str())>"vCard"</button>
            </span>
        </li>
    }
}

#[component]
fn ConsentBadge(state: ConsentState) -> impl IntoView {
    let class = match state {
        ConsentState::Yes => "badge ok",
        ConsentState::No => "badge no",
        ConsentState::Unknown => "badge",
    };
    view! { <span class=class>{texts::consent(state)}</span> }
}
