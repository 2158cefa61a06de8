//! Bar and column charts drawn as SVG, with their figures as text for screen readers.

use crate::texts;
use leptos::prelude::*;

/// One bar of a chart: its label, value, colour class and the list behind it.
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub class: &'static str,
    pub href: String,
}

/// A horizontal bar chart as inline SVG. The numbers are also in the table next to it, so the
/// chart itself is one image with a summary for screen readers.
pub fn bar_chart(title: &str, bars: &[Bar]) -> AnyView {
    use crate::ui::chart::bar_length;
    const ROW: u32 = 36;
    const LABEL: u32 = 150;
    const PLOT: u32 = 380;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
    let height = ROW * bars.len() as u32;
    let summary = bars
        .iter()
        .map(|b| format!("{} {}", b.label, texts::number(b.value as i64)))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as u32 * ROW;
            let width = bar_length(b.value, max, PLOT);
            view! {
                <text x="0" y=y + 23>{b.label.clone()}</text>
                <rect class=format!("bar-{}", b.class) x=LABEL y=y + 6 width=width height=ROW - 12 rx="3" />
                <text x=LABEL + width + 8 y=y + 23>{texts::number(b.value as i64)}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {} {height}", LABEL + PLOT + 70) role="img"
            aria-label=format!("{title}: {summary}")>
            {rows}
        </svg>
    }
    .into_any()
}

/// One column of a column chart: its label under it, its height and the value shown.
pub struct Column {
    pub label: String,
    pub value: u64,
    pub shown: String,
}

/// Vertical columns for a series (months, deciles, weeks). Values are printed above the
/// columns while there is room; the accessible name lists them all.
pub fn column_chart(title: &str, columns: &[Column], testid: &'static str) -> AnyView {
    use crate::ui::chart::{band, bar_length};
    const WIDTH: u32 = 720;
    const PLOT: u32 = 200;
    const TOP: u32 = 24;
    let max = columns.iter().map(|c| c.value).max().unwrap_or(0);
    let n = columns.len() as u32;
    let summary = columns
        .iter()
        .map(|c| format!("{} {}", c.label, c.shown))
        .collect::<Vec<_>>()
        .join(", ");
    let values_fit = n <= 12;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (x, w) = band(i as u32, n, WIDTH, 4);
            let h = bar_length(c.value, max, PLOT);
            let middle = x + w / 2;
            view! {
                <rect class="column" x=x y=TOP + PLOT - h width=w height=h rx="2" />
                <text class="axis" x=middle y=TOP + PLOT + 18 text-anchor="middle">{c.label.clone()}</text>
                {values_fit.then(|| view! {
                    <text x=middle y=TOP + PLOT - h - 6 text-anchor="middle">{c.shown.clone()}</text>
                })}
            }
        })
        .collect_view();
    view! {
        <svg class="chart columns" viewBox=format!("0 0 {WIDTH} {}", TOP + PLOT + 28) role="img"
            aria-label=format!("{title}: {summary}") data-testid=testid>
            {bars}
        </svg>
    }
    .into_any()
}
