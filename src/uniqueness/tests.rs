//! Unit tests: semantics, normalisation, fragments, mutation, serialisation.

use super::reference::BruteForce;
use super::*;

fn all() -> CheckOptions {
    CheckOptions {
        min_jaccard: 0.0,
        min_containment: 0.0,
        limit: usize::MAX,
        ..CheckOptions::default()
    }
}

fn index(docs: &[(&str, &str)]) -> UniquenessIndex {
    let mut ix = UniquenessIndex::new();
    for (id, text) in docs {
        ix.upsert(id, DocKind::Archive, text).unwrap();
    }
    ix
}

/// UTF-16 range of the first occurrence of `needle` in `hay`.
fn utf16_range(hay: &str, needle: &str) -> Fragment {
    let at = hay.find(needle).unwrap();
    let start = hay[..at].encode_utf16().count() as u32;
    Fragment {
        start,
        end: start + needle.encode_utf16().count() as u32,
    }
}

const POST: &str =
    "The quick brown fox jumps over the lazy dog while the cat watches from the fence.";
const FRESH: &str =
    "Completely different words about scheduling posts for several networks tomorrow morning.";

#[test]
fn exact_copy_is_zero_percent_unique() {
    let ix = index(&[("a", POST), ("b", FRESH)]);
    let r = ix.check(POST, &CheckOptions::default());
    assert_eq!(r.uniqueness_percent, 0.0);
    assert_eq!(r.total_shingles, 13);
    assert_eq!(r.matches.len(), 1);
    let m = &r.matches[0];
    assert_eq!(
        (m.id.as_str(), m.kind, m.jaccard, m.containment),
        ("a", DocKind::Archive, 1.0, 1.0)
    );
    // The whole draft (first word to last word) is one highlighted range.
    assert_eq!(
        m.fragments,
        vec![Fragment {
            start: 0,
            end: POST.len() as u32 - 1
        }]
    );
    assert_eq!(r.fragments, m.fragments);
}

#[test]
fn fresh_text_is_fully_unique() {
    let ix = index(&[("a", POST)]);
    let r = ix.check(FRESH, &all());
    assert_eq!(r.uniqueness_percent, 100.0);
    assert!(r.matches.is_empty() && r.fragments.is_empty());
    assert_eq!(r.unique_shingles, r.total_shingles);
}

#[test]
fn partial_copy_counts_shingles() {
    // 8 words → 5 four-word shingles; the draft keeps the first 5 words, so
    // it shares "a b c d" and "b c d e" with the post: 2 of 5 found.
    let ix = index(&[("p", "alpha beta gamma delta epsilon zeta eta theta")]);
    let r = ix.check("alpha beta gamma delta epsilon one two three", &all());
    assert_eq!((r.total_shingles, r.unique_shingles), (5, 3));
    assert!((r.uniqueness_percent - 60.0).abs() < 1e-12);
    let m = &r.matches[0];
    assert_eq!((m.shared, m.doc_shingles), (2, 5));
    assert!((m.jaccard - 2.0 / 8.0).abs() < 1e-12 && (m.containment - 0.4).abs() < 1e-12);
    assert_eq!(
        m.fragments,
        vec![Fragment {
            start: 0,
            end: "alpha beta gamma delta epsilon".len() as u32
        }]
    );
    // Default thresholds (Jaccard 0.5 / containment 0.8) do not report it,
    // but the uniqueness and the non-unique ranges are still there.
    let d = ix.check(
        "alpha beta gamma delta epsilon one two three",
        &CheckOptions::default(),
    );
    assert!(d.matches.is_empty());
    assert_eq!(d.fragments, m.fragments);
}

#[test]
fn partial_copies_agree_with_brute_force() {
    let docs = [
        ("a", POST),
        (
            "b",
            "A lazy dog sleeps while the quick brown fox jumps over the fence again.",
        ),
        ("c", FRESH),
        (
            "d",
            "the cat watches from the fence and the dog jumps over the lazy fox",
        ),
    ];
    let ix = index(&docs);
    let mut bf = BruteForce::new(ShingleConfig::default()).unwrap();
    for (id, t) in docs {
        bf.upsert(id, DocKind::Archive, t);
    }
    let draft = "Yesterday the quick brown fox jumps over the lazy dog, and then the cat watches from the fence.";
    let (got, want) = (ix.check(draft, &all()), bf.check(draft, &all()));
    assert_eq!(got, want);
    assert!(got.uniqueness_percent > 0.0 && got.uniqueness_percent < 100.0);
    assert_eq!(got.matches.len(), 3);
}

