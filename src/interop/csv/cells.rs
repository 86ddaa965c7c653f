//! Cell-level helpers: formula-injection escaping and list splitting.

use std::borrow::Cow;

/// Characters that make a spreadsheet treat a cell as a formula (OWASP CSV
/// injection list; tab and CR are included because some apps strip them and
/// then read what follows).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True if `cell` is some apostrophes followed by a formula character.
fn quoted_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// Neutralise a cell for spreadsheets: a cell starting with `= + - @`, tab
/// or CR gets a leading apostrophe. Cells that already start with
/// apostrophes before such a character get one more, so that
/// [`unescape_formula`] restores every cell exactly.
pub fn escape_formula(cell: &str) -> Cow<'_, str> {
    if quoted_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Inverse of [`escape_formula`]: drop one apostrophe before a formula
/// character; every other cell is returned unchanged.
pub fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if quoted_formula(rest) => rest,
        _ => cell,
    }
}

/// Split a list cell ("a, b; c") into trimmed, non-empty, de-duplicated items
/// in their original order.
pub(super) fn split_list(cell: &str, separators: &[char]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in cell.split(|c: char| separators.contains(&c)).map(str::trim) {
        if !item.is_empty() && !out.iter().any(|x| x == item) {
            out.push(item.to_string());
        }
    }
    out
}

/// Links and media must be web URLs: a `javascript:` or `file:` link in an
/// imported file must never reach a click handler in the extension.
pub(super) fn check_url(url: &str) -> Result<(), String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return Err(format!(
            "{:?} is not an http:// or https:// URL",
            shorten(url)
        ));
    };
    if rest.is_empty() || rest.starts_with('/') || rest.chars().any(char::is_control) {
        return Err(format!("{:?} is not a valid URL", shorten(url)));
    }
    Ok(())
}

/// A cell quoted in an error message, cut to 40 characters.
pub(super) fn shorten(cell: &str) -> Cow<'_, str> {
    match cell.char_indices().nth(40) {
        Some((i, _)) => Cow::Owned(format!("{}…", &cell[..i])),
        None => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interop_formula_cells_are_escaped_and_restored() {
        for (raw, escaped) in [
            ("=1+2", "'=1+2"),
            ("+33 6", "'+33 6"),
            ("-5 °C", "'-5 °C"),
            ("@here", "'@here"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''-x", "'''-x"),
            ("plain", "plain"),
            ("'quoted", "'quoted"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(escape_formula(raw), escaped, "{raw:?}");
            assert_eq!(unescape_formula(escaped), raw, "{escaped:?}");
        }
    }

    #[test]
    fn interop_lists_and_urls() {
        assert_eq!(split_list(" a, b;a ,, c ", &[',', ';']), ["a", "b", "c"]);
        assert!(check_url("https://example.com/a?b=1").is_ok());
        assert!(check_url("HTTP://EXAMPLE.COM").is_ok());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "http:///x",
            "example.com",
            "ftp://x",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
        assert_eq!(shorten(&"é".repeat(50)).chars().count(), 41);
    }
}
