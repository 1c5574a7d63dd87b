// The pack store: storage.local holds what the user added (the truth), the database holds a
// rebuildable cache of every enabled pack. All pack changes go through here, one at a time, and
// each is atomic: on any failure storage.local and the database are as they were before.
import { getStore } from './store-open';

export {
  closeStore,
  configureStore,
  getStore,
  onStoreChange,
  type StoreConfig,
  type StoreHandle,
} from './store-open';
export type { WriteOptions } from './cache-write';
export type { InstallOptions } from './pack-ownership';
export { importPackObject, importPackText } from './pack-import';
export {
  clearAllData,
  exportPack,
  removePack,
  setPackEnabled,
  updateSubscription,
} from './pack-changes';
export { readRegistry, StoreError } from './userdata';
export type {
  PackConflict,
  PackRegistry,
  PackSource,
  StoredPackRecord,
  SubscriptionRecord,
} from './userdata';

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
