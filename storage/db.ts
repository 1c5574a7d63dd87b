// The IndexedDB cache of the enabled packs (Dexie). Used only by the background and extension
// pages: a content script's IndexedDB would belong to instagram.com, not to the extension.
// Everything here is rebuilt from the bundled pack and storage.local, so a database of an older
// schema is emptied on open and never converted.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import {
  CACHE_SCHEMA,
  DEFAULT_DB_NAME,
  SCHEMA_VERSION,
  type CampaignDirectoryRow,
  type CampaignRow,
  type HandleBlockRow,
  type LookupIndexRow,
  type MetaRow,
  type PackRow,
  type ParticipantBlockRow,
} from './schema';

export interface DatabaseOptions {
  /** Injected by tests (fake-indexeddb factory, or one whose `open` throws). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class PicketDatabase extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  campaigns!: EntityTable<CampaignRow, 'key'>;
  participantBlocks!: Dexie.Table<ParticipantBlockRow, [string, string, number]>;
  handleBlocks!: Dexie.Table<HandleBlockRow, [string, string, number]>;
  directories!: EntityTable<CampaignDirectoryRow, 'key'>;
  lookup!: EntityTable<LookupIndexRow, 'packId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Called as the upgrade of a database of an older schema starts. */
  onUpgradeStart?: () => void;

  constructor(name: string = DEFAULT_DB_NAME, options: DatabaseOptions = {}) {
    super(name, { ...options, autoOpen: false });
    // Only the current schema: Dexie reads the one on disk, drops the tables it no longer
    // declares and creates the new ones; the upgrade below empties what is left.
    this.version(SCHEMA_VERSION)
      .stores(CACHE_SCHEMA)
      .upgrade((tx) => {
        this.onUpgradeStart?.();
        return this.dropCache(tx);
      });
  }

  /**
   * Empties every table of a database written by an older schema: its rows may mean something
   * else, and the store rebuilds them from their sources once the database is open.
   */
  async dropCache(tx: Transaction): Promise<void> {
    await Promise.all(Object.keys(CACHE_SCHEMA).map((name) => tx.table(name).clear()));
  }
}
