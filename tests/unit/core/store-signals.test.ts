import { describe, expect, it } from 'vitest';
import { storeSignal } from '../../../core/store-signals';

describe('storeSignal', () => {
  it('names settings and pack changes in storage.local', () => {
    expect(storeSignal({ settings: {} }, 'local')).toEqual({ settings: true, packs: false });
    expect(storeSignal({ packsRevision: {} }, 'local')).toEqual({ settings: false, packs: true });
    expect(storeSignal({ packRegistry: {}, settings: {} }, 'local')).toEqual({
      settings: true,
      packs: true,
    });
  });

  it('ignores other keys and other areas', () => {
    expect(storeSignal({ lastCampaign: {}, tabReports: {} }, 'local')).toBeNull();
    expect(storeSignal({ settings: {} }, 'session')).toBeNull();
    expect(storeSignal({ settings: {} }, 'sync')).toBeNull();
  });
});
