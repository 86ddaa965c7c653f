//! Header detection: which column holds what, and whose layout this is.

use serde::Serialize;

use super::dates::DateOrder;

/// Whose bulk-upload layout the file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CsvFormat {
    /// Hootsuite bulk composer: no header; date, message, optional link.
    Hootsuite,
    /// Publer: a header row with Date, Text, Link(s), Media URL(s), Labels, Comments...
    Publer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Date,
    /// A separate time-of-day column beside the date ("Date", "Time").
    Time,
    Text,
    Link,
    Media,
    Labels,
    Comments,
    Networks,
    /// A Publer column Glider has no use for (title, alt text, ...): it marks
    /// the layout but its values are not imported.
    PublerOther,
}

/// Column index of each field.
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    pub date: Option<usize>,
    pub time: Option<usize>,
    pub text: Option<usize>,
    pub link: Option<usize>,
    pub media: Option<usize>,
    pub labels: Option<usize>,
    pub comments: Option<usize>,
    pub networks: Option<usize>,
    /// The day/month order the date header names ("Date (mm/dd/yyyy hh:mm)").
    pub order_hint: Option<DateOrder>,
    /// The IANA zone the date header names ("Date (Europe/Berlin)", as
    /// Glider's Publer export writes it).
    pub zone_hint: Option<crate::tz::Zone>,
}

impl Columns {
    /// Hootsuite's headerless layout: A = date, B = message, C = link.
    pub(super) fn hootsuite() -> Self {
        Columns {
            date: Some(0),
            text: Some(1),
            link: Some(2),
            ..Columns::default()
        }
    }

    /// Every post needs a text, so a file without a text column has nothing to import.
    pub(super) fn has_content(&self) -> bool {
        self.text.is_some()
    }

    fn slot(&mut self, field: Field) -> Option<&mut Option<usize>> {
        match field {
            Field::Date => Some(&mut self.date),
            Field::Time => Some(&mut self.time),
            Field::Text => Some(&mut self.text),
            Field::Link => Some(&mut self.link),
            Field::Media => Some(&mut self.media),
            Field::Labels => Some(&mut self.labels),
            Field::Comments => Some(&mut self.comments),
            Field::Networks => Some(&mut self.networks),
            Field::PublerOther => None,
        }
    }
}

/// Map a header cell to a field: the text before any `(` or ` - ` (Publer's
/// template explains its columns: "Date - Intl. format or prompt"),
/// lower-cased, with everything but letters and digits removed, so
/// `Media URL(s)`, `media_urls` and ` MEDIA-URL ` all match. A `__proto__`
/// header is just an unknown name.
pub(super) fn field_of(header: &str) -> Option<Field> {
    let head = header.split('(').next().unwrap_or(header);
    let head = head.split(" - ").next().unwrap_or(head);
    let name: String = head
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let field = match name.as_str() {
        "date" | "datetime" | "dateandtime" | "when" | "scheduled" | "scheduledat"
        | "scheduledate" | "scheduleddate" | "scheduledfor" | "publishdate" | "publishat"
        | "postat" | "postatspecifictime" | "postdate" | "sendat" | "day" => Field::Date,
        "time" | "hour" | "timeofday" | "scheduledtime" | "publishtime" | "posttime"
        | "sendtime" => Field::Time,
        "text" | "message" | "content" | "post" | "posttext" | "caption" | "body" | "status"
        | "tweet" | "description" | "copy" => Field::Text,
        "link" | "links" | "url" | "urls" | "linkurl" | "linkurls" => Field::Link,
        "media" | "mediaurl" | "mediaurls" | "medialink" | "medialinks" | "image" | "images"
        | "imageurl" | "imageurls" | "photo" | "photos" | "video" | "videos" | "videourl"
        | "videourls" | "attachment" | "attachments" => Field::Media,
        "label" | "labels" | "tag" | "tags" | "category" | "categories" => Field::Labels,
        "comment" | "comments" | "firstcomment" | "followupcomment" | "followupcomments" => {
            Field::Comments
        }
        "network" | "networks" | "platform" | "platforms" | "channel" | "channels"
        | "socialnetwork" | "socialnetworks" => Field::Networks,
        "title" | "alttext" | "alttexts" | "pinboard" | "pinterestboard" | "board" | "cta"
        | "calltoaction" | "reminder" | "postingtype" | "posttype" | "postsubtype" => {
            Field::PublerOther
        }
        // "Pin board, FB album, or Google category" (Publer).
        other if other.starts_with("pinboard") => Field::PublerOther,
        _ => return None,
    };
    Some(field)
}

