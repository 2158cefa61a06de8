//! Scales of the inline SVG charts: pure, so they are tested natively.

/// Length of a bar for `value` where `max` fills `extent`. A non-zero value gets at least one
/// unit, so a single group stays visible next to hundreds.
pub fn bar_length(value: u64, max: u64, extent: u32) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    let length = (u128::from(value.min(max)) * u128::from(extent) / u128::from(max)) as u32;
    length.max(1)
}

/// Where bar `index` of `count` starts and how wide it is, with `gap` between bars, filling
/// `extent`. Integer positions keep the SVG crisp.
pub fn band(index: u32, count: u32, extent: u32, gap: u32) -> (u32, u32) {
    if count == 0 {
        return (0, 0);
    }
    let width = extent.saturating_sub(gap * (count - 1)) / count;
    (index * (width + gap), width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(bar_length(50, 100, 300), 150);
        assert_eq!(bar_length(100, 100, 300), 300);
        assert_eq!(bar_length(0, 100, 300), 0);
        assert_eq!(bar_length(1, 10_000, 300), 1, "tiny values stay visible");
        assert_eq!(bar_length(5, 0, 300), 0);
    }

    #[test]
    fn bands_fill_the_extent_with_gaps() {
        assert_eq!(band(0, 5, 500, 10), (0, 92));
        assert_eq!(band(4, 5, 500, 10), (408, 92));
        assert_eq!(band(0, 0, 500, 10), (0, 0));
    }

    proptest! {
        #[test]
        fn bars_are_monotone_and_bounded(a in 0u64..10_000, b in 0u64..10_000, max in 1u64..10_000, extent in 1u32..2000) {
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(bar_length(lo, max, extent) <= bar_length(hi, max, extent));
            prop_assert!(bar_length(hi, max, extent) <= extent);
        }

        #[test]
        fn bands_never_overlap_or_overflow(count in 1u32..20, extent in 100u32..2000, gap in 0u32..5) {
            for i in 0..count {
                let (x, w) = band(i, count, extent, gap);
                prop_assert!(x + w <= extent);
                if i + 1 < count {
                    prop_assert!(x + w <= band(i + 1, count, extent, gap).0);
                }
            }
        }
    }
}
