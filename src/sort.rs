//! Stable sorting through one shared instantiation of std's sort.
//!
//! `slice::sort_by` is generic over both the element and the comparator, so
//! every call site compiled its own copy of quicksort + driftsort + merges
//! (about 8 KB of WASM each; 18 copies were ~120 KB, a tenth of the module).
//! Here the sort itself runs once, on indices, behind a `dyn` comparator; only
//! the tiny permutation step is per type. The call sites sort tens to a few
//! thousand elements; the uniqueness engine keeps `sort_unstable` for its
//! bulk arrays of hashes and for the per-keystroke fragment positions, where
//! the dyn call per comparison would show.

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    // `order` is a permutation of 0..len, so every slot is taken exactly once.
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Stable sort of `v` by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` in its natural order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[inline(never)]
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn matches_std_on_many_inputs() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for len in 0..200 {
            let mut v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected);
            let mut w: Vec<u32> = v.iter().map(|p| p.1 * 31 % 17).collect();
            let mut e2 = w.clone();
            e2.sort();
            sort(&mut w);
            assert_eq!(w, e2);
        }
    }
}
