//! Splitting a long text into a numbered thread ("… 1/3").
//!
//! Greedy and deterministic: each part takes as much text as fits, cut at the
//! furthest paragraph break that fits, else the furthest sentence break, else
//! the furthest word break; only a single token longer than the limit is cut
//! between grapheme clusters. The " k/N" suffix is counted in every part.
//! N is unknown until the split is done, so we split assuming N has `d`
//! digits (d = 1, 2, ...) until the result has no more than `d` digits.

use serde::Serialize;

use super::breaks::{inside, Breaks};
use super::count::{check, fits};
use super::resolve::{resolve, Resolved};
use super::rules::{CountOptions, NetworkId};
use super::text::{utf16_len, Utf16Cursor};
use super::{NetworksError, TextRange};

/// One part of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadPart {
    /// 1-based.
    pub index: usize,
    pub total: usize,
    /// The text to post, numbering included (none when the text fits whole).
    pub text: String,
    /// Where the part's content comes from in the original text (UTF-16).
    pub range: TextRange,
}

/// More digits than any real thread could need; a bound for the loop only.
const MAX_DIGITS: usize = 12;

/// Split `text` into parts that each fit `network`'s limits. A text that fits
/// is returned whole as one part without numbering; an all-whitespace text
/// gives no parts.
pub fn split_thread(
    text: &str,
    network: NetworkId,
    options: &CountOptions,
) -> Result<Vec<ThreadPart>, NetworksError> {
    let res = resolve(network, options)?;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let (whole_fits, count) = check(text, &res);
    if whole_fits {
        let range = TextRange {
            start: 0,
            end: utf16_len(text),
        };
        return Ok(vec![ThreadPart {
            index: 1,
            total: 1,
            text: text.to_string(),
            range,
        }]);
    }
    let breaks = Breaks::of(text);
    // Each part holds at most `limit`, so the thread has at least
    // count / limit parts: start with that many digits instead of
    // re-splitting for 1, 2, ... digits.
    let at_least = res.limit.map_or(1, |l| count.div_ceil(l.max(1)));
    for digits in at_least.to_string().len()..=MAX_DIGITS {
        let Some(spans) = pack(text, &res, &breaks, digits)? else {
            continue;
        };
        let total = spans.len();
        let mut cur = Utf16Cursor::new(text);
        let parts: Vec<ThreadPart> = spans
            .iter()
            .enumerate()
            .map(|(k, &(a, b))| ThreadPart {
                index: k + 1,
                total,
                text: format!(
                    "{}{}",
                    text.get(a..b).unwrap_or(""),
                    suffix(k + 1, &total.to_string())
                ),
                range: cur.range(a, b),
            })
            .collect();
        // The real numbering is never longer than the placeholder it was
        // packed with, but checking costs little and guarantees the promise.
        if parts.iter().all(|p| fits(&p.text, &res)) {
            return Ok(parts);
        }
    }
    Err(NetworksError::TooManyParts)
}

fn suffix(index: usize, total: &str) -> String {
    format!(" {index}/{total}")
}

fn skip_ws(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

/// One greedy pass assuming the total has `digits` digits. `Ok(None)` when the
/// thread needs more digits than that.
fn pack(
    text: &str,
    res: &Resolved,
    breaks: &Breaks,
    digits: usize,
) -> Result<Option<Vec<(usize, usize)>>, NetworksError> {
    let placeholder = "9".repeat(digits);
    let mut parts = Vec::new();
    let mut start = skip_ws(text, 0);
    while start < text.len() {
        let index = parts.len() + 1;
        if index.to_string().len() > digits {
            return Ok(None);
        }
        let suffix = suffix(index, &placeholder);
        let end = choose_end(text, start, &suffix, res, breaks)?;
        let content = text.get(start..end).unwrap_or("").trim_end();
        parts.push((start, start + content.len()));
        start = skip_ws(text, end);
    }
    Ok(Some(parts))
}

/// The furthest cut after `start` whose part (plus `suffix`) fits.
fn choose_end(
    text: &str,
    start: usize,
    suffix: &str,
    res: &Resolved,
    breaks: &Breaks,
) -> Result<usize, NetworksError> {
    let bound = size_bound(text, start, res, breaks);
    let part_fits = |end: usize| {
        let content = text.get(start..end).unwrap_or("").trim_end();
        fits(&format!("{content}{suffix}"), res)
    };
    for level in &breaks.levels {
        let lo = level.partition_point(|&p| p <= start);
        let hi = level.partition_point(|&p| p <= bound);
        if let Some(end) = furthest(level.get(lo..hi.max(lo)).unwrap_or(&[]), &part_fits) {
            return Ok(end);
        }
    }
    // Last resort: the token at `start` alone is too long; cut it between
    // grapheme clusters, up to the first word break (past which nothing fits).
    let words = &breaks.levels[2];
    let token_end = words
        .get(words.partition_point(|&p| p <= start))
        .copied()
        .unwrap_or(text.len());
    let cands = breaks
        .graphemes
        .between(start, token_end.min(bound.max(start)));
    if let Some(end) = furthest(cands, &part_fits) {
        return Ok(end);
    }
    if !fits(&format!("x{suffix}"), res) {
        return Err(NetworksError::LimitTooSmall {
            limit: res.limit.unwrap_or(0),
        });
    }
    Err(NetworksError::GraphemeTooLong {
        offset: utf16_len(text.get(..start).unwrap_or("")),
    })
}

/// The furthest candidate accepted by `ok`, assuming acceptance is monotone
/// (more text never fits better): gallop, then bisect. `None` if the first
/// candidate already fails.
fn furthest(cands: &[usize], ok: &dyn Fn(usize) -> bool) -> Option<usize> {
    let first = *cands.first()?;
    if !ok(first) {
        return None;
    }
    let (mut good, mut step) = (0usize, 1usize);
    let mut bad = cands.len();
    while good + step < cands.len() {
        if cands.get(good + step).is_some_and(|&c| ok(c)) {
            good += step;
            step *= 2;
        } else {
            bad = good + step;
            break;
        }
    }
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if cands.get(mid).is_some_and(|&c| ok(c)) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    cands.get(good).copied()
}

/// A cut past this offset cannot fit: every grapheme that is neither
/// whitespace nor inside an entity costs at least 1 in every unit, so more
/// than `limit` of them are over. Keeps each `fits` call proportional to a
/// part, not to the whole text.
fn size_bound(text: &str, start: usize, res: &Resolved, breaks: &Breaks) -> usize {
    let Some(limit) = res.limit else {
        return text.len();
    };
    let mut counted = 0usize;
    for (at, g) in breaks.graphemes.clusters(text, start) {
        if g.chars().all(char::is_whitespace)
            || inside(&breaks.spans, at)
            || is_span_start(&breaks.spans, at)
        {
            continue;
        }
        counted += 1;
        if counted > limit {
            return at;
        }
    }
    text.len()
}

fn is_span_start(spans: &[(usize, usize)], p: usize) -> bool {
    spans.binary_search_by_key(&p, |s| s.0).is_ok()
}
