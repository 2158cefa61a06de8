//! Export, import (validated and previewed before anything changes), backups, storage use.

use super::home::load_sample;
use crate::domain::book::{Book, RecordKind};
use crate::domain::exchange::vcard::with_consent;
use crate::domain::merge::{self, Preview};
use crate::domain::sample::SampleSize;
use crate::storage::{self, BackupInfo, MAX_IMPORT_BYTES};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{download_vcards, ScrollBox, UsageMeter};
use crate::ui::format;
use crate::ui::pages::safety::{export_book, SafetySection};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// A checked import waiting for the advisor's decision.
#[derive(Clone)]
struct Pending {
    file: String,
    book: Book,
    preview: Preview,
}

#[component]
pub fn Data() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(None::<Pending>);
    let import_error = RwSignal::new(None::<String>);

    let export = move |_| export_book(app);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Allow picking the same file again after a fix.
        input.set_value("");
        pending.set(None);
        import_error.set(None);
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            import_error.set(Some(texts::import_failed(
                &name,
                &texts::decode_error(&storage::DecodeError::TooLarge {
                    bytes: file.size() as usize,
                }),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let result = match browser::read_text(&file).await {
                Ok(text) => storage::parse_import(&text).map_err(|e| texts::decode_error(&e)),
                Err(_) => Err(texts::FILE_UNREADABLE.to_owned()),
            };
            match result {
                Ok(book) => {
                    let preview = app
                        .book
                        .with_untracked(|current| merge::preview(current, &book));
                    pending.set(Some(Pending {
                        file: name,
                        book,
                        preview,
                    }));
                }
                Err(message) => import_error.set(Some(texts::import_failed(&name, &message))),
            }
        });
    };

    let do_merge = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let merged = app
            .book
            .with_untracked(|current| merge::merge(current, &p.book));
        match merged {
            Ok(book) => {
                app.book.set(book);
                pending.set(None);
                app.notify(texts::import_merged(&p.file));
            }
            Err(problems) => import_error.set(Some(texts::decode_error(
                &storage::DecodeError::Problems(problems),
            ))),
        }
    };
    let do_replace = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        if !browser::confirm(texts::REPLACE_CONFIRM) {
            return;
        }
        spawn_local(async move {
            match app.replace_book(p.book, texts::BACKUP_BEFORE_IMPORT).await {
                Ok(()) => {
                    pending.set(None);
                    app.notify(texts::import_replaced(&p.file));
                }
                Err(e) => import_error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="page">
            <h1 tabindex="-1">"Daten"</h1>

            <h2>"Exportieren"</h2>
            <p>"Das ganze Kundenbuch als JSON-Datei, z. B. für eine Kollegin oder als eigene Sicherung."</p>
            <button type="button" class="primary" on:click=export data-testid="export">"Kundenbuch exportieren"</button>

            <h2>"Adressbuch"</h2>
            <p>{move || app.book.with(|b| texts::vcard_consenting(with_consent(b).len()))}</p>
            <button type="button" on:click=move |_| download_vcards(app, "kontaktnetz-adressbuch", with_consent)
                data-testid="consent-vcard">"Ansprechpartner mit Einwilligung als vCard"</button>

            <h2>"Importieren"</h2>
            <p>"Die Datei wird zuerst geprüft. Sie sehen, was sich ändern würde, und entscheiden dann."</p>
            <div class="field">
                <label for="import-datei">"Exportdatei wählen"</label>
                <input id="import-datei" type="file" on:change=on_file data-testid="import-file" />
            </div>
            {move || import_error.get().map(|e| view! {
                <div class="banner banner-error" role="alert" data-testid="import-error">
                    {e.lines().map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}
                </div>
            })}
            {move || pending.get().map(|p| view! {
                <div class="card" data-testid="import-preview">
                    <h3>"Vorschau: " {p.file.clone()}</h3>
                    <PreviewTable preview=p.preview.clone() />
                    {p.preview.is_noop().then(|| view! {
                        <p class="lead" data-testid="import-noop">{texts::IMPORT_NOTHING_NEW}</p>
                    })}
                    <p>
                        "Zusammenführen übernimmt neue und neuere Datensätze und behält alles andere. "
                        "Ersetzen legt zuerst eine Sicherung an und ersetzt dann das ganze Kundenbuch."
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=do_merge>"Zusammenführen"</button>
                        <button type="button" on:click=do_replace>"Ersetzen"</button>
                        <button type="button" class="quiet" on:click=move |_| pending.set(None)>"Abbrechen"</button>
                    </div>
                </div>
            })}

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
fn PreviewTable(preview: Preview) -> impl IntoView {
    view! {
        <ScrollBox>
        <table class="table">
            <caption class="sr-only">"Was der Import ändern würde"</caption>
            <thead>
                <tr>
                    <th scope="col">"Art"</th>
                    <th scope="col">"Neu"</th>
                    <th scope="col">"Geändert"</th>
                    <th scope="col">"Unverändert"</th>
                    <th scope="col">"Hier neuer"</th>
                    <th scope="col">"Nur hier"</th>
                </tr>
            </thead>
            <tbody>
                {RecordKind::ALL.iter().map(|k| {
                    let t = preview.tally(*k);
                    view! {
                        <tr data-kind=format!("{k:?}")>
                            <th scope="row">{texts::kind_plural(*k)}</th>
                            <td>{texts::number(t.added as i64)}</td>
                            <td>{texts::number(t.changed as i64)}</td>
                            <td>{texts::number(t.unchanged as i64)}</td>
                            <td>{texts::number(t.kept as i64)}</td>
                            <td>{texts::number(t.only_local as i64)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </ScrollBox>
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
