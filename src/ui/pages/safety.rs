//! Data safety and offline use on screen: the update notice, the notice where offline use is
//! not available, the start page's backup reminder, and the data page's safety section.

use crate::domain::book::Book;
use crate::domain::safety::{PersistAsk, FOLDER_KEEP};
use crate::storage;
use crate::texts::{self, safety as say};
use crate::ui::backup_folder::{self, Folder};
use crate::ui::browser;
use crate::ui::format;
use crate::ui::pwa::{use_pwa, Offline, Pwa};
use crate::ui::route::Route;
use crate::ui::state::{use_app, App};
use leptos::prelude::*;

/// The book as an export file: its dated name, its text, and the stored revision it holds.
fn export_file(app: App) -> (String, String, u64) {
    let text = app.book.with_untracked(|b| storage::export(b, browser::now()));
    let name = format!(
        "kontaktnetz-{}.json",
        format::input_date(Some(browser::today()))
    );
    (name, text, app.revision.get_untracked())
}

/// Downloads the whole book as JSON and remembers the export on this device.
pub fn export_book(app: App) {
    let (name, text, revision) = export_file(app);
    if browser::download(&name, "application/json", &text).is_err() {
        return app.notify(texts::DOWNLOAD_FAILED.into());
    }
    match app.mark_exported(revision) {
        Ok(()) => app.notify(say::exported(&name)),
        Err(e) => app.notify(e),
    }
}

/// Writes a dated export into the backup folder now (counted as today's folder backup).
async fn backup_to_folder(app: App, folder: &Folder) -> Result<String, String> {
    app.change_device(|d| d.folder_backup_on = Some(browser::today()))?;
    let (name, text, revision) = export_file(app);
    backup_folder::save(&name, &text, FOLDER_KEEP).await?;
    app.mark_exported(revision)?;
    Ok(say::folder_written(&name, &folder.name))
}

/// After changes, at most once a day, a dated export goes into the chosen backup folder
/// (where the browser offers folders at all, and still lets us write there).
pub fn watch_backup_folder(app: App) {
    if !backup_folder::is_supported() {
        return;
    }
    let due = move || {
        let has_data = !app.book.with_untracked(Book::is_empty);
        let revision = app.revision.get_untracked();
        app.device
            .with_untracked(|d| d.folder_backup_due(has_data, revision, browser::today()))
    };
    Effect::new(move |_| {
        app.revision.track();
        if !due() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(Some(folder)) = backup_folder::chosen().await else {
                return;
            };
            // Checked again after the wait: another change may have started a backup meanwhile.
            if folder.granted && due() {
                if let Err(e) = backup_to_folder(app, &folder).await {
                    app.notify(say::folder_failed(&e));
                }
            }
        });
    });
}

/// The date of the last export, German, if there was one.
fn last_export_date(app: App) -> Option<String> {
    app.device
        .with(|d| d.last_export)
        .map(|m| format::date_time(m.at, browser::local_offset()))
}

/// Asks for persistent storage once the book has data, and once more when installed.
pub fn watch_persistence(app: App, pwa: Pwa) {
    let has_data = Memo::new(move |_| !app.book.with(Book::is_empty));
    Effect::new(move |_| {
        let ask = app
            .device
            .with(|d| d.persist_request(has_data.get(), pwa.installed));
        if let Some(ask) = ask {
            // Remembered first, so a refused write cannot make it ask on every change.
            let _ = app.change_device(|d| d.persist_asked(ask));
            if ask == PersistAsk::First || pwa.persisted.get_untracked() != Some(true) {
                pwa.request_persistence();
            }
        }
    });
}

/// Shown on every page when a new version waits. Never reloads by itself; on a form it asks
/// first, because unsaved input would be lost.
#[component]
pub fn UpdateBanner(route: RwSignal<Route>) -> impl IntoView {
    let pwa = use_pwa();
    let reload = move |_| {
        if !route.get_untracked().is_form() || browser::confirm(say::UPDATE_DISCARDS_INPUT) {
            pwa.apply_update();
        }
    };
    view! {
        <Show when=move || pwa.update.get()>
            <div class="banner banner-update" role="status" data-testid="update">
                <p>{say::UPDATE_AVAILABLE}</p>
                <button type="button" class="primary" on:click=reload>{say::UPDATE_RELOAD}</button>
            </div>
        </Show>
    }
}

/// Where offline use cannot work (plain http, an old browser), says so plainly.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let pwa = use_pwa();
    move || {
        let text = match pwa.offline.get() {
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

/// The start page's quiet reminder: the book changed and the last export is old or missing.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    let due = move || {
        let has_data = !app.book.with(Book::is_empty);
        let revision = app.revision.get();
        app.device
            .with(|d| d.backup_due(has_data, revision, browser::today()))
    };
    view! {
        <Show when=due>
            <div class="card backup-reminder" data-testid="backup-reminder">
                <p>{move || say::backup_due(last_export_date(app).as_deref())}</p>
                <button type="button" on:click=move |_| export_book(app)>{say::BACKUP_DOWNLOAD}</button>
            </div>
        </Show>
    }
}

