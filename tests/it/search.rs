//! Search: folded matching (ü = ue), all words must match, segment and advisor filters, the hit
//! detail, display order; properties checked against a plain re-implementation.

use crate::common::*;
use kontaktnetz::domain::book::Book;
use kontaktnetz::domain::ids::{ColleagueId, GroupId};
use kontaktnetz::domain::sample::{generate, SampleSize};
use kontaktnetz::domain::search::{Filter, HitSource, SearchIndex};
use kontaktnetz::domain::text::{fold, Name};
use kontaktnetz::domain::vocab::Segment;
use proptest::prelude::*;

/// Six groups whose names sort differently folded than by bytes:
///
/// | id | name | segment | advisor | members (persons) |
/// |---|---|---|---|---|
/// | g-aerzte | Ärztehaus Zentrum | business | k-ben | |
/// | g-apotheke | apotheke am Markt | private | – | Apotheke am Markt OHG (Björn Weiß, Apotheker) |
/// | g-baeckerei | Bäckerei Schäfer | business | k-anna | Bäckerei Schäfer, no. 4711 (Jürgen Koch, Inhaber) |
/// | g-familie | Familie Müller | private | k-anna | Hans Müller, Erika Müller |
/// | g-maschinen | Müller Maschinenbau-Gruppe | corporate | k-ben | Müller Maschinenbau GmbH (Sabine Lang, Kaufmännische Leitung) |
/// | g-stadt | Stadt Elzach | municipal | k-ben | Stadt Elzach (Ute Krause, Kämmerin), Stadtwerke Elzach GmbH (Roland Fischer, Bürgermeister) |
fn search_book() -> Book {
    let groups = [
        (
            "g-aerzte",
            "Ärztehaus Zentrum",
            Segment::Business,
            Some("k-ben"),
        ),
        ("g-apotheke", "apotheke am Markt", Segment::Private, None),
        (
            "g-baeckerei",
            "Bäckerei Schäfer",
            Segment::Business,
            Some("k-anna"),
        ),
        (
            "g-familie",
            "Familie Müller",
            Segment::Private,
            Some("k-anna"),
        ),
        (
            "g-maschinen",
            "Müller Maschinenbau-Gruppe",
            Segment::Corporate,
            Some("k-ben"),
        ),
        ("g-stadt", "Stadt Elzach", Segment::Municipal, Some("k-ben")),
    ];
    let customers = [
        ("c-apotheke", "g-apotheke", "Apotheke am Markt OHG", None),
        (
            "c-baeckerei",
            "g-baeckerei",
            "Bäckerei Schäfer",
            Some("4711"),
        ),
        ("c-hans", "g-familie", "Hans Müller", None),
        ("c-erika", "g-familie", "Erika Müller", None),
        (
            "c-maschinen",
            "g-maschinen",
            "Müller Maschinenbau GmbH",
            None,
        ),
        ("c-stadt", "g-stadt", "Stadt Elzach", None),
        ("c-stadtwerke", "g-stadt", "Stadtwerke Elzach GmbH", None),
    ];
    let persons = [
        ("p-weiss", "c-apotheke", "Björn Weiß", "Apotheker"),
        ("p-koch", "c-baeckerei", "Jürgen Koch", "Inhaber"),
        (
            "p-lang",
            "c-maschinen",
            "Sabine Lang",
            "Kaufmännische Leitung",
        ),
        ("p-krause", "c-stadt", "Ute Krause", "Kämmerin"),
        (
            "p-fischer",
            "c-stadtwerke",
            "Roland Fischer",
            "Bürgermeister",
        ),
    ];
    build(
        vec![
            colleague("k-anna", "Anna Berater"),
            colleague("k-ben", "Ben Kollege"),
        ],
        groups
            .iter()
            .map(|(id, title, segment, advisor)| group(id, title, *segment, *advisor))
            .collect(),
        customers
            .iter()
            .map(|(id, g, full, number)| {
                let mut c = customer(id, g, full);
                c.number = number.map(str::to_owned);
                c
            })
            .collect(),
        persons
            .iter()
            .map(|(id, c, full, position)| {
                let mut p = person(id, c, full);
                p.position = Some(position.to_string());
                p
            })
            .collect(),
    )
}

