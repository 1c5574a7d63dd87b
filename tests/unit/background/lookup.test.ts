import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateLookupCache, lookup } from '../../../background/lookup';
import { closeStore } from '../../../storage/store-open';
import { importPackObject } from '../../../storage/pack-import';
import { setPackEnabled } from '../../../storage/pack-changes';
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
      participantId: 'kim',
      campaignName: 'Freeze campaign',
      hashtag: '#Freeze',
      participantName: 'Kim Kardashian',
      role: 'participant',
      status: 'took-part',
      actions: [
        {
          summary: 'Froze her accounts for a day',
          date: '2020-09-16',
          eventTitle: 'Freeze day',
          eventKind: 'boycott',
        },
      ],
      sources: [
        {
          url: 'https://news.example.com/freeze',
          publisher: 'Example News',
          title: 'The freeze',
          date: '2020-09-15',
        },
        { url: 'https://news.example.com/second' },
      ],
      account: { confidence: 'verified' },
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
    expect(matches['ada.bundled']!.entries[0]!.sources[0]!.url).toBe(
      'https://bundled.example.org/source',
    );
  });
});

describe('lookup and the evidence behind a badge', () => {
  /** The test pack with brand accounts of every kind of evidence in campaign c1. */
  function evidencePack() {
    const pack = makePack({ id: 'evidence-pack' });
    const campaign = pack.campaigns[0]!;
    campaign.sources.push(
      { id: 'own', url: 'https://brand.example/news', publisher: 'Brand', kind: 'own-statement' },
      { id: 'major', url: 'https://paper.example/story', publisher: 'Paper', kind: 'major-outlet' },
      { id: 'list', url: 'https://radio.example/list', publisher: 'Radio', kind: 'other' },
      { id: 'blog', url: 'https://blog.example/post', publisher: 'Blog', kind: 'other' },
    );
    campaign.participants.push(
      {
        id: 'brand',
        name: 'Brand Inc.',
        kind: 'brand',
        role: 'advertiser',
        relation: 'aligned',
        status: 'paused-ads',
        accounts: [
          { platform: 'instagram', handle: 'brand', confidence: 'likely', holder: 'Brand US' },
          { platform: 'instagram', handle: 'brand_official' },
        ],
        actions: [{ summary: 'Paused its ads', date: '2020-07-01', sources: ['major'] }],
        // Cited weakest first: the badge must list them strongest first.
        sources: ['list', 'major', 'own'],
      },
      {
        id: 'listed',
        name: 'Listed Person',
        kind: 'person',
        role: 'participant',
        relation: 'listed',
        accounts: [{ platform: 'instagram', handle: 'listed.person' }],
        sources: ['list', 'blog'],
      },
    );
    return pack;
  }

  beforeEach(async () => {
    await importPackObject(evidencePack(), { origin: 'imported' });
    invalidateLookupCache();
  });

  it('lists every source strongest first and the matched account’s confidence and holder', async () => {
    const matches = await lookup('instagram', ['brand', 'brand_official']);
    const entry = matches.brand!.entries.find((e) => e.packId === 'evidence-pack')!;
    expect(entry.sources.map((s) => s.publisher)).toEqual(['Brand', 'Paper', 'Radio']);
    expect(entry.sources.map((s) => s.kind)).toEqual(['own-statement', 'major-outlet', 'other']);
    expect(entry.relation).toBe('aligned');
    expect(entry.account).toEqual({ confidence: 'likely', holder: 'Brand US' });
    // The same participant's other account is verified and run by the participant itself.
    const official = matches.brand_official!.entries.find((e) => e.packId === 'evidence-pack')!;
    expect(official.account).toEqual({ confidence: 'verified' });
  });

  it('gives thin evidence no badge', async () => {
    const matches = await lookup('instagram', ['listed.person', 'brand']);
    expect(Object.keys(matches)).toEqual(['brand']);
  });

  it('badges only verified accounts when the setting says so', async () => {
    await changeSettings((s) => ({ ...s, verifiedOnly: true }));
    const matches = await lookup('instagram', ['brand', 'brand_official', 'kimkardashian']);
    expect(Object.keys(matches).sort()).toEqual(['brand_official', 'kimkardashian']);
    await changeSettings((s) => ({ ...s, verifiedOnly: false }));
    expect(Object.keys(await lookup('instagram', ['brand'])).sort()).toEqual(['brand']);
  });
});
