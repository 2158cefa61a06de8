//! Success planning: what a team's active calls are worth, built up month by month.
//!
//! The model of the reference calculation: calls spread evenly over the months; an immediate
//! appointment takes place in the month after its call; a follow-up call comes six months
//! after the first call and its appointment in the month after that; an appointment has
//! converted by the cumulative rate for its age in whole months at the end of a period.

use crate::domain::book::Book;
use std::collections::BTreeSet;

/// Months after a first call that its follow-up call comes.
pub const FOLLOW_UP_AFTER: usize = 6;
/// Months the build-up shows: the year of sowing and the year of harvest.
pub const MONTHS: usize = 24;
/// Ages in months at which the cumulative conversion rates apply.
pub const CONVERSION_AGES: [usize; 4] = [3, 6, 12, 18];

/// The planning assumptions; rates are percentages (40.0 is 40 %).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    pub advisors: f64,
    pub days: f64,
    pub calls_per_day: f64,
    pub immediate: f64,
    pub follow_up: f64,
    pub follow_up_appt: f64,
    /// Cumulative conversion after 3, 6, 12 and 18 months.
    pub conversion: [f64; 4],
    /// Contribution per conversion in euros.
    pub value: f64,
}

impl Default for Scenario {
    /// The reference team: 9 advisors, 210 days, one call a day.
    fn default() -> Self {
        Scenario {
            advisors: 9.0,
            days: 210.0,
            calls_per_day: 1.0,
            immediate: 40.0,
            follow_up: 40.0,
            follow_up_appt: 50.0,
            conversion: [10.0, 20.0, 30.0, 40.0],
            value: 5_000.0,
        }
    }
}

/// One input of a scenario, to name it in a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Advisors,
    Days,
    CallsPerDay,
    Immediate,
    FollowUp,
    FollowUpAppt,
    Conversion(usize),
    Value,
}

impl Input {
    pub const ALL: [Input; 11] = [
        Input::Advisors,
        Input::Days,
        Input::CallsPerDay,
        Input::Immediate,
        Input::FollowUp,
        Input::FollowUpAppt,
        Input::Conversion(0),
        Input::Conversion(1),
        Input::Conversion(2),
        Input::Conversion(3),
        Input::Value,
    ];

    /// Its name in a scenario's address.
    pub fn key(self) -> &'static str {
        match self {
            Input::Advisors => "advisors",
            Input::Days => "days",
            Input::CallsPerDay => "calls_per_day",
            Input::Immediate => "immediate",
            Input::FollowUp => "follow_up",
            Input::FollowUpAppt => "follow_up_appt",
            Input::Conversion(0) => "conv3",
            Input::Conversion(1) => "conv6",
            Input::Conversion(2) => "conv12",
            Input::Conversion(_) => "conv18",
            Input::Value => "value",
        }
    }

    /// The largest value that makes sense; the smallest is 0 (1 for advisors and days).
    pub fn max(self) -> f64 {
        match self {
            Input::Advisors => 10_000.0,
            Input::Days => 366.0,
            Input::CallsPerDay => 100.0,
            Input::Value => 100_000_000.0,
            _ => 100.0,
        }
    }

    /// Advisors and days are counted in whole numbers.
    pub fn whole(self) -> bool {
        matches!(self, Input::Advisors | Input::Days)
    }

    pub fn min(self) -> f64 {
        if self.whole() {
            1.0
        } else {
            0.0
        }
    }

    pub fn get(self, s: &Scenario) -> f64 {
        match self {
            Input::Advisors => s.advisors,
            Input::Days => s.days,
            Input::CallsPerDay => s.calls_per_day,
            Input::Immediate => s.immediate,
            Input::FollowUp => s.follow_up,
            Input::FollowUpAppt => s.follow_up_appt,
            Input::Conversion(i) => s.conversion[i.min(3)],
            Input::Value => s.value,
        }
    }

    pub fn set(self, s: &mut Scenario, value: f64) {
        match self {
            Input::Advisors => s.advisors = value,
            Input::Days => s.days = value,
            Input::CallsPerDay => s.calls_per_day = value,
            Input::Immediate => s.immediate = value,
            Input::FollowUp => s.follow_up = value,
            Input::FollowUpAppt => s.follow_up_appt = value,
            Input::Conversion(i) => s.conversion[i.min(3)] = value,
            Input::Value => s.value = value,
        }
    }
}

