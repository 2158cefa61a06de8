//! Hash routes: the page lives after `#`, so any static host under any sub-path serves every
//! page from the one index.html, and a reload lands where it was.

use crate::domain::casting::portfolio::{CastingFilter, RoundOf};
use crate::domain::exchange::privacy::Subject;
use crate::domain::ids::{ColleagueId, ContactId, CustomerId, GroupId, PersonId, PlannedId};
use crate::domain::vocab::{Class, Segment};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Groups,
    GroupNew,
    Group(GroupId),
    GroupEdit(GroupId),
    CustomerNew(GroupId),
    CustomerEdit(CustomerId),
    PersonNew(CustomerId),
    PersonEdit(PersonId),
    Colleagues,
    ColleagueNew,
    ColleagueEdit(ColleagueId),
    Data,
    Share,
    Duplicates,
    CsvImport,
    KeyAccounts,
    BuyingCenter(GroupId),
    Disclosure(Subject),
    Casting(GroupId),
    CastingRound,
    CastingOverview,
    Capacity,
    Schemes,
    ContactNew(GroupId),
    ContactEdit(GroupId, ContactId),
    PlannedNew(GroupId),
    PlannedEdit(GroupId, PlannedId),
    Contacts,
    Reminder,
    CallParty,
    Dashboard,
    Monitoring,
    Planning,
    NotFound,
}

