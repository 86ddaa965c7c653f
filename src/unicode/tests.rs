//! The generated sets against unicode-normalization (natively also the NFC
//! behind [`nfc`]), exhaustively where that is cheap and by property where
//! it is not.

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
fn marks_match_the_crate() {
    for c in all_chars() {
        assert_eq!(
            is_combining_mark(c),
            reference::is_combining_mark(c),
            "mark U+{:04X}",
            c as u32
        );
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
fn stable_characters_never_change_what_precedes_them() {
    // Every plane 0–1 character after the bases that combine with the most
    // characters: if NFC changes the pair, the second must be unstable (the
    // first is stable, so a change means the two composed).
    let bases = [
        'a', 'e', 'o', 'u', 'A', 'ơ', 'ư', 'ε', 'ω', 'か', 'ᄀ', '가', '<', '=',
    ];
    for c in (0..0x20000u32).filter_map(char::from_u32) {
        for b in bases {
            let s: String = [b, c].iter().collect();
            if is_nfc_stable(b) && expected(&s) != s {
                assert!(!is_nfc_stable(c), "{b:?} + U+{:04X}", c as u32);
            }
        }
    }
}

#[test]
fn vietnamese_decomposed_becomes_composed() {
    let nfd: String = "Tiếng Việt có dấu".nfd().collect();
    assert_ne!(nfd, "Tiếng Việt có dấu");
    assert!(needs_nfc(&nfd));
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
        fn quick_check_is_sound(chars in prop::collection::vec(tricky(), 0..24)) {
            // Text we don't send to the normaliser must already be NFC.
            let s: String = chars.into_iter().collect();
            prop_assert!(needs_nfc(&s) || expected(&s) == s);
            prop_assert_eq!(nfc(&s).into_owned(), expected(&s));
        }
    }
}

mod graphemes {
    use unicode_segmentation::UnicodeSegmentation;

    use super::super::grapheme_starts;

    fn reference(s: &str) -> Vec<usize> {
        s.grapheme_indices(true).map(|(i, _)| i).collect()
    }

    #[test]
    fn no_joiner_below_the_shortcut() {
        // `may_join` answers false below U+0300 without the table.
        for c in (0..0x300u32).filter_map(char::from_u32) {
            let s: String = ['a', c, c, '가', c].iter().collect();
            assert_eq!(grapheme_starts(&s), reference(&s), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn fast_path_agrees_with_uax29_for_every_character() {
        // For a character that can't join, text of it and other such
        // characters takes the fast path; it must match UAX #29 next to a
        // letter, a Hangul syllable, itself and CR LF. Planes 0-1 in full,
        // every 97th code point above.
        let chars = (0..0x20000u32)
            .chain((0x20000..=0x10FFFF).step_by(97))
            .filter_map(char::from_u32);
        for c in chars {
            let s = format!("a{c}{c}가{c}\r\n{c}");
            assert_eq!(grapheme_starts(&s), reference(&s), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn joined_clusters_and_crlf() {
        for s in ["", "\r\n", "a\r\nb\r\r\n", "👍🏽🇻🇳👨‍👩‍👧 é", "각ᄀ각", "नमस्ते"]
        {
            assert_eq!(grapheme_starts(s), reference(s), "{s:?}");
        }
    }
}

/// Extended_Pictographic against the emoji-data.txt entries it must hold and
/// the emoji parts it must not (the table is derived from UAX #29's GB11).
#[test]
fn extended_pictographic_table() {
    use super::is_extended_pictographic as ep;
    // emoji-data.txt (Unicode 15.1): ©, ‼, ⌚, ☺, ✂, ⭐, 🀄, 😀, 🫠, the
    // reserved 1FC00..1FFFD block.
    for c in [
        '©',
        '®',
        '‼',
        '™',
        '⌚',
        '☺',
        '✂',
        '⭐',
        '🀄',
        '😀',
        '🫠',
        '\u{1FFFD}',
    ] {
        assert!(ep(c), "U+{:04X}", c as u32);
    }
    // Not pictographs: letters, digits and keycap bases, regional indicators
    // (flags), skin tones, ZWJ, VS16, CJK.
    for c in [
        'a', '1', '#', '*', '🇺', '🏽', '\u{200D}', '\u{FE0F}', '日', 'é',
    ] {
        assert!(!ep(c), "U+{:04X}", c as u32);
    }
}
