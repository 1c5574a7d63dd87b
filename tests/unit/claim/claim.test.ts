// The badge's words: one past-tense phrase per role, status and relation, with the month of the
// earliest dated action, read from the real English and Spanish locale files.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CLAIM_KEYS,
  claimDate,
  claimText,
  claimWord,
  datedActions,
  type ClaimFacts,
  type ClaimWord,
} from '../../../core/claim';
import type {
  EventKind,
  ParticipantRelation,
  ParticipantRole,
  ParticipantStatus,
} from '../../../core/pack/types';
import { localeMessages } from '../ui/messages';

const messages: Record<'en' | 'es', Record<string, string>> = { en: {}, es: {} };
beforeAll(async () => {
  messages.en = await localeMessages('en');
  messages.es = await localeMessages('es');
});

/** The words as the extension shows them (the built message catalogue uses `_` for `.`). */
function words(locale: 'en' | 'es') {
  return (key: string) => {
    const text = messages[locale][key.replaceAll('.', '_')];
    if (text === undefined) throw new Error(`no ${locale} message for ${key}`);
    return text;
  };
}

const freeze = { date: '2020-09-16', eventKind: 'boycott' as EventKind };
const pause = { date: '2020-07-01', eventKind: 'pause' as EventKind };

const CASES: [string, ClaimFacts, ClaimWord, string, string][] = [
  ['organiser', { role: 'organizer', actions: [] }, 'coOrganised', 'Co-organised', 'Coorganizó'],
  [
    'coalition member',
    { role: 'coalition-member', status: 'took-part', actions: [freeze] },
    'joinedCoalition',
    'Joined the coalition · Sep 2020',
    'Se unió a la coalición · sept 2020',
  ],
  [
    'paused ads, joined',
    { role: 'advertiser', status: 'paused-ads', actions: [pause] },
    'pausedAds',
    'Paused ads · Jul 2020',
    'Pausó anuncios · jul 2020',
  ],
  [
    'paused ads without joining',
    { role: 'advertiser', status: 'paused-ads', relation: 'aligned', actions: [pause] },
    'pausedNotJoined',
    "Paused, didn't join · Jul 2020",
    'Pausó, sin unirse · jul 2020',
  ],
  [
    'took part in a boycott',
    { role: 'participant', status: 'took-part', actions: [freeze] },
    'boycotted',
    'Boycotted · Sep 2020',
    'Boicoteó · sept 2020',
  ],
  [
    'took part in a pause',
    { role: 'advertiser', status: 'took-part', actions: [pause] },
    'pausedAds',
    'Paused ads · Jul 2020',
    'Pausó anuncios · jul 2020',
  ],
  [
    'took part in another event',
    {
      role: 'participant',
      status: 'took-part',
      actions: [{ date: '2020-09-16', eventKind: 'action' }],
    },
    'tookPart',
    'Took part · Sep 2020',
    'Participó · sept 2020',
  ],
  [
    'took part, named in lists only',
    { role: 'participant', status: 'took-part', relation: 'listed', actions: [freeze] },
    'namedAsJoining',
    'Named as joining · Sep 2020',
    'Figura como participante · sept 2020',
  ],
  [
    'announced',
    { role: 'participant', status: 'announced', actions: [{ date: '2020-09-14' }] },
    'announced',
    'Announced · Sep 2020',
    'Lo anunció · sept 2020',
  ],
  [
    'resumed',
    { role: 'advertiser', status: 'resumed', actions: [pause] },
    'pausedThenResumed',
    'Paused, then resumed · Jul 2020',
    'Pausó y luego reanudó · jul 2020',
  ],
  [
    'withdrew',
    { role: 'advertiser', status: 'withdrew', actions: [] },
    'withdrew',
    'Withdrew',
    'Se retiró',
  ],
  [
    'no status',
    { role: 'participant', actions: [freeze] },
    'tookPart',
    'Took part · Sep 2020',
    'Participó · sept 2020',
  ],
  [
    'no status, named in lists only',
    { role: 'participant', relation: 'listed', actions: [] },
    'namedAsJoining',
    'Named as joining',
    'Figura como participante',
  ],
];

