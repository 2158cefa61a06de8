//! The contact reminder: overdue and soon-due groups with every reason, whom to call (only
//! with consent), one tap to record the contact; the window and the calendar export.

use crate::domain::book::Book;
use crate::domain::contact::party::phoneable;
use crate::domain::contact::reminder::{counts, reminders, Entry, Urgency};
use crate::domain::ids::ColleagueId;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{class_badge, colleague_options, group_marks, SelectField};
use crate::ui::forms::contact::settings::with_window;
use crate::ui::route::{param, with_query, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

const PAGE: usize = 50;

/// Who may be phoned for a group, with a tap-to-call link each; empty means "do not call".
fn phone_links(b: &Book, group: &crate::domain::model::Group, today: chrono::NaiveDate) -> AnyView {
    let people: Vec<(String, String, String)> = phoneable(b, group, today)
        .into_iter()
        .filter_map(|p| {
            let phone = p.phone.as_ref()?;
            Some((p.name.to_string(), phone.href(), phone.as_str().to_owned()))
        })
        .collect();
    if people.is_empty() {
        return view! { <p class="meta">{texts::NO_PHONE_CONSENT}</p> }.into_any();
    }
    people
        .into_iter()
        .map(|(name, href, shown)| {
            view! { <a class="button tel" href=href>{format!("{name}: {shown}")}</a> }
        })
        .collect_view()
        .into_any()
}

fn entry_view(b: &Book, e: &Entry, today: chrono::NaiveDate) -> AnyView {
    let Some(g) = b.groups().get(&e.group) else {
        return ().into_any();
    };
    let reasons = e
        .reasons
        .iter()
        .map(|r| view! { <li>{texts::reason_in(b, r)}</li> })
        .collect_view();
    let plan = e.follow_up_due(today).map_or("", |p| p.as_str());
    let record = with_query(
        &Route::ContactNew(g.id.clone()).href(),
        &[("plan", plan), ("zurueck", "erinnerung")],
    );
    let when = match e.blocked_until {
        Some(until) => texts::blocked_until(until),
        None => texts::overdue_by((today - e.due).num_days()),
    };
    let urgency = match e.urgency {
        Urgency::Overdue => "overdue",
        Urgency::Today => "today",
        Urgency::Soon => "soon",
        Urgency::Blocked => "blocked",
    };
    let badge = class_badge(b.current_casting(&g.id));
    let phones = if e.blocked_until.is_some() {
        ().into_any()
    } else {
        phone_links(b, g, today)
    };
    view! {
        <li class=format!("row reminder {urgency}") data-testid="reminder-entry" data-group=g.id.to_string()>
            <div>
                <a class="title" href=Route::Group(g.id.clone()).href()>{g.name.to_string()}</a>
                " " {badge}
                <p class="meta">{group_marks(b, g)}</p>
                <p class="when">{when}</p>
                <ul class="reasons">{reasons}</ul>
                <div class="links">{phones}</div>
            </div>
            <div class="actions">
                <a class="button primary" href=record>"Kontakt erfassen"</a>
            </div>
        </li>
    }
    .into_any()
}

#[component]
pub fn ReminderPage() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let hash = browser::current_hash();
    let who = RwSignal::new(param(&hash, "wer").unwrap_or_default());
    // From the start page's "Überfällig": exactly the groups counted there.
    let only_overdue = param(&hash, "nur").as_deref() == Some("ueberfaellig");
    Effect::new(move |prev: Option<String>| {
        let w = who.get();
        if prev.is_some_and(|p| p != w) {
            let only = if only_overdue { "ueberfaellig" } else { "" };
            browser::replace_hash(&with_query(
                &Route::Reminder.href(),
                &[("wer", &w), ("nur", only)],
            ));
        }
        w
    });
    let window = app
        .book
        .with_untracked(|b| b.settings().contact.window_days);
    let window_text = RwSignal::new(window.to_string());
    let window_error = RwSignal::new(None::<String>);
    let entries = Memo::new(move |_| {
        let w = who.get();
        app.book.with(|b| {
            let all = reminders(b, today, b.settings().contact.window_days);
            let colleague = w.parse::<ColleagueId>().ok();
            all.into_iter()
                .filter(|e| colleague.as_ref().is_none_or(|k| e.concerns(k)))
                .filter(|e| !only_overdue || e.urgency == Urgency::Overdue)
                .collect()
        })
    });
    let shown = RwSignal::new(PAGE);
    let more = move || entries.with(Vec::len) > shown.get();
    let colleagues = Signal::derive(move || app.book.with(|b| colleague_options(b, texts::ALL)));
    let save_window = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = window_text.get_untracked();
        let result = app.change(|b| {
            let next = with_window(b.settings().contact, &typed)
                .map_err(crate::domain::book::Problem::Contact)?;
            b.set_contact_settings(next)
        });
        window_error.set(result.err());
    };
    let export = move |_| {
        let text = app.book.with_untracked(|b| {
            crate::domain::contact::ics::calendar(b, browser::now(), &texts::calendar_labels())
        });
        app.download("kontaktnetz-termine.ics", "text/calendar", &text);
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1 tabindex="-1">"Kontakt-Erinnerung"</h1>
                <div class="actions">
                    <button type="button" on:click=export>"Geplante Kontakte als Kalender (.ics)"</button>
                </div>
            </div>
            <p class="count" data-testid="reminder-counts" aria-live="polite">
                {move || texts::reminder_counts(&counts(&entries.read()))}
            </p>
            {only_overdue.then(|| view! {
                <p data-testid="reminder-only-overdue">
                    "Nur überfällige Verbünde. "
                    <a class="tap-link" href=Route::Reminder.href()>"Alle anzeigen"</a>
                </p>
            })}
            <div class="filters">
                <SelectField label="Für" value=who options=colleagues id="f-erinnerung-fuer" />
                <form class="field inline-form" on:submit=save_window novalidate>
                    <label for="f-vorlauf">"Vorlauf in Tagen"</label>
                    <div class="inline">
                        <input id="f-vorlauf" type="number" inputmode="numeric" min="1" max="90" bind:value=window_text />
                        <button type="submit">"Übernehmen"</button>
                    </div>
                    {move || window_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </form>
            </div>
            <ul class="list">
                {move || app.book.with(|b| {
                    let list = entries.read();
                    if list.is_empty() {
                        // Praise only where there was something to do.
                        let text = if b.groups().is_empty() {
                            "Noch keine Kundenverbünde: Die Erinnerung füllt sich, sobald Verbünde angelegt oder importiert sind."
                        } else {
                            "Nichts fällig. Gut gemacht!"
                        };
                        return view! { <li class="empty" data-testid="reminder-empty">{text}</li> }.into_any();
                    }
                    list.iter().take(shown.get()).map(|e| entry_view(b, e, today)).collect_view().into_any()
                })}
            </ul>
            <Show when=more>
                <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || texts::show_more(PAGE.min(entries.with(Vec::len) - shown.get()))}
                </button>
            </Show>
            <p class="meta">{texts::as_of(today)}</p>
        </section>
    }
}
