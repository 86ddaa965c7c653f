//! A deliberately compact list of top-level domains for bare-domain URL
//! detection ("example.com/path" without a scheme).
//!
//! twitter-text ships the full IANA list (about 1,500 entries); we keep only
//! the common generic TLDs and country codes to keep the WASM small. A bare
//! domain on a TLD not listed here is simply not detected as a URL (an
//! `https://` URL is always detected, whatever its TLD). ASCII only: IDN
//! TLDs are not recognized without a scheme.

const TLDS: &[&str] = &[
    // Generic.
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev", "xyz",
    "online", "site", "store", "shop", "tech", "blog", "news", "social", "page", "link", "club",
    "art", "cloud", "live", "media", "network", "world", "today", "space", "website", "wiki",
    "pro", "mobi", "name", "travel", "jobs", "email", "studio", "design", "agency", "digital",
    "global", "zone", "fun", "top", "icu", "eu", "asia",
    // Popular country codes (many used as "hacks": .ly, .gg, .fm, .tv, .me, .co).
    "ac", "ae", "ar", "at", "au", "be", "bg", "br", "by", "ca", "cc", "ch", "cl", "cn", "co", "cz",
    "de", "dk", "ee", "es", "fi", "fm", "fr", "gg", "gr", "hk", "hr", "hu", "id", "ie", "il", "im",
    "in", "ir", "is", "it", "jp", "kr", "kz", "li", "lt", "lu", "lv", "ly", "md", "me", "mx", "my",
    "ng", "nl", "no", "nz", "pe", "ph", "pk", "pl", "pt", "ro", "rs", "ru", "sa", "se", "sg", "si",
    "sk", "so", "su", "th", "tr", "tv", "tw", "ua", "uk", "us", "uz", "vn", "ws", "za",
];

/// Country codes that are also common file extensions or words ("main.rs",
/// "README.md", "script.pl", "lib.so"): a bare domain on one of these is a
/// URL only with a path, a port or a `www.` prefix.
const AMBIGUOUS: &[&str] = &[
    "at", "cc", "id", "in", "is", "it", "md", "my", "no", "pl", "rs", "sa", "so",
];

/// Whether a bare domain on `tld` needs more evidence to be a URL.
pub(crate) fn is_ambiguous_tld(tld: &str) -> bool {
    AMBIGUOUS.iter().any(|t| t.eq_ignore_ascii_case(tld))
}

/// Whether `label` (any ASCII case) is a TLD we recognize.
pub(crate) fn is_known_tld(label: &str) -> bool {
    label.len() <= 8 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(label))
}
