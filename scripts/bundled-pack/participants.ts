// What each participant of the bundled pack did, worded no stronger than its sources allow, from
// ../shared/research/campaign-facts.md. Used by scripts/make-bundled-pack.ts, which stops on a
// participant with no entry here.
//
// Relation: `joined` when the participant said so itself (as its sources report it) or the
// coverage says it joined; `aligned` when it paused in the same weeks but said it was not joining
// or its own statement did not name the campaign; `listed` when it is only named by others (press
// lists, the campaign's list as reprinted, aggregators) with no statement of its own reported by
// a strong source. Status: `took-part` only for an act reported as done (froze, logged off, posted
// the freeze notice), `announced` for a stated intention or public support, `paused-ads` for an
// advertiser's pause; a `listed` participant gets none, as nothing is known of its own act.
// Dates: the day of the act when the research gives one, otherwise the day of the campaign event
// the act concerns (explained in the action's `x-date-note`).
import type { ParticipantRelation, ParticipantStatus } from '../../core/pack/types';
import { AD_PAUSE, FREEZE } from './wording';

export interface ActionWriting {
  event: string;
  date: string;
  summary: string;
  /** Research sources of this action; all the participant's sources when left out. */
  sources?: string[];
  dateNote?: string;
}
export interface ParticipantWriting {
  relation: ParticipantRelation;
  status?: ParticipantStatus;
  actions: ActionWriting[];
  /** A name instead of the research's display name. */
  name?: string;
}

const FREEZE_DAY = '2020-09-16';
const ON_FREEZE_DAY =
  'The research gives no day for the post; this is the freeze day it was about.';
const freezeAction = (summary: string, date = FREEZE_DAY): ActionWriting => ({
  event: 'freeze-day',
  date,
  summary,
  ...(date === FREEZE_DAY && { dateNote: ON_FREEZE_DAY }),
});
const reportedOnly = (summary: string): ParticipantWriting => ({
  relation: 'listed',
  actions: [{ ...freezeAction(summary), dateNote: 'The freeze day these lists are about.' }],
});

/** People and brands of the Instagram freeze. */
export const FREEZE_PARTICIPANTS: Record<string, ParticipantWriting> = {
  'P-KKW': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Froze her Instagram and Facebook accounts on the freeze day, as reported that day',
        sources: ['S23', 'S28'],
      },
      freezeAction(
        'Announced on 15 September that she would freeze her Instagram and Facebook accounts on the freeze day, and said her brands SKIMS, KKW Beauty and KKW Fragrance would go dark too',
        '2020-09-15',
      ),
    ],
  },
  'P-KP': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Said on Instagram on 15 September that she would freeze her Instagram and Facebook accounts on the freeze day, tagging ADL, NAACP and Color Of Change',
        '2020-09-15',
      ),
    ],
  },
  'P-LDC': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Posted on Instagram that he stood with Color Of Change, ADL and NAACP, and asked his followers to join him in not posting for 24 hours on the freeze day',
      ),
    ],
  },
  'P-DL': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Posted a statement about hate and false information on the platforms, then logged off Facebook and Instagram on the freeze day',
      },
    ],
  },
  'P-AK': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Tweeted his support on 15 September and was named by the campaign among those joining the 24-hour freeze',
        '2020-09-15',
      ),
    ],
  },
  'P-SBC': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Said on Twitter on 14 September that he would freeze his Instagram, and posted the freeze notice there on the freeze day',
      },
    ],
  },
  'P-KW': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Tweeted her support on 15 September and was named among the celebrities freezing Instagram',
        '2020-09-15',
      ),
    ],
  },
  'P-MR': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary: 'Posted a freeze notice on Instagram on the freeze day',
      },
    ],
  },
  'P-MBJ': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      freezeAction(
        'Named by the campaign and the press among those joining the 24-hour freeze, and put a "Stop Hate" tile on his Instagram feed',
      ),
    ],
  },
  'P-JF': reportedOnly('Named in the press among the celebrities joining the 24-hour freeze'),
  'P-JA': reportedOnly('Named in the press among the celebrities joining the 24-hour freeze'),
  'P-AS': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        "Named among the freeze's participants, and posted that Facebook's algorithms recommend hateful groups",
      ),
    ],
  },
  'P-SS': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        "Named among the freeze's participants, and said she would stay off social media for longer than one day",
      ),
    ],
  },
  'P-NC': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Posted that on the Wednesday she would freeze her Instagram account to tell Facebook to stop hate for profit',
      ),
    ],
  },
  'P-OB': reportedOnly('Named in the press among the celebrities freezing Instagram on the day'),
  'P-KH': reportedOnly("Named only in published lists of the freeze's participants"),
  'P-IF': reportedOnly("Named only in published lists of the freeze's participants"),
  'P-RD': reportedOnly(
    "Named in a radio station's list of the stars freezing their accounts; no other source seen says she did",
  ),
  'P-SB': reportedOnly(
    "Named in one radio station's list of the freeze's participants, and in no other source seen",
  ),
  'P-DW': reportedOnly('Named by The Hollywood Reporter among those taking part in the freeze'),
  'P-CD': reportedOnly(
    'Reported only by entertainment sites to have said she would join, inviting her followers to do the same',
  ),
  'P-OW': reportedOnly(
    'Named among the celebrities who vowed to stay off Instagram and Facebook for the day',
  ),
  'P-RDJ': reportedOnly(
    'Reported only by entertainment sites to have posted that he was freezing his Instagram for 24 hours, asking followers to join him',
  ),
  'B-SKIMS': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        "Kim Kardashian West said on 15 September that the brand's Instagram and Facebook accounts would go dark on the freeze day",
        '2020-09-15',
      ),
    ],
  },
};