impl Route {
    /// Parses `location.hash` ("#/verbuende/g-1", "", "#/").
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let found = match parts.as_slice() {
            [] => Some(Route::Home),
            ["verbuende"] => Some(Route::Groups),
            ["verbuende", "neu"] => Some(Route::GroupNew),
            ["verbuende", g] => g.parse().ok().map(Route::Group),
            ["verbuende", g, "bearbeiten"] => g.parse().ok().map(Route::GroupEdit),
            ["verbuende", g, "neuer-kunde"] => g.parse().ok().map(Route::CustomerNew),
            ["kunden", c] => c.parse().ok().map(Route::CustomerEdit),
            ["kunden", c, "neuer-ansprechpartner"] => c.parse().ok().map(Route::PersonNew),
            ["ansprechpartner", p] => p.parse().ok().map(Route::PersonEdit),
            ["kollegen"] => Some(Route::Colleagues),
            ["kollegen", "neu"] => Some(Route::ColleagueNew),
            ["kollegen", k] => k.parse().ok().map(Route::ColleagueEdit),
            ["daten"] => Some(Route::Data),
            ["daten", "weitergeben"] => Some(Route::Share),
            ["daten", "doppelte"] => Some(Route::Duplicates),
            ["daten", "csv"] => Some(Route::CsvImport),
            ["auskunft", "kunde", c] => c
                .parse()
                .ok()
                .map(|c| Route::Disclosure(Subject::Customer(c))),
            ["auskunft", "ansprechpartner", p] => p
                .parse()
                .ok()
                .map(|p| Route::Disclosure(Subject::Person(p))),
            ["verbuende", g, "casting"] => g.parse().ok().map(Route::Casting),
            ["verbuende", g, "buying-center"] => g.parse().ok().map(Route::BuyingCenter),
            ["schluesselkunden"] => Some(Route::KeyAccounts),
            ["casting"] => Some(Route::CastingOverview),
            ["casting", "runde"] => Some(Route::CastingRound),
            ["casting", "kapazitaet"] => Some(Route::Capacity),
            ["casting", "schemata"] => Some(Route::Schemes),
            ["verbuende", g, "kontakt"] => g.parse().ok().map(Route::ContactNew),
            ["verbuende", g, "kontakt", c] => g
                .parse()
                .ok()
                .zip(c.parse().ok())
                .map(|(g, c)| Route::ContactEdit(g, c)),
            ["verbuende", g, "geplant"] => g.parse().ok().map(Route::PlannedNew),
            ["verbuende", g, "geplant", p] => g
                .parse()
                .ok()
                .zip(p.parse().ok())
                .map(|(g, p)| Route::PlannedEdit(g, p)),
            ["kontakte"] => Some(Route::Contacts),
            ["erinnerung"] => Some(Route::Reminder),
            ["telefonaktion"] => Some(Route::CallParty),
            ["auswertung"] => Some(Route::Dashboard),
            ["auswertung", "soll-ist"] => Some(Route::Monitoring),
            ["planung"] => Some(Route::Planning),
            _ => None,
        };
        found.unwrap_or(Route::NotFound)
    }

    /// The `href` of this route, relative to the current document.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Home | Route::NotFound => String::new(),
            Route::Groups => "verbuende".into(),
            Route::GroupNew => "verbuende/neu".into(),
            Route::Group(g) => format!("verbuende/{g}"),
            Route::GroupEdit(g) => format!("verbuende/{g}/bearbeiten"),
            Route::CustomerNew(g) => format!("verbuende/{g}/neuer-kunde"),
            Route::CustomerEdit(c) => format!("kunden/{c}"),
            Route::PersonNew(c) => format!("kunden/{c}/neuer-ansprechpartner"),
            Route::PersonEdit(p) => format!("ansprechpartner/{p}"),
            Route::Colleagues => "kollegen".into(),
            Route::ColleagueNew => "kollegen/neu".into(),
            Route::ColleagueEdit(k) => format!("kollegen/{k}"),
            Route::Data => "daten".into(),
            Route::Share => "daten/weitergeben".into(),
            Route::Duplicates => "daten/doppelte".into(),
            Route::CsvImport => "daten/csv".into(),
            Route::KeyAccounts => "schluesselkunden".into(),
            Route::BuyingCenter(g) => format!("verbuende/{g}/buying-center"),
            Route::Disclosure(Subject::Customer(c)) => format!("auskunft/kunde/{c}"),
            Route::Disclosure(Subject::Person(p)) => format!("auskunft/ansprechpartner/{p}"),
            Route::Casting(g) => format!("verbuende/{g}/casting"),
            Route::CastingOverview => "casting".into(),
            Route::CastingRound => "casting/runde".into(),
            Route::Capacity => "casting/kapazitaet".into(),
            Route::Schemes => "casting/schemata".into(),
            Route::ContactNew(g) => format!("verbuende/{g}/kontakt"),
            Route::ContactEdit(g, c) => format!("verbuende/{g}/kontakt/{c}"),
            Route::PlannedNew(g) => format!("verbuende/{g}/geplant"),
            Route::PlannedEdit(g, p) => format!("verbuende/{g}/geplant/{p}"),
            Route::Contacts => "kontakte".into(),
            Route::Reminder => "erinnerung".into(),
            Route::CallParty => "telefonaktion".into(),
            Route::Dashboard => "auswertung".into(),
            Route::Monitoring => "auswertung/soll-ist".into(),
            Route::Planning => "planung".into(),
        };
        format!("#/{path}")
    }

    /// Pages whose inputs are lost on a reload until saved (forms and the casting screens).
    pub fn is_form(&self) -> bool {
        matches!(
            self,
            Route::GroupNew
                | Route::GroupEdit(_)
                | Route::CustomerNew(_)
                | Route::CustomerEdit(_)
                | Route::PersonNew(_)
                | Route::PersonEdit(_)
                | Route::ColleagueNew
                | Route::ColleagueEdit(_)
                | Route::Casting(_)
                | Route::CastingRound
                | Route::Schemes
                | Route::ContactNew(_)
                | Route::ContactEdit(_, _)
                | Route::PlannedNew(_)
                | Route::PlannedEdit(_, _)
        )
    }
}

/// The value of the group list's `casting` parameter for a filter.
pub fn casting_param(filter: &CastingFilter) -> String {
    match filter {
        CastingFilter::Class(c) => c.key().to_ascii_lowercase(),
        CastingFilter::NotCast => "ohne".into(),
        CastingFilter::Due => "faellig".into(),
        CastingFilter::Differs => "abweichend".into(),
        CastingFilter::Answer { criterion, choice } => format!("antwort:{criterion}:{choice}"),
    }
}

/// The inverse of [`casting_param`]; `None` for anything else.
pub fn parse_casting_param(value: &str) -> Option<CastingFilter> {
    Some(match value {
        "ohne" => CastingFilter::NotCast,
        "faellig" => CastingFilter::Due,
        "abweichend" => CastingFilter::Differs,
        _ => match value.strip_prefix("antwort:") {
            Some(rest) => {
                let (criterion, choice) = rest.split_once(':')?;
                CastingFilter::Answer {
                    criterion: criterion.parse().ok()?,
                    choice: choice.parse().ok()?,
                }
            }
            None => CastingFilter::Class(Class::from_key(&value.to_ascii_uppercase())?),
        },
    })
}

