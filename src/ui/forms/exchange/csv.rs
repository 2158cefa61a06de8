//! The CSV import's choices as the page binds them: one select per column (a field key or
//! empty), the segment and the advisor for new customers.

use crate::domain::exchange::csv::import::Options;
use crate::domain::exchange::csv::mapping::{Field, Mapping};
use crate::domain::ids::ColleagueId;
use crate::domain::vocab::Segment;

/// The select values per column; an empty or unknown key leaves the column out.
pub fn mapping(keys: &[String]) -> Mapping {
    Mapping(keys.iter().map(|k| Field::from_key(k)).collect())
}

/// The select value per column for `mapping`.
pub fn keys(mapping: &Mapping) -> Vec<String> {
    mapping
        .0
        .iter()
        .map(|f| f.map_or(String::new(), |f| f.key().to_owned()))
        .collect()
}

/// The choices for new customers: a segment key (defaults to private customers) and a
/// colleague id (empty: no advisor).
pub fn options(segment: &str, advisor: &str) -> Options {
    Options {
        segment: Segment::from_key(segment).unwrap_or(Segment::Private),
        advisor: advisor.parse::<ColleagueId>().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_values_round_trip_and_empty_leaves_out() {
        let m = Mapping(vec![Some(Field::Number), None, Some(Field::Town)]);
        let k = keys(&m);
        assert_eq!(k, ["number", "", "town"]);
        assert_eq!(mapping(&k), m);
        assert_eq!(mapping(&["kaputt".into()]), Mapping(vec![None]));
    }

    #[test]
    fn options_fall_back_to_private_and_nobody() {
        let o = options("Municipal", "k-1");
        assert_eq!(o.segment, Segment::Municipal);
        assert_eq!(o.advisor, Some("k-1".parse().unwrap()));
        let o = options("", "");
        assert_eq!(o.segment, Segment::Private);
        assert_eq!(o.advisor, None);
    }
}
