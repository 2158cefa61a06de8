//! Recording a contact, the tablet moment: everything prefilled, one tap per answer, the next
//! contact agreed on the same screen. Also edits and deletes a recorded contact.

use crate::domain::book::Book;
use crate::domain::casting::scheme::ClassRule;
use crate::domain::contact::reminder::{due_now, GroupFacts};
use crate::domain::contact::{draft, expected_format, Contact, Draft, Pick, Planned};
use crate::domain::ids::{ContactId, GroupId, PlannedId};
use crate::domain::text::Name;
use crate::domain::time_format::format_clock;
use crate::domain::vocab::{
    sort_topics, Channel, Class, ContactOutcome, Department, Direction, Format,
};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    error_at, show_problem, vocab_tiles, BarError, FieldError, SelectField, TextArea, TextField,
    Tiles,
};
use crate::ui::format;
use crate::ui::forms::contact::{
    ContactFields, Stamp, DATE, FOLLOW_UP_DATE, FORMAT, MORE_TOPICS, NOTES, TIME,
};
use crate::ui::forms::first_pick;
use crate::ui::route::{param, Route};
use crate::ui::state::use_app;
use chrono::NaiveDate;
use leptos::prelude::*;

/// What the form needs from the book, read once when it opens.
struct Setup {
    group_name: String,
    class: Option<(Class, ClassRule)>,
    colleagues: Vec<(String, String)>,
    persons: Vec<(String, String, bool)>,
    draft: Draft,
    existing: Option<Contact>,
    follow_up: Option<Planned>,
    closes: Option<Planned>,
    /// Co-serving departments behind their target, with (id, name) of who serves them.
    also_due: Vec<(Department, Vec<(String, String)>)>,
}

fn setup(
    b: &Book,
    group: &GroupId,
    id: Option<&ContactId>,
    closes: Option<&PlannedId>,
    today: NaiveDate,
) -> Option<Setup> {
    let g = b.groups().get(group)?;
    let also_due = GroupFacts::of(b, g, today)
        .departments_due(today)
        .into_iter()
        .map(|(d, serving)| {
            let named = serving
                .iter()
                .filter_map(|k| b.colleagues().get(k))
                .map(|k| (k.id.to_string(), k.name.to_string()))
                .collect();
            (d, named)
        })
        .collect();
    let existing = id.and_then(|id| b.contacts().get(id)).cloned();
    let follow_up = existing
        .as_ref()
        .and_then(|c| b.follow_up_of(c))
        .filter(|p| p.is_open())
        .cloned();
    let closes = closes
        .and_then(|p| b.planned().get(p))
        .filter(|p| p.group == *group && p.is_open())
        .cloned();
    Some(Setup {
        group_name: g.name.to_string(),
        class: b
            .current_casting(group)
            .map(|c| (c.class(), c.rule.clone())),
        colleagues: b
            .colleagues()
            .values()
            .map(|k| (k.id.to_string(), k.name.to_string()))
            .collect(),
        persons: person_tiles(b, group),
        draft: draft(b.settings().me.as_ref(), g, closes.as_ref()),
        existing,
        follow_up,
        closes,
        also_due,
    })
}

/// The group's contact persons as tiles; a name that occurs twice says whose it is.
fn person_tiles(b: &Book, group: &GroupId) -> Vec<(String, String, bool)> {
    let persons: Vec<_> = b.group_persons(group).collect();
    persons
        .iter()
        .map(|p| {
            let twins = persons.iter().filter(|q| q.name == p.name).count();
            let label = match b.customers().get(&p.customer) {
                Some(c) if twins > 1 => texts::person_of(p.name.as_str(), c.name.as_str()),
                _ => p.name.to_string(),
            };
            (p.id.to_string(), label, false)
        })
        .collect()
}

fn keys<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

/// Outcome choices: a talk without a particular outcome first, then the vocabulary.
fn outcome_tiles() -> Vec<(String, String, bool)> {
    let mut tiles = vec![(String::new(), texts::OUTCOME_TALKED.to_owned(), false)];
    tiles.extend(vocab_tiles(
        ContactOutcome::ALL,
        ContactOutcome::key,
        texts::outcome,
    ));
    tiles
}

/// Format choices for a group: the class's plan marks the formats it does not foresee.
pub fn format_tiles(rule: Option<&ClassRule>) -> Vec<(String, String, bool)> {
    Format::ALL
        .iter()
        .map(|f| {
            let marked = rule.is_some_and(|r| !r.allows(*f));
            (f.key().to_owned(), texts::format(*f).to_owned(), marked)
        })
        .collect()
}

