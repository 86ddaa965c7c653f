//! Arbitrary records and storage dumps: decoding never panics, and a
//! successful migration leaves only decodable records and is idempotent.
#![no_main]

use glider::storage::{
    apply_migration, decode_record, decode_record_text, migrate, RecordKey, StorageMap,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // "key\nvalue": one record.
    if let Some((key, value)) = text.split_once('\n') {
        let _ = decode_record_text(key, value);
    }
    // A whole dump.
    if let Ok(items) = serde_json::from_str::<StorageMap>(text) {
        if let Ok(migrated) = migrate(&items) {
            let state = apply_migration(&items, &migrated);
            for (key, value) in &state {
                if RecordKey::parse(key).is_ok() {
                    decode_record(key, value).expect("migrated record decodes");
                }
            }
            let again = migrate(&state).expect("second migration");
            assert!(again.items.is_empty() && again.remove.is_empty());
        }
    }
});
