// The pack store: storage.local holds what the user added (the truth), the database holds a
// rebuildable cache of every enabled pack. All pack changes go through here, one at a time, and
// each is atomic: on any failure storage.local and the database are as they were before.
import { browser } from 'wxt/browser';
import type { Pack, PackResult } from '../core/pack/types';
import { validatePack, validatePackText } from '../core/pack/validate';
import { bundledPack } from './bundled';
import {
  DATA_VERSION,
  DEFAULT_DB_NAME,
  openDatabase,
  type DatabaseOptions,
  type PicketDatabase,
} from './db';
import { setDatabaseUpdating } from './open-state';
import { AFTER_ALL, DatabaseIndex, MemoryIndex, type PackIndex } from './pack-index';
import type { PackOrigin } from '../core/store-views';
import { PARTICIPANTS_PER_BLOCK, packToRows, type PackRows } from './rows';
import {
  bumpPacksRevision,
  readPackText,
  readRegistry,
  restoreUserData,
  snapshotUserData,
  StoreError,
  writeUserData,
  type PackRegistry,
  type PackSource,
  type StoredPackRecord,
  type SubscriptionRecord,
} from './userdata';

export { StoreError } from './userdata';

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
/** Blocks per bulkAdd inside a pack's transaction (~10,000 participants): one transaction. */
const CHUNK_BLOCKS = 40;

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

function notifyChange(): void {
  for (const listener of changeListeners) listener();
}

/** Runs pack changes one after another, so two imports never interleave their writes. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * A pack change: the store is opened (and rebuilt if stale) first, outside the queue, because
 * opening queues its own rebuild and would otherwise wait for the task that waits for it.
 */
async function queued<T>(task: () => Promise<T>): Promise<T> {
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

// ---------------------------------------------------------------------------------------------
// What the cache should contain

interface EffectivePack {
  pack: Pack;
  origin: PackOrigin;
  installedAt: string;
  text?: string;
  /** The pack's rows, when the caller already computed them (a million accounts take seconds). */
  rows?: PackRows;
}

/**
 * Re-validates a stored pack text. Not validatePackText: its 10 MB limit is a limit on what a
 * user may hand us as text, and a pack imported as an object (importPackObject, up to 1,000,000
 * accounts) is stored as text of 40 MB or more. Holding the stored copy to the text limit made
 * every read of such a pack fail, so it was silently left out of the database.
 */
function validateStoredText(text: string): PackResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return validatePackText(text); // not JSON: its verdict says so, with the parser's message
  }
  return validatePack(parsed);
}

function rowsOf(effective: EffectivePack): PackRows {
  return effective.rows ?? packToRows(effective.pack, effective.origin, effective.installedAt);
}

/** Identifies the inputs a cache was built from; a mismatch means rebuild. */
function sourceSignature(registry: PackRegistry): string {
  const { pack } = bundledPack();
  // The corrections address too: a build may set it (PICKET_CORRECTIONS) without a new version.
  const bundled = pack ? `${pack.id}@${pack.version}|${pack.publisher.corrections ?? ''}` : 'none';
  return `${DATA_VERSION}|${registry.revision}|${bundled}`;
}

/**
 * The pack that should be active for `packId`, if any. A stored pack with the bundled pack's id
 * only wins while it is newer: an extension update that bundles a newer version takes over.
 */
async function effectivePack(
  packId: string,
  registry: PackRegistry,
  { includeDisabled = false } = {},
): Promise<EffectivePack | null> {
  if (!includeDisabled && registry.disabled.includes(packId)) return null;
  const bundled = bundledPack().pack;
  const record = registry.packs.find((p) => p.id === packId);
  if (record && !(bundled?.id === packId && bundled.version >= record.version)) {
    const text = await readPackText(packId);
    if (text !== null) {
      const result = validateStoredText(text);
      if (result.ok) {
        return { pack: result.pack, origin: record.origin, installedAt: record.installedAt, text };
      }
      console.warn(`[picket] stored pack ${packId} no longer validates; skipped`);
    }
  }
  if (bundled?.id === packId) {
    return { pack: bundled, origin: 'bundled', installedAt: new Date(0).toISOString() };
  }
  return null;
}

