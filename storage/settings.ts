// User settings: the source of truth is storage.local (typed, versioned, migrated).
// Owned by the store; read by the background, the content config and the UI.
import { storage } from 'wxt/utils/storage';
import type { Surface } from '../core/accounts';
import { SURFACES } from '../core/accounts';

export interface Settings {
  sites: { instagram: boolean; facebook: boolean };
  surfaces: Record<Surface, boolean>;
  /** Per campaign (`<packId>/<campaignId>`): false hides that campaign's badges. */
  campaigns: Record<string, boolean>;
  /** Account keys (`instagram:<key>` / `facebook:<key>`) the user does not want badged. */
  allowlist: string[];
  badgeStyle: 'label' | 'compact';
  /** When on, accounts a pack marks `likely` (not verified by its publisher) get no badge. */
  verifiedOnly: boolean;
  reminders: { enabled: boolean; time: string /* HH:MM local */; dayBefore: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  sites: { instagram: true, facebook: true },
  surfaces: Object.fromEntries(SURFACES.map((s) => [s, true])) as Record<Surface, boolean>,
  campaigns: {},
  allowlist: [],
  badgeStyle: 'label',
  verifiedOnly: false,
  reminders: { enabled: false, time: '09:00', dayBefore: false },
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads settings, filling in any field a previous version did not have. */
export async function getSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    sites: { ...DEFAULT_SETTINGS.sites, ...stored.sites },
    surfaces: { ...DEFAULT_SETTINGS.surfaces, ...stored.surfaces },
    reminders: { ...DEFAULT_SETTINGS.reminders, ...stored.reminders },
  };
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await getSettings());
  await settingsItem.setValue(next);
  return next;
}