fn filter(query: &str) -> Filter {
    Filter {
        query: query.into(),
        ..Filter::default()
    }
}

fn found(index: &SearchIndex, filter: &Filter) -> Vec<String> {
    index
        .search(filter)
        .into_iter()
        .map(|h| h.group.to_string())
        .collect()
}

fn query(index: &SearchIndex, text: &str) -> Vec<String> {
    found(index, &filter(text))
}

#[test]
fn an_empty_query_lists_every_group_sorted_by_folded_name() {
    let index = SearchIndex::build(&search_book(), at(0).date_naive());
    assert_eq!(index.len(), 6);
    assert!(!index.is_empty());
    let all = [
        "g-aerzte",
        "g-apotheke",
        "g-baeckerei",
        "g-familie",
        "g-maschinen",
        "g-stadt",
    ];
    assert_eq!(query(&index, ""), all);
    assert_eq!(query(&index, "   "), all);
    assert!(index.search(&filter("")).iter().all(|h| h.detail.is_none()));
    assert!(SearchIndex::build(&Book::default(), at(0).date_naive()).is_empty());
}

#[test]
fn umlauts_match_their_spelled_out_form_in_any_case() {
    let index = SearchIndex::build(&search_book(), at(0).date_naive());
    for q in ["müller", "mueller", "MÜLLER", "Mueller", "MUELLER"] {
        assert_eq!(query(&index, q), ["g-familie", "g-maschinen"], "{q}");
    }
    for q in ["weiß", "weiss", "WEISS"] {
        assert_eq!(query(&index, q), ["g-apotheke"], "{q}");
    }
    assert_eq!(query(&index, "Ärzte"), ["g-aerzte"]);
    assert_eq!(query(&index, "aerzte"), ["g-aerzte"]);
    assert_eq!(query(&index, "kaemmerin"), ["g-stadt"]);
    assert_eq!(query(&index, "xyz"), Vec::<String>::new());
}

#[test]
fn decomposed_umlauts_are_found_like_composed_ones() {
    // "Mu\u{308}ller" is how macOS file names and some PDFs spell "Müller" (Unicode NFD).
    let mut book = search_book();
    book.upsert_group(group(
        "g-nfd",
        "Familie Mu\u{308}ller-Lu\u{308}denscheid",
        Segment::Private,
        None,
    ))
    .unwrap();
    let index = SearchIndex::build(&book, at(0).date_naive());
    assert!(query(&index, "müller").contains(&"g-nfd".to_owned()));
    assert!(query(&index, "luedenscheid").contains(&"g-nfd".to_owned()));
}

#[test]
fn every_word_must_match_somewhere_in_the_group() {
    let index = SearchIndex::build(&search_book(), at(0).date_naive());
    assert_eq!(query(&index, "müller maschinenbau"), ["g-maschinen"]);
    assert_eq!(query(&index, "maschinenbau müller"), ["g-maschinen"]);
    assert_eq!(query(&index, "  elzach \t stadtwerke "), ["g-stadt"]);
    // Words may match different people of the same group.
    assert_eq!(query(&index, "bürgermeister kämmerin"), ["g-stadt"]);
    assert_eq!(query(&index, "müller elzach"), Vec::<String>::new());
}

