// Locale-aware formatting for the extension pages. Everything a user reads about time goes
// through Intl in the UI language, in the user's own time zone.
import { browser } from 'wxt/browser';
import type { CampaignEvent } from '../../core/pack/types';
import { eventWindow } from '../../core/time/status';

/** The browser's UI language (what @wxt-dev/i18n picked the messages for), else navigator's. */
export function uiLanguage(): string {
  try {
    const fromExtension = browser.i18n.getUILanguage();
    if (fromExtension) return fromExtension;
  } catch {
    // Some test environments and very old browsers have no i18n.getUILanguage.
  }
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isAllDay(event: CampaignEvent): boolean {
  return ALL_DAY.test(event.start);
}

/**
 * The dates of an event as the user reads them. All-day events are shown by their calendar
 * dates (they mean the same day everywhere they're observed); timed events in the user's zone.
 */
export function formatEventDates(
  event: CampaignEvent,
  timeZone: string,
  locale = uiLanguage(),
): string {
  if (isAllDay(event)) {
    // Calendar dates: format at noon UTC in UTC so no zone can shift the day.
    const start = new Date(`${event.start}T12:00:00Z`);
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    if (event.end && ALL_DAY.test(event.end) && event.end !== event.start) {
      return format.formatRange(start, new Date(`${event.end}T12:00:00Z`));
    }
    return format.format(start);
  }
  const window = eventWindow(event, timeZone);
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  });
  return window.end > window.start
    ? format.formatRange(new Date(window.start), new Date(window.end))
    : format.format(new Date(window.start));
}

export function formatDate(epochMs: number, timeZone: string, locale = uiLanguage()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(epochMs));
}

export function formatDateTime(iso: string, locale = uiLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A pack or source date that may be a plain `YYYY-MM-DD` or a date-time. */
export function formatLooseDate(value: string, locale = uiLanguage()): string {
  if (ALL_DAY.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T12:00:00Z`),
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** The user's calendar date (`YYYY-MM-DD`) of an instant in their zone. */
function calendarDate(epochMs: number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD; only used as a machine-readable key.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}

/**
 * "in 3 days", "tomorrow", "in 5 hours", "in 20 minutes". A day away or more counts calendar
 * days in the user's zone (so tomorrow morning is "tomorrow", not "in 14 hours"); closer than
 * that, whole hours, then minutes, never "in 0 minutes".
 */
export function formatCountdown(
  targetMs: number,
  nowMs: number,
  timeZone: string,
  locale = uiLanguage(),
): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const deltaMinutes = Math.round((targetMs - nowMs) / 60_000);
  const days = Math.round(
    (Date.parse(calendarDate(targetMs, timeZone)) - Date.parse(calendarDate(nowMs, timeZone))) /
      86_400_000,
  );
  if (Math.abs(deltaMinutes) >= 20 * 60 && days !== 0) return format.format(days, 'day');
  if (Math.abs(deltaMinutes) >= 60) return format.format(Math.round(deltaMinutes / 60), 'hour');
  return format.format(deltaMinutes >= 0 ? Math.max(deltaMinutes, 1) : deltaMinutes, 'minute');
}

export function formatNumber(value: number, locale = uiLanguage()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Formats `HH:MM` (local wall-clock) as the user's locale writes times. */
export function formatWallTime(hhmm: string, locale = uiLanguage()): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  const date = new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2])));
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(date);
}

/** Only https URLs may become links (security checklist); anything else is shown as text. */
export function safeHttpsUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The day an event starts, as the user reads it (all-day events by their calendar date). */
export function formatEventStartDay(
  event: CampaignEvent,
  startMs: number,
  timeZone: string,
  locale = uiLanguage(),
): string {
  if (isAllDay(event)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${event.start}T12:00:00Z`),
    );
  }
  return formatDate(startMs, timeZone, locale);
}
