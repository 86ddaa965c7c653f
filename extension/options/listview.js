// A filtered list of posts: the queue, drafts and the archive are each one
// configuration of it. Status, project and search are asked of the worker
// (`posts.list`), the network filter is applied here (the message has no
// network field). Rows are built with textContent only.
//
// Long lists are virtualised: only the rows in and near the viewport exist
// (spacers stand in for the rest), so 10,000 posts render and scroll
// without long tasks. Short lists render whole.
import { t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { clear, el, options } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { networkColour, networkLabel, networks } from './lib/networks.js';
import { showError, toast } from './lib/notify.js';
import { planTime, projectById, refresh, store, zoneOf } from './lib/store.js';
import { formatDateTime } from './lib/time.js';

/** A button that runs `fn`, then refreshes; errors go to the banner. */
export function action(testid, i18n, fn, extra = {}) {
  const button = el('button', { type: 'button', testid, i18n, class: extra.class });
  button.addEventListener('click', async (e) => {
    e.stopPropagation();
    // Destructive actions ask twice, in place (no blocking confirm()).
    if (extra.confirm && button.dataset.confirm !== '1') {
      button.dataset.confirm = '1';
      button.textContent = t(extra.confirm);
      return;
    }
    button.disabled = true;
    try {
      await fn();
      if (extra.done) toast(t(extra.done));
    } catch (err) {
      showError(err);
    } finally {
      button.disabled = false;
      await refresh();
    }
  });
  return button;
}

// Below this many rows the list renders whole: cheap, and every row is in
// the DOM for find-in-page and keyboard order.
const VIRTUAL_FROM = 150;
// Rows rendered beyond each edge of the viewport.
const OVERSCAN = 15;

/**
 * Renders `rows[i]` through `make(i)` into `list`, only around the viewport
 * (the page scrolls, not the list). Row heights vary a little (the text is
 * clamped), so the spacers use the measured average.
 */
function virtualList(list, rows, make) {
  const built = new Map();
  let rowHeight = 0; // measured once per layout (first render, resize): reading it forces a layout
  let top = 0; // the list's offset in the document, measured with it
  let shown = [-1, -1];
  let frame = 0;

  function measure() {
    const nodes = [...list.children];
    if (!nodes.length) return;
    const gap = parseFloat(getComputedStyle(nodes[0]).marginBottom) || 0;
    rowHeight = nodes.reduce((sum, n) => sum + n.offsetHeight, 0) / nodes.length + gap || 96;
    // The list's border box: the spacer padding is inside it, so this does not move with it.
    top = list.getBoundingClientRect().top + scrollY;
  }

  function render() {
    frame = 0;
    if (!list.isConnected || list.closest('[hidden]')) return;
    const height = rowHeight || 96;
    const from = Math.max(0, Math.floor((scrollY - top) / height) - OVERSCAN);
    const to = Math.min(rows.length, Math.ceil((scrollY + innerHeight - top) / height) + OVERSCAN);
    if (from === shown[0] && to === shown[1]) return;
    const node = (i) => {
      if (!built.has(i)) built.set(i, make(i));
      return built.get(i);
    };
    const range = (a, b) => Array.from({ length: Math.max(0, b - a) }, (_, k) => node(a + k));
    const [was0, was1] = shown;
    if (was0 < 0 || to <= was0 || from >= was1) {
      list.replaceChildren(...range(from, to));
    } else {
      // Only the edges change while scrolling: rows that stay are not touched.
      for (let i = was0; i < from; i++) built.get(i)?.remove();
      for (let i = to; i < was1; i++) built.get(i)?.remove();
      list.prepend(...range(from, Math.min(was0, to)));
      list.append(...range(Math.max(was1, from), to));
    }
    shown = [from, to];
    list.style.paddingTop = `${from * height}px`;
    list.style.paddingBottom = `${(rows.length - to) * height}px`;
    if (!rowHeight) {
      // First render: measure, then lay out again with the real height.
      measure();
      shown = [-1, -1];
      render();
    }
  }

  const schedule = () => {
    frame ||= requestAnimationFrame(render);
  };
  const resized = () => {
    rowHeight = 0;
    shown = [-1, -1];
    schedule();
  };
  const listening = new AbortController();
  addEventListener('scroll', schedule, { passive: true, signal: listening.signal });
  addEventListener('resize', resized, { passive: true, signal: listening.signal });
  // Rows come and go at both edges: the browser must not "anchor" the scroll
  // position to one of them and move the page under the user.
  list.style.overflowAnchor = 'none';
  top = list.getBoundingClientRect().top + scrollY;
  render();
  return {
    render: resized,
    stop() {
      cancelAnimationFrame(frame);
      listening.abort();
      list.style.paddingTop = '';
      list.style.paddingBottom = '';
      list.style.overflowAnchor = '';
    },
  };
}

function row(prefix, post, cfg) {
  const project = projectById(post.projectId);
  const at = planTime(post);
  const when = at === null ? t('dashEdited', formatDateTime(post.updatedAt, zoneOf(post))) : formatDateTime(at, zoneOf(post));
  return el('li', { testid: `${prefix}-item`, class: `post-row status-${post.status}`, dataset: { id: post.id, status: post.status } },
    el('div', { class: 'post-meta' },
      el('span', { testid: `${prefix}-item-time`, class: 'time', text: when }),
      project ? el('span', { class: 'project', testid: `${prefix}-item-project` },
        el('span', { class: 'swatch', style: { '--swatch': project.color } }), project.name) : null,
      (post.networks ?? []).map((n) => el('span', {
        class: 'net-chip', testid: `${prefix}-item-network`, dataset: { network: n }, style: { '--net': networkColour(n) }, text: networkLabel(n),
      })),
      el('span', { class: `badge status-${post.status}`, testid: `${prefix}-item-status`, text: t(`dashStatus_${post.status}`) })),
    el('p', { class: 'post-text', testid: `${prefix}-item-text`, text: post.text, tabindex: 0, onclick: () => cfg.open(post), onkeydown: (e) => e.key === 'Enter' && cfg.open(post) }),
    post.links?.length ? el('p', { class: 'post-links', testid: `${prefix}-item-links`, text: post.links.join('  ') }) : null,
    el('div', { class: 'row-actions' }, cfg.actions(post)));
}

/**
 * @param {HTMLElement} section
 * @param {{ prefix: string, statuses: Array<[string, string, string[]]>, sort: (a, b) => number,
 *   actions: (post) => Node[], open: (post) => void, top?: () => Node[], emptyKey: string }} cfg
 *   statuses: [value, i18n key, statuses sent to posts.list]; the first is the default.
 */
export function createListView(section, cfg) {
  const { prefix } = cfg;
  const filter = { status: cfg.statuses[0][0], projectId: '', network: '', query: '' };
  let seq = 0;
  let searchTimer = 0;
  const list = el('ul', { testid: `${prefix}-list`, class: 'post-list' });
  let virtual = null;
  const count = el('span', { testid: `${prefix}-count`, class: 'muted' });
  const projectSelect = el('select', { testid: `${prefix}-filter-project`, 'aria-label': t('dashProject'), onchange: (e) => set('projectId', e.target.value) });
  const networkSelect = el('select', { testid: `${prefix}-filter-network`, 'aria-label': t('networkLabel'), onchange: (e) => set('network', e.target.value) });
  const statusSelect = el('select', { testid: `${prefix}-filter-status`, 'aria-label': t('dashStatus'), hidden: cfg.statuses.length < 2, onchange: (e) => set('status', e.target.value) },
    options(cfg.statuses.map(([v, key]) => [v, t(key)]), filter.status));
  const search = el('input', {
    type: 'search', testid: `${prefix}-search`, class: 'search', placeholder: t('dashSearch'), 'aria-label': t('dashSearch'),
    oninput: (e) => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => set('query', e.target.value.trim()), 200);
    },
  });
  section.append(
    el('div', { class: 'toolbar' }, ...(cfg.top?.() ?? []), search, statusSelect, projectSelect, networkSelect, el('span', { class: 'spacer' }), count),
    list);

  function set(key, value) {
    filter[key] = value;
    load();
  }

  function fillFilters() {
    clear(projectSelect).append(...options([['', t('dashAllProjects')], ...store.projects.map((p) => [p.id, p.name])], filter.projectId));
    clear(networkSelect).append(...options([['', t('dashAllNetworks')], ...networks().map((n) => [n.id, n.label])], filter.network));
  }

  async function load() {
    const mine = ++seq;
    const statuses = cfg.statuses.find(([v]) => v === filter.status)?.[2] ?? cfg.statuses[0][2];
    const msg = { status: statuses };
    if (filter.projectId) msg.projectId = filter.projectId;
    if (filter.query) msg.query = filter.query;
    section.setAttribute('aria-busy', 'true');
    try {
      const posts = await call('posts.list', msg);
      if (mine !== seq) return; // a newer filter won
      const shown = (Array.isArray(posts) ? posts : [])
        .filter((p) => !filter.network || (p.networks ?? []).includes(filter.network))
        .sort(cfg.sort);
      virtual?.stop();
      virtual = null;
      // Screen readers hear "row 40 of 1,205" even when only some rows exist.
      const make = (i) => {
        const li = row(prefix, shown[i], cfg);
        li.setAttribute('aria-setsize', String(shown.length));
        li.setAttribute('aria-posinset', String(i + 1));
        return li;
      };
      if (shown.length >= VIRTUAL_FROM) {
        list.dataset.virtual = 'true';
        virtual = virtualList(list, shown, make);
      } else {
        delete list.dataset.virtual;
        clear(list).append(...shown.map((_, i) => make(i)));
      }
      if (!shown.length) list.append(el('li', { class: 'empty', testid: `${prefix}-empty`, i18n: cfg.emptyKey }));
      count.textContent = t('dashCount', shown.length);
      section.dataset.loaded = String(mine);
    } catch (err) {
      if (mine === seq) clear(list).append(el('li', { class: 'empty error', text: describeError(err) }));
    } finally {
      if (mine === seq) section.removeAttribute('aria-busy');
    }
  }

  return {
    refresh() {
      fillFilters();
      // Shown again after being hidden: the rows in view may have changed.
      virtual?.render();
      return load();
    },
    focusSearch() {
      search.focus();
      search.select();
    },
  };
}
