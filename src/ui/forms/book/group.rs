//! The group form: name, segment, advisor, lead customer, notes, and whether the group is a
//! key account (tier, manager, deputy, the bank's team with roles).

use crate::domain::ids::{ColleagueId, CustomerId, GroupId};
use crate::domain::key_accounts::{KeyAccount, TeamMember};
use crate::domain::model::{Group, Timestamp};
use crate::domain::text::{parse_notes, Name};
use crate::domain::vocab::{AccountTier, BankRole, Segment};
use crate::ui::forms::FieldError;

pub const NAME: &str = "f-name-des-verbunds";
pub const NOTES: &str = "f-notizen";
/// The team rows' first select; a row's own select is `TEAM-<n>`.
pub const TEAM: &str = "f-team";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupFields {
    pub name: String,
    /// A segment's key; anything else is a private customers' group.
    pub segment: String,
    /// A colleague's id; empty: nobody.
    pub advisor: String,
    /// A member's id; empty: no lead customer.
    pub lead: String,
    pub notes: String,
    /// An account tier's key; empty: not a key account (manager, deputy and team are then
    /// dropped).
    pub tier: String,
    /// Colleague ids; empty: nobody.
    pub manager: String,
    pub deputy: String,
    /// The team rows: a colleague's id (empty rows are skipped) and a role's key.
    pub team: Vec<(String, String)>,
}

impl GroupFields {
    /// The group as the form describes it: `existing` keeps its id and creation time, a new
    /// group takes `new_id`. Whether advisor and lead exist is the book's to check.
    pub fn parse(
        &self,
        existing: Option<&Group>,
        new_id: GroupId,
        now: Timestamp,
    ) -> Result<Group, FieldError> {
        let name = Name::parse(&self.name).map_err(|e| FieldError::text(NAME, "Name", &e))?;
        let notes = parse_notes(&self.notes).map_err(|e| FieldError::text(NOTES, "Notizen", &e))?;
        let key_account = self.key_account()?;
        Ok(Group {
            id: existing.map_or(new_id, |g| g.id.clone()),
            name,
            segment: Segment::from_key(&self.segment).unwrap_or(Segment::Private),
            advisor: self.advisor.parse::<ColleagueId>().ok(),
            lead: self.lead.parse::<CustomerId>().ok(),
            notes,
            key_account,
            created_at: existing.map_or(now, |g| g.created_at),
            updated_at: now,
        })
    }

    fn key_account(&self) -> Result<Option<KeyAccount>, FieldError> {
        let Some(tier) = AccountTier::from_key(&self.tier) else {
            return Ok(None);
        };
        let mut team: Vec<TeamMember> = Vec::new();
        for (n, (colleague, role)) in self.team.iter().enumerate() {
            let Ok(colleague) = colleague.parse::<ColleagueId>() else {
                continue;
            };
            if team.iter().any(|m| m.colleague == colleague) {
                return Err(FieldError::new(
                    format!("{TEAM}-{n}"),
                    crate::texts::key_accounts::TEAM_TWICE,
                ));
            }
            team.push(TeamMember {
                colleague,
                role: BankRole::from_key(role).unwrap_or(BankRole::Specialist),
            });
        }
        Ok(Some(KeyAccount {
            tier,
            manager: self.manager.parse().ok(),
            deputy: self.deputy.parse().ok(),
            team,
        }))
    }

