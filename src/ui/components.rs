//! Small shared views: messages, the storage meter, form fields.

use super::browser;
use super::state::{use_app, SaveState};
use super::table::{Cell, Table};
use crate::domain::casting::Casting;
use crate::storage::{EngineKind, Usage, UsageLevel};
use crate::texts;
use crate::ui::pwa;
use leptos::prelude::*;

/// A failed save stays on screen until a later save succeeds: nothing is dropped silently.
#[component]
pub fn SaveBanner() -> impl IntoView {
    let app = use_app();
    let retry = move |_| app.book.update(|_| {});
    view! {
        {move || match app.save_state.get() {
            SaveState::Saved => None,
            SaveState::Failed(message) => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="save-error">
                    <p>{message}</p>
                    <div class="actions">
                        <button type="button" on:click=retry>"Erneut speichern"</button>
                        <a class="button" href="#/daten">"Zu Export und Sicherungen"</a>
                    </div>
                </div>
            }.into_any()),
            SaveState::Conflict(message) => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="save-error">
                    <p>{message}</p>
                    <div class="actions">
                        <button type="button" on:click=|_| super::browser::reload()>"Neu laden"</button>
                    </div>
                </div>
            }.into_any()),
        }}
    }
}

#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || app.toast.get().map(|t| {
                let undo = t.undo.clone();
                view! {
                    <div class="toast">
                        <span>{t.message.clone()}</span>
                        {undo.map(|before| view! {
                            <button type="button" on:click=move |_| {
                                app.book.set(before.clone());
                                app.toast.set(None);
                                app.notify("Rückgängig gemacht.".into());
                            }>"Rückgängig"</button>
                        })}
                        <button type="button" class="quiet" aria-label="Meldung schließen"
                            on:click=move |_| app.toast.set(None)>"✕"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// How much of its room the book takes: IndexedDB as the browser estimates it, or
/// localStorage's characters against Safari's worst case, with a notice of the smaller room.
#[component]
pub fn UsageMeter() -> impl IntoView {
    let app = use_app();
    pwa::refresh_storage(app.pwa, false);
    move || {
        let local = app.engine.get()? == EngineKind::LocalStorage;
        let (u, text) = if local {
            let u = app.usage.get()?;
            (u, texts::usage(u))
        } else {
            let (used, quota) = app.pwa.get().estimate?;
            let u = Usage {
                used: used as u64,
                budget: quota as u64,
            };
            (u, texts::storage::usage_bytes(u))
        };
        let level = match u.level() {
            UsageLevel::Fine => "fine",
            UsageLevel::Warning => "warning",
            UsageLevel::Critical => "critical",
        };
        let pct = u.percent().min(100);
        Some(view! {
            <div class=format!("meter meter-{level}") data-testid="usage">
                <p>{text}</p>
                <div class="meter-bar" role="meter" aria-label="Speicherbelegung"
                    aria-valuemin="0" aria-valuemax="100" aria-valuenow=pct.to_string()>
                    <span style=format!("width:{pct}%")></span>
                </div>
                {texts::usage_advice(u.level()).map(|a| view! { <p class="advice" role="alert">{a}</p> })}
                {local.then(|| view! {
                    <p class="advice" data-testid="fallback-notice">{texts::storage::FALLBACK_NOTICE}</p>
                })}
            </div>
        })
    }
}

use crate::ui::forms::book::reach;
pub use crate::ui::forms::{form_message, FieldError};

/// The message for one field, while the form's problem is about it.
pub fn error_at(error: RwSignal<Option<FieldError>>, field: &str) -> Signal<Option<String>> {
    let field = field.to_owned();
    Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    })
}

/// Shows a failed save: the problem is set, and once it is drawn its field comes into view
/// and takes the focus (a group of tiles: its first choice), so the advisor sees what is
/// missing instead of a button that seems to do nothing.
pub fn show_problem(error: RwSignal<Option<FieldError>>, problem: FieldError) {
    let field = problem.field.clone();
    error.set(Some(problem));
    request_animation_frame(move || focus_field(&field));
}

/// After a failed save of a form whose fields mark their own errors: the first marked field
/// comes into view and takes the focus, once the marks are drawn.
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        let first = document()
            .query_selector("main [aria-invalid=true]")
            .ok()
            .flatten();
        if let Some(el) = first {
            focus_element(el);
        }
    });
}

/// Scrolls a field to the middle of the screen and focuses it.
pub fn focus_field(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        focus_element(el);
    }
}

