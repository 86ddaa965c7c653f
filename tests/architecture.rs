//! Keeps the layering honest: only `src/wasm/` may import binding crates,
//! and the core never reads the clock.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn pure_core_has_no_binding_crates_and_no_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let bindings = [
        "wasm_bindgen",
        "web_sys",
        "js_sys",
        "gloo",
        "serde_wasm_bindgen",
    ];
    // Test code may time itself; the core's own code never reads a clock.
    let clocks = ["SystemTime::now", "Instant::now", "Utc::now", "Local::now"];
    let mut core_files = 0;
    for file in files {
        if file.starts_with(src.join("wasm")) {
            continue;
        }
        core_files += 1;
        // Comments may name the crates (to say they're not used); code may not.
        let text: String = fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let is_test = file.components().any(|c| c.as_os_str() == "tests")
            || file
                .file_stem()
                .is_some_and(|s| s == "tests" || s.to_string_lossy().contains("prop"));
        let forbidden = bindings
            .iter()
            .chain(if is_test { [].iter() } else { clocks.iter() });
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{} uses {word}: the pure core must stay free of bindings and clocks",
                file.display()
            );
        }
    }
    assert!(core_files > 5, "expected the core modules under src/");
}
