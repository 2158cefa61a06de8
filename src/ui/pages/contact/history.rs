//! The contact history across the portfolio, filtered by period, channel, format, colleague
//! and outcome; the filters live in the address.

use crate::domain::contact::{history, ContactFilter};
use crate::domain::ids::ColleagueId;
use crate::domain::time_format::format_clock;
use crate::domain::vocab::{Channel, ContactOutcome, Direction, Format};
use crate::texts;
use crate::ui::browser;
use crate::ui::components::{colleague_options, vocab_options, ScrollBox, SelectField, TextField};
use crate::ui::format;
use crate::ui::route::{param, with_query, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

const PAGE: usize = 100;

#[component]
pub fn Contacts() -> impl IntoView {
    let app = use_app();
    let hash = browser::current_hash();
    let field = |name: &str| RwSignal::new(param(&hash, name).unwrap_or_default());
    let (from, to, channel, format_key, who, outcome) = (
        field("von"),
        field("bis"),
        field("kanal"),
        field("format"),
        field("wer"),
        field("ergebnis"),
    );
    let (direction, advisor) = (field("richtung"), field("betreuer"));
    Effect::new(move |prev: Option<String>| {
        let href = with_query(
            &Route::Contacts.href(),
            &[
                ("von", &from.get()),
                ("bis", &to.get()),
                ("kanal", &channel.get()),
                ("format", &format_key.get()),
                ("wer", &who.get()),
                ("ergebnis", &outcome.get()),
                ("richtung", &direction.get()),
                ("betreuer", &advisor.get()),
            ],
        );
        if prev.as_ref().is_some_and(|p| *p != href) {
            browser::replace_hash(&href);
        }
        href
    });
    let filter = Memo::new(move |_| ContactFilter {
        from: format::parse_input_date(&from.get()).ok().flatten(),
        to: format::parse_input_date(&to.get()).ok().flatten(),
        channel: Channel::from_key(&channel.get()),
        format: Format::from_key(&format_key.get()),
        colleague: who.get().parse::<ColleagueId>().ok(),
        outcome: ContactOutcome::from_key(&outcome.get()),
        direction: Direction::from_key(&direction.get()),
        advisor: advisor.get().parse::<ColleagueId>().ok(),
    });
    let shown = RwSignal::new(PAGE);
    let colleagues = Signal::derive(move || app.book.with(|b| colleague_options(b, texts::ALL)));
    let found = Memo::new(move |_| app.book.with(|b| history(b, &filter.read()).len()));
    let more = move || found.get() > shown.get();
    let rows = move || {
        app.book.with(|b| {
            let f = filter.read();
            history(b, &f)
                .into_iter()
                .take(shown.get())
                .map(|c| {
                    let group = b.groups().get(&c.group).map(|g| g.name.to_string()).unwrap_or_default();
                    let bank: Vec<String> = c
                        .bank
                        .iter()
                        .filter_map(|k| b.colleagues().get(k).map(|k| k.name.to_string()))
                        .collect();
                    let topics: Vec<String> = c.topics.iter().map(ToString::to_string).collect();
                    view! {
                        <tr data-testid="contact-row">
                            <th scope="row"><a href=Route::Group(c.group.clone()).href()>{group}</a></th>
                            <td>{format!("{}, {}", format::date(c.date()), format_clock(c.at.time()))}</td>
                            <td>{texts::format(c.format)}</td>
                            <td>{texts::channel(c.channel)}</td>
                            <td>{c.outcome.map(texts::outcome)}</td>
                            <td>{bank.join(", ")}</td>
                            <td>{topics.join(", ")}</td>
                            <td><a class="button" href=Route::ContactEdit(c.group.clone(), c.id.clone()).href()>"Bearbeiten"</a></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">"Kontakthistorie"</h1>
            <div class="filters">
                <TextField label="Von" value=from kind="date" id="f-von" />
                <TextField label="Bis" value=to kind="date" id="f-bis" />
                <SelectField label="Kanal" value=channel options=vocab_options(Channel::ALL, Channel::key, texts::channel, texts::ALL) id="f-kanal" />
                <SelectField label="Format" value=format_key options=vocab_options(Format::ALL, Format::key, texts::format, texts::ALL) id="f-format" />
                <SelectField label="Kolleg:in" value=who options=colleagues id="f-wer" />
                <SelectField label="Ergebnis" value=outcome options=vocab_options(ContactOutcome::ALL, ContactOutcome::key, texts::outcome, texts::ALL) id="f-ergebnis" />
                <SelectField label="Richtung" value=direction options=vocab_options(Direction::ALL, Direction::key, texts::direction, texts::ALL) id="f-richtung" />
                <SelectField label="Verbünde von" value=advisor options=colleagues id="f-betreuer" />
            </div>
            <p class="count" data-testid="contact-count" aria-live="polite">{move || texts::contact_count(found.get())}</p>
            <ScrollBox>
                <table class="table text">
                    <thead><tr>
                        <th scope="col">"Verbund"</th><th scope="col">"Wann"</th><th scope="col">"Format"</th>
                        <th scope="col">"Kanal"</th><th scope="col">"Ergebnis"</th><th scope="col">"Bank"</th>
                        <th scope="col">"Themen"</th><th scope="col"><span class="sr-only">"Aktion"</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </ScrollBox>
            <Show when=more>
                <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || texts::show_more(PAGE.min(found.get() - shown.get()))}
                </button>
            </Show>
        </section>
    }
}
