//! One data row → one post, or a [`RowError`] saying why not.

use std::collections::BTreeMap;

use ::csv::ByteRecord;

use super::cells::{check_url, shorten, split_list, unescape_formula};
use super::dates::{self, parse_date, DateOrder, Evidence};
use super::header::Columns;
use super::{CsvOptions, RowError};
use crate::model::{Post, PostStatus};
use crate::tz::Zone;

/// Rows with more cells than this are not a posting plan.
const MAX_COLUMNS: usize = 256;

pub(super) struct RowReader<'a> {
    columns: &'a Columns,
    options: &'a CsvOptions,
    zone: Zone,
    order: DateOrder,
    id_prefix: String,
}

impl<'a> RowReader<'a> {
    /// Settles the day/month order from every date cell of the file first,
    /// so `01/02/2025` on line 2 is read like `13/02/2025` on line 900.
    pub(super) fn new(
        columns: &'a Columns,
        options: &'a CsvOptions,
        zone: Zone,
        rows: &[(u64, ByteRecord)],
    ) -> Self {
        let mut evidence = Evidence::default();
        if let Some(i) = columns.date {
            for (_, record) in rows {
                if let Some(cell) = record.get(i).and_then(|c| std::str::from_utf8(c).ok()) {
                    evidence.observe(cell);
                }
            }
        }
        // The caller's explicit choice, else what the header says, else the cells.
        let asked = match (options.date_order, columns.order_hint) {
            (DateOrder::Auto, Some(hint)) => hint,
            (asked, _) => asked,
        };
        RowReader {
            columns,
            options,
            zone,
            order: dates::resolve(asked, &evidence),
            id_prefix: options
                .id_prefix
                .clone()
                .unwrap_or_else(|| format!("csv-{}-", options.now_ms)),
        }
    }

    pub(super) fn order(&self) -> DateOrder {
        self.order
    }

