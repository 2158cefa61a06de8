//! Create or edit a group.

use crate::domain::ids::GroupId;
use crate::domain::vocab::{AccountTier, BankRole, Segment};
use crate::texts::{self, key_accounts as say};
use crate::ui::browser;
use crate::ui::components::{
    error_at, form_message, show_problem, vocab_options, FieldError, SelectField, TextArea,
    TextField,
};
use crate::ui::forms::book::group::{GroupFields, NAME, NOTES, TEAM};
use crate::ui::pages::Missing;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Options for picking a colleague, with "none" first.
pub fn colleague_options(none: &'static str) -> Signal<Vec<(String, String)>> {
    let app = use_app();
    Signal::derive(move || {
        app.book.with(|b| {
            std::iter::once((String::new(), none.to_owned()))
                .chain(b.colleagues().values().map(|c| {
                    let dept = c
                        .department
                        .as_deref()
                        .map(|d| format!(" ({d})"))
                        .unwrap_or_default();
                    (c.id.to_string(), format!("{}{dept}", c.name))
                }))
                .collect()
        })
    })
}

pub fn segment_options() -> Vec<(String, String)> {
    Segment::ALL
        .iter()
        .map(|s| (s.key().to_owned(), texts::segment(*s).to_owned()))
        .collect()
}

