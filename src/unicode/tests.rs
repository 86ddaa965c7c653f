//! This module against unicode-normalization (a dev-dependency), exhaustively
//! where that is cheap and by property where it is not.

use unicode_normalization::char as reference;
use unicode_normalization::UnicodeNormalization;

use super::*;

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

fn expected(s: &str) -> String {
    s.nfc().collect()
}

#[test]
fn every_code_point_alone() {
    for c in all_chars() {
        let s = c.to_string();
        assert_eq!(nfc(&s), expected(&s), "U+{:04X}", c as u32);
        assert_eq!(
            ccc(c),
            reference::canonical_combining_class(c),
            "ccc U+{:04X}",
            c as u32
        );
        assert_eq!(
            is_combining_mark(c),
            reference::is_combining_mark(c),
            "mark U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn every_code_point_after_each_base_and_before_each_mark() {
    // Every character of planes 0 and 1 (all compositions live there; planes
    // 2+ are ideographs, tags and variation selectors) after the bases that
    // start compositions and before the marks that most often follow.
    let bases = [
        'a', 'e', 'o', 'u', 'A', 'ư', 'ơ', 'ê', 'Ω', 'и', 'ᄀ', '가', 'ཀ', 'ো', '\u{0B47}', 'か',
    ];
    let marks = [
        '\u{0300}', '\u{0301}', '\u{0323}', '\u{0302}', '\u{0308}', '\u{0345}', '\u{3099}',
        '\u{05B0}',
    ];
    for c in all_chars().take_while(|&c| (c as u32) < 0x20000) {
        for b in bases {
            let s: String = [b, c].iter().collect();
            assert_eq!(nfc(&s), expected(&s), "{b:?} + U+{:04X}", c as u32);
        }
        for m in marks {
            let s: String = [c, m].iter().collect();
            assert_eq!(nfc(&s), expected(&s), "U+{:04X} + {m:?}", c as u32);
        }
    }
}

#[test]
fn stability_table_is_sound() {
    // A character we call stable must never change, alone or after anything.
    for c in all_chars().filter(|&c| is_nfc_stable(c)) {
        assert_eq!(
            reference::canonical_combining_class(c),
            0,
            "U+{:04X}",
            c as u32
        );
        let s = c.to_string();
        assert_eq!(expected(&s), s, "U+{:04X}", c as u32);
    }
}

#[test]
fn vietnamese_decomposed_becomes_composed() {
    let nfd: String = "Tiếng Việt có dấu".nfd().collect();
    assert_ne!(nfd, "Tiếng Việt có dấu");
    assert_eq!(nfc(&nfd), "Tiếng Việt có dấu");
    assert!(matches!(nfc("plain ascii"), std::borrow::Cow::Borrowed(_)));
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn tricky() -> impl Strategy<Value = char> {
        prop_oneof![
            prop::sample::select(vec![
                'a',
                'e',
                'E',
                'o',
                'u',
                'y',
                'ư',
                'ơ',
                'ᄀ',
                'ᅡ',
                'ᆨ',
                '가',
                '각',
                'ε',
                'ω',
                'Å',
                '\u{0300}',
                '\u{0301}',
                '\u{0302}',
                '\u{0303}',
                '\u{0306}',
                '\u{0308}',
                '\u{0309}',
                '\u{031B}',
                '\u{0323}',
                '\u{0327}',
                '\u{0345}',
                '\u{0344}',
                '\u{0340}',
                '\u{0958}',
                '\u{093C}',
                '\u{0B47}',
                '\u{0B3E}',
                '\u{0B57}',
                '\u{0DD9}',
                '\u{0DCF}',
                '\u{0DDF}',
                '\u{1100}',
                '\u{1161}',
                '\u{11A8}',
                '\u{3099}',
                '\u{309A}',
                'か',
                'ウ',
                '\u{2126}',
                '\u{212B}',
                '\u{F900}',
                '\u{1D15E}',
                '\u{1D165}',
                '\u{1D16E}',
                '\u{05B4}',
                '\u{05BC}',
                '\u{0591}',
            ]),
            any::<char>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn matches_the_crate(chars in prop::collection::vec(tricky(), 0..24)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(nfc(&s).into_owned(), expected(&s));
            prop_assert_eq!(needs_nfc(&s) || expected(&s) == s, true);
        }

        #[test]
        fn decomposed_input_too(chars in prop::collection::vec(tricky(), 0..24)) {
            let s: String = chars.into_iter().collect::<String>().nfd().collect();
            prop_assert_eq!(nfc(&s).into_owned(), expected(&s));
        }
    }
}
