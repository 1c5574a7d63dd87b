// One read interface over the cache, with two implementations: the database, and an in-memory
// index used when the database cannot be opened. Lookup and queries read through it, so the
// fallback answers exactly like the database would.
import type { PicketDatabase } from './db';
import type { CampaignRow, LookupIndexRow, PackRow, PackRows, ParticipantRow } from './schema';

/**
 * Upper bound for "every compound key that starts with …": IndexedDB orders arrays after every
 * string and number, so `[prefix…, []]` is above any key of strings that starts with the prefix
 * (and `[prefix…]` alone is below them all).
 */
export const AFTER_ALL: never[] = [];

export interface PackIndex {
  readonly kind: 'database' | 'memory';
  /** The lookup index of each of these packs that has one, in the order asked. */
  lookupIndexes(packIds: string[]): Promise<LookupIndexRow[]>;
  campaigns(): Promise<CampaignRow[]>;
  packs(): Promise<PackRow[]>;
}

export class DatabaseIndex implements PackIndex {
  readonly kind = 'database';
  constructor(readonly db: PicketDatabase) {}

  async lookupIndexes(packIds: string[]): Promise<LookupIndexRow[]> {
    if (!packIds.length) return [];
    return (await this.db.lookup.bulkGet(packIds)).filter(
      (row): row is LookupIndexRow => row !== undefined,
    );
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
  private readonly lookupByPack = new Map<string, LookupIndexRow>();
  private readonly participantsByCampaign = new Map<string, ParticipantRow[]>();
  private readonly campaignRows: CampaignRow[] = [];
  private readonly packRows: PackRow[] = [];

  constructor(packs: PackRows[]) {
    for (const rows of packs) {
      this.packRows.push(rows.pack);
      this.campaignRows.push(...rows.campaigns);
      this.lookupByPack.set(rows.pack.id, rows.lookup);
      for (const participant of rows.participants) {
        const list = this.participantsByCampaign.get(participant.campaignKey);
        if (list) list.push(participant);
        else this.participantsByCampaign.set(participant.campaignKey, [participant]);
      }
    }
  }

  async lookupIndexes(packIds: string[]): Promise<LookupIndexRow[]> {
    return packIds
      .map((packId) => this.lookupByPack.get(packId))
      .filter((row): row is LookupIndexRow => row !== undefined);
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
