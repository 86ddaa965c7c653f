//! Brute-force reference: the same semantics as [`super::UniquenessIndex`],
//! computed the slow, obvious way (every document's shingle set intersected
//! with the draft's). Tests compare the index against it and the benchmark
//! uses it as the exact answer.

use super::check::{fragments, CheckOptions, CheckResult, Fragment, Match};
use super::hash::FxHashSet;
use super::shingle::{ShingleConfig, Shingler};
use super::stopwords::stop_set;
use super::{DocKind, UniquenessError};

pub struct BruteForce {
    cfg: ShingleConfig,
    stop: Option<FxHashSet<u64>>,
    docs: Vec<(String, DocKind, Vec<u64>)>,
}

impl BruteForce {
    pub fn new(cfg: ShingleConfig) -> Result<Self, UniquenessError> {
        if !cfg.is_valid() {
            return Err(UniquenessError::BadConfig);
        }
        Ok(Self {
            stop: cfg.stop_words.then(stop_set),
            cfg,
            docs: Vec::new(),
        })
    }

    /// Adds a document, replacing any with the same id.
    pub fn upsert(&mut self, id: &str, kind: DocKind, text: &str) {
        self.remove(id);
        let mut sh = Shingler::default();
        sh.run_distinct(text, &self.cfg, self.stop.as_ref());
        self.docs.push((id.to_owned(), kind, sh.distinct));
    }

    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.docs.len();
        self.docs.retain(|d| d.0 != id);
        before != self.docs.len()
    }

    pub fn remove_kind(&mut self, kind: DocKind) -> usize {
        let before = self.docs.len();
        self.docs.retain(|d| d.1 != kind);
        before - self.docs.len()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn check(&self, text: &str, opts: &CheckOptions) -> CheckResult {
        let mut sh = Shingler::default();
        sh.run_distinct(text, &self.cfg, self.stop.as_ref());
        let draft = &sh.distinct;
        let total = draft.len();
        let draft_set: FxHashSet<u64> = draft.iter().copied().collect();
        let mut found: FxHashSet<u64> = FxHashSet::default();
        let mut matches = Vec::new();
        for (id, kind, set) in &self.docs {
            let wanted = opts.kinds.as_ref().is_none_or(|ks| ks.contains(kind));
            let excluded = opts.exclude_id.as_deref() == Some(id.as_str())
                || opts.exclude_ids.iter().any(|x| x == id);
            if !wanted || excluded {
                continue;
            }
            // Iterate the document, probe the draft: linear in the corpus
            // (and no allocation for the many documents sharing nothing).
            if !set.iter().any(|h| draft_set.contains(h)) {
                continue;
            }
            let common: Vec<u64> = set
                .iter()
                .copied()
                .filter(|h| draft_set.contains(h))
                .collect();
            if common.is_empty() {
                continue;
            }
            found.extend(&common);
            let (s, t, d) = (common.len() as f64, total as f64, set.len() as f64);
            let jaccard = s / (t + d - s);
            let containment = s / t.min(d);
            if jaccard >= opts.min_jaccard || containment >= opts.min_containment {
                let frags = if opts.fragments {
                    self.frags(&sh, |h| set.binary_search(&h).is_ok())
                } else {
                    Vec::new()
                };
                matches.push(Match {
                    id: id.clone(),
                    kind: *kind,
                    shared: common.len() as u32,
                    doc_shingles: set.len() as u32,
                    containment,
                    jaccard,
                    draft_share: s / t,
                    doc_share: s / d,
                    fragments: frags,
                });
            }
        }
        crate::sort::sort_by(&mut matches, |a, b| {
            b.containment
                .total_cmp(&a.containment)
                .then(b.jaccard.total_cmp(&a.jaccard))
                .then_with(|| a.id.cmp(&b.id))
        });
        matches.truncate(opts.limit);
        let unique = total - found.len();
        CheckResult {
            uniqueness_percent: if total == 0 {
                100.0
            } else {
                unique as f64 * 100.0 / total as f64
            },
            total_shingles: total as u32,
            unique_shingles: unique as u32,
            fragments: if opts.fragments {
                self.frags(&sh, |h| found.contains(&h))
            } else {
                Vec::new()
            },
            matches,
        }
    }

    fn frags(&self, sh: &Shingler, hit: impl Fn(u64) -> bool) -> Vec<Fragment> {
        let occ = (0..sh.shingles.len() as u32)
            .filter(|&i| hit(sh.shingles[i as usize].hash))
            .collect();
        fragments(&sh.shingles, &sh.tokens, occ)
    }
}
