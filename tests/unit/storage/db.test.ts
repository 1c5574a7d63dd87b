import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import {
  DATA_VERSION,
  openDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  upgradeToV2,
  type AccountRowV1,
} from '../../../storage/db';
import { displayHandle } from '../../../core/accounts';
import { findInIndex, type LookupIndexRow } from '../../../storage/lookup-index';
import { packToRows } from '../../../storage/rows';
import { closeStore, getStore, getStoreStatus, importPackObject } from '../../../storage/store';
import { loadSnapshot } from '../../../storage/queries';
import { getSettings, updateSettings } from '../../../storage/settings';
import { bundledState, cachedParticipants, freshStore, makeBundledPack, makePack } from './support';

vi.mock('../../../storage/bundled', async () => (await import('./fixtures')).bundledModule);

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
});
afterEach(() => closeStore());

let counter = 0;
const uniqueName = () => `picket-db-test-${Date.now()}-${++counter}`;

/** A database as version-1 code left it: no meta table, no `id:` rows for Facebook ids. */
async function seedV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  const rows = packToRows(makePack(), 'imported', '2026-11-01T00:00:00.000Z');
  const v1Accounts: AccountRowV1[] = rows.participants.flatMap((p) =>
    p.participant.accounts
      .filter((a) => a.handle)
      .map((a) => ({
        packId: p.packId,
        campaignId: p.campaignId,
        platform: a.platform,
        key: a.handle!.toLowerCase(),
        participantId: p.id,
        handle: displayHandle(a),
      })),
  );
  await v1.table('packs').add(rows.pack);
  await v1.table('campaigns').bulkAdd(rows.campaigns);
  await v1.table('participants').bulkAdd(rows.participants);
  await v1.table('accountIndex').bulkAdd(v1Accounts);
  v1.close();
  return { rows, v1Accounts };
}

/** Who a lookup index says an account is: `campaign:participant` per entry, and the handle. */
function whoIs(index: LookupIndexRow | undefined, platform: 'instagram' | 'facebook', key: string) {
  return index
    ? findInIndex(index, platform, key).map(
        (m) => `${m.entry.campaignId}:${m.entry.participantName}@${m.handle}`,
      )
    : [];
}

