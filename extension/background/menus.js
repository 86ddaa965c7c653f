// Context menu on selected text: save it as a draft, or check how unique it is.
import { api, t } from '../shared/api.js';
import { boot } from './boot.js';
import { handlers } from './handlers.js';

export function createMenus() {
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({ id: 'save-selection', title: t('menuSaveSelection'), contexts: ['selection'] });
    api.contextMenus.create({ id: 'check-selection', title: t('menuCheckSelection'), contexts: ['selection'] });
  });
}

export async function onMenuClick(info) {
  const text = (info.selectionText ?? '').trim();
  if (!text) return;
  const ctx = await boot();
  if (info.menuItemId === 'save-selection') {
    const project = ctx.store.projects()[0];
    const now = Date.now();
    await handlers['post.save']({
      post: { id: crypto.randomUUID(), projectId: project.id, text, status: 'draft', networks: [], createdAt: now, updatedAt: now },
      baseRevision: 0,
    });
    await api.notifications.create(`info:${now}`, { type: 'basic', iconUrl: api.runtime.getURL('icons/128.png'), title: t('extName'), message: t('selectionSaved') });
  } else if (info.menuItemId === 'check-selection') {
    const res = ctx.index.check(text, null, []);
    const pct = Math.round(res.uniquenessPercent * 10) / 10;
    await api.notifications.create(`info:${Date.now()}`, { type: 'basic', iconUrl: api.runtime.getURL('icons/128.png'), title: t('extName'), message: t('uniqueness', pct) });
  }
}
