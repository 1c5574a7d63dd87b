import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../../core/pack/types';
import {
  eventWindow,
  firstDayWindow,
  isMultiDay,
  surelyEndedBy,
  tryEventWindow,
} from '../../../core/time/event-window';
import { campaignStatus } from '../../../core/time/status';
import { localDate, localDay, zonedTime } from '../../../core/time/wall-clock';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const HONOLULU = 'Pacific/Honolulu';
const MADRID = 'Europe/Madrid';
const HOUR = 3_600_000;

function ev(partial: Partial<CampaignEvent> & Pick<CampaignEvent, 'start'>): CampaignEvent {
  return { id: 'e1', title: 'Event', kind: 'boycott', ...partial };
}
const utc = (iso: string) => Date.parse(iso);

describe('eventWindow', () => {
  it('covers a whole all-day date in the event zone, 23 hours on the spring-forward day', () => {
    const w = eventWindow(ev({ start: '2026-03-08', timeZone: NY }), TOKYO);
    expect(w.start).toBe(utc('2026-03-08T05:00:00Z')); // midnight EST
    expect(w.end).toBe(utc('2026-03-09T04:00:00Z')); // midnight EDT
    expect(w.end - w.start).toBe(23 * HOUR);
  });

  it('makes the fall-back day 25 hours long', () => {
    const w = eventWindow(ev({ start: '2026-11-01', timeZone: NY }), TOKYO);
    expect(w.start).toBe(utc('2026-11-01T04:00:00Z'));
    expect(w.end).toBe(utc('2026-11-02T05:00:00Z'));
    expect(w.end - w.start).toBe(25 * HOUR);
  });

  it("reads an all-day date without timeZone in the user's zone", () => {
    expect(eventWindow(ev({ start: '2020-09-16' }), TOKYO)).toEqual({
      start: utc('2020-09-15T15:00:00Z'),
      end: utc('2020-09-16T15:00:00Z'),
    });
    expect(eventWindow(ev({ start: '2020-09-16' }), HONOLULU)).toEqual({
      start: utc('2020-09-16T10:00:00Z'),
      end: utc('2020-09-17T10:00:00Z'),
    });
  });

  it('includes the end date of a multi-day all-day event', () => {
    const w = eventWindow(ev({ start: '2026-07-01', end: '2026-07-31', timeZone: MADRID }), NY);
    expect(w.start).toBe(utc('2026-06-30T22:00:00Z'));
    expect(w.end).toBe(utc('2026-07-31T22:00:00Z'));
  });

  it('starts a day whose midnight does not exist at the first instant that does', () => {
    // Chile springs forward at 00:00 on 2026-09-06: the day starts at 01:00 -03:00.
    const w = eventWindow(ev({ start: '2026-09-06', timeZone: 'America/Santiago' }), NY);
    expect(w.start).toBe(utc('2026-09-06T04:00:00Z'));
    expect(w.end).toBe(utc('2026-09-07T03:00:00Z'));
  });

  it('uses the instants of a timed event', () => {
    const w = eventWindow(
      ev({ start: '2026-06-15T17:00:00-04:00', end: '2026-06-15T19:30:00-04:00' }),
      TOKYO,
    );
    expect(w).toEqual({ start: utc('2026-06-15T21:00:00Z'), end: utc('2026-06-15T23:30:00Z') });
  });

  it('runs a timed event without end to the end of its start day in its zone, else the user zone', () => {
    const inNewYork = eventWindow(ev({ start: '2026-06-15T10:00:00Z', timeZone: NY }), TOKYO);
    expect(inNewYork.end).toBe(utc('2026-06-16T04:00:00Z')); // midnight EDT after 06:00 EDT
    const inTokyo = eventWindow(ev({ start: '2026-06-15T10:00:00Z' }), TOKYO);
    expect(inTokyo.end).toBe(utc('2026-06-15T15:00:00Z')); // midnight JST after 19:00 JST
    // An explicit end equal to the start is the same as none: a zero-length event is never on.
    const same = eventWindow(
      ev({ start: '2026-06-15T10:00:00Z', end: '2026-06-15T10:00:00Z', timeZone: NY }),
      TOKYO,
    );
    expect(same).toEqual(inNewYork);
  });

  it('reads mixed bounds, lower-case separators, long fractions and leap seconds', () => {
    expect(eventWindow(ev({ start: '2026-06-15', end: '2026-06-15T12:00:00Z' }), 'UTC')).toEqual({
      start: utc('2026-06-15T00:00:00Z'),
      end: utc('2026-06-15T12:00:00Z'),
    });
    expect(
      eventWindow(ev({ start: '2026-06-15t10:00:00.123456789z', end: '2026-06-16' }), 'UTC'),
    ).toEqual({ start: utc('2026-06-15T10:00:00.123Z'), end: utc('2026-06-17T00:00:00Z') });
    expect(eventWindow(ev({ start: '2016-12-31T23:59:60Z' }), 'UTC').start).toBe(
      utc('2017-01-01T00:00:00Z'),
    );
  });

  it('throws for an unreadable event, where tryEventWindow gives null', () => {
    const bad = ev({ start: 'next tuesday' });
    expect(() => eventWindow(bad, 'UTC')).toThrow(RangeError);
    expect(tryEventWindow(bad, 'UTC')).toBeNull();
  });

  it("falls back to the user's zone when the event zone is unknown", () => {
    expect(eventWindow(ev({ start: '2020-09-16', timeZone: 'Mars/Olympus' }), TOKYO)).toEqual(
      eventWindow(ev({ start: '2020-09-16' }), TOKYO),
    );
  });
});

