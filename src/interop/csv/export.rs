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
    /// Header `Date (<zone>),Text,Link(s),Media URL(s),Labels,Comments`;
    /// `yyyy-mm-dd HH:MM`; lists comma-separated.
    Publer,
}

/// After the date header, which names the zone.
const PUBLER_HEADER: [&str; 5] = ["Text", "Link(s)", "Media URL(s)", "Labels", "Comments"];

/// What an export wrote, and what it did not carry, per post: nothing is
/// dropped behind the user's back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvExport {
    /// The file: formula-escaped cells, CRLF line ends.
    pub text: String,
    /// Data rows written (the Publer header is not counted).
    pub rows: usize,
    /// The zone every date of the file is written in.
    pub zone: String,
    /// Posts left out or written differently from how they are stored.
    pub notes: Vec<ExportNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportNote {
    pub post_id: String,
    #[serde(flatten)]
    pub kind: ExportNoteKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ExportNoteKind {
    /// Not written: the post has no text, so the row would be one that
    /// import refuses ("the text is empty").
    SkippedEmpty,
    /// Not written: Hootsuite's bulk composer needs a date on every row
    /// (and a headerless file starting with an undated row is misread).
    SkippedUndated,
    /// Not written: a cell is larger than import reads
    /// ([`super::DEFAULT_MAX_CELL_BYTES`]).
    SkippedTooLong,
    /// Written with no date: import reads it back as a draft.
    Undated,
    /// Planned in another zone (`zone`); its time is written converted to
    /// the file's zone, which is the same instant.
    OtherZone { zone: String },
    /// The post has no base text; its `network` variant is the row's text.
    TextFromVariant { network: String },
    /// Links, media or labels the layout has no column for, or URLs import
    /// refuses (not http(s), or holding a list separator), were left out.
    PartsLeftOut { count: usize },
}

/// List separators of the link and media cells on import: a URL holding
/// one cannot survive the round trip.
const URL_SEPARATORS: [char; 4] = [',', ' ', '\n', '\t'];

/// Export posts in the caller's order, every time written in `zone`.
///
/// One zone per file, not one per row: Hootsuite and Publer read every
/// date of an upload as wall time in the account's own zone, and neither
/// layout has a cell for a zone (Hootsuite's has no header at all), so a
/// file mixing zones would be read wrong whatever it said. The zone is
/// stated where the layout allows it without changing its columns: in
/// Publer's date header (`Date (Europe/Berlin)`, which Publer ignores and
/// [`super::parse_csv`] reads back); for Hootsuite the caller states it
/// (file name, page). Posts planned in another zone are named in the notes.
///
/// Every row written is one that [`super::parse_csv`] accepts; posts it
/// would refuse are not written and are listed in [`CsvExport::notes`]
/// instead, as is anything left out.
pub fn export_csv(
    posts: &[Post],
    layout: CsvLayout,
    zone: &str,
) -> Result<CsvExport, InteropError> {
    let zone = Zone::from_name(zone).ok_or_else(|| InteropError::UnknownZone(zone.to_string()))?;
    let mut out = CsvExport {
        text: String::new(),
        rows: 0,
        zone: zone.name().to_string(),
        notes: Vec::new(),
    };
    if layout == CsvLayout::Publer {
        let date = format!("Date ({})", zone.name());
        let header: Vec<&str> = std::iter::once(date.as_str())
            .chain(PUBLER_HEADER)
            .collect();
        write_record(&mut out.text, &header);
    }
    for post in posts {
        let mut note = |kind| {
            out.notes.push(ExportNote {
                post_id: post.id.clone(),
                kind,
            })
        };
        let content = RowContent::of(post, layout);
        let skip = if !content.has_content() {
            Some(ExportNoteKind::SkippedEmpty)
        } else if layout == CsvLayout::Hootsuite && post.scheduled_at.is_none() {
            Some(ExportNoteKind::SkippedUndated)
        } else if content.longest_cell() > super::DEFAULT_MAX_CELL_BYTES {
            Some(ExportNoteKind::SkippedTooLong)
        } else {
            None
        };
        if let Some(kind) = skip {
            note(kind);
            continue;
        }
        match &post.planned_zone {
            _ if post.scheduled_at.is_none() => note(ExportNoteKind::Undated),
            Some(planned) if planned != zone.name() => note(ExportNoteKind::OtherZone {
                zone: planned.clone(),
            }),
            _ => {}
        }
        if let Some(network) = content.variant {
            note(ExportNoteKind::TextFromVariant {
                network: network.to_string(),
            });
        }
        if content.left_out > 0 {
            note(ExportNoteKind::PartsLeftOut {
                count: content.left_out,
            });
        }
        let row: Vec<String> = match layout {
            CsvLayout::Hootsuite => vec![
                date_cell(post.scheduled_at, zone, DayFirst),
                content.text.to_string(),
                content.links.join(", "),
            ],
            CsvLayout::Publer => vec![
                date_cell(post.scheduled_at, zone, Iso),
                content.text.to_string(),
                content.links.join(", "),
                content.media.join(", "),
                content.tags,
                String::new(),
            ],
        };
        let cells: Vec<_> = row.iter().map(|cell| escape_formula(cell)).collect();
        write_record(&mut out.text, &cells);
        out.rows += 1;
    }
    Ok(out)
}

/// What one post's row carries in a layout, cut to what import reads back.
struct RowContent<'a> {
    /// [`Post::main_text`].
    text: &'a str,
    /// The network whose variant is the text, when the base text is empty.
    variant: Option<&'a str>,
    links: Vec<&'a str>,
    media: Vec<&'a str>,
    tags: String,
    /// Links, media and labels not carried.
    left_out: usize,
}

impl<'a> RowContent<'a> {
    fn of(post: &'a Post, layout: CsvLayout) -> Self {
        // Trimmed: import trims cells, and a whitespace-only text starting
        // with a tab would be escaped to `'\t` and come back as `'`.
        let (text, variant) = post.main_text();
        let carried = |urls: &'a [String]| -> Vec<&'a str> {
            urls.iter()
                .map(String::as_str)
                .filter(|u| super::cells::check_url(u).is_ok() && !u.contains(URL_SEPARATORS))
                .collect()
        };
        let mut links = carried(&post.links);
        let mut media = carried(&post.media);
        let mut left_out = post.links.len() - links.len() + post.media.len() - media.len();
        let tags = match layout {
            CsvLayout::Publer => post.tags.join(", "),
            CsvLayout::Hootsuite => {
                // One link column, no media or labels.
                left_out += links.len().saturating_sub(1) + media.len() + post.tags.len();
                links.truncate(1);
                media.clear();
                String::new()
            }
        };
        RowContent {
            text,
            variant,
            links,
            media,
            tags,
            left_out,
        }
    }

    /// The rule import applies to a row ("the text is empty").
    fn has_content(&self) -> bool {
        !self.text.is_empty()
    }

    /// Bytes of the largest cell (escaping adds at most one).
    fn longest_cell(&self) -> usize {
        let list = |items: &[&str]| items.iter().map(|s| s.len() + 2).sum::<usize>();
        (self.text.len() + 1)
            .max(list(&self.links))
            .max(list(&self.media))
            .max(self.tags.len() + 1)
    }
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
