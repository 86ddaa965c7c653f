// Test-profile set-up that no page can do: a host permission granted to the extension as the
// browser records it after the user accepted `permissions.request` (headless Chromium cannot
// click its permission prompt). Chromium keeps an unpacked extension's grants in the profile's
// Preferences file (extensions.settings.<id>.granted_permissions / active_permissions); the
// browser must be closed while it is edited.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Record `origins` ("https://host/*") as granted to `extensionId` in the closed profile `userDir`. */
export async function grantHostsInProfile(userDir, extensionId, origins) {
  const file = path.join(userDir, 'Default', 'Preferences');
  const prefs = JSON.parse(await fs.readFile(file, 'utf8'));
  const ext = prefs.extensions?.settings?.[extensionId];
  if (!ext) throw new Error(`no settings for extension ${extensionId} in ${file}`);
  for (const set of ['granted_permissions', 'active_permissions']) {
    ext[set] ??= {};
    for (const kind of ['explicit_host', 'scriptable_host']) {
      ext[set][kind] = [...new Set([...(ext[set][kind] ?? []), ...origins])];
    }
  }
  await fs.writeFile(file, JSON.stringify(prefs));
}
