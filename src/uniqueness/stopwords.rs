//! Optional stop words for English, Russian and Vietnamese.
//!
//! Off by default (text.ru counts every word). When on, function words are
//! dropped before shingling so "the cat sat on the mat" and "a cat sat on a
//! mat" share shingles: stricter about rewording, at the price of some false
//! matches between unrelated texts that share content words. The lists are
//! short on purpose: only words that carry no content in any context.

use super::hash::FxHashSet;
use super::tokenize::word_hash;

const EN: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours", "yourself", "yourselves",
];

const RU: &[&str] = &[
    "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вас", "весь", "во", "вот",
    "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до", "его", "ее", "если", "есть", "еще", "же",
    "за", "здесь", "и", "из", "или", "им", "их", "к", "как", "какой", "когда", "кто", "ли", "либо", "мне",
    "может", "мы", "на", "над", "надо", "наш", "не", "него", "нее", "нет", "ни", "них", "но", "ну", "о", "об",
    "однако", "он", "она", "они", "оно", "от", "очень", "по", "под", "при", "с", "со", "так", "также", "такой",
    "там", "те", "тем", "то", "того", "тоже", "той", "только", "том", "ты", "у", "уже", "хотя", "чего", "чей",
    "чем", "что", "чтобы", "чье", "чья", "эта", "эти", "это", "я",
];

const VI: &[&str] = &[
    "và", "của", "là", "có", "được", "các", "những", "cho", "trong", "với", "này", "một", "không", "đã", "thì",
    "mà", "để", "cũng", "như", "khi", "từ", "về", "nhưng", "hay", "hoặc", "nên", "vì", "nếu", "sẽ", "đang",
    "rất", "lại", "ra", "vào", "bị", "bởi", "tại", "theo", "đến", "nào", "gì", "ấy", "đó", "kia",
];

/// Hashes of every stop word, normalised exactly as the tokenizer does.
pub(crate) fn stop_set() -> FxHashSet<u64> {
    EN.iter().chain(RU).chain(VI).filter_map(|w| word_hash(w)).collect()
}