fn focus_element(el: web_sys::Element) {
    let target = match el.tag_name().as_str() {
        "FIELDSET" => el.query_selector("input").ok().flatten().unwrap_or(el),
        _ => el,
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// The form's problem repeated in its sticky save bar, beside the button that was tapped.
#[component]
pub fn BarError(error: RwSignal<Option<FieldError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p class="error bar-error" role="alert" data-testid="bar-error">{e.message}</p> }
        })
    }
}

/// A field's error, once for every kind of field: `aria-invalid` and `aria-describedby` while
/// there is one, and the message under the field (its id is the field's plus "-fehler").
#[allow(clippy::type_complexity)]
pub fn field_error(
    error: Option<Signal<Option<String>>>,
    id: &str,
) -> (
    impl Fn() -> Option<&'static str> + Send + Sync + Clone + 'static,
    impl Fn() -> Option<String> + Send + Sync + Clone + 'static,
    impl IntoView,
) {
    let err_id = format!("{id}-fehler");
    let has_error = move || error.is_some_and(|e| e.get().is_some());
    let described = err_id.clone();
    (
        move || has_error().then_some("true"),
        move || has_error().then(|| described.clone()),
        move || {
            error
                .and_then(|e| e.get())
                .map(|m| view! { <p class="error" id=err_id.clone()>{m}</p> })
        },
    )
}

/// A labelled text input bound to a signal, with an optional error under it.
#[component]
pub fn TextField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id(label));
    let (invalid, described_by, message) = field_error(error, &id);
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            <input id=id type=kind bind:value=value autocomplete=autocomplete list=list
                required=required aria-invalid=invalid aria-describedby=described_by />
            {message}
        </div>
    }
}

#[component]
pub fn TextArea(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let id = field_id(label);
    let (invalid, described_by, message) = field_error(error, &id);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="4" bind:value=value aria-invalid=invalid aria-describedby=described_by></textarea>
            {message}
        </div>
    }
}

/// A labelled select; `options` are (value, text) pairs.
#[component]
pub fn SelectField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id(label));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(v, text)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A stable element id derived from a label ("Name der Firma" → "f-name-der-firma").
pub fn field_id(label: &str) -> String {
    let slug: String = crate::domain::text::fold(label)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("f-{}", slug.trim_matches('-'))
}

/// What tells a group apart from others of the same name: members, customer number, last
/// and next contact.
pub fn group_marks(
    book: &crate::domain::book::Book,
    group: &crate::domain::model::Group,
) -> impl IntoView {
    let marks = crate::domain::safety::identity::group_marks(book, group);
    view! { <span class="marks" data-testid="group-marks">{texts::identity::group_marks(&marks)}</span> }
}

/// A segment badge.
#[component]
pub fn SegmentBadge(segment: crate::domain::vocab::Segment) -> impl IntoView {
    view! { <span class=format!("badge seg-{}", segment.key())>{texts::segment(segment)}</span> }
}

/// The class of a group's current casting and its target frequency; a dash when not cast.
pub fn class_badge(casting: Option<&Casting>) -> AnyView {
    let Some(c) = casting else {
        return view! { <span class="badge class-none" title="nicht gecastet">"–"</span> }
            .into_any();
    };
    let class = c.class();
    let manual = if c.manual.is_some() { " (manuell)" } else { "" };
    let text = format!(
        "{} · {}",
        texts::class_name(class),
        texts::per_year(c.rule.contacts())
    );
    let label = format!(
        "Klasse {}{manual}, {}",
        texts::class_name(class),
        texts::per_year(c.rule.contacts())
    );
    view! {
        <span class=format!("badge class-{}", class.key()) title=label.clone() aria-label=label>
            {text}{c.manual.is_some().then_some("*")}
        </span>
    }
    .into_any()
}

/// Renders a [`Table`]; the first cell of each row is its row heading.
pub fn table_view(table: Table, testid: &'static str) -> AnyView {
    long_table_view(table, testid, usize::MAX)
}

/// A table of which only the first `shown` rows are drawn; its CSV file holds all.
pub fn long_table_view(table: Table, testid: &'static str, shown: usize) -> AnyView {
    fn row(cells: Vec<Cell>) -> impl IntoView {
        cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let content = match c.href {
                    Some(href) => view! { <a href=href>{c.text}</a> }.into_any(),
                    None => c.text.into_any(),
                };
                if i == 0 {
                    view! { <th scope="row">{content}</th> }.into_any()
                } else {
                    view! { <td class:left=c.left>{content}</td> }.into_any()
                }
            })
            .collect_view()
    }
    let head = table
        .head
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_view();
    let csv = table.csv();
    let rows = table
        .rows
        .into_iter()
        .take(shown)
        .map(|cells| view! { <tr>{row(cells)}</tr> })
        .collect_view();
    let foot = table
        .foot
        .map(|cells| view! { <tfoot><tr>{row(cells)}</tr></tfoot> });
    let app = use_app();
    let download = move |_| {
        let day = super::format::input_date(Some(browser::today()));
        let name = format!("kontaktnetz-{testid}-{day}.csv");
        if browser::download(&name, "text/csv;charset=utf-8", &csv).is_err() {
            app.notify(texts::DOWNLOAD_FAILED.into());
        }
    };
    view! {
        <div class="table-end">
            <ScrollBox>
                <table class="table" data-testid=testid>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                    {foot}
                </table>
            </ScrollBox>
            <button type="button" class="csv no-print" on:click=download data-testid=format!("{testid}-csv")>
                "Als CSV herunterladen"
            </button>
        </div>
    }
    .into_any()
}

