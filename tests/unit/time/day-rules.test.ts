// The day rules shared by the popup schedule, the campaign status line and the in-page notice:
// one answer to "today", "under way", "in progress", "next" and "past" wherever it is asked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CampaignEvent, EventKind } from '../../../core/pack/types';
import { isMultiDay, tryEventWindow } from '../../../core/time/event-window';
import { formatPackDate } from '../../../core/time/pack-date';
import {
  STATUS_KINDS,
  campaignStatus,
  eventPhase,
  eventsInProgress,
  scheduleMarks,
  timedEvents,
} from '../../../core/time/status';
import { calendarDaysBetween, localDate, localDay } from '../../../core/time/wall-clock';

const NY = 'America/New_York';
const ZONES = [NY, 'Asia/Tokyo', 'Pacific/Honolulu', 'Europe/Madrid', 'Australia/Lord_Howe', 'UTC'];
const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

const DAY0 = utc('2026-01-01T00:00:00Z');
const dayString = (offset: number) =>
  new Date(DAY0 + offset * 24 * HOUR).toISOString().slice(0, 10);

/** All-day and timed events, single- and multi-day, with and without their own zone. */
const eventArb: fc.Arbitrary<CampaignEvent> = fc
  .record({
    kind: fc.constantFrom<EventKind>(...STATUS_KINDS),
    allDay: fc.boolean(),
    startDay: fc.integer({ min: 0, max: 364 }),
    days: fc.integer({ min: 0, max: 3 }),
    startMinute: fc.integer({ min: 0, max: 365 * 24 * 60 }),
    minutes: fc.option(fc.integer({ min: 1, max: 4 * 24 * 60 }), { nil: undefined }),
    zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  })
  .map(({ kind, allDay, startDay, days, startMinute, minutes, zone }) => {
    const base = { title: 'Event', kind, ...(zone !== undefined && { timeZone: zone }) };
    if (allDay) {
      return { ...base, start: dayString(startDay), end: dayString(startDay + days) };
    }
    const start = DAY0 + startMinute * 60_000;
    return {
      ...base,
      start: new Date(start).toISOString(),
      ...(minutes !== undefined && { end: new Date(start + minutes * 60_000).toISOString() }),
    };
  })
  .map((event) => ({ id: '', ...event }));

const eventsArb = fc
  .array(eventArb, { minLength: 1, maxLength: 6 })
  .map((events) => events.map((event, index) => ({ ...event, id: `e${index}` })));
const nowArb = fc.integer({ min: DAY0 - 2 * 24 * HOUR, max: DAY0 + 370 * 24 * HOUR });
const zoneArb = fc.constantFrom(...ZONES);