describe('the claim words', () => {
  it.each(CASES)('%s', (_, facts, word, english, spanish) => {
    expect(claimWord(facts)).toBe(word);
    expect(claimText(facts, words('en'), 'en')).toBe(english);
    expect(claimText(facts, words('es'), 'es')).toBe(spanish);
  });

  it('has short words in both languages for every claim', () => {
    for (const key of Object.values(CLAIM_KEYS)) {
      for (const locale of ['en', 'es'] as const) {
        // A username line holds a few words; the badge's own CSS ellipsises the rest.
        expect(words(locale)(key).length).toBeLessThanOrEqual(24);
      }
    }
  });

  it('never gives a member’s words to a participant that did not join', () => {
    const roles: ParticipantRole[] = ['participant', 'advertiser', 'organizer', 'coalition-member'];
    const statuses: (ParticipantStatus | undefined)[] = [
      undefined,
      'took-part',
      'announced',
      'paused-ads',
      'resumed',
      'withdrew',
    ];
    const kinds: (EventKind | undefined)[] = [undefined, 'boycott', 'pause', 'action', 'other'];
    for (const relation of ['aligned', 'listed'] as ParticipantRelation[]) {
      for (const role of roles) {
        for (const status of statuses) {
          for (const eventKind of kinds) {
            const word = claimWord({
              role,
              relation,
              ...(status && { status }),
              actions: [{ date: '2020-07-01', ...(eventKind && { eventKind }) }],
            });
            expect(['coOrganised', 'joinedCoalition']).not.toContain(word);
            // Named in a list by others is all a listed participant is said to be.
            if (relation === 'listed') expect(word).toBe('namedAsJoining');
          }
        }
      }
    }
  });

  it('dates an act by its last dated action, whatever the pack order', () => {
    const facts: ClaimFacts = {
      role: 'participant',
      status: 'took-part',
      actions: [{ date: '2020-09-16', eventKind: 'boycott' }, {}, pause],
    };
    expect(claimDate(facts)).toBe('2020-09-16');
    // "Took part" names the act the claim is about: the September boycott.
    expect(claimWord(facts)).toBe('boycotted');
    expect(claimText(facts, words('en'), 'en', 'day')).toBe('Boycotted · Sep 16, 2020');
    // An announcement made before the freeze does not date the freeze.
    const announcedThenFroze: ClaimFacts = {
      role: 'participant',
      status: 'took-part',
      actions: [
        { date: '2020-09-16', eventKind: 'boycott' },
        { date: '2020-09-15', eventKind: 'boycott' },
      ],
    };
    expect(claimText(announcedThenFroze, words('en'), 'en', 'day')).toBe(
      'Boycotted · Sep 16, 2020',
    );
  });

  it('dates a pause, an announcement, a listing and an organiser by the first dated action', () => {
    const actions = [{ date: '2020-09-16', eventKind: 'boycott' as const }, pause];
    for (const facts of [
      { role: 'advertiser', status: 'paused-ads', actions },
      { role: 'participant', status: 'announced', actions },
      { role: 'participant', status: 'took-part', relation: 'listed', actions },
      { role: 'organizer', status: 'took-part', actions },
    ] satisfies ClaimFacts[]) {
      expect(claimDate(facts), JSON.stringify(facts)).toBe('2020-07-01');
    }
    expect(
      claimText({ role: 'participant', status: 'announced', actions }, words('es'), 'es', 'day'),
    ).toBe('Lo anunció · 1 jul 2020');
  });
});

describe('datedActions', () => {
  const events = [
    { id: 'freeze', title: 'Freeze', kind: 'boycott' as const, start: '2020-09-16' },
    { id: 'pause', title: 'Pause', kind: 'pause' as const, start: '2020-07-01T00:00:00-07:00' },
  ];

  it('dates an action by its event when it has no date of its own, in time order', () => {
    expect(
      datedActions(
        [
          { summary: 'undated', sources: ['s'] },
          { summary: 'froze', event: 'freeze', sources: ['s'] },
          { summary: 'paused', event: 'pause', date: '2020-06-30', sources: ['s'] },
          { summary: 'paused again', event: 'pause', sources: ['s'] },
        ],
        events,
      ),
    ).toEqual([
      { summary: 'paused', date: '2020-06-30', eventTitle: 'Pause', eventKind: 'pause' },
      {
        summary: 'paused again',
        date: '2020-07-01T00:00:00-07:00',
        eventTitle: 'Pause',
        eventKind: 'pause',
      },
      { summary: 'froze', date: '2020-09-16', eventTitle: 'Freeze', eventKind: 'boycott' },
      { summary: 'undated' },
    ]);
  });

  it('formats a date-time by the calendar day it names', () => {
    const facts: ClaimFacts = {
      role: 'advertiser',
      status: 'paused-ads',
      actions: datedActions([{ summary: 'paused', event: 'pause', sources: ['s'] }], events),
    };
    expect(claimText(facts, words('en'), 'en', 'day')).toBe('Paused ads · Jul 1, 2020');
  });
});

describe('the month on a badge', () => {
  it('is named by the catalogue, as Intl names it in that language, without an Intl formatter', () => {
    const dates = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}-16`);
    const expected = (locale: string) => {
      const intl = new Intl.DateTimeFormat(locale, {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return dates.map((date) => intl.format(new Date(`${date}T12:00:00Z`)));
    };
    const intlNames = { en: expected('en'), es: expected('es') };
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    for (const locale of ['en', 'es'] as const) {
      const labels = dates.map((date) => {
        const facts: ClaimFacts = { role: 'participant', actions: [{ date }] };
        return claimText(facts, words(locale), locale).split(' · ')[1];
      });
      expect(labels).toEqual(intlNames[locale]);
    }
    // A page's first Intl.DateTimeFormat costs tens of milliseconds: the label never makes one.
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
  });
});
