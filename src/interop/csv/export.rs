//! CSV export in Hootsuite's and Publer's bulk layouts.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::cells::escape_formula;
use crate::interop::InteropError;
use crate::model::Post;
use crate::tz::Zone;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CsvLayout {
    /// No header; `dd/mm/yyyy HH:MM`, message, first link. Hootsuite takes
    /// one link and no media or labels, so those are not exported.
    Hootsuite,
    /// Header `Date,Text,Link(s),Media URL(s),Labels,Comments`;
    /// `yyyy-mm-dd HH:MM`; lists comma-separated.
    Publer,
}

const PUBLER_HEADER: [&str; 6] = [
    "Date",
    "Text",
    "Link(s)",
    "Media URL(s)",
    "Labels",
    "Comments",
];

/// Export posts in the caller's order. Times are written in `zone` if given,
/// else in each post's planned zone, else UTC; posts without a time get an
/// empty date cell. Every cell is formula-escaped; lines end in CRLF.
pub fn export_csv(
    posts: &[Post],
    layout: CsvLayout,
    zone: Option<&str>,
) -> Result<String, InteropError> {
    let fixed_zone = zone
        .map(|z| Zone::from_name(z).ok_or_else(|| InteropError::UnknownZone(z.to_string())))
        .transpose()?;
    let mut out = String::new();
    if layout == CsvLayout::Publer {
        write_record(&mut out, &PUBLER_HEADER);
    }
    for post in posts {
        let zone = fixed_zone
            .or_else(|| post.planned_zone.as_deref().and_then(Zone::from_name))
            .unwrap_or(Zone::UTC);
        let row: Vec<String> = match layout {
            CsvLayout::Hootsuite => vec![
                date_cell(post.scheduled_at, zone, DayFirst),
                post.text.clone(),
                post.links.first().cloned().unwrap_or_default(),
            ],
            CsvLayout::Publer => vec![
                date_cell(post.scheduled_at, zone, Iso),
                post.text.clone(),
                post.links.join(", "),
                post.media.join(", "),
                post.tags.join(", "),
                String::new(),
            ],
        };
        let cells: Vec<_> = row.iter().map(|cell| escape_formula(cell)).collect();
        write_record(&mut out, &cells);
    }
    Ok(out)
}

/// One RFC 4180 record, as the csv crate's writer wrote it: a cell is quoted
/// (quotes doubled) when it holds the delimiter, a quote or a line break;
/// CRLF after the record. Written by hand because csv's writer links a
/// float parser (for a quoting mode we never use) worth ~8 KB of the
/// gzipped WASM; reading stays with the csv crate.
fn write_record(out: &mut String, cells: &[impl AsRef<str>]) {
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// The two date layouts the CSV columns use.
#[derive(Clone, Copy)]
enum DateCell {
    /// Hootsuite: `DD/MM/YYYY HH:MM`.
    DayFirst,
    /// Publer: `YYYY-MM-DD HH:MM`.
    Iso,
}
use DateCell::{DayFirst, Iso};

/// Written by hand rather than with chrono's `format`: its format-string
/// parser and formatter were ~20 KB of the WASM for two fixed layouts.
fn date_cell(at: Option<i64>, zone: Zone, layout: DateCell) -> String {
    let Some(t) = at.and_then(DateTime::<Utc>::from_timestamp_millis) else {
        return String::new();
    };
    let t = t.with_timezone(&zone);
    let (y, mo, d, h, mi) = (t.year(), t.month(), t.day(), t.hour(), t.minute());
    match layout {
        DayFirst => format!("{d:02}/{mo:02}/{y:04} {h:02}:{mi:02}"),
        Iso => format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::write_record;

    #[test]
    fn records_match_the_csv_crates_writer() {
        let rows: [&[&str]; 5] = [
            &["a", "b", "c"],
            &["", "", ""],
            &["with, comma", "with \"quotes\"", "line\nbreak"],
            &["cr\r", "\"", "tab\tand ünïcödé 👍"],
            &[" lead", "trail ", "=1+1"],
        ];
        let mut ours = String::new();
        let mut theirs = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        for row in rows {
            write_record(&mut ours, row);
            theirs.write_record(row).unwrap();
        }
        let theirs = String::from_utf8(theirs.into_inner().unwrap()).unwrap();
        assert_eq!(ours, theirs);
    }
}