#[test]
fn segment_and_advisor_filters_narrow_the_result() {
    let index = SearchIndex::build(&search_book(), at(0).date_naive());
    let by = |segment: Option<Segment>, advisor: Option<&str>, q: &str| {
        found(
            &index,
            &Filter {
                query: q.into(),
                segment,
                advisor: advisor.map(kid),
                casting: None,
            },
        )
    };
    assert_eq!(
        by(Some(Segment::Business), None, ""),
        ["g-aerzte", "g-baeckerei"]
    );
    assert_eq!(by(Some(Segment::Private), None, "müller"), ["g-familie"]);
    assert_eq!(
        by(Some(Segment::Business), None, "müller"),
        Vec::<String>::new()
    );
    assert_eq!(
        by(None, Some("k-ben"), ""),
        ["g-aerzte", "g-maschinen", "g-stadt"]
    );
    assert_eq!(by(None, Some("k-anna"), "müller"), ["g-familie"]);
    assert_eq!(
        by(Some(Segment::Corporate), Some("k-ben"), "gmbh"),
        ["g-maschinen"]
    );
    assert_eq!(by(None, Some("k-nobody"), ""), Vec::<String>::new());
}

#[test]
fn the_hit_names_the_customer_or_person_that_matched() {
    let index = SearchIndex::build(&search_book(), at(0).date_naive());
    let detail = |q: &str| {
        let hits = index.search(&filter(q));
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        hits[0].detail.clone()
    };
    assert_eq!(
        detail("koch"),
        Some((HitSource::Person, "Jürgen Koch".into()))
    );
    assert_eq!(
        detail("juergen"),
        Some((HitSource::Person, "Jürgen Koch".into()))
    );
    assert_eq!(detail("4711"), Some((HitSource::Customer, "4711".into())));
    assert_eq!(
        detail("kämmerin"),
        Some((HitSource::Person, "Kämmerin".into()))
    );
    assert_eq!(
        detail("stadtwerke"),
        Some((HitSource::Customer, "Stadtwerke Elzach GmbH".into()))
    );
    assert_eq!(
        detail("ohg"),
        Some((HitSource::Customer, "Apotheke am Markt OHG".into()))
    );
    // The group name matches: nothing more to show.
    assert_eq!(detail("elzach"), None);
    assert_eq!(detail("schäfer inhaber"), None);
}

#[test]
fn the_index_follows_the_book_it_was_built_from() {
    let mut book = search_book();
    book.move_customer(&cid("c-hans"), &gid("g-stadt"), at(1))
        .unwrap();
    let index = SearchIndex::build(&book, at(0).date_naive());
    assert_eq!(query(&index, "hans"), ["g-stadt"]);
    book.delete_group(&gid("g-stadt"), at(2));
    assert_eq!(
        query(&SearchIndex::build(&book, at(0).date_naive()), "hans"),
        Vec::<String>::new()
    );
}

// ---- properties ----------------------------------------------------------------------------

/// Every searchable text of a group, folded, written independently of the index.
fn group_texts(book: &Book, group: &GroupId) -> Vec<String> {
    let mut texts = vec![book.groups()[group].name.as_str().to_owned()];
    for c in book.members(group) {
        texts.push(c.name.as_str().to_owned());
        texts.extend(c.number.clone());
        for p in book.persons_of(&c.id) {
            texts.push(p.name.as_str().to_owned());
            texts.extend(p.position.clone());
        }
    }
    texts.iter().map(|t| fold(t)).collect()
}

/// The groups a filter should find, in display order.
fn expected_hits(book: &Book, filter: &Filter) -> Vec<GroupId> {
    let folded = fold(&filter.query);
    let terms: Vec<&str> = folded.split_whitespace().collect();
    let mut groups: Vec<_> = book
        .groups()
        .values()
        .filter(|g| filter.segment.is_none_or(|s| s == g.segment))
        .filter(|g| filter.advisor.is_none() || filter.advisor == g.advisor)
        .filter(|g| {
            let texts = group_texts(book, &g.id);
            terms
                .iter()
                .all(|t| texts.iter().any(|text| text.contains(t)))
        })
        .collect();
    groups.sort_by(|a, b| {
        fold(a.name.as_str())
            .cmp(&fold(b.name.as_str()))
            .then(a.id.cmp(&b.id))
    });
    groups.into_iter().map(|g| g.id.clone()).collect()
}

