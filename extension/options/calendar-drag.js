// Moving items on the calendar: drag and drop onto a cell (HTML5 DnD), or
// Alt+arrows on a focused item. Nothing moves in the DOM until the worker
// accepted the new time: a refused move leaves the item where it was.
const ITEM = '[data-testid="calendar-item"]';
const CELL = '[data-testid="calendar-cell"]';
const MIME = 'application/x-glider-post';

/**
 * @param {HTMLElement} host  element containing the grid (re-rendered freely)
 * @param {{ move(id: string, target: {date?: string, hour?: number, days?: number, hours?: number}): void,
 *           open(id: string): void, mode(): 'week'|'month' }} handlers
 */
export function wireCalendarInput(host, handlers) {
  let dragged = null;

  host.addEventListener('dragstart', (e) => {
    const item = e.target instanceof Element ? e.target.closest(ITEM) : null;
    if (!item || item.getAttribute('draggable') !== 'true') return;
    dragged = item.dataset.id;
    e.dataTransfer.setData(MIME, dragged);
    e.dataTransfer.setData('text/plain', dragged);
    e.dataTransfer.effectAllowed = 'move';
    item.classList.add('dragging');
  });

  host.addEventListener('dragend', (e) => {
    if (e.target instanceof Element) e.target.closest(ITEM)?.classList.remove('dragging');
    for (const c of host.querySelectorAll('.drop-target')) c.classList.remove('drop-target');
    dragged = null;
  });

  host.addEventListener('dragover', (e) => {
    const cell = e.target instanceof Element ? e.target.closest(CELL) : null;
    if (!cell || !dragged) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!cell.classList.contains('drop-target')) {
      for (const c of host.querySelectorAll('.drop-target')) c.classList.remove('drop-target');
      cell.classList.add('drop-target');
    }
  });

  host.addEventListener('drop', (e) => {
    const cell = e.target instanceof Element ? e.target.closest(CELL) : null;
    if (!cell) return;
    e.preventDefault();
    cell.classList.remove('drop-target');
    // Only our own drags: a text or file dropped from elsewhere is ignored.
    const id = e.dataTransfer.getData(MIME) || dragged;
    dragged = null;
    if (!id) return;
    const hour = cell.dataset.hour === undefined ? undefined : Number(cell.dataset.hour);
    handlers.move(id, { date: cell.dataset.date, hour });
  });

  host.addEventListener('click', (e) => {
    const item = e.target instanceof Element ? e.target.closest(ITEM) : null;
    if (item) handlers.open(item.dataset.id);
  });

  host.addEventListener('keydown', (e) => {
    const item = e.target instanceof Element ? e.target.closest(ITEM) : null;
    if (!item) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      handlers.open(item.dataset.id);
      return;
    }
    const dir = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -1, ArrowDown: 1 }[e.key];
    if (!dir) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.altKey) {
      if (item.getAttribute('draggable') !== 'true') return;
      const horizontal = e.key === 'ArrowLeft' || e.key === 'ArrowRight';
      if (horizontal) handlers.move(item.dataset.id, { days: dir });
      else if (handlers.mode() === 'week') handlers.move(item.dataset.id, { hours: dir });
      else handlers.move(item.dataset.id, { days: 7 * dir });
      return;
    }
    // Plain arrows walk the items in time order.
    const items = [...host.querySelectorAll(ITEM)];
    items[items.indexOf(item) + dir]?.focus();
  });
}
