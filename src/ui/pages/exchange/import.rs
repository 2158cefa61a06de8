//! Importing a file: checked and previewed before anything changes; records that differ
//! are shown side by side with a choice each; a part of a book can only be merged.

use super::seal::{self, Deriving};
use crate::domain::book::{invisible_names, Book, BookData, RecordKind};
use crate::domain::merge::{self, Choices, Conflict, Preview, Side};
use crate::storage::envelope::{self, Sealed, MAX_ENVELOPE_BYTES};
use crate::storage::{self, Contents, Import};
use crate::texts::{self, exchange as say};
use crate::ui::browser;
use crate::ui::components::{ScrollBox, TextField};
use crate::ui::format;
use crate::ui::route::Route;
use crate::ui::state::{use_app, App};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// At most this many differing records are listed; the choice for all covers the rest.
const LISTED: usize = 50;

/// A checked import waiting for the advisor's decision. Cheap to copy: the views take it
/// whole.
#[derive(Clone)]
struct Pending {
    file: String,
    /// Who exported the file and when, as said in the preview.
    origin: String,
    /// The file's whole book, which may replace this one; `None` for a part.
    book: Option<Book>,
    /// The file's records, flat, as the merge takes them.
    data: Arc<BookData>,
    preview: Arc<Preview>,
}

/// Checks an import against the book: a part must fit it (its references may point at
/// records here), and names must show a character unless this book holds them as they are.
fn check(app: App, file: String, import: Import) -> Result<Pending, String> {
    let offset = browser::local_offset();
    let exported_at = import.exported_at.map(|t| format::date_time(t, offset));
    let (book, data) = match import.contents {
        Contents::Book(book) => {
            let data = book.to_data();
            (Some(book), data)
        }
        Contents::Groups(data) => (None, data),
    };
    let origin = say::origin(
        book.is_none(),
        import.exported_by.as_deref(),
        exported_at.as_deref(),
    );
    let problems = |p| texts::decode_error(&storage::DecodeError::Problems(p));
    app.book.with_untracked(|current| {
        let invisible = invisible_names(&data, current);
        if !invisible.is_empty() {
            return Err(problems(invisible));
        }
        if book.is_none() {
            merge::merge(current, &data).map_err(problems)?;
        }
        let preview = Arc::new(merge::preview(current, &data));
        Ok(Pending {
            file,
            origin,
            book,
            data: Arc::new(data),
            preview,
        })
    })
}

/// An export's text, read and checked up to its preview.
fn preview(app: App, file: String, text: &str) -> Result<Pending, String> {
    let import = storage::read_import(text).map_err(|e| texts::decode_error(&e))?;
    check(app, file, import)
}

/// A file's text as far as it can go without the advisor: a preview, or a sealed file that
/// waits for its passphrase.
fn read(app: App, file: String, text: &str) -> Result<Step, String> {
    if envelope::is_envelope(text) {
        let sealed = envelope::read(text).map_err(say::envelope_error)?;
        return Ok(Step::Locked(file, sealed));
    }
    preview(app, file, text).map(|p| Step::Preview(Box::new(p)))
}

enum Step {
    Preview(Box<Pending>),
    Locked(String, Sealed),
}