describe('schema upgrades v1 → v2 → v3 (G1)', () => {
  it('keeps every pack, builds its lookup index (numeric Facebook ids included); settings are untouched', async () => {
    const name = uniqueName();
    await updateSettings((s) => ({ ...s, allowlist: ['instagram:kept'], badgeStyle: 'compact' }));
    const { rows, v1Accounts } = await seedV1(name);
    // v1 had no rows for the two numeric Facebook ids.
    expect(v1Accounts.some((a) => a.key.startsWith('id:'))).toBe(false);

    const { db } = await openDatabase(name);
    expect(db).not.toBeNull();
    expect(db!.verno).toBe(3);
    expect(await db!.packs.toArray()).toEqual([rows.pack]);
    expect(await db!.campaigns.count()).toBe(rows.campaigns.length);
    expect((await cachedParticipants(db!)).length).toBe(rows.participants.length);
    expect((await cachedParticipants(db!)).map((p) => p.id).sort()).toEqual(
      rows.participants.map((p) => p.id).sort(),
    );
    // Rows made from version 2's, marked as such: the store rewrites them when it opens.
    expect(await db!.meta.get('dataVersion')).toEqual({ key: 'dataVersion', value: 3 });
    expect(db!.tables.map((t) => t.name).sort()).toEqual([
      'campaigns',
      'directories',
      'handleBlocks',
      'lookup',
      'meta',
      'packs',
      'participantBlocks',
    ]);
    const index = await db!.lookup.get('test-pack');
    // Built from the cached rows, it answers exactly like one built from the pack.
    expect(index?.hi).toEqual(rows.lookup.hi);
    // Same entries (within a campaign the upgrade may list them in another order).
    expect(index?.entries.length).toBe(rows.lookup.entries.length);
    expect(index?.entryStarts.length).toBe(rows.lookup.entryStarts.length);
    expect(whoIs(index, 'instagram', 'kimkardashian')).toEqual([
      'c1:Kim Kardashian@kimkardashian',
      'c2:Kim Kardashian@kimkardashian',
    ]);
    expect(whoIs(index, 'facebook', 'id:123456789012')).toEqual(
      whoIs(rows.lookup, 'facebook', 'id:123456789012'),
    );
    expect(whoIs(index, 'facebook', 'id:123456789012')).toHaveLength(1);

    // The blocks are the ones a fresh write would make.
    expect(await db!.directories.toArray()).toEqual(rows.blocks.map((b) => b.directory));
    expect(await db!.participantBlocks.toArray()).toEqual(
      rows.blocks.flatMap((b) => b.participantBlocks),
    );
    db!.close();

    const settings = await getSettings();
    expect(settings.allowlist).toEqual(['instagram:kept']);
    expect(settings.badgeStyle).toBe('compact');
  });

  it('a v2 database (one row per account) is upgraded to the same index', async () => {
    const name = uniqueName();
    await seedV1(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    await v2.open();
    expect(await v2.table('accounts').count()).toBeGreaterThan(0);
    v2.close();

    const { db } = await openDatabase(name);
    expect(db!.verno).toBe(3);
    const rows = packToRows(makePack(), 'imported', '2026-11-01T00:00:00.000Z');
    const index = await db!.lookup.get('test-pack');
    for (const [platform, key] of [
      ['instagram', 'kimkardashian'],
      ['facebook', 'id:100044000111'],
      ['instagram', 'nobody.here'],
    ] as const) {
      expect(whoIs(index, platform, key)).toEqual(whoIs(rows.lookup, platform, key));
    }
    db!.close();
  });

  it('a v1 database is then brought in line with storage.local by the store', async () => {
    const name = uniqueName();
    await seedV1(name);
    // storage.local says test-pack is installed: the store must keep it after the upgrade.
    freshStore({ dbName: uniqueName() });
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();
    freshStore({ dbName: name });
    const snapshot = await loadSnapshot();
    expect(snapshot.packs.map((p) => p.id)).toEqual(['bundled-pack', 'test-pack']);
    expect(snapshot.campaigns.map((c) => c.key)).toEqual([
      'bundled-pack/main',
      'test-pack/c1',
      'test-pack/c2',
    ]);
    const db = (await getStore()).db!;
    expect(whoIs(await db.lookup.get('test-pack'), 'facebook', 'id:100044000111')).toHaveLength(1);
    expect(whoIs(await db.lookup.get('bundled-pack'), 'instagram', 'ada.bundled')).toHaveLength(1);
  });
});

describe('a database from newer code (G2)', () => {
  it('opens with v3 code and keeps working, reads and writes', async () => {
    const name = uniqueName();
    freshStore({ dbName: name });
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();

    // "v4" adds an index and a table, and marks its data version.
    const v4 = new Dexie(name);
    v4.version(4).stores({
      ...SCHEMA_V3,
      campaigns: `${SCHEMA_V3.campaigns}, name`,
      notes: '++id',
    });
    await v4.open();
    await v4.table('meta').put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    v4.close();

    freshStore({ dbName: name });
    const store = await getStore();
    expect(store.usingBundledFallback).toBe(false);
    expect(
      whoIs(await store.db!.lookup.get('test-pack'), 'instagram', 'kimkardashian'),
    ).toHaveLength(2);
    await importPackObject(makePack({ id: 'another-pack' }), { origin: 'imported' });
    expect((await loadSnapshot()).packs.map((p) => p.id)).toContain('another-pack');
    // v3 code that rewrote rows says so, so v4 code knows to normalize them again.
    expect(await store.db!.meta.get('dataVersion')).toEqual({
      key: 'dataVersion',
      value: DATA_VERSION,
    });
  });

  it('rewrites rows written by code of another data version, though no pack changed', async () => {
    const name = uniqueName();
    freshStore({ dbName: name });
    await importPackObject(makePack(), { origin: 'imported' });
    let db = (await getStore()).db!;
    // As code of the previous data version leaves it: its signature, rows of another shape
    // (here: no lookup index at all).
    const source = (await db.meta.get('source'))!.value as string;
    await db.meta.bulkPut([
      { key: 'source', value: source.replace(/^\d+\|/, `${DATA_VERSION - 1}|`) },
      { key: 'dataVersion', value: DATA_VERSION - 1 },
    ]);
    await db.lookup.delete('test-pack');
    closeStore();

    freshStore({ dbName: name });
    db = (await getStore()).db!;
    expect(whoIs(await db.lookup.get('test-pack'), 'instagram', 'kimkardashian')).toHaveLength(2);
    expect(await db.meta.get('dataVersion')).toEqual({ key: 'dataVersion', value: DATA_VERSION });
  });
});

describe('a blocked or failing open degrades (G3)', () => {
  it('falls back to the bundled pack when another connection blocks the upgrade', async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    // This connection refuses to close on versionchange, so the v2 open stays blocked.
    old.on('versionchange', () => false);
    await old.open();

    freshStore({ dbName: name, openTimeoutMs: 200 });
    const started = Date.now();
    const status = await getStoreStatus();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(status).toMatchObject({ databaseAvailable: false, usingBundledFallback: true });
    const snapshot = await loadSnapshot();
    expect(snapshot.usingBundledFallback).toBe(true);
    expect(snapshot.campaigns.map((c) => c.key)).toEqual(['bundled-pack/main']);
    const [index] = await (await getStore()).index.lookupIndexes(['bundled-pack']);
    expect(whoIs(index, 'instagram', 'ada.bundled')).toHaveLength(1);
    old.close();
  });

  it('falls back when indexedDB.open throws', async () => {
    const broken = new IDBFactory();
    broken.open = () => {
      throw new DOMException(
        'The operation failed for reasons unrelated to the database',
        'InvalidStateError',
      );
    };
    freshStore({ dbName: uniqueName(), indexedDB: broken });
    const status = await getStoreStatus();
    expect(status).toMatchObject({ databaseAvailable: false, usingBundledFallback: true });
    expect(status.databaseError).toMatch(/InvalidStateError|unrelated/);
  });

  it('imports still reach storage.local while the database is unavailable, and the cache once it opens', async () => {
    const broken = new IDBFactory();
    broken.open = () => {
      throw new DOMException('broken', 'InvalidStateError');
    };
    const name = uniqueName();
    freshStore({ dbName: name, indexedDB: broken });
    await importPackObject(makePack(), { origin: 'imported' });
    expect((await loadSnapshot()).packs.map((p) => p.id)).toEqual(['bundled-pack', 'test-pack']);
    closeStore();
    freshStore({ dbName: name });
    const snapshot = await loadSnapshot();
    expect(snapshot.usingBundledFallback).toBe(false);
    expect(snapshot.campaigns.map((c) => c.packId)).toContain('test-pack');
  });
});
