//! One sort for the whole app. `slice::sort_by` compiles the whole sort algorithm again for
//! every element type and comparison (about 4 KB of wasm each; with thirty of them, sorting was
//! a twelfth of the bundle). Here the algorithm runs once, on positions, behind a `dyn`
//! comparison, and the elements are then moved into that order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// Sorts by a key, stably, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts in ascending order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives them: the only compiled sort.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Moves `items[order[k]]` to position `k`, by swaps along the permutation's cycles.
fn arrange<T>(items: &mut [T], order: Vec<usize>) {
    // Where each element goes: the inverse of `order`.
    let mut target = vec![0; order.len()];
    for (k, from) in order.into_iter().enumerate() {
        target[from] = k;
    }
    for i in 0..items.len() {
        while target[i] != i {
            let j = target[i];
            items.swap(i, j);
            target.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            // Equal keys with different payloads: the order among them must be kept.
            let mut ours = items.clone();
            let mut std = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sorts_by_key_and_in_order(items in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |x| std::cmp::Reverse(*x));
            let mut plain = items.clone();
            sort(&mut plain);
            let mut std = items;
            std.sort();
            prop_assert_eq!(&plain, &std);
            std.reverse();
            prop_assert_eq!(by_key, std);
        }
    }

    #[test]
    fn moves_values_that_cannot_be_copied() {
        let mut names = vec![
            "Weber".to_string(),
            "Becker".into(),
            "Albrecht".into(),
            "Becker".into(),
        ];
        sort(&mut names);
        assert_eq!(names, ["Albrecht", "Becker", "Becker", "Weber"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
