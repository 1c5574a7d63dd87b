// The bundled pack's events and demands, written in our own words from the research schedule and
// demand lists (../shared/research/campaign-facts.md). Used by scripts/make-bundled-pack.ts.
import type { CampaignEvent } from '../../core/pack/types';

export const AD_PAUSE = 'shfp-2020-ad-pause';
export const FREEZE = 'shfp-2020-week-of-action-freeze';
/** No source names a zone for the freeze; the coalition is US-based and its day is a US day. */
const FREEZE_TIME_ZONE = 'America/New_York';

// Events: one per dated entry of the research schedule, keyed by campaign and date. The research
// gives no time of day; every event is an all-day date.

export interface EventWriting {
  id: string;
  title: string;
  kind: CampaignEvent['kind'];
  detail: string;
  end?: string;
  timeZone?: string;
}
export const EVENT_WRITING: Record<string, EventWriting> = {
  [`${AD_PAUSE} 2020-06-17`]: {
    id: 'launch',
    title: 'Campaign launch',
    kind: 'action',
    detail:
      'Six organisations launch the campaign with a full-page newspaper ad, asking companies to buy no advertising on Facebook or Instagram during July.',
  },
  [`${AD_PAUSE} 2020-06-19`]: {
    id: 'first-brands',
    title: 'First brands sign on',
    kind: 'other',
    detail:
      'The North Face becomes the first big brand to pause; REI and Upwork follow the same day.',
  },
  [`${AD_PAUSE} 2020-06-21`]: {
    id: 'patagonia-joins',
    title: 'Patagonia signs on',
    kind: 'other',
    detail: 'Patagonia pulls its Facebook and Instagram ads.',
  },
  [`${AD_PAUSE} 2020-06-23`]: {
    id: 'ben-and-jerrys-arcteryx',
    title: "Ben & Jerry's and Arc'teryx announce pauses",
    kind: 'other',
    detail:
      "Ben & Jerry's and Arc'teryx say they will stop paying for ads on Facebook and Instagram.",
  },
  [`${AD_PAUSE} 2020-06-24`]: {
    id: 'mozilla-joins',
    title: 'Mozilla joins',
    kind: 'other',
    detail: 'Mozilla declares its support for the campaign on its blog.',
  },
  [`${AD_PAUSE} 2020-06-25`]: {
    id: 'verizon-pauses',
    title: 'Letter to advertisers; Verizon pauses',
    kind: 'other',
    detail:
      'ADL writes to advertisers, pointing to a Verizon ad placed beside a conspiracy video; Verizon stops its Facebook and Instagram ads.',
  },
  [`${AD_PAUSE} 2020-06-26`]: {
    id: 'big-advertisers-pause',
    title: 'Large advertisers pause; Facebook announces changes',
    kind: 'other',
    detail:
      "Unilever, Coca-Cola, Levi Strauss & Co., Hershey, American Honda and JanSport announce pauses (Coca-Cola says it is not formally joining). Facebook's chief executive announces ad-policy changes and the company's shares drop.",
  },
  [`${AD_PAUSE} 2020-06-27`]: {
    id: 'going-global',
    title: 'Diageo pauses; organisers look abroad',
    kind: 'other',
    detail:
      'Diageo pauses its social-media ads worldwide from 1 July, and an organiser says the campaign will next seek support from companies outside the US.',
  },
  [`${AD_PAUSE} 2020-06-28`]: {
    id: 'starbucks-pauses',
    title: 'Starbucks pauses social-media ads',
    kind: 'other',
    detail:
      'Starbucks stops advertising on social platforms while saying it is not part of the boycott.',
  },
  [`${AD_PAUSE} 2020-06-29`]: {
    id: 'more-pauses',
    title: "More pauses; coalition rejects Facebook's changes",
    kind: 'other',
    detail:
      "Pfizer, adidas and Reebok, Ford and Clorox announce pauses and Microsoft's pause is reported. The coalition tells advertisers that Facebook's announced changes fall short.",
  },
  [`${AD_PAUSE} 2020-06-30`]: {
    id: 'puma-and-others',
    title: 'PUMA and others sign on',
    kind: 'other',
    detail:
      "PUMA joins, more companies are reported, and Sleeping Giants' running list passes 240 names.",
  },
  [`${AD_PAUSE} 2020-07-01`]: {
    id: 'july-pause',
    title: 'July advertising pause',
    kind: 'pause',
    end: '2020-07-31',
    detail:
      'The month in which companies were asked to buy no ads on Facebook or Instagram. LEGO announces its own pause on the first day.',
  },
  [`${AD_PAUSE} 2020-07-07`]: {
    id: 'meeting-with-facebook',
    title: "Organisers meet Facebook's leaders",
    kind: 'other',
    detail:
      "Coalition leaders meet Facebook's top executives and say afterwards that only one of their asks was addressed.",
  },
  [`${AD_PAUSE} 2020-07-08`]: {
    id: 'civil-rights-audit',
    title: 'Civil rights audit published',
    kind: 'other',
    detail: 'Facebook publishes the final report of its independent civil rights audit.',
  },
  [`${AD_PAUSE} 2020-07-23`]: {
    id: 'dear-mark-video',
    title: '"Dear Mark" video',
    kind: 'action',
    detail: "Organisers release an animated video addressed to Facebook's chief executive.",
  },
  [`${AD_PAUSE} 2020-07-24`]: {
    id: 'global-day-of-action',
    title: 'Global day of action',
    kind: 'action',
    detail: 'A day of social-media posts pressing Facebook to act, led by coalition members.',
  },
  [`${AD_PAUSE} 2020-07-30`]: {
    id: 'ben-and-jerrys-extends',
    title: "Ben & Jerry's extends its pause",
    kind: 'other',
    detail:
      "Ben & Jerry's keeps its product ads off Facebook, Instagram and Twitter until the end of 2020.",
  },
  [`${AD_PAUSE} 2020-07-31`]: {
    id: 'official-pause-ends',
    title: 'Official pause ends',
    kind: 'deadline',
    detail:
      'Last day of the July pause; each company is asked to decide for itself whether to keep its ads off.',
  },
  [`${FREEZE} 2020-09-14`]: {
    id: 'week-of-action',
    title: 'Week of Action on Instagram',
    kind: 'action',
    end: '2020-09-18',
    detail:
      'Five days of posts about harm done on Facebook and Instagram, each day with its own theme, around the Wednesday freeze.',
  },
  [`${FREEZE} 2020-09-15`]: {
    id: 'freeze-announcements',
    title: 'Well-known accounts announce the freeze',
    kind: 'other',
    detail: 'Celebrities tell their followers they will stay off Instagram the next day.',
  },
  [`${FREEZE} 2020-09-16`]: {
    id: 'freeze-day',
    title: '24-hour Instagram freeze',
    kind: 'boycott',
    timeZone: FREEZE_TIME_ZONE,
    detail:
      'Post one message about the harm Facebook does, then post nothing on Instagram for 24 hours (some also stayed off Facebook). No time zone was announced; this pack uses the US Eastern day.',
  },
  [`${FREEZE} 2020-09-17`]: {
    id: 'violence-and-hate-posts',
    title: 'Posts on violence and hate',
    kind: 'action',
    detail:
      'Follow-up posts about stopping violence and hate on Facebook. The daily theme is known from secondary sources only.',
  },
  [`${FREEZE} 2020-09-18`]: {
    id: 'election-posts',
    title: 'Posts on election lies',
    kind: 'action',
    detail:
      'Follow-up posts about election disinformation and political ads that lie; the Week of Action ends. The daily theme is known from secondary sources only.',
  },
};

