//! The document side of the index: ids, kinds, add/update/remove, compaction.

use super::delta::Delta;
use super::hash::{fmix64, FxHashSet};
use super::ids::IdMap;
use super::shingle::{ShingleConfig, Shingler};
use super::stopwords::stop_set;
use super::store::{Base, BaseBuilder, MULTI};
use super::{DocKind, UniquenessError};

/// `kinds` entry of a removed (or replaced) document.
pub(crate) const DEAD: u8 = u8::MAX;
/// Merge the delta into the base once it holds this many pairs...
const DELTA_MIN: usize = 1 << 15;
/// ...or once removed documents are this many.
const DEAD_MIN: usize = 1 << 10;

/// An exact inverted shingle index over a user's posts.
///
/// Documents are addressed by the caller's string id; internally each gets a
/// *slot*. Replacing or removing a document only marks its slot dead; dead
/// slots are dropped when the delta is merged into the compact base.
#[derive(Clone, Debug)]
pub struct UniquenessIndex {
    pub(crate) cfg: ShingleConfig,
    pub(crate) stop: Option<FxHashSet<u64>>,
    pub(crate) ids: Vec<String>,
    pub(crate) kinds: Vec<u8>,
    /// Distinct shingles per slot (the denominator of Jaccard and containment).
    pub(crate) sizes: Vec<u32>,
    /// Fingerprint of each slot's shingle set: re-upserting unchanged text is free.
    pub(crate) prints: Vec<u64>,
    pub(crate) by_id: IdMap,
    pub(crate) base: Base,
    pub(crate) delta: Delta,
    pub(crate) dead: usize,
    pub(crate) base_postings: usize,
}

impl Default for UniquenessIndex {
    fn default() -> Self {
        Self::with_config(ShingleConfig::default())
            .unwrap_or_else(|_| Self::empty(ShingleConfig::default()))
    }
}

fn retain_alive<T>(v: &mut Vec<T>, alive: &[bool]) {
    let mut i = 0;
    v.retain(|_| {
        let ok = alive.get(i).copied().unwrap_or(false);
        i += 1;
        ok
    });
}

fn fingerprint(hashes: &[u64]) -> u64 {
    hashes
        .iter()
        .fold(hashes.len() as u64, |acc, &h| fmix64(acc ^ h))
}

