//! Customers from the core banking system's CSV list: the file read (encoding and separator
//! detected), its columns assigned to fields (guessed, last mapping remembered), the first
//! rows shown as they would be taken, and the whole import previewed (new, changed,
//! unchanged, refused with line and reason) before the advisor confirms. Nothing is stored
//! before that; the book is backed up first and the import can be undone.

use crate::domain::exchange::csv::decode::{decode, Encoding};
use crate::domain::exchange::csv::import::{import, Outcome};
use crate::domain::exchange::csv::mapping::{Field, Mapping};
use crate::domain::exchange::csv::rows::{read_row, Incoming};
use crate::domain::exchange::csv::table::{self, Table};
use crate::domain::vocab::Segment;
use crate::texts::exchange::csv::{self as say, VALUES, WORDS};
use crate::texts::{self, dates, exchange::field_label};
use crate::ui::browser;
use crate::ui::components::{colleague_options, ScrollBox, SelectField};
use crate::ui::forms::exchange::csv as form;
use crate::ui::pages::book::group_form::segment_options;
use crate::ui::state::{use_app, App};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Larger files are refused before they are read (the bound of every import): 50,000 rows
/// of a full customer list stay well below it.
const MAX_BYTES: usize = crate::storage::MAX_IMPORT_BYTES;
/// Rows shown as they would be taken, below the mapping.
const FIRST_ROWS: usize = 5;
/// Refused and changed rows listed by line; the counts cover all.
const LISTED: usize = 100;

#[derive(Clone)]
struct Loaded {
    file: String,
    encoding: Encoding,
    table: Arc<Table>,
}

/// A worked-out import, compared by identity: each computation is a new one.
#[derive(Clone)]
struct Computed(Arc<Result<Outcome, String>>, f64);

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn work_out(app: App, table: &Table, keys: &[String], segment: &str, advisor: &str) -> Computed {
    let started = browser::clock_ms();
    let result = app.book.with(|book| {
        import(
            book,
            table,
            &form::mapping(keys),
            &VALUES,
            &form::options(segment, advisor),
            &mut browser::random_u64,
            browser::now(),
        )
        .map_err(say::mapping_error)
    });
    Computed(Arc::new(result), browser::clock_ms() - started)
}

