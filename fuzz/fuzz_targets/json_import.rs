//! Arbitrary text into the backup importer: never panics, and whatever it
//! accepts exports canonically and re-imports to the same data.
#![no_main]

use glider::interop::{export_json, import_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let imported = import_json(text);
    if let Some(backup) = imported.data {
        let first = export_json(&backup).expect("export of imported data");
        let again = import_json(&first);
        assert_eq!(again.data.as_ref(), Some(&backup));
        assert_eq!(export_json(&backup).expect("second export"), first);
    }
});
