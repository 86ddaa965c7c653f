//! Uniqueness bindings: a JS-owned handle on the core's exact shingle index.
//!
//! The worker keeps one `UniquenessIndex` for every stored post plus the
//! posts visible on the page; the panel asks it while the user types.
//! Between wakes the worker keeps it serialised (`serialize`/`deserialize`,
//! tagged with `indexFormat()`), rebuilding with `upsertPacked` only when
//! that copy is stale. Members only the benchmark calls (`upsertMany`,
//! `score`, `stats`, `has`, `len`, `isEmpty`, `compact`) are compiled with
//! the `bench-exports` feature only: the shipped module carries what the
//! extension calls.

#[cfg(feature = "bench-exports")]
use js_sys::Array;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

#[cfg(feature = "bench-exports")]
use super::encode;
use super::{decode, encode_hot, js_error};
use crate::uniqueness::{
    self, CheckOptions, CheckScratch, DocKind, ShingleConfig, UniquenessError,
};

fn fail(err: UniquenessError) -> JsValue {
    js_error(err.variant(), err)
}

/// `indexFormat() -> string`: changes whenever the code that decides what
/// an index holds changes; a serialised index from another format is stale.
#[wasm_bindgen(js_name = indexFormat)]
pub fn index_format() -> String {
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        uniqueness::INDEX_FORMAT
    )
}

#[wasm_bindgen(js_name = UniquenessIndex)]
pub struct UniquenessIndex {
    index: uniqueness::UniquenessIndex,
    // Reused across checks so typing doesn't allocate per keystroke.
    scratch: CheckScratch,
}

impl Default for UniquenessIndex {
    fn default() -> Self {
        UniquenessIndex {
            index: uniqueness::UniquenessIndex::new(),
            scratch: CheckScratch::default(),
        }
    }
}

#[wasm_bindgen(js_class = UniquenessIndex)]
impl UniquenessIndex {
    /// `new UniquenessIndex(config?)`; config `{words, syllables, chars,
    /// stopWords}` (shingle sizes; defaults measured in docs/BENCHMARKS.md).
    #[wasm_bindgen(constructor)]
    pub fn new_js(config: JsValue) -> Result<UniquenessIndex, JsValue> {
        let config: Option<ShingleConfig> = decode(config)?;
        Ok(UniquenessIndex {
            index: uniqueness::UniquenessIndex::with_config(config.unwrap_or_default())
                .map_err(fail)?,
            scratch: CheckScratch::default(),
        })
    }

    /// `upsert(id, kind, text)`: add or replace a document; `kind` is
    /// "archive" | "queue" | "draft" | "page".
    pub fn upsert(&mut self, id: &str, kind: &str, text: &str) -> Result<(), JsValue> {
        let kind = DocKind::parse(kind).map_err(fail)?;
        self.index.upsert(id, kind, text).map_err(fail)
    }

    /// `upsertMany(ids, kinds, texts)`: one boundary crossing for a bulk load.
    #[cfg(feature = "bench-exports")]
    #[wasm_bindgen(js_name = upsertMany)]
    pub fn upsert_many(&mut self, ids: Array, kinds: Array, texts: Array) -> Result<(), JsValue> {
        let n = ids.length();
        if kinds.length() != n || texts.length() != n {
            return Err(js_error(
                "BadInput",
                "ids, kinds and texts must have the same length",
            ));
        }
        let mut docs = Vec::with_capacity(n as usize);
        for i in 0..n {
            let (id, kind, text) = (
                ids.get(i).as_string(),
                kinds.get(i).as_string(),
                texts.get(i).as_string(),
            );
            let (Some(id), Some(kind), Some(text)) = (id, kind, text) else {
                return Err(js_error(
                    "BadInput",
                    format!("document {i} is not three strings"),
                ));
            };
            docs.push((id, DocKind::parse(&kind).map_err(fail)?, text));
        }
        self.index
            .upsert_many(
                docs.iter()
                    .map(|(id, kind, text)| (id.as_str(), *kind, text.as_str())),
            )
            .map_err(fail)
    }

