// User-authored pack data in storage.local: the source of truth the database is rebuilt from.
// Imported and subscribed packs are kept as their exact validated JSON text, so an export gives
// back what was imported and a rebuild re-validates nothing it did not check.
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { packsRevisionItem, packTextKey, registryItem } from './items';
import { decodeText, encodeText, type StoredText } from './pack-text';
import type { PackConflict, PackRegistry } from './userdata-types';

const REGISTRY_KEY = registryItem.key;

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'quota'
      | 'storage'
      | 'database'
      | 'invalid'
      | 'refused'
      | 'not-found'
      | 'conflict'
      | 'cancelled',
    /** Set with code 'conflict', and when the built-in pack's id was refused. */
    readonly conflict?: PackConflict,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const QUOTA_MESSAGE =
  'Not enough space to store this pack: the browser gives extensions about 10 MB. ' +
  'Remove a pack you no longer use, or ask the publisher for a smaller one.';

function isQuotaError(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.name} ${error.message}`
      : typeof error === 'string'
        ? error
        : '';
  return /quota/i.test(text);
}

export async function readRegistry(): Promise<PackRegistry> {
  const stored = await registryItem.getValue();
  return {
    revision: typeof stored.revision === 'number' ? stored.revision : 0,
    packs: Array.isArray(stored.packs) ? stored.packs : [],
    disabled: Array.isArray(stored.disabled) ? stored.disabled : [],
  };
}

export async function readPackText(packId: string): Promise<string | null> {
  const stored = await storage.getItem<StoredText>(packTextKey(packId));
  if (!stored) return null;
  return decodeText(stored);
}

/**
 * Writes the registry and any pack texts in ONE storage.local.set, so a quota failure leaves
 * everything as it was (the browser checks the quota before applying a set). Texts listed in
 * `removeTexts` go afterwards: a failure there only leaves an orphan the registry ignores.
 */
export async function writeUserData(change: {
  registry: PackRegistry;
  setTexts?: Record<string, string>;
  removeTexts?: string[];
}): Promise<void> {
  const items: { key: StorageItemKey; value: unknown }[] = [
    { key: REGISTRY_KEY, value: change.registry },
  ];
  for (const [packId, text] of Object.entries(change.setTexts ?? {})) {
    items.push({ key: packTextKey(packId), value: await encodeText(text) });
  }
  try {
    await storage.setItems(items);
  } catch (error) {
    if (isQuotaError(error)) throw new StoreError(QUOTA_MESSAGE, 'quota');
    throw new StoreError(`Could not save to browser storage: ${String(error)}`, 'storage');
  }
  if (change.removeTexts?.length) {
    await storage.removeItems(change.removeTexts.map(packTextKey)).catch(() => undefined);
  }
}

/** What `restoreUserData` needs to put things back exactly as they were (absent keys included). */
export async function snapshotUserData(packIds: string[]): Promise<{
  registry: PackRegistry | null;
  texts: Map<string, StoredText | null>;
}> {
  const registry = await storage.getItem<PackRegistry>(REGISTRY_KEY);
  const texts = new Map<string, StoredText | null>();
  for (const id of packIds) texts.set(id, await storage.getItem<StoredText>(packTextKey(id)));
  return { registry, texts };
}

export async function restoreUserData(snapshot: {
  registry: PackRegistry | null;
  texts: Map<string, StoredText | null>;
}): Promise<void> {
  const items: { key: StorageItemKey; value: unknown }[] = [];
  const removed: StorageItemKey[] = [];
  if (snapshot.registry) items.push({ key: REGISTRY_KEY, value: snapshot.registry });
  else removed.push(REGISTRY_KEY);
  for (const [id, stored] of snapshot.texts) {
    if (stored) items.push({ key: packTextKey(id), value: stored });
    else removed.push(packTextKey(id));
  }
  if (items.length) await storage.setItems(items);
  if (removed.length) await storage.removeItems(removed);
}

export async function bumpPacksRevision(): Promise<number> {
  const previous = await packsRevisionItem.getValue();
  // Monotonic even after "clear all data" reset the counter: watchers only see changes.
  const next = Math.max(previous + 1, Date.now());
  await packsRevisionItem.setValue(next);
  return next;
}
