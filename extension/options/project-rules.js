// Frequency rules per network of a project: minimum gap, maximum per day,
// quiet hours. A network with every field empty has no rule.
import { t } from '../shared/api.js';
import { clear, el } from './lib/dom.js';
import { networkLabel } from './lib/networks.js';
import { hmToMinute, minuteToHm } from './lib/time.js';

function num(row, id) {
  const v = Number(row.querySelector(`[data-testid="${id}"]`).value);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
}

function ruleRow(network, rule) {
  const q = rule?.quietHours;
  return el('tr', { testid: 'rule-row', dataset: { network } },
    el('th', { scope: 'row', text: networkLabel(network) }),
    el('td', {}, el('input', { type: 'number', min: 0, step: 1, testid: 'rule-gap', 'aria-label': t('dashMinGap'), value: rule?.minGapMinutes || '' })),
    el('td', {}, el('input', { type: 'number', min: 0, step: 1, testid: 'rule-max', 'aria-label': t('dashMaxPerDay'), value: rule?.maxPerDay || '' })),
    el('td', {}, el('input', { type: 'time', testid: 'rule-quiet-start', 'aria-label': t('dashQuietStart'), value: q ? minuteToHm(q.start % 1440) : '' })),
    el('td', {}, el('input', { type: 'time', testid: 'rule-quiet-end', 'aria-label': t('dashQuietEnd'), value: q ? minuteToHm(q.end % 1440) : '' })));
}

/** @returns {{ node: HTMLElement, set(rules: object[]): void, get(): object[], syncNetworks(): void }} */
export function rulesEditor(networksOf) {
  const body = el('tbody');
  const node = el('fieldset', { testid: 'project-rules' }, el('legend', { i18n: 'dashRules' }),
    el('table', { class: 'rules' },
      el('thead', {}, el('tr', {}, el('th', { i18n: 'networkLabel' }), el('th', { i18n: 'dashMinGap' }), el('th', { i18n: 'dashMaxPerDay' }),
        el('th', { i18n: 'dashQuietStart' }), el('th', { i18n: 'dashQuietEnd' }))),
      body));

  function get() {
    const rules = [];
    for (const row of body.querySelectorAll('[data-testid="rule-row"]')) {
      const rule = { network: row.dataset.network, minGapMinutes: num(row, 'rule-gap'), maxPerDay: num(row, 'rule-max') };
      const start = hmToMinute(row.querySelector('[data-testid="rule-quiet-start"]').value);
      const end = hmToMinute(row.querySelector('[data-testid="rule-quiet-end"]').value);
      if (start !== null && end !== null && start !== end) rule.quietHours = { start, end };
      if (rule.minGapMinutes || rule.maxPerDay || rule.quietHours) rules.push(rule);
    }
    return rules;
  }

  function set(rules) {
    clear(body).append(...networksOf().map((n) => ruleRow(n, (rules ?? []).find((r) => r.network === n))));
  }

  return { node, get, set, syncNetworks: () => set(get()) };
}