function isEnabled(packId: string, registry: PackRegistry): boolean {
  return allPackIds(registry).includes(packId) && !registry.disabled.includes(packId);
}

function unreadable(packId: string): Error {
  return new Error(
    `the stored copy of "${packId}" could not be read back, so it could not be indexed`,
  );
}

function allPackIds(registry: PackRegistry): string[] {
  const ids = new Set(registry.packs.map((p) => p.id));
  const bundled = bundledPack().pack;
  if (bundled) ids.add(bundled.id);
  return [...ids];
}

// ---------------------------------------------------------------------------------------------
// Writing the cache

async function readSource(db: PicketDatabase): Promise<string | undefined> {
  const row = await db.meta.get('source');
  return typeof row?.value === 'string' ? row.value : undefined;
}

/**
 * Rebuilds if stale, unless another context (the background, or an open popup or options page)
 * is rebuilding right now: then this one reads what is there instead of doing the same work
 * twice, or waiting minutes behind a million-row pack. Web Locks span all of an extension's
 * contexts; where they are missing (tests, old browsers) the rebuild simply runs.
 */
async function rebuildOnce(db: PicketDatabase): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return rebuildIfStale(db);
  let busyElsewhere = false;
  await locks.request(REBUILD_LOCK, { ifAvailable: true }, async (lock) => {
    if (lock) await rebuildIfStale(db);
    else busyElsewhere = true;
  });
  // Right after install the other context is writing the very first cache: an empty database
  // would read as "no pack enabled", so wait for that build (one small pack) instead.
  if (busyElsewhere && (await db.packs.count()) === 0) {
    await locks.request(REBUILD_LOCK, () => rebuildIfStale(db));
  }
}
const REBUILD_LOCK = 'picket:rebuild';

async function withRebuildLock(task: () => Promise<void>): Promise<void> {
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
 * Brings every pack in line with storage.local, one transaction per pack; unchanged packs stay.
 * `changed` is the pack a change is about: it must come out as `expected` (present or absent), or
 * the rebuild throws instead of leaving it out of the database without a word.
 */
async function rebuild(
  db: PicketDatabase,
  registry: PackRegistry,
  changed?: { packId: string; expected: EffectivePack | null },
): Promise<void> {
  const wanted = new Set<string>();
  // Rows written by other code (older or newer) may mean something else: rewrite every pack then.
  const rowsCurrent = (await db.meta.get('dataVersion'))?.value === DATA_VERSION;
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
      rowsCurrent &&
      existing &&
      existing.version === effective.pack.version &&
      existing.origin === effective.origin &&
      existing.installedAt === effective.installedAt &&
      existing.corrections === effective.pack.publisher.corrections
    ) {
      continue;
    }
    await writePackRows(db, id, rowsOf(effective));
  }
  for (const id of await db.packs.toCollection().primaryKeys()) {
    if (!wanted.has(id)) await writePackRows(db, id, null);
  }
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
}

/**
 * Replaces every row of one pack (or deletes them, with `rows` null) in ONE transaction: a
 * failure anywhere, even after thousands of rows, leaves the previous rows intact (checklist E6).
 */