    /// The key-account fields of an existing group.
    pub fn with_account(mut self, account: Option<&KeyAccount>) -> Self {
        if let Some(k) = account {
            self.tier = k.tier.key().to_owned();
            self.manager = k.manager.as_ref().map_or(String::new(), |m| m.to_string());
            self.deputy = k.deputy.as_ref().map_or(String::new(), |d| d.to_string());
            self.team = k
                .team
                .iter()
                .map(|m| (m.colleague.to_string(), m.role.key().to_owned()))
                .collect();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> GroupFields {
        GroupFields {
            name: "  Familie Weber ".into(),
            segment: "Business".into(),
            advisor: "k-1".into(),
            lead: String::new(),
            notes: "Hofladen seit 1998".into(),
            ..GroupFields::default()
        }
    }

    #[test]
    fn a_new_group_and_an_edited_one() {
        let id: GroupId = "g-new".parse().unwrap();
        let group = fields()
            .parse(None, id.clone(), Timestamp::default())
            .unwrap();
        assert_eq!(
            (group.id.as_str(), group.name.as_str()),
            ("g-new", "Familie Weber")
        );
        assert_eq!(group.segment, Segment::Business);
        assert_eq!(group.advisor.map(|a| a.to_string()), Some("k-1".into()));
        assert_eq!(group.lead, None);

        let mut before = fields().parse(None, id, Timestamp::default()).unwrap();
        before.id = "g-old".parse().unwrap();
        let edited = GroupFields {
            segment: "unbekannt".into(),
            advisor: String::new(),
            lead: "c-1".into(),
            ..fields()
        }
        .parse(
            Some(&before),
            "g-other".parse().unwrap(),
            Timestamp::default(),
        )
        .unwrap();
        assert_eq!(edited.id.as_str(), "g-old", "an edit keeps the id");
        assert_eq!(edited.segment, Segment::Private);
        assert_eq!(edited.advisor, None);
        assert_eq!(edited.lead.map(|c| c.to_string()), Some("c-1".into()));
    }

    #[test]
    fn a_missing_name_or_overlong_notes_are_marked_at_their_field() {
        let refused = |change: fn(&mut GroupFields)| {
            let mut f = fields();
            change(&mut f);
            f.parse(None, "g-1".parse().unwrap(), Timestamp::default())
                .unwrap_err()
        };
        assert_eq!(
            refused(|f| f.name = "   ".into()),
            FieldError::new(NAME, "Name darf nicht leer sein")
        );
        assert_eq!(
            refused(|f| f.name = " \u{200B}\u{FEFF} ".into()),
            FieldError::new(
                NAME,
                "Name braucht mindestens ein sichtbares Zeichen (nur Leerzeichen oder unsichtbare Zeichen)"
            )
        );
        let notes = refused(|f| f.notes = "x".repeat(20_001));
        assert_eq!(notes.field, NOTES);
        assert!(
            notes.message.starts_with("Notizen ist zu lang"),
            "{}",
            notes.message
        );
    }

    #[test]
    fn a_key_account_with_its_team() {
        let f = GroupFields {
            tier: "Key".into(),
            manager: "k-1".into(),
            deputy: String::new(),
            team: vec![
                ("k-2".into(), "Board".into()),
                (String::new(), "Specialist".into()),
                ("k-3".into(), "ProductManager".into()),
            ],
            ..fields()
        };
        let group = f
            .parse(None, "g-1".parse().unwrap(), Timestamp::default())
            .unwrap();
        let k = group.key_account.clone().unwrap();
        assert_eq!(k.tier, AccountTier::Key);
        assert_eq!(k.manager, Some("k-1".parse().unwrap()));
        assert_eq!(k.deputy, None);
        assert_eq!(
            k.team
                .iter()
                .map(|m| (m.colleague.as_str(), m.role))
                .collect::<Vec<_>>(),
            [("k-2", BankRole::Board), ("k-3", BankRole::ProductManager)],
            "an empty row is skipped"
        );
        let back = GroupFields::default().with_account(group.key_account.as_ref());
        assert_eq!((back.tier.as_str(), back.manager.as_str()), ("Key", "k-1"));
        assert_eq!(back.team.len(), 2);
    }

    #[test]
    fn no_tier_no_key_account_and_a_colleague_once_in_the_team() {
        let plain = GroupFields {
            manager: "k-1".into(),
            ..fields()
        };
        let group = plain
            .parse(None, "g-1".parse().unwrap(), Timestamp::default())
            .unwrap();
        assert_eq!(group.key_account, None);
        let twice = GroupFields {
            tier: "Major".into(),
            team: vec![
                ("k-2".into(), "Board".into()),
                ("k-2".into(), "Specialist".into()),
            ],
            ..fields()
        };
        let e = twice
            .parse(None, "g-1".parse().unwrap(), Timestamp::default())
            .unwrap_err();
        assert_eq!(e.field, "f-team-1");
    }
}
