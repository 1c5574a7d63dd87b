import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie, { type Transaction } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { PicketDatabase } from '../../../storage/db';
import { openDatabase } from '../../../storage/open-database';
import {
  CACHE_SCHEMA,
  DATA_VERSION,
  SCHEMA_VERSION,
  type LookupIndexRow,
} from '../../../storage/schema';
import { displayHandle } from '../../../core/accounts';
import { findInIndex } from '../../../storage/lookup-index';
import { packToRows } from '../../../storage/rows';
import { getStoreStatus } from '../../../storage/store';
import { importPackObject } from '../../../storage/pack-import';
import { closeStore, getStore } from '../../../storage/store-open';
import { loadSnapshot } from '../../../storage/queries';
import { watchDatabaseUpdating } from '../../../storage/open-state';
import { getSettings, updateSettings } from '../../../storage/settings';
import { readPackText, readRegistry } from '../../../storage/userdata';
import { bundledState, cachedParticipants, freshStore, makeBundledPack, makePack } from './support';

vi.mock('../../../storage/bundled', async () => (await import('./fixtures')).bundledModule);

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
});
afterEach(() => {
  closeStore();
  vi.restoreAllMocks();
});

let counter = 0;
const uniqueName = () => `picket-db-test-${Date.now()}-${++counter}`;

/** The first layout of the cache: one row per participant and per account, no `meta`. */
const OLD_SCHEMA_V1 = {
  packs: 'id',
  campaigns: 'key, packId',
  participants: '[packId+campaignId+id], [packId+campaignId+nameLower]',
  accountIndex: '[packId+campaignId+platform+key+participantId], [platform+key]',
};
/** The second: accounts keyed `<packId>|<platform>|<key>`, and `meta`. */
const OLD_SCHEMA_V2 = {
  packs: 'id',
  campaigns: 'key, packId',
  participants: '[packId+campaignId+id], [packId+campaignId+nameLower]',
  accounts: 'id',
  meta: 'key',
  accountIndex: null,
};

