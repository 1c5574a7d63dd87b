// Store helpers for the store and background tests: a fresh database per test.
import { configureStore, closeStore } from '../../../storage/store';

let dbCounter = 0;

/** Points the store at a database no other test has used. */
export function freshStore(options: Parameters<typeof configureStore>[0] = {}): string {
  const dbName = `picket-test-${Date.now()}-${++dbCounter}`;
  configureStore({ dbName, ...options });
  return dbName;
}

export function resetStore(): void {
  closeStore();
}

export * from './fixtures';
