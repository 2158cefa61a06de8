//! Capacity: what the target contacts of the cast groups cost in time, per class, per advisor
//! and per co-serving department, against the net market time.

use crate::domain::book::Book;
use crate::domain::casting::scheme::CastingSettings;
use crate::domain::ids::ColleagueId;
use crate::domain::model::{Colleague, Group};
use crate::domain::sort;
use crate::domain::vocab::{Department, Segment};

/// Groups, target contacts per year and their minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Load {
    pub groups: u32,
    pub contacts: u32,
    pub minutes: u32,
}

impl Load {
    fn add(&mut self, contacts: u32, minutes: u32) {
        self.groups += 1;
        self.contacts += contacts;
        self.minutes += minutes;
    }
}

/// The load of one advisor's groups (or of all groups).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capacity {
    pub classes: [Load; 4],
    /// Groups without a casting: they have no target and are not counted.
    pub not_cast: u32,
}

impl Capacity {
    pub fn total(&self) -> Load {
        self.classes.iter().fold(Load::default(), |mut t, l| {
            t.groups += l.groups;
            t.contacts += l.contacts;
            t.minutes += l.minutes;
            t
        })
    }
}

/// Utilisation in whole percent, rounded; 0 when nothing is available.
pub fn percent(used: u32, available: u32) -> u32 {
    if available == 0 {
        return 0;
    }
    ((u64::from(used) * 100 + u64::from(available) / 2) / u64::from(available)) as u32
}

/// The load of the groups `which` selects under `settings`: each cast group counts with the
/// plan of its class in its segment's scheme. Passing edited settings gives the what-if.
pub fn capacity(
    book: &Book,
    settings: &CastingSettings,
    which: impl Fn(&Group) -> bool,
) -> Capacity {
    let schemes: Vec<_> = Segment::ALL.iter().map(|s| settings.scheme(*s)).collect();
    let mut out = Capacity::default();
    for g in book.groups().values().filter(|g| which(g)) {
        match book.current_casting(&g.id) {
            Some(c) => {
                let rule = schemes[g.segment as usize].rule(c.class());
                out.classes[c.class() as usize].add(rule.contacts(), rule.minutes());
            }
            None => out.not_cast += 1,
        }
    }
    out
}

/// The load per advisor: every colleague who advises at least one group, in name order, then
/// groups without an advisor (`None`) if any.
pub fn by_advisor(book: &Book, settings: &CastingSettings) -> Vec<(Option<ColleagueId>, Capacity)> {
    let mut advisors: Vec<Option<&ColleagueId>> =
        book.groups().values().map(|g| g.advisor.as_ref()).collect();
    sort::sort(&mut advisors);
    advisors.dedup();
    let name = |a: &Option<&ColleagueId>| a.and_then(|a| book.colleagues().get(a)).map(|c| &c.name);
    // Named advisors by name; `None` (no advisor) sorts first by name, so move it last.
    sort::sort_by(&mut advisors, |a, b| {
        (a.is_none(), name(a)).cmp(&(b.is_none(), name(b)))
    });
    advisors
        .into_iter()
        .map(|a| {
            let load = capacity(book, settings, |g| g.advisor.as_ref() == a);
            (a.cloned(), load)
        })
        .collect()
}

/// The colleagues who stand for a co-serving department.
pub fn serving(book: &Book, department: Department) -> Vec<&Colleague> {
    book.colleagues()
        .values()
        .filter(|c| c.serves == Some(department))
        .collect()
}

/// The market time a department has: that of each colleague standing for it, and at least
/// one person's even before anyone is assigned.
pub fn department_minutes(per_person: u32, people: usize) -> u32 {
    per_person * people.max(1) as u32
}

/// Co-serving load per department: the groups whose current casting involves it, each with
/// the department's own contacts per year. Departments without groups are left out.
pub fn by_department(book: &Book, settings: &CastingSettings) -> Vec<(Department, Load)> {
    let mut loads = [Load::default(); Department::ALL.len()];
    for g in book.groups().values() {
        let Some(c) = book.current_casting(&g.id) else {
            continue;
        };
        for d in &c.departments {
            let rule = settings.department(*d);
            let contacts = u32::from(rule.per_year);
            loads[*d as usize].add(contacts, contacts * u32::from(rule.minutes));
        }
    }
    Department::ALL
        .iter()
        .zip(loads)
        .filter(|(_, l)| l.groups > 0)
        .map(|(d, l)| (*d, l))
        .collect()
}
