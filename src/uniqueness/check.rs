//! "How unique is this draft?": one pass over the posting lists of the
//! draft's distinct shingles.

use serde::{Deserialize, Serialize};

use super::index::{UniquenessIndex, DEAD};
use super::shingle::{Shingle, Shingler};
use super::tokenize::Token;
use super::DocKind;

/// What to check against and what to report.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckOptions {
    /// The draft's own id: never matched against itself.
    pub exclude_id: Option<String>,
    /// More documents that are the draft itself (its published copy seen on
    /// the page): never matched either.
    pub exclude_ids: Vec<String>,
    /// Only documents of these kinds count (default: every kind).
    pub kinds: Option<Vec<DocKind>>,
    /// Report at most this many documents.
    pub limit: usize,
    /// Report a document when its Jaccard similarity reaches this...
    pub min_jaccard: f64,
    /// ...or its containment (see [`Match::containment`]) reaches this.
    pub min_containment: f64,
    /// Compute highlight ranges (turn off for a cheaper score-only check).
    pub fragments: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            exclude_id: None,
            exclude_ids: Vec::new(),
            kinds: None,
            limit: 100,
            min_jaccard: 0.5,
            min_containment: 0.8,
            fragments: true,
        }
    }
}

/// A highlight range in the draft, in UTF-16 code units (JS string offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub start: u32,
    pub end: u32,
}

/// One indexed document that overlaps the draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    pub id: String,
    pub kind: DocKind,
    /// Distinct shingles the draft and the document share.
    pub shared: u32,
    /// Distinct shingles of the document.
    pub doc_shingles: u32,
    /// `shared / min(draft, document)`: the larger of `draftShare` and
    /// `docShare`, so both "the draft copies this post" and "this post is
    /// copied whole inside a longer draft" score high.
    pub containment: f64,
    /// `shared / |draft ∪ document|`.
    pub jaccard: f64,
    /// Share of the draft's shingles found in this document (text.ru's per-source figure).
    pub draft_share: f64,
    /// Share of the document's shingles found in the draft.
    pub doc_share: f64,
    /// Draft ranges covered by shingles shared with this document.
    pub fragments: Vec<Fragment>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    /// Share of the draft's distinct shingles found in no other document, 0–100
    /// (100 for a draft with no words).
    pub uniqueness_percent: f64,
    pub total_shingles: u32,
    pub unique_shingles: u32,
    /// Every non-unique range of the draft, whichever document it came from.
    pub fragments: Vec<Fragment>,
    /// Documents passing the thresholds: containment desc, Jaccard desc, id asc.
    pub matches: Vec<Match>,
}

/// Reusable buffers for checks: keep one per index to check while typing
/// without allocating.
#[derive(Default)]
pub struct CheckScratch {
    sh: Shingler,
    order: Vec<(u64, u32)>,
    groups: Vec<u32>,
    found: Vec<bool>,
    counts: Vec<u32>,
    touched: Vec<u32>,
    /// (slot, distinct shingle) for every accepted posting: the fragments of
    /// the reported documents come from here without a second lookup pass.
    pairs: Vec<(u32, u32)>,
    values: Vec<Option<u32>>,
}

impl UniquenessIndex {
    /// Checks `text` with fresh scratch buffers.
    pub fn check(&self, text: &str, opts: &CheckOptions) -> CheckResult {
        self.check_with(&mut CheckScratch::default(), text, opts)
    }

