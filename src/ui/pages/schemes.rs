//! Editing the casting scheme of a segment: thresholds, criteria and answers with points and
//! departments, and per class the contact plan. Saving never touches past castings; it says
//! how many groups would now come out differently.

use crate::domain::ids::Key;
use crate::domain::portfolio::{overview, CastingFilter};
use crate::domain::scheme::{default_scheme, Choice, Criterion, Scheme};
use crate::domain::text::Name;
use crate::domain::vocab::{Class, Department, Format, Segment};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::SelectField;
use crate::ui::route::{groups_with, query, with_query, Route};
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

/// A number input bound to a part of the draft; a value that is not a number is refused with
/// a message and leaves the draft as it was.
fn number_input(
    draft: Draft,
    label: String,
    value: i64,
    range: (i64, i64),
    error: RwSignal<Option<String>>,
    set: impl Fn(&mut Scheme, i64) + 'static,
) -> impl IntoView {
    let label_text = label.clone();
    let on_change = move |ev| match event_target_value(&ev).trim().parse::<i64>() {
        Ok(n) if (range.0..=range.1).contains(&n) => {
            error.set(None);
            draft.edit(|s| set(s, n));
        }
        _ => error.set(Some(texts::bad_number(&label_text, range.0, range.1))),
    };
    view! {
        <input type="number" inputmode="numeric" value=value.to_string() aria-label=label
            min=range.0.to_string() max=range.1.to_string() on:change=on_change />
    }
}

/// Checkboxes for the departments of an answer or a class.
fn department_checks(
    draft: Draft,
    name: String,
    chosen: &[Department],
    list: impl Fn(&mut Scheme) -> &mut Vec<Department> + Copy + 'static,
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
                            draft.edit(|s| {
                                let l = list(s);
                                l.retain(|x| *x != d);
                                if on {
                                    l.push(d);
                                    l.sort();
                                }
                            });
                        } />
                    <span>{texts::department(d)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>{format!("{name}: {}", texts::departments(chosen))}</summary>
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
                            let name = format!("{} Klasse {}", texts::format(f), texts::class_name(class));
                            let inputs = planned.map(|p| {
                                view! {
                                    <td>{number_input(draft, format!("{name}: pro Jahr"), p.per_year.into(), (0, 52), error,
                                        move |s, n| s.classes[k].update(f, |p| p.per_year = n as u8))}</td>
                                    <td>{number_input(draft, format!("{name}: Minuten"), p.minutes.into(), (0, 600), error,
                                        move |s, n| s.classes[k].update(f, |p| p.minutes = n as u16))}</td>
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
                            <h3>{format!("Klasse {}", texts::class_name(class))}</h3>
                            <p>{move || {
                                draft.edits.track();
                                draft.scheme.with_value(|s| texts::plan_summary(s.rule(class)))
                            }}</p>
                            <div class="scroll">
                                <table class="table">
                                    <thead><tr><th scope="col">"Format (erlaubt)"</th><th scope="col">"pro Jahr"</th><th scope="col">"Minuten"</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
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
                        format!("Klasse {} immer mit", texts::class_name(*class)),
                        &scheme.classes[k].departments,
                        move |s: &mut Scheme| &mut s.classes[k].departments,
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
        let on_change = move |ev| match Name::parse(&event_target_value(&ev)) {
            Ok(name) => {
                error.set(None);
                draft.edit(|s| set(s, name));
            }
            Err(e) => error.set(Some(format!("{label_text} {e}"))),
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
                            let name = format!("Antwort {} von „{}“", j + 1, c.label);
                            view! {
                                <tr>
                                    <td class="left">{label_input(name.clone(), o.label.to_string(),
                                        Box::new(move |s, n| s.criteria[i].choices[j].label = n))}</td>
                                    <td>{number_input(draft, format!("{name}: Punkte"), o.points.into(), (-99, 99), error,
                                        move |s, n| s.criteria[i].choices[j].points = n as i32)}</td>
                                    <td class="left">{department_checks(draft, "Mitbetreuung".into(), &o.departments,
                                        move |s: &mut Scheme| &mut s.criteria[i].choices[j].departments)}</td>
                                    <td><button type="button" class="quiet" aria-label=format!("{name} entfernen")
                                        on:click=move |_| draft.reshape(|s| { s.criteria[i].choices.remove(j); })>"Entfernen"</button></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let name = format!("Kriterium {}", i + 1);
                    view! {
                        <fieldset class="group" data-testid="criterion">
                            <legend>{name.clone()}</legend>
                            <div class="filters">
                                <div class="field grow">{label_input(format!("{name}: Bezeichnung"), c.label.to_string(),
                                    Box::new(move |s, n| s.criteria[i].label = n))}</div>
                                <button type="button" class="danger" on:click=move |_| draft.reshape(|s| { s.criteria.remove(i); })>
                                    "Kriterium entfernen"
                                </button>
                            </div>
                            <div class="scroll">
                                <table class="table">
                                    <thead><tr><th scope="col">"Antwort"</th><th scope="col">"Punkte"</th><th scope="col">"Fachbereiche"</th><th scope="col">""</th></tr></thead>
                                    <tbody>{choices}</tbody>
                                </table>
                            </div>
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
    let initial = query(&browser::current_hash())
        .into_iter()
        .find(|(k, _)| k == "segment")
        .and_then(|(_, v)| Segment::from_key(&v))
        .unwrap_or(Segment::Corporate);
    let segment = RwSignal::new(initial.key().to_owned());
    let current = move || Segment::from_key(&segment.get_untracked()).unwrap_or(Segment::Corporate);
    let stored = move || {
        app.book
            .with_untracked(|b| b.settings().casting.scheme(current()))
    };
    let draft = Draft::new(stored());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    Effect::new(move |prev: Option<()>| {
        let key = segment.get();
        browser::replace_hash(&with_query(&Route::Schemes.href(), &[("segment", &key)]));
        if prev.is_some() {
            draft.reset(stored());
            saved.set(None);
        }
    });
    let segment_options: Vec<(String, String)> = Segment::ALL
        .iter()
        .map(|s| (s.key().to_owned(), texts::segment(*s).to_owned()))
        .collect();

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
                <label class="field">"A ab Punkten"{number_input(draft, "A ab Punkten".into(), t.a.into(), (-999, 999), error, |s, n| s.thresholds.a = n as i32)}</label>
                <label class="field">"B ab Punkten"{number_input(draft, "B ab Punkten".into(), t.b.into(), (-999, 999), error, |s, n| s.thresholds.b = n as i32)}</label>
                <label class="field">"C ab Punkten"{number_input(draft, "C ab Punkten".into(), t.c.into(), (-999, 999), error, |s, n| s.thresholds.c = n as i32)}</label>
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