impl UniquenessIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_config(cfg: ShingleConfig) -> Result<Self, UniquenessError> {
        if !cfg.is_valid() {
            return Err(UniquenessError::BadConfig);
        }
        Ok(Self::empty(cfg))
    }

    pub(crate) fn empty(cfg: ShingleConfig) -> Self {
        Self {
            stop: cfg.stop_words.then(stop_set),
            cfg,
            ids: Vec::new(),
            kinds: Vec::new(),
            sizes: Vec::new(),
            prints: Vec::new(),
            by_id: IdMap::default(),
            base: Base::default(),
            delta: Delta::default(),
            dead: 0,
            base_postings: 0,
        }
    }

    pub fn config(&self) -> ShingleConfig {
        self.cfg
    }

    /// Number of live documents.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.len() == 0
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.get(&self.ids, id).is_some()
    }

    /// Kind of a live document.
    pub fn kind_of(&self, id: &str) -> Option<DocKind> {
        self.by_id
            .get(&self.ids, id)
            .and_then(|s| DocKind::from_code(self.kinds[s as usize]))
    }

    /// Adds a document, or replaces the one with the same id.
    pub fn upsert(&mut self, id: &str, kind: DocKind, text: &str) -> Result<(), UniquenessError> {
        let mut sh = Shingler::default();
        sh.run_distinct(text, &self.cfg, self.stop.as_ref());
        if let Some(slot) = self.add_doc(id, kind, &sh.distinct)? {
            for &h in &sh.distinct {
                self.delta.insert(h, slot);
            }
        }
        self.maybe_compact();
        Ok(())
    }

    /// Adds or replaces many documents at once, then compacts: the fast path
    /// for loading an archive (no per-shingle hash-map insertion).
    pub fn upsert_many<'a, I>(&mut self, docs: I) -> Result<(), UniquenessError>
    where
        I: IntoIterator<Item = (&'a str, DocKind, &'a str)>,
    {
        let docs: Vec<(&str, DocKind, &str)> = docs.into_iter().collect();
        // Reserve up front: in WASM every doubling of a big vector is a copy
        // (and memory never shrinks). Prose has about one word, so at most
        // one new shingle, per 6 bytes.
        let n = docs.len();
        let text_bytes: usize = docs.iter().map(|d| d.2.len()).sum();
        self.ids.reserve(n);
        self.kinds.reserve(n);
        self.sizes.reserve(n);
        self.prints.reserve(n);
        self.by_id.reserve(n);
        let mut sh = Shingler::default();
        let mut pending: Vec<u64> = Vec::with_capacity(text_bytes / 6 + n);
        let mut spans: Vec<(u32, usize, usize)> = Vec::with_capacity(n);
        for (id, kind, text) in docs {
            sh.run_distinct(text, &self.cfg, self.stop.as_ref());
            if let Some(slot) = self.add_doc(id, kind, &sh.distinct)? {
                let from = pending.len();
                pending.extend_from_slice(&sh.distinct);
                spans.push((slot, from, pending.len()));
            }
        }
        if self.delta.len() + pending.len() <= DELTA_MIN {
            // A small batch (the posts scraped from a page) goes to the delta:
            // building a base means walking all 65,536 buckets.
            for &(slot, from, to) in &spans {
                for &h in &pending[from..to] {
                    self.delta.insert(h, slot);
                }
            }
            self.maybe_compact();
        } else {
            self.compact_with(&pending, &spans);
        }
        Ok(())
    }

    /// Registers a document; returns its new slot, or `None` when an identical
    /// document was already there (only its kind is updated then).
    #[inline(never)]
    fn add_doc(
        &mut self,
        id: &str,
        kind: DocKind,
        distinct: &[u64],
    ) -> Result<Option<u32>, UniquenessError> {
        let print = fingerprint(distinct);
        if let Some(old) = self.by_id.get(&self.ids, id) {
            let o = old as usize;
            if self.prints[o] == print && self.sizes[o] as usize == distinct.len() {
                self.kinds[o] = kind.code();
                return Ok(None);
            }
            self.kinds[o] = DEAD;
            self.dead += 1;
        }
        let slot = self.ids.len();
        if slot >= MULTI as usize {
            return Err(UniquenessError::TooManyDocuments);
        }
        self.ids.push(id.to_owned());
        self.kinds.push(kind.code());
        self.sizes.push(distinct.len() as u32);
        self.prints.push(print);
        self.by_id.insert(&self.ids, id, slot as u32);
        Ok(Some(slot as u32))
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.by_id.remove(&self.ids, id) else {
            return false;
        };
        self.kinds[slot as usize] = DEAD;
        self.dead += 1;
        self.maybe_compact();
        true
    }

    /// Removes every document of one kind (e.g. the posts of the page the
    /// user just left); returns how many.
    pub fn remove_kind(&mut self, kind: DocKind) -> usize {
        let code = kind.code();
        let kinds = &mut self.kinds;
        let before = self.by_id.len();
        self.by_id.retain(|slot| {
            let k = &mut kinds[slot as usize];
            if *k == code {
                *k = DEAD;
                false
            } else {
                true
            }
        });
        let removed = before - self.by_id.len();
        self.dead += removed;
        self.maybe_compact();
        removed
    }

    fn maybe_compact(&mut self) {
        if self.delta.len() > DELTA_MIN.max(self.base_postings / 4)
            || self.dead > DEAD_MIN.max(self.len() / 2)
        {
            self.compact();
        }
    }

    /// Merges the delta into the compact base and drops dead slots.
    pub fn compact(&mut self) {
        self.compact_with(&[], &[]);
    }

    fn compact_with(&mut self, pending: &[u64], spans: &[(u32, usize, usize)]) {
        let mut remap = vec![u32::MAX; self.ids.len()];
        let mut next = 0u32;
        for (slot, &k) in self.kinds.iter().enumerate() {
            if k != DEAD {
                remap[slot] = next;
                next += 1;
            }
        }
        let new_slot = |s: u32| remap.get(s as usize).copied().filter(|&r| r != u32::MAX);
        let (base, delta) = (&self.base, &self.delta);
        let existing = |f: &mut dyn FnMut(u64, u32)| {
            base.for_each(&mut *f);
            delta.for_each(&mut *f);
        };
        let mut builder = BaseBuilder::new();
        existing(&mut |h, s| {
            if new_slot(s).is_some() {
                builder.count(h);
            }
        });
        for &(slot, from, to) in spans {
            if new_slot(slot).is_some() {
                builder.count_all(&pending[from..to]);
            }
        }
        builder.allocate();
        existing(&mut |h, s| {
            if let Some(r) = new_slot(s) {
                builder.place(h, r);
            }
        });
        for &(slot, from, to) in spans {
            if let Some(r) = new_slot(slot) {
                builder.place_all(&pending[from..to], r);
            }
        }
        self.base = builder.finish();
        self.base_postings = self.base.posting_count();
        self.delta.clear();
        if self.dead > 0 {
            let alive: Vec<bool> = self.kinds.iter().map(|&k| k != DEAD).collect();
            retain_alive(&mut self.kinds, &alive);
            retain_alive(&mut self.sizes, &alive);
            retain_alive(&mut self.prints, &alive);
            retain_alive(&mut self.ids, &alive);
            self.by_id.rebuild(&self.ids);
            self.dead = 0;
        }
    }

    /// Sizes of the structures, for the benchmark and the panel's diagnostics.
    pub fn stats(&self) -> IndexStats {
        let ids: usize = self.ids.iter().map(|s| s.capacity() + 24).sum();
        IndexStats {
            documents: self.len(),
            slots: self.ids.len(),
            distinct_shingles: self.base.key_count(),
            postings: self.base_postings + self.delta.len(),
            bytes: self.base.bytes()
                + self.delta.bytes()
                + ids
                + self.ids.len() * (1 + 4 + 8)
                + self.by_id.bytes(),
        }
    }
}

/// Sizes reported by [`UniquenessIndex::stats`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexStats {
    pub documents: usize,
    pub slots: usize,
    pub distinct_shingles: usize,
    pub postings: usize,
    /// Approximate heap bytes held by the index.
    pub bytes: usize,
}
