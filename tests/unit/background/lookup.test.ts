import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateLookupCache, lookup } from '../../../background/lookup';
import { closeStore, importPackObject, setPackEnabled } from '../../../storage/store';
import { updateSettings } from '../../../storage/settings';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);

beforeEach(async () => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  invalidateLookupCache();
  freshStore();
  await importPackObject(makePack(), { origin: 'imported' });
});
afterEach(() => closeStore());

async function changeSettings(change: Parameters<typeof updateSettings>[0]) {
  await updateSettings(change);
  // The background does this from storage.onChanged.
  invalidateLookupCache();
}

describe('lookup', () => {
  it('finds Instagram accounts case-insensitively, with one entry per campaign', async () => {
    const matches = await lookup('instagram', ['kimkardashian', 'KimKardashian', 'nobody']);
    expect(Object.keys(matches).sort()).toEqual(['KimKardashian', 'kimkardashian']);
    const info = matches.kimkardashian!;
    expect(info.platform).toBe('instagram');
    expect(info.handle).toBe('kimkardashian');
    expect(info.entries.map((e) => `${e.campaignId}:${e.role}`)).toEqual([
      'c1:participant',
      'c2:organizer',
    ]);
  });

  it('gives exactly what a badge shows, nothing more (B4)', async () => {
    const { kimkardashian } = await lookup('instagram', ['kimkardashian']);
    expect(kimkardashian!.entries[0]).toEqual({
      packId: 'test-pack',
      campaignId: 'c1',
      campaignName: 'Freeze campaign',
      hashtag: '#Freeze',
      participantName: 'Kim Kardashian',
      role: 'participant',
      status: 'took-part',
      actions: [
        { summary: 'Froze her accounts for a day', date: '2020-09-16', eventTitle: 'Freeze day' },
      ],
      source: {
        url: 'https://news.example.com/freeze',
        publisher: 'Example News',
        title: 'The freeze',
        date: '2020-09-15',
      },
      corrections: 'https://publisher.example.org/corrections',
    });
  });

  it('finds Facebook accounts by vanity and by numeric id', async () => {
    const matches = await lookup('facebook', [
      'kimkardashian',
      'id:100044000111',
      'id:123456789012',
    ]);
    expect(matches.kimkardashian?.handle).toBe('KimKardashian');
    expect(matches['id:100044000111']?.handle).toBe('KimKardashian');
    expect(matches['id:123456789012']).toMatchObject({
      handle: 'id:123456789012',
      entries: [{ participantName: 'Corner Bakery', role: 'advertiser', status: 'paused-ads' }],
    });
    // An Instagram key does not match on Facebook and vice versa.
    expect(await lookup('instagram', ['id:123456789012'])).toEqual({});
  });

  it('ignores keys that cannot be accounts, including prototype names', async () => {
    const matches = await lookup('instagram', [
      '__proto__',
      'constructor',
      'a b',
      '',
      'x'.repeat(31),
    ]);
    expect(Object.keys(matches)).toEqual([]);
    expect(Object.getPrototypeOf(matches)).toBeNull();
    expect(({} as Record<string, unknown>).entries).toBeUndefined();
  });

  it('respects the per-site switch, the allowlist and per-campaign switches', async () => {
    await changeSettings((s) => ({ ...s, sites: { ...s.sites, instagram: false } }));
    expect(await lookup('instagram', ['kimkardashian'])).toEqual({});
    expect(Object.keys(await lookup('facebook', ['kimkardashian']))).toEqual(['kimkardashian']);

    await changeSettings((s) => ({
      ...s,
      sites: { ...s.sites, instagram: true },
      allowlist: ['facebook:kimkardashian'],
    }));
    expect(await lookup('facebook', ['kimkardashian'])).toEqual({});
    // The allowlist names one key; the same person's numeric id is another account reference.
    expect(Object.keys(await lookup('facebook', ['id:100044000111']))).toEqual(['id:100044000111']);

    await changeSettings((s) => ({ ...s, allowlist: [], campaigns: { 'test-pack/c1': false } }));
    const { kimkardashian } = await lookup('instagram', ['kimkardashian']);
    expect(kimkardashian!.entries.map((e) => e.campaignId)).toEqual(['c2']);
    expect(await lookup('facebook', ['id:123456789012'])).toEqual({});
  });

  it('forgets cached answers when a pack changes', async () => {
    expect(Object.keys(await lookup('instagram', ['kimkardashian']))).toHaveLength(1);
    await setPackEnabled('test-pack', false);
    expect(await lookup('instagram', ['kimkardashian'])).toEqual({});
    await setPackEnabled('test-pack', true);
    expect(Object.keys(await lookup('instagram', ['kimkardashian']))).toHaveLength(1);
  });

  it('answers from the bundled pack in memory when the database is unavailable', async () => {
    closeStore();
    const { IDBFactory } = await import('fake-indexeddb');
    const broken = new IDBFactory();
    broken.open = () => {
      throw new DOMException('broken', 'InvalidStateError');
    };
    freshStore({ indexedDB: broken });
    invalidateLookupCache();
    const matches = await lookup('instagram', ['ada.bundled', 'kimkardashian']);
    expect(Object.keys(matches)).toEqual(['ada.bundled']);
    expect(matches['ada.bundled']!.entries[0]!.source.url).toBe(
      'https://bundled.example.org/source',
    );
  });
});
