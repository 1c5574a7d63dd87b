// Wall-clock arithmetic in named time zones, on @date-fns/tz: instants built from calendar
// components, the local calendar day holding an instant, and calendar days between instants.
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format } from 'date-fns';

export interface TimeWindow {
  /** Inclusive, epoch ms. */
  start: number;
  /** Exclusive, epoch ms. */
  end: number;
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

/** Calendar components of `instant`'s local date in `zone`. */
export function localDateParts(
  instant: number,
  zone: string,
): { year: number; monthIndex: number; day: number } {
  const local = new TZDate(instant, zone);
  return { year: local.getFullYear(), monthIndex: local.getMonth(), day: local.getDate() };
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

/** The same wall-clock time one calendar day after `instant` in `zone` (23–25 hours later). */
export function sameTimeNextDay(instant: number, zone: string): number {
  return addDays(new TZDate(instant, zone), 1).getTime();
}

/** Calendar days from `from`'s local date to `to`'s in `zone` (0 on the same day). */
export function calendarDaysBetween(from: number, to: number, zone: string): number {
  return differenceInCalendarDays(new TZDate(to, zone), new TZDate(from, zone));
}

const zoneUsable = new Map<string, boolean>();

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isUsableZone(zone: string): boolean {
  let usable = zoneUsable.get(zone);
  if (usable === undefined) {
    usable = !Number.isNaN(new TZDate(0, zone).getTime());
    if (zoneUsable.size < 1_000) zoneUsable.set(zone, usable);
  }
  return usable;
}