#[component]
pub fn GroupForm(id: Option<GroupId>) -> impl IntoView {
    let app = use_app();
    let existing = id
        .as_ref()
        .and_then(|id| app.book.with_untracked(|b| b.groups().get(id).cloned()));
    if id.is_some() && existing.is_none() {
        return view! { <Missing /> }.into_any();
    }
    let me = app.book.with_untracked(|b| b.settings().me.clone());
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|g| g.name.to_string())
            .unwrap_or_default(),
    );
    let segment = RwSignal::new(
        existing
            .as_ref()
            .map_or(Segment::Private, |g| g.segment)
            .key()
            .to_owned(),
    );
    let advisor = RwSignal::new(
        existing
            .as_ref()
            .map_or(me, |g| g.advisor.clone())
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    let lead = RwSignal::new(
        existing
            .as_ref()
            .and_then(|g| g.lead.as_ref())
            .map(|l| l.to_string())
            .unwrap_or_default(),
    );
    let notes = RwSignal::new(
        existing
            .as_ref()
            .map(|g| g.notes.clone())
            .unwrap_or_default(),
    );
    let account =
        GroupFields::default().with_account(existing.as_ref().and_then(|g| g.key_account.as_ref()));
    let tier = RwSignal::new(account.tier);
    let manager = RwSignal::new(account.manager);
    let deputy = RwSignal::new(account.deputy);
    let team = RwSignal::new(
        account
            .team
            .into_iter()
            .map(TeamRow::new)
            .collect::<Vec<_>>(),
    );
    let error = RwSignal::new(None::<FieldError>);

    let lead_options = {
        let id = id.clone();
        Signal::derive(move || {
            app.book.with(|b| {
                let members = id.iter().flat_map(|g| b.members(g));
                std::iter::once((String::new(), "– kein Leitkunde –".to_owned()))
                    .chain(members.map(|c| (c.id.to_string(), c.name.to_string())))
                    .collect()
            })
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = GroupFields {
            name: name.get_untracked(),
            segment: segment.get_untracked(),
            advisor: advisor.get_untracked(),
            lead: lead.get_untracked(),
            notes: notes.get_untracked(),
            tier: tier.get_untracked(),
            manager: manager.get_untracked(),
            deputy: deputy.get_untracked(),
            team: team.with_untracked(|t| t.iter().map(TeamRow::fields).collect()),
        };
        let new_id = GroupId::generate(browser::random_u64());
        let group = match fields.parse(existing.as_ref(), new_id, browser::now()) {
            Ok(group) => group,
            Err(e) => return show_problem(error, e),
        };
        let target = Route::Group(group.id.clone()).href();
        match app.change(|b| b.upsert_group(group)) {
            Ok(()) => browser::navigate(&target),
            Err(e) => error.set(Some(FieldError::new("", e))),
        }
    };
    let title = if id.is_some() {
        "Verbund bearbeiten"
    } else {
        "Neuer Kundenverbund"
    };
    let cancel = id
        .as_ref()
        .map_or(Route::Groups, |g| Route::Group(g.clone()))
        .href();
    view! {
        <section class="page">
            <h1 tabindex="-1">{title}</h1>
            <form class="form" on:submit=submit novalidate>
                <TextField label="Name des Verbunds" value=name error=error_at(error, NAME) required=true />
                <SelectField label="Segment" value=segment options=segment_options() />
                <SelectField label="Betreuer:in" value=advisor options=colleague_options("– niemand –") />
                {id.is_some().then(|| view! { <SelectField label="Leitkunde" value=lead options=lead_options /> })}
                <TextArea label="Notizen" value=notes error=error_at(error, NOTES) />
                <KeyAccountFields tier=tier manager=manager deputy=deputy team=team error=error />
                {move || error.get().map(|e| view! { <p class="error" role="alert">{form_message(e)}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">"Speichern"</button>
                    <a class="button" href=cancel>"Abbrechen"</a>
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// One row of the key account's team: a colleague and their role.
#[derive(Clone, Copy)]
struct TeamRow {
    key: u64,
    colleague: RwSignal<String>,
    role: RwSignal<String>,
}

impl TeamRow {
    fn new((colleague, role): (String, String)) -> Self {
        Self {
            key: browser::random_u64(),
            colleague: RwSignal::new(colleague),
            role: RwSignal::new(role),
        }
    }

    fn fields(&self) -> (String, String) {
        (self.colleague.get_untracked(), self.role.get_untracked())
    }
}

/// Whether the group is a key account, and if so who serves it on the bank's side.
#[component]
fn KeyAccountFields(
    tier: RwSignal<String>,
    manager: RwSignal<String>,
    deputy: RwSignal<String>,
    team: RwSignal<Vec<TeamRow>>,
    error: RwSignal<Option<FieldError>>,
) -> impl IntoView {
    let add = move |_| {
        team.update(|t| {
            t.push(TeamRow::new((
                String::new(),
                BankRole::Specialist.key().to_owned(),
            )))
        })
    };
    let roles: Vec<(String, String)> = BankRole::ALL
        .iter()
        .map(|r| (r.key().to_owned(), say::role(*r).to_owned()))
        .collect();
    view! {
        <fieldset class="group" data-testid="key-account-fields">
            <legend>{say::KEY_ACCOUNT}</legend>
            <SelectField label="Schlüsselkunde" value=tier
                options=vocab_options(AccountTier::ALL, AccountTier::key, say::tier, say::NOT_KEY_ACCOUNT) />
            {move || (!tier.get().is_empty()).then(|| {
                let roles = roles.clone();
                view! {
                    <SelectField label="Key-Account-Manager:in" value=manager options=colleague_options("– niemand –") />
                    <SelectField label="Vertretung" value=deputy options=colleague_options("– niemand –") />
                    <fieldset class="group">
                        <legend>{say::TEAM}</legend>
                        <div class="team" data-testid="team">
                            {move || team.get().into_iter().enumerate().map(|(n, row)| {
                                let who = format!("{TEAM}-{n}");
                                let role_id = format!("{TEAM}-rolle-{n}");
                                let remove = move |_| {
                                    team.update(|t| t.retain(|r| r.key != row.key));
                                    // The numbering moves: a message about a row is gone with it.
                                    error.set(None);
                                };
                                view! {
                                    <div class="team-row" role="group" aria-label=say::team_member(n)>
                                        <SelectField label="Kolleg:in" value=row.colleague options=colleague_options("– niemand –")
                                            id=who.clone() error=error_at(error, &who) />
                                        <SelectField label="Rolle" value=row.role options=roles.clone() id=role_id />
                                        <button type="button" class="quiet" on:click=remove
                                            aria-label=say::remove_team_member(n)>"Entfernen"</button>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                        <button type="button" on:click=add data-testid="team-add">"Kolleg:in hinzufügen"</button>
                    </fieldset>
                }
            })}
        </fieldset>
    }
}