/// One bar of a chart: its label, value, colour class and the list behind it.
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub class: &'static str,
    pub href: String,
}

/// A horizontal bar chart as inline SVG. The numbers are also in the table next to it, so the
/// chart itself is one image with a summary for screen readers.
pub fn bar_chart(title: &str, bars: &[Bar]) -> AnyView {
    use crate::ui::chart::bar_length;
    const ROW: u32 = 36;
    const LABEL: u32 = 150;
    const PLOT: u32 = 380;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
    let height = ROW * bars.len() as u32;
    let summary = bars
        .iter()
        .map(|b| format!("{} {}", b.label, texts::number(b.value as i64)))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as u32 * ROW;
            let width = bar_length(b.value, max, PLOT);
            view! {
                <text x="0" y=y + 23>{b.label.clone()}</text>
                <rect class=format!("bar-{}", b.class) x=LABEL y=y + 6 width=width height=ROW - 12 rx="3" />
                <text x=LABEL + width + 8 y=y + 23>{texts::number(b.value as i64)}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {} {height}", LABEL + PLOT + 70) role="img"
            aria-label=format!("{title}: {summary}")>
            {rows}
        </svg>
    }
    .into_any()
}

/// One column of a column chart: its label under it, its height and the value shown.
pub struct Column {
    pub label: String,
    pub value: u64,
    pub shown: String,
}

/// Vertical columns for a series (months, deciles, weeks). Values are printed above the
/// columns while there is room; the accessible name lists them all.
pub fn column_chart(title: &str, columns: &[Column], testid: &'static str) -> AnyView {
    use crate::ui::chart::{band, bar_length};
    const WIDTH: u32 = 720;
    const PLOT: u32 = 200;
    const TOP: u32 = 24;
    let max = columns.iter().map(|c| c.value).max().unwrap_or(0);
    let n = columns.len() as u32;
    let summary = columns
        .iter()
        .map(|c| format!("{} {}", c.label, c.shown))
        .collect::<Vec<_>>()
        .join(", ");
    let values_fit = n <= 12;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (x, w) = band(i as u32, n, WIDTH, 4);
            let h = bar_length(c.value, max, PLOT);
            let middle = x + w / 2;
            view! {
                <rect class="column" x=x y=TOP + PLOT - h width=w height=h rx="2" />
                <text class="axis" x=middle y=TOP + PLOT + 18 text-anchor="middle">{c.label.clone()}</text>
                {values_fit.then(|| view! {
                    <text x=middle y=TOP + PLOT - h - 6 text-anchor="middle">{c.shown.clone()}</text>
                })}
            }
        })
        .collect_view();
    view! {
        <svg class="chart columns" viewBox=format!("0 0 {WIDTH} {}", TOP + PLOT + 28) role="img"
            aria-label=format!("{title}: {summary}") data-testid=testid>
            {bars}
        </svg>
    }
    .into_any()
}

/// Consent state and the date it was given or refused.
#[component]
pub fn ConsentFields(state: RwSignal<String>, since: RwSignal<String>) -> impl IntoView {
    use crate::domain::vocab::ConsentState;
    let options: Vec<(String, String)> = ConsentState::ALL
        .iter()
        .map(|c| (c.key().to_owned(), texts::consent_short(*c).to_owned()))
        .collect();
    view! {
        <fieldset class="group">
            <legend>"Werbeeinwilligung (Telefon / E-Mail)"</legend>
            <SelectField label="Einwilligung" value=state options=options />
            <TextField label="Einwilligung seit" value=since kind="date" />
        </fieldset>
    }
}

/// Name, phone and e-mail inputs with their field errors, shared by the contact-person and the
/// colleague form.
#[derive(Clone, Copy)]
pub struct ContactInputs {
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    name_error: RwSignal<Option<String>>,
    phone_error: RwSignal<Option<String>>,
    email_error: RwSignal<Option<String>>,
}

