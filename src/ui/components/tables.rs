//! Tables in a box that scrolls sideways inside, never the page; long tables shown in parts.

use crate::texts;
use crate::ui::browser;
use crate::ui::format;
use crate::ui::state::use_app;
use crate::ui::table::{Cell, Table};
use leptos::prelude::*;

/// Renders a [`Table`]; the first cell of each row is its row heading.
pub fn table_view(table: Table, testid: &'static str) -> AnyView {
    long_table_view(table, testid, usize::MAX)
}

/// A table of which only the first `shown` rows are drawn; its CSV file holds all.
pub fn long_table_view(table: Table, testid: &'static str, shown: usize) -> AnyView {
    fn row(cells: Vec<Cell>) -> impl IntoView {
        cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let content = match c.href {
                    Some(href) => view! { <a href=href>{c.text}</a> }.into_any(),
                    None => c.text.into_any(),
                };
                if i == 0 {
                    view! { <th scope="row">{content}</th> }.into_any()
                } else {
                    view! { <td class:left=c.left>{content}</td> }.into_any()
                }
            })
            .collect_view()
    }
    let head = table
        .head
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_view();
    let csv = table.csv();
    let rows = table
        .rows
        .into_iter()
        .take(shown)
        .map(|cells| view! { <tr>{row(cells)}</tr> })
        .collect_view();
    let foot = table
        .foot
        .map(|cells| view! { <tfoot><tr>{row(cells)}</tr></tfoot> });
    let app = use_app();
    let download = move |_| {
        let day = format::input_date(Some(browser::today()));
        let name = format!("kontaktnetz-{testid}-{day}.csv");
        app.download(&name, "text/csv;charset=utf-8", &csv);
    };
    view! {
        <div class="table-end">
            <ScrollBox>
                <table class="table" data-testid=testid>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                    {foot}
                </table>
            </ScrollBox>
            <button type="button" class="csv no-print" on:click=download data-testid=format!("{testid}-csv")>
                "Als CSV herunterladen"
            </button>
        </div>
    }
    .into_any()
}

/// A wide table's box: it scrolls sideways inside, never the page. The first column stays and
/// a shade at the right edge shows while columns follow, both drawn by CSS alone (no code to
/// measure). The box is a tab stop, so the arrow keys scroll it even when the table holds
/// nothing focusable.
#[component]
pub fn ScrollBox(children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=texts::TABLE_BOX>
            {children()}
        </div>
    }
}