/// Reads the picked file up to its table, or says why not.
async fn load(file: &web_sys::File) -> Result<Loaded, String> {
    if file.size() > MAX_BYTES as f64 {
        return Err(texts::decode_error(
            &crate::storage::DecodeError::TooLarge {
                bytes: file.size() as usize,
            },
        ));
    }
    let bytes = browser::read_bytes(file)
        .await
        .map_err(|_| texts::FILE_UNREADABLE.to_owned())?;
    let (text, encoding) = decode(&bytes).map_err(|e| say::decode_error(e).to_owned())?;
    let table = table::read(&text).map_err(|e| say::table_error(&e))?;
    Ok(Loaded {
        file: file.name(),
        encoding,
        table: Arc::new(table),
    })
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let app = use_app();
    let loaded = RwSignal::new(None::<Loaded>);
    let columns = RwSignal::new(Vec::<String>::new());
    let segment = RwSignal::new(Segment::Private.key().to_owned());
    let advisor = RwSignal::new(app.book.with_untracked(|b| {
        b.settings()
            .me
            .as_ref()
            .map_or(String::new(), |m| m.to_string())
    }));
    let error = RwSignal::new(None::<String>);
    // Set while a confirmed import is backed up and taken: a second tap does nothing.
    let busy = RwSignal::new(false);
    let computed = Memo::new(move |_| {
        let l = loaded.get()?;
        Some(columns.with(|keys| work_out(app, &l.table, keys, &segment.get(), &advisor.get())))
    });

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        loaded.set(None);
        error.set(None);
        spawn_local(async move {
            match load(&file).await {
                Ok(l) => {
                    let remembered = app.device.with_untracked(|d| d.csv_mapping.clone());
                    let guessed = Mapping::guess(&l.table.header, WORDS, &remembered);
                    columns.set(form::keys(&guessed));
                    loaded.set(Some(l));
                }
                Err(message) => error.set(Some(texts::import_failed(&file.name(), &message))),
            }
        });
    };

    let confirm = move |_| {
        let Some(l) = loaded.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let keys = columns.get_untracked();
        let (segment, advisor) = (segment.get_untracked(), advisor.get_untracked());
        spawn_local(async move {
            let backup = app.backup_current(say::BACKUP_LABEL).await;
            busy.set(false);
            if let Err(e) = backup {
                error.set(Some(e));
                return;
            }
            // Worked out again on the book as it is now: it may have changed while the
            // backup was written.
            let Computed(result, _) = work_out(app, &l.table, &keys, &segment, &advisor);
            let Ok(outcome) = Arc::unwrap_or_clone(result) else {
                return;
            };
            let message = say::done(&outcome.report, &l.file);
            let book = outcome.book;
            match app.change_with_undo(
                move |current| {
                    *current = book;
                    Ok(())
                },
                message,
            ) {
                Ok(()) => {
                    loaded.set(None);
                    let remember = form::mapping(&keys).to_remember(&l.table.header);
                    if let Err(e) = app.change_device(|d| d.csv_mapping = remember).await {
                        error.set(Some(e));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="page">
            <h1 tabindex="-1">{say::TITLE}</h1>
            <p class="lead">{say::LEAD}</p>
            <div class="field">
                <label for="csv-datei">{say::FILE_LABEL}</label>
                <input id="csv-datei" type="file" accept=".csv,.txt,text/csv" on:change=on_file data-testid="csv-file" />
            </div>
            {move || error.get().map(|e| view! {
                <div class="banner banner-error" role="alert" data-testid="csv-error">
                    {e.lines().map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}
                </div>
            })}
            {move || loaded.get().map(|l| view! {
                <p data-testid="csv-read">{format!("{}: ", l.file)} {say::read_summary(l.table.rows.len(), l.encoding, l.table.separator)}</p>
                <h2>{say::MAPPING_TITLE}</h2>
                <p>{say::MAPPING_LEAD}</p>
                <MappingTable table=l.table.clone() columns=columns />
                <h2>{say::NEW_CUSTOMERS}</h2>
                <p>{move || columns.with(|k| if form::mapping(k).has(Field::Household) { say::GROUPING_BY_HOUSEHOLD } else { say::GROUPING_ONE_EACH })}</p>
                <p>{say::EXISTING_STAY}</p>
                <SelectField label=say::SEGMENT_DEFAULT value=segment options=segment_options() id="csv-segment" />
                <SelectField label=say::ADVISOR_DEFAULT value=advisor
                    options=Signal::derive(move || app.book.with(|b| colleague_options(b, "– niemand –"))) id="csv-berater" />
                <h2>{say::FIRST_ROWS}</h2>
                <FirstRows table=l.table.clone() columns=columns />
            })}
            {move || computed.get().map(|Computed(result, ms)| match &*result {
                Err(message) => view! {
                    <div class="banner banner-error" role="alert" data-testid="csv-mapping-error"><p>{message.clone()}</p></div>
                }.into_any(),
                Ok(outcome) => view! { <Preview outcome=outcome.clone() ms=ms on_confirm=confirm /> }.into_any(),
            })}
        </section>
    }
}

/// One row per column: its header, two example values, and the field it fills.
#[component]
fn MappingTable(table: Arc<Table>, columns: RwSignal<Vec<String>>) -> impl IntoView {
    let options: Vec<(String, &'static str)> = std::iter::once((String::new(), say::LEAVE_OUT))
        .chain(
            Field::ALL
                .iter()
                .map(|f| (f.key().to_owned(), say::field(*f))),
        )
        .collect();
    view! {
        <ScrollBox>
        <table class="table text" data-testid="csv-mapping">
            <caption class="sr-only">{say::MAPPING_TITLE}</caption>
            <thead><tr>
                <th scope="col">"Spalte der Datei"</th>
                <th scope="col">"Beispiele"</th>
                <th scope="col">"Übernehmen als"</th>
            </tr></thead>
            <tbody>
                {table.header.iter().enumerate().map(|(i, header)| {
                    let examples: Vec<&str> = table.rows.iter().map(|r| r.cell(i)).filter(|c| !c.is_empty()).take(2).collect();
                    let id = format!("csv-spalte-{i}");
                    let options = options.clone();
                    view! {
                        <tr data-column=i>
                            <th scope="row"><label for=id.clone()>{if header.is_empty() { format!("Spalte {}", i + 1) } else { header.clone() }}</label></th>
                            <td>{examples.join(" · ")}</td>
                            <td>
                                <select id=id data-testid="csv-column"
                                    on:change=move |ev| { let v = event_target_value(&ev); columns.update(|c| if let Some(slot) = c.get_mut(i) { *slot = v; }); }>
                                    {options.into_iter().map(|(key, label)| {
                                        let selected = columns.with_untracked(|c| c.get(i) == Some(&key));
                                        view! { <option value=key selected=selected>{label}</option> }
                                    }).collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </ScrollBox>
    }
}

/// The first rows as they would be taken, or why a row would be refused.
#[component]
fn FirstRows(table: Arc<Table>, columns: RwSignal<Vec<String>>) -> impl IntoView {
    let rows = move || {
        let mapping = columns.with(|k| form::mapping(k));
        if mapping.check().is_err() {
            return Vec::new();
        }
        table
            .rows
            .iter()
            .take(FIRST_ROWS)
            .map(|r| (r.line, read_row(r, &mapping, &VALUES)))
            .collect()
    };
    view! {
        <ScrollBox>
        <table class="table text" data-testid="csv-first-rows">
            <caption class="sr-only">{say::FIRST_ROWS}</caption>
            <thead><tr>
                <th scope="col">"Zeile"</th>
                <th scope="col">"Kundennummer"</th>
                <th scope="col">"Name"</th>
                <th scope="col">"Art und Segment"</th>
                <th scope="col">"Anschrift"</th>
                <th scope="col">"Telefon und E-Mail"</th>
                <th scope="col">"Werbeeinwilligung"</th>
                <th scope="col">"Geburtstag"</th>
                <th scope="col">"Haushalt"</th>
                <th scope="col">"Berater:in"</th>
            </tr></thead>
            <tbody>
                {move || rows().into_iter().map(|(line, row)| match row {
                    Ok(i) => first_row(&i).into_any(),
                    Err(e) => view! {
                        <tr class="refused">
                            <td>{texts::number(line as i64)}</td>
                            <td colspan="9">{say::row_error(&e)}</td>
                        </tr>
                    }.into_any(),
                }).collect_view()}
            </tbody>
        </table>
        </ScrollBox>
    }
}

fn first_row(i: &Incoming) -> impl IntoView {
    let join = |parts: &[Option<&str>]| {
        parts
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kind = join(&[
        i.kind.map(texts::customer_kind),
        i.segment.map(texts::segment),
    ]);
    let address = texts::address(
        i.street.as_deref(),
        i.postcode.as_deref(),
        i.town.as_deref(),
    );
    let reach = join(&[
        i.phone.as_ref().map(|p| p.as_str()),
        i.email.as_ref().map(|e| e.as_str()),
    ]);
    let consent = i.consent.map(|c| {
        let since = i
            .consent_since
            .map(|d| format!(" ({})", dates::date(d)))
            .unwrap_or_default();
        format!("{}{since}", texts::consent_short(c))
    });
    view! {
        <tr data-testid="csv-first-row">
            <td>{texts::number(i.line as i64)}</td>
            <td>{i.number.clone()}</td>
            <td>{i.name.as_ref().map(|n| n.to_string())}</td>
            <td>{kind}</td>
            <td>{address}</td>
            <td>{reach}</td>
            <td>{consent}</td>
            <td>{i.birthday.map(dates::date)}</td>
            <td>{i.household.clone()}</td>
            <td>{i.advisor.as_ref().map(|a| a.to_string())}</td>
        </tr>
    }
}

/// The counts, the refused and changed rows by line, and the confirmation.
#[component]
fn Preview(
    outcome: Outcome,
    ms: f64,
    on_confirm: impl Fn(()) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let r = outcome.report;
    let counts = [
        ("Neu", r.added.len(), "csv-added"),
        ("Geändert", r.updated.len(), "csv-updated"),
        ("Unverändert", r.unchanged.len(), "csv-unchanged"),
        ("Abgelehnt", r.refused.len(), "csv-refused"),
    ];
    let something = !r.added.is_empty() || !r.updated.is_empty();
    view! {
        <div class="card" data-testid="csv-preview" data-ms=format!("{ms:.0}")>
            <h2>"Vorschau"</h2>
            <dl class="figures">
                {counts.into_iter().map(|(label, n, id)| view! {
                    <div><dt>{label}</dt><dd data-testid=id>{texts::number(n as i64)}</dd></div>
                }).collect_view()}
            </dl>
            {(r.new_groups > 0 || !r.new_colleagues.is_empty()).then(|| view! { <p>{say::new_groups(&r)}</p> })}
            {(!r.refused.is_empty()).then(|| view! {
                <h3>"Abgelehnte Zeilen"</h3>
                <ul class="plain" data-testid="csv-refused-lines">
                    {r.refused.iter().take(LISTED).map(|(line, e)| view! { <li>{say::refused_line(*line, e)}</li> }).collect_view()}
                </ul>
                {(r.refused.len() > LISTED).then(|| view! { <p class="count">{say::more_lines(r.refused.len() - LISTED)}</p> })}
            })}
            {(!r.consent_kept.is_empty()).then(|| view! { <p data-testid="csv-consent-kept">{say::consent_kept(&r.consent_kept)}</p> })}
            {(!r.added.is_empty()).then(|| view! {
                <h3>"Neue Kunden"</h3>
                <ul class="plain" data-testid="csv-added-lines">
                    {r.added.iter().take(LISTED).map(|a| view! { <li>{say::added_line(a.line, a.name.as_str())}</li> }).collect_view()}
                </ul>
                {(r.added.len() > LISTED).then(|| view! { <p class="count">{say::more_lines(r.added.len() - LISTED)}</p> })}
            })}
            {(!r.updated.is_empty()).then(|| view! {
                <h3>"Geänderte Kunden"</h3>
                <ul class="plain" data-testid="csv-updated-lines">
                    {r.updated.iter().take(LISTED).map(|u| {
                        let fields: Vec<&str> = u.fields.iter().map(|f| field_label(f)).collect();
                        view! { <li>{say::updated_line(u.line, u.name.as_str(), &fields)}</li> }
                    }).collect_view()}
                </ul>
                {(r.updated.len() > LISTED).then(|| view! { <p class="count">{say::more_lines(r.updated.len() - LISTED)}</p> })}
            })}
            {if something {
                view! {
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| on_confirm(()) data-testid="csv-confirm">{say::confirm(&r)}</button>
                    </div>
                }.into_any()
            } else {
                view! { <p class="lead" data-testid="csv-nothing">{say::nothing_to_do(&r)}</p> }.into_any()
            }}
        </div>
    }
}
