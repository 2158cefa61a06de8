//! Data safety and offline use on screen: the update notice, the notice where offline use is
//! not available, the start page's backup reminder, the data page's safety section, and the
//! watcher that asks for persistent storage and writes backups into the chosen folder.
//!
//! Signals are read whole with `get` and the rules are the domain's (`domain::safety`): each
//! further reading closure or signal type costs bundle size.

use crate::domain::book::Book;
use crate::domain::safety::{parse_reminder_days, Device, FOLDER_KEEP};
use crate::storage;
use crate::texts::safety as say;
use crate::ui::backup_folder::{self, Folder};
use crate::ui::browser;
use crate::ui::format;
use crate::ui::pwa::{self, Offline};
use crate::ui::route::Route;
use crate::ui::state::{use_app, App};
use leptos::prelude::*;

/// The book as an export file: its dated name, its text, and the stored revision it holds.
#[inline(never)]
pub fn export_file(app: App) -> (String, String, u64) {
    let text = app
        .book
        .with_untracked(|b| storage::export(b, browser::now()));
    let name = format!(
        "kontaktnetz-{}.json",
        format::input_date(Some(browser::today()))
    );
    (name, text, app.revision.get_untracked())
}

/// Downloads the whole book as JSON and remembers the export on this device.
pub fn export_book(app: App) {
    let (name, text, revision) = export_file(app);
    leptos::task::spawn_local(deliver_export(app, name, text, revision));
}

/// Downloads an export of the book at `revision` and remembers it on this device.
pub async fn deliver_export(app: App, name: String, text: String, revision: u64) {
    if !app.download(&name, "application/json", &text) {
        return;
    }
    app.notify(match app.mark_exported(revision).await {
        Ok(()) => say::exported(&name),
        Err(e) => e,
    });
}

/// Writes a dated export into the chosen backup folder, if the browser lets us and one is due
/// (after a change, once a day) or `now` is asked for. Says how it went; `None` when nothing
/// was to be done.
async fn folder_backup(app: App, now: bool) -> Option<Result<String, String>> {
    let folder = backup_folder::chosen().await.ok().flatten()?;
    let due = app.device.get_untracked().folder_backup_due(
        has_data(app),
        app.revision.get_untracked(),
        browser::today(),
    );
    if !folder.granted || !(now || due) {
        return None;
    }
    let written = async {
        // Counted first: a second save while this one waits must not start another.
        app.change_device(|d| d.folder_backup_on = Some(browser::today()))
            .await?;
        let (name, text, revision) = export_file(app);
        backup_folder::save(&name, &text, FOLDER_KEEP).await?;
        app.mark_exported(revision).await?;
        Ok(say::folder_written(&name, &folder.name))
    };
    Some(written.await.map_err(|e: String| say::folder_failed(&e)))
}

/// Untracked: the views and the watcher follow the stored revision, which every change moves.
fn has_data(app: App) -> bool {
    !app.book.with_untracked(Book::is_empty)
}

/// After every save: asks for persistent storage once the book has data (and once more when
/// installed), and writes the day's backup into the chosen folder after a change.
pub fn watch(app: App) {
    let folders = backup_folder::is_supported();
    Effect::new(move |_| {
        let revision = app.revision.get();
        let data = has_data(app);
        let device = app.device.get_untracked();
        if let Some(ask) = device.persist_request(data, app.pwa.get_untracked().installed) {
            leptos::task::spawn_local(async move {
                // Remembered first, so a refused write cannot make it ask on every change.
                let _ = app.change_device(|d| d.persist_asked(ask)).await;
                pwa::refresh_storage(app.pwa, true);
            });
        }
        if folders && device.folder_backup_due(data, revision, browser::today()) {
            leptos::task::spawn_local(async move {
                // Quiet when it worked: it happens by itself, once a day.
                if let Some(Err(e)) = folder_backup(app, false).await {
                    app.notify(e);
                }
            });
        }
    });
}

/// Shown on every page when a new version waits. Never reloads by itself; on a form it asks
/// first, because unsaved input would be lost.
#[component]
pub fn UpdateBanner(route: RwSignal<Route>) -> impl IntoView {
    let app = use_app();
    let reload = move |_| {
        if !route.get_untracked().is_form() || browser::confirm(say::UPDATE_DISCARDS_INPUT) {
            pwa::apply_update();
        }
    };
    move || {
        app.pwa.get().update.then(|| {
            view! {
                <div class="banner banner-update" role="status" data-testid="update">
                    <p>{say::UPDATE_AVAILABLE}</p>
                    <button type="button" class="primary" on:click=reload>{say::UPDATE_RELOAD}</button>
                </div>
            }
        })
    }
}

/// Where offline use cannot work (plain http, an old browser), says so plainly.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let app = use_app();
    move || {
        let text = match app.pwa.get().offline {
            Offline::Insecure => say::OFFLINE_INSECURE.to_owned(),
            Offline::Unsupported => say::OFFLINE_UNSUPPORTED.to_owned(),
            Offline::Failed(detail) => say::offline_failed(&detail),
            Offline::Ready | Offline::Starting => return None,
        };
        Some(
            view! { <p class="banner banner-warning" data-testid="offline-unavailable">{text}</p> },
        )
    }
}

/// The date of the last export, German, if there was one.
fn last_export(device: &Device) -> Option<String> {
    device
        .last_export
        .map(|m| format::date_time(m.at, browser::local_offset()))
}

