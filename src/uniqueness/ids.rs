//! Caller id → slot. Each id string is stored once (in the index's `ids`,
//! by slot); the map is keyed by the id's 64-bit hash and verified against
//! that string, so loading 100k posts makes 100k id allocations, not 200k.
//! Two different ids with the same hash (never seen in practice, but
//! possible) are kept exactly in `spill`.

use super::hash::{hash_bytes, FxHashMap};

#[derive(Clone, Debug, Default)]
pub(crate) struct IdMap {
    by_hash: FxHashMap<u64, u32>,
    spill: FxHashMap<String, u32>,
}

impl IdMap {
    pub(crate) fn get(&self, ids: &[String], id: &str) -> Option<u32> {
        let slot = self.by_hash.get(&hash_bytes(id.as_bytes())).copied();
        match slot {
            Some(s) if ids.get(s as usize).is_some_and(|x| x == id) => Some(s),
            _ => self.spill.get(id).copied(),
        }
    }

    /// Maps `id` to `slot`; returns the slot it had before, if any.
    pub(crate) fn insert(&mut self, ids: &[String], id: &str, slot: u32) -> Option<u32> {
        use std::collections::hash_map::Entry;
        match self.by_hash.entry(hash_bytes(id.as_bytes())) {
            Entry::Vacant(e) => {
                e.insert(slot);
                self.spill.remove(id)
            }
            Entry::Occupied(mut e) if ids.get(*e.get() as usize).is_some_and(|x| x == id) => {
                Some(e.insert(slot))
            }
            Entry::Occupied(_) => self.spill.insert(id.to_owned(), slot),
        }
    }

    pub(crate) fn remove(&mut self, ids: &[String], id: &str) -> Option<u32> {
        let h = hash_bytes(id.as_bytes());
        match self.by_hash.get(&h) {
            Some(&s) if ids.get(s as usize).is_some_and(|x| x == id) => self.by_hash.remove(&h),
            _ => self.spill.remove(id),
        }
    }

    /// Keeps the entries whose slot passes `keep`.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) {
        self.by_hash.retain(|_, s| keep(*s));
        self.spill.retain(|_, s| keep(*s));
    }

    /// Maps every id to its position (after slots were renumbered).
    pub(crate) fn rebuild(&mut self, ids: &[String]) {
        self.by_hash = FxHashMap::default();
        self.by_hash.reserve(ids.len());
        self.spill = FxHashMap::default();
        for (slot, id) in ids.iter().enumerate() {
            self.insert(ids, id, slot as u32);
        }
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        self.by_hash.reserve(n);
    }

    pub(crate) fn len(&self) -> usize {
        self.by_hash.len() + self.spill.len()
    }

    pub(crate) fn bytes(&self) -> usize {
        self.by_hash.capacity() * 13 + self.spill.capacity() * 29
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn colliding_ids_are_kept_apart() {
        let ids: Vec<String> = vec!["a".into(), "b".into()];
        let mut m = IdMap::default();
        assert_eq!(m.insert(&ids, "a", 0), None);
        // Force a "collision": map b's hash entry to a's slot by hand, then
        // insert b, which must go to the spill map and still resolve exactly.
        let hb = super::hash_bytes(b"b");
        m.by_hash.insert(hb, 0);
        assert_eq!(m.insert(&ids, "b", 1), None);
        assert_eq!(
            (m.get(&ids, "a"), m.get(&ids, "b"), m.get(&ids, "c")),
            (Some(0), Some(1), None)
        );
        assert_eq!(m.remove(&ids, "b"), Some(1));
        assert_eq!(m.get(&ids, "b"), None);
        assert_eq!(m.insert(&ids, "a", 1), Some(0));
    }
}
