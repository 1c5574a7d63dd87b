// The pack store's status: whether its database opened or it serves the bundled pack from memory.
import { getStore } from './store-open';

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
