// The IndexedDB cache of the enabled packs (Dexie). Used only by the background and extension
// pages: a content script's IndexedDB would belong to instagram.com (checklist pitfall 4).
// Everything here can be rebuilt from storage.local + the bundled pack, so an upgrade may
// recompute rows but must never be the only copy of anything the user made.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { displayHandle } from '../core/accounts';
import type {
  CampaignEvent,
  CoalitionMember,
  Demand,
  Participant,
  ParticipantRole,
  Platform,
  Source,
} from '../core/pack/types';
import type { PackOrigin } from './queries';
import { accountKeys as accountKeysOf } from './rows';

export const DEFAULT_DB_NAME = 'picket';
/** What the rows mean; written to `meta` so older or newer code can tell what it is reading. */
export const DATA_VERSION = 2;

export interface PackRow {
  id: string;
  version: number;
  updatedAt: string;
  publisherName: string;
  corrections?: string;
  origin: PackOrigin;
  campaignCount: number;
  participantCount: number;
  accountCount: number;
  installedAt: string;
}

export interface CampaignRow {
  /** `<packId>/<campaignId>` */
  key: string;
  packId: string;
  id: string;
  /** Where the campaign is in its pack: lists keep the publisher's order. */
  position: number;
  name: string;
  hashtag?: string;
  summary?: string;
  url?: string;
  target?: string;
  coalition: CoalitionMember[];
  demands: Demand[];
  events: CampaignEvent[];
  participantCount: number;
  /** Participants per role, so a role-filtered list knows its total without a scan. */
  roleCounts: Partial<Record<ParticipantRole, number>>;
  corrections?: string;
}

export interface ParticipantRow {
  packId: string;
  campaignId: string;
  id: string;
  campaignKey: string;
  /** Lower-cased name: the prefix index for search. */
  nameLower: string;
  /** Lower-cased handles and `id:` keys, for substring search without touching `accounts`. */
  handlesLower: string[];
  participant: Participant;
  /** The participant's sources resolved from the campaign's list, in the order it cites them. */
  resolvedSources: Source[];
}

/**
 * One account key of one pack: everything a lookup needs to go from a key to its participants.
 * Keyed by `<packId>|<platform>|<key>` so a batch of keys is one `bulkGet` per enabled pack
 * (measured in Chromium, 100,000 rows: bulkGet of 200 keys ≈ 10 ms, the same through a compound
 * index with `anyOf` ≈ 1–2 s, because Dexie walks the index for compound `anyOf`).
 */
export interface AccountRow {
  id: string;
  packId: string;
  platform: Platform;
  /** Lookup key per core/accounts.ts (lower-case handle, or `id:<digits>` on Facebook). */
  key: string;
  /** The `data-handle` a badge carries for this account. */
  handle: string;
  /** Every participant of the pack with this account (one per campaign, usually one). */
  refs: { campaignId: string; participantId: string }[];
}

/** One account of one participant: what a lookup hands on (an AccountRow flattened). */
export interface AccountMatch {
  packId: string;
  campaignId: string;
  platform: Platform;
  key: string;
  participantId: string;
  handle: string;
}

export function accountRowId(packId: string, platform: Platform, key: string): string {
  return `${packId}|${platform}|${key}`;
}

/** Version 1's account row (table `accountIndex`), kept to describe the upgrade. */
export interface AccountRowV1 {
  packId: string;
  campaignId: string;
  platform: Platform;
  key: string;
  participantId: string;
  handle: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface DatabaseOptions {
  /** Injected by tests (fake-indexeddb factory, or one whose `open` throws). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * Schema version 1: accounts in `accountIndex`, one row per account and participant, found
 * through a compound `[platform+key]` index; Facebook accounts only under their vanity; no `meta`.
 */
export const SCHEMA_V1 = {
  packs: 'id',
  campaigns: 'key, packId',
  participants: '[packId+campaignId+id], [packId+campaignId+nameLower]',
  accountIndex: '[packId+campaignId+platform+key+participantId], [platform+key]',
};
/**
 * Schema version 2: accounts keyed `<packId>|<platform>|<key>` (bulkGet instead of an index
 * walk; no secondary index, so imports write one B-tree instead of two), numeric Facebook ids
 * under their own `id:` key, and `meta` (dataVersion, source revision).
 */
export const SCHEMA_V2 = {
  packs: 'id',
  campaigns: 'key, packId',
  participants: '[packId+campaignId+id], [packId+campaignId+nameLower]',
  accounts: 'id',
  meta: 'key',
  accountIndex: null,
};

export class PicketDatabase extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  campaigns!: EntityTable<CampaignRow, 'key'>;
  participants!: Dexie.Table<ParticipantRow, [string, string, string]>;
  accounts!: EntityTable<AccountRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DEFAULT_DB_NAME, options: DatabaseOptions = {}) {
    super(name, { ...options, autoOpen: false });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}

/**
 * v1 → v2: rebuild the account rows from the participants (which carry every account, numeric
 * Facebook ids included), then record the data version. Idempotent: rows are keyed, so running
 * it again puts the same rows.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const rows = new Map<string, AccountRow>();
  await tx.table<ParticipantRow>('participants').each((participant) => {
    for (const account of participant.participant.accounts) {
      const handle = displayHandle(account);
      for (const key of accountKeysOf(account)) {
        const id = accountRowId(participant.packId, account.platform, key);
        const ref = { campaignId: participant.campaignId, participantId: participant.id };
        const row = rows.get(id);
        if (!row) {
          rows.set(id, {
            id,
            packId: participant.packId,
            platform: account.platform,
            key,
            handle,
            refs: [ref],
          });
        } else if (
          !row.refs.some(
            (r) => r.campaignId === ref.campaignId && r.participantId === ref.participantId,
          )
        ) {
          row.refs.push(ref);
        }
      }
    }
  });
  if (rows.size) await tx.table<AccountRow>('accounts').bulkPut([...rows.values()]);
  await tx.table<MetaRow>('meta').put({ key: 'dataVersion', value: DATA_VERSION });
}

/**
 * Opens the database, giving up after `timeoutMs` so a blocked upgrade (another connection that
 * ignores `versionchange`) or a broken IndexedDB (Firefox private mode) degrades instead of
 * hanging (checklist G3). Resolves to null on failure; never rejects.
 */
export async function openDatabase(
  name: string,
  options: DatabaseOptions = {},
  timeoutMs = 2_000,
): Promise<{ db: PicketDatabase | null; error?: string }> {
  let db: PicketDatabase;
  try {
    db = new PicketDatabase(name, options);
  } catch (error) {
    return { db: null, error: describe(error) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([db.open().then(() => 'open' as const), timedOut]);
    if (outcome === 'timeout') {
      // Closing a pending open makes Dexie abandon it, so it cannot complete behind our back.
      db.close();
      return { db: null, error: `Opening the database took longer than ${timeoutMs} ms.` };
    }
    return { db };
  } catch (error) {
    db.close();
    return { db: null, error: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
