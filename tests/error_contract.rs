//! The one error contract: every variant the core can raise is listed in
//! `extension/shared/errors.js`, and every message that file names exists in
//! every locale. A new error variant thus fails this test until the
//! extension can explain it in each language.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `Variant: 'message_key'` entries of errors.js's frozen objects.
fn listed() -> BTreeMap<String, String> {
    let text = fs::read_to_string(root().join("extension/shared/errors.js"))
        .expect("extension/shared/errors.js is readable");
    let mut out = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        let Some((name, rest)) = line.split_once(": '") else {
            continue;
        };
        if !name.chars().all(|c| c.is_ascii_alphanumeric()) || name.is_empty() {
            continue;
        }
        let key = rest.trim_end_matches(',').trim_end_matches('\'');
        assert!(
            out.insert(name.to_string(), key.to_string()).is_none(),
            "{name} is listed twice in errors.js"
        );
    }
    assert!(out.len() > 40, "errors.js lists too few variants: {out:?}");
    out
}

#[test]
fn every_core_variant_is_listed_for_the_extension() {
    let listed = listed();
    for (owner, variant) in glider::errors::all_variants() {
        assert!(
            listed.contains_key(variant),
            "{owner}::{variant} can reach JS but is missing from extension/shared/errors.js"
        );
    }
}

#[test]
fn every_listed_variant_is_localised() {
    for lang in ["en", "vi", "ru"] {
        let path = root().join(format!("extension/_locales/{lang}/messages.json"));
        let messages: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        for (variant, key) in listed() {
            let text = messages[&key]["message"].as_str().unwrap_or("");
            assert!(
                !text.trim().is_empty(),
                "{variant}: message {key} is missing in {lang}"
            );
        }
    }
}
