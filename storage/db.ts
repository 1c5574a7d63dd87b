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
import type { PackOrigin } from '../core/store-views';
import { buildLookupIndex, type LookupIndexRow } from './lookup-index';
import {
  accountKeys as accountKeysOf,
  campaignBlocks,
  type CampaignDirectoryRow,
  type HandleBlockRow,
  type ParticipantBlockRow,
} from './rows';

export const DEFAULT_DB_NAME = 'picket';
/** What the rows mean; written to `meta` so older or newer code can tell what it is reading. */
export const DATA_VERSION = 4;

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
  /** The campaign's sources that its demands and events cite (screens show them by id). */
  sources: Source[];
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
  /**
   * Every source the participant cites (its own and its actions'), resolved from the campaign's
   * list, strongest first (core/pack/evidence.ts).
   */
  resolvedSources: Source[];
  /** Whether its evidence is strong enough for a badge; thin evidence is listed, never badged. */
  badgeable: boolean;
}

/** Version 2's account row (table `accounts`, one per account key), kept to describe the upgrade. */
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

/**
 * Schema version 3, for million-account packs (BENCHMARKS.md, findings §2–3): the `accounts` rows
 * (one per account key) give way to `lookup`, one row per pack holding its whole lookup index
 * (storage/lookup-index.ts); the `participants` rows (one per participant) give way to blocks in
 * name order with a directory per campaign (storage/rows.ts). A 1,000,000-account pack is then
 * ~1,000 rows instead of 1,100,000.
 */
export const SCHEMA_V3 = {
  packs: 'id',
  campaigns: 'key, packId',
  participantBlocks: '[packId+campaignId+block]',
  handleBlocks: '[packId+campaignId+block]',
  directories: 'key, packId',
  lookup: 'packId',
  meta: 'key',
  participants: null,
  accounts: null,
};

export class PicketDatabase extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  campaigns!: EntityTable<CampaignRow, 'key'>;
  participantBlocks!: Dexie.Table<ParticipantBlockRow, [string, string, number]>;
  handleBlocks!: Dexie.Table<HandleBlockRow, [string, string, number]>;
  directories!: EntityTable<CampaignDirectoryRow, 'key'>;
  lookup!: EntityTable<LookupIndexRow, 'packId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Called as an upgrade of the stored data starts (once per schema step). */
  onUpgradeStart?: () => void;

  constructor(name: string = DEFAULT_DB_NAME, options: DatabaseOptions = {}) {
    super(name, { ...options, autoOpen: false });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => {
        this.onUpgradeStart?.();
        return upgradeToV2(tx);
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => {
        this.onUpgradeStart?.();
        return upgradeToV3(tx);
      });
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
  await tx.table<MetaRow>('meta').put({ key: 'dataVersion', value: 2 });
}

/**
 * v2 → v3: each pack's participants into blocks with their directory, and its lookup index, built
 * from the rows already cached by the same functions a pack write uses (so an upgraded cache
 * answers like a fresh one). The `participants` and `accounts` tables are dropped by the schema,
 * after this has read them.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const campaigns = await tx.table<CampaignRow>('campaigns').toArray();
  const participants = await tx.table<ParticipantRow>('participants').toArray();
  const packIds = await tx.table<PackRow>('packs').toCollection().primaryKeys();
  for (const packId of packIds) {
    const own = campaigns
      .filter((c) => c.packId === packId)
      .sort((a, b) => a.position - b.position);
    // Pack order: campaigns by position (participants come in key order, which is fine within one).
    const rows = own.flatMap((c) =>
      participants.filter((p) => p.packId === packId && p.campaignId === c.id),
    );
    for (const campaign of own) {
      const blocks = campaignBlocks(
        packId,
        campaign.id,
        rows.filter((p) => p.campaignId === campaign.id),
      );
      await tx.table<CampaignDirectoryRow>('directories').put(blocks.directory);
      await tx.table<ParticipantBlockRow>('participantBlocks').bulkPut(blocks.participantBlocks);
      await tx.table<HandleBlockRow>('handleBlocks').bulkPut(blocks.handleBlocks);
    }
    await tx.table<LookupIndexRow>('lookup').put(buildLookupIndex(packId, own, rows));
  }
  // Version 3's rows, made from version 2's: the store rewrites them in today's shape on open.
  await tx.table<MetaRow>('meta').put({ key: 'dataVersion', value: 3 });
}

export interface OpenOptions {
  /**
   * How long an open may take before giving up. A blocked upgrade (another connection that
   * ignores `versionchange`) or a broken IndexedDB (Firefox private mode) degrades then instead
   * of hanging (checklist G3).
   */
  timeoutMs?: number;
  /**
   * How long an upgrade that is under way, in this context or another of the extension's, is
   * waited for: upgrading a big cache takes seconds, and giving up aborts it for good.
   */
  upgradeTimeoutMs?: number;
  /** Called once when this open turns out to wait for an upgrade under way. */
  onUpgrading?: () => void;
}

