//! Native uniqueness benchmark (plain `Instant` timing; `bench/run.sh` runs it).
//!
//! `cargo run --release --example bench_uniqueness -- bench/.cache/bench-100000.json [...]`
//!
//! For each archive: bulk build time, bytes per post, serialise/load time,
//! page-index build time, per-check latency (cold = first pass, warm = five
//! more passes) overall and per query type, and accuracy against the exact
//! brute force (`glider::uniqueness::reference`). Writes the brute-force truth
//! (`truth-N.json`, used by the Chromium bench and the peers) and the native
//! results (`native-N.json`) next to the input. Env `SHINGLE=words,syllables,chars`
//! overrides the shingle sizes (for the size measurements in BENCHMARKS.md).

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use glider::uniqueness::reference::BruteForce;
use glider::uniqueness::{CheckOptions, CheckScratch, DocKind, ShingleConfig, UniquenessIndex};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Bench {
    archive: Vec<(String, String, String)>,
    queries: Vec<Query>,
}

#[derive(Deserialize)]
struct Query {
    #[serde(rename = "type")]
    kind: String,
    text: String,
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn config() -> ShingleConfig {
    let mut cfg = ShingleConfig::default();
    if let Ok(s) = std::env::var("SHINGLE") {
        let v: Vec<u8> = s.split(',').filter_map(|x| x.parse().ok()).collect();
        if let [w, s, c] = v[..] {
            cfg = ShingleConfig {
                words: w,
                syllables: s,
                chars: c,
                ..cfg
            };
        }
    }
    cfg
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cfg = config();
    let quick = std::env::var("QUICK").is_ok();
    for path in std::env::args().skip(1) {
        let bench: Bench = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let n = bench.archive.len();
        let kinds: Vec<DocKind> = bench
            .archive
            .iter()
            .map(|d| DocKind::parse(&d.1))
            .collect::<Result<_, _>>()?;
        let docs = || {
            bench
                .archive
                .iter()
                .zip(&kinds)
                .map(|(d, k)| (d.0.as_str(), *k, d.2.as_str()))
        };

        let t = Instant::now();
        let mut index = UniquenessIndex::with_config(cfg)?;
        index.upsert_many(docs())?;
        let build_ms = ms(t);
        let stats = index.stats();
        let t = Instant::now();
        let bytes = index.to_bytes();
        let save_ms = ms(t);
        let t = Instant::now();
        let index = UniquenessIndex::from_bytes(&bytes)?;
        let load_ms = ms(t);

        let mut page_ms = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            let mut page = UniquenessIndex::with_config(cfg)?;
            page.upsert_many(
                bench
                    .archive
                    .iter()
                    .take(200)
                    .map(|d| (d.0.as_str(), DocKind::Page, d.2.as_str())),
            )?;
            page_ms.push(ms(t));
        }
        page_ms.sort_by(f64::total_cmp);

        let opts = CheckOptions::default();
        let mut scratch = CheckScratch::default();
        let mut cold = Vec::new();
        let mut results = Vec::new();
        for q in &bench.queries {
            let t = Instant::now();
            let r = index.check_with(&mut scratch, &q.text, &opts);
            cold.push(ms(t));
            results.push(r);
        }
        let mut warm: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
        for _ in 0..if quick { 1 } else { 5 } {
            for q in &bench.queries {
                let t = Instant::now();
                std::hint::black_box(index.check_with(&mut scratch, &q.text, &opts));
                let e = ms(t);
                warm.entry("all").or_default().push(e);
                warm.entry(q.kind.as_str()).or_default().push(e);
            }
        }
        warm.values_mut().for_each(|v| v.sort_by(f64::total_cmp));
        cold.sort_by(f64::total_cmp);

        // Exact brute force: the truth for us, the WASM run and the peers.
        let t = Instant::now();
        let mut bf = BruteForce::new(cfg)?;
        for (id, kind, text) in docs() {
            bf.upsert(id, kind, text);
        }
        let all = CheckOptions {
            limit: usize::MAX,
            fragments: false,
            ..CheckOptions::default()
        };
        let (mut tp, mut rel_n, mut rep_n, mut err_sum, mut err_max) =
            (0usize, 0usize, 0usize, 0.0f64, 0.0f64);
        let mut truth = Vec::new();
        let mut by_type: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
        for (q, ours) in bench.queries.iter().zip(&results) {
            let exact = bf.check(&q.text, &all);
            let rel: HashSet<&str> = exact.matches.iter().map(|m| m.id.as_str()).collect();
            let rep: HashSet<&str> = ours.matches.iter().map(|m| m.id.as_str()).collect();
            tp += rel.intersection(&rep).count();
            rel_n += rel.len();
            rep_n += rep.len();
            let err = (ours.uniqueness_percent - exact.uniqueness_percent).abs();
            err_sum += err;
            err_max = err_max.max(err);
            let e = by_type.entry(q.kind.as_str()).or_default();
            e.0 += exact.uniqueness_percent;
            e.1 += 1;
            let mut ids: Vec<&str> = rel.into_iter().collect();
            ids.sort_unstable();
            truth.push(json!({"u": exact.uniqueness_percent, "shingles": exact.total_shingles, "rel": ids}));
        }
        let truth_ms = ms(t);
        let dir = std::path::Path::new(&path)
            .parent()
            .unwrap_or(std::path::Path::new("."));
        std::fs::write(
            dir.join(format!("truth-{n}.json")),
            serde_json::to_string(&truth)?,
        )?;

        let w = &warm["all"];
        let recall = if rel_n == 0 {
            1.0
        } else {
            tp as f64 / rel_n as f64
        };
        let precision = if rep_n == 0 {
            1.0
        } else {
            tp as f64 / rep_n as f64
        };
        let mean_u: BTreeMap<&str, f64> = by_type
            .iter()
            .map(|(k, (s, c))| (*k, s / *c as f64))
            .collect();
        let per_type: BTreeMap<&str, serde_json::Value> = warm
            .iter()
            .map(|(k, v)| (*k, json!({"p50_ms": pct(v, 0.5), "p99_ms": pct(v, 0.99), "exact_mean_uniqueness": mean_u.get(k)})))
            .collect();
        let out = json!({
            "archive": n, "config": cfg, "build_ms": build_ms, "index_bytes": stats.bytes,
            "bytes_per_post": stats.bytes as f64 / n as f64, "serialized_bytes": bytes.len(),
            "save_ms": save_ms, "load_ms": load_ms, "page_index_200_ms": pct(&page_ms, 0.5),
            "cold_p50_ms": pct(&cold, 0.5), "cold_p99_ms": pct(&cold, 0.99),
            "p50_ms": pct(w, 0.5), "p99_ms": pct(w, 0.99), "recall": recall, "precision": precision,
            "relevant": rel_n, "uniqueness_error_points": err_sum / results.len() as f64,
            "uniqueness_error_max_points": err_max, "distinct_shingles": stats.distinct_shingles,
            "postings": stats.postings, "truth_ms": truth_ms, "by_type": per_type,
        });
        std::fs::write(
            dir.join(format!("native-{n}.json")),
            serde_json::to_string_pretty(&out)?,
        )?;
        println!("{}", serde_json::to_string_pretty(&out)?);
    }
    Ok(())
}
