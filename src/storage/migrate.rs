//! Ordered schema migrations. Each step upgrades the `book` part of an export-shaped
//! document by one version; storage and import run the same steps.

use serde_json::Value;

/// The schema this build writes.
pub const CURRENT_SCHEMA: u32 = 6;

/// Upgrades one schema version to the next, or says why it cannot.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades schema `i + 1` to `i + 2`. Append only; never edit a released step.
pub const MIGRATIONS: &[Migration] = &[
    add_castings,
    add_contacts,
    add_monitoring,
    add_customer_contact,
    add_key_accounts,
];

/// 1 → 2: castings arrive. A book of schema 1 has none; its settings get the built-in casting
/// schemes (an absent `casting` in the settings means exactly those).
fn add_castings(book: Value) -> Result<Value, String> {
    with_empty_lists(book, &["castings"])
}

/// 2 → 3: contacts, planned contacts and call parties arrive, all empty; the settings get
/// the default reminder window, block and call list size (absent means exactly those).
fn add_contacts(book: Value) -> Result<Value, String> {
    with_empty_lists(book, &["contacts", "planned", "parties"])
}

/// 3 → 4: the settings may say which contacts count towards a target and where under- and
/// over-served begin. A schema-3 book has no such entry, which means the defaults, so the
/// data stays as it is; the version still rises, so that an older Kontaktnetz refuses a
/// book whose monitoring settings it would drop.
fn add_monitoring(book: Value) -> Result<Value, String> {
    Ok(book)
}

/// 4 → 5: a customer may have a postal address (`street`, `postcode`, `town`) and their own
/// `phone` and `email`. A schema-4 customer has none of them, which reads as not given, so the
/// data stays as it is; the version still rises, so that an older Kontaktnetz refuses a book
/// whose contact details it would drop.
fn add_customer_contact(book: Value) -> Result<Value, String> {
    Ok(book)
}

/// 5 → 6: a group may be a key account (`key_account`: tier, manager, deputy, the bank's team
/// with roles), and a contact person may have an `attitude` to the bank, what `matters` to
/// them and their `benefit`. A schema-5 group is no key account and a schema-5 person has none
/// of these, which reads as not given, so the data stays as it is; the version still rises, so
/// that an older Kontaktnetz refuses a book whose key-account facts it would drop.
fn add_key_accounts(book: Value) -> Result<Value, String> {
    Ok(book)
}

fn with_empty_lists(mut book: Value, fields: &[&str]) -> Result<Value, String> {
    let obj = book
        .as_object_mut()
        .ok_or_else(|| "\"book\" ist kein Objekt".to_owned())?;
    for field in fields {
        obj.insert((*field).into(), Value::Array(Vec::new()));
    }
    Ok(book)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrateError {
    /// Written by a newer Kontaktnetz than this one.
    Newer { found: u32 },
    /// Not a schema this app ever wrote.
    Unknown { found: u64 },
    /// A step refused the data.
    Failed { from: u32, reason: String },
}

/// Runs the steps from `from` up to the current schema.
pub fn upgrade(from: u64, book: Value) -> Result<Value, MigrateError> {
    run(from, book, MIGRATIONS, CURRENT_SCHEMA)
}

/// The runner, with the step list as a parameter so tests can exercise it.
pub fn run(
    from: u64,
    mut book: Value,
    steps: &[Migration],
    current: u32,
) -> Result<Value, MigrateError> {
    let from = u32::try_from(from).map_err(|_| MigrateError::Unknown { found: from })?;
    if from == 0 {
        return Err(MigrateError::Unknown { found: 0 });
    }
    if from > current {
        return Err(MigrateError::Newer { found: from });
    }
    for version in from..current {
        let step = steps[(version - 1) as usize];
        book = step(book).map_err(|reason| MigrateError::Failed {
            from: version,
            reason,
        })?;
    }
    Ok(book)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schema_1_gets_empty_casting_and_contact_lists() {
        let all =
            json!({"groups": [], "castings": [], "contacts": [], "planned": [], "parties": []});
        assert_eq!(upgrade(1, json!({"groups": []})).unwrap(), all);
        assert_eq!(
            upgrade(2, json!({"groups": [], "castings": []})).unwrap(),
            all
        );
    }

    #[test]
    fn schema_3_4_and_5_books_keep_their_data() {
        // Monitoring settings (4), customer contact details (5) and key accounts (6) need no
        // data, only the version: absent means the defaults, no details and no key account.
        let book = json!({"customers": [{"id": "c-1", "name": "Anna Weber"}], "contacts": []});
        assert_eq!(upgrade(3, book.clone()).unwrap(), book);
        assert_eq!(upgrade(4, book.clone()).unwrap(), book);
        assert_eq!(upgrade(5, book.clone()).unwrap(), book);
        assert_eq!(upgrade(6, book.clone()).unwrap(), book);
        assert_eq!(upgrade(7, book), Err(MigrateError::Newer { found: 7 }));
    }

    #[test]
    fn one_step_per_released_version() {
        assert_eq!(MIGRATIONS.len(), (CURRENT_SCHEMA - 1) as usize);
    }

    fn rename_title(mut v: Value) -> Result<Value, String> {
        let obj = v.as_object_mut().ok_or("kein Objekt")?;
        if let Some(t) = obj.remove("title") {
            obj.insert("name".into(), t);
        }
        Ok(v)
    }

    fn add_tags(mut v: Value) -> Result<Value, String> {
        v["tags"] = json!([]);
        Ok(v)
    }

    fn refuse(_: Value) -> Result<Value, String> {
        Err("kaputt".into())
    }

    #[test]
    fn runs_steps_in_order_from_any_version() {
        let steps: &[Migration] = &[rename_title, add_tags];
        assert_eq!(
            run(1, json!({"title": "x"}), steps, 3).unwrap(),
            json!({"name": "x", "tags": []})
        );
        assert_eq!(
            run(2, json!({"name": "x"}), steps, 3).unwrap(),
            json!({"name": "x", "tags": []})
        );
        assert_eq!(run(3, json!({"a": 1}), steps, 3).unwrap(), json!({"a": 1}));
    }

    #[test]
    fn refuses_newer_unknown_and_failing() {
        let steps: &[Migration] = &[refuse];
        assert_eq!(
            run(3, json!({}), steps, 2),
            Err(MigrateError::Newer { found: 3 })
        );
        assert_eq!(
            run(0, json!({}), steps, 2),
            Err(MigrateError::Unknown { found: 0 })
        );
        assert_eq!(
            run(u64::MAX, json!({}), steps, 2),
            Err(MigrateError::Unknown { found: u64::MAX })
        );
        assert_eq!(
            run(1, json!({}), steps, 2),
            Err(MigrateError::Failed {
                from: 1,
                reason: "kaputt".into()
            })
        );
    }
}
