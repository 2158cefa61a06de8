//! Export, import (validated and previewed before anything changes), backups, storage use.

use super::exchange::import::ImportSection;
use super::exchange::seal::{Seal, SealFields};
use super::home::load_sample;
use crate::domain::exchange::vcard::with_consent;
use crate::domain::sample::SampleSize;
use crate::storage::BackupInfo;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{download_vcards, UsageMeter};
use crate::ui::format;
use crate::ui::pages::safety::{deliver_export, export_file, SafetySection};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Data() -> impl IntoView {
    let app = use_app();

    let seal = Seal::new();
    let export = move |_| {
        spawn_local(async move {
            let (name, text, revision) = export_file(app);
            if let Some((name, text)) = seal.file(&name, text).await {
                deliver_export(app, name, text, revision).await;
            }
        })
    };

    view! {
        <section class="page">
            <h1 tabindex="-1">"Daten"</h1>

            <h2>"Exportieren"</h2>
            <p>"Das ganze Kundenbuch als JSON-Datei, z. B. für eine Kollegin oder als eigene Sicherung."</p>
            <SealFields seal=seal id="export" />
            <button type="button" class="primary" on:click=export data-testid="export">"Kundenbuch exportieren"</button>

            <h2>"An Kolleg:innen weitergeben"</h2>
            <p>"Einzelne Verbünde exportieren oder an eine Kollegin oder einen Kollegen übergeben, und nach einem Import mögliche Doppelte zusammenführen."</p>
            <div class="actions">
                <a class="button" href=Route::Share.href() data-testid="to-share">{texts::exchange::SHARE_TITLE}</a>
                <a class="button" href=Route::Duplicates.href() data-testid="to-duplicates">{texts::exchange::DUPLICATES_TITLE}</a>
            </div>

            <h2>"Adressbuch"</h2>
            <p>{move || app.book.with(|b| texts::vcard_consenting(with_consent(b).len()))}</p>
            <button type="button" on:click=move |_| download_vcards(app, "kontaktnetz-adressbuch", with_consent)
                data-testid="consent-vcard">"Ansprechpartner mit Einwilligung als vCard"</button>

            <h2>"Importieren"</h2>
            <ImportSection />
            <p>"Kundenlisten aus dem Kernbankensystem oder aus Excel kommen als CSV-Datei herein."</p>
            <a class="button" href=Route::CsvImport.href() data-testid="to-csv">{texts::exchange::csv::TITLE}</a>

            <h2>"Sicherungen"</h2>
            <Backups />

            <h2>"Speicher"</h2>
            <UsageMeter />

            <h2>"Datensicherheit und Offline-Nutzung"</h2>
            <SafetySection />

            <h2>"Beispieldaten"</h2>
            <div class="actions">
                <button type="button" on:click=move |_| load_sample(SampleSize::ADVISOR) data-testid="load-sample-data">
                    "Beispieldaten laden"
                </button>
                // For benchmarks only (#/daten?lasttest): not an advisor's choice.
                {crate::ui::route::param(&browser::current_hash(), "lasttest").map(|_| view! {
                    <button type="button" on:click=move |_| load_sample(SampleSize::TEAM) data-testid="load-team">
                        "Teambuch für Lasttests (10 Berater:innen, 10.000 Kunden)"
                    </button>
                    <button type="button" on:click=move |_| load_sample(SampleSize::TEAM_FIVE_YEARS) data-testid="load-team-5y">
                        "Team-Fünfjahresbuch für Lasttests (10 Berater:innen, 65.000 Kontakte)"
                    </button>
                })}
            </div>
        </section>
    }
}

#[component]
fn Backups() -> impl IntoView {
    let app = use_app();
    let list = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        app.backups_changed.track();
        spawn_local(async move {
            let backups = app.with_store(async |s| s.backups().await.unwrap_or_default());
            list.set(backups.await.unwrap_or_default());
        });
    });
    let restore = move |info: BackupInfo| {
        if !browser::confirm(&texts::restore_confirm(&info.label)) {
            return;
        }
        spawn_local(async move {
            let book = match app
                .with_store(async |s| s.read_backup(&info.key).await)
                .await
            {
                Some(Ok(book)) => book,
                Some(Err(e)) => return app.notify(texts::decode_error(&e)),
                None => return,
            };
            match app.replace_book(book, texts::BACKUP_BEFORE_RESTORE).await {
                Ok(()) => app.notify(texts::RESTORED.into()),
                Err(e) => app.notify(e),
            }
        });
    };
    let delete = move |key: String| {
        if browser::confirm(texts::DELETE_BACKUP_CONFIRM) {
            spawn_local(async move {
                app.with_store(async |s| s.delete_backup(&key).await).await;
                app.backups_changed.update(|n| *n += 1);
            });
        }
    };
    view! {
        <p>{texts::BACKUPS_EXPLAINED}</p>
        <ul class="list" data-testid="backups">
            {move || {
                let items = list.get();
                if items.is_empty() {
                    return view! { <li class="empty">"Noch keine Sicherungen."</li> }.into_any();
                }
                items.into_iter().map(|info| {
                    let key = info.key.clone();
                    let when = format::date_time(info.created_at, browser::local_offset());
                    let what = texts::backup_contents(info.groups, info.customers, info.chars);
                    let label = info.label.clone();
                    view! {
                        <li class="row">
                            <span class="title">{label}</span>
                            <span class="meta"><span>{when}</span><span>{what}</span></span>
                            <span class="actions">
                                <button type="button" on:click=move |_| restore(info.clone())>"Wiederherstellen"</button>
                                <button type="button" class="quiet" on:click=move |_| delete(key.clone())>"Löschen"</button>
                            </span>
                        </li>
                    }
                }).collect_view().into_any()
            }}
        </ul>
    }
}
