#!/usr/bin/env python3
"""Deterministic archives and query sets for the uniqueness benchmark.

Reads bench/.cache/corpus.jsonl (bench/corpus.py) and writes, for each archive
size N, bench/.cache/bench-N.json:
  {"size": N, "archive": [[id, kind, text], ...], "queries": [{"type", "text"}, ...]}

Query types (see issue 4): near copies with 0-30% word edits, composite
2,000-character drafts mixing several archive posts, fresh texts (held out of
every archive), Vietnamese near copies in NFC and NFD, instances of a templated
cluster (whose other members are in the archive), and a typing replay (one
composite draft checked every 10 characters).
"""
import json
import os
import random
import sys
import unicodedata

CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
HELD_OUT = 5000
CLUSTER = 200


def load():
    docs = [json.loads(line) for line in open(os.path.join(CACHE, "corpus.jsonl"), encoding="utf-8")]
    rng = random.Random(20240604)
    rng.shuffle(docs)
    return docs


def edit(text, rate, rng, vocab):
    """Substitute, delete or insert words with total probability `rate` per word."""
    out = []
    for w in text.split(" "):
        r = rng.random()
        if r < rate / 3:
            out.append(rng.choice(vocab))
        elif r < 2 * rate / 3:
            continue
        elif r < rate:
            out.extend([w, rng.choice(vocab)])
        else:
            out.append(w)
    return " ".join(out)


def composite(pool, fresh, rng, target=2000):
    parts, size = [], 0
    while size < target:
        src = pool if rng.random() < 0.75 else fresh
        t = rng.choice(src)["text"]
        if 80 <= len(t) <= 700:
            parts.append(t)
            size += len(t) + 2
    text = "\n\n".join(parts)[:target]
    return text[: text.rfind(" ")] if " " in text[-40:] else text


def template(rng, words):
    w = lambda: rng.choice(words)  # noqa: E731
    return (
        f"Join us this {w()} at the {w()} {w()} for our {w()} meetup! Doors open at {rng.randint(5, 9)} pm. "
        f"Bring your {w()} and a friend, we will talk about {w()} and {w()}. "
        f"Tickets and details at https://example.org/e/{rng.randint(1000, 9999)} #community #{w()}"
    )


def main():
    docs = load()
    fresh, rest = docs[:HELD_OUT], docs[HELD_OUT:]
    for n in SIZES:
        rng = random.Random(n)
        archive_docs = rest[: n - CLUSTER]
        vocab = [w for d in archive_docs[:2000] for w in d["text"].split() if w.isalpha()]
        words = [w for w in vocab if 3 <= len(w) <= 10] or ["word"]
        kinds = lambda: rng.choices(["archive", "queue", "draft"], [90, 5, 5])[0]  # noqa: E731
        archive = [[d["id"], kinds(), d["text"]] for d in archive_docs]
        archive += [[f"template:{i}", "archive", template(rng, words)] for i in range(CLUSTER)]
        pool = [{"text": t} for _, _, t in archive]
        queries = []
        mid = [d for d in archive_docs if 150 <= len(d["text"]) <= 2000] or archive_docs
        for rate in (0.0, 0.05, 0.1, 0.2, 0.3):
            for _ in range(40):
                queries.append({"type": f"near-copy-{int(rate * 100)}%", "text": edit(rng.choice(mid)["text"], rate, rng, vocab)})
        for _ in range(100):
            queries.append({"type": "composite-2000", "text": composite(pool, fresh, rng)})
        for _ in range(100):
            queries.append({"type": "fresh", "text": rng.choice(fresh)["text"][:2000]})
        vi = [d for d in archive_docs if d["lang"] == "vi"]
        for i in range(100 if vi else 0):
            t = edit(rng.choice(vi)["text"], 0.1 if i % 4 >= 2 else 0.0, rng, vocab)
            form = "NFC" if i % 2 == 0 else "NFD"
            queries.append({"type": f"vietnamese-{form}", "text": unicodedata.normalize(form, t)})
        fresh_vi = [d for d in fresh if d["lang"] == "vi"]
        for d in fresh_vi[:50]:
            queries.append({"type": "fresh-vietnamese", "text": d["text"]})
        for _ in range(50):
            queries.append({"type": "templated", "text": template(rng, words)})
        replay = composite(pool, fresh, rng)
        for cut in range(10, len(replay) + 1, 10):
            queries.append({"type": "typing-replay", "text": replay[:cut]})
        out = os.path.join(CACHE, f"bench-{n}.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"size": len(archive), "archive": archive, "queries": queries}, f, ensure_ascii=False)
        print(f"{out}: {len(archive)} posts, {len(queries)} queries", file=sys.stderr)


if __name__ == "__main__":
    main()