#[test]
fn vietnamese_nfc_and_nfd_are_equal() {
    use unicode_normalization::UnicodeNormalization;
    let vi = "Quyền tiếp cận thông tin pháp luật và nhu cầu tìm hiểu pháp luật của người dân ở nước ta hiện nay";
    let nfd: String = vi.nfd().collect();
    assert_ne!(vi, nfd);
    let ix = index(&[("vi", vi)]);
    let r = ix.check(&nfd, &CheckOptions::default());
    assert_eq!(r.uniqueness_percent, 0.0);
    // Ranges are in the NFD draft's own UTF-16 units.
    assert_eq!(
        r.fragments,
        vec![Fragment {
            start: 0,
            end: nfd.encode_utf16().count() as u32
        }]
    );
}

#[test]
fn yo_and_ye_are_equal_and_case_is_folded() {
    let ix = index(&[("ru", "Ёлка зелёная стоит во дворе и ждёт праздника")]);
    let r = ix.check(
        "ЕЛКА ЗЕЛЕНАЯ стоит во дворе, и ждет праздника!",
        &CheckOptions::default(),
    );
    assert_eq!(r.uniqueness_percent, 0.0);
    let de = index(&[("de", "Die Straße ist sehr lang und breit heute")]);
    assert_eq!(
        de.check("DIE STRASSE IST SEHR LANG UND BREIT HEUTE", &all())
            .uniqueness_percent,
        0.0
    );
}

#[test]
fn urls_mentions_emoji_and_punctuation_are_ignored() {
    let ix = index(&[("x", "Big news: our new release is out today, go read it")]);
    let draft =
        "@alice 🔥 Big news — our NEW release is out today! https://t.co/abc?x=1 go read it 🚀";
    let r = ix.check(draft, &CheckOptions::default());
    assert_eq!(r.uniqueness_percent, 0.0);
    assert_eq!(
        r.fragments,
        vec![Fragment {
            start: utf16_range(draft, "Big").start,
            end: utf16_range(draft, "read it").end
        }]
    );
    // Apostrophes join, hyphens split.
    let ix = index(&[("y", "we dont use well known tricks here at all")]);
    assert_eq!(
        ix.check("We don't use well-known tricks here at all.", &all())
            .uniqueness_percent,
        0.0
    );
}

#[test]
fn fragments_are_utf16_ranges_of_the_original_text() {
    let copied = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 words réussis ça marche très bien aujourd'hui";
    let ix = index(&[("f", copied)]);
    let draft = format!("😀😀 Привет мир, 日本 {copied} — конец истории здесь навсегда");
    let r = ix.check(&draft, &CheckOptions::default());
    let want = utf16_range(&draft, copied);
    assert_eq!(r.matches[0].fragments, vec![want]);
    let units: Vec<u16> = draft.encode_utf16().collect();
    let text = String::from_utf16(&units[want.start as usize..want.end as usize]).unwrap();
    assert_eq!(text, copied);
}

#[test]
fn short_texts_match_as_one_shingle() {
    let ix = index(&[("gm", "Good morning!")]);
    let r = ix.check("good MORNING", &CheckOptions::default());
    assert_eq!((r.total_shingles, r.uniqueness_percent), (1, 0.0));
    assert_eq!(ix.check("Good evening", &all()).uniqueness_percent, 100.0);
}

#[test]
fn cjk_uses_character_ngrams() {
    let post = "在这种规模的项目中很难避免遇到与你意见不和的人";
    let ix = index(&[("zh", post)]);
    let r = ix.check("我们知道在这种规模的项目中很难避免问题", &all());
    // "在这种规模的项目中很难避免" (13 chars) gives 9 shared 5-grams of the 15.
    assert_eq!((r.total_shingles, r.unique_shingles), (15, 6));
    assert_eq!(
        r.matches[0].fragments,
        vec![utf16_range(
            "我们知道在这种规模的项目中很难避免问题",
            "在这种规模的项目中很难避免"
        )]
    );
}

#[test]
fn vietnamese_uses_longer_windows() {
    // Shares the 5-syllable run "người dân ở nước ta": a match for 4-word
    // shingles, but not for Vietnamese 6-syllable ones.
    let ix = index(&[(
        "a",
        "Quyền được thông tin của người dân ở nước ta rất quan trọng",
    )]);
    let r = ix.check("Cuộc sống người dân ở nước ta đã thay đổi nhiều", &all());
    assert_eq!(r.uniqueness_percent, 100.0);
    let r = ix.check("thông tin của người dân ở nước ta", &all());
    assert_eq!((r.total_shingles, r.unique_shingles), (3, 0));
}

