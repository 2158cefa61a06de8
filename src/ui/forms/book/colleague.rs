//! The colleague form: name, phone, e-mail, department, the co-serving department they stand for.

use super::reach::ReachFields;
use crate::domain::ids::ColleagueId;
use crate::domain::model::{Colleague, Timestamp};
use crate::domain::text::parse_optional;
use crate::domain::vocab::Department;
use crate::ui::forms::FieldError;

pub const DEPARTMENT: &str = "f-fachbereich";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColleagueFields {
    pub reach: ReachFields,
    pub department: String,
    /// A department's key; anything else: none.
    pub serves: String,
}

impl ColleagueFields {
    pub fn prefill(c: &Colleague) -> Self {
        ColleagueFields {
            reach: ReachFields::prefill(&c.name, c.phone.as_ref(), c.email.as_ref()),
            department: c.department.clone().unwrap_or_default(),
            serves: c.serves.map_or("", |d| d.key()).to_owned(),
        }
    }

    /// Every problem at once: each field shows its own.
    pub fn parse(&self, id: ColleagueId, now: Timestamp) -> Result<Colleague, Vec<FieldError>> {
        let reach = self.reach.parse();
        let department = parse_optional(&self.department)
            .map_err(|e| FieldError::text(DEPARTMENT, "Fachbereich", &e));
        match (reach, department) {
            (Ok(reach), Ok(department)) => Ok(Colleague {
                id,
                name: reach.name,
                department,
                serves: Department::from_key(&self.serves),
                phone: reach.phone,
                email: reach.email,
                updated_at: now,
            }),
            (reach, department) => {
                let mut errors = reach.err().unwrap_or_default();
                errors.extend(department.err());
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::forms::book::reach;

    fn fields() -> ColleagueFields {
        ColleagueFields {
            reach: ReachFields {
                name: "Martin Vogt".into(),
                phone: String::new(),
                email: "m.vogt@sparkasse.example".into(),
            },
            department: " Private Banking ".into(),
            serves: Department::ALL[0].key().into(),
        }
    }

    #[test]
    fn a_colleague_and_its_prefill_round_trip() {
        let id: ColleagueId = "k-1".parse().unwrap();
        let c = fields().parse(id.clone(), Timestamp::default()).unwrap();
        assert_eq!(c.department.as_deref(), Some("Private Banking"));
        assert_eq!(c.serves, Some(Department::ALL[0]));
        assert_eq!(
            ColleagueFields::prefill(&c).parse(id, Timestamp::default()),
            Ok(c)
        );
        let none = ColleagueFields {
            serves: "keiner".into(),
            ..fields()
        };
        assert_eq!(
            none.parse("k-2".parse().unwrap(), Timestamp::default())
                .unwrap()
                .serves,
            None
        );
    }

    #[test]
    fn problems_of_reach_and_department_come_together() {
        let f = ColleagueFields {
            reach: ReachFields {
                name: " ".into(),
                ..fields().reach
            },
            department: "x".repeat(1_000),
            ..fields()
        };
        let errors = f
            .parse("k-1".parse().unwrap(), Timestamp::default())
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [reach::NAME, DEPARTMENT]);
    }
}
