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
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return frame;
}

export const byTestId = (id) => `[data-testid="${id}"]`;
