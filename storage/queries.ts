// STUB — implemented by the store work. What the popup, options page and reminders read.
// Signatures are the contract between the store and its readers.
import type {
  CampaignEvent,
  CoalitionMember,
  Demand,
  Participant,
  ParticipantRole,
  Source,
} from '../core/pack/types';

export type PackOrigin = 'bundled' | 'imported' | 'subscribed';

export interface PackSummary {
  id: string;
  version: number;
  updatedAt: string;
  publisherName: string;
  corrections?: string;
  origin: PackOrigin;
  enabled: boolean;
  campaignCount: number;
  participantCount: number;
  accountCount: number;
  /** When the pack was stored on this device (ISO date-time). */
  installedAt: string;
  subscription?: {
    url: string;
    lastCheckedAt?: string;
    lastError?: { at: string; message: string };
  };
}

/** A campaign without its (possibly huge) participant list. */
export interface CampaignSummary {
  /** `<packId>/<campaignId>`: unique across packs. */
  key: string;
  packId: string;
  id: string;
  name: string;
  hashtag?: string;
  summary?: string;
  url?: string;
  target?: string;
  coalition: CoalitionMember[];
  demands: Demand[];
  events: CampaignEvent[];
  participantCount: number;
  corrections?: string;
}

export interface ParticipantView extends Participant {
  campaignKey: string;
  /** Sources of this participant, resolved from the campaign's source list. */
  resolvedSources: Source[];
}

export interface StoreSnapshot {
  packs: PackSummary[];
  campaigns: CampaignSummary[];
  /** True when the database could not be opened and the bundled pack is shown from memory. */
  usingBundledFallback: boolean;
}

export async function loadSnapshot(): Promise<StoreSnapshot> {
  throw new Error('not implemented yet');
}

export async function searchParticipants(
  _campaignKey: string,
  _query: { text?: string; role?: ParticipantRole; limit?: number; offset?: number },
): Promise<{ total: number; items: ParticipantView[] }> {
  throw new Error('not implemented yet');
}
