// Settings: default project, reminder lead, snooze length, theme, first day
// of the week. Saved through the worker (`settings.save`).
import { api, t } from '../shared/api.js';
import { call } from '../shared/rpc.js';
import { byTestId, clear, el, field, options } from './lib/dom.js';
import { describeError } from './lib/errors.js';
import { toast } from './lib/notify.js';
import { refresh, store } from './lib/store.js';

const WEEKDAYS = ['dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat', 'dashSun'];
let form;
let about;
let dirty = false;

/** Light/dark follow the system unless the user picked one (the CSS reads data-theme). */
export function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

function build() {
  const s = store.settings ?? {};
  const projects = [['', t('dashNone')], ...store.projects.map((p) => [p.id, p.name])];
  clear(form).append(
    field('dashDefaultProject', el('select', { testid: 'settings-default-project' }, options(projects, s.defaultProjectId ?? ''))),
    field('dashReminderLead', el('input', { type: 'number', min: 0, max: 10080, step: 1, testid: 'settings-lead', value: s.reminderLeadMinutes ?? 0 })),
    field('dashSnoozeMinutes', el('input', { type: 'number', min: 1, max: 10080, step: 1, testid: 'settings-snooze', value: s.snoozeMinutes ?? 10 })),
    field('dashTheme', el('select', { testid: 'settings-theme' },
      options([['system', t('dashThemeSystem')], ['light', t('dashThemeLight')], ['dark', t('dashThemeDark')]], s.theme ?? 'system'))),
    field('dashWeekStart', el('select', { testid: 'settings-week-start' }, options(WEEKDAYS.map((k, i) => [i, t(k)]), s.weekStartsOn ?? 0))),
    el('p', { testid: 'settings-status', class: 'status', role: 'status' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', testid: 'settings-save', class: 'primary', i18n: 'dashSave' })));
}

async function save(e) {
  e.preventDefault();
  const status = byTestId('settings-status', form);
  const int = (id, fallback) => {
    const v = Number(byTestId(id, form).value);
    return Number.isFinite(v) ? Math.round(v) : fallback;
  };
  const settings = {
    ...store.settings,
    reminderLeadMinutes: int('settings-lead', 0),
    snoozeMinutes: int('settings-snooze', 10),
    theme: byTestId('settings-theme', form).value,
    weekStartsOn: int('settings-week-start', 0),
  };
  const project = byTestId('settings-default-project', form).value;
  if (project) settings.defaultProjectId = project;
  else delete settings.defaultProjectId;
  try {
    await call('settings.save', { settings });
    dirty = false;
    status.classList.remove('warn');
    toast(t('saved'));
    applyTheme(settings.theme);
    await refresh();
  } catch (err) {
    status.textContent = describeError(err);
    status.classList.add('warn');
    if (err?.variant === 'Conflict') {
      dirty = false;
      await refresh();
    }
  }
}

export function renderSettings() {
  applyTheme(store.settings?.theme);
  if (form && !dirty) build();
  // The version lives here, not in a footer on every view: it is for bug reports.
  about.querySelector('[data-testid="about-version"]').textContent = t('dashAboutVersion', api.runtime.getManifest().version, store.coreVersion || '?');
}

export function initSettings(section) {
  form = el('form', { testid: 'settings-form', class: 'settings-form', novalidate: true, onsubmit: save });
  form.addEventListener('input', () => {
    dirty = true;
  });
  about = el('section', { class: 'card about', testid: 'about' },
    el('h2', { i18n: 'dashAbout' }),
    el('p', { testid: 'about-version' }),
    el('p', { class: 'muted', i18n: 'dashAboutText' }));
  section.append(form, about);
}