/** A database as the first layout's code left it, holding `packId`'s rows (and nothing else). */
async function seedV1(name: string, { generated = 0, packId = 'test-pack' } = {}) {
  const v1 = new Dexie(name);
  v1.version(1).stores(OLD_SCHEMA_V1);
  await v1.open();
  const rows = packToRows(
    makePack({ generated, id: packId }),
    'imported',
    '2026-11-01T00:00:00.000Z',
  );
  const accounts = rows.participants.flatMap((p) =>
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
  await v1.table('accountIndex').bulkAdd(accounts);
  v1.close();
  return { rows };
}

/** Who a lookup index says an account is: `campaign:participant` per entry, and the handle. */
function whoIs(index: LookupIndexRow | undefined, platform: 'instagram' | 'facebook', key: string) {
  return index
    ? findInIndex(index, platform, key).map(
        (m) => `${m.entry.campaignId}:${m.entry.participantName}@${m.handle}`,
      )
    : [];
}

const CURRENT_TABLES = Object.keys(CACHE_SCHEMA).sort();

/** Makes the drop of an older cache take a while, as a big one does in a real browser. */
function slowDrop(rounds: number): void {
  const drop = PicketDatabase.prototype.dropCache;
  vi.spyOn(PicketDatabase.prototype, 'dropCache').mockImplementation(async function (
    this: PicketDatabase,
    tx: Transaction,
  ) {
    for (let i = 0; i < rounds; i++) await tx.table('meta').put({ key: 'busy', value: i });
    await drop.call(this, tx);
  });
}

describe('an older cache is dropped and rebuilt from its sources; user data is never lost', () => {
  it('opening a database of an older schema empties it, keeping only the current tables', async () => {
    const name = uniqueName();
    await seedV1(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(OLD_SCHEMA_V1);
    v2.version(2).stores(OLD_SCHEMA_V2);
    await v2.open();
    await v2.table('accounts').put({ id: 'test-pack|instagram|kim', refs: [] });
    await v2.table('meta').put({ key: 'dataVersion', value: 2 });
    v2.close();

    let upgrading = 0;
    const { db } = await openDatabase(name, {}, { onUpgrading: () => upgrading++ });
    expect(db!.verno).toBe(SCHEMA_VERSION);
    expect(db!.tables.map((t) => t.name).sort()).toEqual(CURRENT_TABLES);
    for (const table of db!.tables) expect(await table.count()).toBe(0);
    expect(upgrading).toBe(1);
    db!.close();
  });

  it('the store rebuilds a v1 cache from the bundled pack and storage.local; settings and packs are kept', async () => {
    await updateSettings((s) => ({ ...s, allowlist: ['instagram:kept'], badgeStyle: 'compact' }));
    // storage.local says test-pack is installed (imported through another database).
    freshStore({ dbName: uniqueName() });
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();
    const registry = await readRegistry();
    const text = await readPackText('test-pack');
    // The old cache holds a pack storage.local does not know: a cache is never a source.
    const name = uniqueName();
    await seedV1(name, { packId: 'only-in-old-cache' });

    freshStore({ dbName: name });
    const snapshot = await loadSnapshot();
    expect(snapshot.usingBundledFallback).toBe(false);
    expect(snapshot.packs.map((p) => p.id)).toEqual(['bundled-pack', 'test-pack']);
    expect(snapshot.campaigns.map((c) => c.key)).toEqual([
      'bundled-pack/main',
      'test-pack/c1',
      'test-pack/c2',
    ]);
    const db = (await getStore()).db!;
    expect(db.tables.map((t) => t.name).sort()).toEqual(CURRENT_TABLES);
    expect((await db.packs.toCollection().primaryKeys()).sort()).toEqual([
      'bundled-pack',
      'test-pack',
    ]);
    expect(await db.meta.get('dataVersion')).toEqual({ key: 'dataVersion', value: DATA_VERSION });
    const rows = packToRows(makePack(), 'imported', registry.packs[0]!.installedAt);
    const index = await db.lookup.get('test-pack');
    expect(whoIs(index, 'instagram', 'kimkardashian')).toEqual([
      'c1:Kim Kardashian@kimkardashian',
      'c2:Kim Kardashian@kimkardashian',
    ]);
    expect(whoIs(index, 'facebook', 'id:100044000111')).toEqual(
      whoIs(rows.lookup, 'facebook', 'id:100044000111'),
    );
    expect(whoIs(index, 'facebook', 'id:100044000111')).toHaveLength(1);
    expect(whoIs(await db.lookup.get('bundled-pack'), 'instagram', 'ada.bundled')).toHaveLength(1);
    expect((await cachedParticipants(db, 'test-pack')).length).toBe(rows.participants.length);

    // storage.local is exactly as it was: the rebuild only reads it.
    expect(await readRegistry()).toEqual(registry);
    expect(await readPackText('test-pack')).toBe(text);
    const settings = await getSettings();
    expect(settings.allowlist).toEqual(['instagram:kept']);
    expect(settings.badgeStyle).toBe('compact');
  });
});

describe('a database from newer code', () => {
  it('opens with this code and keeps working, reads and writes', async () => {
    const name = uniqueName();
    freshStore({ dbName: name });
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();

    // "v4" adds an index and a table, and marks its data version.
    const v4 = new Dexie(name);
    v4.version(SCHEMA_VERSION + 1).stores({
      ...CACHE_SCHEMA,
      campaigns: `${CACHE_SCHEMA.campaigns}, name`,
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
    // This code rewrote the rows and says so, so the newer code knows to rebuild them again.
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

describe('a blocked or failing open degrades', () => {
  it('falls back to the bundled pack when another connection blocks the upgrade', async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    old.version(1).stores(OLD_SCHEMA_V1);
    // This connection refuses to close on versionchange, so the upgrade stays blocked.
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

  it('waits for a slow upgrade that is under way instead of abandoning it at the timeout', async () => {
    const name = uniqueName();
    await seedV1(name);
    slowDrop(1_500);
    let upgrading = 0;
    const started = Date.now();
    const { db, error } = await openDatabase(
      name,
      {},
      {
        timeoutMs: 20,
        onUpgrading: () => upgrading++,
      },
    );
    const took = Date.now() - started;
    expect(error).toBeUndefined();
    expect(db?.verno).toBe(SCHEMA_VERSION);
    // It did take longer than the timeout, and said once that it was upgrading.
    expect(took).toBeGreaterThan(20);
    expect(upgrading).toBe(1);
    expect(await db!.packs.count()).toBe(0);
    db!.close();
  });

  it('the store waits for such an upgrade and says "updating" meanwhile (what the popup shows)', async () => {
    const name = uniqueName();
    await seedV1(name);
    slowDrop(1_500);
    const seen: boolean[] = [];
    const stop = watchDatabaseUpdating((updating) => seen.push(updating));
    freshStore({ dbName: name, openTimeoutMs: 20 });
    const status = await getStoreStatus();
    stop();
    expect(status).toMatchObject({ databaseAvailable: true, usingBundledFallback: false });
    expect(seen[0]).toBe(false);
    expect(seen).toContain(true);
    expect(seen.at(-1)).toBe(false);
  });

  it('still gives up on a blocked upgrade, and on one that outlasts its own limit', async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    old.version(1).stores(OLD_SCHEMA_V1);
    old.on('versionchange', () => false);
    await old.open();
    let upgrading = 0;
    const blocked = await openDatabase(name, {}, { timeoutMs: 50, onUpgrading: () => upgrading++ });
    expect(blocked).toEqual({
      db: null,
      error: expect.stringMatching(/^Opening the database was blocked by another connection/),
    });
    expect(upgrading).toBe(0);
    old.close();

    const slow = uniqueName();
    await seedV1(slow);
    slowDrop(1_500);
    const capped = await openDatabase(slow, {}, { timeoutMs: 5, upgradeTimeoutMs: 10 });
    expect(capped.db).toBeNull();
    expect(capped.error).toMatch(/^Opening the database took longer than \d+ ms\.$/);
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
