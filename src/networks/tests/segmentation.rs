//! The thread splitter's hand-written sentence and word candidates
//! (`breaks.rs`, `sentences.rs`) against unicode-segmentation's UAX #29, on
//! generated text: words of several scripts, numbers, contractions,
//! commas, abbreviations, sentence ends with closing quotes and brackets,
//! line and paragraph breaks. The generator leaves out only the documented
//! deliberate differences (see `sentences.rs`: "…", an ASCII stop with no
//! space after it, an opening bracket right after a stop, no-break spaces),
//! so any other disagreement fails here with the text that shows it.

use proptest::prelude::*;

use super::breaks::{uax_sentences, uax_words};
use crate::networks::breaks::Breaks;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,9}",
        2 => "[A-Z][a-z]{0,8}",
        2 => "[а-яё]{1,9}",
        1 => "[А-Я][а-я]{0,7}",
        1 => "[α-ω]{1,7}",
        1 => prop::sample::select(vec!["Việt", "Nam", "đẹp", "khỏe", "không", "trời", "hôm", "nay"]).prop_map(str::to_string),
        1 => "[0-9]{1,4}",
        1 => "[0-9]{1,3}[.,][0-9]{1,3}",
        1 => "[a-z]{1,5}'[a-z]{1,3}",
        1 => prop::sample::select(vec!["e.g.", "i.e.", "etc.", "p.m.", "U.S."]).prop_map(str::to_string),
        1 => prop::sample::select(vec!["我喜欢", "滑翔", "グライダー", "今日は"]).prop_map(str::to_string),
    ]
}

/// One sentence: words with single spaces or commas, then its end.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            (
                word(),
                prop::sample::select(vec![" ", " ", " ", ", ", " - "]),
            ),
            1..10,
        ),
        prop::sample::select(vec![
            ".", "!", "?", "?!", "...", ".", "!!", ".)", ".\"", "!\"", "?)",
        ]),
        any::<bool>(),
    )
        .prop_map(|(words, end, open)| {
            let mut s = String::new();
            if open {
                s.push(if end.ends_with(')') { '(' } else { '"' });
            }
            for (i, (w, sep)) in words.iter().enumerate() {
                if i > 0 {
                    s.push_str(sep);
                }
                s.push_str(w);
            }
            s.push_str(end);
            s
        })
}

/// Sentences joined by a space, a line break or a blank line.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            sentence(),
            prop::sample::select(vec![" ", " ", " ", "\n", "\n\n", "  "]),
        ),
        1..8,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (sentence, sep) in parts {
            s.push_str(&sentence);
            s.push_str(sep);
        }
        s.trim_end().to_string()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    #[test]
    fn sentence_candidates_are_uax29_sentences(t in text()) {
        prop_assert_eq!(Breaks::of(&t).levels[1].clone(), uax_sentences(&t), "{:?}", t);
    }

    #[test]
    fn word_candidates_are_uax29_words(t in text()) {
        prop_assert_eq!(Breaks::of(&t).levels[2].clone(), uax_words(&t), "{:?}", t);
    }
}