/// The data page's account of how safe the data is.
#[component]
pub fn SafetySection() -> impl IntoView {
    let app = use_app();
    let pwa = use_pwa();
    pwa.refresh_storage();
    let days = RwSignal::new(app.device.get_untracked().reminder_days.to_string());
    let days_error = RwSignal::new(None::<String>);
    let save_days = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = days.get_untracked().trim().parse::<u32>().ok();
        let result = match parsed {
            Some(n) if crate::domain::safety::REMINDER_DAYS.contains(&n) => {
                app.change_device(|d| {
                    let _ = d.set_reminder_days(n);
                })
            }
            _ => Err(say::bad_reminder_days()),
        };
        days_error.set(result.err());
    };
    let offline = move || match pwa.offline.get() {
        Offline::Ready => Some(say::OFFLINE_READY),
        Offline::Starting => Some(say::OFFLINE_STARTING),
        _ => None,
    };
    let persisted = move || match pwa.persisted.get() {
        Some(true) => say::PERSISTED_YES,
        Some(false) => say::PERSISTED_NO,
        None => say::PERSISTED_UNKNOWN,
    };
    view! {
        <p>{say::ONLY_HERE}</p>
        <ul class="safety-facts" data-testid="safety">
            <li data-testid="safety-export">{move || say::last_export(last_export_date(app).as_deref())}</li>
            <li data-testid="safety-persisted">{persisted}</li>
            {move || pwa.estimate.get().map(|(used, quota)| view! {
                <li data-testid="safety-quota">{say::quota(used, quota)}</li>
            })}
            <li data-testid="safety-installed">
                {if pwa.installed { say::INSTALLED_YES } else { say::INSTALLED_NO }}
            </li>
            {move || offline().map(|t| view! { <li data-testid="safety-offline">{t}</li> })}
        </ul>
        <OfflineNotice />
        {backup_folder::is_supported().then(|| view! { <FolderBackup /> })}
        {(pwa.ios && !pwa.installed).then(|| view! {
            <p class="banner banner-warning" data-testid="ipad-hint">{say::IPAD_HINT}</p>
        })}
        <form class="field inline-form" on:submit=save_days novalidate>
            <label for="sicherung-tage">"Erinnerung an eine Sicherung nach Tagen"</label>
            <div class="inline">
                <input id="sicherung-tage" type="text" inputmode="numeric" bind:value=days
                    aria-invalid=move || days_error.with(Option::is_some).then_some("true")
                    aria-describedby="sicherung-tage-hinweis" />
                <button type="submit">"Übernehmen"</button>
            </div>
            <p class="lead" id="sicherung-tage-hinweis">
                {move || say::reminder_days(app.device.with(|d| d.reminder_days))}
            </p>
            {move || days_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </form>
    }
}

/// Choosing, allowing and forgetting the backup folder.
#[component]
fn FolderBackup() -> impl IntoView {
    let app = use_app();
    let folder = RwSignal::new(None::<Folder>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            folder.set(backup_folder::chosen().await.ok().flatten());
        })
    };
    refresh();
    // A backup right away when the advisor has just chosen or allowed the folder.
    let write_now = move |f: Folder| async move {
        match backup_to_folder(app, &f).await {
            Ok(message) => app.notify(message),
            Err(e) => app.notify(say::folder_failed(&e)),
        }
    };
    let choose = move |_| {
        leptos::task::spawn_local(async move {
            match backup_folder::pick().await {
                Ok(f) => {
                    folder.set(Some(f.clone()));
                    write_now(f).await;
                }
                Err(e) if backup_folder::cancelled(&e) => {}
                Err(e) => app.notify(say::folder_failed(&e)),
            }
        })
    };
    let allow = move |_| {
        leptos::task::spawn_local(async move {
            if backup_folder::ask_access().await == Ok(true) {
                if let Ok(Some(f)) = backup_folder::chosen().await {
                    folder.set(Some(f.clone()));
                    write_now(f).await;
                }
            }
        })
    };
    let forget = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(e) = backup_folder::stop_using().await {
                app.notify(say::folder_failed(&e));
            }
            refresh();
        })
    };
    let last = move || {
        app.device
            .with(|d| d.folder_backup_on)
            .map(format::date)
    };
    view! {
        <div class="card" data-testid="backup-folder">
            <p>{say::folder_explained(FOLDER_KEEP)}</p>
            {move || folder.get().map(|f| view! {
                <p data-testid="folder-name"><strong>{say::folder_chosen(&f.name)}</strong></p>
                {(!f.granted).then(|| view! {
                    <p>{say::FOLDER_NEEDS_ACCESS}</p>
                    <button type="button" class="primary" on:click=allow>{say::FOLDER_ALLOW}</button>
                })}
            })}
            <p data-testid="folder-last">{move || say::folder_last(last().as_deref())}</p>
            <div class="actions">
                <button type="button" on:click=choose>{say::FOLDER_CHOOSE}</button>
                <Show when=move || folder.with(Option::is_some)>
                    <button type="button" class="quiet" on:click=forget>{say::FOLDER_FORGET}</button>
                </Show>
            </div>
        </div>
    }
}