const PAUSE_START = '2020-07-01';
const pause = (date: string, summary: string, dateNote?: string): ActionWriting => ({
  event: 'july-pause',
  date,
  summary,
  ...(dateNote && { dateNote }),
});

/** What each advertiser paused; the relation follows the research's participation type. */
export const ADVERTISERS: Record<string, { actions: ActionWriting[]; name?: string }> = {
  'A-TNF': {
    actions: [
      pause(
        '2020-06-19',
        'Stopped its US paid advertising on Facebook and Instagram from 19 June, the first big brand to join; it kept posting on Instagram',
      ),
    ],
  },
  'A-REI': {
    actions: [pause('2020-06-19', 'Pulled all its Facebook and Instagram advertising for July')],
  },
  'A-UPW': {
    actions: [pause('2020-06-19', 'Joined the advertising boycott on the afternoon of 19 June')],
  },
  'A-PAT': {
    actions: [
      pause(
        '2020-06-21',
        'Pulled all its Facebook and Instagram ads at once, until at least the end of July',
      ),
    ],
  },
  'A-ARC': {
    actions: [
      pause(
        '2020-06-23',
        'Stopped advertising on Facebook and Instagram worldwide until at least the end of July',
      ),
    ],
  },
  'A-BJ': {
    actions: [
      pause(
        '2020-06-23',
        'Said it would pause all paid advertising on Facebook and Instagram in the US from 1 July',
      ),
      {
        event: 'ben-and-jerrys-extends',
        date: '2020-07-30',
        summary:
          'Extended its stop on product ads on Facebook, Instagram and Twitter to the end of 2020',
        sources: ['S73'],
      },
    ],
  },
  'A-EB': {
    actions: [
      pause(
        PAUSE_START,
        'Committed to pull its July advertising spending from Facebook, as Variety and Business Insider reported',
        'The research dates the commitment only as late June 2020; this is the first day of the pause it made.',
      ),
    ],
  },
  'A-VZ': {
    actions: [
      pause(
        '2020-06-25',
        'Paused its Facebook and Instagram advertising until Facebook could find an acceptable solution; the largest company to join at that point',
      ),
    ],
  },
  'A-UL': {
    actions: [
      pause(
        '2020-06-26',
        'Stopped its US brand advertising on Facebook, Instagram and Twitter until at least the end of 2020, citing the polarised atmosphere in the US; its statement did not name the campaign',
      ),
    ],
  },
  'A-KO': {
    actions: [
      pause(
        '2020-06-26',
        'Paused paid advertising on all social media platforms worldwide for at least 30 days from 1 July, saying it was not formally joining the boycott',
      ),
    ],
  },
  'A-LEVI': {
    actions: [
      pause(
        '2020-06-26',
        'Joined the campaign: paused all paid Facebook and Instagram advertising worldwide, for all its brands, through at least July',
      ),
    ],
  },
  'A-HSY': {
    actions: [
      pause(
        '2020-06-26',
        'Joined the July boycott, halting its US Facebook and Instagram ads, and cut its spending there by a third for the rest of 2020',
      ),
    ],
  },
  'A-HONDA': {
    actions: [
      pause(
        '2020-06-26',
        'Withheld its advertising from Facebook and Instagram for July, saying it stood with people united against hate and racism',
      ),
    ],
  },
  'A-SBUX': {
    actions: [
      pause(
        '2020-06-28',
        'Paused advertising on all social media platforms while still posting, saying it was not part of the boycott',
      ),
    ],
  },
  'A-F': {
    actions: [
      pause(
        '2020-06-29',
        'Paused all its US national social media advertising for 30 days; its statement did not name the campaign',
      ),
    ],
  },
  'A-ADS': {
    // One announcement covered both: adidas paused for itself and for Reebok, then its subsidiary.
    name: 'adidas (with Reebok)',
    actions: [
      pause(
        '2020-06-29',
        'Paused Facebook and Instagram advertising worldwide throughout July, for adidas and for Reebok, then part of adidas; its statement did not name the campaign',
      ),
    ],
  },
  'A-PUMA': {
    actions: [
      pause(
        '2020-06-30',
        'Paused all paid advertising on Facebook and Instagram worldwide throughout July',
      ),
    ],
  },
  'A-MSFT': {
    actions: [
      pause(
        '2020-06-29',
        'Paused its Facebook and Instagram ad spending, expected to last through August; it said it was not taking part in the boycott but objected to its ads appearing next to inappropriate content',
        'The day the pause was reported; it had begun earlier (in the US in May 2020).',
      ),
    ],
  },
  'A-PFE': {
    actions: [
      pause(
        '2020-06-29',
        'Removed all its advertising from Facebook and Instagram for July, in a statement answering #StopHateForProfit',
      ),
    ],
  },
  'A-LEGO': {
    actions: [
      pause(
        PAUSE_START,
        'Paused all paid advertising on social media worldwide for at least 30 days while reviewing its standards; its statement did not name the campaign',
      ),
    ],
  },
};

