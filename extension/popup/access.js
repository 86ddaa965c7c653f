// The popup says when Glider is not allowed on some of its sites (shared/access.js), naming
// the site of the active tab when it is one of them, so a missing button or panel is never a
// silent mystery; "Review site access" opens the onboarding page, which asks for them.
import { api, t } from '../shared/api.js';
import { hostOf, missingOrigins } from '../shared/access.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

async function check() {
  const missing = await missingOrigins();
  if (!missing.length) return;
  // The toolbar click grants activeTab, so the active tab's URL is visible here.
  const [tab] = await api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  const host = tab?.url?.startsWith('https://') ? new URL(tab.url).host : null;
  const here = host ? missing.find((o) => hostOf(o) === host) : null;
  $('access-text').textContent = here ? t('popupAccessHere', host) : t('popupAccessMissing', missing.length);
  $('access-review').addEventListener('click', async () => {
    await api.tabs.create({ url: api.runtime.getURL('onboarding/onboarding.html') });
    window.close();
  });
  $('access-warning').hidden = false;
  document.body.dataset.accessMissing = String(missing.length);
}

check().finally(() => {
  document.body.dataset.accessChecked = 'true';
});