describe('isMultiDay and firstDayWindow', () => {
  it('treats a one-date event as single-day even on a 25-hour day', () => {
    const e = ev({ start: '2026-11-01', timeZone: NY });
    const w = eventWindow(e, NY);
    expect(isMultiDay(e, w, NY)).toBe(false);
    expect(firstDayWindow(e, w, NY)).toEqual(w);
  });

  it('gives the start date as the first day of a July 1–31 event', () => {
    const e = ev({ start: '2026-07-01', end: '2026-07-31', timeZone: NY });
    const w = eventWindow(e, TOKYO);
    expect(isMultiDay(e, w, TOKYO)).toBe(true);
    expect(firstDayWindow(e, w, TOKYO)).toEqual({
      start: utc('2026-07-01T04:00:00Z'),
      end: utc('2026-07-02T04:00:00Z'),
    });
  });

  it('gives the rest of the start day for a timed event longer than 24 hours', () => {
    const e = ev({ start: '2026-07-01T20:00:00-04:00', end: '2026-07-03T20:00:00-04:00' });
    const w = eventWindow(e, NY);
    expect(isMultiDay(e, w, NY)).toBe(true);
    expect(firstDayWindow(e, w, NY)).toEqual({
      start: utc('2026-07-02T00:00:00Z'),
      end: utc('2026-07-02T04:00:00Z'),
    });
  });
});

