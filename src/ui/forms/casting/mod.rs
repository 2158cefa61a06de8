//! The casting form: one pick per criterion, an optional manual class and its reason. The
//! class and its reasons follow every tap (`domain::casting::evaluate`); saving needs every
//! criterion answered and a reason for a manual class. The scheme editor's inputs beside it.

pub mod market;
pub mod scheme;

use crate::domain::casting::scheme::Scheme;
use crate::domain::casting::{evaluate, picks_of, Casting, Outcome, Override};
use crate::domain::text::Name;
use crate::domain::vocab::Class;
use crate::texts;
use crate::ui::forms::FieldError;

/// The field of the manual class's reason.
pub const REASON: &str = "f-begruendung";

/// The id of the `i`th criterion's group of choices.
pub fn criterion_id(i: usize) -> String {
    format!("f-kriterium-{i}")
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CastingFields {
    /// The chosen answer of each criterion of the scheme, by index.
    pub picks: Vec<Option<usize>>,
    pub manual: Option<Class>,
    pub reason: String,
}

impl CastingFields {
    /// A re-cast starts from the last casting's answers (unchanged answers cost no taps), when
    /// it was made for the same segment; its manual class and reason stay as they were.
    pub fn prefill(scheme: &Scheme, last: Option<&Casting>) -> Self {
        let picks = match last {
            Some(c) if c.segment == scheme.segment => picks_of(scheme, c),
            _ => vec![None; scheme.criteria.len()],
        };
        let manual = last.and_then(|c| c.manual.as_ref());
        CastingFields {
            picks,
            manual: manual.map(|m| m.class),
            reason: manual.map_or(String::new(), |m| m.reason.to_string()),
        }
    }

    /// The result as the picks stand, complete or not.
    pub fn outcome(&self, scheme: &Scheme) -> Outcome {
        evaluate(scheme, &self.picks, self.manual)
    }

    /// The result to save: refused, at the first open criterion, while any is unanswered,
    /// and at the reason when a manual class has none.
    pub fn parse(&self, scheme: &Scheme) -> Result<(Outcome, Option<Override>), FieldError> {
        let outcome = self.outcome(scheme);
        if let Some(&first) = outcome.open.first() {
            let names: Vec<String> = (outcome.open.iter())
                .map(|&i| scheme.criteria[i].label.to_string())
                .collect();
            return Err(FieldError::new(
                criterion_id(first),
                texts::casting_incomplete(&names),
            ));
        }
        let manual = match self.manual {
            None => None,
            Some(class) => {
                let reason = Name::parse(&self.reason)
                    .map_err(|_| FieldError::new(REASON, texts::OVERRIDE_NEEDS_REASON))?;
                Some(Override { class, reason })
            }
        };
        Ok((outcome, manual))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::casting::scheme::default_scheme;
    use crate::domain::ids::CastingId;
    use crate::domain::model::{Group, Timestamp};
    use crate::domain::vocab::Segment;

    fn all_first(scheme: &Scheme) -> CastingFields {
        CastingFields {
            picks: vec![Some(0); scheme.criteria.len()],
            ..Default::default()
        }
    }

    #[test]
    fn open_criteria_are_named_and_the_first_is_marked() {
        let scheme = default_scheme(Segment::Private);
        let mut f = all_first(&scheme);
        f.picks[1] = None;
        f.picks[3] = None;
        let e = f.parse(&scheme).unwrap_err();
        assert_eq!(e.field, criterion_id(1));
        assert_eq!(
            e.message,
            texts::casting_incomplete(&[
                scheme.criteria[1].label.to_string(),
                scheme.criteria[3].label.to_string()
            ])
        );
    }

    #[test]
    fn a_manual_class_needs_a_reason_and_keeps_it() {
        let scheme = default_scheme(Segment::Private);
        let mut f = all_first(&scheme);
        f.manual = Some(Class::A);
        f.reason = "  ".into();
        assert_eq!(
            f.parse(&scheme).unwrap_err(),
            FieldError::new(REASON, texts::OVERRIDE_NEEDS_REASON)
        );
        f.reason = "Erbschaft angekündigt".into();
        let (outcome, manual) = f.parse(&scheme).unwrap();
        assert_eq!(outcome.class, Class::A);
        assert_eq!(
            manual.map(|m| m.reason.to_string()),
            Some("Erbschaft angekündigt".into())
        );
    }

    #[test]
    fn a_recast_starts_from_the_last_answers_of_the_same_segment() {
        let scheme = default_scheme(Segment::Private);
        let mut f = all_first(&scheme);
        f.picks[0] = Some(1);
        f.manual = Some(Class::B);
        f.reason = "Neu im Haus".into();
        let (outcome, manual) = f.parse(&scheme).unwrap();
        let group = Group {
            id: "g-1".parse().unwrap(),
            name: Name::parse("Familie Weber").unwrap(),
            segment: Segment::Private,
            advisor: None,
            lead: None,
            notes: String::new(),
            key_account: None,
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let casting = outcome.into_casting(
            CastingId::generate(1),
            &group,
            day,
            "Anna".into(),
            manual,
            Timestamp::default(),
        );
        assert_eq!(CastingFields::prefill(&scheme, Some(&casting)), f);

        let business = default_scheme(Segment::Business);
        let fresh = CastingFields::prefill(&business, Some(&casting));
        assert!(
            fresh.picks.iter().all(Option::is_none),
            "another segment starts empty"
        );
        assert_eq!(fresh.picks.len(), business.criteria.len());
    }
}
