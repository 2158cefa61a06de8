//! The address of a report: its period, whose groups, and which groups a number stands for.
//! Every number of the dashboard links to the target-vs-actual page with such a query.

use super::route::{param, with_query, Route};
use crate::domain::ids::ColleagueId;
use crate::domain::reports::monitoring::{PeriodChoice, RowFilter, Status};
use crate::domain::time_format::{format_date, parse_date};
use crate::domain::vocab::{Class, Department};

/// What a report's address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportQuery {
    pub period: PeriodChoice,
    pub filter: RowFilter,
}

impl Default for ReportQuery {
    fn default() -> Self {
        ReportQuery {
            period: PeriodChoice::YearToDate,
            filter: RowFilter::default(),
        }
    }
}

/// A query value that means nothing; the page says so and shows the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadParam(pub &'static str);

const NONE: &str = "ohne";

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Under => "unter",
        Status::OnTarget => "im-soll",
        Status::Over => "ueber",
    }
}

fn class_key(c: Option<Class>) -> String {
    c.map_or(NONE.into(), |c| c.key().to_ascii_lowercase())
}

impl ReportQuery {
    /// The query of a hash; unknown values are left out and named.
    pub fn parse(hash: &str) -> (ReportQuery, Vec<BadParam>) {
        let mut bad = Vec::new();
        let mut q = ReportQuery::default();
        let get = |name: &str| param(hash, name).filter(|v| !v.is_empty());
        if let Some(p) = get("zeitraum") {
            let range = || Some((parse_date(&get("von")?)?, parse_date(&get("bis")?)?));
            match (p.as_str(), p.parse::<i32>()) {
                ("12-monate", _) => q.period = PeriodChoice::Last12Months,
                ("frei", _) => match range() {
                    Some((from, to)) => q.period = PeriodChoice::Range(from, to),
                    None => bad.push(BadParam("von")),
                },
                (_, Ok(y)) if (1900..=9999).contains(&y) => q.period = PeriodChoice::Year(y),
                _ => bad.push(BadParam("zeitraum")),
            }
        }
        if let Some(w) = get("wer") {
            match w.as_str() {
                NONE => q.filter.advisor = Some(None),
                _ => match w.parse::<ColleagueId>() {
                    Ok(id) => q.filter.advisor = Some(Some(id)),
                    Err(_) => bad.push(BadParam("wer")),
                },
            }
        }
        if let Some(k) = get("klasse") {
            for part in k.split(',') {
                match part {
                    NONE => q.filter.classes.push(None),
                    _ => match Class::from_key(&part.to_ascii_uppercase()) {
                        Some(c) => q.filter.classes.push(Some(c)),
                        None => bad.push(BadParam("klasse")),
                    },
                }
            }
        }
        if let Some(s) = get("status") {
            match Status::ALL.into_iter().find(|x| status_key(*x) == s) {
                Some(x) => q.filter.status = Some(x),
                None => bad.push(BadParam("status")),
            }
        }
        if let Some(d) = get("fachbereich") {
            match Department::from_key(&d) {
                Some(d) => q.filter.department = Some(d),
                None => bad.push(BadParam("fachbereich")),
            }
        }
        if let Some(d) = get("dezil") {
            match d.parse::<u8>() {
                Ok(d) if (1..=10).contains(&d) => q.filter.decile = Some(d),
                _ => bad.push(BadParam("dezil")),
            }
        }
        match get("kontakt").as_deref() {
            None => {}
            Some("keiner") => q.filter.no_contact = true,
            Some(_) => bad.push(BadParam("kontakt")),
        }
        (q, bad)
    }