describe('campaignStatus', () => {
  const freeze = ev({ id: 'freeze-day', start: '2020-09-16', timeZone: NY });
  const julyPause = ev({ id: 'pause', kind: 'pause', start: '2026-07-01', end: '2026-07-31' });

  it('is none without events, and none when only "other" events exist', () => {
    expect(campaignStatus([], new Date(), NY)).toEqual({ phase: 'none' });
    const other = ev({ kind: 'other', start: '2026-07-10' });
    expect(campaignStatus([other], new Date('2026-07-10T12:00:00Z'), 'UTC')).toEqual({
      phase: 'none',
    });
  });

  it('is upcoming with the next start, ignoring "other" events that come sooner', () => {
    const other = ev({ id: 'anniv', kind: 'other', start: '2020-09-12' });
    const deadline = ev({ id: 'dl', kind: 'deadline', start: '2020-10-01', timeZone: NY });
    const status = campaignStatus([deadline, other, freeze], new Date('2020-09-10T12:00:00Z'), NY);
    expect(status).toEqual({
      phase: 'upcoming',
      event: freeze,
      startsAt: utc('2020-09-16T04:00:00Z'),
    });
  });

  it('is today during a one-day event, with its start and end', () => {
    const status = campaignStatus([freeze], new Date('2020-09-16T16:00:00Z'), NY);
    expect(status).toEqual({
      phase: 'today',
      event: freeze,
      startsAt: utc('2020-09-16T04:00:00Z'),
      endsAt: utc('2020-09-17T04:00:00Z'),
    });
  });

  it("is today in Tokyo the morning before New York's day begins (it begins at 13:00 JST)", () => {
    const at = new Date('2020-09-16T01:00:00Z'); // 10:00 JST, 21:00 EDT on the 15th
    const status = campaignStatus([freeze], at, TOKYO);
    expect(status.phase).toBe('today');
    if (status.phase === 'today') expect(status.startsAt).toBeGreaterThan(at.getTime());
    // And on the 17th before 13:00 JST the freeze is still on.
    expect(campaignStatus([freeze], new Date('2020-09-17T02:00:00Z'), TOKYO).phase).toBe('today');
    // After 13:00 JST on the 17th it is over.
    expect(campaignStatus([freeze], new Date('2020-09-17T05:00:00Z'), TOKYO)).toEqual({
      phase: 'ended',
      endedAt: utc('2020-09-17T04:00:00Z'),
    });
  });

  it('is upcoming in Honolulu two days before, and today on the 15th (it begins 18:00 HST)', () => {
    expect(campaignStatus([freeze], new Date('2020-09-14T19:00:00Z'), HONOLULU).phase).toBe(
      'upcoming',
    );
    expect(campaignStatus([freeze], new Date('2020-09-15T19:00:00Z'), HONOLULU).phase).toBe(
      'today',
    );
  });

  it('is today for a timed event later today, and not once it is over', () => {
    const rally = ev({
      id: 'rally',
      kind: 'action',
      start: '2026-06-15T18:00:00-04:00',
      end: '2026-06-15T20:00:00-04:00',
    });
    expect(campaignStatus([rally], new Date('2026-06-15T13:00:00Z'), NY)).toMatchObject({
      phase: 'today',
      startsAt: utc('2026-06-15T22:00:00Z'),
    });
    expect(campaignStatus([rally], new Date('2026-06-16T01:00:00Z'), NY)).toEqual({
      phase: 'ended',
      endedAt: utc('2026-06-16T00:00:00Z'),
    });
  });

  it('is under-way mid-month during a July 1–31 pause', () => {
    expect(campaignStatus([julyPause], new Date('2026-07-15T12:00:00Z'), NY)).toEqual({
      phase: 'under-way',
      event: julyPause,
      endsAt: utc('2026-08-01T04:00:00Z'),
    });
  });

  it('prefers a one-day boycott today over the month-long pause around it', () => {
    const dayOff = ev({ id: 'day-off', start: '2026-07-10' });
    const status = campaignStatus([julyPause, dayOff], new Date('2026-07-10T15:00:00Z'), NY);
    expect(status).toMatchObject({ phase: 'today', event: dayOff });
    // The day after, the pause is what is on.
    expect(campaignStatus([julyPause, dayOff], new Date('2026-07-11T15:00:00Z'), NY).phase).toBe(
      'under-way',
    );
  });

  it('is ended with the last end once every counted event is over', () => {
    const status = campaignStatus([freeze, julyPause], new Date('2026-09-01T00:00:00Z'), NY);
    expect(status).toEqual({ phase: 'ended', endedAt: utc('2026-08-01T04:00:00Z') });
  });

  it('reports local dates in the named zone', () => {
    expect(localDate(utc('2020-09-16T01:00:00Z'), TOKYO)).toBe('2020-09-16');
    expect(localDate(utc('2020-09-16T01:00:00Z'), NY)).toBe('2020-09-15');
  });
});

describe('zone helpers', () => {
  it('gives 23- and 25-hour local days on DST changes, and the same answer when memoized', () => {
    const spring = localDay(utc('2026-03-08T12:00:00Z'), NY);
    expect(spring.end - spring.start).toBe(23 * HOUR);
    expect(localDay(utc('2026-03-08T12:00:00Z'), NY)).toEqual(spring);
    const fall = localDay(utc('2026-10-25T12:00:00Z'), MADRID);
    expect(fall.end - fall.start).toBe(25 * HOUR);
  });

  it('rolls day overflow into the next month and moves DST-gap times forward', () => {
    expect(zonedTime(2026, 0, 32, 9, 0, NY)).toBe(utc('2026-02-01T14:00:00Z'));
    // 02:30 does not exist in New York on 2026-03-08; it becomes 03:30 EDT.
    expect(zonedTime(2026, 2, 8, 2, 30, NY)).toBe(utc('2026-03-08T07:30:00Z'));
  });

  it('surelyEndedBy only ever says so for events whose window is over', () => {
    const zones = [NY, TOKYO, HONOLULU, MADRID, 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const instant = fc.integer({ min: utc('2025-01-01'), max: utc('2027-01-01') });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 5 * 24 }),
        fc.boolean(),
        fc.option(fc.constantFrom(...zones), { nil: undefined }),
        fc.constantFrom(...zones),
        instant,
        (startMs, hours, allDay, timeZone, userZone, now) => {
          const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
          const endMs = startMs + hours * HOUR;
          const event = ev({
            start: allDay ? toDate(startMs) : new Date(startMs).toISOString(),
            ...(hours > 0 && { end: allDay ? toDate(endMs) : new Date(endMs).toISOString() }),
            ...(timeZone && { timeZone }),
          });
          if (surelyEndedBy(event, now)) {
            expect(eventWindow(event, userZone).end).toBeLessThanOrEqual(now);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
