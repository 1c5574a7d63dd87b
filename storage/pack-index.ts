// One read interface over the cache, with two implementations: the database, and an in-memory
// index used when the database cannot be opened (checklist G3). Lookup and queries read through
// it, so the fallback answers exactly like the database would.
import type { Platform } from '../core/pack/types';
import type { AccountRow, CampaignRow, PackRow, ParticipantRow, PicketDatabase } from './db';
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
  /** Every account row for these keys on this platform, in one query. */
  accountsFor(platform: Platform, keys: string[]): Promise<AccountRow[]>;
  participants(ids: ParticipantId[]): Promise<(ParticipantRow | undefined)[]>;
  campaigns(): Promise<CampaignRow[]>;
  packs(): Promise<PackRow[]>;
}

export class DatabaseIndex implements PackIndex {
  readonly kind = 'database';
  constructor(readonly db: PicketDatabase) {}

  async accountsFor(platform: Platform, keys: string[]): Promise<AccountRow[]> {
    if (!keys.length) return [];
    return this.db.accounts
      .where('[platform+key]')
      .anyOf(keys.map((key) => [platform, key]))
      .toArray();
  }

  async participants(ids: ParticipantId[]): Promise<(ParticipantRow | undefined)[]> {
    if (!ids.length) return [];
    return this.db.participants.bulkGet(ids);
  }

  async campaigns(): Promise<CampaignRow[]> {
    return this.db.campaigns.toArray();
  }

  async packs(): Promise<PackRow[]> {
    return this.db.packs.toArray();
  }
}

export class MemoryIndex implements PackIndex {
  readonly kind = 'memory';
  private readonly accountsByKey = new Map<string, AccountRow[]>();
  private readonly participantsById = new Map<string, ParticipantRow>();
  private readonly participantsByCampaign = new Map<string, ParticipantRow[]>();
  private readonly campaignRows: CampaignRow[] = [];
  private readonly packRows: PackRow[] = [];

  constructor(packs: PackRows[]) {
    for (const rows of packs) {
      this.packRows.push(rows.pack);
      this.campaignRows.push(...rows.campaigns);
      for (const account of rows.accounts) {
        const key = `${account.platform}\u0000${account.key}`;
        const list = this.accountsByKey.get(key);
        if (list) list.push(account);
        else this.accountsByKey.set(key, [account]);
      }
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

  async accountsFor(platform: Platform, keys: string[]): Promise<AccountRow[]> {
    return keys.flatMap((key) => this.accountsByKey.get(`${platform}\u0000${key}`) ?? []);
  }

  async participants(ids: ParticipantId[]): Promise<(ParticipantRow | undefined)[]> {
    return ids.map((id) => this.participantsById.get(participantIdKey(id)));
  }

  async campaigns(): Promise<CampaignRow[]> {
    return [...this.campaignRows];
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