    /// Checks `text`, reusing `scratch`.
    pub fn check_with(
        &self,
        scratch: &mut CheckScratch,
        text: &str,
        opts: &CheckOptions,
    ) -> CheckResult {
        let s = scratch;
        s.sh.run(text, &self.cfg, self.stop.as_ref());
        // Group shingle occurrences by hash: `order` holds (hash, position)
        // sorted, `groups[g]..groups[g + 1]` the occurrences of distinct shingle g.
        let shingles = &s.sh.shingles;
        s.order.clear();
        s.order.extend(
            shingles
                .iter()
                .enumerate()
                .map(|(i, sh)| (sh.hash, i as u32)),
        );
        s.order.sort_unstable();
        s.groups.clear();
        for n in 0..s.order.len() {
            if n == 0 || s.order[n - 1].0 != s.order[n].0 {
                s.groups.push(n as u32);
            }
        }
        s.groups.push(s.order.len() as u32);
        let total = s.groups.len() - 1;

        let mask = opts
            .kinds
            .as_ref()
            .map_or(0xFF, |ks| ks.iter().fold(0u8, |m, k| m | (1 << k.code())));
        // Usually none or one id: a linear scan beats building a set.
        let excluded: Vec<u32> = opts
            .exclude_id
            .iter()
            .chain(&opts.exclude_ids)
            .filter_map(|id| self.by_id.get(&self.ids, id))
            .collect();
        // Right after a compaction with no filter every posting counts: skip
        // the per-posting kind read (a cache miss at 100k posts).
        let filtered = mask != 0xFF || !excluded.is_empty() || self.dead > 0;
        let accept = |slot: u32| {
            if !filtered {
                return true;
            }
            let k = self.kinds.get(slot as usize).copied().unwrap_or(DEAD);
            k != DEAD && mask & (1 << (k & 7)) != 0 && !excluded.contains(&slot)
        };

        if s.counts.len() < self.ids.len() {
            s.counts.resize(self.ids.len(), 0);
        }
        s.found.clear();
        s.touched.clear();
        s.pairs.clear();
        // All base lookups first (independent loads, overlapping misses),
        // then the posting lists.
        s.values.clear();
        s.values
            .extend((0..total).map(|g| self.base.lookup(s.order[s.groups[g] as usize].0)));
        for g in 0..total {
            let h = s.order[s.groups[g] as usize].0;
            let base = s.values[g]
                .map(|v| self.base.resolve(v))
                .into_iter()
                .flatten();
            let mut any = false;
            for slot in base
                .chain(self.delta.postings(h))
                .filter(|&slot| accept(slot))
            {
                any = true;
                let c = &mut s.counts[slot as usize];
                if *c == 0 {
                    s.touched.push(slot);
                }
                *c += 1;
                s.pairs.push((slot, g as u32));
            }
            s.found.push(any);
        }

        let mut matches = Vec::new();
        for &slot in &s.touched {
            let shared = std::mem::take(&mut s.counts[slot as usize]);
            let size = self.sizes[slot as usize];
            let (sh, t, d) = (f64::from(shared), total as f64, f64::from(size));
            let jaccard = sh / (t + d - sh);
            let containment = sh / t.min(d);
            if jaccard >= opts.min_jaccard || containment >= opts.min_containment {
                matches.push((slot, shared, jaccard, containment));
            }
        }
        crate::sort::sort_by(&mut matches, |a, b| {
            b.3.total_cmp(&a.3)
                .then(b.2.total_cmp(&a.2))
                .then_with(|| self.ids[a.0 as usize].cmp(&self.ids[b.0 as usize]))
        });
        matches.truncate(opts.limit);

        // Which shingles each reported document shares, from the recorded pairs.
        let mut hits: Vec<Vec<u32>> =
            vec![Vec::new(); if opts.fragments { matches.len() } else { 0 }];
        if !hits.is_empty() {
            for (mi, m) in matches.iter().enumerate() {
                s.counts[m.0 as usize] = mi as u32 + 1;
            }
            for &(slot, g) in &s.pairs {
                if let Some(mi) = s.counts[slot as usize].checked_sub(1) {
                    hits[mi as usize].push(g);
                }
            }
            for m in &matches {
                s.counts[m.0 as usize] = 0;
            }
        }

        let span = |gs: &mut dyn Iterator<Item = usize>| -> Vec<Fragment> {
            let mut occ: Vec<u32> = Vec::new();
            for g in gs {
                occ.extend(
                    s.order[s.groups[g] as usize..s.groups[g + 1] as usize]
                        .iter()
                        .map(|o| o.1),
                );
            }
            fragments(shingles, &s.sh.tokens, occ)
        };
        let unique = s.found.iter().filter(|f| !**f).count();
        let found_frags = if opts.fragments {
            span(&mut (0..total).filter(|&g| s.found[g]))
        } else {
            Vec::new()
        };
        let matches = matches
            .iter()
            .enumerate()
            .map(|(mi, &(slot, shared, jaccard, containment))| {
                let size = self.sizes[slot as usize];
                Match {
                    id: self.ids[slot as usize].clone(),
                    kind: DocKind::from_code(self.kinds[slot as usize]).unwrap_or(DocKind::Archive),
                    shared,
                    doc_shingles: size,
                    containment,
                    jaccard,
                    draft_share: f64::from(shared) / total as f64,
                    doc_share: f64::from(shared) / f64::from(size),
                    fragments: hits
                        .get(mi)
                        .map_or_else(Vec::new, |h| span(&mut h.iter().map(|&g| g as usize))),
                }
            })
            .collect();
        CheckResult {
            uniqueness_percent: if total == 0 {
                100.0
            } else {
                unique as f64 * 100.0 / total as f64
            },
            total_shingles: total as u32,
            unique_shingles: unique as u32,
            fragments: found_frags,
            matches,
        }
    }
}

/// Merges shingle occurrences (indices into `shingles`) into highlight
/// ranges; windows that overlap or touch become one range.
pub(crate) fn fragments(
    shingles: &[Shingle],
    tokens: &[Token],
    mut occ: Vec<u32>,
) -> Vec<Fragment> {
    // std's sort, not the shared one: this runs on every keystroke, on up
    // to a few hundred positions, where the shared sort's dyn comparisons and
    // permutation step showed in the check's latency.
    occ.sort_unstable();
    let mut out = Vec::new();
    let mut cur: Option<(u32, u32)> = None;
    for &i in &occ {
        let Some(s) = shingles.get(i as usize) else {
            continue;
        };
        cur = match cur {
            Some((f, l)) if s.first <= l + 1 => Some((f, l.max(s.last))),
            Some(done) => {
                out.push(done);
                Some((s.first, s.last))
            }
            None => Some((s.first, s.last)),
        };
    }
    out.extend(cur);
    out.iter()
        .filter_map(|&(f, l)| {
            Some(Fragment {
                start: tokens.get(f as usize)?.start,
                end: tokens.get(l as usize)?.end,
            })
        })
        .collect()
}
