// Mastodon instances other than the built-in mastodon.social: what marks a page as the Mastodon
// web app, and the permission pattern for an instance. Shared by the adapter (content script),
// the popup (which probes the active tab) and the worker (which registers the content script).

/**
 * Selectors of the web app, newest first: its React root `#mastodon` (with data-props, since
 * 2.x) and the `script#initial-state` JSON the server embeds. 2026-11.
 */
export const MASTODON_APP = Object.freeze(['#mastodon[data-props]', 'div.app-holder#mastodon', 'script#initial-state[type="application/json"]']);

/**
 * Is the current document the Mastodon web app? Self-contained (no imports, no closure) so the
 * popup can run it in a tab with scripting.executeScript.
 */
export function probeMastodonPage() {
  const app = ['#mastodon[data-props]', 'div.app-holder#mastodon', 'script#initial-state[type="application/json"]'];
  return location.protocol === 'https:' && app.some((s) => !!document.querySelector(s));
}

/** A bare host name as a user types it ("Fosstodon.org", "https://fosstodon.org/home") -> "fosstodon.org", or null. */
export function instanceHost(input) {
  const raw = String(input ?? '').trim().toLowerCase();
  if (!raw) return null;
  let host;
  try {
    host = new URL(raw.includes('://') ? raw : `https://${raw}`).hostname;
  } catch {
    return null;
  }
  // A DNS name with a dot; no IP literals, no ports, no user info (URL() already split those off).
  if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/.test(host)) return null;
  return host;
}

/** The host permission (and content-script match pattern) for an instance. */
export const originFor = (host) => `https://${host}/*`;

/** The instance host of a granted origin pattern "https://host/*", or null for anything else. */
export function hostOfOrigin(origin) {
  const m = /^https:\/\/([^/*]+)\/\*$/.exec(origin ?? '');
  return m && instanceHost(m[1]) === m[1] ? m[1] : null;
}

// Mastodon's own defaults (Status MAX_CHARS, 4 attachments, 23 characters per URL), used when the
// instance does not tell.
export const DEFAULT_LIMITS = Object.freeze({ maxCharacters: 500, maxMediaAttachments: 4, charactersReservedPerUrl: 23 });

const asCount = (v) => (Number.isInteger(v) && v > 0 ? v : undefined);

/**
 * The limits an instance's `GET /api/v2/instance` states, over Mastodon's defaults:
 * configuration.statuses (characters, attachments, URL weight) and configuration.media_attachments
 * (sizes in bytes, pixels, frame rate, alt text length, accepted types). `source: 'instance'`.
 */
export function limitsFromInstance(json) {
  const c = json?.configuration ?? {};
  const m = c.media_attachments ?? {};
  const found = {
    maxCharacters: asCount(c.statuses?.max_characters),
    maxMediaAttachments: asCount(c.statuses?.max_media_attachments),
    charactersReservedPerUrl: asCount(c.statuses?.characters_reserved_per_url),
    imageSizeLimit: asCount(m.image_size_limit),
    imageMatrixLimit: asCount(m.image_matrix_limit),
    videoSizeLimit: asCount(m.video_size_limit),
    videoFrameRateLimit: asCount(m.video_frame_rate_limit),
    videoMatrixLimit: asCount(m.video_matrix_limit),
    descriptionLimit: asCount(m.description_limit),
    supportedMimeTypes: Array.isArray(m.supported_mime_types) ? m.supported_mime_types.filter((t) => typeof t === 'string').slice(0, 100) : undefined,
  };
  const out = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(found)) if (v !== undefined) out[k] = v;
  return { ...out, source: 'instance' };
}
