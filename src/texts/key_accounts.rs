//! Wording of key account management: tiers, the bank's roles, attitudes, the key-account
//! list and the buying center.

use crate::domain::vocab::{AccountTier, Attitude, BankRole};

pub const LIST_TITLE: &str = "Schlüsselkunden";
pub const LIST_LEAD: &str = "Die Verbünde, die als Major, Key oder Target Account geführt werden, mit Betreuung, Buying Center und den Kontakten des laufenden Jahres, die wie im Soll/Ist zählen. Zum Schlüsselkunden wird ein Verbund über „Bearbeiten“ auf seiner Seite.";
pub const NO_ACCOUNTS: &str = "Noch kein Verbund ist als Schlüsselkunde markiert. Öffnen Sie einen Verbund, tippen Sie auf „Bearbeiten“ und wählen Sie unter „Schlüsselkunde“ die Art.";
pub const BUYING_CENTER: &str = "Buying Center";
pub const BUYING_CENTER_LEAD: &str = "Die Ansprechpartner nach Einfluss, mit ihrer Rolle im Kaufprozess, ihrer Haltung zur Bank, was ihnen wichtig ist und welchen persönlichen Nutzen die Bank ihnen bietet. Wer viel Einfluss hat und der Bank kritisch oder neutral gegenübersteht, verdient die meiste Aufmerksamkeit.";
pub const NO_PERSONS: &str = "Für diesen Verbund sind noch keine Ansprechpartner erfasst.";
pub const TEAM_TWICE: &str = "Diese Kollegin oder dieser Kollege steht schon im Team.";
pub const NOT_KEY_ACCOUNT: &str = "– kein Schlüsselkunde –";
pub const UNKNOWN: &str = "unbekannt";
pub const KEY_ACCOUNT: &str = "Schlüsselkunde";
pub const TEAM: &str = "Team der Bank";

/// "Teammitglied 2": the group of a team row's fields.
pub fn team_member(n: usize) -> String {
    format!("Teammitglied {}", n + 1)
}

pub fn remove_team_member(n: usize) -> String {
    format!("Teammitglied {} entfernen", n + 1)
}

/// The list's column: "Kontakte 2026".
pub fn contacts_in(year: i32) -> String {
    format!("Kontakte {year}")
}

pub fn tier(t: AccountTier) -> &'static str {
    match t {
        AccountTier::Major => "Major Account",
        AccountTier::Key => "Key Account",
        AccountTier::Target => "Target Account",
    }
}

pub fn role(r: BankRole) -> &'static str {
    match r {
        BankRole::Board => "Vorstand",
        BankRole::KeyAccountManager => "Key-Account-Manager:in",
        BankRole::ProductManager => "Produktmanager:in",
        BankRole::Specialist => "Spezialist:in",
        BankRole::BackOffice => "Marktfolge",
    }
}

pub fn attitude(a: Attitude) -> &'static str {
    match a {
        Attitude::Supporter => "Befürworter:in",
        Attitude::Neutral => "neutral",
        Attitude::Critic => "Kritiker:in",
    }
}

/// "3 Ansprechpartner, 1 Befürworter:in, 1 Kritiker:in"
pub fn people_summary(persons: usize, supporters: usize, critics: usize) -> String {
    format!(
        "{}, {}, {}",
        super::counted(persons, "Ansprechpartner", "Ansprechpartner"),
        super::counted(supporters, "Befürworter:in", "Befürworter:innen"),
        super::counted(critics, "Kritiker:in", "Kritiker:innen"),
    )
}
