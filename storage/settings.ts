// User settings: the source of truth is storage.local (typed, versioned, migrated).
// Owned by the store; read by the background, the content config and the UI.
import { withSettingDefaults, type Settings } from '../core/settings';
import { settingsItem } from './items';

/** Reads settings, filling in any field a previous version did not have. */
export async function getSettings(): Promise<Settings> {
  return withSettingDefaults(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await getSettings());
  await settingsItem.setValue(next);
  return next;
}