/// The start page's quiet reminder: the book changed and the last export is old or missing.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    move || {
        let device = app.device.get();
        let due = device.backup_due(has_data(app), app.revision.get(), browser::today());
        due.then(|| {
            view! {
                <div class="card backup-reminder" data-testid="backup-reminder">
                    <p>{say::backup_due(last_export(&device).as_deref())}</p>
                    <button type="button" on:click=move |_| export_book(app)>{say::BACKUP_DOWNLOAD}</button>
                </div>
            }
        })
    }
}

/// The data page's account of how safe the data is.
#[component]
pub fn SafetySection() -> impl IntoView {
    let app = use_app();
    pwa::refresh_storage(app.pwa, false);
    let days = RwSignal::new(app.device.get_untracked().reminder_days.to_string());
    let days_error = RwSignal::new(None::<String>);
    let save_days = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = parse_reminder_days(&days.get_untracked());
        leptos::task::spawn_local(async move {
            let result = match parsed {
                Ok(n) => {
                    app.change_device(|d| {
                        let _ = d.set_reminder_days(n);
                    })
                    .await
                }
                Err(_) => Err(say::bad_reminder_days()),
            };
            days_error.set(result.err());
        });
    };
    let facts = move || {
        let (device, pwa) = (app.device.get(), app.pwa.get());
        let mut facts = vec![
            (
                "safety-export",
                say::last_export(last_export(&device).as_deref()),
            ),
            (
                "safety-persisted",
                match pwa.persisted {
                    Some(true) => say::PERSISTED_YES,
                    Some(false) => say::PERSISTED_NO,
                    None => say::PERSISTED_UNKNOWN,
                }
                .to_owned(),
            ),
            (
                "safety-installed",
                if pwa.installed {
                    say::INSTALLED_YES
                } else {
                    say::INSTALLED_NO
                }
                .to_owned(),
            ),
        ];
        if let Some((used, quota)) = pwa.estimate {
            facts.push(("safety-quota", say::quota(used, quota)));
        }
        match pwa.offline {
            Offline::Ready => facts.push(("safety-offline", say::OFFLINE_READY.to_owned())),
            Offline::Starting => facts.push(("safety-offline", say::OFFLINE_STARTING.to_owned())),
            _ => {}
        }
        if pwa.ios && !pwa.installed {
            facts.push(("ipad-hint", say::IPAD_HINT.to_owned()));
        }
        facts
            .into_iter()
            .map(|(id, text)| view! { <li data-testid=id>{text}</li> })
            .collect_view()
    };
    view! {
        <p>{say::ONLY_HERE}</p>
        <ul class="safety-facts" data-testid="safety">{facts}</ul>
        <OfflineNotice />
        {backup_folder::is_supported().then(|| view! { <FolderBackup /> })}
        <form class="field inline-form" on:submit=save_days novalidate>
            <label for="sicherung-tage">"Erinnerung an eine Sicherung nach Tagen"</label>
            <div class="inline">
                <input id="sicherung-tage" type="text" inputmode="numeric" bind:value=days
                    aria-invalid=move || days_error.get().map(|_| "true")
                    aria-describedby="sicherung-tage-hinweis" />
                <button type="submit">"Übernehmen"</button>
            </div>
            {move || view! {
                <p class="lead" id="sicherung-tage-hinweis">{say::reminder_days(app.device.get().reminder_days)}</p>
                {days_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            }}
        </form>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum FolderStep {
    Look,
    Choose,
    Allow,
    Forget,
}

/// Choosing, allowing and forgetting the backup folder.
#[component]
fn FolderBackup() -> impl IntoView {
    let app = use_app();
    let folder = RwSignal::new(None::<Folder>);
    // Every button runs one step, then shows the folder as the browser now has it. One task
    // for all of them keeps the bundle small.
    let run = move |step: FolderStep| {
        leptos::task::spawn_local(async move {
            let done = match step {
                FolderStep::Look => Ok(()),
                FolderStep::Choose => backup_folder::pick().await,
                FolderStep::Allow => backup_folder::ask_access().await,
                FolderStep::Forget => backup_folder::stop_using().await,
            };
            folder.set(backup_folder::chosen().await.ok().flatten());
            match done {
                Err(e) if !backup_folder::cancelled(&e) => app.notify(say::folder_failed(&e)),
                // A backup right away when the advisor has just chosen or allowed the folder.
                Ok(()) if matches!(step, FolderStep::Choose | FolderStep::Allow) => {
                    if let Some(result) = folder_backup(app, true).await {
                        app.notify(result.unwrap_or_else(|e| e));
                    }
                }
                _ => {}
            }
        })
    };
    run(FolderStep::Look);
    view! {
        <div class="card" data-testid="backup-folder">
            <p>{say::folder_explained(FOLDER_KEEP)}</p>
            {move || {
                let last = app.device.get().folder_backup_on.map(format::date);
                view! {
                    {folder.get().map(|f| view! {
                        <p data-testid="folder-name"><strong>{say::folder_chosen(&f.name)}</strong></p>
                        {(!f.granted).then(|| view! {
                            <p>{say::FOLDER_NEEDS_ACCESS}</p>
                            <button type="button" class="primary" on:click=move |_| run(FolderStep::Allow)>{say::FOLDER_ALLOW}</button>
                        })}
                        <button type="button" class="quiet" on:click=move |_| run(FolderStep::Forget)>{say::FOLDER_FORGET}</button>
                    })}
                    <p data-testid="folder-last">{say::folder_last(last.as_deref())}</p>
                }
            }}
            <button type="button" on:click=move |_| run(FolderStep::Choose)>{say::FOLDER_CHOOSE}</button>
        </div>
    }
}