    pub(super) fn read(
        &self,
        line: u64,
        record: &ByteRecord,
    ) -> Result<(Post, Vec<String>), RowError> {
        let fail = |column: Option<&str>, reason: String| RowError {
            line,
            column: column.map(str::to_string),
            reason,
        };
        if record.len() > MAX_COLUMNS {
            return Err(fail(
                None,
                format!("{} cells; at most {MAX_COLUMNS} are read", record.len()),
            ));
        }
        let cell = |index: Option<usize>, name: &'static str| {
            self.cell(record, index, name)
                .map_err(|r| fail(Some(name), r))
        };
        let c = self.columns;
        let date = cell(c.date, "date")?;
        let time = cell(c.time, "time")?;
        let text = cell(c.text, "text")?
            .map(normalise_newlines)
            .unwrap_or_default();
        let links = cell(c.link, "link")?
            .map(|s| split_list(s, &[',', ' ', '\n', '\t']))
            .unwrap_or_default();
        let media = cell(c.media, "media")?
            .map(|s| split_list(s, &[',', ' ', '\n', '\t']))
            .unwrap_or_default();
        let tags = cell(c.labels, "labels")?
            .map(|s| split_list(s, &[',', ';']))
            .unwrap_or_default();
        // Publer separates several follow-up comments with "||".
        let comments: Vec<String> = cell(c.comments, "comments")?
            .map(|s| {
                s.split("||")
                    .map(|c| normalise_newlines(c.trim()))
                    .filter(|c| !c.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let networks = match cell(c.networks, "networks")? {
            Some(s) => networks(s).map_err(|r| fail(Some("networks"), r))?,
            None => self.options.networks.clone(),
        };
        for url in &links {
            check_url(url).map_err(|r| fail(Some("link"), r))?;
        }
        for url in &media {
            check_url(url).map_err(|r| fail(Some("media"), r))?;
        }
        // A post is text first: a row with only a link or media would open an
        // empty composer at reminder time.
        if text.is_empty() {
            return Err(fail(
                Some("text"),
                "the text is empty: every post needs one".into(),
            ));
        }
        let when = self
            .when(date, time)
            .map_err(|(column, r)| fail(Some(column), r))?;
        let scheduled_at = match when {
            None => None,
            Some(d) => {
                Some(parse_date(&d, self.zone, self.order).map_err(|r| fail(Some("date"), r))?)
            }
        };
        if let Some(at) = scheduled_at {
            if at < self.options.now_ms && !self.options.allow_past {
                return Err(fail(
                    Some("date"),
                    format!("{:?} is in the past", shorten(date.unwrap_or_default())),
                ));
            }
        }
        let post = Post {
            id: format!("{}{line}", self.id_prefix),
            project_id: self.options.project_id.clone(),
            text,
            variants: BTreeMap::new(),
            networks,
            status: if scheduled_at.is_some() {
                PostStatus::Scheduled
            } else {
                PostStatus::Draft
            },
            scheduled_at,
            planned_zone: scheduled_at.map(|_| self.zone.name().to_string()),
            expires_at: None,
            snoozed_until: None,
            reminded_at: None,
            expiry_reminded_at: None,
            published_at: None,
            published_url: None,
            links,
            media,
            tags,
            thread: None,
            rule_override: None,
            created_at: self.options.now_ms,
            updated_at: self.options.now_ms,
            revision: 0,
        };
        post.validate().map_err(|e| fail(None, e.to_string()))?;
        Ok((post, comments))
    }

    /// The date-and-time text of a row from its date cell and, if the file
    /// has one, its time cell; `None` for a draft. Errors name the column.
    fn when(
        &self,
        date: Option<&str>,
        time: Option<&str>,
    ) -> Result<Option<String>, (&'static str, String)> {
        let (date, time) = match (date, time) {
            (None, None) => return Ok(None),
            (None, Some(t)) => {
                return Err((
                    "time",
                    format!("{:?} has no date: fill in the date column too", shorten(t)),
                ))
            }
            (Some(d), time) => (d, time),
        };
        let (day, clock) = dates::split_date_time(date);
        match time {
            None if clock.is_empty() => Err((
                "date",
                format!(
                    "{:?} has no time of day: write one (e.g. {} 09:00){}",
                    shorten(date),
                    shorten(day),
                    if self.columns.time.is_some() {
                        " or fill in the time column"
                    } else {
                        ""
                    }
                ),
            )),
            None => Ok(Some(date.to_string())),
            Some(t) => {
                dates::check_time_cell(t).map_err(|r| ("time", r))?;
                // Spreadsheets write a date cell as "2030-05-01 00:00:00"
                // beside its time column; any other time there conflicts.
                if !clock.is_empty() && !dates::is_written_midnight(clock) {
                    return Err((
                        "time",
                        format!(
                            "the date cell holds a time ({}) and the time column another ({})",
                            shorten(clock),
                            shorten(t)
                        ),
                    ));
                }
                Ok(Some(format!("{day} {t}")))
            }
        }
    }

    /// A trimmed, formula-unescaped cell; `None` if absent or blank.
    fn cell<'r>(
        &self,
        record: &'r ByteRecord,
        index: Option<usize>,
        name: &str,
    ) -> Result<Option<&'r str>, String> {
        let Some(bytes) = index.and_then(|i| record.get(i)) else {
            return Ok(None);
        };
        if bytes.len() > self.options.max_cell_bytes {
            return Err(format!(
                "the {name} cell is {} bytes; the limit is {}",
                bytes.len(),
                self.options.max_cell_bytes
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            format!(
                "the {name} cell is not valid UTF-8 (byte {}); save the file as UTF-8",
                e.valid_up_to() + 1
            )
        })?;
        let text = unescape_formula(text.trim()).trim();
        Ok((!text.is_empty()).then_some(text))
    }
}

/// Spreadsheets write CRLF inside quoted cells; posts use `\n`.
fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A networks cell: ids separated by commas, semicolons or spaces.
fn networks(cell: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for item in split_list(&cell.to_lowercase(), &[',', ';', ' ']) {
        let id = match item.as_str() {
            "twitter" => "x".to_string(),
            _ => item,
        };
        let ok = id.len() <= 32
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
        if !ok {
            return Err(format!("{:?} is not a network id", shorten(&id)));
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}