/// Date, quick picks, format and colleague of a planned contact; shared by the contact form
/// (the follow-up) and the planned-contact form.
#[component]
pub fn FollowUpFields(
    date: RwSignal<String>,
    format: RwSignal<Vec<String>>,
    /// Format tiles (see [`format_tiles`]).
    formats: Vec<(String, String, bool)>,
    who: RwSignal<String>,
    /// The day the quick picks count from.
    from: Signal<Option<NaiveDate>>,
    per_year: u32,
    colleagues: Vec<(String, String)>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let picks = Pick::ALL
        .iter()
        .filter(|p| **p != Pick::ClassFrequency || per_year > 0)
        .map(|p| {
            let p = *p;
            let set = move |_| {
                if let Some(d) = from.get_untracked().and_then(|f| p.date(f, per_year)) {
                    date.set(format::input_date(Some(d)));
                }
            };
            view! { <button type="button" class="pick" on:click=set>{texts::pick(p, per_year)}</button> }
        })
        .collect_view();
    let who_options: Vec<(String, String)> =
        std::iter::once((String::new(), "– offen –".to_owned()))
            .chain(colleagues)
            .collect();
    view! {
        <div class="picks" role="group" aria-label="Schnellauswahl Datum">{picks}</div>
        <TextField label="Datum des nächsten Kontakts" value=date kind="date" id=FOLLOW_UP_DATE error=error.unwrap_or_default() />
        <Tiles legend="Format des nächsten Kontakts" options=formats picked=format />
        <SelectField label="Wer übernimmt" value=who options=who_options id="f-folge-wer" />
    }
}

