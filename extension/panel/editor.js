// The draft box: a textarea over a mirror that highlights the part beyond
// the network's limit. The mirror is built from text nodes only (never
// innerHTML), so page or draft text can't inject markup.

export class DraftEditor {
  constructor(textarea, mirror) {
    this.textarea = textarea;
    this.mirror = mirror;
    textarea.addEventListener('scroll', () => {
      mirror.scrollTop = textarea.scrollTop;
    });
  }

  get value() {
    return this.textarea.value;
  }

  set value(text) {
    if (this.textarea.value !== text) this.textarea.value = text;
  }

  focused() {
    return document.activeElement === this.textarea;
  }

  /** Highlight ranges given in UTF-16 code units (`[{start, end, kind}]`, sorted, disjoint). */
  highlight(ranges) {
    const text = this.textarea.value;
    const parts = [];
    let at = 0;
    for (const r of ranges) {
      const start = Math.max(at, Math.min(r.start, text.length));
      const end = Math.max(start, Math.min(r.end, text.length));
      if (start > at) parts.push(document.createTextNode(text.slice(at, start)));
      if (end > start) {
        const mark = document.createElement('mark');
        mark.className = r.kind;
        mark.textContent = text.slice(start, end);
        parts.push(mark);
      }
      at = end;
    }
    if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
    // A trailing newline needs a character after it to take up a line.
    parts.push(document.createTextNode('\u200b'));
    this.mirror.replaceChildren(...parts);
    this.mirror.scrollTop = this.textarea.scrollTop;
  }
}

/** Merge overflow (wins) and duplicate-fragment ranges into sorted, disjoint ranges. */
export function mergeRanges(overflow, fragments) {
  const out = [];
  const sorted = [...fragments].sort((a, b) => a.start - b.start);
  const limit = overflow ? overflow.start : Infinity;
  let last = -1;
  for (const f of sorted) {
    const start = Math.max(f.start, last);
    const end = Math.min(f.end, limit);
    if (end > start) {
      out.push({ start, end, kind: 'dup' });
      last = end;
    }
  }
  if (overflow && overflow.end > overflow.start) out.push({ start: overflow.start, end: overflow.end, kind: 'over' });
  return out;
}