#[test]
fn stop_words_are_optional() {
    let cfg = ShingleConfig {
        stop_words: true,
        ..ShingleConfig::default()
    };
    let mut ix = UniquenessIndex::with_config(cfg).unwrap();
    ix.upsert(
        "a",
        DocKind::Archive,
        "the cat sat on the mat near the big red door",
    )
    .unwrap();
    assert_eq!(
        ix.check("a cat sat on a mat near a big red door", &all())
            .uniqueness_percent,
        0.0
    );
    let plain = index(&[("a", "the cat sat on the mat near the big red door")]);
    assert_eq!(
        plain
            .check("a cat sat on a mat near a big red door", &all())
            .uniqueness_percent,
        100.0
    );
    assert_eq!(
        UniquenessIndex::with_config(ShingleConfig {
            words: 0,
            ..ShingleConfig::default()
        })
        .err(),
        Some(UniquenessError::BadConfig)
    );
}

#[test]
fn excludes_own_id_and_filters_kinds() {
    let mut ix = index(&[("a", POST)]);
    ix.upsert("me", DocKind::Draft, FRESH).unwrap();
    ix.upsert("q", DocKind::Queue, FRESH).unwrap();
    let own = CheckOptions {
        exclude_id: Some("me".into()),
        ..CheckOptions::default()
    };
    let r = ix.check(FRESH, &own);
    assert_eq!(
        r.matches.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        ["q"]
    );
    let archive_only = CheckOptions {
        kinds: Some(vec![DocKind::Archive]),
        ..own
    };
    assert_eq!(ix.check(FRESH, &archive_only).uniqueness_percent, 100.0);
    assert_eq!(ix.kind_of("q"), Some(DocKind::Queue));
}

#[test]
fn excludes_the_drafts_published_copy_too() {
    // The post being published ("me") and its copy now visible on the page
    // are the same text: neither may make the draft look copied.
    let mut ix = index(&[("a", POST)]);
    ix.upsert("me", DocKind::Archive, FRESH).unwrap();
    ix.upsert("page:me", DocKind::Page, FRESH).unwrap();
    let only_own = CheckOptions {
        exclude_id: Some("me".into()),
        ..CheckOptions::default()
    };
    assert_eq!(ix.check(FRESH, &only_own).uniqueness_percent, 0.0);
    let both = CheckOptions {
        exclude_ids: vec!["page:me".into(), "unknown".into()],
        ..only_own
    };
    let r = ix.check(FRESH, &both);
    assert_eq!(r.uniqueness_percent, 100.0);
    assert!(r.matches.is_empty() && r.fragments.is_empty());
}

#[test]
fn ties_are_ordered_by_id() {
    let ix = index(&[("z", POST), ("b", POST), ("m", POST)]);
    let ids: Vec<_> = ix
        .check(POST, &all())
        .matches
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids, ["b", "m", "z"]);
    let limited = ix.check(POST, &CheckOptions { limit: 2, ..all() });
    assert_eq!(limited.matches.len(), 2);
}

#[test]
fn remove_and_update() {
    let mut ix = index(&[("a", POST), ("b", FRESH)]);
    assert_eq!(ix.len(), 2);
    assert!(ix.remove("a"));
    assert!(!ix.remove("a"));
    assert_eq!(ix.check(POST, &all()).uniqueness_percent, 100.0);
    ix.upsert("b", DocKind::Queue, POST).unwrap();
    assert_eq!(ix.check(FRESH, &all()).uniqueness_percent, 100.0);
    assert_eq!(ix.check(POST, &all()).matches[0].kind, DocKind::Queue);
    // Same text, new kind: no new slot.
    let slots = ix.stats().slots;
    ix.upsert("b", DocKind::Archive, POST).unwrap();
    assert_eq!(
        (ix.stats().slots, ix.kind_of("b")),
        (slots, Some(DocKind::Archive))
    );
    ix.upsert("p1", DocKind::Page, FRESH).unwrap();
    ix.upsert("p2", DocKind::Page, FRESH).unwrap();
    assert_eq!(ix.remove_kind(DocKind::Page), 2);
    assert_eq!(
        (ix.len(), ix.check(FRESH, &all()).uniqueness_percent),
        (1, 100.0)
    );
    ix.compact();
    assert_eq!(
        (ix.stats().slots, ix.check(POST, &all()).matches.len()),
        (1, 1)
    );
}