impl ContactInputs {
    pub fn new(fields: reach::ReachFields) -> Self {
        Self {
            name: RwSignal::new(fields.name),
            phone: RwSignal::new(fields.phone),
            email: RwSignal::new(fields.email),
            name_error: RwSignal::new(None),
            phone_error: RwSignal::new(None),
            email_error: RwSignal::new(None),
        }
    }

    pub fn fields(&self) -> reach::ReachFields {
        reach::ReachFields {
            name: self.name.get_untracked(),
            phone: self.phone.get_untracked(),
            email: self.email.get_untracked(),
        }
    }

    /// Shows each of the three fields' problem among `errors`, and clears the others'.
    pub fn show(&self, errors: &[FieldError]) {
        let at = |field: &str| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        };
        self.name_error.set(at(reach::NAME));
        self.phone_error.set(at(reach::PHONE));
        self.email_error.set(at(reach::EMAIL));
    }
}

#[component]
pub fn NameField(inputs: ContactInputs) -> impl IntoView {
    view! {
        <TextField label="Name" value=inputs.name error=inputs.name_error.into() required=true autocomplete="off" />
    }
}

#[component]
pub fn ReachFields(inputs: ContactInputs) -> impl IntoView {
    view! {
        <TextField label="Telefon" value=inputs.phone kind="tel" error=inputs.phone_error.into() autocomplete="off" />
        <TextField label="E-Mail" value=inputs.email kind="email" error=inputs.email_error.into() autocomplete="off" />
    }
}

/// Large tap tiles for a closed set: radio buttons (pick one; tapping the picked one again
/// clears an optional choice) or checkboxes (pick many). Options are (key, label, marked);
/// marked ones are outside the plan. `confirm` may refuse a pick, which undoes the tap.
#[component]
pub fn Tiles(
    legend: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String, bool)>>,
    picked: RwSignal<Vec<String>>,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] optional: bool,
    #[prop(optional)] confirm: Option<Callback<String, bool>>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let name = field_id(legend);
    let kind = if multiple { "checkbox" } else { "radio" };
    let fieldset_id = name.clone();
    let (invalid, described_by, message) = field_error(error, &name);
    let marked = invalid.clone();
    view! {
        <fieldset class="criterion tiles" id=fieldset_id class:invalid=move || marked().is_some()
            role=(!multiple).then_some("radiogroup")
            aria-invalid=move || invalid().filter(|_| !multiple)
            aria-describedby=described_by>
            <legend>{legend}</legend>
            {message}
            <div class="choices">
                {move || options.get().into_iter().map(|(key, label, marked)| {
                    let is_picked = {
                        let key = key.clone();
                        move || picked.with(|p| p.contains(&key))
                    };
                    let tap = move |ev: leptos::ev::MouseEvent| {
                        let on = picked.with_untracked(|p| p.contains(&key));
                        if !on && confirm.is_some_and(|c| !c.run(key.clone())) {
                            ev.prevent_default();
                            return;
                        }
                        picked.update(|p| match (multiple, on) {
                            (true, true) => p.retain(|k| *k != key),
                            (true, false) => p.push(key.clone()),
                            (false, true) if optional => p.clear(),
                            (false, true) => {}
                            (false, false) => *p = vec![key.clone()],
                        });
                    };
                    view! {
                        <label class="choice" class:marked=marked>
                            <input type=kind name=name.clone() prop:checked=is_picked on:click=tap />
                            <span>{label}</span>
                            {marked.then(|| view! { <span class="points">"nicht vorgesehen"</span> })}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// (key, label, not marked) tiles for every value of a closed vocabulary.
pub fn vocab_tiles<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String, bool)> {
    all.iter()
        .map(|v| (key(*v).to_owned(), label(*v).to_owned(), false))
        .collect()
}

/// Select options of a closed vocabulary, `first` (empty value) at the top.
pub fn vocab_options<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    first: &str,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), first.to_owned()))
        .chain(
            all.iter()
                .map(|v| (key(*v).to_owned(), label(*v).to_owned())),
        )
        .collect()
}

/// Select options of every colleague, `first` (empty value) at the top.
pub fn colleague_options(book: &crate::domain::book::Book, first: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), first.to_owned()))
        .chain(
            book.colleagues()
                .values()
                .map(|k| (k.id.to_string(), k.name.to_string())),
        )
        .collect()
}

/// A wide table's box: it scrolls sideways inside, never the page. The first column stays and
/// a shade at the right edge shows while columns follow, both drawn by CSS alone (no code to
/// measure). The box is a tab stop, so the arrow keys scroll it even when the table holds
/// nothing focusable.
#[component]
pub fn ScrollBox(children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=texts::TABLE_BOX>
            {children()}
        </div>
    }
}
