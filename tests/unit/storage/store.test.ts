import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findInIndex } from '../../../storage/lookup-index';
import { accountKeys as keysOfAccount } from '../../../storage/keys';
import Dexie from 'dexie';
import { getStoreStatus } from '../../../storage/store';
import { importPackObject, importPackText } from '../../../storage/pack-import';
import { getStore, closeStore, configureStore } from '../../../storage/store-open';
import {
  clearAllData,
  exportPack,
  removePack,
  setPackEnabled,
} from '../../../storage/pack-changes';
import { PACK_LIMITS } from '../../../core/pack/validate-issues';
import { PicketDatabase } from '../../../storage/db';
import { loadSnapshot, searchParticipants, SEARCH_LIMITS } from '../../../storage/queries';
import { readPackText, readRegistry } from '../../../storage/userdata';
import { getSettings, updateSettings } from '../../../storage/settings';
import {
  bundledState,
  cachedParticipants,
  failingQuota,
  freshStore,
  makeBundledPack,
  makePack,
} from './support';

vi.mock('../../../storage/bundled', async () => (await import('./fixtures')).bundledModule);

let dbName: string;

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  dbName = freshStore();
});
afterEach(() => closeStore());

async function database(): Promise<PicketDatabase> {
  const store = await getStore();
  if (!store.db) throw new Error('expected a database');
  return store.db;
}

async function allLocal() {
  return fakeBrowser.storage.local.get(null);
}

/**
 * `campaign:platform:key` for every account key the pack's lookup index answers for, checked the
 * way a lookup sees it: each key of each cached participant must lead back to that participant,
 * and the index must hold nothing else.
 */
async function accountKeys(packId: string): Promise<string[]> {
  const db = await database();
  const index = await db.lookup.get(packId);
  if (!index) return [];
  const participants = await cachedParticipants(db, packId);
  const found = new Set<string>();
  for (const row of participants) {
    for (const account of row.participant.accounts) {
      for (const key of keysOfAccount(account)) {
        const matches = findInIndex(index, account.platform, key);
        if (
          matches.some(
            (m) =>
              m.entry.campaignId === row.campaignId &&
              m.entry.participantName === row.participant.name,
          )
        ) {
          found.add(`${row.campaignId}:${account.platform}:${key}`);
        }
      }
    }
  }
  expect(index.hi.length).toBe(found.size);
  return [...found].sort();
}

