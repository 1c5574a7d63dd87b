import { describe, expect, it } from 'vitest';
import { PACK_KEYS, SETTINGS_KEY, storeSignal } from '../../../core/store-signals';
import { areaKey, packsRevisionItem, registryItem, settingsItem } from '../../../storage/items';

describe('storeSignal', () => {
  it('names settings and pack changes in storage.local', () => {
    expect(storeSignal({ settings: {} }, 'local')).toEqual({
      settings: true,
      packs: false,
      packsRevised: false,
    });
    expect(storeSignal({ packsRevision: {} }, 'local')).toEqual({
      settings: false,
      packs: true,
      packsRevised: true,
    });
    expect(storeSignal({ packRegistry: {}, settings: {} }, 'local')).toEqual({
      settings: true,
      packs: true,
      packsRevised: false,
    });
  });

  it('ignores other keys and other areas', () => {
    expect(storeSignal({ 'popup.lastCampaign': {}, tabReports: {} }, 'local')).toBeNull();
    expect(storeSignal({ settings: {} }, 'session')).toBeNull();
    expect(storeSignal({ settings: {} }, 'sync')).toBeNull();
  });

  it('listens to the very keys the storage items are written under', () => {
    expect(SETTINGS_KEY).toBe(areaKey(settingsItem));
    expect([...PACK_KEYS].sort()).toEqual(
      [areaKey(packsRevisionItem), areaKey(registryItem)].sort(),
    );
  });
});
