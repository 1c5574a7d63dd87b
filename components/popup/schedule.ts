import type { CampaignEvent } from '../../core/pack/types';
import { eventWindow } from '../../core/time/status';

export interface TimedEvent {
  event: CampaignEvent;
  start: number;
  end: number;
}

/** Events with their windows, in time order; events whose dates can't be read sort last. */
export function timedEvents(events: CampaignEvent[], timeZone: string): TimedEvent[] {
  return events
    .map((event) => {
      try {
        const { start, end } = eventWindow(event, timeZone);
        return { event, start, end };
      } catch {
        return { event, start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
      }
    })
    .sort((a, b) => a.start - b.start);
}

/** The event happening now (today) and the next one to start, by id. */
export function todayAndNext(
  timed: TimedEvent[],
  now: number,
): { todayId: string | null; next: TimedEvent | null } {
  const today = timed.find((t) => t.start <= now && now < t.end) ?? null;
  const next = timed.find((t) => t.start > now && Number.isFinite(t.start)) ?? null;
  return { todayId: today?.event.id ?? null, next };
}
