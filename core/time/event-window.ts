// When an event takes place: its [start, end) window in epoch ms, whether it spans several days,
// and its first day. All-day and timed events, in the event's zone or else the user's.
//
// The pack format leaves these open, so they are decided here:
// - All-day events (`YYYY-MM-DD`) cover whole days, from the start date's midnight through the
//   end of the end date (inclusive), in the event's `timeZone`, else in the user's zone. When a
//   midnight does not exist (a DST gap at 00:00), the day starts at the first instant that does.
// - Date-time events use their instants. A date-time event without `end` (or with an end not
//   after its start) lasts until the end of its start day in the event's zone (else the user's):
//   a "10:00 action" is still "today" in the afternoon, and a zero-length window would never be
//   under way.
// - Mixed forms are allowed (a date start with a date-time end, or the reverse): each bound is
//   read in its own form.
// - An event is multi-day when it ends after the same wall-clock time on the day after it
//   starts, in its zone: a two-date all-day event, or a timed one longer than a calendar day.
//   A day is 23 to 25 hours long, so a one-day event on a DST change is still one day.
import type { CampaignEvent } from '../pack/types';
import { isUsableZone, localDay, sameTimeNextDay, zonedTime, type TimeWindow } from './wall-clock';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A leap second (`:60`) is valid RFC 3339 but not parseable by Date. */
const LEAP_SECOND_PATTERN = /:60(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Whether a pack date is a plain calendar date (`YYYY-MM-DD`) rather than a date-time. */
export function isAllDay(value: string): boolean {
  return DATE_PATTERN.test(value);
}

/** Midnight starting `date` (+ `dayOffset` days) in `zone`. NaN for a bad date or zone. */
function midnight(date: string, zone: string, dayOffset = 0): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) return NaN;
  return zonedTime(+m[1]!, +m[2]! - 1, +m[3]! + dayOffset, 0, 0, zone);
}

function parseInstant(value: string): number {
  if (LEAP_SECOND_PATTERN.test(value)) {
    return Date.parse(value.replace(LEAP_SECOND_PATTERN, ':59$1$2')) + 1000;
  }
  return Date.parse(value);
}

/** The zone an event's wall-clock days are read in; an unusable zone falls back to the user's. */
export function eventZone(event: CampaignEvent, userTimeZone: string): string {
  const zone = event.timeZone;
  return zone && isUsableZone(zone) ? zone : userTimeZone;
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
export function eventWindow(event: CampaignEvent, userTimeZone: string): TimeWindow {
  const window = tryEventWindow(event, userTimeZone);
  if (!window) throw new RangeError(`Event "${event.id}" has no readable start or end.`);
  return window;
}

/** Whether an event spans several days (see the rules at the top of this file). */
export function isMultiDay(
  event: CampaignEvent,
  window: TimeWindow,
  userTimeZone: string,
): boolean {
  const end = event.end ?? event.start;
  // Two calendar dates: the same answer as the window's, without any zone arithmetic.
  if (isAllDay(event.start) && isAllDay(end)) return end > event.start;
  const length = window.end - window.start;
  // No calendar day is shorter than 23 hours or longer than 25: only the lengths in between
  // need the zone to tell.
  if (length <= DAY_MS - HOUR_MS) return false;
  if (length > DAY_MS + HOUR_MS) return true;
  return window.end > sameTimeNextDay(window.start, eventZone(event, userTimeZone));
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
  if (!isMultiDay(event, window, userTimeZone)) return window;
  const zone = eventZone(event, userTimeZone);
  const dayEnd = isAllDay(event.start)
    ? midnight(event.start, zone, 1)
    : localDay(window.start, zone).end;
  return { start: window.start, end: Math.min(window.end, dayEnd) };
}
