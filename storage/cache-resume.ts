// Writing one pack's rows for a rebuild in several transactions that a stopped service worker
// resumes: each batch commits with a record of how far the write got, and the rows readers start
// from (the pack, its campaigns, its lookup index) come last, in one transaction.
import type { PicketDatabase } from './db';
import { AFTER_ALL } from './pack-index';
import type {
  CampaignDirectoryRow,
  HandleBlockRow,
  PackRow,
  PackRows,
  ParticipantBlockRow,
} from './schema';

/** Rows per batch transaction: 40 participant blocks are ~10,000 participants. */
export const BATCH_ROWS = 40;

/** The `meta` row saying which pack a rebuild is writing and how many batches are committed. */
export const PROGRESS_KEY = 'packWrite';

export interface PackWriteProgress {
  packId: string;
  /** What the rows are built from (rowsFingerprint): other rows mean start over. */
  fingerprint: string;
  /** Batches committed, in planBatches order. */
  done: number;
}

export interface RowBatch {
  directories: CampaignDirectoryRow[];
  participantBlocks: ParticipantBlockRow[];
  handleBlocks: HandleBlockRow[];
}

/** Identifies the inputs of a pack's rows: the same fingerprint, the same rows in the same order. */
export function rowsFingerprint(pack: PackRow): string {
  return JSON.stringify([
    pack.id,
    pack.version,
    pack.updatedAt,
    pack.origin,
    pack.installedAt,
    pack.corrections ?? null,
    pack.participantCount,
    pack.accountCount,
  ]);
}

/** The pack's directory and block rows cut into batches of at most `size` rows, in a fixed order. */
export function planBatches(rows: PackRows, size = BATCH_ROWS): RowBatch[] {
  const batches: RowBatch[] = [];
  let current: RowBatch = { directories: [], participantBlocks: [], handleBlocks: [] };
  let count = 0;
  const add = <K extends keyof RowBatch>(table: K, row: RowBatch[K][number]) => {
    if (count === size) {
      batches.push(current);
      current = { directories: [], participantBlocks: [], handleBlocks: [] };
      count = 0;
    }
    (current[table] as RowBatch[K][number][]).push(row);
    count++;
  };
  for (const campaign of rows.blocks) {
    add('directories', campaign.directory);
    for (const block of campaign.participantBlocks) add('participantBlocks', block);
    for (const block of campaign.handleBlocks) add('handleBlocks', block);
  }
  if (count > 0) batches.push(current);
  return batches;
}

/** Every table a pack's rows live in: what a write of one pack locks. */
export function packTables(db: PicketDatabase) {
  return [
    db.packs,
    db.campaigns,
    db.participantBlocks,
    db.handleBlocks,
    db.directories,
    db.lookup,
    db.meta,
  ];
}

/** Deletes every row of one pack; call inside a transaction over packTables. */
export async function deletePackRows(db: PicketDatabase, packId: string): Promise<void> {
  await db.packs.delete(packId);
  await db.campaigns.where('packId').equals(packId).delete();
  await db.directories.where('packId').equals(packId).delete();
  await db.participantBlocks.where(':id').between([packId], [packId, AFTER_ALL]).delete();
  await db.handleBlocks.where(':id').between([packId], [packId, AFTER_ALL]).delete();
  await db.lookup.delete(packId);
}

export async function readProgress(db: PicketDatabase): Promise<PackWriteProgress | undefined> {
  const value = (await db.meta.get(PROGRESS_KEY))?.value as Partial<PackWriteProgress> | undefined;
  if (
    typeof value?.packId !== 'string' ||
    typeof value.fingerprint !== 'string' ||
    typeof value.done !== 'number'
  ) {
    return undefined;
  }
  return { packId: value.packId, fingerprint: value.fingerprint, done: value.done };
}

/**
 * Starts the write of `packId` over, unless the progress on disk is this very write's: then the
 * batches it committed stay. An unfinished write of another pack is cleared away (it never got
 * its pack row, so nothing reads it).
 */
async function startOrResume(
  db: PicketDatabase,
  packId: string,
  fingerprint: string,
): Promise<number> {
  const progress = await readProgress(db);
  if (progress?.packId === packId && progress.fingerprint === fingerprint) return progress.done;
  await db.transaction('rw', packTables(db), async () => {
    if (progress && progress.packId !== packId && !(await db.packs.get(progress.packId))) {
      await deletePackRows(db, progress.packId);
    }
    await deletePackRows(db, packId);
    const start: PackWriteProgress = { packId, fingerprint, done: 0 };
    await db.meta.put({ key: PROGRESS_KEY, value: start });
  });
  return 0;
}

/**
 * Replaces one pack's rows batch by batch. Stopped at any point (the worker killed), the next
 * call with the same rows carries on after the last committed batch. Until the last transaction
 * the pack has no pack row, campaigns or lookup index, so no query sees it half written.
 * `onBatch` is told after each commit (tests stop the write there).
 */
export async function writePackResumable(
  db: PicketDatabase,
  rows: PackRows,
  onBatch?: (done: number, total: number) => void,
): Promise<void> {
  const packId = rows.pack.id;
  const fingerprint = rowsFingerprint(rows.pack);
  const batches = planBatches(rows);
  const tables = packTables(db);
  const first = await startOrResume(db, packId, fingerprint);
  for (let index = first; index < batches.length; index++) {
    const batch = batches[index]!;
    await db.transaction('rw', tables, async () => {
      await db.directories.bulkPut(batch.directories);
      await db.participantBlocks.bulkPut(batch.participantBlocks);
      await db.handleBlocks.bulkPut(batch.handleBlocks);
      const progress: PackWriteProgress = { packId, fingerprint, done: index + 1 };
      await db.meta.put({ key: PROGRESS_KEY, value: progress });
    });
    onBatch?.(index + 1, batches.length);
  }
  await db.transaction('rw', tables, async () => {
    await db.campaigns.bulkPut(rows.campaigns);
    await db.lookup.put(rows.lookup);
    await db.packs.put(rows.pack);
    await db.meta.delete(PROGRESS_KEY);
  });
}

/**
 * Clears a write no rebuild finished and none will (its pack is no longer wanted): its rows and
 * its progress. Called at the end of a rebuild, when every wanted pack is written.
 */
export async function dropUnfinishedWrite(db: PicketDatabase): Promise<void> {
  const progress = await readProgress(db);
  if (!progress) return;
  await db.transaction('rw', packTables(db), async () => {
    if (!(await db.packs.get(progress.packId))) await deletePackRows(db, progress.packId);
    await db.meta.delete(PROGRESS_KEY);
  });
}
