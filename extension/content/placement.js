// Where the panel may sit without getting in the site's way. Pure geometry
// (no DOM), so it is tested on its own: given the viewport and the boxes the
// user must keep reaching (the site's composer, its Post control, the
// opener of a closed composer, an open site dialog), pick
// - float: a column at the preferred edge (else the other) that meets none of them;
// - dock: the same, after the page was narrowed to make room (the caller
//   tries it: only a real layout tells whether the page reflows);
// - tab: a slim handle at the edge, at a height where it meets nothing.
// A column is refused when any protected box overlaps it horizontally, at
// any height: the page scrolls, and a panel beside the composer's column
// never ends up over the composer, its title field or its Post button.

export const MARGIN = 12;
export const GAP = 8; // kept free between the panel and a protected box
export const WIDTHS = [380, 340, 300];
export const MAX_HEIGHT = 760;
export const MIN_HEIGHT = 360;
export const TAB = { width: 28, height: 112 };

const other = (side) => (side === 'left' ? 'right' : 'left');

function overlapsX(r, x0, x1) {
  return r.right > x0 - GAP && r.left < x1 + GAP;
}

function visible(r, vw, vh) {
  return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh;
}

/** The first free column, preferred side first, widest first; or null. */
export function floatColumn({ vw, vh, rects, side }) {
  if (vh - 2 * MARGIN < MIN_HEIGHT) return null;
  const boxes = rects.filter((r) => visible(r, vw, vh));
  for (const s of [side, other(side)]) {
    for (const width of WIDTHS) {
      const left = s === 'right' ? vw - MARGIN - width : MARGIN;
      if (left < MARGIN) continue;
      if (boxes.some((r) => overlapsX(r, left, left + width))) continue;
      return { mode: 'float', side: s, left, top: MARGIN, width, height: Math.min(MAX_HEIGHT, vh - 2 * MARGIN) };
    }
  }
  return null;
}

/**
 * A shorter panel at an edge, in the tallest band no protected box crosses
 * (above or below a site dialog): for windows where no full column is free.
 */
export function freeBand({ vw, vh, rects, side }) {
  const boxes = rects.filter((r) => visible(r, vw, vh));
  for (const s of [side, other(side)]) {
    for (const width of WIDTHS) {
      const left = s === 'right' ? vw - MARGIN - width : MARGIN;
      if (left < MARGIN) continue;
      const across = boxes.filter((r) => overlapsX(r, left, left + width)).map((r) => [r.top - GAP, r.bottom + GAP]).sort((a, b) => a[0] - b[0]);
      let best = null;
      let from = MARGIN;
      for (const [top, bottom] of [...across, [vh - MARGIN, vh]]) {
        if (top - from >= MIN_HEIGHT && (!best || top - from > best.height)) best = { top: from, height: top - from };
        from = Math.max(from, bottom);
      }
      if (best) return { mode: 'float', side: s, left, top: best.top, width, height: Math.min(MAX_HEIGHT, best.height) };
    }
  }
  return null;
}

/** The width a docked panel reserves at `side` (the page is narrowed by it plus the margins). */
export function dockWidth(vw) {
  // Leave the page at least 480 px: narrower, docking would break its layout.
  return WIDTHS.find((w) => vw - w - 2 * MARGIN >= 480) ?? null;
}

function tabAt({ vw, vh, rects }, side) {
  const left = side === 'right' ? vw - TAB.width : 0;
  const boxes = rects.filter((r) => visible(r, vw, vh) && overlapsX(r, left, left + TAB.width));
  const free = (top) => boxes.every((r) => r.bottom + GAP <= top || r.top - GAP >= top + TAB.height);
  const start = Math.round(vh * 0.3);
  const last = vh - TAB.height - MARGIN;
  for (let d = 0; d <= vh; d += 8) {
    for (const top of [start + d, start - d]) {
      if (top >= MARGIN && top <= last && free(top)) return { mode: 'tab', side, left, top, width: TAB.width, height: TAB.height };
    }
  }
  return null;
}

/**
 * A slim tab where it meets no protected box: at `side` from 30 % of the
 * height down then up, else at the other edge; failing both (every edge
 * height taken) at the preferred edge's bottom corner.
 */
export function tabSpot({ vw, vh, rects, side }) {
  return (
    tabAt({ vw, vh, rects }, side) ??
    tabAt({ vw, vh, rects }, other(side)) ?? {
      mode: 'tab', side, left: side === 'right' ? vw - TAB.width : 0, top: Math.max(0, vh - TAB.height - MARGIN), width: TAB.width, height: TAB.height,
    }
  );
}
