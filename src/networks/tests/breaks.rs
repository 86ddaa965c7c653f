//! Sentence and word candidates (the hand-written rules of `breaks` and
//! `sentences`), checked by hand and against unicode-segmentation's UAX #29.

use unicode_segmentation::UnicodeSegmentation;

use crate::networks::breaks::Breaks;

/// The text cut at one level's candidates (0 paragraphs, 1 sentences, 2 words).
fn pieces(text: &str, level: usize) -> Vec<&str> {
    let mut from = 0;
    let mut out = Vec::new();
    for &p in &Breaks::of(text).levels[level] {
        out.push(&text[from..p]);
        from = p;
    }
    out
}

fn sentences(text: &str) -> Vec<&str> {
    pieces(text, 1)
}

/// Word pieces without their whitespace, for readable expectations.
fn words(text: &str) -> Vec<&str> {
    pieces(text, 2).into_iter().map(str::trim).collect()
}

/// What `split_sentence_bound_indices` gives, filtered like `Breaks::of`
/// (texts here have no entities).
pub(super) fn uax_sentences(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text
        .split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect();
    v.push(text.len());
    v.dedup();
    v
}

/// What `Breaks` used before the hand-written rules: UAX #29 word boundaries
/// kept before whitespace, between letters/digits, and after punctuation
/// other than an opening bracket or quote when a letter/digit follows. Inside
/// a whitespace run it also cut between some spaces; the new rules cut only
/// at the run's start (the splitter trims the rest anyway), so those are
/// dropped here.
pub(super) fn uax_words(text: &str) -> Vec<usize> {
    let mut v = Vec::new();
    for (i, _) in text.split_word_bound_indices() {
        let (Some(b), Some(a)) = (text[..i].chars().next_back(), text[i..].chars().next()) else {
            continue;
        };
        let opening = matches!(
            b,
            '(' | '[' | '{' | '<' | '«' | '“' | '‘' | '"' | '\'' | '¿' | '¡' | '「' | '『' | '（'
        );
        let punct_then_word =
            !b.is_alphanumeric() && !b.is_whitespace() && !opening && a.is_alphanumeric();
        if (a.is_whitespace() && !b.is_whitespace())
            || (b.is_alphanumeric() && a.is_alphanumeric())
            || punct_then_word
        {
            v.push(i);
        }
    }
    v.push(text.len());
    v.dedup();
    v
}

/// Ordinary sentences in several languages and scripts. The deliberate
/// differences (see `sentences` and `breaks`: "…", no space after an ASCII
/// stop, opening brackets after a stop, no-break spaces) are tested apart.
const CORPUS: &[&str] = &[
    "The glider took off at noon. It landed two hours later! Was the wind good? Yes.",
    "He said \"Stop.\" Then he left. (It was late.) She waved.",
    "Prices rose 3.14% in 2024, i.e. a lot. Most people don't mind, e.g. pilots and so on.",
    "Dr. Smith arrived. Mr. Jones didn't, etc. and nobody cared. The U.S. Army came.",
    "Wait... what? That's it... really. Okay!! Fine?!\nNew line here.\n\nNew paragraph.",
    "Привет, мир. Как дела? Всё хорошо! Погода 12,5 градуса, т. е. тепло.",
    "Tôi yêu Việt Nam. Hôm nay trời đẹp quá! Bạn có khỏe không?",
    "Der Flug war „sehr schön.“ Wir kommen wieder. Das kostet 1.000 Euro.",
    "C'est l'été. Qu'est-ce qu'on fait ? On vole ! D'accord.",
    "Ο ήλιος λάμπει. Πάμε για πτήση; Ναι.",
    "我喜欢滑翔。今天天气很好！你呢？我们明天见。",
    "グライダーで飛んだ。とても楽しかった！また行きたい。",
    "오늘은 날씨가 좋다. 비행하러 가자! 정말?",
    "मैं ग्लाइडर उड़ाता हूँ। आज मौसम अच्छा है। चलो चलें॥",
    "مرحبا بالعالم. كيف حالك؟ الطقس جميل اليوم.",
    "שלום עולם. מה שלומך? הכל טוב.",
    "Line one\r\nLine two.\r\n\r\nParagraph two.\u{2029}Next.\u{2028}After.",
    "Great day 👨\u{200D}👩\u{200D}👧\u{200D}👦! Next 👍🏽. Done 🇯🇵 ok.",
];

#[test]
fn sentence_candidates_agree_with_unicode_segmentation() {
    for text in CORPUS {
        assert_eq!(Breaks::of(text).levels[1], uax_sentences(text), "{text:?}");
    }
}

#[test]
fn word_candidates_agree_with_unicode_segmentation() {
    for text in CORPUS {
        assert_eq!(Breaks::of(text).levels[2], uax_words(text), "{text:?}");
    }
}

#[test]
fn english_sentences_with_quotes_and_abbreviations() {
    assert_eq!(
        sentences("He said \"Stop.\" Then he left, e.g. at 3.14 p.m. and so on. Really?! Yes."),
        [
            "He said \"Stop.\" ",
            "Then he left, e.g. at 3.14 p.m. and so on. ",
            "Really?! ",
            "Yes."
        ]
    );
    // A period between letters or digits, or before a lowercase word, goes on.
    assert_eq!(
        sentences("See example.com or v1.2.3 etc. for more."),
        ["See example.com or v1.2.3 etc. for more."]
    );
    // „…“ and »…« close a sentence too; brackets do after a stop.
    assert_eq!(
        sentences("Er sagte „Ja.“ Dann (nicht.) Gut!"),
        ["Er sagte „Ja.“ ", "Dann (nicht.) ", "Gut!"]
    );
    // "…" ends a sentence like "." (UAX #29 does not see it as a terminal).
    assert_eq!(
        sentences("Wait… what? Hmm… Okay."),
        ["Wait… what? ", "Hmm… ", "Okay."]
    );
    // ASCII stops need a space after them; "etc.," goes on (SB8a).
    assert_eq!(
        sentences("Yahoo!News is here. Etc., and more."),
        ["Yahoo!News is here. ", "Etc., and more."]
    );
}