/// The group list showing exactly the groups behind a casting number.
pub fn groups_with(filter: &CastingFilter, segment: Option<Segment>) -> String {
    with_query(
        &Route::Groups.href(),
        &[
            ("segment", segment.map_or("", |s| s.key())),
            ("casting", &casting_param(filter)),
        ],
    )
}

/// A casting round's place, kept in its address: which groups it walks, the group just done,
/// and the counts so far, so the round can say "Verbund 3 von 12" and sum up at the end.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundAt {
    pub of: RoundOf,
    pub segment: Option<Segment>,
    pub after: Option<GroupId>,
    /// Groups due when the round began; 0 before its first step.
    pub total: usize,
    pub cast: usize,
    pub skipped: usize,
    /// The advisor ended the round.
    pub finished: bool,
}

impl RoundAt {
    /// A round not begun yet.
    pub fn start(of: RoundOf, segment: Option<Segment>) -> Self {
        RoundAt {
            of,
            segment,
            after: None,
            total: 0,
            cast: 0,
            skipped: 0,
            finished: false,
        }
    }

    pub fn parse(hash: &str) -> Self {
        let count = |name| param(hash, name).and_then(|n| n.parse().ok()).unwrap_or(0);
        RoundAt {
            of: match param(hash, "casting").as_deref() {
                Some("abweichend") => RoundOf::Differs,
                _ => RoundOf::Due,
            },
            segment: param(hash, "segment").and_then(|s| Segment::from_key(&s)),
            after: param(hash, "nach").and_then(|g| g.parse().ok()),
            total: count("von"),
            cast: count("gecastet"),
            skipped: count("uebersprungen"),
            finished: param(hash, "ende").is_some(),
        }
    }

    pub fn href(&self) -> String {
        let which = match self.of {
            RoundOf::Due => "",
            RoundOf::Differs => "abweichend",
        };
        let count = |n: usize| if n == 0 { String::new() } else { n.to_string() };
        with_query(
            &Route::CastingRound.href(),
            &[
                ("casting", which),
                ("segment", self.segment.map_or("", |s| s.key())),
                ("nach", self.after.as_ref().map_or("", |g| g.as_str())),
                ("von", &count(self.total)),
                ("gecastet", &count(self.cast)),
                ("uebersprungen", &count(self.skipped)),
                ("ende", if self.finished { "1" } else { "" }),
            ],
        )
    }

    /// The round once its first step shows, with `due` groups due.
    pub fn begun(self, due: usize) -> Self {
        RoundAt {
            total: if self.total == 0 { due } else { self.total },
            ..self
        }
    }

    /// The step the round is at, counting from 1.
    pub fn step(&self) -> usize {
        self.cast + self.skipped + 1
    }

    /// The round after `group` was cast (or skipped).
    pub fn after(&self, group: &GroupId, cast: bool) -> Self {
        RoundAt {
            after: Some(group.clone()),
            cast: self.cast + usize::from(cast),
            skipped: self.skipped + usize::from(!cast),
            ..self.clone()
        }
    }

    pub fn finish(&self) -> Self {
        RoundAt {
            finished: true,
            ..self.clone()
        }
    }
}

/// The share page with `groups` chosen (from a group's page or a filtered group list).
pub fn share_with(groups: &[GroupId]) -> String {
    let params: Vec<(&str, &str)> = groups.iter().map(|g| ("verbund", g.as_str())).collect();
    with_query(&Route::Share.href(), &params)
}

/// The groups a share page's address chooses (`?verbund=g-1&verbund=g-2`).
pub fn shared_groups(hash: &str) -> Vec<GroupId> {
    query(hash)
        .into_iter()
        .filter(|(k, _)| k == "verbund")
        .filter_map(|(_, v)| v.parse().ok())
        .collect()
}

/// Pages with a segment choice start at this one; the address names only other segments.
pub const DEFAULT_SEGMENT: Segment = Segment::Corporate;