// Demands, paraphrased: ten recommendations (June 2020) for the ad pause, seven demands
// (September 2020) for the Week of Action.

export type DemandWriting = [title: string, detail: string];
export const TEN_RECOMMENDATIONS: DemandWriting[] = [
  [
    'A senior civil-rights executive',
    'Create a permanent civil-rights team, led by a top executive who knows the field, to check products and policies for bias and hate.',
  ],
  [
    'Independent audits',
    'Have outsiders audit identity-based hate and misinformation on the platform regularly, and publish what they find.',
  ],
  [
    'Refunds for advertisers',
    'Find ads that ran beside content later removed for breaking the rules, and give those advertisers their money back.',
  ],
  [
    'Remove hate groups',
    'Take down public and private groups organised around white supremacy, militias, antisemitism, violent conspiracies, Holocaust denial, vaccine misinformation or climate denial.',
  ],
  [
    'Rules against radicalisation',
    'Change platform rules to slow the spread of hate and radicalisation, for example by adopting the model policies of the Change the Terms coalition.',
  ],
  [
    'Stop recommending hate',
    'Stop suggesting or boosting groups, or posts from groups, linked to hate, misinformation or conspiracy theories.',
  ],
  [
    'Flag hate in private groups',
    'Detect hateful posts in private groups automatically and send them to human moderators.',
  ],
  [
    'No exemption for politicians',
    'Apply accuracy rules to politicians too, remove false claims about voting, and ban calls to violence by politicians in any form.',
  ],
  [
    'Experts for hate reports',
    'Set up teams with the right expertise to handle reports of identity-based hate and harassment.',
  ],
  [
    'A person to talk to',
    'Let people facing serious hate or harassment reach a Facebook employee directly.',
  ],
];
export const TEN_RECOMMENDATION_CATEGORIES = [
  'Accountability',
  'Accountability',
  'Accountability',
  'Decency',
  'Decency',
  'Decency',
  'Decency',
  'Decency',
  'Support',
  'Support',
];

export const SEPTEMBER_DEMANDS: DemandWriting[] = [
  [
    'Take down hate groups',
    'Remove groups organised around white supremacy, militias, antisemitism, Islamophobia or violent conspiracies.',
  ],
  ['Watch groups more closely', 'Spend more on moderating groups for hate speech and violence.'],
  ['No armed-call event pages', 'Forbid event pages that call on people to take up arms.'],
  [
    'Fund the repair',
    'Put 5% of yearly revenue into an independently run fund for people and organisations countering the racism and hate that spread on Facebook.',
  ],
  [
    'No exemption for politicians',
    'Hold politicians to the same accuracy rules on political and voting matters as everyone else.',
  ],
  [
    'Remove debunked voting claims',
    'Take down false voting information once credible fact-checkers have debunked it.',
  ],
  [
    'No calls to violence by politicians',
    'Forbid politicians from calling for violence, whatever the format.',
  ],
];
export const SEPTEMBER_CATEGORIES = [
  'Racism, violence and hate',
  'Racism, violence and hate',
  'Racism, violence and hate',
  'Racism, violence and hate',
  'Elections and voting',
  'Elections and voting',
  'Elections and voting',
];
