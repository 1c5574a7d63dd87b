import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { CampaignEvent } from '../../core/pack/types';
import { eventWindow } from '../../core/time/status';

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** [start, end) of the user's current calendar day in their zone (23 or 25 hours on DST days). */
export function userDay(now: number, timeZone: string): { start: number; end: number } {
  const start = startOfDay(new TZDate(now, timeZone));
  return { start: start.getTime(), end: addDays(start, 1).getTime() };
}

export interface ScheduleMarks {
  /** A one-day (or shorter) event taking place on the user's current day. */
  todayId: string | null;
  /** Longer events in progress now. */
  underWayIds: Set<string>;
  /** The next event to start after now. */
  next: TimedEvent | null;
}

export function scheduleMarks(timed: TimedEvent[], now: number, timeZone: string): ScheduleMarks {
  const day = userDay(now, timeZone);
  const finite = timed.filter((t) => Number.isFinite(t.start));
  const isLong = (t: TimedEvent) => t.end - t.start > DAY_MS + 60 * 60 * 1000;
  const today =
    finite.find((t) => !isLong(t) && t.start < day.end && t.end > day.start && t.end > now) ?? null;
  const underWayIds = new Set(
    finite.filter((t) => isLong(t) && t.start <= now && now < t.end).map((t) => t.event.id),
  );
  const next = finite.find((t) => t.start > now && t.event.id !== today?.event.id) ?? null;
  return { todayId: today?.event.id ?? null, underWayIds, next };
}
