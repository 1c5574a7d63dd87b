// The other pack changes: switch on or off, remove, export, subscription bookkeeping, and
// clearing all data.
import { browser } from 'wxt/browser';
import { bundledPack } from './bundled';
import { allPackIds, effectivePack } from './cache-source';
import { dropCache, rebuild } from './cache-write';
import { KEPT_ON_CLEAR } from './items';
import { commit } from './pack-commit';
import { getStore, notifyChange, queued, serialized } from './store-open';
import { bumpPacksRevision, readRegistry, StoreError, writeUserData } from './userdata';
import type { PackRegistry, SubscriptionRecord } from './userdata-types';

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

/**
 * Deletes every pack the user added, every setting and the database cache, then rebuilds the
 * cache from the bundled pack alone.
 */
export function clearAllData(): Promise<void> {
  return queued(async () => {
    // Everything goes except what KEPT_ON_CLEAR names (storage/items.ts).
    const everything = await browser.storage.local.get(null);
    const kept = new Set(KEPT_ON_CLEAR);
    await browser.storage.local.remove(Object.keys(everything).filter((key) => !kept.has(key)));
    const store = await getStore();
    if (store.db) {
      await dropCache(store.db);
      await rebuild(store.db, await readRegistry());
    }
    notifyChange();
    await bumpPacksRevision();
  });
}
