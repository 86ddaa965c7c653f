// The reminder page (a click on a reminder notification): every action,
// including the snooze choices that don't fit in a notification's two buttons.
import { t, localize } from '../shared/api.js';
import { call } from '../shared/rpc.js';

localize();
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const id = new URLSearchParams(location.hash.slice(1)).get('id');

async function main() {
  const [post] = (await call('posts.list', {})).filter((p) => p.id === id);
  if (!post) {
    $('reminder-text').textContent = t('postNotFound');
    return;
  }
  $('reminder-text').textContent = post.text;
  const done = (text) => ($('toast').textContent = text);
  $('open-fill').addEventListener('click', () => call('reminder.openFill', { id }).then(() => window.close()));
  $('mark-published').addEventListener('click', async () => done((await call('post.markPublished', { id })) && t('saved')));
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
        done(t('errorGeneric', err.message));
      }
    });
    $('snooze-options').append(b);
  }
}

main().catch((err) => ($('toast').textContent = t('errorGeneric', err.message)));