#[component]
pub fn ImportSection() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(None::<Pending>);
    let choices = RwSignal::new(Choices::new());
    let import_error = RwSignal::new(None::<String>);
    let locked = RwSignal::new(None::<(String, Sealed)>);
    // Likely duplicates the last merge brought, to be looked at.
    let twins = RwSignal::new(0usize);
    // Counts picked files and cancels: an unlock that ends after either is dropped.
    let attempt = StoredValue::new(0u64);
    let next_attempt = move || {
        attempt.update_value(|n| *n += 1);
        attempt.get_value()
    };
    let passphrase = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<u32>);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        pending.set(None);
        locked.set(None);
        choices.set(Choices::new());
        import_error.set(None);
        twins.set(0);
        next_attempt();
        let name = file.name();
        // The larger bound: a sealed file is a third larger than the export inside it.
        if file.size() > MAX_ENVELOPE_BYTES as f64 {
            import_error.set(Some(texts::import_failed(
                &name,
                &texts::decode_error(&storage::DecodeError::TooLarge {
                    bytes: file.size() as usize,
                }),
            )));
            return;
        }
        spawn_local(async move {
            let result = match browser::read_text(&file).await {
                Ok(text) => read(app, name.clone(), &text),
                Err(_) => Err(texts::FILE_UNREADABLE.to_owned()),
            };
            match result {
                Ok(Step::Preview(p)) => pending.set(Some(*p)),
                Ok(Step::Locked(file, sealed)) => {
                    passphrase.set(String::new());
                    locked.set(Some((file, sealed)));
                }
                Err(message) => import_error.set(Some(texts::import_failed(&name, &message))),
            }
        });
    };

    let unlock = move |_| {
        let Some((name, sealed)) = locked.get_untracked() else {
            return;
        };
        if progress.get_untracked().is_some() {
            return;
        }
        import_error.set(None);
        let this = next_attempt();
        spawn_local(async move {
            let pass = passphrase.get_untracked();
            let opened = seal::open(&sealed, &pass, progress)
                .await
                .and_then(|text| preview(app, name.clone(), &text));
            if attempt.try_get_value() != Some(this) {
                return;
            }
            match opened {
                Ok(p) => {
                    passphrase.set(String::new());
                    locked.set(None);
                    pending.set(Some(p));
                }
                Err(message) => import_error.set(Some(texts::import_failed(&name, &message))),
            }
        });
    };

    let do_merge = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let (before, merged) = app.book.with_untracked(|current| {
            let merged = choices.with_untracked(|c| merge::merge_with(current, &p.data, c));
            (super::duplicates::count(current), merged)
        });
        match merged {
            Ok(book) => {
                twins.set(super::duplicates::count(&book).saturating_sub(before));
                // With undo: a choice may have put an older copy in place of a newer one.
                let _ = app.change_with_undo(
                    move |current| {
                        *current = book;
                        Ok(())
                    },
                    texts::import_merged(&p.file),
                );
                pending.set(None);
            }
            Err(problems) => import_error.set(Some(texts::decode_error(
                &storage::DecodeError::Problems(problems),
            ))),
        }
    };
    let do_replace = move |_| {
        let Some((file, Some(book))) =
            pending.with_untracked(|p| p.as_ref().map(|p| (p.file.clone(), p.book.clone())))
        else {
            return;
        };
        if !browser::confirm(texts::REPLACE_CONFIRM) {
            return;
        }
        spawn_local(async move {
            match app.replace_book(book, texts::BACKUP_BEFORE_IMPORT).await {
                Ok(()) => {
                    pending.set(None);
                    app.notify(texts::import_replaced(&file));
                }
                Err(e) => import_error.set(Some(e)),
            }
        });
    };

    view! {
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
        {move || (twins.get() > 0).then(|| view! {
            <div class="banner" role="status" data-testid="import-duplicates">
                <p>{say::duplicates_found(twins.get())}</p>
                <a class="button" href=Route::Duplicates.href()>{say::DUPLICATES_TITLE}</a>
            </div>
        })}
        {move || locked.get().map(|(name, _)| view! {
            <form class="card" data-testid="import-locked" on:submit=move |ev| { ev.prevent_default(); unlock(()); }>
                <h3>{name}</h3>
                <p>{say::SEALED_FILE}</p>
                <TextField label="Kennwort der Datei" value=passphrase kind="password"
                    autocomplete="off" id="import-passphrase" />
                <Deriving progress=progress />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="import-unlock">"Entschlüsseln"</button>
                    <button type="button" class="quiet" on:click=move |_| { next_attempt(); locked.set(None); }>"Abbrechen"</button>
                </div>
            </form>
        })}
        {move || pending.get().map(|p| {
            let part = p.book.is_none();
            view! {
                <div class="card" data-testid="import-preview">
                    <h3>"Vorschau: " {p.file.clone()}</h3>
                    <p data-testid="import-origin">{p.origin.clone()}</p>
                    {part.then(|| view! { <p class="lead">{say::PART_MERGE_ONLY}</p> })}
                    <PreviewTable preview=p.preview.clone() choices=choices />
                    {p.preview.is_noop().then(|| view! {
                        <p class="lead" data-testid="import-noop">{texts::IMPORT_NOTHING_NEW}</p>
                    })}
                    <Differing preview=p.preview.clone() choices=choices />
                    <p>
                        {if part {
                            "Zusammenführen übernimmt die Verbünde der Datei und behält alles andere."
                        } else {
                            "Zusammenführen übernimmt neue Datensätze und die gewählten Fassungen und behält alles andere. Ersetzen legt zuerst eine Sicherung an und ersetzt dann das ganze Kundenbuch."
                        }}
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=do_merge data-testid="import-merge">"Zusammenführen"</button>
                        {(!part).then(|| view! {
                            <button type="button" on:click=do_replace data-testid="import-replace">"Ersetzen"</button>
                        })}
                        <button type="button" class="quiet" on:click=move |_| pending.set(None)>"Abbrechen"</button>
                    </div>
                </div>
            }
        })}
    }
}

