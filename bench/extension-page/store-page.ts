// A bench-only extension page (bench-store.html), added by the bench to ITS OWN copy of the
// build, never to the product. It runs the store's real code (storage/store.ts, bundled from the
// same sources) inside the extension's origin, so it writes the same IndexedDB database and the
// same storage.local the background reads. It exists because a 1,000,000-account pack cannot
// travel as text (≥ 40 MB against the 10 MB text limit): the store's `importPackObject` is the
// supported way in, and it is only reachable from extension code.
import { browser } from 'wxt/browser';
import { lookup } from '../../background/lookup';
import { getStore } from '../../storage/store-open';
import { importPackObject } from '../../storage/pack-import';
import { makePack } from '../lib/packs';

export interface BenchStoreApi {
  /** Generates a bench pack here (not timed) and imports it as an object (timed). */
  importGenerated(
    accountCount: number,
    id: string,
    campaignName: string,
  ): Promise<{ ms: number; packId: string; version: number }>;
  /** What the database holds, to prove an import really landed. */
  counts(): Promise<{ packs: number; accounts: number; participants: number }>;
  estimate(): Promise<{ usage: number; quota: number; indexedDB?: number }>;
  storageLocalBytes(): Promise<number>;
  /**
   * The background's lookup function run right here, without the message channel: splits a
   * lookup's time into the store's share and the channel's (and lets a profiler see it).
   */
  lookupHere(keys: string[]): Promise<{ ms: number; matched: number }>;
}

const api: BenchStoreApi = {
  async importGenerated(accountCount, id, campaignName) {
    const pack = makePack(accountCount, id, campaignName);
    const started = performance.now();
    const result = await importPackObject(pack, { origin: 'imported' });
    return { ms: performance.now() - started, ...result };
  },
  async counts() {
    const store = await getStore();
    if (!store.db) throw new Error(`No database: ${store.databaseError ?? 'fallback in use'}`);
    // Account keys indexed: the length of every pack's lookup index (one row per pack).
    let accounts = 0;
    await store.db.lookup.each((row) => (accounts += row.hi.length));
    let participants = 0;
    await store.db.participantBlocks.each(
      (row) => (participants += (JSON.parse(row.rows) as unknown[]).length),
    );
    const packs = await store.db.packs.count();
    return { packs, accounts, participants };
  },
  async estimate() {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
      usageDetails?: { indexedDB?: number };
    };
    return {
      usage: estimate.usage ?? Number.NaN,
      quota: estimate.quota ?? Number.NaN,
      indexedDB: estimate.usageDetails?.indexedDB,
    };
  },
  async storageLocalBytes() {
    const local = browser.storage.local as unknown as {
      getBytesInUse(keys: null): Promise<number>;
    };
    return local.getBytesInUse(null);
  },
  async lookupHere(keys) {
    const started = performance.now();
    const matches = await lookup('instagram', keys);
    return { ms: performance.now() - started, matched: Object.keys(matches).length };
  },
};

(globalThis as unknown as { picketBenchStore: BenchStoreApi }).picketBenchStore = api;
document.title = 'bench-store ready';
