//! Property: on random small corpora and random edits, the index answers
//! exactly like the brute-force reference (scores, order, fragments).

use proptest::prelude::*;

use super::reference::BruteForce;
use super::*;

/// A small vocabulary so random texts overlap a lot; includes Vietnamese
/// syllables, CJK characters, a URL, a mention, an emoji and punctuation.
const VOCAB: &[&str] = &[
    "the",
    "cat",
    "sat",
    "on",
    "mat",
    "Ёж",
    "ёж",
    "người",
    "dân",
    "nước",
    "ở",
    "ta",
    "日",
    "本",
    "語",
    "http://x.io/a",
    "@bob",
    "🔥",
    ",",
    "don't",
    "Straße",
    "strasse",
    "e\u{301}",
    "\u{e9}",
];

#[derive(Clone, Debug)]
enum Op {
    Upsert(u8, u8, Vec<u8>),
    Remove(u8),
    RemoveKind(u8),
    Compact,
}

fn text(words: &[u8]) -> String {
    words
        .iter()
        .map(|&w| VOCAB[usize::from(w) % VOCAB.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind(k: u8) -> DocKind {
    [
        DocKind::Archive,
        DocKind::Queue,
        DocKind::Draft,
        DocKind::Page,
    ][usize::from(k % 4)]
}

fn op() -> impl Strategy<Value = Op> {
    let words = prop::collection::vec(0u8..24, 0..24);
    prop_oneof![
        6 => (0u8..10, 0u8..4, words).prop_map(|(i, k, w)| Op::Upsert(i, k, w)),
        1 => (0u8..10).prop_map(Op::Remove),
        1 => (0u8..4).prop_map(Op::RemoveKind),
        1 => Just(Op::Compact),
    ]
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (
        prop::option::of(0u8..10),
        prop::collection::vec(0u8..10, 0..3),
        prop::option::of(prop::collection::vec(0u8..4, 0..3)),
        prop::sample::select(vec![1usize, 3, usize::MAX]),
        prop::sample::select(vec![0.0, 0.3, 0.5]),
        prop::sample::select(vec![0.0, 0.5, 0.8]),
        any::<bool>(),
    )
        .prop_map(
            |(ex, exs, kinds, limit, min_jaccard, min_containment, fragments)| CheckOptions {
                exclude_id: ex.map(|i| format!("doc{i}")),
                exclude_ids: exs.into_iter().map(|i| format!("doc{i}")).collect(),
                kinds: kinds.map(|ks| ks.into_iter().map(kind).collect()),
                limit,
                min_jaccard,
                min_containment,
                fragments,
            },
        )
}

fn config() -> impl Strategy<Value = ShingleConfig> {
    (1u8..5, 1u8..7, 1u8..5, any::<bool>()).prop_map(|(words, syllables, chars, stop_words)| {
        ShingleConfig {
            words,
            syllables,
            chars,
            stop_words,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn index_equals_brute_force(
        cfg in config(),
        ops in prop::collection::vec(op(), 0..40),
        drafts in prop::collection::vec(prop::collection::vec(0u8..24, 0..30), 1..4),
        opts in options(),
    ) {
        let mut ix = UniquenessIndex::with_config(cfg).unwrap();
        let mut bf = BruteForce::new(cfg).unwrap();
        for op in &ops {
            match op {
                Op::Upsert(i, k, w) => {
                    let id = format!("doc{i}");
                    ix.upsert(&id, kind(*k), &text(w)).unwrap();
                    bf.upsert(&id, kind(*k), &text(w));
                }
                Op::Remove(i) => {
                    let id = format!("doc{i}");
                    prop_assert_eq!(ix.remove(&id), bf.remove(&id));
                }
                Op::RemoveKind(k) => prop_assert_eq!(ix.remove_kind(kind(*k)), bf.remove_kind(kind(*k))),
                Op::Compact => ix.compact(),
            }
        }
        prop_assert_eq!(ix.len(), bf.len());
        let restored = UniquenessIndex::from_bytes(&ix.clone().to_bytes()).unwrap();
        for d in &drafts {
            let draft = text(d);
            let want = bf.check(&draft, &opts);
            prop_assert_eq!(&ix.check(&draft, &opts), &want);
            prop_assert_eq!(&restored.check(&draft, &opts), &want);
        }
    }

    #[test]
    fn bulk_load_equals_brute_force(
        docs in prop::collection::vec((0u8..30, 0u8..4, prop::collection::vec(0u8..24, 0..20)), 0..30),
        draft in prop::collection::vec(0u8..24, 0..30),
    ) {
        let texts: Vec<(String, DocKind, String)> =
            docs.iter().map(|(i, k, w)| (format!("doc{i}"), kind(*k), text(w))).collect();
        let mut ix = UniquenessIndex::new();
        ix.upsert_many(texts.iter().map(|(i, k, t)| (i.as_str(), *k, t.as_str()))).unwrap();
        let mut bf = BruteForce::new(ShingleConfig::default()).unwrap();
        for (i, k, t) in &texts {
            bf.upsert(i, *k, t);
        }
        let opts = CheckOptions { min_jaccard: 0.0, min_containment: 0.0, limit: usize::MAX, ..CheckOptions::default() };
        prop_assert_eq!(ix.check(&text(&draft), &opts), bf.check(&text(&draft), &opts));
    }
}
