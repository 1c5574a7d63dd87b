// Store helpers for the store and background tests: a fresh database per test.
import type { PicketDatabase } from '../../../storage/db';
import type { ParticipantRow } from '../../../storage/schema';
import { configureStore, closeStore } from '../../../storage/store-open';

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

/** Every participant row cached for a pack (or all packs), read back from its blocks. */
export async function cachedParticipants(
  db: PicketDatabase,
  packId?: string,
): Promise<ParticipantRow[]> {
  const blocks = await db.participantBlocks.toArray();
  return blocks
    .filter((b) => packId === undefined || b.packId === packId)
    .flatMap((b) => JSON.parse(b.rows) as ParticipantRow[]);
}
