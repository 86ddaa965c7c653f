// The reminder page (a click on a reminder notification): every action,
// including the snooze choices that don't fit in a notification's two
// buttons. It follows the theme setting and says which network and when.
import { t, localize } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { applyTheme } from '../options/settings.js';
import { describeError } from '../options/lib/errors.js';
import { loadNetworks, networkColour, networkLabel } from '../options/lib/networks.js';
import { BROWSER_ZONE, formatDateTime } from '../options/lib/time.js';

localize();
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const id = new URLSearchParams(location.hash.slice(1)).get('id');
const done = (text) => ($('toast').textContent = text);

async function main() {
  const [state, posts] = await Promise.all([call('state.get'), call('posts.list', {}), loadNetworks()]);
  applyTheme(state?.settings?.theme);
  const post = posts.find((p) => p.id === id);
  if (!post) {
    $('reminder-text').textContent = t('postNotFound');
    $('reminder-meta').hidden = true;
    for (const b of document.querySelectorAll('button')) b.disabled = true;
    return;
  }
  const network = post.networks?.[0] ?? 'x';
  const zone = post.plannedZone || state?.projects?.find((p) => p.id === post.projectId)?.timeZone || BROWSER_ZONE;
  const at = post.snoozedUntil ?? post.scheduledAt;
  $('reminder-network').textContent = networkLabel(network);
  $('reminder-network').style.setProperty('--net', networkColour(network));
  $('reminder-network').dataset.network = network;
  $('reminder-when').textContent = at ? `${formatDateTime(at, zone)} (${zone})` : '';
  $('reminder-when').dataset.at = at ?? '';
  $('reminder-text').textContent = post.text;
  document.title = `${t('reminderTitle')} · ${networkLabel(network)}`;
  $('open-fill').addEventListener('click', () => call('reminder.openFill', { id }).then(() => window.close(), (err) => done(describeError(err))));
  $('mark-published').addEventListener('click', async () => {
    try {
      await call('post.markPublished', { id });
      done(t('saved'));
    } catch (err) {
      done(describeError(err));
    }
  });
  for (const option of ['tenMinutes', 'oneHour', 'tomorrow']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.testid = `snooze-${option}`;
    b.textContent = t(`snooze_${option}`);
    b.addEventListener('click', async () => {
      try {
        await call('reminder.snooze', { id, option });
        done(t('saved'));
      } catch (err) {
        done(describeError(err));
      }
    });
    $('snooze-options').append(b);
  }
}

main().catch((err) => done(describeError(err)));
