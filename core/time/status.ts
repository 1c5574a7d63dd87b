// STUB — implemented by the reminders work. Signatures are the contract.
import type { CampaignEvent } from '../pack/types';

/** [start, end) of an event in epoch ms: all-day events cover whole days in the event's
 * timeZone when it has one, else in the user's zone. */
export function eventWindow(
  _event: CampaignEvent,
  _userTimeZone: string,
): { start: number; end: number } {
  throw new Error('not implemented yet');
}

export type CampaignPhase =
  | { phase: 'none' }
  | { phase: 'upcoming'; event: CampaignEvent; startsAt: number }
  | { phase: 'today'; event: CampaignEvent; startsAt: number; endsAt: number }
  | { phase: 'under-way'; event: CampaignEvent; endsAt: number }
  | { phase: 'ended'; endedAt: number };

/** Where a campaign stands for the user's clock and time zone. */
export function campaignStatus(
  _events: CampaignEvent[],
  _now: Date,
  _userTimeZone: string,
): CampaignPhase {
  return { phase: 'none' };
}