    /// The address of `route` with this query; defaults are left out.
    pub fn href(&self, route: &Route) -> String {
        let (period, from, to) = match self.period {
            PeriodChoice::YearToDate => (String::new(), String::new(), String::new()),
            PeriodChoice::Last12Months => ("12-monate".into(), String::new(), String::new()),
            PeriodChoice::Year(y) => (y.to_string(), String::new(), String::new()),
            PeriodChoice::Range(a, b) => ("frei".into(), format_date(a), format_date(b)),
        };
        let f = &self.filter;
        let advisor = match &f.advisor {
            None => String::new(),
            Some(None) => NONE.into(),
            Some(Some(id)) => id.to_string(),
        };
        let classes: Vec<String> = f.classes.iter().map(|c| class_key(*c)).collect();
        let decile = f.decile.map(|d| d.to_string()).unwrap_or_default();
        with_query(
            &route.href(),
            &[
                ("zeitraum", &period),
                ("von", &from),
                ("bis", &to),
                ("wer", &advisor),
                ("klasse", &classes.join(",")),
                ("status", f.status.map_or("", status_key)),
                ("fachbereich", f.department.map_or("", |d| d.key())),
                ("dezil", &decile),
                ("kontakt", if f.no_contact { "keiner" } else { "" }),
            ],
        )
    }

    /// The target-vs-actual list of the groups behind a number: this period and advisor,
    /// narrowed by `narrow`.
    pub fn groups(&self, narrow: impl FnOnce(&mut RowFilter)) -> String {
        let mut q = ReportQuery {
            period: self.period,
            filter: RowFilter {
                advisor: self.filter.advisor.clone(),
                ..RowFilter::default()
            },
        };
        narrow(&mut q.filter);
        q.href(&Route::Monitoring)
    }

    /// Whether the query narrows the groups beyond period and advisor.
    pub fn narrows(&self) -> bool {
        let f = &self.filter;
        !f.classes.is_empty()
            || f.status.is_some()
            || f.department.is_some()
            || f.decile.is_some()
            || f.no_contact
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn queries_round_trip_through_the_address() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let queries = [
            ReportQuery::default(),
            ReportQuery {
                period: PeriodChoice::Range(day("2026-02-01"), day("2026-03-31")),
                filter: RowFilter {
                    classes: vec![Some(Class::A), Some(Class::B), None],
                    advisor: Some(Some("k-1".parse().unwrap())),
                    status: Some(Status::Under),
                    department: Some(Department::PrivateBanking),
                    decile: Some(10),
                    no_contact: true,
                },
            },
            ReportQuery {
                period: PeriodChoice::Year(2025),
                filter: RowFilter {
                    advisor: Some(None),
                    status: Some(Status::OnTarget),
                    ..RowFilter::default()
                },
            },
            ReportQuery {
                period: PeriodChoice::Last12Months,
                ..ReportQuery::default()
            },
        ];
        for q in queries {
            let href = q.href(&Route::Monitoring);
            assert_eq!(Route::parse(&href), Route::Monitoring);
            assert_eq!(ReportQuery::parse(&href), (q, vec![]), "{href}");
        }
        assert_eq!(
            ReportQuery::default().href(&Route::Dashboard),
            "#/auswertung"
        );
    }

    #[test]
    fn nonsense_is_named_and_left_out() {
        let (q, bad) = ReportQuery::parse(
            "#/auswertung/soll-ist?zeitraum=bald&klasse=a,x&status=gut&dezil=11&kontakt=ja&wer=%20",
        );
        assert_eq!(
            bad,
            vec![
                BadParam("zeitraum"),
                BadParam("wer"),
                BadParam("klasse"),
                BadParam("status"),
                BadParam("dezil"),
                BadParam("kontakt")
            ]
        );
        assert_eq!(q.filter.classes, vec![Some(Class::A)]);
        assert_eq!(q.period, PeriodChoice::YearToDate);
        let (_, bad) = ReportQuery::parse("#/auswertung?zeitraum=frei&von=2026-01-01");
        assert_eq!(bad, vec![BadParam("von")]);
    }

    #[test]
    fn drill_downs_keep_period_and_advisor_only() {
        let (q, _) = ReportQuery::parse("#/auswertung?zeitraum=2025&wer=k-1&dezil=3");
        let href = q.groups(|f| f.status = Some(Status::Over));
        assert_eq!(
            href,
            "#/auswertung/soll-ist?zeitraum=2025&wer=k-1&status=ueber"
        );
    }
}
