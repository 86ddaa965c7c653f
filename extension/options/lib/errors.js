// Worker errors in the user's words. Variants are stable (the list and
// their messages: shared/errors.js); rule conflicts are explained one by one.
import { t } from '../../shared/api.js';
import { errorText } from '../../shared/errors.js';
import { networkLabel } from './networks.js';
import { formatDateTime, minuteToHm } from './time.js';

/** One frequency-rule conflict (`{kind, ...}` from the core's checkSchedule). */
export function describeConflict(c, zone) {
  switch (c?.kind) {
    case 'inPast':
      return t('dashConflictInPast');
    case 'afterExpiry':
      return t('dashConflictAfterExpiry', formatDateTime(c.expiresAtMs, zone));
    case 'minGap':
      return t('dashConflictMinGap', networkLabel(c.network), c.gapMinutes, c.requiredMinutes);
    case 'maxPerDay':
      return t('dashConflictMaxPerDay', networkLabel(c.network), c.max, c.day);
    case 'quietHours':
      return t('dashConflictQuietHours', networkLabel(c.network), c.localTime, minuteToHm(c.start), minuteToHm(c.end % 1440));
    default:
      return t('dashConflictOther', JSON.stringify(c ?? null));
  }
}

/** The conflicts a RuleConflict error carries, wherever the worker put them. */
export function conflictsOf(err) {
  // The worker sends them as `error.details` (an array); older shapes nest them.
  const d = err?.details ?? err;
  for (const list of [d, err?.conflicts, d?.conflicts, d?.details?.conflicts]) {
    if (Array.isArray(list)) return list;
  }
  return [];
}

/** A one-line message for an error from `call()` (or any Error). */
export function describeError(err) {
  switch (err?.variant) {
    case 'Conflict':
      return t('dashErrConflict');
    case 'QuotaExceeded':
      return t('dashErrQuota');
    case 'NotFound':
      return t('dashErrNotFound');
    case 'BadInput':
      return t('dashErrBadInput', err.message);
    case 'RuleConflict':
      return t('dashErrRuleConflict');
    case 'NoFreeSlot':
      return t('dashErrNoFreeSlot');
    case 'NoSlots':
      return t('dashErrNoSlots');
    case 'NoNetworks':
      return t('dashErrNoNetworks');
    case 'NotQueued':
      return t('dashErrNotQueued');
    case 'NoValidShuffle':
      return t('dashErrNoValidShuffle');
    case 'EmptyWindow':
    case 'WindowTooLarge':
      return t('dashErrWindow');
    case 'NotSchedulable':
      return t('dashErrNotSchedulable');
    case 'InUse':
      return t('dashErrInUse');
    case 'Unavailable':
      return t('dashErrUnavailable');
    default:
      // Every other variant in the words of the one error contract (shared/errors.js).
      return errorText(err);
  }
}
