// What a badge says a participant did: a few past-tense words from a fixed vocabulary, chosen from
// the pack's role, status and relation, and the month of the action it is about. Shared by the
// badge, its card, the popup and the report page, so a claim reads the same wherever it is shown.
import type {
  Action,
  CampaignEvent,
  EventKind,
  ParticipantRelation,
  ParticipantRole,
  ParticipantStatus,
} from './pack/types';

export type ClaimWord =
  | 'coOrganised'
  | 'joinedCoalition'
  | 'pausedNotJoined'
  | 'pausedAds'
  | 'namedAsJoining'
  | 'boycotted'
  | 'tookPart'
  | 'announced'
  | 'pausedThenResumed'
  | 'withdrew';

/** The locale key of each claim's words (locales/*.yml, group `claim`). */
export const CLAIM_KEYS = {
  coOrganised: 'claim.coOrganised',
  joinedCoalition: 'claim.joinedCoalition',
  pausedNotJoined: 'claim.pausedNotJoined',
  pausedAds: 'claim.pausedAds',
  namedAsJoining: 'claim.namedAsJoining',
  boycotted: 'claim.boycotted',
  tookPart: 'claim.tookPart',
  announced: 'claim.announced',
  pausedThenResumed: 'claim.pausedThenResumed',
  withdrew: 'claim.withdrew',
} as const satisfies Record<ClaimWord, string>;

export type ClaimKey = (typeof CLAIM_KEYS)[ClaimWord];

/** The twelve short month names, space-separated, in the catalogue's language ("Jan … Dec"). */
export const MONTHS_KEY = 'claim.months';

/** An action as screens show it: dated by itself, else by its event's start. */
export interface DatedAction {
  summary: string;
  date?: string;
  eventTitle?: string;
  eventKind?: EventKind;
}

export interface ClaimFacts {
  role: ParticipantRole;
  status?: ParticipantStatus;
  relation?: ParticipantRelation;
  actions: readonly Pick<DatedAction, 'date' | 'eventKind'>[];
}

/** The calendar day a pack date or date-time names, as written (`YYYY-MM-DD`), or null. */
function calendarDay(date: string | undefined): string | null {
  return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
}

/**
 * Each action with its date (its own, else its event's start) and its event's title and kind, in
 * time order; undated actions keep the pack's order after the dated ones.
 */
export function datedActions(
  actions: readonly Action[],
  events: readonly CampaignEvent[],
): DatedAction[] {
  const byId = new Map(events.map((event) => [event.id, event] as const));
  const dated = actions.map((action, index) => {
    const event = action.event !== undefined ? byId.get(action.event) : undefined;
    const date = action.date ?? event?.start;
    const shown: DatedAction = {
      summary: action.summary,
      ...(date !== undefined && { date }),
      ...(event && { eventTitle: event.title, eventKind: event.kind }),
    };
    return { shown, day: calendarDay(date), index };
  });
  dated.sort((a, b) => {
    if (a.day && b.day) return a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index;
    if (a.day || b.day) return a.day ? -1 : 1;
    return a.index - b.index;
  });
  return dated.map(({ shown }) => shown);
}

/** The earliest (or latest) dated action. */
function dated(
  facts: ClaimFacts,
  pick: 'earliest' | 'latest',
): Pick<DatedAction, 'date' | 'eventKind'> | undefined {
  let found: Pick<DatedAction, 'date' | 'eventKind'> | undefined;
  let foundDay: string | null = null;
  for (const action of facts.actions) {
    const day = calendarDay(action.date);
    if (!day) continue;
    if (foundDay === null || (pick === 'earliest' ? day < foundDay : day > foundDay)) {
      found = action;
      foundDay = day;
    }
  }
  return found;
}

/**
 * The action a claim is about. Taking part, resuming and withdrawing are dated by the last dated
 * action (an announcement comes before the freeze it announced); a pause by the first (when it
 * began); an announcement, a listing or an organiser's role by the first too.
 */
function claimedAction(facts: ClaimFacts): Pick<DatedAction, 'date' | 'eventKind'> | undefined {
  const organiser =
    facts.relation !== 'aligned' &&
    (facts.role === 'organizer' || facts.role === 'coalition-member');
  const actedLast =
    (facts.relation ?? 'joined') !== 'listed' &&
    !organiser &&
    (facts.status === 'took-part' || facts.status === 'resumed' || facts.status === 'withdrew');
  return dated(facts, actedLast ? 'latest' : 'earliest');
}

/**
 * The words for what the participant did. A participant only named in lists by others is never
 * said to have acted, and one that did not join never wears a member's words (organiser,
 * coalition).
 */
export function claimWord(facts: ClaimFacts): ClaimWord {
  const relation = facts.relation ?? 'joined';
  if (relation === 'listed') return 'namedAsJoining';
  if (relation === 'joined') {
    if (facts.role === 'organizer') return 'coOrganised';
    if (facts.role === 'coalition-member') return 'joinedCoalition';
  }
  switch (facts.status) {
    case 'paused-ads':
      return relation === 'aligned' ? 'pausedNotJoined' : 'pausedAds';
    case 'announced':
      return 'announced';
    case 'resumed':
      return 'pausedThenResumed';
    case 'withdrew':
      return 'withdrew';
    case 'took-part': {
      const kind = claimedAction(facts)?.eventKind;
      if (kind === 'boycott') return 'boycotted';
      if (kind === 'pause') return 'pausedAds';
      return 'tookPart';
    }
    default:
      return 'tookPart';
  }
}

/** The date of the action the claim is about, as the pack writes it, if any action is dated. */
export function claimDate(facts: ClaimFacts): string | undefined {
  return claimedAction(facts)?.date;
}

// One formatter per locale: building an Intl.DateTimeFormat costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(locale: string | undefined): Intl.DateTimeFormat {
  const id = locale ?? '';
  let format = formatters.get(id);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(id, format);
  }
  return format;
}

/**
 * A pack date as a month and year ("Sep 2020", "sept 2020"), the month named by the catalogue, or
 * as a full date in `locale`. The badge's label takes the first: a page's first Intl.DateTimeFormat
 * costs ~80 ms (its calendar data loads), too much for a label in a feed; the card takes the
 * second when it opens. The calendar day is taken as written (at noon UTC: no zone can move it).
 */
export function formatClaimDate(
  date: string,
  words: (key: typeof MONTHS_KEY) => string,
  locale: string | undefined,
  style: 'month' | 'day',
): string {
  const day = calendarDay(date);
  if (!day) return date;
  if (style === 'month') {
    const month = words(MONTHS_KEY).split(' ')[Number(day.slice(5, 7)) - 1];
    return month ? `${month} ${day.slice(0, 4)}` : day.slice(0, 7);
  }
  const at = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return dayFormatter(locale).format(at);
}

/** The claim as a badge shows it: "Paused ads · Jul 2020", or the words alone when undated. */
export function claimText(
  facts: ClaimFacts,
  words: (key: ClaimKey | typeof MONTHS_KEY) => string,
  locale: string | undefined,
  style: 'month' | 'day' = 'month',
): string {
  const text = words(CLAIM_KEYS[claimWord(facts)]);
  const date = claimDate(facts);
  return date ? `${text} · ${formatClaimDate(date, words, locale, style)}` : text;
}
