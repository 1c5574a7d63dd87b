import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import {
  DATA_VERSION,
  openDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  upgradeToV2,
  type AccountRow,
  type AccountRowV1,
} from '../../../storage/db';
import { packToRows } from '../../../storage/rows';
import { closeStore, getStore, getStoreStatus, importPackObject } from '../../../storage/store';
import { loadSnapshot } from '../../../storage/queries';
import { getSettings, updateSettings } from '../../../storage/settings';
import { bundledState, freshStore, makeBundledPack, makePack } from './support';

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
  const v1Accounts: AccountRowV1[] = rows.accounts
    .filter((a) => !a.key.startsWith('id:'))
    .flatMap((a) =>
      a.refs.map((ref) => ({
        packId: a.packId,
        campaignId: ref.campaignId,
        platform: a.platform,
        key: a.key,
        participantId: ref.participantId,
        handle: a.handle,
      })),
    );
  await v1.table('packs').add(rows.pack);
  await v1.table('campaigns').bulkAdd(rows.campaigns);
  await v1.table('participants').bulkAdd(rows.participants);
  await v1.table('accountIndex').bulkAdd(v1Accounts);
  v1.close();
  return { rows, v1Accounts };
}

const keysOf = (rows: AccountRow[]) =>
  rows.flatMap((r) => r.refs.map((ref) => `${ref.campaignId}:${r.platform}:${r.key}`)).sort();

describe('schema upgrade v1 → v2 (G1)', () => {
  it('keeps every pack and adds the numeric-id rows; settings are untouched', async () => {
    const name = uniqueName();
    await updateSettings((s) => ({ ...s, allowlist: ['instagram:kept'], badgeStyle: 'compact' }));
    const { rows, v1Accounts } = await seedV1(name);
    // v1 had no rows for the two numeric Facebook ids.
    expect(keysOf(rows.accounts).length - v1Accounts.length).toBe(2);

    const { db } = await openDatabase(name);
    expect(db).not.toBeNull();
    expect(db!.verno).toBe(2);
    expect(await db!.packs.toArray()).toEqual([rows.pack]);
    expect(await db!.campaigns.count()).toBe(rows.campaigns.length);
    expect(await db!.participants.count()).toBe(rows.participants.length);
    expect(keysOf(await db!.accounts.toArray())).toEqual(keysOf(rows.accounts));
    expect(await db!.meta.get('dataVersion')).toEqual({ key: 'dataVersion', value: DATA_VERSION });
    const bakery = await db!.accounts.get('test-pack|facebook|id:123456789012');
    expect(bakery?.refs).toEqual([{ campaignId: 'c1', participantId: 'bakery' }]);
    expect(db!.tables.map((t) => t.name)).not.toContain('accountIndex');

    // Running the migration again gives the same rows.
    const before = await db!.accounts.toArray();
    await db!.transaction('rw', [db!.participants, db!.accounts, db!.meta], (tx) =>
      upgradeToV2(tx),
    );
    expect(await db!.accounts.toArray()).toEqual(before);
    db!.close();

    const settings = await getSettings();
    expect(settings.allowlist).toEqual(['instagram:kept']);
    expect(settings.badgeStyle).toBe('compact');
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
    expect((await db.accounts.get('test-pack|facebook|id:100044000111'))?.refs).toHaveLength(1);
  });
});

describe('a database from newer code (G2)', () => {
  it('opens with v2 code and keeps working, reads and writes', async () => {
    const name = uniqueName();
    freshStore({ dbName: name });
    await importPackObject(makePack(), { origin: 'imported' });
    closeStore();

    // "v3" adds an index and a table, and marks its data version.
    const v3 = new Dexie(name);
    v3.version(3).stores({
      ...SCHEMA_V2,
      accounts: `${SCHEMA_V2.accounts}, handle`,
      notes: '++id',
    });
    await v3.open();
    await v3.table('meta').put({ key: 'dataVersion', value: 3 });
    v3.close();

    freshStore({ dbName: name });
    const store = await getStore();
    expect(store.usingBundledFallback).toBe(false);
    expect((await store.db!.accounts.get('test-pack|instagram|kimkardashian'))?.refs).toHaveLength(
      2,
    );
    await importPackObject(makePack({ id: 'another-pack' }), { origin: 'imported' });
    expect((await loadSnapshot()).packs.map((p) => p.id)).toContain('another-pack');
    // v2 code that rewrote rows says so, so v3 code knows to normalize them again.
    expect(await store.db!.meta.get('dataVersion')).toEqual({ key: 'dataVersion', value: 2 });
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
    const rows = await (
      await getStore()
    ).index.accountsFor('instagram', ['ada.bundled'], ['bundled-pack']);
    expect(rows.map((r) => r.participantId)).toEqual(['ada']);
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
