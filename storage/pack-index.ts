// One read interface over the cache, with two implementations: the database, and an in-memory
// index used when the database cannot be opened (checklist G3). Lookup and queries read through
// it, so the fallback answers exactly like the database would.
import type { Platform } from '../core/pack/types';
import {
  accountRowId,
  type AccountMatch,
  type AccountRow,
  type CampaignRow,
  type PackRow,
  type ParticipantRow,
  type PicketDatabase,
} from './db';
import type { PackRows } from './rows';

/**
 * Upper bound for "every compound key that starts with …": IndexedDB orders arrays after every
 * string and number, so `[prefix…, []]` is above any key of strings that starts with the prefix
 * (and `[prefix…]` alone is below them all).
 */
export const AFTER_ALL: never[] = [];

export type ParticipantId = [packId: string, campaignId: string, participantId: string];

export interface PackIndex {
  readonly kind: 'database' | 'memory';
  /** Every account of these packs with one of these keys on this platform, in one batch. */
  accountsFor(platform: Platform, keys: string[], packIds: string[]): Promise<AccountMatch[]>;
  participants(ids: ParticipantId[]): Promise<(ParticipantRow | undefined)[]>;
  campaigns(): Promise<CampaignRow[]>;
  packs(): Promise<PackRow[]>;
  /** Runs several reads in one read-only transaction (one commit instead of one per read). */
  batch<T>(reads: () => Promise<T>): Promise<T>;
}

export class DatabaseIndex implements PackIndex {
  readonly kind = 'database';
  constructor(readonly db: PicketDatabase) {}

  async accountsFor(
    platform: Platform,
    keys: string[],
    packIds: string[],
  ): Promise<AccountMatch[]> {
    if (!keys.length || !packIds.length) return [];
    const ids = packIds.flatMap((packId) => keys.map((key) => accountRowId(packId, platform, key)));
    return flatten(await this.db.accounts.bulkGet(ids));
  }

  async participants(ids: ParticipantId[]): Promise<(ParticipantRow | undefined)[]> {
    if (!ids.length) return [];
    return this.db.participants.bulkGet(ids);
  }

  async campaigns(): Promise<CampaignRow[]> {
    return this.db.campaigns.toArray();
  }

  batch<T>(reads: () => Promise<T>): Promise<T> {
    return this.db.transaction('r', [this.db.accounts, this.db.participants], reads);
  }

  async packs(): Promise<PackRow[]> {
    return this.db.packs.toArray();
  }
}

export class MemoryIndex implements PackIndex {
  readonly kind = 'memory';
  private readonly accountsById = new Map<string, AccountRow>();
  private readonly participantsById = new Map<string, ParticipantRow>();
  private readonly participantsByCampaign = new Map<string, ParticipantRow[]>();
  private readonly campaignRows: CampaignRow[] = [];
  private readonly packRows: PackRow[] = [];

  constructor(packs: PackRows[]) {
    for (const rows of packs) {
      this.packRows.push(rows.pack);
      this.campaignRows.push(...rows.campaigns);
      for (const account of rows.accounts) this.accountsById.set(account.id, account);
      for (const participant of rows.participants) {
        this.participantsById.set(
          participantIdKey([participant.packId, participant.campaignId, participant.id]),
          participant,
        );
        const list = this.participantsByCampaign.get(participant.campaignKey);
        if (list) list.push(participant);
        else this.participantsByCampaign.set(participant.campaignKey, [participant]);
      }
    }
  }

  async accountsFor(
    platform: Platform,
    keys: string[],
    packIds: string[],
  ): Promise<AccountMatch[]> {
    return flatten(
      packIds.flatMap((packId) =>
        keys.map((key) => this.accountsById.get(accountRowId(packId, platform, key))),
      ),
    );
  }

  async participants(ids: ParticipantId[]): Promise<(ParticipantRow | undefined)[]> {
    return ids.map((id) => this.participantsById.get(participantIdKey(id)));
  }

  async campaigns(): Promise<CampaignRow[]> {
    return [...this.campaignRows];
  }

  batch<T>(reads: () => Promise<T>): Promise<T> {
    return reads();
  }

  async packs(): Promise<PackRow[]> {
    return [...this.packRows];
  }

  participantsOf(campaignKey: string): ParticipantRow[] {
    return this.participantsByCampaign.get(campaignKey) ?? [];
  }
}

export function participantIdKey([packId, campaignId, id]: ParticipantId): string {
  return `${packId}\u0000${campaignId}\u0000${id}`;
}

function flatten(rows: (AccountRow | undefined)[]): AccountMatch[] {
  const matches: AccountMatch[] = [];
  for (const row of rows) {
    if (!row) continue;
    for (const ref of row.refs) {
      matches.push({
        packId: row.packId,
        campaignId: ref.campaignId,
        platform: row.platform,
        key: row.key,
        participantId: ref.participantId,
        handle: row.handle,
      });
    }
  }
  return matches;
}
