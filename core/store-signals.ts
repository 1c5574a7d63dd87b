// Which storage.local keys say that the data behind a view changed: settings, or the user's packs.
// The background reacts to them, and the extension pages take them as a signal to ask again.

/** Written once per pack change, after the cache has it; the registry also holds subscription state. */
export const PACKS_REVISION_KEY = 'packsRevision';
export const PACK_KEYS: readonly string[] = [PACKS_REVISION_KEY, 'packRegistry'];
export const SETTINGS_KEY = 'settings';

export interface StoreSignal {
  settings: boolean;
  packs: boolean;
  /** The packs' revision moved: the cache holds the change (the registry alone may be mid-way). */
  packsRevised: boolean;
}

/** What a storage.onChanged event is about, or null when it is about nothing a view shows. */
export function storeSignal(changes: Record<string, unknown>, area: string): StoreSignal | null {
  if (area !== 'local') return null;
  const packs = PACK_KEYS.some((key) => key in changes);
  const settings = SETTINGS_KEY in changes;
  return packs || settings
    ? { settings, packs, packsRevised: PACKS_REVISION_KEY in changes }
    : null;
}
