// Pure conversion of a validated pack into the cache's rows. Shared by the database writer and
// the in-memory fallback index, so both answer lookups identically.
import { displayHandle, facebookIdKey } from '../core/accounts';
import type { Pack, ParticipantRole, Source } from '../core/pack/types';
import {
  accountRowId,
  type AccountRow,
  type CampaignRow,
  type PackRow,
  type ParticipantRow,
} from './db';
import type { PackOrigin } from './queries';

export interface PackRows {
  pack: PackRow;
  campaigns: CampaignRow[];
  participants: ParticipantRow[];
  accounts: AccountRow[];
}

export function campaignKeyOf(packId: string, campaignId: string): string {
  return `${packId}/${campaignId}`;
}

/** Every lookup key an account answers to: the vanity/username and, on Facebook, `id:<n>`. */
export function accountKeys(account: {
  platform: 'instagram' | 'facebook';
  handle?: string;
  numericId?: string;
}): string[] {
  const keys: string[] = [];
  if (account.handle) keys.push(account.handle.toLowerCase());
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
  // Map, keyed by row id: one row per account key of the pack, whatever campaigns list it.
  const accounts = new Map<string, AccountRow>();
  let accountCount = 0;
  for (const [position, campaign] of pack.campaigns.entries()) {
    const campaignKey = campaignKeyOf(pack.id, campaign.id);
    // Map, not an object: source ids come from the pack (checklist E5).
    const sources = new Map<string, Source>(campaign.sources.map((s) => [s.id, s]));
    const roleCounts: Partial<Record<ParticipantRole, number>> = {};
    for (const participant of campaign.participants) {
      roleCounts[participant.role] = (roleCounts[participant.role] ?? 0) + 1;
      const handlesLower: string[] = [];
      for (const account of participant.accounts) {
        accountCount++;
        const handle = displayHandle(account);
        for (const key of accountKeys(account)) {
          handlesLower.push(key);
          const id = accountRowId(pack.id, account.platform, key);
          const row = accounts.get(id);
          if (!row) {
            accounts.set(id, {
              id,
              packId: pack.id,
              platform: account.platform,
              key,
              handle,
              refs: [{ campaignId: campaign.id, participantId: participant.id }],
            });
          } else if (
            // The same account twice in one participant is one reference.
            !row.refs.some(
              (r) => r.campaignId === campaign.id && r.participantId === participant.id,
            )
          ) {
            row.refs.push({ campaignId: campaign.id, participantId: participant.id });
          }
        }
      }
      participants.push({
        packId: pack.id,
        campaignId: campaign.id,
        id: participant.id,
        campaignKey,
        nameLower: participant.name.toLowerCase(),
        handlesLower,
        participant,
        resolvedSources: participant.sources
          .map((id) => sources.get(id))
          .filter((s): s is Source => s !== undefined),
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
    accounts: [...accounts.values()],
  };
}
