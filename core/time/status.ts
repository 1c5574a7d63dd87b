// Campaign time logic: when an event happens for a given user, and where a campaign stands.
//
// All zone arithmetic goes through @date-fns/tz (TZDate) and date-fns: wall-clock days are
// built from calendar components in a named zone, never by adding fixed offsets, so
// daylight-saving days (23 or 25 hours long) and zones whose midnight does not exist come out
// right.
//
// Decisions (the pack format leaves them open; see contracts §2):
// - All-day events (`YYYY-MM-DD`) cover whole days, from the start date's midnight through the
//   end of the end date (inclusive), in the event's `timeZone`, else in the user's zone. When a
//   midnight does not exist (a DST gap at 00:00), the day starts at the first instant that does.
// - Date-time events use their instants. A date-time event without `end` (or with an end not
//   after its start) lasts until the end of its start day in the event's zone (else the user's):
//   a "10:00 action" is still "today" in the afternoon, and a zero-length window would never be
//   under way.
// - Mixed forms are allowed (a date start with a date-time end, or the reverse): each bound is
//   read in its own form.
// - Only boycott, action, pause and deadline events count for a campaign's status: `other`
//   events are background (anniversaries, announcements) and must not make a campaign look live.
// - An event is "multi-day" when it is all-day with an end date after its start date, or when a
//   timed window lasts more than 24 hours. Multi-day events in progress are `under-way`; other
//   events in progress or later on the user's current local day are `today`. `today` wins over
//   `under-way` (a one-day boycott during a month-long pause is the more urgent news).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { CampaignEvent, EventKind } from '../pack/types';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A leap second (`:60`) is valid RFC 3339 but not parseable by Date. */
const LEAP_SECOND_PATTERN = /:60(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Event kinds that make a campaign `today`, `under-way`, `upcoming` or `ended`. */
export const STATUS_KINDS: readonly EventKind[] = ['boycott', 'action', 'pause', 'deadline'];

export interface TimeWindow {
  /** Inclusive, epoch ms. */
  start: number;
  /** Exclusive, epoch ms. */
  end: number;
}

export function isAllDay(value: string): boolean {
  return DATE_PATTERN.test(value);
}

// Building an instant from wall-clock components in a zone is by far the costliest step here
// (~90 µs per TZDate in Node), and the same few days and clock times come up on every reconcile
// and popup render, so results are memoized. The cache is bounded and only ever holds pure
// results, so clearing it is always safe.
const wallClockCache = new Map<string, number>();
const WALL_CLOCK_CACHE_SIZE = 20_000;

/**
 * The instant at a wall-clock time in `zone`. Out-of-range components roll over like Date's
 * (day 32 is the 1st of the next month); a time inside a DST gap moves forward to one that
 * exists. NaN for an unusable zone.
 */
export function zonedTime(
  year: number,
  monthIndex: number,
  day: number,
  hours: number,
  minutes: number,
  zone: string,
): number {
  const key = `${zone}|${year}|${monthIndex}|${day}|${hours}|${minutes}`;
  let instant = wallClockCache.get(key);
  if (instant === undefined) {
    instant = new TZDate(year, monthIndex, day, hours, minutes, 0, zone).getTime();
    if (wallClockCache.size >= WALL_CLOCK_CACHE_SIZE) wallClockCache.clear();
    wallClockCache.set(key, instant);
  }
  return instant;
}

/** Midnight starting `date` (+ `dayOffset` days) in `zone`. NaN for a bad date or zone. */
function midnight(date: string, zone: string, dayOffset = 0): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) return NaN;
  return zonedTime(+m[1]!, +m[2]! - 1, +m[3]! + dayOffset, 0, 0, zone);
}

/** Calendar components of `instant`'s local date in `zone`. */
export function localDateParts(
  instant: number,
  zone: string,
): { year: number; monthIndex: number; day: number } {
  const local = new TZDate(instant, zone);
  return { year: local.getFullYear(), monthIndex: local.getMonth(), day: local.getDate() };
}

function parseInstant(value: string): number {
  if (LEAP_SECOND_PATTERN.test(value)) {
    return Date.parse(value.replace(LEAP_SECOND_PATTERN, ':59$1$2')) + 1000;
  }
  return Date.parse(value);
}

/** [start, end) of the local calendar day holding `instant` in `zone` (23–25 hours). */
export function localDay(instant: number, zone: string): TimeWindow {
  const { year, monthIndex, day } = localDateParts(instant, zone);
  return {
    start: zonedTime(year, monthIndex, day, 0, 0, zone),
    end: zonedTime(year, monthIndex, day + 1, 0, 0, zone),
  };
}

/** `YYYY-MM-DD` of `instant` in `zone`. */
export function localDate(instant: number, zone: string): string {
  return format(new TZDate(instant, zone), 'yyyy-MM-dd');
}

/** The zone an event's wall-clock days are read in; an unusable zone falls back to the user's. */
export function eventZone(event: CampaignEvent, userTimeZone: string): string {
  const zone = event.timeZone;
  return zone && isUsableZone(zone) ? zone : userTimeZone;
}

const zoneUsable = new Map<string, boolean>();
function isUsableZone(zone: string): boolean {
  let usable = zoneUsable.get(zone);
  if (usable === undefined) {
    usable = !Number.isNaN(new TZDate(0, zone).getTime());
    if (zoneUsable.size < 1_000) zoneUsable.set(zone, usable);
  }
  return usable;
}

