#!/usr/bin/env python3
"""PyPI datasketch (MinHash + MinHashLSH, the reference implementation) on the
same archives and queries, scored against the exact truth of the native run.

Usage: PYTHONPATH=bench/.cache/py python3 bench/datasketch_peer.py [sizes]
Writes bench/.cache/datasketch-N.json.
"""
import json
import os
import re
import sys
import time
import unicodedata

from datasketch import MinHash, MinHashLSH

CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")
SPLIT = re.compile(r"[\W_]+")


def shingles(text, k=4):
    """Same tokenization the JS peers get: NFC, lower case, non-word splits, 4-word shingles."""
    w = [x for x in SPLIT.split(unicodedata.normalize("NFC", text).lower()) if x]
    if len(w) < k:
        return {" ".join(w).encode()} if w else set()
    return {" ".join(w[i : i + k]).encode() for i in range(len(w) - k + 1)}


def pct(xs, p):
    xs = sorted(xs)
    return xs[round((len(xs) - 1) * p)] if xs else None


def score(outputs, truth):
    tp = rel = rep = 0
    err = mx = 0.0
    for o in outputs:
        t = truth[o["i"]]
        want, got = set(t["rel"]), set(o["ids"])
        tp += len(want & got)
        rel += len(want)
        rep += len(got)
        e = abs(o["u"] - t["u"])
        err += e
        mx = max(mx, e)
    return {
        "recall": tp / rel if rel else 1.0,
        "precision": tp / rep if rep else 1.0,
        "relevant": rel,
        "uniqueness_error_points": err / len(outputs),
        "uniqueness_error_max_points": mx,
        "queries": len(outputs),
    }


def run(n):
    bench = json.load(open(os.path.join(CACHE, f"bench-{n}.json"), encoding="utf-8"))
    truth = json.load(open(os.path.join(CACHE, f"truth-{n}.json"), encoding="utf-8"))
    t = time.perf_counter()
    sets = [shingles(text) for _, _, text in bench["archive"]]
    hashes = MinHash.bulk(sets, num_perm=128)
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    stored = {}
    with lsh.insertion_session() as session:
        for (doc_id, _, _), m in zip(bench["archive"], hashes):
            session.insert(doc_id, m)
            stored[doc_id] = m
    build_ms = (time.perf_counter() - t) * 1e3
    times, outputs = [], []
    for i, q in enumerate(bench["queries"]):
        t = time.perf_counter()
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles(q["text"])))
        best, ids = 0.0, []
        for doc_id in lsh.query(m):
            j = m.jaccard(stored[doc_id])
            best = max(best, j)
            if j >= 0.5:
                ids.append(doc_id)
        times.append((time.perf_counter() - t) * 1e3)
        outputs.append({"i": i, "u": 100 * (1 - best), "ids": ids})
    out = {"build_ms": build_ms, "p50_ms": pct(times, 0.5), "p99_ms": pct(times, 0.99), **score(outputs, truth)}
    with open(os.path.join(CACHE, f"datasketch-{n}.json"), "w") as f:
        json.dump(out, f, indent=2)
    print(f"datasketch {n}: p50 {out['p50_ms']:.3f} ms, recall {out['recall']:.3f}, build {build_ms:.0f} ms", file=sys.stderr)


if __name__ == "__main__":
    for n in (sys.argv[1] if len(sys.argv) > 1 else "1000,10000,100000").split(","):
        run(int(n))