/** Held (Web Locks span all of an extension's contexts) while a context upgrades the database. */
const UPGRADE_LOCK = 'picket:upgrading';

function webLocks(): LockManager | undefined {
  return (globalThis.navigator as Navigator | undefined)?.locks;
}

/**
 * Whether an upgrade is under way or about to start elsewhere: another context holds the upgrade
 * lock, or the database on disk is still older than this code's (an upgrade another context
 * was stopped in the middle of is being rolled back, and this open is next in line).
 */
async function upgradeUnderWayElsewhere(
  factory: IDBFactory | undefined,
  name: string,
  version: number,
): Promise<boolean> {
  try {
    const state = await webLocks()?.query();
    if (state?.held?.some((lock) => lock.name === UPGRADE_LOCK)) return true;
    const stored = (await factory?.databases?.())?.find((info) => info.name === name);
    return stored?.version !== undefined && stored.version < version;
  } catch {
    return false;
  }
}

/**
 * Opens the database. Slow but progressing is waited for; blocked or failing gives up: after
 * `timeoutMs` the open carries on only while an upgrade is under way (here, or elsewhere: see
 * upgradeUnderWayElsewhere) and not blocked, for at most `upgradeTimeoutMs`; with no upgrade
 * under way anywhere for `timeoutMs`, it gives up. Resolves to null on failure; never rejects.
 */
export async function openDatabase(
  name: string,
  options: DatabaseOptions = {},
  { timeoutMs = 2_000, upgradeTimeoutMs = 10 * 60_000, onUpgrading }: OpenOptions = {},
): Promise<{ db: PicketDatabase | null; error?: string }> {
  let db: PicketDatabase;
  try {
    db = new PicketDatabase(name, options);
  } catch (error) {
    return { db: null, error: describe(error) };
  }
  let upgradingHere = false;
  let blocked = false;
  let notified = false;
  /** Set once this call has answered: an abandoned open that proceeds later changes nothing. */
  let settled = false;
  const notify = () => {
    if (notified || settled) return;
    notified = true;
    onUpgrading?.();
  };
  let releaseLock: () => void = () => undefined;
  db.onUpgradeStart = () => {
    if (upgradingHere || settled) return;
    upgradingHere = true;
    // Not awaited: the upgrade transaction must not wait on anything but IndexedDB.
    const done = new Promise<void>((resolve) => (releaseLock = resolve));
    void webLocks()
      ?.request(UPGRADE_LOCK, () => done)
      .catch(() => undefined);
    notify();
  };
  db.on('blocked', () => {
    blocked = true;
  });

  const opened = db.open().then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const started = Date.now();
  // After the first `timeoutMs`, look often: when the context that was upgrading stops (its
  // upgrade is rolled back), this open is next and starts the upgrade itself a moment later.
  const recheckMs = Math.min(250, timeoutMs);
  let lastProgressAt = started;
  try {
    for (let wait = timeoutMs; ; wait = recheckMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        opened,
        new Promise<'waiting'>((resolve) => {
          timer = setTimeout(() => resolve('waiting'), wait);
        }),
      ]);
      clearTimeout(timer);
      if (outcome !== 'waiting') {
        if (outcome.ok) return { db };
        db.close();
        return { db: null, error: describe(outcome.error) };
      }
      const now = Date.now();
      if (
        !blocked &&
        (upgradingHere ||
          (await upgradeUnderWayElsewhere(
            options.indexedDB ?? globalThis.indexedDB,
            name,
            Math.round(db.verno * 10),
          )))
      ) {
        lastProgressAt = now;
        notify();
      }
      // Blocked, or nothing under way anywhere for a whole `timeoutMs`, or simply too long.
      if (blocked || now - lastProgressAt >= timeoutMs || now - started >= upgradeTimeoutMs) {
        // Closing a pending open makes Dexie abandon it, so it cannot complete behind our back.
        db.close();
        return {
          db: null,
          error: blocked
            ? `Opening the database was blocked by another connection for ${now - started} ms.`
            : `Opening the database took longer than ${now - started} ms.`,
        };
      }
    }
  } finally {
    settled = true;
    releaseLock();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
