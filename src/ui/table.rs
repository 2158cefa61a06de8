//! Tables as data: pages build rows of text (with an optional link), one view renders them
//! all. One rendering path keeps the bundle small and gives every table the same markup.

/// One cell: its text, the list it stands for, and whether it is running text (left-aligned)
/// rather than a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
    pub left: bool,
}

impl Cell {
    pub fn number(text: String) -> Cell {
        Cell {
            text,
            href: None,
            left: false,
        }
    }

    pub fn link(text: String, href: String) -> Cell {
        Cell {
            text,
            href: Some(href),
            left: false,
        }
    }

    pub fn text(text: String) -> Cell {
        Cell {
            text,
            href: None,
            left: true,
        }
    }
}

/// A table: column heads, rows whose first cell names the row, and an optional sum row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    pub foot: Option<Vec<Cell>>,
}
