// The cache's database layout: its row types, table schema and version numbers. Types only (and
// constants), so every storage module can name a row without importing the code that writes it.
import type { Participant, ParticipantRole, Source } from '../core/pack/types';
import type { CampaignSummary, PackSummary } from '../core/store-views';

export const DEFAULT_DB_NAME = 'picket';

/**
 * The Dexie schema version. A database on disk with an older one is emptied when opened and
 * rebuilt from its sources (the bundled pack and the packs kept in storage.local): the cache is
 * never the only copy of anything, so no upgrade code converts old rows.
 */
export const SCHEMA_VERSION = 3;

/**
 * What the rows mean; written to `meta` so code of another version can tell what it is reading.
 * Rows of any other data version are dropped and rebuilt by the store.
 */
export const DATA_VERSION = 4;

/**
 * The tables. Participants are stored in blocks in name order with a directory per campaign
 * (storage/blocks.ts), and each pack's lookup index is one row (storage/lookup-index.ts): a
 * 1,000,000-account pack is about 1,000 rows instead of 1,100,000 (BENCHMARKS.md).
 */
export const CACHE_SCHEMA = {
  packs: 'id',
  campaigns: 'key, packId',
  participantBlocks: '[packId+campaignId+block]',
  handleBlocks: '[packId+campaignId+block]',
  directories: 'key, packId',
  lookup: 'packId',
  meta: 'key',
} as const;

/** A pack as the cache keeps it: its summary, less what lives in the registry (on/off, subscription). */
export type PackRow = Omit<PackSummary, 'enabled' | 'subscription'>;

/** A campaign as the cache keeps it: what its readers see, plus its place and its role counts. */
export interface CampaignRow extends CampaignSummary {
  /** Where the campaign is in its pack: lists keep the publisher's order. */
  position: number;
  /** Participants per role, so a role-filtered list knows its total without a scan. */
  roleCounts: Partial<Record<ParticipantRole, number>>;
}

/** One participant as the cache keeps it (inside a ParticipantBlockRow, or in memory). */
export interface ParticipantRow {
  packId: string;
  campaignId: string;
  id: string;
  campaignKey: string;
  /** Lower-cased name: the order of blocks, and the prefix search. */
  nameLower: string;
  /** Lower-cased handles and `id:` keys, for substring search. */
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

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A block of one campaign's participants, in name order: JSON text of ParticipantRow[]. */
export interface ParticipantBlockRow {
  packId: string;
  campaignId: string;
  block: number;
  rows: string;
}

/** A block of one campaign's lower-cased handles, sorted, with who each belongs to. */
export interface HandleBlockRow {
  packId: string;
  campaignId: string;
  block: number;
  keys: string[];
  /** Position of each key's participant in the campaign's name order. */
  owners: number[];
}

export interface CampaignDirectoryRow {
  /** The campaign key, `<packId>/<campaignId>`. */
  key: string;
  packId: string;
  /** The first `nameLower` of each participant block. */
  names: string[];
  /** Participants per role in each participant block. */
  roles: Partial<Record<ParticipantRole, number>>[];
  /** The first key of each handle block. */
  handles: string[];
}

export interface CampaignBlocks {
  directory: CampaignDirectoryRow;
  participantBlocks: ParticipantBlockRow[];
  handleBlocks: HandleBlockRow[];
}

/** One pack's lookup index, one row (built and read by storage/lookup-index.ts). */
export interface LookupIndexRow {
  packId: string;
  /** First hash of `platform:key`, ascending. */
  hi: Uint32Array;
  /** Second hash of the same key, position by position with `hi`. */
  lo: Uint32Array;
  /** Which entry (campaign participant) the key at this position belongs to. */
  entry: Uint32Array;
  /**
   * The JSON of every entry's badge (a BadgeEntry), in pack order, end to end: one string, not
   * one per entry, because a service worker that wakes up reads it back in one copy instead of
   * 100,000 string allocations.
   */
  entries: string;
  /** Where entry `n` starts in `entries`; entry `n` ends where `n + 1` starts. */
  entryStarts: Uint32Array;
  /** `platform:key` → the handle a badge shows, only where that is not the key itself. */
  handles: Map<string, string>;
}

/** Every row of one pack, as packToRows makes them. */
export interface PackRows {
  pack: PackRow;
  campaigns: CampaignRow[];
  /** In pack order (the in-memory index reads these; the database stores the blocks). */
  participants: ParticipantRow[];
  blocks: CampaignBlocks[];
  lookup: LookupIndexRow;
}
