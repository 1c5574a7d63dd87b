// The shapes the store hands its readers (popup, options, report, reminders): no storage code here,
// so extension pages can name them without reaching into `storage/`.
import type { CampaignEvent, CoalitionMember, Demand, Participant, Source } from './pack/types';

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
    lastSuccessAt?: string;
    lastError?: { at: string; message: string };
  };
}

/** A campaign without its (possibly huge) participant list. */
export interface CampaignSummary {
  /** `<packId>/<campaignId>` */
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
  /** The campaign's sources that its demands and events cite (screens show them by id). */
  sources: Source[];
  participantCount: number;
  corrections?: string;
}

export interface ParticipantView extends Participant {
  campaignKey: string;
  /** Every source this participant cites, resolved from the campaign's list, strongest first. */
  resolvedSources: Source[];
  /** False when only lists or aggregators cite it: listed here, never badged. */
  badgeable: boolean;
}

export interface StoreSnapshot {
  packs: PackSummary[];
  campaigns: CampaignSummary[];
  /** True when the database could not be opened and the bundled pack is shown from memory. */
  usingBundledFallback: boolean;
}
