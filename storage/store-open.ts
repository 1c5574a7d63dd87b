// The store's lifecycle: opening the database (or falling back to the bundled pack in memory),
// one queue for pack changes, and the listeners told after each change.
import { bundledPack } from './bundled';
import { rebuildOnce } from './cache-write';
import type { DatabaseOptions, PicketDatabase } from './db';
import { DEFAULT_DB_NAME } from './schema';
import { openDatabase } from './open-database';
import { setDatabaseUpdating } from './open-state';
import { DatabaseIndex, MemoryIndex, type PackIndex } from './pack-index';
import { packToRows } from './rows';

export interface StoreConfig extends DatabaseOptions {
  dbName: string;
  /**
   * How long opening the database may take before the bundled fallback is used, unless an
   * upgrade of its data is under way: that is waited for (see openDatabase).
   */
  openTimeoutMs: number;
  /** After a failed open, how long to keep the fallback before trying again. */
  retryAfterMs: number;
}

const DEFAULT_CONFIG: StoreConfig = {
  dbName: DEFAULT_DB_NAME,
  openTimeoutMs: 2_000,
  retryAfterMs: 60_000,
};

export interface StoreHandle {
  index: PackIndex;
  db: PicketDatabase | null;
  usingBundledFallback: boolean;
  databaseError?: string;
}

let config: StoreConfig = { ...DEFAULT_CONFIG };
let opening: Promise<StoreHandle> | null = null;
let current: StoreHandle | null = null;
let failedAt = 0;
const changeListeners = new Set<() => void>();
let queue: Promise<unknown> = Promise.resolve();

/** Tests point the store at a fresh database name (or a broken IndexedDB) through this. */
export function configureStore(change: Partial<StoreConfig>): void {
  closeStore();
  config = { ...DEFAULT_CONFIG, ...change };
}

export function closeStore(): void {
  current?.db?.close();
  current = null;
  opening = null;
  failedAt = 0;
}

/** Called after any pack change made through this store (lookup drops its answer cache). */
export function onStoreChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

export function notifyChange(): void {
  for (const listener of changeListeners) listener();
}

/** Runs pack changes one after another, so two imports never interleave their writes. */
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * A pack change: the store is opened (and rebuilt if stale) first, outside the queue, because
 * opening queues its own rebuild and would otherwise wait for the task that waits for it.
 */
export async function queued<T>(task: () => Promise<T>): Promise<T> {
  await getStore();
  return serialized(task);
}

/**
 * The store, opened and up to date: if the database is empty or was built from another revision
 * of the user's packs (or another bundled pack), it is rebuilt first. Never hangs: a database that
 * cannot be opened in time gives way to an in-memory index of the bundled pack.
 */
export function getStore(): Promise<StoreHandle> {
  if (current?.usingBundledFallback && Date.now() - failedAt > config.retryAfterMs) {
    current = null;
    opening = null;
  }
  if (current) return Promise.resolve(current);
  opening ??= openStore().then((handle) => {
    current = handle;
    return handle;
  });
  return opening;
}

/** Opens the database and brings its cache up to date; "updating" is on while either is long. */
async function openStore(): Promise<StoreHandle> {
  try {
    return await openAndRebuild();
  } finally {
    setDatabaseUpdating(false);
  }
}

async function openAndRebuild(): Promise<StoreHandle> {
  const { db, error } = await openDatabase(
    config.dbName,
    // Only what was injected: an explicit `undefined` would hide Dexie's global defaults.
    {
      ...(config.indexedDB && { indexedDB: config.indexedDB }),
      ...(config.IDBKeyRange && { IDBKeyRange: config.IDBKeyRange }),
    },
    {
      timeoutMs: config.openTimeoutMs,
      onUpgrading: () => setDatabaseUpdating(true),
    },
  );
  if (db) {
    try {
      await serialized(() => rebuildOnce(db));
      return { index: new DatabaseIndex(db), db, usingBundledFallback: false };
    } catch (rebuildError) {
      db.close();
      return fallback(`Rebuilding the database failed: ${String(rebuildError)}`);
    }
  }
  return fallback(error ?? 'The database could not be opened.');
}

function fallback(reason: string): StoreHandle {
  failedAt = Date.now();
  console.warn('[picket] using the bundled pack from memory:', reason);
  const { pack } = bundledPack();
  const rows = pack ? [packToRows(pack, 'bundled', new Date(0).toISOString())] : [];
  return {
    index: new MemoryIndex(rows),
    db: null,
    usingBundledFallback: true,
    databaseError: reason,
  };
}

/**
 * The store a pack change writes to: opened before the change was queued (see `queued`), so
 * calling getStore() here could wait on the queue the change is holding.
 */
export function openedStore(): StoreHandle {
  return current ?? fallback('the database was not opened');
}
