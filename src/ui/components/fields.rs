//! Form fields bound to signals, with their problems shown at the field, and the tap tiles.

use leptos::prelude::*;

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
    #[prop(optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id(label));
    let (invalid, described_by, message) = field_error(error, &id);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=invalid aria-describedby=described_by>
                {move || options.get().into_iter().map(|(v, text)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            {message}
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
