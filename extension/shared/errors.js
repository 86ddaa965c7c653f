// The one error contract. Every failure that reaches a page carries a stable
// `variant` (a core error's `variant()`, or one the worker adds); this is the
// list of all of them, each with the locale message that explains it to the
// user. tests/error_contract.rs fails when a core variant is missing here or
// a listed message is missing from a locale, so a new error cannot reach the
// UI without words. Messages may change; variants may not.
import { t } from './api.js';

/** Variants raised by the core and the binding (src/errors.rs lists their enums). */
export const CORE_ERRORS = Object.freeze({
  // binding
  BadInput: 'error_BadInput',
  EncodeFailed: 'error_EncodeFailed',
  // ModelError
  UnknownTimeZone: 'error_UnknownTimeZone',
  Empty: 'error_Empty',
  TooLong: 'error_TooLong',
  Zero: 'error_Zero',
  BadSlotTime: 'error_BadSlotTime',
  BadWeekday: 'error_BadWeekday',
  BadColour: 'error_BadColour',
  ExpiryBeforeSchedule: 'error_ExpiryBeforeSchedule',
  TimeOutOfRange: 'error_TimeOutOfRange',
  // ScheduleError
  EmptyWindow: 'error_EmptyWindow',
  WindowTooLarge: 'error_WindowTooLarge',
  ProjectMismatch: 'error_ProjectMismatch',
  NoNetworks: 'error_NoNetworks',
  NoSlots: 'error_NoSlots',
  NoFreeSlot: 'error_NoFreeSlot',
  UnknownPost: 'error_UnknownPost',
  NotSchedulable: 'error_NotSchedulable',
  NotQueued: 'error_NotQueued',
  DuplicatePost: 'error_DuplicatePost',
  NoValidShuffle: 'error_NoValidShuffle',
  NoLocalTime: 'error_NoLocalTime',
  SnoozeNotInFuture: 'error_SnoozeNotInFuture',
  NotPublishable: 'error_NotPublishable',
  InUse: 'error_InUse',
  // StorageError
  Corrupt: 'error_Corrupt',
  Invalid: 'error_Invalid',
  UnknownKey: 'error_UnknownKey',
  Conflict: 'error_Conflict',
  KeyMismatch: 'error_KeyMismatch',
  Exists: 'error_Exists',
  NotWritable: 'error_NotWritable',
  FutureVersion: 'error_FutureVersion',
  // NetworksError
  UnknownNetwork: 'error_UnknownNetwork',
  InvalidLimit: 'error_InvalidLimit',
  LimitTooSmall: 'error_LimitTooSmall',
  GraphemeTooLong: 'error_GraphemeTooLong',
  TooManyParts: 'error_TooManyParts',
  // InteropError, TzError (UnknownZone), Empty above
  UnknownZone: 'error_UnknownZone',
  TooLarge: 'error_TooLarge',
  TooManyRows: 'error_TooManyRows',
  Utf16: 'error_Utf16',
  NoContentColumn: 'error_NoContentColumn',
  Encode: 'error_Encode',
  // UniquenessError (Corrupt above)
  BadKind: 'error_BadKind',
  BadConfig: 'error_BadConfig',
  TooManyDocuments: 'error_TooManyDocuments',
  UnsupportedVersion: 'error_UnsupportedVersion',
});

/** Variants the worker and the page-side RPC add (extension/background, shared/rpc.js). */
export const WORKER_ERRORS = Object.freeze({
  NotFound: 'error_NotFound',
  RuleConflict: 'error_RuleConflict',
  QuotaExceeded: 'error_QuotaExceeded',
  Internal: 'error_Internal',
  Unavailable: 'error_Unavailable',
});

/** Every variant a page may see. */
export const ERRORS = Object.freeze({ ...CORE_ERRORS, ...WORKER_ERRORS });

/** An Error carrying a stable variant (what the worker throws and the RPC rebuilds). */
export class GliderError extends Error {
  constructor(variant, message, details) {
    super(message);
    this.variant = Object.hasOwn(ERRORS, variant) ? variant : 'Internal';
    this.details = details;
  }
}

/** The user's words for an error: its variant's message, else the generic one with the text. */
export function errorText(err) {
  const key = Object.hasOwn(ERRORS, err?.variant) ? ERRORS[err.variant] : null;
  return key ? t(key) : t('errorGeneric', err?.message ?? String(err));
}