/**
 * Handles the research gives that must not be badged: the brands were renamed after 2020, and
 * whoever holds the old name now is not the brand that took part.
 */
export const STALE_HANDLES: Record<string, string> = {
  kkwbeauty: 'KKW Beauty was later rebranded; the 2020 handle may belong to someone else now',
  kkwfragrance: 'KKW Fragrance was later rebranded; the 2020 handle may belong to someone else now',
};

/**
 * Accounts run by a brand of the participant rather than the participant itself: always `likely`,
 * with who runs them. (A company's own main account, like @ford or @lego, needs no such note.)
 */
export const HOLDERS: Record<string, string> = {
  hersheys: "Hershey's, a brand of The Hershey Company",
  levis: "Levi's, a brand of Levi Strauss & Co.",
  honda: "Honda, the brand; the pause was American Honda Motor Co.'s, Honda's US company",
  cocacola: 'Coca-Cola, a drinks brand of The Coca-Cola Company',
  reebok: 'Reebok, part of adidas at the time of the pause',
};

/** Research participants counted inside another one's entry (one announcement, one participant). */
export const MERGED_INTO: Record<string, string> = { 'A-RBK': 'A-ADS' };

const launch = (others: string): ActionWriting => ({
  event: 'launch',
  date: '2020-06-17',
  summary: `Launched the campaign with ${others}, asking companies not to advertise on Facebook in July`,
  sources: ['S42', 'S43'],
});
const meeting = (leader: string): ActionWriting => ({
  event: 'meeting-with-facebook',
  date: '2020-07-07',
  summary: `${leader} met Mark Zuckerberg, Sheryl Sandberg and Chris Cox of Facebook with the other coalition leaders`,
  sources: ['S40', 'S39'],
});
const weekOfAction = (summary: string): ActionWriting => ({
  event: 'week-of-action',
  date: '2020-09-14',
  summary,
  sources: ['S30'],
});

/** The coalition organisations with a known Instagram account, per campaign. */
export const ORGANISATIONS: Record<string, Record<string, ActionWriting[]>> = {
  [AD_PAUSE]: {
    'ORG-ADL': [
      launch('NAACP, Color Of Change, Common Sense, Free Press and Sleeping Giants'),
      {
        event: 'verizon-pauses',
        date: '2020-06-25',
        summary:
          'Wrote to advertisers, pointing to a Verizon ad shown next to a conspiracy-theory video',
        sources: ['S47', 'S48', 'S101'],
      },
      meeting('Its chief executive, Jonathan Greenblatt,'),
    ],
    'ORG-NAACP': [
      launch('ADL, Color Of Change, Common Sense, Free Press and Sleeping Giants'),
      meeting('Its president, Derrick Johnson,'),
    ],
    'ORG-COC': [
      launch('ADL, NAACP, Common Sense, Free Press and Sleeping Giants'),
      meeting('Its president, Rashad Robinson,'),
    ],
    'ORG-NHMC': [
      {
        event: 'global-day-of-action',
        date: '2020-07-24',
        summary:
          'Joined the coalition after the launch, and called on people to join its global day of action on 24 July',
        sources: ['S71'],
      },
    ],
  },
  [FREEZE]: {
    'ORG-ADL': [
      weekOfAction(
        'Co-organised the Week of Action with NAACP, Color Of Change and the rest of the coalition',
      ),
    ],
    'ORG-NAACP': [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Co-organised the Week of Action and froze its own Instagram account on the freeze day',
        sources: ['S30', 'S32'],
      },
    ],
    'ORG-COC': [
      weekOfAction('Co-organised the Week of Action with ADL, NAACP and the rest of the coalition'),
    ],
    'ORG-NHMC': [
      {
        ...weekOfAction(
          'Co-organised the Week of Action as a coalition member and published a toolkit for it',
        ),
        sources: ['S31', 'S30'],
      },
    ],
  },
};
