// What a user can set, and the defaults: the shape every context shares. Storing it is storage's job.
import type { Surface } from './accounts';
import { SURFACES } from './accounts';

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

/** Fills in any field a settings object from an earlier version does not have. */
export function withSettingDefaults(stored: Partial<Settings>): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    sites: { ...DEFAULT_SETTINGS.sites, ...stored.sites },
    surfaces: { ...DEFAULT_SETTINGS.surfaces, ...stored.surfaces },
    reminders: { ...DEFAULT_SETTINGS.reminders, ...stored.reminders },
  };
}