/// The segment a page's address asks for (`?segment=Private`), else the default.
pub fn segment_of(hash: &str) -> Segment {
    param(hash, "segment")
        .and_then(|v| Segment::from_key(&v))
        .unwrap_or(DEFAULT_SEGMENT)
}

/// The address of a page showing `segment`.
pub fn with_segment(route: &Route, segment: Segment) -> String {
    let key = if segment == DEFAULT_SEGMENT {
        ""
    } else {
        segment.key()
    };
    with_query(&route.href(), &[("segment", key)])
}

/// The query after the route ("#/verbuende?q=m%C3%BCller" → [("q", "müller")]).
pub fn query(hash: &str) -> Vec<(String, String)> {
    let Some((_, q)) = hash.split_once('?') else {
        return Vec::new();
    };
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// One query parameter of a hash, if present.
pub fn param(hash: &str, name: &str) -> Option<String> {
    query(hash)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// A route href with query parameters; empty values are left out ("#/verbuende?q=m%C3%BCller").
pub fn with_query(href: &str, params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect();
    if query.is_empty() {
        href.to_owned()
    } else {
        format!("{href}?{}", query.join("&"))
    }
}

/// Escapes everything but the unreserved characters of RFC 3986.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+`; invalid escapes stay as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_page_address_names_its_groups() {
        let g: GroupId = "g-1".parse().unwrap();
        let h: GroupId = "g-2".parse().unwrap();
        let href = share_with(&[g.clone(), h.clone()]);
        assert_eq!(Route::parse(&href), Route::Share);
        assert_eq!(shared_groups(&href), vec![g, h]);
        assert_eq!(
            shared_groups("#/daten/weitergeben?verbund=g-1&verbund=kaputt%20&verbund=g-2"),
            vec!["g-1".parse::<GroupId>().unwrap(), "g-2".parse().unwrap()]
        );
    }

    #[test]
    fn forms_are_told_apart_from_pages_that_only_show() {
        for hash in [
            "#/verbuende/neu",
            "#/verbuende/g-1/kontakt",
            "#/verbuende/g-1/casting",
            "#/casting/runde",
            "#/kunden/c-1",
        ] {
            assert!(Route::parse(hash).is_form(), "{hash}");
        }
        for hash in [
            "#/",
            "#/verbuende",
            "#/verbuende/g-1",
            "#/daten",
            "#/planung",
        ] {
            assert!(!Route::parse(hash).is_form(), "{hash}");
        }
    }

    #[test]
    fn queries_round_trip() {
        let href = with_query(
            "#/verbuende",
            &[("q", "Müller & Söhne+1 %"), ("segment", ""), ("b", "k-1")],
        );
        assert_eq!(
            href,
            "#/verbuende?q=M%C3%BCller%20%26%20S%C3%B6hne%2B1%20%25&b=k-1"
        );
        assert_eq!(
            query(&href),
            vec![
                ("q".into(), "Müller & Söhne+1 %".into()),
                ("b".into(), "k-1".into())
            ]
        );
        assert_eq!(Route::parse(&href), Route::Groups);
        assert_eq!(with_query("#/verbuende", &[("q", "")]), "#/verbuende");
    }

    #[test]
    fn query_parameters_are_decoded() {
        assert_eq!(query("#/verbuende"), vec![]);
        assert_eq!(
            query("#/verbuende?q=m%C3%BCller+gmbh&segment=corporate"),
            vec![
                ("q".into(), "müller gmbh".into()),
                ("segment".into(), "corporate".into())
            ]
        );
        assert_eq!(
            query("#/x?q=100%&a"),
            vec![("q".into(), "100%".into()), ("a".into(), "".into())]
        );
        assert_eq!(query("#/x?q=%zz"), vec![("q".into(), "%zz".into())]);
    }

    #[test]
    fn every_route_round_trips() {
        let g: GroupId = "g-1".parse().unwrap();
        let c: CustomerId = "c-1".parse().unwrap();
        let routes = [
            Route::Home,
            Route::Groups,
            Route::GroupNew,
            Route::Group(g.clone()),
            Route::GroupEdit(g.clone()),
            Route::CustomerNew(g),
            Route::CustomerEdit(c.clone()),
            Route::PersonNew(c),
            Route::PersonEdit("p-1".parse().unwrap()),
            Route::Colleagues,
            Route::ColleagueNew,
            Route::ColleagueEdit("k-1".parse().unwrap()),
            Route::Data,
            Route::Share,
            Route::Duplicates,
            Route::CsvImport,
            Route::KeyAccounts,
            Route::BuyingCenter("g-1".parse().unwrap()),
            Route::Disclosure(Subject::Customer("c-1".parse().unwrap())),
            Route::Disclosure(Subject::Person("p-1".parse().unwrap())),
            Route::Casting("g-1".parse().unwrap()),
            Route::CastingRound,
            Route::CastingOverview,
            Route::Capacity,
            Route::Schemes,
            Route::ContactNew("g-1".parse().unwrap()),
            Route::ContactEdit("g-1".parse().unwrap(), "t-1".parse().unwrap()),
            Route::PlannedNew("g-1".parse().unwrap()),
            Route::PlannedEdit("g-1".parse().unwrap(), "f-1".parse().unwrap()),
            Route::Contacts,
            Route::Reminder,
            Route::CallParty,
            Route::Dashboard,
            Route::Monitoring,
            Route::Planning,
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn casting_filters_round_trip_through_the_address() {
        let filters = [
            CastingFilter::Class(Class::A),
            CastingFilter::Class(Class::D),
            CastingFilter::NotCast,
            CastingFilter::Due,
            CastingFilter::Differs,
            CastingFilter::Answer {
                criterion: "potenzial".parse().unwrap(),
                choice: "ausserordentlich".parse().unwrap(),
            },
        ];
        for f in filters {
            let href = groups_with(&f, Some(Segment::Corporate));
            let q = query(&href);
            assert_eq!(q[0], ("segment".into(), "Corporate".into()));
            assert_eq!(parse_casting_param(&q[1].1), Some(f), "{href}");
        }
        for bad in ["", "e", "antwort:", "antwort:x", "antwort:a b:c", "AA"] {
            assert_eq!(parse_casting_param(bad), None, "{bad}");
        }
    }

    #[test]
    fn casting_rounds_keep_their_kind_place_and_counts() {
        let g: GroupId = "g-1".parse().unwrap();
        let start = RoundAt::start(RoundOf::Differs, Some(Segment::Private));
        assert_eq!(
            start.href(),
            "#/casting/runde?casting=abweichend&segment=Private"
        );
        let next = start.begun(12).after(&g, true);
        assert_eq!(
            next.href(),
            "#/casting/runde?casting=abweichend&segment=Private&nach=g-1&von=12&gecastet=1"
        );
        assert_eq!(Route::parse(&next.href()), Route::CastingRound);
        assert_eq!(RoundAt::parse(&next.href()), next);
        assert_eq!(next.step(), 2);
        let skipped = next.begun(11).after(&g, false);
        assert_eq!((skipped.total, skipped.cast, skipped.skipped), (12, 1, 1));
        let done = skipped.finish();
        assert_eq!(RoundAt::parse(&done.href()), done);
        assert_eq!(RoundAt::start(RoundOf::Due, None).href(), "#/casting/runde");
        assert_eq!(
            RoundAt::parse("#/casting/runde"),
            RoundAt::start(RoundOf::Due, None)
        );
    }

    #[test]
    fn segment_pages_name_only_other_segments() {
        assert_eq!(
            with_segment(&Route::Schemes, Segment::Corporate),
            "#/casting/schemata"
        );
        let private = with_segment(&Route::Schemes, Segment::Private);
        assert_eq!(private, "#/casting/schemata?segment=Private");
        assert_eq!(segment_of(&private), Segment::Private);
        assert_eq!(segment_of("#/casting?segment=Unsinn"), DEFAULT_SEGMENT);
    }

    #[test]
    fn tolerant_of_empty_and_odd_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/verbuende/"), Route::Groups);
        assert_eq!(Route::parse("#/verbuende?q=x"), Route::Groups);
        assert_eq!(Route::parse("#/verbuende/<b>"), Route::NotFound);
        assert_eq!(Route::parse("#/gibtsnicht"), Route::NotFound);
    }
}
