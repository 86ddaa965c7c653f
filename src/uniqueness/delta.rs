//! The small mutable part of the index: shingles of documents added since
//! the last compaction, as singly linked posting lists in one flat vector (no
//! allocation per shingle; a merge into [`super::store::Base`] empties it).

use super::hash::FxHashMap;

const END: u32 = u32::MAX;

#[derive(Clone, Debug, Default)]
pub(crate) struct Delta {
    heads: FxHashMap<u64, u32>,
    /// (slot, index of the next node or END)
    nodes: Vec<(u32, u32)>,
}

impl Delta {
    pub(crate) fn insert(&mut self, h: u64, slot: u32) {
        let idx = self.nodes.len() as u32;
        let next = self.heads.insert(h, idx).unwrap_or(END);
        self.nodes.push((slot, next));
    }

    #[inline]
    pub(crate) fn postings(&self, h: u64) -> DeltaIter<'_> {
        let at = if self.heads.is_empty() {
            END
        } else {
            self.heads.get(&h).copied().unwrap_or(END)
        };
        DeltaIter {
            nodes: &self.nodes,
            at,
        }
    }

    /// Calls `f(hash, slot)` for every stored pair.
    pub(crate) fn for_each(&self, mut f: impl FnMut(u64, u32)) {
        for (&h, &head) in &self.heads {
            for slot in (DeltaIter {
                nodes: &self.nodes,
                at: head,
            }) {
                f(h, slot);
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn clear(&mut self) {
        self.heads = FxHashMap::default();
        self.nodes = Vec::new();
    }

    pub(crate) fn bytes(&self) -> usize {
        // hashbrown: key + value + one control byte per bucket.
        self.heads.capacity() * 13 + self.nodes.capacity() * 8
    }
}

pub(crate) struct DeltaIter<'a> {
    nodes: &'a [(u32, u32)],
    at: u32,
}

impl Iterator for DeltaIter<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        let &(slot, next) = self.nodes.get(self.at as usize)?;
        self.at = next;
        Some(slot)
    }
}
