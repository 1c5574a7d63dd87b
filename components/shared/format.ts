// Locale-aware formatting for the extension pages. Everything a user reads about time goes
// through Intl in the UI language, in the user's own time zone.
import { browser } from 'wxt/browser';
import type { CampaignEvent } from '../../core/pack/types';
import { eventWindow } from '../../core/time/event-window';
import { calendarDate, formatPackDate } from '../../core/time/pack-date';
import { calendarDaysBetween } from '../../core/time/wall-clock';

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

/**
 * The dates of an event as the user reads them. All-day events are shown by their calendar
 * dates (they mean the same day everywhere they're observed); timed events in the user's zone.
 */
export function formatEventDates(
  event: CampaignEvent,
  timeZone: string,
  locale = uiLanguage(),
): string {
  const start = calendarDate(event.start);
  if (start) {
    const end = event.end && event.end !== event.start ? calendarDate(event.end) : null;
    if (!end) return formatPackDate(event.start, locale, 'long');
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).formatRange(start, end);
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
  return formatPackDate(value, locale);
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
  const days = calendarDaysBetween(nowMs, targetMs, timeZone);
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