#[test]
fn words_keep_numbers_and_contractions_whole() {
    assert_eq!(
        words("I don't owe 1,000.50 or 3.14 to l'homme, e.g.x (really)!Yes snake_case 10:30"),
        [
            "I",
            "don't",
            "owe",
            "1,000.50",
            "or",
            "3.14",
            "to",
            "l'homme,",
            "e.g.x",
            "(really)!",
            "Yes",
            "snake_case",
            "10:",
            "30"
        ]
    );
    // No-break spaces are not cuts.
    assert_eq!(
        words("10\u{A0}km Oui\u{202F}!"),
        ["10\u{A0}km", "Oui\u{202F}!"]
    );
}

#[test]
fn urls_and_entities_are_never_cut() {
    let text = "Read https://example.com/a.b?c=d!e. Next @pilot@air.social and #glider_news. Yes.";
    let b = Breaks::of(text);
    let url = text.find("https").unwrap()..text.find(". Next").unwrap();
    let mention = text.find("@pilot").unwrap()..text.find(" and").unwrap();
    for level in &b.levels {
        for p in level {
            assert!(!(url.start + 1..url.end).contains(p), "{p} in the URL");
            assert!(
                !(mention.start + 1..mention.end).contains(p),
                "{p} in the mention"
            );
        }
    }
    assert_eq!(
        sentences(text),
        [
            "Read https://example.com/a.b?c=d!e. ",
            "Next @pilot@air.social and #glider_news. ",
            "Yes."
        ]
    );
}

#[test]
fn chinese_and_japanese_without_spaces() {
    assert_eq!(
        sentences("我喜欢滑翔。今天天气很好！你呢？"),
        ["我喜欢滑翔。", "今天天气很好！", "你呢？"]
    );
    assert_eq!(words("滑翔机在飞"), ["滑", "翔", "机", "在", "飞"]);
    // A Katakana run is one word; Hiragana and kanji go one by one.
    assert_eq!(
        words("グライダーで飛んだ。2024年"),
        ["グライダー", "で", "飛", "ん", "だ。", "2024", "年"]
    );
    // Half-width stops before an unspaced script end a sentence too.
    assert_eq!(sentences("好!你好.再见"), ["好!", "你好.", "再见"]);
    // "。" then an opening bracket: cut before it (UAX #29 cuts after it).
    assert_eq!(sentences("终于。「好」"), ["终于。", "「好」"]);
}

#[test]
fn russian_vietnamese_and_thai() {
    assert_eq!(
        sentences("Привет, мир. Как дела? Число 12,5 и т. д. всё."),
        ["Привет, мир. ", "Как дела? ", "Число 12,5 и т. д. всё."]
    );
    assert_eq!(words("Как дела? 12,5"), ["Как", "дела?", "12,5"]);
    // Decomposed Vietnamese: marks stay with their letters.
    let nfd = "Vie\u{302}\u{323}t Nam đe\u{323}p. Tôi đi.";
    assert_eq!(
        sentences(nfd),
        ["Vie\u{302}\u{323}t Nam đe\u{323}p. ", "Tôi đi."]
    );
    assert_eq!(
        words(nfd),
        ["Vie\u{302}\u{323}t", "Nam", "đe\u{323}p.", "Tôi", "đi."]
    );
    // Thai: every letter cluster, as UAX #29 (no dictionary); digits stay whole.
    assert_eq!(words("สวัสดี ๑๒"), ["ส", "วั", "ส", "ดี", "๑๒"]);
}

#[test]
fn emoji_sequences_are_never_cut() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    let text = format!("Wow {family}! Next 👍🏽. Flags 🇯🇵🇫🇷 ok.👍🏽word {family}{family}");
    let b = Breaks::of(&text);
    for level in &b.levels {
        assert!(level.iter().all(|&p| b.graphemes.contains(p)));
    }
    assert_eq!(
        sentences(&text),
        [
            format!("Wow {family}! "),
            "Next 👍🏽. ".into(),
            format!("Flags 🇯🇵🇫🇷 ok.👍🏽word {family}{family}")
        ]
    );
    assert_eq!(words("ok.👍🏽word"), ["ok.👍🏽", "word"]);
}

#[test]
fn crlf_and_unicode_separators() {
    let text = "One.\r\n\r\nTwo\r\nThree.\u{2029}Four\u{85}Five\u{2028}Six";
    assert_eq!(
        pieces(text, 0),
        [
            "One.",
            "\r\n\r\nTwo\r\nThree.",
            "\u{2029}Four\u{85}Five\u{2028}Six"
        ]
    );
    assert_eq!(
        sentences(text),
        [
            "One.\r\n",
            "\r\n",
            "Two\r\n",
            "Three.\u{2029}",
            "Four\u{85}",
            "Five\u{2028}",
            "Six"
        ]
    );
    assert_eq!(Breaks::of(text).levels[1], uax_sentences(text));
    // Invisible marks are skipped: the cut comes after them.
    assert_eq!(sentences("שלום.\u{200F} עולם"), ["שלום.\u{200F} ", "עולם"]);
}
