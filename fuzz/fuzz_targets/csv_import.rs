//! Arbitrary bytes into the CSV importer: it must never panic, and its
//! counts must add up.
#![no_main]

use glider::interop::{parse_csv, CsvOptions, DateOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options so both date orders and modes are hit.
    let (flags, csv) = data.split_first().unwrap_or((&0, data));
    let mut options = CsvOptions::new("America/New_York", 0);
    options.keep_valid = flags & 1 == 1;
    options.date_order = match flags >> 1 & 3 {
        0 => DateOrder::Auto,
        1 => DateOrder::Dmy,
        _ => DateOrder::Mdy,
    };
    options.max_rows = 1_000;
    options.max_cell_bytes = 4_096;
    if let Ok(result) = parse_csv(csv, &options) {
        assert_eq!(result.valid_rows + result.errors.len(), result.rows);
        if options.keep_valid || result.errors.is_empty() {
            assert_eq!(result.posts.len(), result.valid_rows);
        } else {
            assert!(result.posts.is_empty());
        }
    }
});
