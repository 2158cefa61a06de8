//! Plan a contact, or move or delete a planned one.

use crate::domain::contact::{draft, expected_format};
use crate::domain::ids::{GroupId, PlannedId};
use crate::domain::time_format::format_clock;
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{
    error_at, form_message, show_problem, FieldError, TextArea, TextField,
};
use crate::ui::format;
use crate::ui::forms::contact::planned::{PlannedFields, Stamp, DATE, NOTE, TIME};
use crate::ui::pages::contact::form::{format_tiles, FollowUpFields};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn PlannedForm(group: GroupId, id: Option<PlannedId>) -> impl IntoView {
    let app = use_app();
    let found = app.book.with_untracked(|b| {
        let g = b.groups().get(&group)?;
        let existing = id.as_ref().and_then(|p| b.planned().get(p)).cloned();
        if id.is_some() && existing.as_ref().is_none_or(|p| p.group != group) {
            return None;
        }
        let colleagues: Vec<(String, String)> = b
            .colleagues()
            .values()
            .map(|k| (k.id.to_string(), k.name.to_string()))
            .collect();
        let rule = b.current_casting(&group).map(|c| c.rule.clone());
        let per_year = rule.as_ref().map_or(0, |r| r.contacts());
        let formats = format_tiles(rule.as_ref());
        let expected = expected_format(b, &group, browser::today(), None);
        let me = draft(b.settings().me.as_ref(), g, None).who;
        Some((
            g.name.to_string(),
            existing,
            colleagues,
            per_year,
            formats,
            expected,
            me,
        ))
    });
    let Some((group_name, existing, colleagues, per_year, formats, expected, me)) = found else {
        return view! { <crate::ui::pages::Missing /> }.into_any();
    };
    let e = existing.as_ref();
    let date = RwSignal::new(format::input_date(e.map(|p| p.date)));
    let time = RwSignal::new(e.and_then(|p| p.time).map(format_clock).unwrap_or_default());
    let format_key = RwSignal::new(vec![e.map_or(expected, |p| p.format).key().to_owned()]);
    let who = RwSignal::new(
        e.map_or(me, |p| p.who.clone())
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(e.map(|p| p.note.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<FieldError>);
    let today = Signal::derive(|| Some(browser::today()));
    let back = Route::Group(group.clone()).href();

    let submit_back = back.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = PlannedFields {
            date: date.get_untracked(),
            time: time.get_untracked(),
            format: format_key.get_untracked(),
            who: who.get_untracked(),
            note: note.get_untracked(),
        };
        let parsed = fields.parse(&Stamp {
            group: group.clone(),
            existing: existing.as_ref(),
            new_id: PlannedId::generate(browser::random_u64()),
            expected,
            updated_at: browser::now(),
        });
        match parsed {
            Err(e) => show_problem(error, e),
            Ok(p) => match app.change(|b| b.upsert_planned(p)) {
                Ok(()) => browser::navigate(&submit_back),
                Err(e) => error.set(Some(FieldError::new("", e))),
            },
        }
    };
    let delete = id.clone().map(|id| {
        let back = back.clone();
        move |_| {
            if !browser::confirm(texts::DELETE_PLANNED_CONFIRM) {
                return;
            }
            let id = id.clone();
            app.delete_with_undo(move |b| {
                let label = b
                    .planned()
                    .get(&id)
                    .map(|p| format::date(p.date))
                    .unwrap_or_default();
                b.delete_planned(&id);
                texts::planned_deleted(&label)
            });
            browser::navigate(&back);
        }
    });
    let title = if id.is_some() {
        "Geplanten Kontakt ändern"
    } else {
        "Kontakt planen"
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">{title}</h1>
            <p class="lead">{group_name}</p>
            <form class="form" on:submit=submit novalidate>
                <FollowUpFields date=date format=format_key formats=formats who=who from=today per_year=per_year colleagues=colleagues error=error_at(error, DATE) />
                <TextField label="Uhrzeit (optional)" value=time kind="time" id=TIME error=error_at(error, TIME) />
                <TextArea label="Notiz" value=note error=error_at(error, NOTE) />
                {move || error.get().map(|e| view! { <p class="error" role="alert">{form_message(e)}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Speichern"</button>
                    <a class="button" href=back.clone()>"Abbrechen"</a>
                    {delete.map(|d| view! { <button type="button" class="danger" on:click=d>"Löschen"</button> })}
                </div>
            </form>
        </section>
    }
    .into_any()
}
