// What the browsers do differently and Glider adapts to, in one place (docs/ARCHITECTURE.md,
// "Firefox"). Most differences are detected where they bite (shared/tabs.js checks for the
// `tabs` API itself); these cannot be probed without a side effect.
import { api } from './api.js';

// runtime.getBrowserInfo exists only in Firefox.
export const IS_FIREFOX = typeof api.runtime.getBrowserInfo === 'function';

// Firefox's notifications take neither `buttons` nor `requireInteraction`: notifications.create
// rejects the whole call with a type error for either (Firefox ESR 153), so a reminder with
// buttons would never show there. Without buttons a click on the notification is the way in.
export const NOTIFICATION_BUTTONS = !IS_FIREFOX;
