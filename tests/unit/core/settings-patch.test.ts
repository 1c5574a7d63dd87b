import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import { applySettingsPatch, settingsPatch } from '../../../core/settings-patch';

const stored: Settings = {
  ...DEFAULT_SETTINGS,
  campaigns: { 'shfp/a': false },
  allowlist: ['instagram:rei', 'instagram:patagonia'],
};

describe('settingsPatch schema', () => {
  it('accepts the changes the pages make', () => {
    for (const patch of [
      { sites: { facebook: false } },
      { surfaces: { comment: false } },
      { campaigns: { 'shfp/b': true } },
      { allowlist: { add: 'facebook:id:123' } },
      { allowlist: { remove: 'instagram:rei' } },
      { badgeStyle: 'compact' },
      { verifiedOnly: true },
      { reminders: { enabled: true, time: '07:30', dayBefore: true } },
    ]) {
      expect(v.safeParse(settingsPatch, patch).success, JSON.stringify(patch)).toBe(true);
    }
  });

  it('rejects unknown fields, wrong types and bad times', () => {
    for (const patch of [
      { theme: 'dark' },
      { sites: { twitter: true } },
      { surfaces: { nowhere: true } },
      { verifiedOnly: 'yes' },
      { badgeStyle: 'huge' },
      { reminders: { time: '25:00' } },
      { reminders: { time: '9:00' } },
      { allowlist: ['instagram:rei'] },
      { allowlist: { add: 'x'.repeat(81) } },
    ]) {
      expect(v.safeParse(settingsPatch, patch).success, JSON.stringify(patch)).toBe(false);
    }
  });
});

describe('applySettingsPatch', () => {
  it('changes only the fields named, nested ones merged', () => {
    const next = applySettingsPatch(stored, {
      sites: { facebook: false },
      reminders: { time: '07:30' },
      campaigns: { 'shfp/b': false },
    });
    expect(next).toEqual({
      ...stored,
      sites: { instagram: true, facebook: false },
      reminders: { ...stored.reminders, time: '07:30' },
      campaigns: { 'shfp/a': false, 'shfp/b': false },
    });
    expect(stored.sites.facebook).toBe(true);
  });

  it('an optional field left undefined keeps what is stored', () => {
    const next = applySettingsPatch(stored, { reminders: { enabled: undefined, dayBefore: true } });
    expect(next.reminders).toEqual({ ...stored.reminders, dayBefore: true });
  });

  it('adds an account to the allowlist once, at the end, and removes it', () => {
    const added = applySettingsPatch(stored, { allowlist: { add: 'instagram:rei' } });
    expect(added.allowlist).toEqual(['instagram:patagonia', 'instagram:rei']);
    const removed = applySettingsPatch(added, { allowlist: { remove: 'instagram:patagonia' } });
    expect(removed.allowlist).toEqual(['instagram:rei']);
  });

  it('an empty patch changes nothing', () => {
    expect(applySettingsPatch(stored, {})).toEqual(stored);
  });
});
