// A rebuild stopped in the middle of a pack (the service worker killed) resumes after the last
// committed batch instead of starting over, and nothing reads the pack until it is whole.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BATCH_ROWS,
  PROGRESS_KEY,
  planBatches,
  readProgress,
  writePackResumable,
} from '../../../storage/cache-resume';
import { dropCache, rebuild, writePackRows } from '../../../storage/cache-write';
import { PicketDatabase } from '../../../storage/db';
import { EMPTY_REGISTRY } from '../../../storage/items';
import { packToRows } from '../../../storage/rows';
import { DATA_VERSION, type PackRows } from '../../../storage/schema';
import { bundledState, cachedParticipants, makeBundledPack, makePack } from './support';

vi.mock('../../../storage/bundled', async () => (await import('./fixtures')).bundledModule);

/** Enough participants for several batches: ~100 participant blocks and 7 handle blocks. */
const GENERATED = 25_000;
const INSTALLED = '2026-12-01T00:00:00.000Z';

let counter = 0;
const opened: PicketDatabase[] = [];
async function freshDb(): Promise<PicketDatabase> {
  const db = new PicketDatabase(`picket-resume-${Date.now()}-${++counter}`);
  await db.open();
  opened.push(db);
  return db;
}

/** Rows computed afresh each time, as a restarted worker computes them from the stored text. */
function bigRows(version = 1): PackRows {
  return packToRows(makePack({ id: 'big', version, generated: GENERATED }), 'imported', INSTALLED);
}

class Stopped extends Error {}
/** An onBatch that stops the write (as a killed worker does) once `after` batches are committed. */
const stopAfter = (after: number) => (done: number) => {
  if (done === after) throw new Stopped(`stopped after batch ${done}`);
};

/** Counts the participant blocks created from now on. */
function countCreatedBlocks(db: PicketDatabase): () => number {
  let created = 0;
  db.participantBlocks.hook('creating', () => {
    created++;
  });
  return () => created;
}

/** Every row of every table, for comparing two databases. */
async function dump(db: PicketDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries.filter(([name]) => name !== 'meta'));
}

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('planBatches', () => {
  it('puts every directory and block in exactly one batch of at most BATCH_ROWS, in order', () => {
    const rows = bigRows();
    const batches = planBatches(rows);
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) {
      const size =
        batch.directories.length + batch.participantBlocks.length + batch.handleBlocks.length;
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(BATCH_ROWS);
    }
    expect(batches.flatMap((batch) => batch.directories)).toEqual(
      rows.blocks.map((b) => b.directory),
    );
    expect(batches.flatMap((batch) => batch.participantBlocks)).toEqual(
      rows.blocks.flatMap((b) => b.participantBlocks),
    );
    expect(batches.flatMap((batch) => batch.handleBlocks)).toEqual(
      rows.blocks.flatMap((b) => b.handleBlocks),
    );
    // The same rows computed again cut the same way: a resumed write continues the same plan.
    expect(planBatches(bigRows())).toEqual(batches);
  });
});

describe('writePackResumable', () => {
  it('stopped after two batches, resumes at the third and ends as a one-transaction write', async () => {
    const db = await freshDb();
    const total = planBatches(bigRows()).length;
    await expect(writePackResumable(db, bigRows(), stopAfter(2))).rejects.toThrow(Stopped);

    // Half written: the progress says so, and nothing a query starts from is there yet.
    expect(await readProgress(db)).toMatchObject({ packId: 'big', done: 2 });
    expect(await db.packs.get('big')).toBeUndefined();
    expect(await db.campaigns.where('packId').equals('big').count()).toBe(0);
    expect(await db.lookup.get('big')).toBeUndefined();
    const writtenBefore = await db.participantBlocks.count();
    expect(writtenBefore).toBeGreaterThan(0);

    const reported: number[] = [];
    const created = countCreatedBlocks(db);
    await writePackResumable(db, bigRows(), (done) => reported.push(done));
    expect(reported[0]).toBe(3);
    expect(reported.at(-1)).toBe(total);
    // Only the blocks the first run did not commit were written.
    const allBlocks = bigRows().blocks.flatMap((b) => b.participantBlocks).length;
    expect(created()).toBe(allBlocks - writtenBefore);
    expect(await db.meta.get(PROGRESS_KEY)).toBeUndefined();

    const reference = await freshDb();
    await writePackRows(reference, 'big', bigRows());
    expect(await dump(db)).toEqual(await dump(reference));
    expect((await cachedParticipants(db, 'big')).length).toBe(bigRows().participants.length);
  });

  it('rows of another version start over: nothing of the unfinished write is kept', async () => {
    const db = await freshDb();
    await expect(writePackResumable(db, bigRows(1), stopAfter(2))).rejects.toThrow(Stopped);
    const created = countCreatedBlocks(db);
    await writePackResumable(db, bigRows(2));
    expect(created()).toBe(bigRows(2).blocks.flatMap((b) => b.participantBlocks).length);
    expect((await db.packs.get('big'))?.version).toBe(2);
    expect(await readProgress(db)).toBeUndefined();
  });

  it("another pack's unfinished write is cleared before this one starts", async () => {
    const db = await freshDb();
    await expect(writePackResumable(db, bigRows(), stopAfter(1))).rejects.toThrow(Stopped);
    const small = packToRows(makePack({ id: 'small' }), 'imported', INSTALLED);
    await writePackResumable(db, small);
    expect(await db.participantBlocks.where(':id').between(['big'], ['big', []]).count()).toBe(0);
    expect(await db.directories.where('packId').equals('big').count()).toBe(0);
    expect((await db.packs.toArray()).map((p) => p.id)).toEqual(['small']);
  });
});

describe('rebuild', () => {
  it('a rebuild stopped in the middle of a pack resumes there and keeps what was written', async () => {
    bundledState.pack = makePack({ id: 'bundled-big', generated: GENERATED });
    const db = await freshDb();
    await dropCache(db);
    // The first worker: the cache dropped, then stopped two batches into the pack.
    const rows = packToRows(bundledState.pack, 'bundled', new Date(0).toISOString());
    await expect(writePackResumable(db, rows, stopAfter(2))).rejects.toThrow(Stopped);
    const writtenBefore = await db.participantBlocks.count();

    // The next worker's rebuild: same data version, so nothing is dropped and the pack resumes.
    const created = countCreatedBlocks(db);
    await rebuild(db, EMPTY_REGISTRY);
    expect(created()).toBe(rows.blocks.flatMap((b) => b.participantBlocks).length - writtenBefore);
    expect((await db.packs.toArray()).map((p) => p.id)).toEqual(['bundled-big']);
    expect((await cachedParticipants(db, 'bundled-big')).length).toBe(rows.participants.length);
    expect((await db.meta.get('dataVersion'))?.value).toBe(DATA_VERSION);
    expect(await readProgress(db)).toBeUndefined();
  });

  it('an unfinished write of a pack no longer wanted is cleared by the next rebuild', async () => {
    const db = await freshDb();
    await dropCache(db);
    await expect(writePackResumable(db, bigRows(), stopAfter(1))).rejects.toThrow(Stopped);
    await rebuild(db, EMPTY_REGISTRY);
    expect((await db.packs.toArray()).map((p) => p.id)).toEqual(['bundled-pack']);
    expect(await db.participantBlocks.where(':id').between(['big'], ['big', []]).count()).toBe(0);
    expect(await readProgress(db)).toBeUndefined();
  });
});
