// What an event is doing for the user right now — past, today, under way or later — and, from
// that, where a campaign stands, which schedule entries the popup marks and which events the
// in-page notice is about. Every part of Picket that says "today", "in progress", "next" or
// "past" asks this module.
//
// The rules, for the user's clock and zone (windows and "multi-day" come from ./event-window):
// - past: the event's window is over (end <= now);
// - under-way: a multi-day event whose window holds now;
// - today: a single-day event that is in progress, or starts later on the user's current local
//   day (a one-day boycott during a month-long pause is the more urgent news, so `today` wins
//   over `under-way` for a campaign);
// - later: everything else that has not begun; the earliest start among them is "next".
// An event is "in progress" while its window holds now, whether it is `today` or `under-way`.
// Only boycott, action, pause and deadline events count for a campaign's status: `other`
// events are background (anniversaries, announcements) and must not make a campaign look live.
import type { CampaignEvent, EventKind } from '../pack/types';
import { isMultiDay, tryEventWindow } from './event-window';
import { localDay, type TimeWindow } from './wall-clock';

/** Event kinds that make a campaign `today`, `under-way`, `upcoming` or `ended`. */
export const STATUS_KINDS: readonly EventKind[] = ['boycott', 'action', 'pause', 'deadline'];

export type EventPhase = 'past' | 'today' | 'under-way' | 'later';

/** An event with its window; `start` and `end` are +Infinity when its dates cannot be read. */
export interface TimedEvent {
  event: CampaignEvent;
  start: number;
  end: number;
  multiDay: boolean;
}

/** Events with their windows, in time order; events whose dates can't be read sort last. */
export function timedEvents(events: readonly CampaignEvent[], userTimeZone: string): TimedEvent[] {
  return events
    .map((event) => {
      const window = tryEventWindow(event, userTimeZone);
      if (!window) {
        return { event, start: Infinity, end: Infinity, multiDay: false };
      }
      return { event, ...window, multiDay: isMultiDay(event, window, userTimeZone) };
    })
    .sort((a, b) => a.start - b.start);
}

/** Whether the window is over at `now`. */
export function isPast(window: TimeWindow, now: number): boolean {
  return window.end <= now;
}

/** Whether the window holds `now`. */
export function isInProgress(window: TimeWindow, now: number): boolean {
  return window.start <= now && now < window.end;
}

/** Where one event stands at `now`; `today` is [start, end) of the user's current local day. */
export function eventPhase(timed: TimedEvent, now: number, today: TimeWindow): EventPhase {
  if (!Number.isFinite(timed.start)) return 'later';
  if (isPast(timed, now)) return 'past';
  if (timed.multiDay) return timed.start <= now ? 'under-way' : 'later';
  return timed.start < today.end ? 'today' : 'later';
}

export interface ScheduleMarks {
  /** The single-day event of the user's current day: the one in progress, else the next today. */
  todayId: string | null;
  /** Multi-day events in progress now. */
  underWayIds: Set<string>;
  /** The next event to start after now, other than today's. */
  next: TimedEvent | null;
}

interface Marked {
  today: TimedEvent | null;
  underWay: TimedEvent[];
  next: TimedEvent | null;
}

/** Today's event, the events under way and the next one, of a list in time order. */
function mark(timed: readonly TimedEvent[], now: number, userTimeZone: string): Marked {
  const day = localDay(now, userTimeZone);
  const phases = timed.map((t) => ({ t, phase: eventPhase(t, now, day) }));
  // In time order, the first of today's is the one in progress if there is one: it began before
  // now, and the others begin after.
  const today = phases.find(({ phase }) => phase === 'today')?.t ?? null;
  const underWay = phases.filter(({ phase }) => phase === 'under-way').map(({ t }) => t);
  const next = timed.find((t) => Number.isFinite(t.start) && t.start > now && t !== today) ?? null;
  return { today, underWay, next };
}

/** The marks on a schedule in time order (as {@link timedEvents} gives it). */
export function scheduleMarks(
  timed: readonly TimedEvent[],
  now: number,
  userTimeZone: string,
): ScheduleMarks {
  const { today, underWay, next } = mark(timed, now, userTimeZone);
  return {
    todayId: today?.event.id ?? null,
    underWayIds: new Set(underWay.map((t) => t.event.id)),
    next,
  };
}

export type CampaignPhase =
  | { phase: 'none' }
  | { phase: 'upcoming'; event: CampaignEvent; startsAt: number }
  | { phase: 'today'; event: CampaignEvent; startsAt: number; endsAt: number }
  | { phase: 'under-way'; event: CampaignEvent; endsAt: number }
  | { phase: 'ended'; endedAt: number };

/**
 * Where a campaign stands for the user's clock and time zone, considering only
 * {@link STATUS_KINDS} events with a readable window:
 * - `today`: today's event, as the schedule marks it;
 * - `under-way`: a multi-day event is in progress (the one ending soonest);
 * - `upcoming`: the next event to start;
 * - `ended`: every counted event is over (`endedAt` = the latest end);
 * - `none`: no counted event.
 */
export function campaignStatus(
  events: readonly CampaignEvent[],
  now: Date,
  userTimeZone: string,
): CampaignPhase {
  const at = now.getTime();
  const counted = timedEvents(
    events.filter((event) => STATUS_KINDS.includes(event.kind)),
    userTimeZone,
  ).filter((t) => Number.isFinite(t.start));
  if (counted.length === 0) return { phase: 'none' };

  const { today, underWay } = mark(counted, at, userTimeZone);
  if (today)
    return { phase: 'today', event: today.event, startsAt: today.start, endsAt: today.end };
  const running = [...underWay].sort((a, b) => a.end - b.end)[0];
  if (running) return { phase: 'under-way', event: running.event, endsAt: running.end };
  const next = counted.find((t) => t.start > at);
  if (next) return { phase: 'upcoming', event: next.event, startsAt: next.start };
  return { phase: 'ended', endedAt: Math.max(...counted.map((t) => t.end)) };
}

/** Events of `kinds` in progress at `now`, soonest-ending first (what the in-page notice shows). */
export function eventsInProgress(
  events: readonly CampaignEvent[],
  kinds: readonly EventKind[],
  now: number,
  userTimeZone: string,
): { event: CampaignEvent; window: TimeWindow }[] {
  const found: { event: CampaignEvent; window: TimeWindow }[] = [];
  for (const event of events) {
    if (!kinds.includes(event.kind)) continue;
    const window = tryEventWindow(event, userTimeZone);
    if (window && isInProgress(window, now)) found.push({ event, window });
  }
  return found.sort((a, b) => a.window.end - b.window.end);
}