describe('day rules', () => {
  it('the popup schedule and the campaign status name the same event today and under way', () => {
    fc.assert(
      fc.property(eventsArb, nowArb, zoneArb, (events, now, zone) => {
        const marks = scheduleMarks(timedEvents(events, zone), now, zone);
        const status = campaignStatus(events, new Date(now), zone);
        if (marks.todayId !== null) {
          expect(status).toMatchObject({ phase: 'today', event: { id: marks.todayId } });
        } else if (marks.underWayIds.size > 0) {
          expect(status.phase).toBe('under-way');
          if (status.phase === 'under-way')
            expect(marks.underWayIds.has(status.event.id)).toBe(true);
        } else {
          expect(['upcoming', 'ended']).toContain(status.phase);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('each event is past, today, under way or later, and in progress exactly while its window holds now', () => {
    fc.assert(
      fc.property(eventsArb, nowArb, zoneArb, (events, now, zone) => {
        const today = localDay(now, zone);
        const inProgress = new Set(
          eventsInProgress(events, STATUS_KINDS, now, zone).map(({ event }) => event.id),
        );
        for (const timed of timedEvents(events, zone)) {
          const phase = eventPhase(timed, now, today);
          const started = timed.start <= now;
          expect(phase === 'past').toBe(timed.end <= now);
          expect(phase === 'under-way').toBe(timed.multiDay && started && now < timed.end);
          // Today's events have not ended and begin before the user's day is over.
          if (phase === 'today') expect(timed.start < today.end && timed.end > now).toBe(true);
          expect(inProgress.has(timed.event.id)).toBe(
            (phase === 'today' && started) || phase === 'under-way',
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the next event is the earliest to start after now, never the one marked today', () => {
    fc.assert(
      fc.property(eventsArb, nowArb, zoneArb, (events, now, zone) => {
        const timed = timedEvents(events, zone);
        const marks = scheduleMarks(timed, now, zone);
        const later = timed.filter((t) => t.start > now && t.event.id !== marks.todayId);
        expect(marks.next?.event.id ?? null).toBe(later[0]?.event.id ?? null);
      }),
      { numRuns: 200 },
    );
  });

  it('a timed event is multi-day when it lasts past the same clock time the next day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 }),
        fc.integer({ min: 1, max: 72 * 60 }),
        (startHour, minutes) => {
          const start = DAY0 + startHour * HOUR;
          const event: CampaignEvent = {
            id: 'e',
            title: 'Event',
            kind: 'action',
            start: new Date(start).toISOString(),
            end: new Date(start + minutes * 60_000).toISOString(),
          };
          // UTC has no daylight saving: a calendar day is always 24 hours there.
          const window = tryEventWindow(event, 'UTC')!;
          expect(isMultiDay(event, window, 'UTC')).toBe(minutes > 24 * 60);
        },
      ),
    );
  });

  it('counts a 24½-hour action as under way in the popup and the status alike', () => {
    const action: CampaignEvent = {
      id: 'sit-in',
      title: 'Sit-in',
      kind: 'action',
      start: '2026-06-15T08:00:00-04:00',
      end: '2026-06-16T08:30:00-04:00',
    };
    const now = utc('2026-06-16T02:00:00Z'); // 22:00 on the 15th in New York
    const marks = scheduleMarks(timedEvents([action], NY), now, NY);
    expect(marks.todayId).toBeNull();
    expect([...marks.underWayIds]).toEqual(['sit-in']);
    expect(campaignStatus([action], new Date(now), NY).phase).toBe('under-way');
  });

  it('keeps a timed event without end on the 25-hour fall-back day a one-day event', () => {
    // Starts at midnight and runs to the end of its day: 25 hours, but one calendar day.
    const vigil: CampaignEvent = {
      id: 'vigil',
      title: 'Vigil',
      kind: 'boycott',
      start: '2026-11-01T00:00:00-04:00',
      timeZone: NY,
    };
    const window = tryEventWindow(vigil, NY)!;
    expect(window.end - window.start).toBe(25 * HOUR);
    expect(isMultiDay(vigil, window, NY)).toBe(false);
    const now = utc('2026-11-01T15:00:00Z');
    expect(campaignStatus([vigil], new Date(now), NY)).toMatchObject({ phase: 'today' });
    expect(scheduleMarks(timedEvents([vigil], NY), now, NY).todayId).toBe('vigil');
  });

  it('counts calendar days in the user zone across DST changes', () => {
    fc.assert(
      fc.property(nowArb, nowArb, zoneArb, (from, to, zone) => {
        const days = (instant: number) => Date.parse(`${localDate(instant, zone)}T00:00:00Z`);
        expect(calendarDaysBetween(from, to, zone)).toBe(
          Math.round((days(to) - days(from)) / (24 * HOUR)),
        );
      }),
    );
  });

  it('formats a calendar date as that day, and gives back text that is no date', () => {
    expect(formatPackDate('2020-09-16', 'en-US')).toBe('Sep 16, 2020');
    expect(formatPackDate('2020-09-16', 'en-US', 'long')).toBe('September 16, 2020');
    expect(formatPackDate('soon', 'en-US')).toBe('soon');
  });
});
