// Observers that always end with their AbortSignal: SPA navigation aborts the
// signal and nothing of ours may keep running on the page afterwards.

/** addEventListener bound to `signal`. */
export function listen(target, type, fn, { signal, capture = false, passive = true } = {}) {
  if (signal?.aborted) return;
  target.addEventListener(type, fn, { signal, capture, passive });
}

/**
 * MutationObserver on `el`, disconnected when `signal` aborts.
 * @returns {() => void} disconnect
 */
export function observe(el, { signal, onMutation, options = { childList: true, subtree: true, characterData: true } } = {}) {
  if (signal?.aborted) return () => {};
  const mo = new MutationObserver((records) => onMutation(records));
  mo.observe(el, options);
  const stop = () => {
    mo.disconnect();
    signal?.removeEventListener('abort', stop);
  };
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}

/**
 * Resolve with `check()`'s first truthy value, re-checked on DOM mutations under `root` and every
 * `poll` ms (a MutationObserver on the document does not see inside shadow roots).
 * Rejects on timeout or abort.
 */
export function waitFor(check, { root = document, signal, timeout = 10000, poll = 100 } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    const first = check();
    if (first) {
      resolve(first);
      return;
    }
    const inner = new AbortController();
    const finish = (fn, v) => {
      inner.abort();
      clearTimeout(timer);
      clearInterval(ticker);
      signal?.removeEventListener('abort', onAbort);
      fn(v);
    };
    const onAbort = () => finish(reject, signal.reason ?? new Error('aborted'));
    const timer = setTimeout(() => finish(reject, new Error('waitFor: timeout')), timeout);
    const ticker = setInterval(() => {
      const v = check();
      if (v) finish(resolve, v);
    }, poll);
    signal?.addEventListener('abort', onAbort, { once: true });
    observe(root.documentElement ?? root, {
      signal: inner.signal,
      options: { childList: true, subtree: true, characterData: true, attributes: true },
      onMutation: () => {
        const v = check();
        if (v) finish(resolve, v);
      },
    });
  });
}

function isEnabled(btn) {
  return !!btn && !btn.disabled && btn.getAttribute('aria-disabled') !== 'true';
}

/** Ctrl/Cmd+Enter: the send shortcut of most composers. */
export const ctrlEnter = (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing;

/** Did event `e` happen on `el` or inside it (through shadow roots: events are retargeted to hosts)? */
const within = (e, el) => !!el && e.composedPath().includes(el);

/**
 * The generic `watch` behind every adapter: edits and publication.
 *
 * Publication = the user pressed the enabled Post button (or the site's send key in the
 * composer, Ctrl/Cmd+Enter by default) and then, within `timeout`, the composer emptied or left
 * the page (dialogs close), or a post with that text appeared in `visiblePosts`. The text
 * reported is the one captured at the press, before the site clears it. Composers and buttons
 * inside open shadow roots are followed through `composedPath()` and the shadow root's own
 * mutations.
 *
 * @param {Element} composer
 * @param {{ signal: AbortSignal, read: (el: Element) => string, postButton: (el: Element) => Element|null,
 *   visiblePosts?: () => {id: string, text: string}[], onChange?: (text: string) => void,
 *   onPublished?: (text: string) => void, sendKey?: (e: KeyboardEvent) => boolean,
 *   timeout?: number, root?: Document }} opts
 */
export function watchComposer(composer, opts) {
  const { signal, read, postButton, visiblePosts, onChange, onPublished, sendKey = ctrlEnter, timeout = 15000, root = composer.ownerDocument } = opts;
  if (signal?.aborted) return;
  let last = read(composer);
  let pending = null; // { text, known: Set<id>, controller }

  const changed = () => {
    if (!composer.isConnected) return;
    const now = read(composer);
    if (now !== last) {
      last = now;
      onChange?.(now);
    }
  };
  listen(composer, 'input', changed, { signal });
  observe(composer, { signal, onMutation: changed });

  const settle = () => {
    if (!pending) return;
    const cleared = !composer.isConnected || read(composer).trim() === '';
    const posts = visiblePosts?.() ?? [];
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const shown = posts.some((p) => !pending.known.has(p.id) && norm(p.text) === norm(pending.text));
    if (cleared || shown) {
      const { text, controller } = pending;
      pending = null;
      controller.abort();
      onPublished?.(text);
    }
  };

  const arm = () => {
    const text = read(composer);
    if (!text.trim()) return;
    // pointerdown and click of one press both arm: keep the first capture.
    if (pending && pending.text === text) return;
    pending?.controller.abort();
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    pending = { text, known: new Set((visiblePosts?.() ?? []).map((p) => p.id)), controller };
    const current = pending;
    setTimeout(() => {
      if (pending === current) {
        pending = null;
        controller.abort();
      }
    }, timeout);
    // The composer itself may be removed (dialog closed): watch the document, and the shadow
    // root the composer lives in (the document's observer does not see into it).
    const scopes = new Set([root.documentElement, composer.getRootNode()]);
    for (const scope of scopes) {
      if (scope instanceof Node && scope !== root) {
        observe(scope, { signal: controller.signal, options: { childList: true, subtree: true, characterData: true }, onMutation: settle });
      }
    }
    // The site may clear the composer in the same task as the press: look once more afterwards.
    setTimeout(settle, 0);
  };

  const onButton = (e) => {
    const btn = postButton(composer);
    return within(e, btn) && isEnabled(btn);
  };
  // Capture phase on the document: runs before the site's own handlers clear
  // the composer (some act on pointerdown), and survives the button being re-rendered.
  listen(root, 'pointerdown', (e) => onButton(e) && arm(), { signal, capture: true });
  listen(root, 'click', (e) => onButton(e) && arm(), { signal, capture: true });
  listen(root, 'keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && onButton(e)) arm();
    else if (within(e, composer) && sendKey(e)) {
      const btn = postButton(composer);
      // Ctrl+Enter with a disabled Post does nothing on the site; a plain-Enter sender (chat) has no such gate.
      if (sendKey === ctrlEnter ? !btn || isEnabled(btn) : true) arm();
    }
  }, { signal, capture: true });
}
