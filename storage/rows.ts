// Pure conversion of a validated pack into the cache's rows. Shared by the database writer and
// the in-memory fallback index, so both answer lookups identically.
import { citedSourceIds, isBadgeable, strongestFirst } from '../core/pack/evidence';
import type { Pack, ParticipantRole, Source } from '../core/pack/types';
import type { PackOrigin } from '../core/store-views';
import { campaignBlocks } from './blocks';
import { accountKeys, campaignKeyOf } from './keys';
import { buildLookupIndex } from './lookup-index';
import type { CampaignRow, PackRows, ParticipantRow } from './schema';

export function packToRows(pack: Pack, origin: PackOrigin, installedAt: string): PackRows {
  const corrections = pack.publisher.corrections;
  const campaigns: CampaignRow[] = [];
  const participants: ParticipantRow[] = [];
  let accountCount = 0;
  for (const [position, campaign] of pack.campaigns.entries()) {
    const campaignKey = campaignKeyOf(pack.id, campaign.id);
    // Map, not an object: source ids come from the pack, and an id like `__proto__` must stay data.
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
