//! Counting a text against a network's limits.
//!
//! Every measure walks the ORIGINAL text grapheme by grapheme, so the first
//! character that pushes a count over its limit has an offset in the text the
//! user typed; that is where the panel's overflow highlight starts.

use serde::Serialize;

use super::bluesky_links::{shortened, ShortenedLink};
use super::entities::{
    scan, to_public, CashtagEntity, HashtagEntity, MentionEntity, RawEntities, UrlEntity,
};
use super::resolve::{resolve, Resolved};
use super::rules::{CountOptions, NetworkId, Unit};
use super::text::{utf16_len, Boundaries, Utf16Cursor};
use super::threads::{distinct_links, emoji_bytes_cost};
use super::weight::grapheme_weight;
use super::{NetworksError, TextRange};

/// One limit checked for a text (a network may have several: Bluesky checks
/// graphemes and bytes, Instagram characters and hashtags, Threads
/// characters, links and what a person sees).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    pub unit: Unit,
    pub count: usize,
    /// `None`: no limit (generic).
    pub limit: Option<usize>,
    /// `limit - count`, negative when over.
    pub remaining: Option<i64>,
    pub over: bool,
    /// From the first character past the limit to the end of the text.
    pub overflow: Option<TextRange>,
}

/// The result of `count_text`. The top-level count/limit/unit/remaining are
/// the primary measure's; `over` and `overflow` consider every measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountResult {
    pub network: NetworkId,
    pub count: usize,
    pub limit: Option<usize>,
    pub unit: Unit,
    pub remaining: Option<i64>,
    pub over: bool,
    /// Earliest overflow of any measure, to the end of the text (UTF-16).
    pub overflow: Option<TextRange>,
    pub measures: Vec<Measure>,
    /// URLs the network treats as links (Mastodon: only `http(s)://` ones).
    pub urls: Vec<UrlEntity>,
    /// Bluesky: each link the app posts shortened, with the text it posts
    /// in its place (empty on other networks). The app finds its links its
    /// own way (`bluesky_links.rs`), so these need not match `urls`.
    pub shortened_links: Vec<ShortenedLink>,
    pub hashtags: Vec<HashtagEntity>,
    pub mentions: Vec<MentionEntity>,
    /// Only filled for X, the one network with cashtags.
    pub cashtags: Vec<CashtagEntity>,
}

/// A measure before conversion to UTF-16 (byte offset of the overflow).
#[derive(Debug, Clone, Copy)]
struct RawMeasure {
    unit: Unit,
    count: usize,
    limit: Option<usize>,
    overflow_at: Option<usize>,
}

