// Helpers for driving Glider's own UI (panel, popup, dashboard) in tests.

/** Send a message from the extension's worker to the content script of the tab showing `url`. */
export async function toContent(worker, urlPrefix, msg) {
  return worker.evaluate(
    async ({ urlPrefix, msg }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url?.startsWith(urlPrefix));
      if (!tab) throw new Error(`no tab at ${urlPrefix}`);
      return chrome.tabs.sendMessage(tab.id, msg, { frameId: 0 });
    },
    { urlPrefix, msg },
  );
}

/** Open the panel on `page` and return its (cross-origin, extension) frame once booted. */
export async function openPanel(page, worker, extensionId) {
  const origin = new URL(page.url()).origin;
  // The content script registers its listener at document_idle; retry until it answers.
  let res = null;
  for (let i = 0; i < 50 && !res?.ok; i++) {
    res = await toContent(worker, origin, { type: 'panel.toggle', open: true }).catch(() => null);
    if (!res?.ok) await page.waitForTimeout(100);
  }
  if (!res?.ok) throw new Error('content script did not answer panel.toggle');
  const prefix = `chrome-extension://${extensionId}/panel/panel.html`;
  let frame = null;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(prefix)) ?? null;
    if (!frame) await page.waitForTimeout(50);
  }
  if (!frame) throw new Error('panel frame did not appear');
  // Attached, not visible: where the page leaves no room the panel waits as a slim tab.
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 15000, state: 'attached' });
  return frame;
}

/** Poll `fn` until it returns a truthy value (returned), or fail after `timeout` ms with `what`. */
export async function waitFor(fn, what = 'condition', { timeout = 8000, interval = 50 } = {}) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Every stored post record, read straight from storage.local. */
export function storedPosts(worker) {
  return worker.evaluate(async () =>
    Object.entries(await chrome.storage.local.get(null)).filter(([k]) => k.startsWith('post:')).map(([, v]) => v),
  );
}

/** A message to the worker from an extension page (`frame`: the panel), as the UI sends it; returns the reply. */
export function sendFrom(frame, msg) {
  return frame.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

export const byTestId = (id) => `[data-testid="${id}"]`;
