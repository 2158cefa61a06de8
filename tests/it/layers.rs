//! The layers point down only: ui → texts → storage → domain. A file may name only the layers
//! below its own: the domain none of the others, storage not texts or ui, texts not ui.

use std::fs;
use std::path::Path;

/// Each layer and the layers it must not name.
const RULES: [(&str, &[&str]); 3] = [
    ("domain", &["storage", "texts", "ui"]),
    ("storage", &["texts", "ui"]),
    ("texts", &["ui"]),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_layer_names_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for (layer, above) in RULES {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} has Rust files");
        for file in files {
            let text = fs::read_to_string(&file).expect("readable");
            for (n, line) in text.lines().enumerate() {
                for up in above {
                    let path = format!("crate::{up}");
                    let named = line.match_indices(&path).any(|(i, _)| {
                        !line[i + path.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    });
                    if named {
                        found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "imports pointing up a layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_import() {
    // The pattern above must catch the forms the code uses, and not a longer name.
    let catches = |line: &str| {
        line.match_indices("crate::ui").any(|(i, _)| {
            !line[i + "crate::ui".len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    };
    assert!(catches("use crate::ui::format::date;"));
    assert!(catches("    crate::ui::format::date(d)"));
    assert!(catches("use crate::ui;"));
    assert!(!catches("use crate::ui_helpers::x;"));
}
