//! Finding groups by anything in them: group, customer and contact-person names, numbers,
//! positions. Built once per book change, queried on every keystroke.

use super::book::Book;
use super::casting::portfolio::{status, CastingFilter, CastingStatus, Schemes};
use super::ids::{ColleagueId, GroupId};
use super::text::fold;
use super::vocab::Segment;
use crate::domain::sort;
use chrono::NaiveDate;

/// What the advisor typed and picked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    pub segment: Option<Segment>,
    pub advisor: Option<ColleagueId>,
    pub casting: Option<CastingFilter>,
}

/// Where in a group the query matched, for showing the hit under the group name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HitSource {
    Group,
    Customer,
    Person,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub group: GroupId,
    /// The first non-group text that matched, if the group name itself did not.
    pub detail: Option<(HitSource, String)>,
}

struct Part {
    source: HitSource,
    text: String,
    folded: String,
}

struct Entry {
    group: GroupId,
    segment: Segment,
    advisor: Option<ColleagueId>,
    casting: CastingStatus,
    /// All folded parts joined, so one `contains` per term decides a match.
    haystack: String,
    parts: Vec<Part>,
}

/// Groups in display order (folded name), each with its searchable text.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn part(source: HitSource, text: &str) -> Part {
    Part {
        source,
        text: text.to_owned(),
        folded: fold(text),
    }
}

impl SearchIndex {
    /// Indexes every group; `today` decides which castings are due.
    pub fn build(book: &Book, today: NaiveDate) -> Self {
        let schemes = Schemes::of(book);
        let mut entries: Vec<Entry> = book
            .groups()
            .values()
            .map(|g| {
                let mut parts = vec![part(HitSource::Group, g.name.as_str())];
                for c in book.members(&g.id) {
                    parts.push(part(HitSource::Customer, c.name.as_str()));
                    if let Some(n) = &c.number {
                        parts.push(part(HitSource::Customer, n));
                    }
                    for p in book.persons_of(&c.id) {
                        parts.push(part(HitSource::Person, p.name.as_str()));
                        if let Some(pos) = &p.position {
                            parts.push(part(HitSource::Person, pos));
                        }
                    }
                }
                let haystack = parts
                    .iter()
                    .map(|p| p.folded.as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                Entry {
                    group: g.id.clone(),
                    segment: g.segment,
                    advisor: g.advisor.clone(),
                    casting: status(&schemes, g, book.current_casting(&g.id), today),
                    haystack,
                    parts,
                }
            })
            .collect();
        sort::sort_by(&mut entries, |a, b| {
            a.parts[0]
                .folded
                .cmp(&b.parts[0].folded)
                .then(a.group.cmp(&b.group))
        });
        SearchIndex { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every group matching the filter, in display order. All query words must match.
    pub fn search(&self, filter: &Filter) -> Vec<Hit> {
        let folded = fold(&filter.query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        self.entries
            .iter()
            .filter(|e| filter.segment.is_none_or(|s| s == e.segment))
            .filter(|e| filter.advisor.is_none() || filter.advisor == e.advisor)
            .filter(|e| filter.casting.as_ref().is_none_or(|c| e.casting.matches(c)))
            .filter(|e| terms.iter().all(|t| e.haystack.contains(t)))
            .map(|e| Hit {
                group: e.group.clone(),
                detail: detail(e, &terms),
            })
            .collect()
    }
}

fn detail(entry: &Entry, terms: &[&str]) -> Option<(HitSource, String)> {
    let name_matches = |p: &Part| terms.iter().any(|t| p.folded.contains(t));
    if terms.is_empty() || name_matches(&entry.parts[0]) {
        return None;
    }
    entry.parts[1..]
        .iter()
        .find(|p| name_matches(p))
        .map(|p| (p.source.clone(), p.text.clone()))
}