/**
 * True when the event is certainly over at `now`, decided without any zone arithmetic: every
 * zone's day ends within 2 days of the UTC midnight that starts it, and a timed event without a
 * usable end lasts at most to the end of its start day. Lets callers skip the costly window of
 * events long past.
 */
export function surelyEndedBy(event: CampaignEvent, now: number): boolean {
  const end = event.end ?? event.start;
  const endsNear = isAllDay(end) ? Date.parse(`${end}T00:00:00Z`) : parseInstant(end);
  const startsNear = isAllDay(event.start)
    ? Date.parse(`${event.start}T00:00:00Z`)
    : parseInstant(event.start);
  const latest = Math.max(endsNear, startsNear);
  return latest + 2 * DAY_MS < now; // false for NaN: unreadable events are left to the caller
}

/** Like {@link eventWindow}, but null instead of throwing for an unreadable event. */
export function tryEventWindow(event: CampaignEvent, userTimeZone: string): TimeWindow | null {
  const zone = eventZone(event, userTimeZone);
  const startAllDay = isAllDay(event.start);
  const start = startAllDay ? midnight(event.start, zone) : parseInstant(event.start);
  if (Number.isNaN(start)) return null;
  // What an event without a (usable) end lasts: its whole day (all-day) or the rest of it (timed).
  const defaultEnd = startAllDay ? midnight(event.start, zone, 1) : localDay(start, zone).end;
  let end = defaultEnd;
  if (event.end !== undefined) {
    const explicit = isAllDay(event.end) ? midnight(event.end, zone, 1) : parseInstant(event.end);
    if (explicit > start) end = explicit;
  }
  if (Number.isNaN(end)) return null;
  return { start, end };
}

/** [start, end) of an event in epoch ms: all-day events cover whole days in the event's
 * timeZone when it has one, else in the user's zone. */
export function eventWindow(
  event: CampaignEvent,
  userTimeZone: string,
): { start: number; end: number } {
  const window = tryEventWindow(event, userTimeZone);
  if (!window) throw new RangeError(`Event "${event.id}" has no readable start or end.`);
  return window;
}

/** Whether an event spans several days (see the decisions at the top of this file). */
export function isMultiDay(event: CampaignEvent, window: TimeWindow): boolean {
  const end = event.end ?? event.start;
  if (isAllDay(event.start) && isAllDay(end)) return end > event.start;
  return window.end - window.start > DAY_MS;
}

/**
 * The event's first day: the whole window for a single-day event; for a multi-day event, its
 * start date (all-day) or the rest of its start day (timed), in the event's zone. Reminders
 * aim at this day.
 */
export function firstDayWindow(
  event: CampaignEvent,
  window: TimeWindow,
  userTimeZone: string,
): TimeWindow {
  if (!isMultiDay(event, window)) return window;
  const zone = eventZone(event, userTimeZone);
  const dayEnd = isAllDay(event.start)
    ? midnight(event.start, zone, 1)
    : localDay(window.start, zone).end;
  return { start: window.start, end: Math.min(window.end, dayEnd) };
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
 * - `today`: a single-day event is in progress, or starts later on the user's current local
 *   day (in-progress first, then the earliest start);
 * - `under-way`: now is inside a multi-day event's window (the one ending soonest);
 * - `upcoming`: the next event to start;
 * - `ended`: every counted event is over (`endedAt` = the latest end);
 * - `none`: no counted event.
 */
export function campaignStatus(
  events: CampaignEvent[],
  now: Date,
  userTimeZone: string,
): CampaignPhase {
  const at = now.getTime();
  const counted: { event: CampaignEvent; window: TimeWindow; multiDay: boolean }[] = [];
  for (const event of events) {
    if (!STATUS_KINDS.includes(event.kind)) continue;
    const window = tryEventWindow(event, userTimeZone);
    if (window) counted.push({ event, window, multiDay: isMultiDay(event, window) });
  }
  if (counted.length === 0) return { phase: 'none' };

  const today = localDay(at, userTimeZone);
  // `window.end > at` with `at` inside today means the window reaches into today already.
  const todays = counted
    .filter(({ window, multiDay }) => !multiDay && window.end > at && window.start < today.end)
    .sort(
      (a, b) =>
        Number(a.window.start > at) - Number(b.window.start > at) ||
        a.window.start - b.window.start,
    );
  const first = todays[0];
  if (first) {
    return {
      phase: 'today',
      event: first.event,
      startsAt: first.window.start,
      endsAt: first.window.end,
    };
  }

  const running = counted
    .filter(({ window, multiDay }) => multiDay && window.start <= at && at < window.end)
    .sort((a, b) => a.window.end - b.window.end)[0];
  if (running) return { phase: 'under-way', event: running.event, endsAt: running.window.end };

  const next = counted
    .filter(({ window }) => window.start > at)
    .sort((a, b) => a.window.start - b.window.start)[0];
  if (next) return { phase: 'upcoming', event: next.event, startsAt: next.window.start };

  return { phase: 'ended', endedAt: Math.max(...counted.map(({ window }) => window.end)) };
}

/** Events of `kinds` whose window holds `now`, soonest-ending first. */
export function eventsInProgress(
  events: CampaignEvent[],
  kinds: readonly EventKind[],
  now: number,
  userTimeZone: string,
): { event: CampaignEvent; window: TimeWindow }[] {
  const found: { event: CampaignEvent; window: TimeWindow }[] = [];
  for (const event of events) {
    if (!kinds.includes(event.kind)) continue;
    const window = tryEventWindow(event, userTimeZone);
    if (window && window.start <= now && now < window.end) found.push({ event, window });
  }
  return found.sort((a, b) => a.window.end - b.window.end);
}
