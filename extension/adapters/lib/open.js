// Filling a composer that may not exist yet. On Facebook, Threads, Bluesky, LinkedIn (and X off
// its home page) the composer is a dialog that appears only after the user clicks the site's
// opener ("What's on your mind?", "Start a post", the compose button). Glider clicks that same
// opener, waits for the editor, then inserts; when it cannot, it says why with a stable reason.
import { frames } from './insert.js';
import { observe, waitFor } from './observe.js';

/** How long the site may take to show its composer after the opener was clicked. */
export const OPEN_TIMEOUT_MS = 8000;

/**
 * A user's click on `el`, as the events a pointer makes: sites open dialogs on pointerdown,
 * mousedown or click (React, react-native-web's Pressable); a real click sends all of them.
 */
export function press(el) {
  // The script's own constructors and no `view`: in a Firefox content script the page's window
  // is an Xray wrapper, and events built from it would need cloneInto for their init objects.
  const r = el.getBoundingClientRect();
  const at = { bubbles: true, cancelable: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
  const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
  el.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
  el.dispatchEvent(new PointerEvent('pointerup', pointer));
  el.dispatchEvent(new MouseEvent('mouseup', at));
  // click() runs the element's activation behaviour too (a link opens its route).
  el.click();
}

/**
 * Resolve once `composer` has been quiet (no mutation, no selection change) for `quiet` ms, or
 * after `max` ms. A site finishes opening its composer on its own schedule: it restores a draft,
 * attaches the editor, moves the caret in a later frame (TipTap's focus runs in
 * requestAnimationFrame) — inserting before that would be undone by the site's own caret move.
 */
export function settled(composer, { quiet = 120, max = 1500 } = {}) {
  return new Promise((resolve) => {
    const stop = new AbortController();
    let timer = 0;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(cap);
      stop.abort();
      resolve();
    };
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quiet);
    };
    const cap = setTimeout(done, max);
    observe(composer, { signal: stop.signal, onMutation: poke, options: { childList: true, subtree: true, characterData: true, attributes: true } });
    composer.ownerDocument.addEventListener('selectionchange', poke, { signal: stop.signal });
    composer.addEventListener('focus', poke, { signal: stop.signal });
    poke();
  });
}

/**
 * Open the composer with the site's own opener and wait for it.
 * @returns {Promise<{ ok: true, composer: Element } | { ok: false, reason: string }>}
 *   reason: adapter.noComposerReason() when the page has no opener either ('noComposer', or a
 *   site's own such as Telegram's 'noChat'), 'openTimeout' when the opener did not bring one up.
 */
export async function openComposer(adapter, { doc = document, timeout = OPEN_TIMEOUT_MS, signal } = {}) {
  const ready = adapter.findComposers(doc)[0];
  if (ready) return { ok: true, composer: ready };
  const opener = adapter.findOpener?.(doc) ?? null;
  if (!opener) return { ok: false, reason: adapter.noComposerReason?.(new URL(doc.location.href)) ?? 'noComposer' };
  press(opener);
  try {
    const composer = await waitFor(() => adapter.findComposers(doc)[0], { root: doc, timeout, signal });
    // Editors attach to their root after it is in the DOM (Lexical's setRootElement, Quill's
    // constructor) and sites restore drafts and move the caret afterwards: let that finish.
    await frames(2);
    await settled(composer);
    return { ok: true, composer: composer.isConnected ? composer : adapter.findComposers(doc)[0] ?? composer };
  } catch {
    return { ok: false, reason: 'openTimeout' };
  }
}

/**
 * Find the composer (or open it), then insert `text` through `adapter.insert`.
 * @param {object} adapter
 * @param {string} text
 * @param {{ replace?: boolean, composer?: Element|null, timeout?: number, signal?: AbortSignal,
 *   [key: string]: any }} [opts] other options go to adapter.insert (e.g. Reddit's `title`)
 * @returns {Promise<{ ok: boolean, technique: string|null, text: string, verified: boolean,
 *   opened: boolean, reason?: string, tried?: object[] }>}
 */
export async function fillComposer(adapter, text, { replace = true, composer = null, timeout, signal, ...rest } = {}) {
  let target = composer?.isConnected ? composer : adapter.findComposers(document)[0] ?? null;
  let opened = false;
  if (!target) {
    const o = await openComposer(adapter, { timeout, signal });
    if (!o.ok) return { ok: false, technique: null, text: '', verified: false, opened: false, reason: o.reason };
    target = o.composer;
    opened = true;
  }
  let r = await adapter.insert(target, text, { replace, ...rest });
  const untouched = r.tried?.every((t) => t.result.startsWith('no change'));
  if (!r.ok && opened && (replace || untouched)) {
    // A composer that just opened may still be settling (its editor attaching, the site moving
    // the caret): once more, replacing everything, after it went quiet.
    target = target.isConnected ? target : adapter.findComposers(document)[0] ?? target;
    await settled(target, { quiet: 300 });
    r = await adapter.insert(target, text, { replace, ...rest });
  }
  return { ...r, opened };
}