#[test]
fn upsert_many_equals_upserts_and_compaction_is_invisible() {
    let docs: Vec<(String, String)> = (0..4000)
        .map(|i| {
            (
                format!("d{i}"),
                format!(
                    "post number {i} says word{} and word{} then w{} w{} w{}",
                    i % 7,
                    i % 11,
                    i % 13,
                    i,
                    i % 5
                ),
            )
        })
        .collect();
    let mut one = UniquenessIndex::new();
    for (id, t) in &docs {
        one.upsert(id, DocKind::Archive, t).unwrap();
    }
    let mut many = UniquenessIndex::new();
    many.upsert_many(
        docs.iter()
            .map(|(id, t)| (id.as_str(), DocKind::Archive, t.as_str())),
    )
    .unwrap();
    assert!(
        one.stats().postings > 30_000,
        "exercise an automatic compaction"
    );
    for q in [
        "post number 5 says word5 and word5 then",
        "says word3 and word3 then w3",
        "nothing here at all",
    ] {
        assert_eq!(one.check(q, &all()), many.check(q, &all()));
    }
    // A small batch (a page's posts) takes the delta path.
    let page: Vec<(String, String)> = (0..50)
        .map(|i| {
            (
                format!("p{i}"),
                format!("page post {i} says word{} and word{}", i % 7, i % 3),
            )
        })
        .collect();
    let slots = many.stats().slots;
    many.upsert_many(
        page.iter()
            .map(|(id, t)| (id.as_str(), DocKind::Page, t.as_str())),
    )
    .unwrap();
    for (id, t) in &page {
        one.upsert(id, DocKind::Page, t).unwrap();
    }
    assert_eq!(many.stats().slots, slots + 50);
    let q = "page post 3 says word3 and word0 then w3";
    assert_eq!(one.check(q, &all()), many.check(q, &all()));
    assert_eq!(many.check(q, &all()).matches[0].id, "p3");
    assert_eq!(many.remove_kind(DocKind::Page), 50);
    assert!(many
        .check(q, &all())
        .matches
        .iter()
        .all(|m| m.kind != DocKind::Page));
}

#[test]
fn serialization_round_trips() {
    let mut ix = index(&[
        ("a", POST),
        ("b", FRESH),
        ("c", "Ёлка стоит во дворе и ждёт праздника"),
    ]);
    ix.upsert("d", DocKind::Page, POST).unwrap();
    ix.remove("b");
    let before = ix.check(POST, &all());
    let bytes = ix.to_bytes();
    let mut back = UniquenessIndex::from_bytes(&bytes).unwrap();
    assert_eq!(back.check(POST, &all()), before);
    assert_eq!((back.len(), back.kind_of("d")), (3, Some(DocKind::Page)));
    assert_eq!(back.to_bytes(), bytes);
    let mut empty = UniquenessIndex::new();
    assert_eq!(
        UniquenessIndex::from_bytes(&empty.to_bytes())
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn corrupt_bytes_are_errors_not_panics() {
    let bytes = index(&[("a", POST), ("b", FRESH)]).to_bytes();
    for cut in 0..bytes.len() {
        assert!(UniquenessIndex::from_bytes(&bytes[..cut]).is_err());
    }
    let mut flipped = bytes.clone();
    for i in (0..flipped.len()).step_by(7) {
        flipped[i] ^= 0x5A;
        // Either rejected or a valid index that can be queried without panicking.
        if let Ok(ix) = UniquenessIndex::from_bytes(&flipped) {
            let _ = ix.check(POST, &all());
        }
        flipped[i] ^= 0x5A;
    }
    assert_eq!(
        UniquenessIndex::from_bytes(b"GLU").err(),
        Some(UniquenessError::Corrupt("truncated"))
    );
    assert_eq!(
        UniquenessIndex::from_bytes(b"NOPE1234").err(),
        Some(UniquenessError::Corrupt("bad magic"))
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let mut ix = index(&[("a", POST)]);
    let empty = ix.check("", &CheckOptions::default());
    assert_eq!((empty.total_shingles, empty.uniqueness_percent), (0, 100.0));
    assert_eq!(ix.check("word", &all()).total_shingles, 1);
    let binary: String = (0u32..0x3000)
        .step_by(3)
        .filter_map(char::from_u32)
        .collect();
    let _ = ix.check(&binary, &all());
    ix.upsert("bin", DocKind::Draft, &binary).unwrap();
    assert_eq!(ix.check(&binary, &all()).uniqueness_percent, 0.0);
    let big = POST.repeat((1 << 20) / POST.len() + 1);
    assert!(big.len() >= 1 << 20);
    let r = ix.check(&big, &CheckOptions::default());
    // Only the 3 shingles spanning "fence. The" are new.
    assert_eq!(
        (r.total_shingles, r.unique_shingles, r.matches.len()),
        (16, 3, 1)
    );
    assert_eq!((r.matches[0].doc_share, r.fragments.len()), (1.0, 1));
    ix.upsert("big", DocKind::Archive, &big).unwrap();
    ix.upsert("", DocKind::Archive, "").unwrap();
    assert!(ix.contains(""));
    for junk in [
        "\u{0}\u{1}\u{fffd}\u{fffd}",
        "@",
        "@@@ ###",
        "http://",
        "www.",
        "\u{301}\u{301}",
        "🔥️🔥️",
    ] {
        assert_eq!(ix.check(junk, &all()).total_shingles, 0, "{junk:?}");
    }
    assert_eq!(
        DocKind::parse("nope"),
        Err(UniquenessError::BadKind("nope".into()))
    );
}