/// Read a header row. Returns the columns, the layout and the header cells
/// that were not used (unknown, or a second column for the same field).
pub(super) fn read_header(cells: &[String]) -> (Columns, CsvFormat, Vec<String>) {
    let mut columns = Columns::default();
    let mut ignored = Vec::new();
    let mut publer = false;
    for (i, cell) in cells.iter().enumerate() {
        let field = field_of(cell);
        publer |= matches!(
            field,
            Some(Field::Media | Field::Labels | Field::Comments | Field::PublerOther)
        );
        match field.and_then(|f| columns.slot(f)) {
            Some(slot @ None) => *slot = Some(i),
            _ if cell.trim().is_empty() => {}
            _ => ignored.push(cell.clone()),
        }
    }
    // A lone "Time" column holding whole dates is the date column.
    if columns.date.is_none() {
        columns.date = columns.time.take();
    }
    if let Some(header) = columns.date.and_then(|i| cells.get(i)) {
        columns.order_hint = order_hint(header);
        columns.zone_hint = zone_hint(header);
    }
    let format = if publer {
        CsvFormat::Publer
    } else {
        CsvFormat::Hootsuite
    };
    (columns, format, ignored)
}

/// "Date (dd/mm/yyyy hh:mm)" says how to read `01/02/2030`; so does
/// Hootsuite's own template header.
fn order_hint(header: &str) -> Option<DateOrder> {
    let lower = header.to_lowercase().replace(['.', '-'], "/");
    match (lower.find("dd/mm"), lower.find("mm/dd")) {
        (Some(_), None) => Some(DateOrder::Dmy),
        (None, Some(_)) => Some(DateOrder::Mdy),
        // Both ("dd/mm/dd"?) or neither: no hint.
        _ => None,
    }
}

/// The zone a date header names in parentheses: "Date (Europe/Berlin)".
fn zone_hint(header: &str) -> Option<crate::tz::Zone> {
    let inner = header.split_once('(')?.1.split_once(')')?.0.trim();
    crate::tz::Zone::from_name(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interop_header_aliases_ignore_case_space_and_suffixes() {
        for (h, f) in [
            ("Date", Field::Date),
            (" DATE (YYYY-MM-DD HH:MM) ", Field::Date),
            ("postAtSpecificTime", Field::Date),
            ("Message", Field::Text),
            ("Link(s)", Field::Link),
            ("Media URL(s)", Field::Media),
            ("media_urls", Field::Media),
            ("Labels", Field::Labels),
            ("Comment(s)", Field::Comments),
            ("Alt text(s)", Field::PublerOther),
            ("Time", Field::Time),
            ("Date - Intl. format or prompt", Field::Date),
            ("Link(s) - Separated by comma for FB carousels", Field::Link),
            ("Comment(s) - Separated by ||", Field::Comments),
            (
                "Pin board, FB album, or Google category",
                Field::PublerOther,
            ),
            (
                "Post subtype - I.e. story, reel, PDF ..",
                Field::PublerOther,
            ),
        ] {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        for h in ["__proto__", "constructor", "prototype", "", "Текст"] {
            assert_eq!(field_of(h), None, "{h}");
        }
    }

    #[test]
    fn interop_header_layout_detection() {
        let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (c, f, ignored) = read_header(&cells(&[
            "Date",
            "Text",
            "Link(s)",
            "Media URL(s)",
            "Title",
            "Labels",
            "Comments",
            "__proto__",
            "text",
        ]));
        assert_eq!(f, CsvFormat::Publer);
        assert_eq!(
            (c.date, c.text, c.link, c.media, c.labels, c.comments),
            (Some(0), Some(1), Some(2), Some(3), Some(5), Some(6))
        );
        assert_eq!(ignored, ["Title", "__proto__", "text"]);
        let (c, f, _) = read_header(&cells(&["date", "message", "link"]));
        assert_eq!((f, c.text), (CsvFormat::Hootsuite, Some(1)));
    }

    #[test]
    fn interop_header_time_column_and_date_hints() {
        let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (c, _, ignored) = read_header(&cells(&["Date (MM/DD/YYYY)", "Time", "Message"]));
        assert_eq!((c.date, c.time, c.text), (Some(0), Some(1), Some(2)));
        assert_eq!(c.order_hint, Some(DateOrder::Mdy));
        assert!(ignored.is_empty());
        let (c, _, _) = read_header(&cells(&["Date and time (dd/mm/yyyy hh:mm)", "Message"]));
        assert_eq!((c.order_hint, c.zone_hint), (Some(DateOrder::Dmy), None));
        let (c, _, _) = read_header(&cells(&["Date (Europe/Berlin)", "Text"]));
        assert_eq!(c.zone_hint.map(|z| z.name()), Some("Europe/Berlin"));
        assert_eq!(c.order_hint, None);
        // Not a zone: no hint, and the column is still the date.
        let (c, _, _) = read_header(&cells(&["Date (Mars/Olympus)", "Text"]));
        assert_eq!((c.date, c.zone_hint), (Some(0), None));
        // A lone time column holding whole dates is the date column.
        let (c, _, _) = read_header(&cells(&["Time", "Text"]));
        assert_eq!((c.date, c.time), (Some(0), None));
    }
}
