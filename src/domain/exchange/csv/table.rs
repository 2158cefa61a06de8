//! CSV text as rows of cells, the way German Excel and core banking exports write it: `;`
//! (or `,`, or tab) between cells, cells in double quotes where they hold the separator,
//! a quote (doubled) or a line break. The separator is told from the header line; Excel's
//! `sep=;` first line is honoured.

/// At most this many data rows are read; a larger list is refused, not cut.
pub const MAX_ROWS: usize = 50_000;

/// A parsed file: the header's cells and the data rows below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub separator: char,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row with the file's line number it starts on (1 is the first line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, trimmed; empty where the row is shorter.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| c.trim())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No header line with at least two columns: not a table.
    NoHeader,
    /// A quote opened on this line is never closed.
    OpenQuote { line: usize },
    /// More data rows than [`MAX_ROWS`].
    TooManyRows { rows: usize },
}

pub fn read(text: &str) -> Result<Table, TableError> {
    let (separator, body, first_line) = separator_of(text);
    let mut records = Records::new(body, separator, first_line);
    let header = loop {
        match records.next() {
            None => return Err(TableError::NoHeader),
            Some(record) => {
                let (_, cells) = record?;
                if !is_blank(&cells) {
                    break cells;
                }
            }
        }
    };
    if header.len() < 2 {
        return Err(TableError::NoHeader);
    }
    let mut rows = Vec::new();
    for record in records {
        let (line, cells) = record?;
        // Excel writes ";;;;" for rows that were only formatted.
        if !is_blank(&cells) {
            rows.push(Row { line, cells });
        }
    }
    if rows.len() > MAX_ROWS {
        return Err(TableError::TooManyRows { rows: rows.len() });
    }
    Ok(Table {
        separator,
        header: header.into_iter().map(|h| h.trim().to_owned()).collect(),
        rows,
    })
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// The separator, the text after an Excel `sep=` line (also quoted or padded by Excel:
/// `"sep=;"`, `sep=;;;`), and the line that text starts on. Otherwise the character that
/// splits the first non-blank line most often outside quotes; a tie goes to `;`, German
/// Excel's choice (its decimal comma rules out `,`).
fn separator_of(text: &str) -> (char, &str, usize) {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let hint = first.trim().trim_matches('"');
    if let Some(sep) = hint
        .strip_prefix("sep=")
        .and_then(|rest| rest.chars().next())
    {
        let skipped = text.lines().take_while(|l| l.trim().is_empty()).count() + 1;
        let start = text
            .split_inclusive('\n')
            .take(skipped)
            .map(str::len)
            .sum::<usize>();
        return (sep, &text[start..], skipped + 1);
    }
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == c) {
                slot.1 += 1;
            }
        }
    }
    // `max_by_key` keeps the last maximum: reversed, a tie goes to the first, `;`.
    let best = counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(';', |(s, _)| *s);
    (best, text, 1)
}

