//! Which build made a serialised index: the worker keeps the index of every
//! stored post between wakes (`serialize`/`deserialize`), and an index made
//! by other tokenizing code would hold other shingles. [`INDEX_FORMAT`]
//! changes whenever any source that decides what gets indexed changes (this
//! module, `src/unicode/` and the build script that makes its tables), so a
//! kept index from an older build is thrown away and rebuilt instead of
//! silently answering with stale shingles. It is a hash of those sources,
//! computed at compile time, so nobody has to remember to bump a number.

/// FNV-1a over the sources, in order.
const fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < parts.len() {
        let part = parts[i];
        let mut j = 0;
        while j < part.len() {
            hash ^= part[j] as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            j += 1;
        }
        i += 1;
    }
    hash
}

/// Every file of `src/uniqueness/` and `src/unicode/`, and `build/unicode.rs`
/// (a test checks none is missing).
const SOURCES: &[(&str, &[u8])] = &[
    ("uniqueness/check.rs", include_bytes!("check.rs")),
    ("uniqueness/delta.rs", include_bytes!("delta.rs")),
    ("uniqueness/format.rs", b""),
    ("uniqueness/hash.rs", include_bytes!("hash.rs")),
    ("uniqueness/ids.rs", include_bytes!("ids.rs")),
    ("uniqueness/index.rs", include_bytes!("index.rs")),
    ("uniqueness/mod.rs", include_bytes!("mod.rs")),
    ("uniqueness/packed.rs", include_bytes!("packed.rs")),
    ("uniqueness/proptests.rs", include_bytes!("proptests.rs")),
    ("uniqueness/reference.rs", include_bytes!("reference.rs")),
    ("uniqueness/serial.rs", include_bytes!("serial.rs")),
    ("uniqueness/shingle.rs", include_bytes!("shingle.rs")),
    ("uniqueness/stopwords.rs", include_bytes!("stopwords.rs")),
    ("uniqueness/store.rs", include_bytes!("store.rs")),
    ("uniqueness/tests.rs", include_bytes!("tests.rs")),
    ("uniqueness/tokenize.rs", include_bytes!("tokenize.rs")),
    (
        "unicode/graphemes.rs",
        include_bytes!("../unicode/graphemes.rs"),
    ),
    ("unicode/mod.rs", include_bytes!("../unicode/mod.rs")),
    ("unicode/nfc.rs", include_bytes!("../unicode/nfc.rs")),
    ("unicode/tests.rs", include_bytes!("../unicode/tests.rs")),
    (
        "../build/unicode.rs",
        include_bytes!("../../build/unicode.rs"),
    ),
];

const fn contents() -> [&'static [u8]; SOURCES.len()] {
    let mut out: [&[u8]; SOURCES.len()] = [b""; SOURCES.len()];
    let mut i = 0;
    while i < SOURCES.len() {
        out[i] = SOURCES[i].1;
        i += 1;
    }
    out
}

/// The hash of the indexing sources (this file is listed but not hashed:
/// it holds the list, not indexing rules).
pub const INDEX_FORMAT: u64 = fnv(&contents());

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_indexing_source_is_hashed() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for dir in ["uniqueness", "unicode"] {
            for entry in std::fs::read_dir(src.join(dir)).unwrap() {
                let name = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
                assert!(
                    SOURCES.iter().any(|(n, _)| *n == name),
                    "{name} decides what the index holds: list it in SOURCES"
                );
            }
        }
        assert_ne!(INDEX_FORMAT, fnv(&[]));
    }
}
