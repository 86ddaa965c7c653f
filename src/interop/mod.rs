//! Import and export: JSON backup, CSV (Hootsuite and Publer layouts) and
//! ICS calendars.
//!
//! Bad input never panics and never half-imports by accident: parsers return
//! every problem with where it is (a JSON path, a CSV line number), and
//! imports are all-or-nothing unless the caller asks to keep the valid rows.

mod csv;
mod ics;
mod json;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;

pub use self::csv::{
    escape_formula, export_csv, parse_csv, parse_date, unescape_formula, CsvExport, CsvFormat,
    CsvImport, CsvLayout, CsvOptions, DateOrder, ExportNote, ExportNoteKind, PostComments,
    RowError,
};
pub use self::ics::export_ics;
pub use self::json::{
    export_json, export_value, import_json, import_value, oversized_backup, unparsable_backup,
    BackupData, ImportedBackup, Problem, BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES,
};

use thiserror::Error;

/// File-level failures (row-level problems are data: [`RowError`], [`Problem`]).
/// [`InteropError::variant`] is the stable name that reaches JS.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum InteropError {
    #[error("unknown time zone {0:?}; use an IANA name such as Europe/Berlin")]
    UnknownZone(String),
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the file has more than {limit} rows; split it into smaller files")]
    TooManyRows { limit: usize },
    #[error("the file is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in Excel)")]
    Utf16,
    #[error("no text, link or media column found in the header {0:?}")]
    NoContentColumn(Vec<String>),
    #[error("the file has no rows")]
    Empty,
    #[error("cannot encode the export: {0}")]
    Encode(String),
}

crate::variants!(InteropError {
    UnknownZone(_),
    TooLarge { .. },
    TooManyRows { .. },
    Utf16,
    NoContentColumn(_),
    Empty,
    Encode(_),
});
