//! ICS (RFC 5545) export: one VEVENT per scheduled post, so a content plan
//! opens in any calendar app.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::model::{Post, PostStatus, Project};

/// Content lines are folded at 75 octets (RFC 5545 §3.1).
const FOLD_AT: usize = 75;
/// Summary length before the text is cut with "…".
const SUMMARY_CHARS: usize = 60;

/// A VCALENDAR with one VEVENT for each post whose status is `scheduled`,
/// ordered by time then id. `dtstamp_ms` is the export time (the core never
/// reads a clock). UIDs derive from post ids, so re-importing an updated
/// export updates the events instead of duplicating them.
pub fn export_ics(posts: &[Post], projects: &[Project], dtstamp_ms: i64) -> String {
    let names: HashMap<&str, &str> = projects
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut scheduled: Vec<(&Post, i64)> = posts
        .iter()
        .filter(|p| p.status == PostStatus::Scheduled)
        .filter_map(|p| p.scheduled_at.map(|at| (p, at)))
        .collect();
    crate::sort::sort_by(&mut scheduled, |a, b| (a.1, &a.0.id).cmp(&(b.1, &b.0.id)));

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Glider//Content plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    let stamp = utc_stamp(dtstamp_ms);
    for (post, at) in scheduled {
        let project = names.get(post.project_id.as_str()).copied();
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}@glider", uid_part(&post.id)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART:{}", utc_stamp(at)));
        push_line(&mut out, "DURATION:PT15M");
        push_line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&summary(post, project))),
        );
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&description(post))),
        );
        if !post.tags.is_empty() {
            let tags: Vec<String> = post.tags.iter().map(|t| escape_text(t)).collect();
            push_line(&mut out, &format!("CATEGORIES:{}", tags.join(",")));
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// `YYYYMMDDTHHMMSSZ`; times outside chrono's range clamp to the epoch
/// (posts are validated to 1970..=9999 before they get here).
/// Written by hand: chrono's `format` machinery was ~20 KB of the WASM.
fn utc_stamp(ms: i64) -> String {
    let t = DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Ids are free text; keep the UID to safe characters, percent-encoding the rest.
fn uid_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The first non-blank line of the post's main text (a variant's when the
/// base text is blank, like the CSV row), else its first link.
fn summary(post: &Post, project: Option<&str>) -> String {
    let first_line = post
        .main_text()
        .0
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut text: String = first_line.chars().take(SUMMARY_CHARS).collect();
    if first_line.chars().nth(SUMMARY_CHARS).is_some() {
        text.push('…');
    }
    if text.is_empty() {
        text = post
            .links
            .first()
            .cloned()
            .unwrap_or_else(|| "(no text)".into());
    }
    match project {
        Some(name) => format!("[{name}] {text}"),
        None => text,
    }
}

fn description(post: &Post) -> String {
    let (main, variant) = post.main_text();
    let mut text = main.to_string();
    if let Some(network) = variant {
        let _ = write!(text, "\n\n({network} variant)");
    }
    if !post.networks.is_empty() {
        let _ = write!(text, "\n\nNetworks: {}", post.networks.join(", "));
    }
    for link in &post.links {
        let _ = write!(text, "\n{link}");
    }
    text
}

/// RFC 5545 §3.3.11 TEXT: escape `\`, `;`, `,` and newlines; drop other
/// control characters, which TEXT may not contain.
fn escape_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Append a content line folded at 75 octets (continuations start with one
/// space, which counts toward their 75), never inside a UTF-8 sequence,
/// ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