fn query_word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "müller",
            "MUELLER",
            "familie",
            "gmbh",
            "stadt",
            "koch",
            "bäckerei",
            "weiß",
            "ss",
            "geschäftsführer/in",
            "holding",
            "e.k.",
            "0",
            "12",
            "ä",
            "-",
            "schmidt",
        ])
        .prop_map(str::to_owned),
        "[a-zäöüß]{1,3}",
    ]
}

fn sample_book(seed: u64, customers: usize) -> Book {
    generate(
        SampleSize {
            advisors: 2,
            customers_per_advisor: customers,
            history_days: 365,
        },
        seed,
        at(0),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn results_are_exactly_the_groups_containing_every_word(
        seed in any::<u64>(),
        customers in 5..40usize,
        words in prop::collection::vec(query_word(), 0..3),
        segment in prop::option::of(prop::sample::select(Segment::ALL.to_vec())),
        by_advisor in any::<bool>(),
    ) {
        let book = sample_book(seed, customers);
        let advisor: Option<ColleagueId> = by_advisor
            .then(|| book.groups().values().next().and_then(|g| g.advisor.clone()))
            .flatten();
        let filter = Filter { query: words.join(" "), segment, advisor, casting: None };
        let hits = SearchIndex::build(&book, at(0).date_naive()).search(&filter);
        let ids: Vec<GroupId> = hits.iter().map(|h| h.group.clone()).collect();
        prop_assert_eq!(&ids, &expected_hits(&book, &filter));

        let folded = fold(&filter.query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        for hit in &hits {
            let texts = group_texts(&book, &hit.group);
            for t in &terms {
                prop_assert!(texts.iter().any(|text| text.contains(t)), "{} lacks {}", hit.group, t);
            }
            let name_matches = terms.iter().any(|t| texts[0].contains(t));
            match &hit.detail {
                None => prop_assert!(terms.is_empty() || name_matches),
                Some((_, text)) => {
                    prop_assert!(!name_matches);
                    prop_assert!(texts[1..].contains(&fold(text)));
                    prop_assert!(terms.iter().any(|t| fold(text).contains(t)));
                }
            }
        }
    }

    #[test]
    fn a_group_is_found_by_its_own_name(
        seed in any::<u64>(),
        pick in any::<prop::sample::Index>(),
        shout in any::<bool>(),
    ) {
        let book = sample_book(seed, 10);
        let groups: Vec<_> = book.groups().values().collect();
        let g = pick.get(&groups);
        let text = if shout { g.name.as_str().to_uppercase() } else { g.name.as_str().to_owned() };
        let hits = SearchIndex::build(&book, at(0).date_naive()).search(&filter(&text));
        let hit = hits.iter().find(|h| h.group == g.id);
        prop_assert!(hit.is_some(), "{:?} not found by {:?}", g.name, text);
        prop_assert_eq!(&hit.unwrap().detail, &None);
    }

    #[test]
    fn any_name_finds_its_group(raw in "\\PC{1,40}", other in "\\PC{1,40}") {
        let (Ok(title), Ok(other)) = (Name::parse(&raw), Name::parse(&other)) else {
            return Ok(());
        };
        let mut book = search_book();
        let mut g = group("g-beliebig", "x", Segment::Private, None);
        g.name = title.clone();
        book.upsert_group(g).unwrap();
        let mut c = customer("c-beliebig", "g-beliebig", "x");
        c.name = other;
        book.upsert_customer(c, at(1)).unwrap();
        let found = query(&SearchIndex::build(&book, at(0).date_naive()), title.as_str());
        prop_assert!(found.contains(&"g-beliebig".to_owned()), "{:?}", title);
    }
}
