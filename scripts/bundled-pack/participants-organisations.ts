// The coalition organisations: which founded the campaign, their names and pages, and what each
// did in each campaign.
import { FREEZE_DAY, type ActionWriting } from './action-writing';
import { AD_PAUSE, FREEZE } from './wording';

/** The six organisations that launched the campaign; the others joined later. */
export const FOUNDING_ORGANISATIONS = new Set([
  'ORG-ADL',
  'ORG-NAACP',
  'ORG-COC',
  'ORG-CSM',
  'ORG-FP',
  'ORG-SG',
]);
/** Names as the organisations write them, where the research's differ. */
export const ORGANISATION_NAMES: Record<string, string> = {
  'ORG-ADL': 'ADL',
  'ORG-NAACP': 'NAACP',
  'ORG-COC': 'Color Of Change',
  'ORG-CSM': 'Common Sense Media',
  'ORG-FP': 'Free Press',
  'ORG-SG': 'Sleeping Giants',
  'ORG-LULAC': 'LULAC',
  'ORG-MOZ': 'Mozilla',
  'ORG-NHMC': 'National Hispanic Media Coalition',
};
/** Coalition members' own pages in the research (the others have none there). */
export const ORGANISATION_PAGES: Record<string, string> = { 'ORG-NHMC': 'S71', 'ORG-MOZ': 'S69' };

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