    /// `upsertPacked(ids, idLengths, kinds, texts, textLengths)`: the fast
    /// bulk load, two strings crossing the boundary instead of one per post:
    /// `ids.join("")`, `Uint32Array.from(ids, s => s.length)`, a `Uint8Array`
    /// of kind codes (archive 0, queue 1, draft 2, page 3), `texts.join("")`,
    /// `Uint32Array.from(texts, s => s.length)`.
    #[wasm_bindgen(js_name = upsertPacked)]
    pub fn upsert_packed(
        &mut self,
        ids: &str,
        id_lengths: &[u32],
        kinds: &[u8],
        texts: &str,
        text_lengths: &[u32],
    ) -> Result<(), JsValue> {
        let bad = |what: &str| js_error("BadInput", format!("upsertPacked: {what}"));
        if kinds.len() != id_lengths.len() || text_lengths.len() != id_lengths.len() {
            return Err(bad("ids, kinds and texts must have the same count"));
        }
        let ids = uniqueness::split_utf16(ids, id_lengths).ok_or_else(|| bad("id lengths"))?;
        let texts =
            uniqueness::split_utf16(texts, text_lengths).ok_or_else(|| bad("text lengths"))?;
        let kinds = kinds
            .iter()
            .map(|&k| DocKind::from_code(k).ok_or_else(|| bad("kind code")))
            .collect::<Result<Vec<_>, _>>()?;
        self.index
            .upsert_many(
                ids.into_iter()
                    .zip(kinds)
                    .zip(texts)
                    .map(|((id, k), t)| (id, k, t)),
            )
            .map_err(fail)
    }

    /// `remove(id) -> boolean`: whether the document was indexed.
    pub fn remove(&mut self, id: &str) -> bool {
        self.index.remove(id)
    }

    /// `removeKind(kind) -> number`: drop e.g. every "page" post when the
    /// user leaves the page.
    #[wasm_bindgen(js_name = removeKind)]
    pub fn remove_kind(&mut self, kind: &str) -> Result<usize, JsValue> {
        Ok(self.index.remove_kind(DocKind::parse(kind).map_err(fail)?))
    }

    #[cfg(feature = "bench-exports")]
    pub fn has(&self, id: &str) -> bool {
        self.index.contains(id)
    }

    #[cfg(feature = "bench-exports")]
    pub fn len(&self) -> usize {
        self.index.len()
    }

    #[cfg(feature = "bench-exports")]
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Merge pending additions and drop removed documents now (otherwise
    /// done automatically when enough have piled up).
    #[cfg(feature = "bench-exports")]
    pub fn compact(&mut self) {
        self.index.compact();
    }

    /// `stats() -> {documents, slots, distinctShingles, postings, bytes}`.
    #[cfg(feature = "bench-exports")]
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        encode(&self.index.stats())
    }

    /// `check(text, options?) -> {uniquenessPercent, totalShingles,
    /// uniqueShingles, fragments, matches: [{id, kind, containment, jaccard,
    /// draftShare, docShare, fragments}]}`; options `{excludeId, excludeIds, kinds, limit,
    /// minJaccard, minContainment, fragments}`.
    pub fn check(&mut self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let opts: Option<CheckOptions> = decode(options)?;
        let result = self
            .index
            .check_with(&mut self.scratch, text, &opts.unwrap_or_default());
        encode_hot(&result)
    }

    /// `score(text, options?) -> number`: only the uniqueness percentage (no
    /// matches, no fragments, no object to build): the cheap per-keystroke call.
    #[cfg(feature = "bench-exports")]
    pub fn score(&mut self, text: &str, options: JsValue) -> Result<f64, JsValue> {
        let opts: Option<CheckOptions> = decode(options)?;
        let opts = CheckOptions {
            limit: 0,
            fragments: false,
            ..opts.unwrap_or_default()
        };
        Ok(self
            .index
            .check_with(&mut self.scratch, text, &opts)
            .uniqueness_percent)
    }

    /// A compact serialised form, for a fast worker start.
    pub fn serialize(&mut self) -> Uint8Array {
        Uint8Array::from(self.index.to_bytes().as_slice())
    }

    /// `UniquenessIndex.deserialize(bytes)`: the index `serialize` wrote.
    pub fn deserialize(bytes: &[u8]) -> Result<UniquenessIndex, JsValue> {
        Ok(UniquenessIndex {
            index: uniqueness::UniquenessIndex::from_bytes(bytes).map_err(fail)?,
            scratch: CheckScratch::default(),
        })
    }
}
