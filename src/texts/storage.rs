//! Wording of the storage meter and of the localStorage fallback.

use super::number;
use crate::storage::Usage;

/// "1.234,5": bytes as decimal megabytes with one place.
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{},{}", number((tenths / 10) as i64), tenths % 10)
}

/// IndexedDB: "Belegt: 12,3 MB von 2.048,0 MB (0 %)", as the browser estimates it.
pub fn usage_bytes(u: Usage) -> String {
    format!(
        "Belegt: {} MB von {} MB ({} %)",
        megabytes(u.used),
        megabytes(u.budget),
        u.percent()
    )
}

pub const FALLBACK_NOTICE: &str = "Dieser Browser lässt hier keine Datenbank (IndexedDB) zu, etwa in einem privaten Fenster. Kontaktnetz speichert deshalb im kleineren localStorage: Platz für etwa ein Beraterbuch, nicht für ein Teambuch über Jahre. Exportieren Sie regelmäßig, und öffnen Sie Kontaktnetz für die tägliche Arbeit in einem normalen Fenster.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_as_german_megabytes() {
        let u = Usage {
            used: 12_345_678,
            budget: 2_147_483_648,
        };
        assert_eq!(usage_bytes(u), "Belegt: 12,3 MB von 2.147,5 MB (0 %)");
        assert_eq!(megabytes(0), "0,0");
        assert_eq!(megabytes(949_999), "0,9");
        assert_eq!(megabytes(950_000), "1,0");
    }
}