describe('import and export', () => {
  it('imports a pack into storage.local and the database, and exports the exact text', async () => {
    const text = JSON.stringify(makePack(), null, 1);
    await expect(importPackText(text, { origin: 'imported' })).resolves.toEqual({
      packId: 'test-pack',
      version: 1,
    });
    expect(await readPackText('test-pack')).toBe(text);
    expect(await accountKeys('test-pack')).toEqual([
      'c1:facebook:id:100044000111',
      'c1:facebook:id:123456789012',
      'c1:facebook:kimkardashian',
      'c1:instagram:kimkardashian',
      'c2:instagram:kimkardashian',
    ]);
    const exported = await exportPack('test-pack');
    expect(exported).toEqual({ text, fileName: 'test-pack-v1.json' });

    const snapshot = await loadSnapshot();
    expect(snapshot.usingBundledFallback).toBe(false);
    expect(snapshot.packs.map((p) => [p.id, p.origin, p.enabled, p.accountCount])).toEqual([
      ['bundled-pack', 'bundled', true, 1],
      ['test-pack', 'imported', true, 4],
    ]);
    expect(snapshot.campaigns.map((c) => c.key)).toEqual([
      'bundled-pack/main',
      'test-pack/c1',
      'test-pack/c2',
    ]);
    expect(snapshot.campaigns[1]).toMatchObject({
      name: 'Freeze campaign',
      participantCount: 2,
      corrections: 'https://publisher.example.org/corrections',
      events: [{ id: 'freeze' }],
    });
  });

  it('exports the bundled pack as JSON that validates back to the same pack', async () => {
    const { text, fileName } = await exportPack('bundled-pack');
    expect(fileName).toBe('bundled-pack-v5.json');
    expect(JSON.parse(text)).toEqual(makeBundledPack());
  });

  it('rejects an invalid pack with the validator issues and changes nothing', async () => {
    await importPackObject(makePack(), { origin: 'imported' });
    const before = await readRegistry();
    const bad = JSON.stringify({ ...makePack({ version: 2 }), campaigns: [] });
    const error = await importPackText(bad, { origin: 'imported' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid' });
    expect((error as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect(await readRegistry()).toEqual(before);
    await expect((await database()).packs.get('test-pack')).resolves.toMatchObject({ version: 1 });
    await expect(importPackText('{"not json', { origin: 'imported' })).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('gives a clear error on a full storage.local and keeps the previous version', async () => {
    const v1 = JSON.stringify(makePack());
    await importPackText(v1, { origin: 'imported' });
    const before = await readRegistry();
    const restore = failingQuota(fakeBrowser.storage.local);
    try {
      await expect(
        importPackObject(makePack({ version: 2, campaignName: 'Changed' }), { origin: 'imported' }),
      ).rejects.toThrow(/Not enough space to store this pack/);
    } finally {
      restore();
    }
    expect(await readRegistry()).toEqual(before);
    expect(await readPackText('test-pack')).toBe(v1);
    const db = await database();
    expect(await db.packs.get('test-pack')).toMatchObject({ version: 1 });
    expect(await db.campaigns.get('test-pack/c1')).toMatchObject({ name: 'Freeze campaign' });
  });

  it('leaves no partial rows when the database write fails midway through a 10k-row import', async () => {
    await importPackObject(makePack({ generated: 10 }), { origin: 'imported' });
    const db = await database();
    const accountsBefore = (await db.lookup.get('test-pack'))?.hi.length;
    const participantsBefore = (await cachedParticipants(db)).length;
    const registryBefore = await readRegistry();
    const textBefore = await readPackText('test-pack');

    let chunks = 0;
    const error = await importPackObject(makePack({ version: 2, generated: 10_000 }), {
      origin: 'imported',
      onProgress: () => {
        if (++chunks === 2) throw new Error('simulated crash');
      },
    }).catch((e: unknown) => e);
    expect(chunks).toBe(2);
    expect(error).toMatchObject({ code: 'database' });
    expect(String(error)).toMatch(/simulated crash.*Nothing was changed/);

    expect((await db.lookup.get('test-pack'))?.hi.length).toBe(accountsBefore);
    expect((await cachedParticipants(db)).length).toBe(participantsBefore);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: 1 });
    expect(await readRegistry()).toEqual(registryBefore);
    expect(await readPackText('test-pack')).toBe(textBefore);
  });

  it('keeps non-ASCII text exact through the compressed storage', async () => {
    const pack = makePack({ campaignName: 'Boycott ✊🏽 مقاطعة — «Kampagne» \u200b' });
    const text = JSON.stringify(pack, null, 2) + '\n';
    await importPackText(text, { origin: 'imported' });
    expect((await exportPack('test-pack')).text).toBe(text);
    const stored = await fakeBrowser.storage.local.get('packText:test-pack');
    expect(stored['packText:test-pack']).toMatchObject({ encoding: 'gzip-base64' });
  });

  it('a failed first import of a pack leaves neither its text nor its record behind', async () => {
    const before = await allLocal();
    const error = await importPackObject(makePack({ generated: 10_000 }), {
      origin: 'imported',
      onProgress: () => {
        throw new Error('simulated crash');
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'database' });
    expect(await allLocal()).toEqual(before);
    expect(await accountKeys('test-pack')).toEqual([]);
  });

  it("refuses the built-in pack's id at any version, from a file or a subscription", async () => {
    const before = await allLocal();
    for (const version of [5, 6, 4_294_967_295]) {
      const impostor = { ...makeBundledPack(version), publisher: { name: 'Impostor' } };
      for (const options of [
        { origin: 'imported' as const },
        {
          origin: 'subscribed' as const,
          subscription: { url: 'https://x.example/p', publicKey: 'k' },
        },
        { origin: 'imported' as const, replace: true },
      ]) {
        const error = await importPackObject(impostor, options).catch((e: unknown) => e);
        expect(error).toMatchObject({
          code: 'refused',
          conflict: {
            packId: 'bundled-pack',
            installed: { origin: 'bundled', publisherName: 'Picket' },
            incoming: { origin: options.origin, publisherName: 'Impostor' },
          },
        });
        expect(String(error)).toMatch(/built into Picket \(Picket\).*cannot take it/);
      }
    }
    expect(await allLocal()).toEqual(before);
    expect((await loadSnapshot()).packs.map((p) => [p.id, p.origin, p.version])).toEqual([
      ['bundled-pack', 'bundled', 5],
    ]);
  });

  it('a stored pack with the bundled id from older versions shows while newer; removing it brings the bundled one back', async () => {
    const legacy = makeBundledPack(6);
    legacy.campaigns[0]!.name = 'Newer bundled';
    await fakeBrowser.storage.local.set({
      packRegistry: {
        revision: 1,
        disabled: [],
        packs: [
          {
            id: 'bundled-pack',
            origin: 'imported',
            version: 6,
            updatedAt: legacy.updatedAt,
            installedAt: '2026-01-01T00:00:00.000Z',
            publisherName: 'Picket',
            campaignCount: 1,
            participantCount: 1,
            accountCount: 1,
          },
        ],
      },
      'packText:bundled-pack': { encoding: 'utf8', data: JSON.stringify(legacy) },
    });
    closeStore();
    freshStore({ dbName });
    let snapshot = await loadSnapshot();
    expect(snapshot.packs.map((p) => [p.id, p.origin, p.version])).toEqual([
      ['bundled-pack', 'imported', 6],
    ]);
    expect(snapshot.campaigns.map((c) => c.name)).toEqual(['Newer bundled']);

    await removePack('bundled-pack');
    snapshot = await loadSnapshot();
    expect(snapshot.packs.map((p) => [p.id, p.origin, p.version])).toEqual([
      ['bundled-pack', 'bundled', 5],
    ]);
    expect(snapshot.campaigns.map((c) => c.name)).toEqual(['Bundled campaign']);
  });

  it('refuses to go back to an older version of an installed pack, accepts the same one again', async () => {
    await importPackObject(makePack({ version: 3 }), { origin: 'imported' });
    await expect(
      importPackObject(makePack({ version: 2 }), { origin: 'imported' }),
    ).rejects.toMatchObject({ code: 'refused' });
    await expect(
      importPackObject(makePack({ version: 3 }), { origin: 'imported' }),
    ).resolves.toEqual({ packId: 'test-pack', version: 3 });
  });
});

describe('a pack id belongs to where it came from', () => {
  const feedA = { url: 'https://a.example/pack.json', publicKey: 'KEY-A' };
  const feedB = { url: 'https://b.example/pack.json', publicKey: 'KEY-B' };
  const from = (publisher: string, version = 1) => ({
    ...makePack({ version }),
    publisher: { name: publisher },
  });

  it('another file updates a pack imported from a file', async () => {
    await importPackObject(from('First', 1), { origin: 'imported' });
    await expect(importPackObject(from('First', 2), { origin: 'imported' })).resolves.toEqual({
      packId: 'test-pack',
      version: 2,
    });
  });

  it('a subscription cannot take an imported pack: refused, naming both publishers', async () => {
    await importPackObject(from('File Publisher', 1), { origin: 'imported' });
    const before = await allLocal();
    const error = await importPackObject(from('Feed Publisher', 9), {
      origin: 'subscribed',
      subscription: feedB,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'conflict',
      conflict: {
        packId: 'test-pack',
        installed: { publisherName: 'File Publisher', origin: 'imported' },
        incoming: { publisherName: 'Feed Publisher', origin: 'subscribed', url: feedB.url },
      },
    });
    expect(String(error)).toContain(
      '"File Publisher" (imported from a file); this pack comes from "Feed Publisher" ' +
        '(subscribed from https://b.example/pack.json)',
    );
    expect(await allLocal()).toEqual(before);
  });

  it('a subscribed id is refused to a file, to another address and to the same address with another key', async () => {
    await importPackObject(from('Feed A', 1), { origin: 'subscribed', subscription: feedA });
    const before = await allLocal();
    for (const options of [
      { origin: 'imported' as const },
      { origin: 'subscribed' as const, subscription: feedB },
      { origin: 'subscribed' as const, subscription: { ...feedA, publicKey: 'KEY-B' } },
    ]) {
      await expect(importPackObject(from('Someone else', 5), options)).rejects.toMatchObject({
        code: 'conflict',
        conflict: { installed: { publisherName: 'Feed A', origin: 'subscribed', url: feedA.url } },
      });
    }
    expect(await allLocal()).toEqual(before);
    // The same address and key is the same source: its newer version installs.
    await expect(
      importPackObject(from('Feed A', 2), { origin: 'subscribed', subscription: feedA }),
    ).resolves.toEqual({ packId: 'test-pack', version: 2 });
  });

  it('replace: true (the user chose it after seeing both) takes over, whatever the versions', async () => {
    await importPackObject(from('Feed A', 7), { origin: 'subscribed', subscription: feedA });
    await importPackObject(from('Feed B', 1), {
      origin: 'subscribed',
      subscription: feedB,
      replace: true,
    });
    let record = (await readRegistry()).packs.find((p) => p.id === 'test-pack');
    expect(record).toMatchObject({ version: 1, publisherName: 'Feed B', subscription: feedB });
    // A file replacing a subscription leaves no subscription behind.
    await importPackObject(from('A file', 1), { origin: 'imported', replace: true });
    record = (await readRegistry()).packs.find((p) => p.id === 'test-pack');
    expect(record).toMatchObject({ origin: 'imported', publisherName: 'A file' });
    expect(record?.subscription).toBeUndefined();
  });
});

describe('enable, disable, remove', () => {
  it('disabling drops the pack from the cache and the snapshot, enabling brings it back', async () => {
    await importPackObject(makePack(), { origin: 'imported' });
    await setPackEnabled('test-pack', false);
    expect(await accountKeys('test-pack')).toEqual([]);
    let snapshot = await loadSnapshot();
    expect(snapshot.packs.find((p) => p.id === 'test-pack')?.enabled).toBe(false);
    expect(snapshot.campaigns.map((c) => c.packId)).toEqual(['bundled-pack']);

    await setPackEnabled('bundled-pack', false);
    snapshot = await loadSnapshot();
    expect(snapshot.campaigns).toEqual([]);

    await setPackEnabled('test-pack', true);
    expect((await accountKeys('test-pack')).length).toBe(5);
    await expect(setPackEnabled('nope', true)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('removing deletes the stored text and every row; the bundled pack cannot be removed', async () => {
    await importPackObject(makePack(), { origin: 'imported' });
    await removePack('test-pack');
    expect(await readPackText('test-pack')).toBeNull();
    expect(await accountKeys('test-pack')).toEqual([]);
    expect(await cachedParticipants(await database())).toHaveLength(1);
    await expect(removePack('bundled-pack')).rejects.toMatchObject({ code: 'refused' });
    await expect(removePack('test-pack')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('bumps local:packsRevision after each change so content scripts refresh', async () => {
    const revisions: unknown[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => {
      if (changes.packsRevision) revisions.push(changes.packsRevision.newValue);
    });
    await importPackObject(makePack(), { origin: 'imported' });
    await setPackEnabled('test-pack', false);
    await removePack('test-pack');
    expect(revisions).toHaveLength(3);
    expect(new Set(revisions).size).toBe(3);
  });
});

describe('the database is a rebuildable cache', () => {
  it('rebuilds a deleted database from storage.local and the bundled pack', async () => {
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();
    await Dexie.delete(dbName);
    freshStore({ dbName });
    expect((await accountKeys('test-pack')).length).toBe(5);
    expect((await loadSnapshot()).campaigns).toHaveLength(3);
  });

  it('rebuilds when storage.local changed while the database was closed', async () => {
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();
    // Another device state: the user data says the pack is disabled, the cache still has it.
    const registry = await readRegistry();
    await fakeBrowser.storage.local.set({
      packRegistry: { ...registry, revision: registry.revision + 1, disabled: ['test-pack'] },
    });
    freshStore({ dbName });
    expect(await accountKeys('test-pack')).toEqual([]);
  });

  it('rebuilds when the extension update bundles another pack version', async () => {
    await getStore();
    closeStore();
    const next = makeBundledPack(9);
    next.campaigns[0]!.name = 'Bundled v9';
    bundledState.pack = next;
    freshStore({ dbName });
    expect((await loadSnapshot()).campaigns.map((c) => c.name)).toEqual(['Bundled v9']);
  });

  it('clearAllData wipes user data and settings and keeps only the bundled pack', async () => {
    await importPackObject(makePack(), { origin: 'imported' });
    await updateSettings((s) => ({ ...s, allowlist: ['instagram:someone'] }));
    await fakeBrowser.storage.local.set({ remindersFired: { r1: 1 } });
    await clearAllData();
    // The record of reminders already shown stays, so none is shown twice.
    expect(await fakeBrowser.storage.local.get('remindersFired')).toEqual({
      remindersFired: { r1: 1 },
    });
    expect((await readRegistry()).packs).toEqual([]);
    expect((await getSettings()).allowlist).toEqual([]);
    expect(await accountKeys('test-pack')).toEqual([]);
    expect((await loadSnapshot()).packs.map((p) => p.id)).toEqual(['bundled-pack']);
  });
});

describe('searchParticipants', () => {
  beforeEach(async () => {
    await importPackObject(makePack({ generated: 30 }), { origin: 'imported' });
  });

  it('lists a campaign by name with totals, role filter and paging', async () => {
    const all = await searchParticipants('test-pack/c1', { limit: 5 });
    expect(all.total).toBe(32);
    expect(all.items.map((p) => p.name)).toEqual([
      'Corner Bakery',
      'Generated Person 0',
      'Generated Person 1',
      'Generated Person 10',
      'Generated Person 11',
    ]);
    expect(all.items[0]).toMatchObject({
      campaignKey: 'test-pack/c1',
      resolvedSources: [{ id: 'S2', url: 'https://news.example.com/second' }],
    });
    const advertisers = await searchParticipants('test-pack/c1', {
      role: 'advertiser',
      limit: 100,
    });
    expect(advertisers.total).toBe(16);
    expect(advertisers.items.every((p) => p.role === 'advertiser')).toBe(true);
    const page2 = await searchParticipants('test-pack/c1', { limit: 5, offset: 5 });
    expect(page2.items[0]?.name).toBe('Generated Person 12');
    expect((await searchParticipants('nope/c1', {})).total).toBe(0);
  });

  it('matches name and handle prefixes first, then substrings, case-insensitively', async () => {
    const kim = await searchParticipants('test-pack/c1', { text: '@KIMK' });
    expect(kim.items.map((p) => p.id)).toEqual(['kim']);
    const byId = await searchParticipants('test-pack/c1', { text: '123456789' });
    expect(byId.items.map((p) => p.id)).toEqual(['bakery']);
    const person1 = await searchParticipants('test-pack/c1', { text: 'person 1' });
    expect(person1.total).toBe(11);
    const user2 = await searchParticipants('test-pack/c1', { text: 'user2' });
    expect(user2.items.map((p) => p.id)).toEqual([
      'user2',
      'user20',
      'user21',
      'user22',
      'user23',
      'user24',
      'user25',
      'user26',
      'user27',
      'user28',
      'user29',
    ]);
    const sub = await searchParticipants('test-pack/c1', { text: 'bakery' });
    expect(sub.items.map((p) => p.id)).toEqual(['bakery']);
    const ranked = await searchParticipants('test-pack/c1', { text: 'k' });
    expect(ranked.items[0]?.id).toBe('kim'); // prefix of the name beats "Corner Bakery"
    expect(ranked.items.map((p) => p.id)).toContain('bakery');
  });

  it('uses the prefix indexes and a capped scan above the scan limit', async () => {
    const saved = SEARCH_LIMITS.scan;
    SEARCH_LIMITS.scan = 10;
    try {
      const byHandle = await searchParticipants('test-pack/c1', { text: 'user29' });
      expect(byHandle.items.map((p) => p.id)).toEqual(['user29']);
      const byName = await searchParticipants('test-pack/c1', { text: 'generated person 2' });
      expect(byName.items.map((p) => p.id)).toContain('user25');
      // "bakery" is only a substring, of the first name: the capped scan finds it.
      const sub = await searchParticipants('test-pack/c1', { text: 'bakery' });
      expect(sub.items.map((p) => p.id)).toEqual(['bakery']);
      // "kardashian" is a substring of the last name, beyond the first 10: not found, by design.
      const far = await searchParticipants('test-pack/c1', { text: 'kardashian' });
      expect(far.total).toBe(0);
    } finally {
      SEARCH_LIMITS.scan = saved;
    }
  });
});

describe('participants stored in blocks (many blocks)', () => {
  beforeEach(async () => {
    await importPackObject(makePack({ generated: 3_000 }), { origin: 'imported' });
  });

  /** What a list should show, straight from the pack: name order (ties by id), role filter. */
  function expected(role?: string) {
    return makePack({ generated: 3_000 })
      .campaigns[0]!.participants.filter((p) => !role || p.role === role)
      .map((p) => ({ id: p.id, nameLower: p.name.toLowerCase() }))
      .sort((a, b) =>
        a.nameLower !== b.nameLower ? (a.nameLower < b.nameLower ? -1 : 1) : a.id < b.id ? -1 : 1,
      )
      .map((p) => p.id);
  }

  it('pages through every block, with and without a role filter', async () => {
    const all = expected();
    const advertisers = expected('advertiser');
    expect(all.length).toBeGreaterThan(10 * 256);
    for (const offset of [0, 255, 256, 1_000, all.length - 3]) {
      const page = await searchParticipants('test-pack/c1', { offset, limit: 40 });
      expect(page.total).toBe(all.length);
      expect(page.items.map((p) => p.id)).toEqual(all.slice(offset, offset + 40));
    }
    for (const offset of [0, 130, 777, advertisers.length - 1]) {
      const page = await searchParticipants('test-pack/c1', {
        role: 'advertiser',
        offset,
        limit: 60,
      });
      expect(page.total).toBe(advertisers.length);
      expect(page.items.map((p) => p.id)).toEqual(advertisers.slice(offset, offset + 60));
    }
  });

  it('finds name and handle prefixes across blocks above the scan limit', async () => {
    const saved = SEARCH_LIMITS.scan;
    SEARCH_LIMITS.scan = 10;
    try {
      const byHandle = await searchParticipants('test-pack/c1', { text: 'user29' });
      // Handle order: user29, user290, user2900, user2901, … capped at 10.
      expect(byHandle.items.map((p) => p.id)).toEqual([
        'user29',
        'user290',
        'user2900',
        'user2901',
        'user2902',
        'user2903',
        'user2904',
        'user2905',
        'user2906',
        'user2907',
      ]);
      const byName = await searchParticipants('test-pack/c1', { text: 'generated person 2999' });
      expect(byName.items.map((p) => p.id)).toEqual(['user2999']);
      const none = await searchParticipants('test-pack/c1', { text: 'zzz' });
      expect(none.total).toBe(0);
    } finally {
      SEARCH_LIMITS.scan = saved;
    }
  });
});

describe('status', () => {
  it('reports an available database', async () => {
    await expect(getStoreStatus()).resolves.toMatchObject({
      databaseAvailable: true,
      usingBundledFallback: false,
    });
  });
});

describe('packs imported as objects, bigger than the text limit', () => {
  // The 10 MB text limit, lowered so a small pack stands in for a 1,000,000-account one (whose
  // stored JSON is 40 MB or more, over the limit, though it came in as an object).
  const limits = PACK_LIMITS as { maxBytes: number };
  const realMaxBytes = limits.maxBytes;
  beforeEach(() => {
    limits.maxBytes = 4_000;
  });
  afterEach(() => {
    limits.maxBytes = realMaxBytes;
  });

  it('indexes every account at import, and again when the cache is rebuilt from storage.local', async () => {
    const pack = makePack({ generated: 200 });
    expect(JSON.stringify(pack).length).toBeGreaterThan(limits.maxBytes);
    await importPackObject(pack, { origin: 'imported' });
    const indexed = await accountKeys('test-pack');
    expect(indexed.length).toBeGreaterThan(200);

    // A fresh database (as after a data-version change) is rebuilt from the stored text alone.
    closeStore();
    await Dexie.delete(dbName);
    configureStore({ dbName });
    expect(await accountKeys('test-pack')).toEqual(indexed);
  });

  it('refuses a change whose stored pack cannot be read back, and changes nothing', async () => {
    await importPackObject(makePack({ generated: 200 }), { origin: 'imported' });
    await setPackEnabled('test-pack', false);
    expect(await accountKeys('test-pack')).toEqual([]);
    await fakeBrowser.storage.local.set({
      'packText:test-pack': { encoding: 'utf8', data: '{"cut off' },
    });
    const before = await readRegistry();
    const error = await setPackEnabled('test-pack', true).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'database' });
    expect(String(error)).toMatch(/could not be read back.*Nothing was changed/);
    expect(await readRegistry()).toEqual(before);
    expect(await accountKeys('test-pack')).toEqual([]);
  });
});