#[component]
pub fn ContactForm(group: GroupId, id: Option<ContactId>) -> impl IntoView {
    let app = use_app();
    let hash = browser::current_hash();
    let closes_id: Option<PlannedId> = param(&hash, "plan").and_then(|p| p.parse().ok());
    let customer = param(&hash, "kunde");
    let back = param(&hash, "zurueck")
        .filter(|r| {
            r.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'/')
        })
        .map_or_else(|| Route::Group(group.clone()).href(), |r| format!("#/{r}"));
    let Some(s) = app
        .book
        .with_untracked(|b| setup(b, &group, id.as_ref(), closes_id.as_ref(), browser::today()))
    else {
        return view! { <crate::ui::pages::Missing /> }.into_any();
    };
    let now = browser::local_now();
    let e = s.existing.as_ref();
    let at = e.map_or(now, |c| c.at);
    let date = RwSignal::new(format::input_date(Some(at.date())));
    let time = RwSignal::new(format_clock(at.time()));
    let d = &s.draft;
    let channel = RwSignal::new(vec![e.map_or(d.channel, |c| c.channel).key().to_owned()]);
    let format_pick = RwSignal::new(
        e.map(|c| c.format)
            .or(d.format)
            .map(|f| vec![f.key().to_owned()])
            .unwrap_or_default(),
    );
    let direction = RwSignal::new(vec![e
        .map_or(d.direction, |c| c.direction)
        .key()
        .to_owned()]);
    let bank = RwSignal::new(match e {
        Some(c) => keys(&c.bank),
        None => d.who.iter().map(ToString::to_string).collect(),
    });
    let people = RwSignal::new(match (e, &customer) {
        (Some(c), _) => keys(&c.people),
        (None, Some(cust)) => app.book.with_untracked(|b| {
            cust.parse()
                .map(|c| b.persons_of(&c).map(|p| p.id.to_string()).collect())
                .unwrap_or_default()
        }),
        _ => Vec::new(),
    });
    let topic_chips: Vec<String> = e.map_or_else(Vec::new, |c| {
        c.topics
            .iter()
            .map(Name::to_string)
            .filter(|t| texts::TOPICS.contains(&t.as_str()))
            .collect()
    });
    let extra_topics = e.map_or_else(String::new, |c| {
        c.topics
            .iter()
            .map(Name::to_string)
            .filter(|t| !texts::TOPICS.contains(&t.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let topics = RwSignal::new(topic_chips);
    let more_topics = RwSignal::new(extra_topics);
    // "Gespräch geführt" (no particular outcome) is a tile of its own and the default.
    let outcome = RwSignal::new(vec![e
        .and_then(|c| c.outcome)
        .map_or("", |o| o.key())
        .to_owned()]);
    let notes = RwSignal::new(e.map(|c| c.notes.clone()).unwrap_or_default());
    let f = s.follow_up.as_ref();
    let fu_date = RwSignal::new(format::input_date(f.map(|p| p.date)));
    let per_year = s.class.as_ref().map_or(0, |(_, r)| r.contacts());
    // The follow-up's format follows the class plan (what is most behind, counting the contact
    // being recorded) until the advisor picks one.
    let expected = {
        let group = group.clone();
        let today = now.date();
        move |also: Option<Format>| {
            app.book
                .with_untracked(|b| expected_format(b, &group, today, also))
                .key()
                .to_owned()
        }
    };
    let fu_format = RwSignal::new(vec![match f {
        Some(p) => p.format.key().to_owned(),
        None => expected(format_pick.with_untracked(|p| first_pick(p, Format::from_key))),
    }]);
    let suggested = StoredValue::new(fu_format.get_untracked());
    if f.is_none() {
        Effect::new(move |_| {
            let next = vec![expected(
                format_pick.with_untracked(|p| first_pick(p, Format::from_key)),
            )];
            if fu_format.get_untracked() == suggested.get_value() {
                fu_format.set(next.clone());
            }
            suggested.set_value(next);
        });
    }
    let fu_who = RwSignal::new(
        f.map_or(s.draft.who.clone(), |p| p.who.clone())
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<FieldError>);

    let rule = s.class.clone();
    let confirm = Callback::new(
        move |key: String| match (Format::from_key(&key), rule.as_ref()) {
            (Some(f), Some((class, r))) if !r.allows(f) => {
                browser::confirm(&texts::format_not_planned(f, *class))
            }
            _ => true,
        },
    );
    let contact_day = Signal::derive(move || format::parse_input_date(&date.get()).ok().flatten());

    let existing_id = s.existing.as_ref().map(|c| c.id.clone());
    let follow_up_id = s.follow_up.as_ref().map(|p| p.id.clone());
    let closes = s.closes.as_ref().map(|p| p.id.clone());
    let group_name = s.group_name.clone();
    let submit_group = group.clone();
    let submit_back = back.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = ContactFields {
            date: date.get_untracked(),
            time: time.get_untracked(),
            format: format_pick.get_untracked(),
            channel: channel.get_untracked(),
            direction: direction.get_untracked(),
            people: people.get_untracked(),
            bank: bank.get_untracked(),
            topics: topics.get_untracked(),
            more_topics: more_topics.get_untracked(),
            outcome: outcome.get_untracked(),
            notes: notes.get_untracked(),
            follow_up_date: fu_date.get_untracked(),
            follow_up_format: fu_format.get_untracked(),
            follow_up_who: fu_who.get_untracked(),
        };
        let parsed = fields.parse(&Stamp {
            group: submit_group.clone(),
            contact: existing_id
                .clone()
                .unwrap_or_else(|| ContactId::generate(browser::random_u64())),
            follow_up: follow_up_id
                .clone()
                .unwrap_or_else(|| PlannedId::generate(browser::random_u64())),
            now: browser::local_now(),
            updated_at: browser::now(),
        });
        let (contact, follow_up) = match parsed {
            Ok(v) => v,
            Err(e) => return show_problem(error, e),
        };
        let next = follow_up.as_ref().map(|p| p.date);
        match app.change(|b| b.record_contact(contact, follow_up, closes.as_ref(), browser::now()))
        {
            Ok(()) => {
                let still_due = app.book.with_untracked(|b| {
                    let Some(g) = b.groups().get(&submit_group) else {
                        return Vec::new();
                    };
                    due_now(b, g, browser::today())
                        .iter()
                        .map(|r| texts::reason_in(b, r))
                        .collect::<Vec<_>>()
                });
                app.notify(texts::contact_saved(&group_name, next, &still_due));
                browser::navigate(&submit_back);
            }
            Err(e) => error.set(Some(FieldError::new("", e))),
        }
    };

    let delete = s.existing.as_ref().map(|c| {
        let id = c.id.clone();
        let label = format::date(c.at.date());
        let back = back.clone();
        move |_| {
            if !browser::confirm(texts::DELETE_CONTACT_CONFIRM) {
                return;
            }
            let id = id.clone();
            let label = label.clone();
            app.delete_with_undo(move |b| {
                b.delete_contact(&id, browser::now());
                texts::contact_deleted(&label)
            });
            browser::navigate(&back);
        }
    });

    let title = if id.is_some() {
        "Kontakt bearbeiten"
    } else {
        "Kontakt erfassen"
    };
    let class_note = s.class.as_ref().map(|(c, r)| {
        format!(
            "Klasse {} · {}",
            texts::class_name(*c),
            texts::per_year(r.contacts())
        )
    });
    let closes_note = s.closes.as_ref().map(|p| {
        format!(
            "Erledigt den geplanten Kontakt vom {} ({})",
            format::date(p.date),
            texts::format(p.format)
        )
    });
    let formats = format_tiles(s.class.as_ref().map(|(_, r)| r));
    let topic_options: Vec<(String, String, bool)> = texts::TOPICS
        .iter()
        .map(|t| ((*t).to_owned(), (*t).to_owned(), false))
        .collect();
    let colleague_tiles: Vec<(String, String, bool)> = s
        .colleagues
        .iter()
        .map(|(k, n)| (k.clone(), n.clone(), false))
        .collect();
    let no_follow_up = move |_| fu_date.set(String::new());
    // What else keeps the group due, with one tap to have the serving colleague take part.
    let also_due_box = (!s.also_due.is_empty()).then(|| {
        let departments: Vec<Department> = s.also_due.iter().map(|(d, _)| *d).collect();
        let offers = s
            .also_due
            .iter()
            .flat_map(|(_, serving)| serving.clone())
            .map(|(id, name)| {
                let taking_part = {
                    let id = id.clone();
                    move || bank.with(|b| b.contains(&id))
                };
                let add = move |_| {
                    if !bank.with_untracked(|b| b.contains(&id)) {
                        bank.update(|b| b.push(id.clone()));
                    }
                };
                view! {
                    <button type="button" on:click=add disabled=taking_part>{texts::add_participant(&name)}</button>
                }
            })
            .collect_view();
        let nobody = s.also_due.iter().all(|(_, serving)| serving.is_empty());
        view! {
            <div class="banner" data-testid="also-due">
                <p><b>{texts::also_due(&departments)}</b></p>
                <div class="actions">{offers}</div>
                {nobody.then_some(view! { <p>{texts::NO_ONE_SERVES}</p> })}
            </div>
        }
    });
    // Enter in "Weitere Themen" takes the topic in instead of saving the whole contact: a
    // known topic becomes its tile, others stay in the field, tidied.
    let topic_enter = move |ev: leptos::ev::KeyboardEvent| {
        let in_topics = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|t| t.id() == MORE_TOPICS);
        if ev.key() != "Enter" || !in_topics {
            return;
        }
        ev.prevent_default();
        let typed = more_topics.get_untracked();
        let (known, others) = sort_topics(&typed);
        topics.update(|picked| {
            for topic in known {
                if !picked.iter().any(|p| p == topic) {
                    picked.push(topic.to_owned());
                }
            }
        });
        more_topics.set(others.join(", "));
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">{title}</h1>
            <p class="lead">{s.group_name.clone()} {class_note.map(|n| format!(" · {n}"))}</p>
            {closes_note.map(|n| view! { <p class="banner">{n}</p> })}
            <form class="form contact-form" on:submit=submit on:keydown=topic_enter novalidate>
                <div class="row2">
                    <TextField label="Datum" value=date kind="date" id=DATE error=error_at(error, DATE) />
                    <TextField label="Uhrzeit" value=time kind="time" id=TIME error=error_at(error, TIME) />
                </div>
                <Tiles legend="Format" options=formats.clone() picked=format_pick confirm=confirm error=error_at(error, FORMAT) />
                <Tiles legend="Kanal" options=vocab_tiles(Channel::ALL, Channel::key, texts::channel) picked=channel />
                <Tiles legend="Richtung" options=vocab_tiles(Direction::ALL, Direction::key, texts::direction) picked=direction />
                <Tiles legend="Teilnehmende beim Kunden" options=s.persons.clone() picked=people multiple=true />
                <Tiles legend="Teilnehmende der Bank" options=colleague_tiles picked=bank multiple=true />
                {also_due_box}
                <Tiles legend="Themen" options=topic_options picked=topics multiple=true />
                <TextField label="Weitere Themen (mit Komma getrennt)" value=more_topics id=MORE_TOPICS error=error_at(error, MORE_TOPICS) />
                <Tiles legend="Ergebnis" options=outcome_tiles() picked=outcome />
                <TextArea label="Notizen" value=notes error=error_at(error, NOTES) />
                <fieldset class="group follow-up">
                    <legend>"Folgekontakt vereinbart"</legend>
                    <FollowUpFields date=fu_date format=fu_format formats=formats who=fu_who from=contact_day per_year=per_year colleagues=s.colleagues.clone() error=error_at(error, FOLLOW_UP_DATE) />
                    <button type="button" class="quiet" on:click=no_follow_up>"Kein Folgekontakt"</button>
                </fieldset>
                <div class="actions sticky">
                    <BarError error=error />
                    <button type="submit" class="primary">"Kontakt speichern"</button>
                    <a class="button" href=back.clone()>"Abbrechen"</a>
                    {delete.map(|d| view! { <button type="button" class="danger" on:click=d>"Kontakt löschen"</button> })}
                </div>
            </form>
        </section>
    }
    .into_any()
}
