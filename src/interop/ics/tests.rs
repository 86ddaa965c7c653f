use super::*;

fn scheduled(id: &str, text: &str, at: i64) -> Post {
    let mut p = Post::draft(id, "p1", text, 0).unwrap();
    p.status = PostStatus::Scheduled;
    p.scheduled_at = Some(at);
    p
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

#[test]
fn interop_ics_has_one_event_per_scheduled_post() {
    let project = Project::new("p1", "Blog", "Europe/Berlin", 0).unwrap();
    let mut draft = Post::draft("d", "p1", "draft", 0).unwrap();
    draft.scheduled_at = Some(5_000);
    let posts = vec![
        scheduled("b", "Second", 1_735_725_600_000),
        scheduled("a", "First line\nsecond line", 1_735_722_000_000),
        draft,
    ];
    let ics = export_ics(&posts, &[project], 1_700_000_000_000);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    let text = unfold(&ics);
    let a = text.find("UID:a@glider").unwrap();
    let b = text.find("UID:b@glider").unwrap();
    assert!(a < b, "ordered by time");
    assert!(text.contains("DTSTART:20250101T090000Z\r\n"));
    assert!(text.contains("DTSTAMP:20231114T221320Z\r\n"));
    assert!(text.contains("SUMMARY:[Blog] First line\r\n"));
    assert!(text.contains("DESCRIPTION:First line\\nsecond line\r\n"));
    // Same input, same bytes: UIDs are stable.
    assert_eq!(
        ics,
        export_ics(
            &posts,
            &[Project::new("p1", "Blog", "UTC", 0).unwrap()],
            1_700_000_000_000
        )
    );
}

#[test]
fn interop_ics_escapes_text_per_rfc5545() {
    let mut post = scheduled("x/1 2", "a\\b;c,d\r\ne\u{7}f", 0);
    post.tags = vec!["x,y".into(), "z".into()];
    let text = unfold(&export_ics(&[post], &[], 0));
    assert!(
        text.contains("DESCRIPTION:a\\\\b\\;c\\,d\\nef\r\n"),
        "{text}"
    );
    assert!(!text.contains('\u{7}'));
    assert!(text.contains("CATEGORIES:x\\,y,z\r\n"));
    assert!(text.contains("UID:x%2F1%202@glider\r\n"));
}

#[test]
fn interop_ics_folds_at_75_octets_without_splitting_utf8() {
    let long = "Привіт, світ! 👋🏽 Việt Nam — ".repeat(20);
    let ics = export_ics(&[scheduled("long", &long, 0)], &[], 0);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // Only CRLF line ends: no bare LF or CR anywhere.
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
    // Unfolding restores the exact escaped text.
    // (The description is the trimmed main text.)
    let expected = format!("DESCRIPTION:{}\r\n", escape_text(long.trim()));
    assert!(unfold(&ics).contains(&expected));
    // Exactly-75-octet lines are not folded; 76 are.
    let mut out = String::new();
    push_line(&mut out, &"a".repeat(75));
    assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
    out.clear();
    push_line(&mut out, &format!("{}é", "a".repeat(74)));
    assert_eq!(out, format!("{}\r\n é\r\n", "a".repeat(74)));
}
