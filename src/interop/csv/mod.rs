//! CSV import (Hootsuite and Publer bulk layouts) and export.
//!
//! Import reads bytes, not a string, so a file with invalid UTF-8 is reported
//! row by row instead of failing as a whole. Line numbers are physical lines
//! of the file (1-based), counting the newlines inside quoted cells, so the
//! user can find the row in a text editor.

mod cells;
mod dates;
mod export;
mod header;
mod reader;
mod rows;

#[cfg(test)]
mod tests;

pub use cells::{escape_formula, unescape_formula};
pub use dates::{parse_date, DateOrder};
pub use export::{export_csv, CsvExport, CsvLayout, ExportNote, ExportNoteKind};
pub use header::CsvFormat;

use serde::{Deserialize, Serialize};

use super::InteropError;
use crate::model::Post;
use header::Columns;

/// Larger files are refused before parsing.
pub const MAX_FILE_BYTES: usize = 64 << 20;
pub const DEFAULT_MAX_ROWS: usize = 20_000;
/// Facebook's 63,206-character limit fits with room for 4-byte characters.
pub const DEFAULT_MAX_CELL_BYTES: usize = 256 << 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CsvOptions {
    /// IANA zone for dates without an offset.
    pub zone: String,
    /// Import the valid rows even if some rows are rejected.
    #[serde(default)]
    pub keep_valid: bool,
    /// Creation time of the posts; also the "past" cut-off.
    pub now_ms: i64,
    #[serde(default)]
    pub project_id: String,
    /// Post ids are `<idPrefix><line>`. Defaults to `csv-<nowMs>-`, so two
    /// imports of the same file do not collide.
    #[serde(default)]
    pub id_prefix: Option<String>,
    #[serde(default)]
    pub date_order: DateOrder,
    /// Networks for rows without a networks column.
    #[serde(default)]
    pub networks: Vec<String>,
    #[serde(default = "default_max_rows")]
    pub max_rows: usize,
    #[serde(default = "default_max_cell")]
    pub max_cell_bytes: usize,
    /// Accept dates before `now_ms` (e.g. importing an archive).
    #[serde(default)]
    pub allow_past: bool,
}

fn default_max_rows() -> usize {
    DEFAULT_MAX_ROWS
}
fn default_max_cell() -> usize {
    DEFAULT_MAX_CELL_BYTES
}

impl CsvOptions {
    pub fn new(zone: &str, now_ms: i64) -> Self {
        CsvOptions {
            zone: zone.to_string(),
            keep_valid: false,
            now_ms,
            project_id: String::new(),
            id_prefix: None,
            date_order: DateOrder::Auto,
            networks: Vec::new(),
            max_rows: DEFAULT_MAX_ROWS,
            max_cell_bytes: DEFAULT_MAX_CELL_BYTES,
            allow_past: false,
        }
    }
}

/// A rejected row: physical line (1-based), the column if one is to blame,
/// and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub reason: String,
}

/// Follow-up comments of an imported post (the model has no field for them yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostComments {
    pub post_id: String,
    pub comments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvImport {
    /// Empty when any row was rejected, unless `keepValid`.
    pub posts: Vec<Post>,
    pub errors: Vec<RowError>,
    pub format: CsvFormat,
    /// The day/month order used for `a/b/yyyy` dates.
    pub date_order: DateOrder,
    /// The zone times without an offset were read in: the one the date
    /// header names (`Date (Europe/Berlin)`, as Glider's export writes it),
    /// else the caller's.
    pub zone: String,
    /// True when `zone` came from the file's header.
    pub zone_from_file: bool,
    /// Where the time of day was read: a separate time column, or the date cell.
    pub time_column: bool,
    pub has_header: bool,
    pub delimiter: char,
    /// Non-blank data rows read.
    pub rows: usize,
    /// Rows that passed (also when `posts` is emptied by all-or-nothing).
    pub valid_rows: usize,
    /// Header cells that were not imported.
    pub ignored_columns: Vec<String>,
    pub comments: Vec<PostComments>,
}

/// Parse a CSV file into draft/scheduled posts. File-level problems are
/// errors; row-level problems are listed in `errors` with their line.
pub fn parse_csv(input: &[u8], options: &CsvOptions) -> Result<CsvImport, InteropError> {
    let zone = crate::tz::Zone::from_name(&options.zone)
        .ok_or_else(|| InteropError::UnknownZone(options.zone.clone()))?;
    if input.len() > MAX_FILE_BYTES {
        return Err(InteropError::TooLarge {
            size: input.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]) {
        return Err(InteropError::Utf16);
    }
    let data = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let delimiter = reader::sniff_delimiter(data);
    let records = reader::read_records(data, delimiter, options.max_rows)?;
    let Some((_, first)) = records.first() else {
        return Err(InteropError::Empty);
    };
    let first_cells: Vec<String> = first
        .iter()
        .map(|c| String::from_utf8_lossy(c).trim().to_string())
        .collect();
    let first_is_date = first_cells
        .first()
        .is_some_and(|c| parse_date(c, zone, DateOrder::Auto).is_ok());
    let has_header = !first_is_date && first_cells.iter().any(|c| header::field_of(c).is_some());
    let (columns, format, ignored_columns) = if has_header {
        header::read_header(&first_cells)
    } else {
        (Columns::hootsuite(), CsvFormat::Hootsuite, Vec::new())
    };
    if !columns.has_content() {
        return Err(InteropError::NoContentColumn(first_cells));
    }
    let data_rows = &records[usize::from(has_header)..];
    if data_rows.len() > options.max_rows {
        return Err(InteropError::TooManyRows {
            limit: options.max_rows,
        });
    }
    if data_rows.is_empty() {
        return Err(InteropError::Empty);
    }
    // The file's own word beats the caller's default: a Glider export names
    // its zone, a template header its day/month order.
    let zone = columns.zone_hint.unwrap_or(zone);
    let reader = rows::RowReader::new(&columns, options, zone, data_rows);
    let mut out = CsvImport {
        posts: Vec::with_capacity(data_rows.len()),
        errors: Vec::new(),
        format,
        date_order: reader.order(),
        zone: zone.name().to_string(),
        zone_from_file: columns.zone_hint.is_some(),
        time_column: columns.time.is_some(),
        has_header,
        delimiter: char::from(delimiter),
        rows: data_rows.len(),
        valid_rows: 0,
        ignored_columns,
        comments: Vec::new(),
    };
    for (line, record) in data_rows {
        match reader.read(*line, record) {
            Ok((post, comments)) => {
                if !comments.is_empty() {
                    out.comments.push(PostComments {
                        post_id: post.id.clone(),
                        comments,
                    });
                }
                out.posts.push(post);
            }
            Err(e) => out.errors.push(e),
        }
    }
    out.valid_rows = out.posts.len();
    if !options.keep_valid && !out.errors.is_empty() {
        out.posts.clear();
        out.comments.clear();
    }
    Ok(out)
}
