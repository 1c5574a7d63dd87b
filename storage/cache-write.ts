// Writing the cache: bringing the database in line with its sources (rebuild), and replacing
// one pack's rows in one transaction.
import {
  allPackIds,
  effectivePack,
  isEnabled,
  rowsOf,
  sourceSignature,
  unreadable,
  type EffectivePack,
} from './cache-source';
import {
  deletePackRows,
  dropUnfinishedWrite,
  packTables,
  writePackResumable,
} from './cache-resume';
import type { PicketDatabase } from './db';
import { setDatabaseUpdating } from './open-state';
import { PARTICIPANTS_PER_BLOCK } from './blocks';
import { DATA_VERSION, type PackRows } from './schema';
import { readRegistry } from './userdata';
import type { PackRegistry } from './userdata-types';

/**
 * Blocks per bulkAdd inside a pack's transaction (~2,500 participants): also how often progress
 * is reported and a cancel is noticed. The cost is per row, not per call, so smaller chunks cost
 * nothing measurable.
 */
const CHUNK_BLOCKS = 10;

export async function readSource(db: PicketDatabase): Promise<string | undefined> {
  const row = await db.meta.get('source');
  return typeof row?.value === 'string' ? row.value : undefined;
}

/**
 * Rebuilds if stale, unless another context (the background, or an open popup or options page)
 * is rebuilding right now: then this one reads what is there instead of doing the same work
 * twice, or waiting minutes behind a million-row pack. Web Locks span all of an extension's
 * contexts; where they are missing (tests, old browsers) the rebuild simply runs.
 */
export async function rebuildOnce(db: PicketDatabase): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return rebuildIfStale(db);
  let busyElsewhere = false;
  await locks.request(REBUILD_LOCK, { ifAvailable: true }, async (lock) => {
    if (lock) await rebuildIfStale(db);
    else busyElsewhere = true;
  });
  // Right after install, or after a schema change emptied the database, the other context is
  // writing the cache: an empty database would read as "no pack enabled", so wait for that build
  // instead, saying "updating" meanwhile.
  if (busyElsewhere && (await db.packs.count()) === 0) {
    setDatabaseUpdating(true);
    await locks.request(REBUILD_LOCK, () => rebuildIfStale(db));
  }
}
const REBUILD_LOCK = 'picket:rebuild';

export async function withRebuildLock(task: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) await locks.request(REBUILD_LOCK, task);
  else await task();
}

async function rebuildIfStale(db: PicketDatabase): Promise<void> {
  const registry = await readRegistry();
  const [source, packCount] = await Promise.all([readSource(db), db.packs.count()]);
  if (source === sourceSignature(registry) && packCount > 0) return;
  setDatabaseUpdating(true);
  await rebuild(db, registry);
}

/**
 * Empties every table in one transaction, for a rebuild from the sources. An empty cache is of
 * this data version: a rebuild stopped halfway then resumes instead of dropping what it wrote.
 */
export async function dropCache(db: PicketDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    await db.meta.put({ key: 'dataVersion', value: DATA_VERSION });
  });
}

/**
 * Brings every pack in line with storage.local; unchanged packs stay. The pack a change is about
 * is written in one transaction (the change fails whole or not at all); the others are rebuilt
 * from their sources in batches that a restarted worker resumes (writePackResumable).
 * Rows written by code of another data version (older or newer) may mean something else: they
 * are all dropped first and every pack is written again.
 * `changed` is the pack a change is about: it must come out as `expected` (present or absent), or
 * the rebuild throws instead of leaving it out of the database without a word; its write reports
 * progress and obeys cancelling through `write`.
 */
export async function rebuild(
  db: PicketDatabase,
  registry: PackRegistry,
  changed?: { packId: string; expected: EffectivePack | null; write?: WriteOptions },
): Promise<void> {
  const wanted = new Set<string>();
  if ((await db.meta.get('dataVersion'))?.value !== DATA_VERSION) await dropCache(db);
  for (const id of allPackIds(registry)) {
    const effective =
      changed?.packId === id && changed.expected
        ? changed.expected
        : await effectivePack(id, registry);
    if (!effective) {
      if (changed?.packId === id && isEnabled(id, registry)) throw unreadable(id);
      continue;
    }
    wanted.add(id);
    const existing = await db.packs.get(id);
    if (
      existing &&
      existing.version === effective.pack.version &&
      existing.origin === effective.origin &&
      existing.installedAt === effective.installedAt &&
      existing.corrections === effective.pack.publisher.corrections
    ) {
      continue;
    }
    if (changed?.packId === id) await writePackRows(db, id, rowsOf(effective), changed.write);
    else await writePackResumable(db, rowsOf(effective));
  }
  for (const id of await db.packs.toCollection().primaryKeys()) {
    if (!wanted.has(id)) await writePackRows(db, id, null);
  }
  await dropUnfinishedWrite(db);
  await db.meta.bulkPut([
    { key: 'source', value: sourceSignature(registry) },
    { key: 'dataVersion', value: DATA_VERSION },
  ]);
}

export interface WriteOptions {
  /** Called after each chunk of rows inside the pack's transaction (progress for big imports). */
  onProgress?: (done: number, total: number) => void;
  /** The source signature to record in the same transaction, when this write completes a change. */
  source?: string;
  /** Checked between chunks: once aborted, the transaction is rolled back and the write throws. */
  signal?: AbortSignal;
}

/**
 * Replaces every row of one pack (or deletes them, with `rows` null) in ONE transaction: a
 * failure anywhere, even after thousands of rows, leaves the previous rows intact.
 */
export async function writePackRows(
  db: PicketDatabase,
  packId: string,
  rows: PackRows | null,
  options: WriteOptions = {},
): Promise<void> {
  const tables = packTables(db);
  options.signal?.throwIfAborted();
  await db.transaction('rw', tables, async () => {
    await deletePackRows(db, packId);
    if (rows) {
      // Progress counts participants: a campaign's blocks are full but for its last one.
      const total = rows.participants.length;
      let before = 0;
      await db.campaigns.bulkAdd(rows.campaigns);
      for (const [i, blocks] of rows.blocks.entries()) {
        const inCampaign = rows.campaigns[i]?.participantCount ?? 0;
        await db.directories.add(blocks.directory);
        await db.handleBlocks.bulkAdd(blocks.handleBlocks);
        for (let start = 0; start < blocks.participantBlocks.length; start += CHUNK_BLOCKS) {
          const chunk = blocks.participantBlocks.slice(start, start + CHUNK_BLOCKS);
          await db.participantBlocks.bulkAdd(chunk);
          const written = Math.min(inCampaign, (start + chunk.length) * PARTICIPANTS_PER_BLOCK);
          options.onProgress?.(Math.min(total, before + written), total);
          options.signal?.throwIfAborted();
        }
        before += inCampaign;
      }
      await db.lookup.add(rows.lookup);
      await db.packs.add(rows.pack);
    }
    if (options.source !== undefined) {
      await db.meta.bulkPut([
        { key: 'source', value: options.source },
        { key: 'dataVersion', value: DATA_VERSION },
      ]);
    }
  });
}