/// Count `text` for `network`.
pub fn count_text(
    text: &str,
    network: NetworkId,
    options: &CountOptions,
) -> Result<CountResult, NetworksError> {
    let res = resolve(network, options)?;
    let bounds = Boundaries::of(text);
    let raw = scan(text, &bounds);
    let measures = measure(text, &bounds, &res, &raw);
    let mut cur = Utf16Cursor::new(text);
    let end16 = utf16_len(text);
    let public: Vec<Measure> = measures
        .iter()
        .map(|m| {
            let count = m.count;
            Measure {
                unit: m.unit,
                count,
                limit: m.limit,
                remaining: m.limit.map(|l| signed(l) - signed(count)),
                over: m.overflow_at.is_some(),
                overflow: m.overflow_at.map(|at| TextRange {
                    start: cur.at(at),
                    end: end16,
                }),
            }
        })
        .collect();
    let overflow = public
        .iter()
        .filter_map(|m| m.overflow)
        .min_by_key(|r| r.start);
    let primary = public.first().cloned().unwrap_or(Measure {
        unit: res.unit,
        count: 0,
        limit: res.limit,
        remaining: None,
        over: false,
        overflow: None,
    });
    let mut entities = to_public(text, &raw, !res.url_needs_scheme);
    if network != NetworkId::X {
        entities.cashtags.clear();
    }
    let shortened_links = if res.shortens_links {
        let mut cur = Utf16Cursor::new(text);
        shortened(text, &bounds)
            .into_iter()
            .map(|(start, end, short)| ShortenedLink {
                url: text.get(start..end).unwrap_or("").to_string(),
                range: cur.range(start, end),
                shortened: short,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(CountResult {
        network,
        count: primary.count,
        limit: primary.limit,
        unit: primary.unit,
        remaining: primary.remaining,
        over: overflow.is_some(),
        overflow,
        measures: public,
        urls: entities.urls,
        shortened_links,
        hashtags: entities.hashtags,
        mentions: entities.mentions,
        cashtags: entities.cashtags,
    })
}

fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whether `text` is within every limit of `res` (the splitter's test).
pub(crate) fn fits(text: &str, res: &Resolved) -> bool {
    check(text, res).0
}

/// (fits, primary count): one pass for both.
pub(crate) fn check(text: &str, res: &Resolved) -> (bool, usize) {
    let bounds = Boundaries::of(text);
    let raw = scan(text, &bounds);
    let m = measure(text, &bounds, res, &raw);
    let ok = m.iter().all(|m| m.overflow_at.is_none());
    (ok, m.first().map_or(0, |m| m.count))
}

/// All measures of a text: the primary one first, then the extra limits.
fn measure(text: &str, bounds: &Boundaries, res: &Resolved, raw: &RawEntities) -> Vec<RawMeasure> {
    let short = if res.shortens_links {
        shortened(text, bounds)
    } else {
        Vec::new()
    };
    let measure_in = |unit: Unit, limit: Option<usize>| match unit {
        Unit::Hashtags => RawMeasure {
            unit,
            count: raw.hashtags.len(),
            limit,
            overflow_at: limit.and_then(|l| raw.hashtags.get(l)).map(|h| h.0),
        },
        Unit::Links => {
            let (count, overflow_at) = distinct_links(text, &raw.urls, limit.unwrap_or(usize::MAX));
            RawMeasure {
                unit,
                count,
                limit,
                overflow_at,
            }
        }
        _ => tally(
            text,
            bounds,
            unit,
            &fixed_spans(res, raw, &short, unit),
            limit,
        ),
    };
    let mut out = vec![measure_in(res.unit, res.limit)];
    out.extend(
        res.extra
            .iter()
            .map(|&(unit, limit)| measure_in(unit, Some(limit))),
    );
    out
}

/// Stretches of text whose cost is fixed whatever their length, as
/// (start, end, cost in `unit`): URLs on X and Mastodon (23), the `@domain`
/// half of a Mastodon mention (0), and on Bluesky every link whose posted,
/// shortened text differs from what was typed (that text's cost).
fn fixed_spans(
    res: &Resolved,
    raw: &RawEntities,
    short: &[(usize, usize, String)],
    unit: Unit,
) -> Vec<(usize, usize, usize)> {
    let mut spans = Vec::new();
    if let Some(cost) = res.url_length {
        spans.extend(
            raw.urls
                .iter()
                .filter(|u| u.has_scheme || !res.url_needs_scheme)
                .map(|u| (u.start, u.end, cost)),
        );
    }
    if res.mention_domain_free {
        spans.extend(
            raw.mentions
                .iter()
                .filter_map(|m| m.domain_at.map(|d| (d, m.end, 0))),
        );
    }
    spans.extend(
        short
            .iter()
            .map(|(start, end, s)| (*start, *end, text_cost(unit, s))),
    );
    crate::sort::sort(&mut spans);
    spans
}

/// The cost of a whole string in `unit` (a shortened link's).
fn text_cost(unit: Unit, s: &str) -> usize {
    let bounds = Boundaries::of(s);
    bounds.clusters(s, 0).map(|(_, g)| unit_cost(unit, g)).sum()
}

/// Sum the cost of every grapheme (or fixed span) and note where the running
/// total first exceeds `limit`.
fn tally(
    text: &str,
    bounds: &Boundaries,
    unit: Unit,
    spans: &[(usize, usize, usize)],
    limit: Option<usize>,
) -> RawMeasure {
    let mut count = 0usize;
    let mut overflow_at = None;
    let mut next_span = 0;
    let mut skip_until = 0;
    for (i, g) in bounds.clusters(text, 0) {
        if i < skip_until {
            continue;
        }
        // Spans always start on a grapheme boundary; skipping any that do not
        // keeps a malformed span from swallowing the rest of the text.
        while spans.get(next_span).is_some_and(|s| s.0 < i) {
            next_span += 1;
        }
        let cost = match spans.get(next_span) {
            Some(&(start, end, cost)) if start == i => {
                next_span += 1;
                skip_until = end;
                cost
            }
            _ => unit_cost(unit, g),
        };
        count = count.saturating_add(cost);
        if overflow_at.is_none() && limit.is_some_and(|l| count > l) {
            overflow_at = Some(i);
        }
    }
    RawMeasure {
        unit,
        count,
        limit,
        overflow_at,
    }
}

fn unit_cost(unit: Unit, g: &str) -> usize {
    match unit {
        Unit::WeightedChars => grapheme_weight(g),
        Unit::Graphemes => 1,
        Unit::Utf8Bytes => g.len(),
        Unit::Utf16Units => utf16_len(g),
        Unit::CodePoints => g.chars().count(),
        Unit::EmojiBytes => emoji_bytes_cost(g),
        Unit::Hashtags | Unit::Links => 0,
    }
}
