//! A data request under the GDPR: everything the book holds about a customer or contact
//! person, on screen and as files, and their erasure (after a backup, with undo).

use crate::domain::exchange::privacy::{disclose, erase, group_of, Subject};
use crate::storage;
use crate::texts::exchange as say;
use crate::ui::browser;
use crate::ui::format;
use crate::ui::pages::Missing;
use crate::ui::route::Route;
use crate::ui::state::{use_app, App};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The subject's name as the book holds it.
fn name_of(app: App, subject: &Subject) -> Option<String> {
    app.book.with_untracked(|b| match subject {
        Subject::Customer(id) => b.customers().get(id).map(|c| c.name.to_string()),
        Subject::Person(id) => b.persons().get(id).map(|p| p.name.to_string()),
    })
}

#[component]
pub fn DisclosurePage(subject: Subject) -> impl IntoView {
    let app = use_app();
    let Some(name) = name_of(app, &subject) else {
        return view! { <Missing /> }.into_any();
    };
    let file = format!("auskunft-{}", format::input_date(Some(browser::today())));
    let (text_subject, json_subject, erase_subject) =
        (subject.clone(), subject.clone(), subject.clone());
    let (text_name, text_file, json_file) = (name.clone(), file.clone(), file);
    let as_text = move |_| {
        let text = app.book.with_untracked(|b| {
            disclose(b, &text_subject).map(|d| {
                let today = format::date(browser::today());
                say::disclosure_text(b, &d, &text_name, &today)
            })
        });
        if let Some(text) = text {
            app.download(
                &format!("{text_file}.txt"),
                "text/plain;charset=utf-8",
                &text,
            );
        }
    };
    let as_json = move |_| {
        let json = app
            .book
            .with_untracked(|b| disclose(b, &json_subject).map(|d| storage::to_json(&d)));
        if let Some(json) = json {
            app.download(&format!("{json_file}.json"), "application/json", &json);
        }
    };
    let erase_name = name.clone();
    let do_erase = move |_| {
        let subject = erase_subject.clone();
        let name = erase_name.clone();
        let preview = app.book.with_untracked(|b| {
            let mut copy = b.clone();
            erase(&mut copy, &subject, browser::now())
        });
        if !browser::confirm(&say::erase_confirm(&name, &preview)) {
            return;
        }
        spawn_local(async move {
            if let Err(e) = app.backup_current(&say::backup_before_erasure(&name)).await {
                return app.notify(e);
            }
            let back = app
                .book
                .with_untracked(|b| group_of(b, &subject))
                .filter(|_| preview.removed.groups == 0)
                .map_or(Route::Groups, Route::Group);
            app.delete_with_undo(|b| {
                erase(b, &subject, browser::now());
                say::erased(&name)
            });
            browser::navigate(&back.href());
        });
    };

    let sections = app.book.with_untracked(|b| {
        disclose(b, &subject)
            .map(|d| say::disclosure_sections(b, &d))
            .unwrap_or_default()
    });
    view! {
        <section class="page">
            <h1 tabindex="-1">"Auskunft: " {name}</h1>
            <p class="lead">{say::DISCLOSURE_LEAD}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=as_text data-testid="disclosure-text">"Als Text herunterladen"</button>
                <button type="button" on:click=as_json data-testid="disclosure-json">"Als JSON herunterladen"</button>
            </div>
            {sections.into_iter().map(|(title, records)| view! {
                <h2>{title}</h2>
                {records.into_iter().map(|lines| view! {
                    <dl class="facts card">
                        {lines.into_iter().map(|(label, value)| view! {
                            <div><dt>{label}</dt><dd>{value}</dd></div>
                        }).collect_view()}
                    </dl>
                }).collect_view()}
            }).collect_view()}
            <h2>"Daten löschen"</h2>
            <p>{say::ERASE_LEAD}</p>
            <div class="actions">
                <button type="button" class="danger" on:click=do_erase data-testid="erase">"Überall löschen"</button>
            </div>
        </section>
    }
    .into_any()
}
