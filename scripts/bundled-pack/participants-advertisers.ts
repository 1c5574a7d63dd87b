// The advertisers of the July 2020 pause, and what each of them paused.
import type { ActionWriting } from './action-writing';

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
