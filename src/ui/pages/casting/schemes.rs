//! Editing the casting scheme of a segment: thresholds, criteria and answers with points and
//! departments, and per class the contact plan. Saving never touches past castings; it says
//! how many groups would now come out differently.

use crate::domain::casting::portfolio::{overview, CastingFilter};
use crate::domain::casting::scheme::{default_scheme, Choice, Criterion, Scheme};
use crate::domain::ids::Key;
use crate::domain::text::Name;
use crate::domain::vocab::{Class, Department, Format, Segment};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{ScrollBox, SelectField};
use crate::ui::forms::casting::scheme::{parse_label, Departments, Place};
use crate::ui::pages::book::group_form::segment_options;
use crate::ui::route::{groups_with, segment_of, with_segment, Route, DEFAULT_SEGMENT};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A scheme being edited. Typing changes the draft without re-rendering (focus stays where it
/// is); adding or removing rows bumps `shape`, which renders the editor again.
#[derive(Clone, Copy)]
pub struct Draft {
    pub scheme: StoredValue<Scheme>,
    pub shape: RwSignal<u32>,
    /// Bumped on every change, for live figures computed from the draft.
    pub edits: RwSignal<u32>,
}

impl Draft {
    pub fn new(scheme: Scheme) -> Self {
        Draft {
            scheme: StoredValue::new(scheme),
            shape: RwSignal::new(0),
            edits: RwSignal::new(0),
        }
    }

    pub fn edit(self, f: impl FnOnce(&mut Scheme)) {
        self.scheme.update_value(f);
        self.edits.update(|n| *n += 1);
    }

    pub fn reshape(self, f: impl FnOnce(&mut Scheme)) {
        self.edit(f);
        self.shape.update(|n| *n += 1);
    }

    pub fn reset(self, scheme: Scheme) {
        self.reshape(|s| *s = scheme);
    }
}

/// A number input bound to a place in the draft; a value that is not a number in range is
/// refused with a message and leaves the draft as it was.
fn number_input(
    draft: Draft,
    label: String,
    value: i64,
    place: Place,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let (min, max) = place.range();
    let label_text = label.clone();
    let on_change = move |ev| match place.parse(&event_target_value(&ev), &label_text) {
        Ok(n) => {
            error.set(None);
            draft.edit(|s| place.set(s, n));
        }
        Err(message) => error.set(Some(message)),
    };
    view! {
        <input type="number" inputmode="numeric" value=value.to_string() aria-label=label
            min=min.to_string() max=max.to_string() on:change=on_change />
    }
}

/// Checkboxes for the departments of an answer or a class.
fn department_checks(
    draft: Draft,
    name: String,
    chosen: &[Department],
    list: Departments,
) -> impl IntoView {
    let boxes = Department::ALL
        .iter()
        .map(|d| {
            let d = *d;
            view! {
                <label class="choice">
                    <input type="checkbox" checked=chosen.contains(&d)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.edit(|s| list.set(s, d, on));
                        } />
                    <span>{texts::department(d)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>{texts::of_row(&name, &texts::departments(chosen))}</summary>
            <div class="choices">{boxes}</div>
        </details>
    }
}

/// The contact plan of every class: which formats are allowed, how many a year, how long.
pub fn plan_grid(draft: Draft, error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        draft.shape.track();
        draft.scheme.with_value(|scheme| {
            Class::ALL
                .iter()
                .map(|class| {
                    let class = *class;
                    let k = class as usize;
                    let rule = scheme.rule(class).clone();
                    let rows = Format::ALL
                        .iter()
                        .map(|f| {
                            let f = *f;
                            let planned = rule.planned(f);
                            let minutes = scheme.minutes_of(f);
                            let name = texts::plan_cell(f, class);
                            let inputs = planned.map(|p| {
                                view! {
                                    <td>{number_input(draft, texts::of_row(&name, "pro Jahr"), p.per_year.into(), Place::PerYear(k, f), error)}</td>
                                    <td>{number_input(draft, texts::of_row(&name, "Minuten"), p.minutes.into(), Place::Minutes(k, f), error)}</td>
                                }
                            });
                            view! {
                                <tr>
                                    <td class="left">
                                        <label class="choice">
                                            <input type="checkbox" checked=planned.is_some()
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    draft.reshape(|s| s.classes[k].set_allowed(f, on, minutes));
                                                } />
                                            <span>{texts::format(f)}</span>
                                        </label>
                                    </td>
                                    {inputs.map_or_else(|| view! { <td colspan="2" class="left">"ausgeschlossen"</td> }.into_any(), IntoAny::into_any)}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="box" data-testid=format!("plan-{}", class.key())>
                            <h3>{texts::class_title(class)}</h3>
                            <p>{move || {
                                draft.edits.track();
                                draft.scheme.with_value(|s| texts::plan_summary(s.rule(class)))
                            }}</p>
                            <ScrollBox>
                                <table class="table">
                                    <thead><tr><th scope="col">"Format (erlaubt)"</th><th scope="col">"pro Jahr"</th><th scope="col">"Minuten"</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </ScrollBox>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}

fn class_departments(draft: Draft) -> impl IntoView {
    move || {
        draft.shape.track();
        draft.scheme.with_value(|scheme| {
            Class::ALL
                .iter()
                .map(|class| {
                    let k = *class as usize;
                    department_checks(
                        draft,
                        texts::class_always_with(*class),
                        &scheme.classes[k].departments,
                        Departments::Class(k),
                    )
                })
                .collect_view()
        })
    }
}

/// Writes an edited label into its place in the scheme.
type SetName = Box<dyn Fn(&mut Scheme, Name)>;

fn criteria_editor(draft: Draft, error: RwSignal<Option<String>>) -> impl IntoView {
    let label_input = move |label: String, value: String, set: SetName| {
        let label_text = label.clone();
        let on_change = move |ev| match parse_label(&event_target_value(&ev), &label_text) {
            Ok(name) => {
                error.set(None);
                draft.edit(|s| set(s, name));
            }
            Err(message) => error.set(Some(message)),
        };
        view! { <input type="text" value=value aria-label=label on:change=on_change /> }
    };
    move || {
        draft.shape.track();
        draft.scheme.with_value(|scheme| {
            scheme
                .criteria
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let choices = c
                        .choices
                        .iter()
                        .enumerate()
                        .map(|(j, o)| {
                            let name = texts::answer_of(j + 1, c.label.as_str());
                            view! {
                                <tr>
                                    <td class="left">{label_input(name.clone(), o.label.to_string(),
                                        Box::new(move |s, n| s.criteria[i].choices[j].label = n))}</td>
                                    <td>{number_input(draft, texts::of_row(&name, "Punkte"), o.points.into(), Place::Points(i, j), error)}</td>
                                    <td class="left">{department_checks(draft, "Mitbetreuung".into(), &o.departments, Departments::Choice(i, j))}</td>
                                    <td><button type="button" class="quiet" aria-label=texts::remove_label(&name)
                                        on:click=move |_| draft.reshape(|s| { s.criteria[i].choices.remove(j); })>"Entfernen"</button></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let name = texts::criterion_number(i + 1);
                    view! {
                        <fieldset class="group" data-testid="criterion">
                            <legend>{name.clone()}</legend>
                            <div class="filters">
                                <div class="field grow">{label_input(texts::of_row(&name, "Bezeichnung"), c.label.to_string(),
                                    Box::new(move |s, n| s.criteria[i].label = n))}</div>
                                <button type="button" class="danger" on:click=move |_| draft.reshape(|s| { s.criteria.remove(i); })>
                                    "Kriterium entfernen"
                                </button>
                            </div>
                            <ScrollBox>
                                <table class="table">
                                    <thead><tr><th scope="col">"Antwort"</th><th scope="col">"Punkte"</th><th scope="col">"Fachbereiche"</th><th scope="col"><span class="sr-only">"Entfernen"</span></th></tr></thead>
                                    <tbody>{choices}</tbody>
                                </table>
                            </ScrollBox>
                            <button type="button" on:click=move |_| draft.reshape(|s| s.criteria[i].choices.push(new_choice()))>
                                "Antwort hinzufügen"
                            </button>
                        </fieldset>
                    }
                })
                .collect_view()
        })
    }
}

fn new_choice() -> Choice {
    Choice {
        key: Key::generate(browser::random_u64()),
        label: Name::known("Neue Antwort"),
        points: 0,
        departments: Vec::new(),
    }
}

#[component]
pub fn Schemes() -> impl IntoView {
    let app = use_app();
    let segment = RwSignal::new(segment_of(&browser::current_hash()).key().to_owned());
    let current = move || Segment::from_key(&segment.get_untracked()).unwrap_or(DEFAULT_SEGMENT);
    let stored = move || {
        app.book
            .with_untracked(|b| b.settings().casting.scheme(current()))
    };
    let draft = Draft::new(stored());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    Effect::new(move |prev: Option<()>| {
        segment.track();
        if prev.is_some() {
            browser::replace_hash(&with_segment(&Route::Schemes, current()));
            draft.reset(stored());
            saved.set(None);
        }
    });
    let segment_options = segment_options();

    let save = move |_| {
        let scheme = draft.scheme.get_value();
        let result = app.change(|b| {
            let mut settings = b.settings().casting.clone();
            settings
                .set_scheme(scheme)
                .map_err(crate::domain::book::Problem::Scheme)?;
            b.set_casting_settings(settings)
        });
        match result {
            Ok(()) => {
                error.set(None);
                let differs = app
                    .book
                    .with_untracked(|b| overview(b, browser::today()).differs);
                saved.set(Some(texts::scheme_saved(differs)));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let thresholds = move || {
        draft.shape.track();
        let t = draft.scheme.with_value(|s| s.thresholds);
        view! {
            <div class="filters">
                {[(t.a, "A"), (t.b, "B"), (t.c, "C")].into_iter().enumerate().map(|(i, (value, class))| {
                    let label = texts::threshold_label(class);
                    view! { <label class="field">{label.clone()}{number_input(draft, label, value.into(), Place::Threshold(i), error)}</label> }
                }).collect_view()}
            </div>
        }
    };

    view! {
        <section class="page">
            <h1 tabindex="-1">"Casting-Schemata"</h1>
            <p class="lead">"Je Segment: Kriterien mit Punkten, Schwellen für A, B und C (darunter D) und je Klasse der Kontaktplan. Bestehende Castings bleiben unverändert."</p>
            <SelectField label="Segment" value=segment options=segment_options />
            <h2>"Schwellen"</h2>
            {thresholds}
            <h2>"Kriterien"</h2>
            {criteria_editor(draft, error)}
            <button type="button" on:click=move |_| draft.reshape(|s| s.criteria.push(Criterion {
                key: Key::generate(browser::random_u64()),
                label: Name::known("Neues Kriterium"),
                choices: vec![new_choice(), new_choice()],
            }))>"Kriterium hinzufügen"</button>
            <h2>"Klassen: Kontaktplan"</h2>
            <div class="cards">{plan_grid(draft, error)}</div>
            <h2>"Klassen: Mitbetreuung"</h2>
            {class_departments(draft)}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || saved.get().map(|m| view! {
                <p role="status" data-testid="scheme-saved">{m}" "
                    <a href=groups_with(&CastingFilter::Differs, None)>"Liste anzeigen"</a></p>
            })}
            <div class="actions sticky">
                <button type="button" class="primary" on:click=save data-testid="scheme-save">"Schema speichern"</button>
                <button type="button" on:click=move |_| { draft.reset(stored()); error.set(None); }>"Verwerfen"</button>
                <button type="button" on:click=move |_| draft.reset(default_scheme(current()))>"Standard laden"</button>
            </div>
        </section>
    }
}