async function writePackRows(
  db: PicketDatabase,
  packId: string,
  rows: PackRows | null,
  options: WriteOptions = {},
): Promise<void> {
  const tables = [
    db.packs,
    db.campaigns,
    db.participantBlocks,
    db.handleBlocks,
    db.directories,
    db.lookup,
    db.meta,
  ];
  await db.transaction('rw', tables, async () => {
    await db.packs.delete(packId);
    await db.campaigns.where('packId').equals(packId).delete();
    await db.directories.where('packId').equals(packId).delete();
    await db.participantBlocks.where(':id').between([packId], [packId, AFTER_ALL]).delete();
    await db.handleBlocks.where(':id').between([packId], [packId, AFTER_ALL]).delete();
    await db.lookup.delete(packId);
    if (rows) {
      // Progress counts participants, one block at a time.
      const total = rows.participants.length;
      let done = 0;
      await db.campaigns.bulkAdd(rows.campaigns);
      for (const blocks of rows.blocks) {
        await db.directories.add(blocks.directory);
        await db.handleBlocks.bulkAdd(blocks.handleBlocks);
        for (let start = 0; start < blocks.participantBlocks.length; start += CHUNK_BLOCKS) {
          const chunk = blocks.participantBlocks.slice(start, start + CHUNK_BLOCKS);
          await db.participantBlocks.bulkAdd(chunk);
          done = Math.min(total, done + chunk.length * PARTICIPANTS_PER_BLOCK);
          options.onProgress?.(done, total);
        }
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

/**
 * Applies a registry change: storage.local first (one atomic set), then the pack's rows. If the
 * database write fails, storage.local is put back, so the change either happened everywhere or
 * nowhere.
 */
async function commit(
  packId: string,
  next: PackRegistry,
  texts: { set?: Record<string, string>; remove?: string[] },
  options: WriteOptions & { previous: PackRegistry; installed?: EffectivePack },
): Promise<void> {
  const snapshot = await snapshotUserData([packId]);
  await writeUserData({ registry: next, setTexts: texts.set, removeTexts: texts.remove });
  // Opened before the task was queued (see `queued`); calling getStore() here could wait on the
  // queue this task is holding.
  const store = current ?? fallback('the database was not opened');
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
        if (wasInSync) {
          await writePackRows(db, packId, effective ? rowsOf(effective) : null, {
            onProgress: options.onProgress,
            source: sourceSignature(next),
          });
        } else {
          await rebuild(db, next, { packId, expected: effective });
        }
      });
    }
    // Without a database the change lives in storage.local and reaches the cache when the
    // database opens again; the fallback keeps showing the bundled pack meanwhile.
  } catch (error) {
    await restoreUserData(snapshot);
    throw new StoreError(
      `Could not write the pack to the local database (${String(error)}). Nothing was changed.`,
      'database',
    );
  }
  notifyChange();
  await bumpPacksRevision();
}

// ---------------------------------------------------------------------------------------------
// Public operations

export interface InstallOptions extends WriteOptions {
  origin: Exclude<PackOrigin, 'bundled'>;
  subscription?: SubscriptionRecord;
  /**
   * The user was shown both publishers and chose to replace the installed pack that has this id
   * but comes from elsewhere. Only the options page's confirm step sets it.
   */
  replace?: boolean;
}

/**
 * Validates and installs a pack given as text (an imported file or a downloaded subscription).
 * Rules: a pack id belongs to where it first came from (see `install`); a stored pack is only
 * replaced by the same or a greater version from that same source.
 */
export function importPackText(
  text: string,
  options: InstallOptions,
): Promise<{ packId: string; version: number }> {
  const result = validatePackText(text);
  if (!result.ok) {
    const first = result.issues
      .slice(0, 3)
      .map((i) => `${i.path || '/'}: ${i.message}`)
      .join('; ');
    return Promise.reject(
      Object.assign(new StoreError(`This is not a valid campaign pack: ${first}`, 'invalid'), {
        issues: result.issues,
      }),
    );
  }
  return queued(() => install(result.pack, text, options));
}

/**
 * Validates and installs a pack given as an object — the way in for packs too big to travel as
 * text (a 1,000,000-account pack is ≥ 40 MB of JSON, over the 10 MB text limit). Usable from the
 * background and from any extension page (the bench's store page calls it):
 *
 *     import { importPackObject } from '../storage/store';
 *     await importPackObject(pack, { origin: 'imported', onProgress: (done, total) => … });
 *
 * Same rules and atomicity as an imported file. The pack is kept in storage.local as gzipped
 * JSON (about 0.5 MB per 100,000 generated accounts), so it counts against the ~10 MB quota
 * like any import; the database write is one transaction for the whole pack.
 */
export function importPackObject(
  value: unknown,
  options: InstallOptions,
): Promise<{ packId: string; version: number }> {
  const result = validatePack(value);
  if (!result.ok) {
    return Promise.reject(
      Object.assign(new StoreError('This is not a valid campaign pack.', 'invalid'), {
        issues: result.issues,
      }),
    );
  }
  return queued(() => install(result.pack, JSON.stringify(value), options));
}

/** Where an installed pack came from. */
function installedSource(record: StoredPackRecord): PackSource {
  return {
    publisherName: record.publisherName,
    origin: record.origin,
    ...(record.subscription && { url: record.subscription.url }),
  };
}

/**
 * Files are one source (importing a newer file updates the pack); a subscription is its address
 * together with the key pinned for it, so neither another address nor another key is the same.
 */
function sameSource(record: StoredPackRecord, options: InstallOptions): boolean {
  if (record.origin !== options.origin) return false;
  if (record.origin === 'imported') return true;
  return (
    record.subscription !== undefined &&
    options.subscription !== undefined &&
    record.subscription.url === options.subscription.url &&
    record.subscription.publicKey === options.subscription.publicKey
  );
}

function describeSource(source: PackSource): string {
  const from =
    source.origin === 'bundled'
      ? 'built into Picket'
      : source.origin === 'subscribed'
        ? `subscribed from ${source.url ?? 'an address'}`
        : 'imported from a file';
  return `"${source.publisherName}" (${from})`;
}

/**
 * A pack id belongs to the source that first installed it: the built-in pack's id to Picket
 * itself, always; any other id to its file import or its subscription. Another source is refused
 * with both publishers named, unless the user chose to replace after seeing them.
 */
function checkOwnership(
  pack: Pack,
  existing: StoredPackRecord | undefined,
  options: InstallOptions,
): void {
  const incoming: PackSource = {
    publisherName: pack.publisher.name,
    origin: options.origin,
    ...(options.subscription && { url: options.subscription.url }),
  };
  const bundled = bundledPack().pack;
  if (bundled && pack.id === bundled.id) {
    throw new StoreError(
      `"${pack.id}" is the id of the pack built into Picket (${bundled.publisher.name}); ` +
        `a pack from a file or a subscription cannot take it. This one, from ` +
        `${describeSource(incoming)}, was not installed.`,
      'refused',
      {
        packId: pack.id,
        installed: { publisherName: bundled.publisher.name, origin: 'bundled' },
        incoming,
      },
    );
  }
  if (!existing || sameSource(existing, options) || options.replace) return;
  const installed = installedSource(existing);
  throw new StoreError(
    `The pack id "${pack.id}" already belongs to ${describeSource(installed)}; this pack comes ` +
      `from ${describeSource(incoming)}. It was not installed. To replace the installed pack, ` +
      `confirm it in the options page.`,
    'conflict',
    { packId: pack.id, installed, incoming },
  );
}

async function install(
  pack: Pack,
  text: string,
  options: InstallOptions,
): Promise<{ packId: string; version: number }> {
  const registry = await readRegistry();
  const existing = registry.packs.find((p) => p.id === pack.id);
  checkOwnership(pack, existing, options);
  // Versions only compare within one source: a replacement from another one starts afresh.
  if (existing && sameSource(existing, options) && pack.version < existing.version) {
    throw new StoreError(
      `Version ${existing.version} of "${pack.id}" is already installed; this file is version ` +
        `${pack.version}. Remove the installed one first to go back.`,
      'refused',
    );
  }
  const installedAt = new Date().toISOString();
  // Computed once: the summary below and the database write both come from these rows.
  const rows = packToRows(pack, options.origin, installedAt);
  const summary = rows.pack;
  const record: StoredPackRecord = {
    id: pack.id,
    origin: options.origin,
    version: pack.version,
    updatedAt: pack.updatedAt,
    installedAt,
    publisherName: summary.publisherName,
    corrections: summary.corrections,
    campaignCount: summary.campaignCount,
    participantCount: summary.participantCount,
    accountCount: summary.accountCount,
    subscription: options.subscription,
  };
  const next: PackRegistry = {
    revision: registry.revision + 1,
    packs: [...registry.packs.filter((p) => p.id !== pack.id), record],
    disabled: registry.disabled.filter((id) => id !== pack.id),
  };
  await commit(
    pack.id,
    next,
    { set: { [pack.id]: text } },
    {
      ...options,
      previous: registry,
      installed: { pack, origin: options.origin, installedAt, text, rows },
    },
  );
  return { packId: pack.id, version: pack.version };
}

export function setPackEnabled(packId: string, enabled: boolean): Promise<void> {
  return queued(async () => {
    const registry = await readRegistry();
    if (!allPackIds(registry).includes(packId)) {
      throw new StoreError(`No pack "${packId}" is installed.`, 'not-found');
    }
    if (registry.disabled.includes(packId) === !enabled) return;
    const next: PackRegistry = {
      ...registry,
      revision: registry.revision + 1,
      disabled: enabled
        ? registry.disabled.filter((id) => id !== packId)
        : [...registry.disabled, packId],
    };
    await commit(packId, next, {}, { previous: registry });
  });
}

export function removePack(packId: string): Promise<void> {
  return queued(async () => {
    const registry = await readRegistry();
    if (!registry.packs.some((p) => p.id === packId)) {
      if (bundledPack().pack?.id === packId) {
        throw new StoreError(
          'The built-in pack cannot be removed; switch it off instead.',
          'refused',
        );
      }
      throw new StoreError(`No pack "${packId}" is installed.`, 'not-found');
    }
    const next: PackRegistry = {
      revision: registry.revision + 1,
      packs: registry.packs.filter((p) => p.id !== packId),
      // A removed pack that shadowed the bundled one gives the bundled one back, enabled or not
      // as the user had it; any other id has nothing left to disable.
      disabled: registry.disabled.filter(
        (id) => id !== packId || bundledPack().pack?.id === packId,
      ),
    };
    await commit(packId, next, { remove: [packId] }, { previous: registry });
  });
}

/** The pack's JSON text, exactly as imported (the bundled pack is serialized), and a file name. */
export async function exportPack(packId: string): Promise<{ text: string; fileName: string }> {
  const registry = await readRegistry();
  const effective = await effectivePack(packId, registry, { includeDisabled: true });
  if (!effective) throw new StoreError(`No pack "${packId}" is installed.`, 'not-found');
  return {
    text: effective.text ?? JSON.stringify(effective.pack, null, 2),
    fileName: `${packId}-v${effective.pack.version}.json`,
  };
}

/** Records subscription bookkeeping (etag, lastCheckedAt, lastError); never changes the cache. */
export function updateSubscription(
  packId: string,
  change: (current: SubscriptionRecord) => SubscriptionRecord,
): Promise<void> {
  return serialized(async () => {
    const registry = await readRegistry();
    const record = registry.packs.find((p) => p.id === packId);
    if (!record?.subscription) return;
    await writeUserData({
      registry: {
        ...registry,
        packs: registry.packs.map((p) =>
          p.id === packId && p.subscription ? { ...p, subscription: change(p.subscription) } : p,
        ),
      },
    });
  });
}

/** storage.local keys "clear all data" keeps (see clearAllData). */
const KEPT_ON_CLEAR = ['remindersFired'];

/**
 * Deletes every pack the user added, every setting and the database cache, then rebuilds the
 * cache from the bundled pack alone.
 */
export function clearAllData(): Promise<void> {
  return queued(async () => {
    // Everything goes except the record of reminders already shown: forgetting it would show
    // today's notification a second time. It holds no user data (reminder ids and times).
    const everything = await browser.storage.local.get(null);
    const kept = new Set(KEPT_ON_CLEAR.flatMap((key) => [key, `${key}$`]));
    await browser.storage.local.remove(Object.keys(everything).filter((key) => !kept.has(key)));
    const store = await getStore();
    if (store.db) {
      const db = store.db;
      await db.transaction('rw', db.tables, () =>
        Promise.all(db.tables.map((table) => table.clear())),
      );
      await rebuild(db, await readRegistry());
    }
    notifyChange();
    await bumpPacksRevision();
  });
}

export interface StoreStatus {
  databaseAvailable: boolean;
  usingBundledFallback: boolean;
  databaseError?: string;
}

export async function getStoreStatus(): Promise<StoreStatus> {
  const store = await getStore();
  return {
    databaseAvailable: store.db !== null,
    usingBundledFallback: store.usingBundledFallback,
    databaseError: store.databaseError,
  };
}

export { readRegistry } from './userdata';
export type {
  PackConflict,
  PackRegistry,
  PackSource,
  StoredPackRecord,
  SubscriptionRecord,
} from './userdata';
