// Applying one registry change everywhere or nowhere: storage.local first, then the pack's
// rows in the cache; a failed cache write puts storage.local back.
import type { ImportPhase } from '../core/import-progress';
import {
  effectivePack,
  isEnabled,
  rowsOf,
  sourceSignature,
  unreadable,
  type EffectivePack,
} from './cache-source';
import {
  readSource,
  rebuild,
  withRebuildLock,
  writePackRows,
  type WriteOptions,
} from './cache-write';
import { notifyChange, openedStore } from './store-open';
import {
  bumpPacksRevision,
  restoreUserData,
  snapshotUserData,
  StoreError,
  writeUserData,
} from './userdata';
import type { PackRegistry } from './userdata-types';

/**
 * Applies a registry change: storage.local first (one atomic set), then the pack's rows. If the
 * database write fails, storage.local is put back, so the change either happened everywhere or
 * nowhere.
 */
export async function commit(
  packId: string,
  next: PackRegistry,
  texts: { set?: Record<string, string>; remove?: string[] },
  options: WriteOptions & {
    previous: PackRegistry;
    installed?: EffectivePack;
    onPhase?: (phase: ImportPhase) => void;
  },
): Promise<void> {
  const snapshot = await snapshotUserData([packId]);
  if (options.signal?.aborted) throw cancelled();
  options.onPhase?.('saving');
  await writeUserData({ registry: next, setTexts: texts.set, removeTexts: texts.remove });
  const store = openedStore();
  try {
    const db = store.db;
    if (db) {
      // Held while the rows are written: a context opening meanwhile (the service worker waking
      // up) sees the new registry before the new rows, and would otherwise rebuild the same
      // pack a second time alongside this write (see rebuildOnce).
      await withRebuildLock(async () => {
        const wasInSync = (await readSource(db)) === sourceSignature(options.previous);
        // The pack just validated is used as is, not read back from storage.local: reading back
        // a million accounts means gunzip, parse and validate all over again.
        const effective = options.installed ?? (await effectivePack(packId, next));
        if (!effective && isEnabled(packId, next)) throw unreadable(packId);
        options.onPhase?.('writing');
        const write = { onProgress: options.onProgress, signal: options.signal };
        if (wasInSync) {
          await writePackRows(db, packId, effective ? rowsOf(effective) : null, {
            ...write,
            source: sourceSignature(next),
          });
        } else {
          await rebuild(db, next, { packId, expected: effective, write });
        }
      });
    }
    // Without a database the change lives in storage.local and reaches the cache when the
    // database opens again; the fallback keeps showing the bundled pack meanwhile.
  } catch (error) {
    await restoreUserData(snapshot);
    if (options.signal?.aborted) throw cancelled();
    throw new StoreError(
      `Could not write the pack to the local database (${String(error)}). Nothing was changed.`,
      'database',
    );
  }
  notifyChange();
  await bumpPacksRevision();
}

/** What a cancelled change throws, once everything is back as it was. */
export function cancelled(): StoreError {
  return new StoreError('The import was cancelled. Nothing was changed.', 'cancelled');
}