/// Why a scenario cannot be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioProblem {
    OutOfRange(Input),
    NotWhole(Input),
    /// Immediate appointments and follow-ups together exceed all calls.
    OutcomesOver100,
    /// A later cumulative rate is below an earlier one.
    ConversionFalls(Input),
}

impl Scenario {
    /// Every problem of the scenario; empty when it can be computed.
    pub fn problems(&self) -> Vec<ScenarioProblem> {
        let mut out = Vec::new();
        for input in Input::ALL {
            let v = input.get(self);
            if !(input.min()..=input.max()).contains(&v) {
                out.push(ScenarioProblem::OutOfRange(input));
            } else if input.whole() && v.fract() != 0.0 {
                out.push(ScenarioProblem::NotWhole(input));
            }
        }
        if self.immediate + self.follow_up > 100.0 {
            out.push(ScenarioProblem::OutcomesOver100);
        }
        for i in 1..4 {
            if self.conversion[i] < self.conversion[i - 1] {
                out.push(ScenarioProblem::ConversionFalls(Input::Conversion(i)));
            }
        }
        out
    }

    /// The cumulative conversion rate (0..1) of an appointment `age` whole months old.
    pub fn converted(&self, age: usize) -> f64 {
        CONVERSION_AGES
            .iter()
            .zip(self.conversion)
            .filter(|(a, _)| age >= **a)
            .map(|(_, rate)| rate / 100.0)
            .next_back()
            .unwrap_or(0.0)
    }
}

/// One month of the build-up (numbers may be fractional: they are expectations).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Month {
    /// 1 is the first month of calling.
    pub number: usize,
    pub calls: f64,
    pub immediate_appointments: f64,
    pub follow_up_calls: f64,
    pub follow_up_appointments: f64,
    /// Conversions that have happened by the end of the month, in total.
    pub converted: f64,
    /// The contribution won in this month.
    pub orders: f64,
    /// The contribution won by the end of the month, in total.
    pub orders_total: f64,
}

/// What a scenario yields.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub calls: f64,
    pub immediate: f64,
    pub follow_up_calls: f64,
    pub follow_up_appointments: f64,
    pub appointments: f64,
    /// Share of calls that lead to an appointment or a follow-up, in percent.
    pub call_success: f64,
    /// Share of calls that end in an order, in percent: appointments per call times the
    /// final conversion rate.
    pub overall_success: f64,
    /// Appointments per advisor and working day.
    pub appointments_per_day: f64,
    /// Orders in the first twelve months.
    pub year1: f64,
    /// Orders in months 13 to 24.
    pub year2: f64,
    pub months: Vec<Month>,
}

impl Plan {
    /// A yearly total per advisor.
    pub fn per_advisor(&self, total: f64, scenario: &Scenario) -> f64 {
        total / scenario.advisors
    }
}

/// The team in the book: the colleagues who advise at least one group.
pub fn team_size(book: &Book) -> usize {
    book.groups()
        .values()
        .filter_map(|g| g.advisor.as_ref())
        .collect::<BTreeSet<_>>()
        .len()
}

