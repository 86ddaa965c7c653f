//! Splitting a file into records with physical line numbers, and guessing
//! its delimiter.

use ::csv::{ByteRecord, ReaderBuilder};

use crate::interop::InteropError;

/// Every non-blank record with its physical start line. Stops one record
/// past `max_rows` + header so a huge file is refused without reading it all.
pub(super) fn read_records(
    data: &[u8],
    delimiter: u8,
    max_rows: usize,
) -> Result<Vec<(u64, ByteRecord)>, InteropError> {
    let reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(data);
    let mut records = Vec::new();
    let mut lines = LineCounter {
        data,
        pos: 0,
        line: 1,
    };
    // A fresh record per row: reusing one buffer and cloning it would copy
    // its whole capacity, which after one huge cell made every later row
    // cost that much. Reading a byte slice cannot fail with I/O errors and
    // flexible mode accepts ragged rows; any other csv error ends the file.
    for record in reader.into_byte_records().map_while(Result::ok) {
        if record
            .iter()
            .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
        {
            continue; // blank lines, e.g. Excel's trailing ",,"
        }
        let line = lines.line_at(record.position().map_or(0, ::csv::Position::byte));
        records.push((line, record));
        if records.len() > max_rows.saturating_add(1) {
            return Err(InteropError::TooManyRows { limit: max_rows });
        }
    }
    Ok(records)
}

/// Physical line numbers from byte offsets. The csv crate's own line count
/// does not match the file's lines around blank lines and CRLF, so lines are
/// counted here:
/// `\n`, `\r\n` and a lone `\r` each end a line. Offsets only grow, so the
/// whole file is scanned once.
struct LineCounter<'a> {
    data: &'a [u8],
    pos: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The line of the record the csv reader reports at `offset`. That offset
    /// is where the previous record ended, so the record itself starts after
    /// any line breaks (the `\n` of a CRLF, blank lines) found there.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.data.len());
        while matches!(self.data.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        while self.pos < end {
            let b = self.data[self.pos];
            let lone_cr = b == b'\r' && self.data.get(self.pos + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                self.line += 1;
            }
            self.pos += 1;
        }
        self.line
    }
}

/// Comma, semicolon (European Excel) or tab. A real delimiter occurs the
/// same number of times (outside quotes) on each of the first lines, while
/// commas or semicolons inside unquoted text vary; among the consistent
/// candidates comma wins, then the most frequent. With no consistent
/// candidate, the most frequent on the first line.
pub(super) fn sniff_delimiter(data: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut lines: Vec<[usize; 3]> = vec![[0; 3]];
    let mut quoted = false;
    for (i, &b) in data.iter().enumerate().take(1 << 16) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                if lines.len() == 20 {
                    break;
                }
                if b == b'\n' || data.get(i + 1) != Some(&b'\n') {
                    lines.push([0; 3]);
                }
            }
            _ if !quoted => {
                if let (Some(c), Some(line)) =
                    (CANDIDATES.iter().position(|d| *d == b), lines.last_mut())
                {
                    line[c] += 1;
                }
            }
            _ => {}
        }
    }
    lines.retain(|l| l.iter().any(|n| *n > 0));
    let first = lines.first().copied().unwrap_or_default();
    let consistent = |c: usize| first[c] > 0 && lines.iter().all(|l| l[c] == first[c]);
    let best = (0..3)
        .filter(|c| consistent(*c))
        .max_by_key(|c| (*c == 0, first[*c]))
        .or_else(|| (0..3).max_by_key(|c| (first[*c], *c == 0)))
        .unwrap_or(0);
    CANDIDATES[best]
}
