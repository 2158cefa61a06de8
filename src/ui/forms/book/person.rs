//! The contact-person form: name, phone, e-mail, position, buying-center facts (influence,
//! role, motive, attitude to the bank, what matters to them, their benefit), consent, notes.

use super::consent::ConsentFields;
use super::reach::ReachFields;
use crate::domain::ids::{CustomerId, PersonId};
use crate::domain::model::{ContactPerson, Timestamp};
use crate::domain::text::{parse_notes, parse_optional, Influence};
use crate::domain::vocab::{Attitude, BuyingMotive, BuyingRole};
use crate::ui::forms::FieldError;

pub const POSITION: &str = "f-position";
pub const NOTES: &str = "f-notizen";
pub const MATTERS: &str = "f-was-ihr-oder-ihm-wichtig-ist";
pub const BENEFIT: &str = "f-persoenlicher-nutzen-durch-die-bank";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFields {
    pub reach: ReachFields,
    pub position: String,
    /// 1 to 10; anything else: not given.
    pub influence: String,
    /// Keys; anything else: not given.
    pub role: String,
    pub motive: String,
    /// An attitude's key; anything else: unknown.
    pub attitude: String,
    pub matters: String,
    pub benefit: String,
    pub consent: ConsentFields,
    pub notes: String,
}

impl PersonFields {
    pub fn prefill(p: &ContactPerson) -> Self {
        PersonFields {
            reach: ReachFields::prefill(&p.name, p.phone.as_ref(), p.email.as_ref()),
            position: p.position.clone().unwrap_or_default(),
            influence: p
                .influence
                .map_or_else(String::new, |i| i.get().to_string()),
            role: p.buying_role.map_or("", |r| r.key()).to_owned(),
            motive: p.motive.map_or("", |m| m.key()).to_owned(),
            attitude: p.attitude.map_or("", |a| a.key()).to_owned(),
            matters: p.matters.clone(),
            benefit: p.benefit.clone(),
            consent: ConsentFields::prefill(p.consent),
            notes: p.notes.clone(),
        }
    }

    /// The person of `customer`; `id` is the existing one's or a new one. The problems of
    /// name, phone and e-mail all at once, or else the first other one.
    pub fn parse(
        &self,
        id: PersonId,
        customer: CustomerId,
        now: Timestamp,
    ) -> Result<ContactPerson, Vec<FieldError>> {
        let reach = self.reach.parse()?;
        let rest = || -> Result<ContactPerson, FieldError> {
            Ok(ContactPerson {
                id,
                customer,
                name: reach.name,
                position: parse_optional(&self.position)
                    .map_err(|e| FieldError::text(POSITION, "Position", &e))?,
                influence: self
                    .influence
                    .parse::<u8>()
                    .ok()
                    .and_then(|n| Influence::new(n).ok()),
                buying_role: BuyingRole::from_key(&self.role),
                motive: BuyingMotive::from_key(&self.motive),
                attitude: Attitude::from_key(&self.attitude),
                matters: parse_notes(&self.matters)
                    .map_err(|e| FieldError::text(MATTERS, "Was ihr oder ihm wichtig ist", &e))?,
                benefit: parse_notes(&self.benefit).map_err(|e| {
                    FieldError::text(BENEFIT, "Persönlicher Nutzen durch die Bank", &e)
                })?,
                phone: reach.phone,
                email: reach.email,
                consent: self.consent.parse()?,
                notes: parse_notes(&self.notes)
                    .map_err(|e| FieldError::text(NOTES, "Notizen", &e))?,
                updated_at: now,
            })
        };
        rest().map_err(|e| vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::ConsentState;
    use crate::ui::forms::book::consent;
    use crate::ui::forms::book::reach;

    fn fields() -> PersonFields {
        PersonFields {
            reach: ReachFields {
                name: "Anna Weber".into(),
                phone: "07681 1234".into(),
                email: String::new(),
            },
            position: " Geschäftsführerin ".into(),
            influence: "8".into(),
            role: BuyingRole::ALL[0].key().into(),
            motive: "unbekannt".into(),
            attitude: "Supporter".into(),
            matters: "Planbare Finanzierung der Hallenerweiterung".into(),
            benefit: "Entlastung im Tagesgeschäft".into(),
            consent: ConsentFields {
                state: ConsentState::Yes.key().into(),
                since: "2026-03-01".into(),
            },
            notes: "Mag kurze Termine".into(),
        }
    }

    fn parse(f: &PersonFields) -> Result<ContactPerson, Vec<FieldError>> {
        f.parse(
            "p-1".parse().unwrap(),
            "c-1".parse().unwrap(),
            Timestamp::default(),
        )
    }

    #[test]
    fn a_person_and_its_prefill_round_trip() {
        let person = parse(&fields()).unwrap();
        assert_eq!(person.position.as_deref(), Some("Geschäftsführerin"));
        assert_eq!(person.influence.map(Influence::get), Some(8));
        assert_eq!(person.buying_role, Some(BuyingRole::ALL[0]));
        assert_eq!(person.motive, None, "an unknown key is no motive");
        assert_eq!(person.attitude, Some(Attitude::Supporter));
        assert_eq!(person.benefit, "Entlastung im Tagesgeschäft");
        assert_eq!(person.consent.state, ConsentState::Yes);
        assert_eq!(parse(&PersonFields::prefill(&person)), Ok(person));
        let out_of_range = PersonFields {
            influence: "11".into(),
            ..fields()
        };
        assert_eq!(parse(&out_of_range).unwrap().influence, None);
    }

    #[test]
    fn name_phone_and_email_first_then_the_first_other_problem() {
        let mut f = fields();
        f.reach.name = String::new();
        f.consent.since = "2026-02-30".into();
        let errors = parse(&f).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, reach::NAME);

        let mut f = fields();
        f.consent.since = "2026-02-30".into();
        f.notes = "x".repeat(20_001);
        assert_eq!(
            parse(&f).unwrap_err(),
            vec![FieldError::new(consent::SINCE, crate::texts::BAD_DATE)]
        );
        assert_eq!(
            reach::summary(&parse(&f).unwrap_err()),
            crate::texts::BAD_DATE
        );

        let long = PersonFields {
            position: "x".repeat(1_000),
            ..fields()
        };
        assert_eq!(parse(&long).unwrap_err()[0].field, POSITION);
    }
}