/// Computes a valid scenario (see [`Scenario::problems`]).
pub fn plan(s: &Scenario) -> Plan {
    let rate = |percent: f64| percent / 100.0;
    let calls = s.advisors * s.days * s.calls_per_day;
    let per_month = calls / 12.0;
    let mut months: Vec<Month> = (1..=MONTHS)
        .map(|number| Month {
            number,
            calls: per_month,
            ..Month::default()
        })
        .collect();
    for i in 0..MONTHS {
        if i >= 1 {
            months[i].immediate_appointments = months[i - 1].calls * rate(s.immediate);
        }
        if i >= FOLLOW_UP_AFTER {
            months[i].follow_up_calls = months[i - FOLLOW_UP_AFTER].calls * rate(s.follow_up);
        }
        if i > FOLLOW_UP_AFTER {
            months[i].follow_up_appointments =
                months[i - 1].follow_up_calls * rate(s.follow_up_appt);
        }
    }
    let mut before = 0.0;
    for end in 0..MONTHS {
        let converted: f64 = months[..=end]
            .iter()
            .enumerate()
            .map(|(k, m)| {
                (m.immediate_appointments + m.follow_up_appointments) * s.converted(end - k)
            })
            .sum();
        let total = converted * s.value;
        let m = &mut months[end];
        m.converted = converted;
        m.orders_total = total;
        m.orders = total - before;
        before = total;
    }
    let immediate = calls * rate(s.immediate);
    let follow_up_calls = calls * rate(s.follow_up);
    let follow_up_appointments = follow_up_calls * rate(s.follow_up_appt);
    let appointments = immediate + follow_up_appointments;
    let per_call = if calls > 0.0 {
        appointments / calls
    } else {
        0.0
    };
    let year1 = months[11].orders_total;
    Plan {
        calls,
        immediate,
        follow_up_calls,
        follow_up_appointments,
        appointments,
        call_success: s.immediate + s.follow_up,
        overall_success: per_call * s.conversion[3],
        appointments_per_day: appointments / (s.advisors * s.days),
        year1,
        year2: months[MONTHS - 1].orders_total - year1,
        months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn the_reference_table_comes_out_exactly() {
        let s = Scenario::default();
        assert!(s.problems().is_empty());
        let p = plan(&s);
        assert!(close(p.calls, 1890.0));
        assert!(close(p.immediate, 756.0));
        assert!(close(p.follow_up_calls, 756.0));
        assert!(close(p.follow_up_appointments, 378.0));
        assert!(close(p.appointments, 1134.0));
        assert!(close(p.per_advisor(p.immediate, &s), 84.0));
        assert!(close(p.per_advisor(p.follow_up_appointments, &s), 42.0));
        assert!(close(p.call_success, 80.0));
        assert!(close(p.overall_success, 24.0));
        assert!(close(p.appointments_per_day, 0.6));
        assert_eq!(p.year1.round(), 441_000.0);
        assert_eq!(p.year2.round(), 1_701_000.0);
    }

    #[test]
    fn the_build_up_follows_the_calendar_of_the_reference() {
        let p = plan(&Scenario::default());
        let m = |n: usize| p.months[n - 1];
        assert!(close(m(1).calls, 157.5));
        assert_eq!(m(1).immediate_appointments, 0.0, "held in the month after");
        assert!(close(m(2).immediate_appointments, 63.0));
        assert_eq!(m(6).follow_up_calls, 0.0);
        assert!(
            close(m(7).follow_up_calls, 63.0),
            "six months after the call"
        );
        assert_eq!(m(7).follow_up_appointments, 0.0);
        assert!(close(m(8).follow_up_appointments, 31.5));
        // The first conversions: month 2's appointments are 3 months old at the end of month 5.
        assert_eq!(m(4).orders_total, 0.0);
        assert!(close(m(5).orders_total, 63.0 * 0.1 * 5000.0));
        // Year 1 by hand: immediate appointments of months 2..12 aged 10..0 convert
        // 5 × 20 % + 3 × 10 %, follow-up appointments of months 8..12 aged 4..0 2 × 10 %.
        assert!(close(m(12).converted, 63.0 * 1.3 + 31.5 * 0.2));
        let sum: f64 = p.months.iter().map(|m| m.orders).sum();
        assert!(close(sum, p.year1 + p.year2));
    }

    #[test]
    fn other_inputs_computed_by_hand() {
        // 2 advisors, 100 days, 1,5 calls: 300 calls, 25 a month. Immediate 20 %, follow-up
        // 30 % with 60 % appointments; everything converts after 3 months at 50 %.
        let s = Scenario {
            advisors: 2.0,
            days: 100.0,
            calls_per_day: 1.5,
            immediate: 20.0,
            follow_up: 30.0,
            follow_up_appt: 60.0,
            conversion: [50.0, 50.0, 50.0, 50.0],
            value: 1_000.0,
        };
        assert!(s.problems().is_empty());
        let p = plan(&s);
        assert!(close(p.calls, 300.0));
        assert!(close(p.immediate, 60.0));
        assert!(close(p.follow_up_calls, 90.0));
        assert!(close(p.follow_up_appointments, 54.0));
        assert!(close(p.appointments, 114.0));
        assert!(close(p.call_success, 50.0));
        assert!(close(p.overall_success, 19.0)); // 114 / 300 × 50 %
                                                 // Year 1: immediate appointments (5 a month) of months 2..9 are 3+ months old at the
                                                 // end of month 12 (8 × 5 × 50 % = 20), follow-up ones (4,5 a month from month 8)
                                                 // of months 8 and 9 (2 × 4,5 × 50 % = 4,5): 24,5 × 1.000 €.
        assert!(close(p.year1, 24_500.0));
        // By month 24: immediate ones of months 2..21 (20 × 2,5 = 50), follow-up ones of
        // months 8..21 (14 × 2,25 = 31,5): 81,5 in total, so 57,0 in year 2.
        assert!(close(p.year2, 57_000.0));
    }

    #[test]
    fn conversion_steps_by_age() {
        let s = Scenario::default();
        let rates: Vec<f64> = [0, 2, 3, 5, 6, 11, 12, 17, 18, 30]
            .iter()
            .map(|a| s.converted(*a))
            .collect();
        assert_eq!(
            rates,
            vec![0.0, 0.0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4]
        );
    }

    #[test]
    fn bad_scenarios_name_their_problem() {
        let mut s = Scenario {
            advisors: 0.0,
            days: 210.5,
            ..Scenario::default()
        };
        s.immediate = 70.0;
        s.conversion[2] = 15.0;
        assert_eq!(
            s.problems(),
            vec![
                ScenarioProblem::OutOfRange(Input::Advisors),
                ScenarioProblem::NotWhole(Input::Days),
                ScenarioProblem::OutcomesOver100,
                ScenarioProblem::ConversionFalls(Input::Conversion(2)),
            ]
        );
        s = Scenario::default();
        s.value = f64::NAN;
        assert_eq!(
            s.problems(),
            vec![ScenarioProblem::OutOfRange(Input::Value)]
        );
    }

    #[test]
    fn inputs_have_distinct_keys_and_round_trip() {
        let mut s = Scenario::default();
        let keys: std::collections::BTreeSet<_> = Input::ALL.iter().map(|i| i.key()).collect();
        assert_eq!(keys.len(), Input::ALL.len());
        for (n, input) in Input::ALL.iter().enumerate() {
            input.set(&mut s, n as f64);
            assert_eq!(input.get(&s), n as f64);
        }
    }

    proptest! {
        /// More calls never earn less, and the orders grow month by month.
        #[test]
        fn orders_grow_with_calls_and_time(calls in 0.0f64..20.0, more in 0.0f64..5.0) {
            let s = Scenario { calls_per_day: calls, ..Scenario::default() };
            let t = Scenario { calls_per_day: calls + more, ..s };
            let (p, q) = (plan(&s), plan(&t));
            prop_assert!(q.year1 >= p.year1 - 1e-6 && q.year2 >= p.year2 - 1e-6);
            for w in p.months.windows(2) {
                prop_assert!(w[1].orders_total >= w[0].orders_total - 1e-6);
            }
        }
    }
}
