// Boycott-day reminders as pure data: which reminders exist for the enabled campaigns, the
// user's settings, time zone and clock. The background turns this list into one alarm and
// notifications (background/reminders.ts); nothing here touches a browser API.
//
// Rules:
// - Only `boycott` and `action` events get reminders: they ask something of the user that day.
//   (A `pause` is advertisers pausing, a `deadline` is the target's; nothing for the user to do.)
// - One `day` reminder per event, on its first day only (a July 1–31 boycott reminds on July 1),
//   at the user's chosen local time (settings.reminders.time) in the USER's zone. The first day
//   may straddle two or three user-local dates when the event has its own zone; the reminder goes
//   on the first user-local date on which the event is under way at that local time. When there
//   is none (a short timed event, or an event day that never covers that clock time for this
//   user), it goes at the event's start instead. It expires when the event's first day ends.
// - With `dayBefore`, one `eve` reminder at 18:00 user-local on the day before the user-local
//   date on which the event starts; it expires at that day's end (the start of the event's date).
// - Ids are `<packId>/<campaignId>/<eventId>/<day|eve>/<date>`, where `<date>` is the event's
//   start as written for all-day events (`2020-09-16`) and its UTC instant for timed ones. An
//   update that moves an event therefore yields a new id (the old one vanishes with the old date),
//   while changing the reminder time or the device's zone keeps the id, so an already-fired
//   reminder does not fire again.
// - Only reminders that have not expired yet (expiresAt > now) are listed, due ones included: a
//   reminder missed while the browser was closed still fires at start-up the same day, never
//   after.
import type { CampaignEvent, EventKind } from '../pack/types';
import { firstDayWindow, isAllDay, surelyEndedBy, tryEventWindow } from '../time/event-window';
import { localDateParts, zonedTime } from '../time/wall-clock';

export const REMINDER_KINDS: readonly EventKind[] = ['boycott', 'action'];
export const DEFAULT_REMINDER_TIME = '09:00';
/** The local time of the evening-before reminder. */
export const EVE_TIME = '18:00';

export interface ReminderCampaign {
  packId: string;
  /** The campaign's id inside its pack. */
  id: string;
  name: string;
  hashtag?: string;
  events: CampaignEvent[];
}

export interface ReminderSettings {
  enabled: boolean;
  /** `HH:MM`, 24-hour, user-local. */
  time: string;
  dayBefore: boolean;
}

export type ReminderKind = 'day' | 'eve';

export interface Reminder {
  id: string;
  kind: ReminderKind;
  packId: string;
  campaignId: string;
  campaignName: string;
  hashtag?: string;
  event: CampaignEvent;
  /** When to show it, epoch ms. */
  dueAt: number;
  /** After this instant it is stale and must never be shown; dueAt < expiresAt always. */
  expiresAt: number;
  eventStartsAt: number;
  eventEndsAt: number;
}

const MIDNIGHT = { hours: 0, minutes: 0 };
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Hours and minutes of an `HH:MM` time, or null when it is not one. */
export function parseClock(time: string): { hours: number; minutes: number } | null {
  const m = CLOCK_PATTERN.exec(time);
  return m ? { hours: +m[1]!, minutes: +m[2]! } : null;
}

type DateParts = { year: number; monthIndex: number; day: number };

/** The instant of `clock` on the local date `date` + `dayOffset` days, in `zone`. */
function atClock(
  date: DateParts,
  dayOffset: number,
  clock: { hours: number; minutes: number },
  zone: string,
): number {
  // Built from calendar components, so 09:00 stays 09:00 across DST changes; a clock time that
  // falls in a DST gap moves forward to the first time that exists.
  return zonedTime(
    date.year,
    date.monthIndex,
    date.day + dayOffset,
    clock.hours,
    clock.minutes,
    zone,
  );
}

/** The part of a reminder id that names the event's start (changes when the event moves). */
export function eventDateToken(event: CampaignEvent, startsAt: number): string {
  return isAllDay(event.start) ? event.start : new Date(startsAt).toISOString();
}

/** `<packId>/<campaignId>/<eventId>/<startToken>`: one event occurrence. */
export function eventOccurrenceId(
  packId: string,
  campaignId: string,
  event: CampaignEvent,
  startsAt: number,
): string {
  return `${packId}/${campaignId}/${event.id}/${eventDateToken(event, startsAt)}`;
}

/** Every reminder not yet expired at `now`, sorted by dueAt (then id). */
export function scheduleReminders(
  campaigns: readonly ReminderCampaign[],
  settings: ReminderSettings,
  userTimeZone: string,
  now: number,
): Reminder[] {
  if (!settings.enabled) return [];
  const clock = parseClock(settings.time) ?? parseClock(DEFAULT_REMINDER_TIME)!;
  const eveClock = parseClock(EVE_TIME)!;
  const reminders: Reminder[] = [];

  for (const campaign of campaigns) {
    for (const event of campaign.events) {
      if (!REMINDER_KINDS.includes(event.kind) || surelyEndedBy(event, now)) continue;
      const window = tryEventWindow(event, userTimeZone);
      if (!window) continue;
      const firstDay = firstDayWindow(event, window, userTimeZone);
      const base = {
        packId: campaign.packId,
        campaignId: campaign.id,
        campaignName: campaign.name,
        ...(campaign.hashtag !== undefined && { hashtag: campaign.hashtag }),
        event,
        eventStartsAt: window.start,
        eventEndsAt: window.end,
      };
      const idOf = (kind: ReminderKind) =>
        `${campaign.packId}/${campaign.id}/${event.id}/${kind}/${eventDateToken(event, window.start)}`;

      // The user-local date on which the event starts for this user.
      const startDate = localDateParts(firstDay.start, userTimeZone);
      const midnightOf = (offset: number) => atClock(startDate, offset, MIDNIGHT, userTimeZone);

      let dayDue = firstDay.start;
      for (let offset = 0; midnightOf(offset) < firstDay.end; offset++) {
        const at = atClock(startDate, offset, clock, userTimeZone);
        if (at >= firstDay.start && at < firstDay.end) {
          dayDue = at;
          break;
        }
      }
      reminders.push({
        ...base,
        id: idOf('day'),
        kind: 'day',
        dueAt: dayDue,
        expiresAt: firstDay.end,
      });

      if (settings.dayBefore) {
        reminders.push({
          ...base,
          id: idOf('eve'),
          kind: 'eve',
          dueAt: atClock(startDate, -1, eveClock, userTimeZone),
          expiresAt: midnightOf(0),
        });
      }
    }
  }

  // A pack should not repeat an event id, but if one does, the first occurrence wins rather
  // than two reminders sharing an id (and one fired-state entry).
  const byId = new Map<string, Reminder>();
  for (const r of reminders) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()]
    .filter((r) => r.expiresAt > now && r.dueAt < r.expiresAt)
    .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The next reminder still to come after `now` (what the popup and options show as "Next"). */
export function nextReminder(
  campaigns: readonly ReminderCampaign[],
  settings: ReminderSettings,
  userTimeZone: string,
  now: number,
): Reminder | null {
  return (
    scheduleReminders(campaigns, settings, userTimeZone, now).find((r) => r.dueAt > now) ?? null
  );
}
