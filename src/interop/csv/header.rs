//! Header detection: which column holds what, and whose layout this is.

use serde::Serialize;

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
    pub text: Option<usize>,
    pub link: Option<usize>,
    pub media: Option<usize>,
    pub labels: Option<usize>,
    pub comments: Option<usize>,
    pub networks: Option<usize>,
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

    pub(super) fn has_content(&self) -> bool {
        self.text.is_some() || self.link.is_some() || self.media.is_some()
    }

    fn slot(&mut self, field: Field) -> Option<&mut Option<usize>> {
        match field {
            Field::Date => Some(&mut self.date),
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

/// Map a header cell to a field: the text before any `(`, lower-cased, with
/// everything but letters and digits removed, so `Media URL(s)`,
/// `media_urls` and ` MEDIA-URL ` all match. A `__proto__` header is just
/// an unknown name.
pub(super) fn field_of(header: &str) -> Option<Field> {
    let head = header.split('(').next().unwrap_or(header);
    let name: String = head
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let field = match name.as_str() {
        "date" | "datetime" | "dateandtime" | "time" | "when" | "scheduled" | "scheduledat"
        | "scheduledtime" | "scheduledate" | "scheduleddate" | "scheduledfor" | "publishdate"
        | "publishat" | "publishtime" | "postat" | "postatspecifictime" | "postdate" | "sendat"
        | "sendtime" => Field::Date,
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
        | "calltoaction" | "reminder" | "postingtype" | "posttype" => Field::PublerOther,
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
    let format = if publer {
        CsvFormat::Publer
    } else {
        CsvFormat::Hootsuite
    };
    (columns, format, ignored)
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
}