/// The records of the text, each with the line it starts on.
struct Records<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    separator: char,
    line: usize,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, separator: char, first_line: usize) -> Self {
        Self {
            chars: text.chars().peekable(),
            separator,
            line: first_line,
        }
    }

    /// Consumes a line break that starts with `c`; `\r\n` counts once.
    fn line_break(&mut self, c: char) -> bool {
        match c {
            '\n' => true,
            '\r' => {
                self.chars.next_if_eq(&'\n');
                true
            }
            _ => false,
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Result<(usize, Vec<String>), TableError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.chars.peek()?;
        let start = self.line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut at_start = true;
        loop {
            let Some(c) = self.chars.next() else {
                cells.push(cell);
                return Some(Ok((start, cells)));
            };
            if at_start && c == ' ' {
                // Spaces before an opening quote (`1, "Weber, Anna"`); cells are trimmed.
                continue;
            }
            if at_start && c == '"' {
                let opened = self.line;
                loop {
                    match self.chars.next() {
                        None => return Some(Err(TableError::OpenQuote { line: opened })),
                        Some('"') if self.chars.next_if_eq(&'"').is_some() => cell.push('"'),
                        Some('"') => break,
                        Some(c) => {
                            if self.line_break(c) {
                                self.line += 1;
                                cell.push('\n');
                            } else {
                                cell.push(c);
                            }
                        }
                    }
                }
                at_start = false;
            } else if c == self.separator {
                cells.push(std::mem::take(&mut cell));
                at_start = true;
            } else if self.line_break(c) {
                self.line += 1;
                cells.push(cell);
                return Some(Ok((start, cells)));
            } else {
                // Text after a closing quote is kept, as Excel does.
                cell.push(c);
                at_start = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn semicolons_quotes_and_line_breaks_in_cells() {
        let text = "Kundennummer;Name;Notiz\r\n4711;\"Weber; Anna\";\"sagt \"\"hallo\"\"\r\nzweite Zeile\"\r\n4712;Koch;\r\n";
        let table = read(text).unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.header, ["Kundennummer", "Name", "Notiz"]);
        assert_eq!(
            cells(&table),
            [
                vec!["4711", "Weber; Anna", "sagt \"hallo\"\nzweite Zeile"],
                vec!["4712", "Koch", ""],
            ]
        );
        assert_eq!(
            table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [2, 4],
            "a row's line is where it starts"
        );
    }

    #[test]
    fn decimal_commas_do_not_make_a_comma_file() {
        let text = "Nr;Name;Volumen\n1;Weber;1.234,56\n2;Koch;0,5\n";
        let table = read(text).unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.rows[0].cell(2), "1.234,56");
    }

    #[test]
    fn comma_and_tab_files_and_excels_sep_line() {
        let comma = read("Nr,Name,\"Ort, Land\"\n1,\"Weber, Anna\",Freiburg\n").unwrap();
        assert_eq!(comma.separator, ',');
        assert_eq!(comma.header, ["Nr", "Name", "Ort, Land"]);
        assert_eq!(comma.rows[0].cell(1), "Weber, Anna");
        let tab = read("Nr\tName\n1\tWeber\n").unwrap();
        assert_eq!(tab.separator, '\t');
        let sep = read("sep=,\nNr;Name,Ort\n1;2,Elzach\n").unwrap();
        assert_eq!(sep.separator, ',');
        assert_eq!(sep.header, ["Nr;Name", "Ort"]);
        assert_eq!(sep.rows[0].line, 3);
        let quoted = read("\r\n\"sep=;\";;\r\nNr;Name\r\n1;Weber\r\n").unwrap();
        assert_eq!((quoted.separator, quoted.rows[0].line), (';', 4));
        assert_eq!(quoted.header, ["Nr", "Name"]);
        let late = read("\nNr,Name\n1, \"Weber, Anna\"\n").unwrap();
        assert_eq!(late.separator, ',', "the first non-blank line decides");
        assert_eq!(late.rows[0].cell(1), "Weber, Anna");
    }

    #[test]
    fn blank_rows_are_skipped_and_short_rows_read_empty() {
        let table = read("\n\nNr;Name;Ort\n;;\n1;Weber\r\n\r\n2;Koch;Elzach").unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].line, 5);
        assert_eq!(table.rows[0].cell(2), "");
        assert_eq!(table.rows[1].line, 7);
        assert_eq!(table.rows[1].cell(2), "Elzach");
    }

    #[test]
    fn formula_like_cells_stay_text() {
        let table =
            read("Nr;Name\n1;=HYPERLINK(\"x\")\n2;+49 761 1234\n3;-Rabatt\n4;@Weber\n").unwrap();
        let names: Vec<&str> = table.rows.iter().map(|r| r.cell(1)).collect();
        assert_eq!(
            names,
            ["=HYPERLINK(\"x\")", "+49 761 1234", "-Rabatt", "@Weber"]
        );
    }

    #[test]
    fn not_a_table() {
        assert_eq!(read("nur eine Spalte\n1\n"), Err(TableError::NoHeader));
        assert_eq!(read(" \n;;\n"), Err(TableError::NoHeader));
        assert_eq!(
            read("Nr;Name\n1;\"offen\n2;Koch\n"),
            Err(TableError::OpenQuote { line: 2 })
        );
        let many = format!("Nr;Name\n{}", "1;x\n".repeat(MAX_ROWS + 1));
        assert_eq!(
            read(&many),
            Err(TableError::TooManyRows { rows: MAX_ROWS + 1 })
        );
    }
}
