import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../../core/pack/types';
import {
  nextReminder,
  scheduleReminders,
  type Reminder,
  type ReminderCampaign,
  type ReminderSettings,
} from '../../../core/reminders/schedule';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const HONOLULU = 'Pacific/Honolulu';
const MADRID = 'Europe/Madrid';
const utc = (iso: string) => Date.parse(iso);

const ON: ReminderSettings = { enabled: true, time: '09:00', dayBefore: false };
const ON_EVE: ReminderSettings = { ...ON, dayBefore: true };

function campaign(events: CampaignEvent[], id = 'shfp-2020-freeze'): ReminderCampaign {
  return {
    packId: 'stophateforprofit-2020',
    id,
    name: '#StopHateForProfit: Instagram freeze',
    hashtag: '#StopHateForProfit',
    events,
  };
}
function boycott(start: string, extra: Partial<CampaignEvent> = {}): CampaignEvent {
  return { id: 'freeze-day', title: '24-hour Instagram freeze', kind: 'boycott', start, ...extra };
}
/** Wall-clock of an instant in a zone, to state expectations the way a user sees them. */
function wall(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), 'yyyy-MM-dd HH:mm');
}
function only(list: Reminder[], kind: 'day' | 'eve'): Reminder {
  const found = list.filter((r) => r.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('scheduleReminders: daylight-saving days keep the local clock time', () => {
  const cases: [string, string, string, string][] = [
    // zone, event date, expected day reminder (UTC), expected eve reminder (UTC)
    [NY, '2026-03-08', '2026-03-08T13:00:00Z', '2026-03-07T23:00:00Z'], // EST→EDT that morning
    [NY, '2026-11-01', '2026-11-01T14:00:00Z', '2026-10-31T22:00:00Z'], // EDT→EST that morning
    [MADRID, '2026-03-29', '2026-03-29T07:00:00Z', '2026-03-28T17:00:00Z'], // CET→CEST
    [MADRID, '2026-10-25', '2026-10-25T08:00:00Z', '2026-10-24T16:00:00Z'], // CEST→CET
  ];
  for (const [zone, date, dayUtc, eveUtc] of cases) {
    it(`${zone} ${date}: 09:00 and 18:00 the evening before, local`, () => {
      const event = boycott(date, { timeZone: zone });
      const list = scheduleReminders(
        [campaign([event])],
        ON_EVE,
        zone,
        utc('2026-01-01T00:00:00Z'),
      );
      const day = only(list, 'day');
      const eve = only(list, 'eve');
      expect(day.dueAt).toBe(utc(dayUtc));
      expect(wall(day.dueAt, zone)).toBe(`${date} 09:00`);
      expect(eve.dueAt).toBe(utc(eveUtc));
      expect(wall(eve.dueAt, zone).slice(11)).toBe('18:00');
      // The day reminder lasts the whole (23- or 25-hour) day; the eve ends at midnight.
      expect(wall(day.expiresAt, zone)).toBe(wall(day.eventEndsAt, zone));
      expect(eve.expiresAt).toBe(day.eventStartsAt);
    });
  }

  it('keeps 09:00 in the user zone when the event has none', () => {
    const list = scheduleReminders([campaign([boycott('2026-03-29')])], ON, MADRID, 0);
    expect(wall(only(list, 'day').dueAt, MADRID)).toBe('2026-03-29 09:00');
  });
});

describe('scheduleReminders: event zone differs from the user zone', () => {
  // The freeze is all day 2020-09-16 in New York: 13:00 JST 16th → 13:00 JST 17th, and
  // 18:00 HST 15th → 18:00 HST 16th.
  const freeze = boycott('2020-09-16', { timeZone: NY });
  const before = utc('2020-09-01T00:00:00Z');

  it('Tokyo: 09:00 on the 17th (the 16th at 09:00 is before it starts), eve on the 15th', () => {
    const list = scheduleReminders([campaign([freeze])], ON_EVE, TOKYO, before);
    const day = only(list, 'day');
    expect(wall(day.dueAt, TOKYO)).toBe('2020-09-17 09:00');
    expect(wall(day.expiresAt, TOKYO)).toBe('2020-09-17 13:00');
    const eve = only(list, 'eve');
    expect(wall(eve.dueAt, TOKYO)).toBe('2020-09-15 18:00');
    expect(wall(eve.expiresAt, TOKYO)).toBe('2020-09-16 00:00');
  });

  it('Honolulu: 09:00 on the 16th; at 20:00 it is already the 15th', () => {
    const day = only(scheduleReminders([campaign([freeze])], ON, HONOLULU, before), 'day');
    expect(wall(day.dueAt, HONOLULU)).toBe('2020-09-16 09:00');
    expect(wall(day.expiresAt, HONOLULU)).toBe('2020-09-16 18:00');
    const late = scheduleReminders(
      [campaign([freeze])],
      { ...ON, time: '20:00' },
      HONOLULU,
      before,
    );
    expect(wall(only(late, 'day').dueAt, HONOLULU)).toBe('2020-09-15 20:00');
  });

  it('Honolulu: the eve is the day before the date the freeze starts there (the 14th)', () => {
    const eve = only(scheduleReminders([campaign([freeze])], ON_EVE, HONOLULU, before), 'eve');
    expect(wall(eve.dueAt, HONOLULU)).toBe('2020-09-14 18:00');
    expect(eve.expiresAt).toBeLessThanOrEqual(eve.eventStartsAt);
  });

  it('falls back to the start of a timed event the chosen time never falls in', () => {
    const rally: CampaignEvent = {
      id: 'rally',
      title: 'Rally',
      kind: 'action',
      start: '2026-06-15T17:00:00-04:00',
      end: '2026-06-15T19:00:00-04:00',
    };
    const day = only(scheduleReminders([campaign([rally])], ON, NY, 0), 'day');
    expect(day.dueAt).toBe(utc('2026-06-15T21:00:00Z'));
    expect(day.expiresAt).toBe(utc('2026-06-15T23:00:00Z'));
  });
});

describe('scheduleReminders: which events and when', () => {
  it('reminds once, on the first day, for a July 1–31 boycott', () => {
    const month = boycott('2026-07-01', { id: 'july', end: '2026-07-31', timeZone: NY });
    const list = scheduleReminders([campaign([month])], ON, NY, utc('2026-06-01T00:00:00Z'));
    expect(list).toHaveLength(1);
    expect(wall(list[0]!.dueAt, NY)).toBe('2026-07-01 09:00');
    expect(wall(list[0]!.expiresAt, NY)).toBe('2026-07-02 00:00');
    // Mid-month there is nothing left to remind.
    expect(scheduleReminders([campaign([month])], ON, NY, utc('2026-07-15T12:00:00Z'))).toEqual([]);
  });

  it('reminds for boycott and action events only', () => {
    const kinds = ['boycott', 'action', 'pause', 'deadline', 'other'] as const;
    const events = kinds.map((kind, i) => boycott(`2026-07-1${i}`, { id: kind, kind }));
    const list = scheduleReminders([campaign(events)], ON, NY, 0);
    expect(list.map((r) => r.event.id)).toEqual(['boycott', 'action']);
  });

  it('gives no reminders when turned off', () => {
    const events = [boycott('2026-07-10')];
    expect(scheduleReminders([campaign(events)], { ...ON, enabled: false }, NY, 0)).toEqual([]);
    expect(scheduleReminders([campaign(events)], { ...ON_EVE, enabled: false }, NY, 0)).toEqual([]);
  });

  it('keeps a missed reminder until its day is over, and drops it the next day', () => {
    const event = boycott('2026-03-08', { timeZone: NY });
    // Browser opened at 15:00 the same day: the 09:00 reminder is still listed (and due).
    const sameDay = scheduleReminders([campaign([event])], ON, NY, utc('2026-03-08T19:00:00Z'));
    expect(sameDay).toHaveLength(1);
    expect(sameDay[0]!.dueAt).toBeLessThan(utc('2026-03-08T19:00:00Z'));
    // Opened at 00:30 the next day: gone.
    expect(scheduleReminders([campaign([event])], ON, NY, utc('2026-03-09T04:30:00Z'))).toEqual([]);
  });

  it('gives a moved event a new id, and keeps the id when only the reminder time changes', () => {
    const before = scheduleReminders([campaign([boycott('2026-09-16')])], ON, NY, 0);
    const moved = scheduleReminders([campaign([boycott('2026-09-18')])], ON, NY, 0);
    expect(before.map((r) => r.id)).toEqual([
      'stophateforprofit-2020/shfp-2020-freeze/freeze-day/day/2026-09-16',
    ]);
    expect(moved.map((r) => r.id)).toEqual([
      'stophateforprofit-2020/shfp-2020-freeze/freeze-day/day/2026-09-18',
    ]);
    const later = scheduleReminders(
      [campaign([boycott('2026-09-16')])],
      { ...ON, time: '11:30' },
      NY,
      0,
    );
    expect(later.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(later[0]!.dueAt - before[0]!.dueAt).toBe(2.5 * 3_600_000);
  });

  it('names timed events by their UTC start, so moving one by hours changes the id', () => {
    const at = (start: string) =>
      scheduleReminders(
        [campaign([{ id: 'rally', title: 'Rally', kind: 'action', start }])],
        ON,
        NY,
        0,
      )[0]!.id;
    expect(at('2026-06-15T17:00:00-04:00')).toBe(
      'stophateforprofit-2020/shfp-2020-freeze/rally/day/2026-06-15T21:00:00.000Z',
    );
    expect(at('2026-06-15T18:00:00-04:00')).not.toBe(at('2026-06-15T17:00:00-04:00'));
  });

  it('uses 09:00 when the stored time is not HH:MM', () => {
    const list = scheduleReminders(
      [campaign([boycott('2026-07-10')])],
      { ...ON, time: '9am' },
      NY,
      0,
    );
    expect(wall(list[0]!.dueAt, NY)).toBe('2026-07-10 09:00');
  });

  it('sorts by due time across campaigns and skips unreadable events', () => {
    const a = campaign([boycott('2026-07-12')], 'a');
    const b = campaign([boycott('2026-07-10'), boycott('soon', { id: 'broken' })], 'b');
    const list = scheduleReminders([a, b], ON, NY, 0);
    expect(list.map((r) => r.campaignId)).toEqual(['b', 'a']);
  });
});

describe('nextReminder', () => {
  it('is the first reminder still to come, skipping one already due', () => {
    const events = [boycott('2026-07-10', { id: 'a' }), boycott('2026-07-12', { id: 'b' })];
    const at = (iso: string) => nextReminder([campaign(events)], ON_EVE, NY, utc(iso));
    expect(at('2026-07-01T00:00:00Z')?.id).toBe(
      `stophateforprofit-2020/shfp-2020-freeze/a/eve/2026-07-10`,
    );
    // 10:00 EDT on the 10th: a's day reminder is due (not next); b's eve is next.
    expect(at('2026-07-10T14:00:00Z')?.id).toBe(
      `stophateforprofit-2020/shfp-2020-freeze/b/eve/2026-07-12`,
    );
    expect(at('2026-07-12T14:00:00Z')).toBeNull();
    expect(nextReminder([campaign(events)], { ...ON, enabled: false }, NY, 0)).toBeNull();
  });
});

describe('scheduleReminders: properties', () => {
  const zones = [
    NY,
    TOKYO,
    HONOLULU,
    MADRID,
    'UTC',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kathmandu',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];
  const date = fc
    .date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2028-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const event = fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    kind: fc.constantFrom('boycott', 'action', 'pause', 'other') as fc.Arbitrary<
      CampaignEvent['kind']
    >,
    start: date,
    days: fc.integer({ min: 0, max: 40 }),
    timeZone: fc.option(fc.constantFrom(...zones), { nil: undefined }),
  });
  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('every reminder is due before it expires, ids are unique, and days stay in the event', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(event, { selector: (e) => e.id, maxLength: 6 }),
        fc.constantFrom(...zones),
        clock,
        fc.boolean(),
        fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2029-01-01') }),
        (raw, userZone, time, dayBefore, now) => {
          const events: CampaignEvent[] = raw.map((e) => {
            const end = new Date(Date.parse(e.start) + e.days * 86_400_000)
              .toISOString()
              .slice(0, 10);
            return {
              id: e.id,
              title: e.id,
              kind: e.kind,
              start: e.start,
              end,
              ...(e.timeZone && { timeZone: e.timeZone }),
            };
          });
          const list = scheduleReminders(
            [campaign(events, 'one'), campaign(events, 'two')],
            { enabled: true, time, dayBefore },
            userZone,
            now,
          );
          expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
          for (const r of list) {
            expect(r.dueAt).toBeLessThan(r.expiresAt);
            expect(r.expiresAt).toBeGreaterThan(now);
            const hour = Number(time.slice(0, 2));
            // Away from the small hours (where DST gaps live), a reminder that is not the
            // start-of-event fallback is at exactly the chosen (or eve) local time.
            if (r.dueAt !== r.eventStartsAt && hour >= 6 && hour <= 22) {
              expect(wall(r.dueAt, userZone).slice(11)).toBe(r.kind === 'day' ? time : '18:00');
            }
            if (r.kind === 'day') {
              expect(r.dueAt).toBeGreaterThanOrEqual(r.eventStartsAt);
              expect(r.expiresAt).toBeLessThanOrEqual(r.eventEndsAt);
            } else {
              expect(r.expiresAt).toBeLessThanOrEqual(r.eventStartsAt);
            }
            expect(['boycott', 'action']).toContain(r.event.kind);
          }
          const sorted = [...list].sort((a, b) => a.dueAt - b.dueAt);
          expect(list.map((r) => r.dueAt)).toEqual(sorted.map((r) => r.dueAt));
        },
      ),
      { numRuns: 300 },
    );
  });
});
