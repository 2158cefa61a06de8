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

impl Table {
    /// The table as a CSV file that German Excel opens as it is shown: UTF-8 with a byte
    /// order mark, semicolons, CRLF, numbers with decimal comma and thousands dots.
    pub fn csv(&self) -> String {
        let mut out = String::from('\u{feff}');
        let mut line = |cells: Vec<&str>| {
            let cells: Vec<String> = cells.into_iter().map(csv_cell).collect();
            out.push_str(&cells.join(";"));
            out.push_str("\r\n");
        };
        line(self.head.clone());
        for row in self.rows.iter().chain(&self.foot) {
            line(row.iter().map(|c| c.text.as_str()).collect());
        }
        out
    }
}

/// Quotes a cell where needed, and defuses text that a spreadsheet would run as a formula.
fn csv_cell(text: &str) -> String {
    // A minus starts a formula too ("-2+3"), unless the cell is just a negative number.
    let negative_number = text.strip_prefix('-').is_some_and(|n| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    });
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !negative_number;
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_for_german_excel() {
        let table = Table {
            head: vec!["Verbund", "Soll", "Ist"],
            rows: vec![
                vec![
                    Cell::link("Müller; Söhne".into(), "#/x".into()),
                    Cell::number("1,5".into()),
                    Cell::number("1.890".into()),
                ],
                vec![
                    Cell::text("=HYPERLINK(\"x\")".into()),
                    Cell::number("-2".into()),
                    Cell::text("zwei\nZeilen".into()),
                ],
                vec![
                    Cell::text("-2+3".into()),
                    Cell::text("@SUM(A1)".into()),
                    Cell::number("-1.234,5".into()),
                ],
            ],
            foot: Some(vec![Cell::text("Summe".into()), Cell::number("3,5".into())]),
        };
        assert_eq!(
            table.csv(),
            "\u{feff}Verbund;Soll;Ist\r\n\
             \"Müller; Söhne\";1,5;1.890\r\n\
             \"'=HYPERLINK(\"\"x\"\")\";-2;\"zwei\nZeilen\"\r\n\
             '-2+3;'@SUM(A1);-1.234,5\r\n\
             Summe;3,5\r\n"
        );
    }
}
