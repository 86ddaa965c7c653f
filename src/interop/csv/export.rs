//! CSV export in Hootsuite's and Publer's bulk layouts.

use chrono::{DateTime, Utc};
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
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let encode = |e: ::csv::Error| InteropError::Encode(e.to_string());
    if layout == CsvLayout::Publer {
        writer.write_record(PUBLER_HEADER).map_err(encode)?;
    }
    for post in posts {
        let zone = fixed_zone
            .or_else(|| post.planned_zone.as_deref().and_then(Zone::from_name))
            .unwrap_or(Zone::UTC);
        let row: Vec<String> = match layout {
            CsvLayout::Hootsuite => vec![
                date_cell(post.scheduled_at, zone, "%d/%m/%Y %H:%M"),
                post.text.clone(),
                post.links.first().cloned().unwrap_or_default(),
            ],
            CsvLayout::Publer => vec![
                date_cell(post.scheduled_at, zone, "%Y-%m-%d %H:%M"),
                post.text.clone(),
                post.links.join(", "),
                post.media.join(", "),
                post.tags.join(", "),
                String::new(),
            ],
        };
        writer
            .write_record(row.iter().map(|cell| escape_formula(cell).into_owned()))
            .map_err(encode)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| InteropError::Encode(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| InteropError::Encode(e.to_string()))
}

fn date_cell(at: Option<i64>, zone: Zone, format: &str) -> String {
    at.and_then(DateTime::<Utc>::from_timestamp_millis)
        .map(|t| t.with_timezone(&zone).format(format).to_string())
        .unwrap_or_default()
}