#[component]
fn PreviewTable(preview: Arc<Preview>, choices: RwSignal<Choices>) -> impl IntoView {
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
                {move || choices.with(|choices| RecordKind::ALL.iter().map(|k| {
                    let t = preview.tally_with(*k, choices);
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
                }).collect_view())}
            </tbody>
        </table>
        </ScrollBox>
    }
}

/// The records both sides hold in different versions, each with its differing fields side
/// by side and a choice, plus one choice for all.
#[component]
fn Differing(preview: Arc<Preview>, choices: RwSignal<Choices>) -> impl IntoView {
    let conflicts = preview.conflicts();
    if conflicts.is_empty() {
        return ().into_any();
    }
    let total = conflicts.len();
    let all_keys: Vec<(RecordKind, String)> = conflicts.iter().map(Conflict::key).collect();
    let set_all = move |side: Option<Side>| {
        choices.set(match side {
            None => Choices::new(),
            Some(side) => all_keys.iter().map(|k| (k.clone(), side)).collect(),
        })
    };
    let set_mine = set_all.clone();
    let set_theirs = set_all.clone();
    let offset = browser::local_offset();
    view! {
        <h4 data-testid="differing-count">{say::differing(total)}</h4>
        <p>{say::CONFLICTS_EXPLAINED}</p>
        <div class="actions">
            <button type="button" on:click=move |_| set_all(None)>"Überall die neuere Fassung"</button>
            <button type="button" on:click=move |_| set_mine(Some(Side::Mine)) data-testid="differing-all-mine">"Überall meine"</button>
            <button type="button" on:click=move |_| set_theirs(Some(Side::Theirs))>"Überall die aus der Datei"</button>
        </div>
        <ul class="list" data-testid="differing">
            {conflicts.iter().take(LISTED).cloned().enumerate().map(|(n, c)| {
                let k = c.key();
                let side = {
                    let c = c.clone();
                    move || choices.with(|ch| c.side(ch))
                };
                let choose = move |s: Side| {
                    let k = k.clone();
                    move |_| choices.update(|ch| { ch.insert(k.clone(), s); })
                };
                let (mine_side, theirs_side) = (side.clone(), side);
                let name = format!("wahl-{n}");
                let heading = format!("{} „{}“", texts::kind_singular(c.kind), c.title);
                view! {
                    <li class="row differing" data-testid="differing-record" data-id=c.id.clone()>
                        <fieldset class="group">
                            <legend>{heading}</legend>
                            <ScrollBox>
                            <table class="table text">
                                <thead><tr>
                                    <th scope="col">"Feld"</th>
                                    <th scope="col">"Hier (" {format::date_time(c.mine_at, offset)} ")"</th>
                                    <th scope="col">"Datei (" {format::date_time(c.theirs_at, offset)} ")"</th>
                                </tr></thead>
                                <tbody>
                                    {c.fields.iter().map(|f| view! {
                                        <tr>
                                            <th scope="row">{say::field_label(&f.field).to_owned()}</th>
                                            <td>{say::value_text(f.mine.as_ref())}</td>
                                            <td>{say::value_text(f.theirs.as_ref())}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            </ScrollBox>
                            <div class="choices">
                                <label class="choice">
                                    <input type="radio" name=name.clone() prop:checked=move || mine_side() == Side::Mine
                                        on:change=choose(Side::Mine) data-testid="keep-mine" />
                                    "Meine behalten"
                                </label>
                                <label class="choice">
                                    <input type="radio" name=name prop:checked=move || theirs_side() == Side::Theirs
                                        on:change=choose(Side::Theirs) data-testid="take-theirs" />
                                    "Aus der Datei übernehmen"
                                </label>
                            </div>
                        </fieldset>
                    </li>
                }
            }).collect_view()}
        </ul>
        {(total > LISTED).then(|| view! { <p class="count">{say::differing_not_listed(total - LISTED)}</p> })}
    }
    .into_any()
}
