// Pure conversion of a validated pack into the cache's rows. Shared by the database writer and
// the in-memory fallback index, so both answer lookups identically.
import { facebookIdKey, facebookVanityKey, instagramKey } from '../core/accounts';
import { citedSourceIds, isBadgeable, strongestFirst } from '../core/pack/evidence';
import type { Pack, ParticipantRole, Source } from '../core/pack/types';
import type { CampaignRow, PackRow, ParticipantRow } from './db';
import { buildLookupIndex, type LookupIndexRow } from './lookup-index';
import type { PackOrigin } from '../core/store-views';

export interface PackRows {
  pack: PackRow;
  campaigns: CampaignRow[];
  /** In pack order (the in-memory index reads these; the database stores the blocks). */
  participants: ParticipantRow[];
  blocks: CampaignBlocks[];
  lookup: LookupIndexRow;
}

export function campaignKeyOf(packId: string, campaignId: string): string {
  return `${packId}/${campaignId}`;
}

/**
 * Every lookup key an account answers to: the vanity/username and, on Facebook, `id:<n>`. Made by
 * the same functions that key the accounts a page shows, so `Kim.Kardashian` in a pack meets a
 * link to `/kimkardashian`.
 */
export function accountKeys(account: {
  platform: 'instagram' | 'facebook';
  handle?: string;
  numericId?: string;
}): string[] {
  const keys: string[] = [];
  if (account.handle) {
    const key =
      account.platform === 'facebook'
        ? facebookVanityKey(account.handle)
        : instagramKey(account.handle);
    if (key) keys.push(key);
  }
  if (account.platform === 'facebook' && account.numericId) {
    const idKey = facebookIdKey(account.numericId);
    if (idKey) keys.push(idKey);
  }
  return keys;
}

export function packToRows(pack: Pack, origin: PackOrigin, installedAt: string): PackRows {
  const corrections = pack.publisher.corrections;
  const campaigns: CampaignRow[] = [];
  const participants: ParticipantRow[] = [];
  let accountCount = 0;
  for (const [position, campaign] of pack.campaigns.entries()) {
    const campaignKey = campaignKeyOf(pack.id, campaign.id);
    // Map, not an object: source ids come from the pack (checklist E5).
    const sources = new Map<string, Source>(campaign.sources.map((s) => [s.id, s]));
    const resolve = (ids: Iterable<string>): Source[] =>
      [...ids].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
    const roleCounts: Partial<Record<ParticipantRole, number>> = {};
    for (const participant of campaign.participants) {
      roleCounts[participant.role] = (roleCounts[participant.role] ?? 0) + 1;
      const handlesLower: string[] = [];
      for (const account of participant.accounts) {
        accountCount++;
        handlesLower.push(...accountKeys(account));
      }
      participants.push({
        packId: pack.id,
        campaignId: campaign.id,
        id: participant.id,
        campaignKey,
        nameLower: participant.name.toLowerCase(),
        handlesLower,
        participant,
        resolvedSources: strongestFirst(resolve(citedSourceIds(participant))),
        badgeable: isBadgeable(participant, sources),
      });
    }
    campaigns.push({
      key: campaignKey,
      packId: pack.id,
      id: campaign.id,
      position,
      name: campaign.name,
      hashtag: campaign.hashtag,
      summary: campaign.summary,
      url: campaign.url,
      target: campaign.target,
      coalition: campaign.coalition ?? [],
      demands: campaign.demands ?? [],
      events: campaign.events ?? [],
      sources: resolve(
        new Set(
          [...(campaign.demands ?? []), ...(campaign.events ?? [])].flatMap((d) => d.sources ?? []),
        ),
      ),
      participantCount: campaign.participants.length,
      roleCounts,
      corrections,
    });
  }
  return {
    pack: {
      id: pack.id,
      version: pack.version,
      updatedAt: pack.updatedAt,
      publisherName: pack.publisher.name,
      corrections,
      origin,
      campaignCount: pack.campaigns.length,
      participantCount: participants.length,
      accountCount,
      installedAt,
    },
    campaigns,
    participants,
    blocks: campaigns.map((c) =>
      campaignBlocks(
        pack.id,
        c.id,
        participants.filter((p) => p.campaignId === c.id),
      ),
    ),
    lookup: buildLookupIndex(pack.id, campaigns, participants),
  };
}

// ---------------------------------------------------------------------------------------------
// Participants in blocks
//
// Each database row costs ~0.1 ms to write whatever its size (measured in Chromium: 100,000
// participant rows in one transaction ≈ 10 s, the same data as 391 rows of 256 ≈ 0.8 s), so a
// campaign's participants are stored in blocks of PARTICIPANTS_PER_BLOCK, in name order, with a
// small directory (each block's first name and role counts; each handle block's first handle)
// that lets the popup page, filter by role and search by prefix reading only the blocks it needs.

export const PARTICIPANTS_PER_BLOCK = 256;
export const HANDLES_PER_BLOCK = 4_096;

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

/** Name order, as the old `[packId+campaignId+nameLower]` index gave it (ties by id). */
export function byName(a: ParticipantRow, b: ParticipantRow): number {
  if (a.nameLower !== b.nameLower) return a.nameLower < b.nameLower ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One campaign's blocks and directory, from its participant rows (any order). */
export function campaignBlocks(
  packId: string,
  campaignId: string,
  participants: readonly ParticipantRow[],
): CampaignBlocks {
  const sorted = [...participants].sort(byName);
  const directory: CampaignDirectoryRow = {
    key: campaignKeyOf(packId, campaignId),
    packId,
    names: [],
    roles: [],
    handles: [],
  };
  const participantBlocks: ParticipantBlockRow[] = [];
  for (let start = 0; start < sorted.length; start += PARTICIPANTS_PER_BLOCK) {
    const rows = sorted.slice(start, start + PARTICIPANTS_PER_BLOCK);
    const roles: Partial<Record<ParticipantRole, number>> = {};
    for (const row of rows) roles[row.participant.role] = (roles[row.participant.role] ?? 0) + 1;
    directory.names.push(rows[0]!.nameLower);
    directory.roles.push(roles);
    participantBlocks.push({
      packId,
      campaignId,
      block: participantBlocks.length,
      rows: JSON.stringify(rows),
    });
  }
  const handles: [string, number][] = [];
  sorted.forEach((row, position) => {
    for (const key of new Set(row.handlesLower)) handles.push([key, position]);
  });
  handles.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const handleBlocks: HandleBlockRow[] = [];
  for (let start = 0; start < handles.length; start += HANDLES_PER_BLOCK) {
    const slice = handles.slice(start, start + HANDLES_PER_BLOCK);
    directory.handles.push(slice[0]![0]);
    handleBlocks.push({
      packId,
      campaignId,
      block: handleBlocks.length,
      keys: slice.map(([key]) => key),
      owners: slice.map(([, owner]) => owner),
    });
  }
  return { directory, participantBlocks, handleBlocks };
}
