// Builds packs/stophateforprofit-2020.json from the research dataset (../shared/research/campaign-facts.json).
// Run: npx tsx scripts/make-bundled-pack.ts [FACTS.json] [OUT.json]
// The output is committed, so building the extension never needs ../shared; this script is kept so the
// pack can be regenerated (and reviewed) when the research changes.
//
// Selection rules (documented in docs/packs.md):
// - participants marked `verified` or `medium`; never `low` ("do not badge");
// - accounts only for handles given with `high` or `medium` confidence; a participant left without any
//   account cannot be in a v1 pack (accounts ≥ 1) and is counted as "skipped, no handle";
// - coalition organisations with such a handle are listed as participants too (role organizer for the
//   founding six, coalition-member for those who joined later), because their own accounts carried the
//   campaign;
// - only https sources: an http-only source is dropped rather than guessed at an https address;
// - every text the reader sees (titles, summaries, demands) is written here in our own words.
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packStats, validatePack, formatIssues, isHttpsUrl } from '../core/pack/validate';
import type {
  Account,
  Action,
  Campaign,
  CampaignEvent,
  Demand,
  Pack,
  Participant,
  ParticipantRole,
  ParticipantStatus,
  Source,
} from '../core/pack/types';

interface FactsHandle {
  handle: string | null;
  confidence: 'high' | 'medium' | null;
}
interface FactsParticipant {
  id: string;
  display_name: string;
  kind: 'person' | 'brand' | 'organization';
  roles: string[];
  campaign_ids: string[];
  verification: 'verified' | 'medium' | 'low';
  participation_type?: string;
  announced?: string;
  instagram: FactsHandle | null;
  facebook: FactsHandle | null;
  sources: string[];
}
interface FactsOrganization {
  id: string;
  name: string;
  role: string;
  instagram: FactsHandle | null;
  facebook: FactsHandle | null;
  sources: string[];
}
interface FactsEvent {
  date: string;
  time_zone: string | null;
  campaign_id: string | null;
  event: string;
  sources: string[];
}
interface FactsSource {
  id: string;
  publication: string;
  title: string;
  date: string;
  url: string;
}
interface FactsDemandList {
  id: string;
  sources: string[];
  items: { n: number | null; category: string | null; text: string }[];
}
interface Facts {
  campaigns: { id: string; sources: string[] }[];
  organizations: FactsOrganization[];
  participants: FactsParticipant[];
  events: FactsEvent[];
  demands: FactsDemandList[];
  sources: FactsSource[];
}

const repoRoot = resolve(import.meta.dirname, '..');
const factsPath = resolve(
  process.argv[2] ?? resolve(repoRoot, '../shared/research/campaign-facts.json'),
);
const outPath = resolve(process.argv[3] ?? resolve(repoRoot, 'packs/stophateforprofit-2020.json'));

const AD_PAUSE = 'shfp-2020-ad-pause';
const FREEZE = 'shfp-2020-week-of-action-freeze';
const CAMPAIGN_SITE = 'https://www.stophateforprofit.org/';
/** No source names a zone for the freeze; the coalition is US-based and its day is a US day. */
const FREEZE_TIME_ZONE = 'America/New_York';

const facts = JSON.parse(readFileSync(factsPath, 'utf8')) as Facts;
const sourcesById = new Map(facts.sources.map((s) => [s.id, s]));
const droppedHttpSources = facts.sources.filter((s) => !isHttpsUrl(s.url)).map((s) => s.id);
const usable = (ids: string[]) =>
  ids.filter((id) => sourcesById.has(id) && !droppedHttpSources.includes(id));

// ---------------------------------------------------------------------------------------------
// Events: one per dated entry of the research schedule, titled and described in our own words.
// The research gives no time of day; every event is an all-day date.

interface EventWriting {
  id: string;
  title: string;
  kind: CampaignEvent['kind'];
  detail: string;
  end?: string;
  timeZone?: string;
}
const EVENT_WRITING: Record<string, EventWriting> = {
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function buildEvents(campaignId: string): { events: CampaignEvent[]; sourceRefs: string[] } {
  const events: CampaignEvent[] = [];
  const sourceRefs: string[] = [];
  for (const fact of facts.events) {
    if (fact.campaign_id !== campaignId || !DATE_ONLY.test(fact.date)) continue;
    const writing = EVENT_WRITING[`${campaignId} ${fact.date}`];
    if (!writing) throw new Error(`no wording written for the event ${campaignId} ${fact.date}`);
    const sources = usable(fact.sources);
    sourceRefs.push(...sources);
    events.push({
      id: writing.id,
      title: writing.title,
      kind: writing.kind,
      start: fact.date,
      ...(writing.end && { end: writing.end }),
      ...(writing.timeZone && { timeZone: writing.timeZone }),
      detail: writing.detail,
      'x-sources': sources,
    });
  }
  return { events, sourceRefs };
}

// ---------------------------------------------------------------------------------------------
// Demands, paraphrased. Ten recommendations (June 2020) for the ad pause; seven demands
// (September 2020) for the Week of Action.

type DemandWriting = [title: string, detail: string];
const TEN_RECOMMENDATIONS: DemandWriting[] = [
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
const TEN_RECOMMENDATION_CATEGORIES = [
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

const SEPTEMBER_DEMANDS: DemandWriting[] = [
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
const SEPTEMBER_CATEGORIES = [
  'Racism, violence and hate',
  'Racism, violence and hate',
  'Racism, violence and hate',
  'Racism, violence and hate',
  'Elections and voting',
  'Elections and voting',
  'Elections and voting',
];

function buildDemands(
  factsListId: string,
  writing: DemandWriting[],
  categories: string[],
  prefix: string,
): { demands: Demand[]; sourceRefs: string[] } {
  const list = facts.demands.find((d) => d.id === factsListId);
  if (!list) throw new Error(`demand list ${factsListId} is missing from the facts`);
  if (list.items.length !== writing.length)
    throw new Error(`${factsListId} has ${list.items.length} items; ${writing.length} are written`);
  const sources = usable(list.sources);
  const demands = writing.map(([title, detail], i): Demand => ({
    id: `${prefix}-${i + 1}`,
    title,
    detail,
    category: categories[i]!,
    'x-sources': sources,
  }));
  return { demands, sourceRefs: sources };
}

// ---------------------------------------------------------------------------------------------
// Participants.

function accountsOf(entry: { instagram: FactsHandle | null; facebook: FactsHandle | null }) {
  const accounts: Account[] = [];
  const trusted = (h: FactsHandle | null): h is FactsHandle & { handle: string } =>
    !!h?.handle && (h.confidence === 'high' || h.confidence === 'medium');
  if (trusted(entry.instagram)) {
    accounts.push({
      platform: 'instagram',
      handle: entry.instagram.handle,
      'x-handle-confidence': entry.instagram.confidence,
    });
  }
  if (trusted(entry.facebook)) {
    accounts.push({
      platform: 'facebook',
      handle: entry.facebook.handle,
      'x-handle-confidence': entry.facebook.confidence,
    });
  }
  return accounts;
}

/** What each freeze participant did, in our words. Absent: a generic line is used. */
const FREEZE_SUMMARIES: Record<string, [summary: string, status: ParticipantStatus]> = {
  'P-KKW': [
    'Announced the day before that she would freeze her Instagram and Facebook accounts for the day, with her brands SKIMS, KKW Beauty and KKW Fragrance',
    'took-part',
  ],
  'P-KP': ['Said on Instagram she would freeze her Instagram and Facebook accounts', 'took-part'],
  'P-LDC': ['Asked his followers to join him in not posting for 24 hours', 'took-part'],
  'P-DL': [
    'Posted a statement on hate and false information, then logged off Facebook and Instagram',
    'took-part',
  ],
  'P-AK': ['Tweeted his support and was listed by the campaign among those freezing', 'took-part'],
  'P-SBC': ['Announced his freeze days ahead and posted the freeze notice on the day', 'took-part'],
  'P-KW': ['Tweeted support and was reported among those freezing Instagram', 'took-part'],
  'P-MR': ['Posted a freeze notice on Instagram', 'took-part'],
  'P-MBJ': ['Reported as joining the freeze; posted a "Stop Hate" image', 'took-part'],
  'P-AS': [
    'Reported among those freezing; posted about Facebook recommending hate groups',
    'took-part',
  ],
  'P-SS': [
    'Reported among those freezing; said she would stay off social media for longer than a day',
    'took-part',
  ],
  'P-NC': ['Announced that she would freeze her Instagram account', 'took-part'],
  'P-RD': ['Froze her Facebook and Instagram accounts', 'took-part'],
  'P-SB': ['Named in one published list of freeze participants only', 'took-part'],
  'P-CD': ['Announced she would join and invited her followers to do the same', 'announced'],
  'P-OW': ['Reported among those who stayed off Instagram and Facebook for the day', 'took-part'],
  'P-RDJ': ['Announced a 24-hour Instagram freeze and invited followers to join', 'took-part'],
  'B-SKIMS': ['Brand account went dark for the day, as Kim Kardashian West announced', 'took-part'],
  'B-KKWB': ['Brand account went dark for the day, as Kim Kardashian West announced', 'took-part'],
  'B-KKWF': ['Brand account went dark for the day, as Kim Kardashian West announced', 'took-part'],
};
const GENERIC_FREEZE: [string, ParticipantStatus] = [
  'Reported among those who froze their Instagram for the day',
  'took-part',
];

/** What each advertiser paused, in our words; the participation type adds the nuance. */
const AD_SUMMARIES: Record<string, string> = {
  'A-TNF':
    'Stopped all US paid advertising on Facebook and Instagram, the first big brand to do so',
  'A-REI': 'Pulled its Facebook and Instagram advertising for July',
  'A-UPW': 'Paused its Facebook and Instagram advertising',
  'A-PAT': 'Pulled its Facebook and Instagram ads until at least the end of July',
  'A-ARC': 'Stopped advertising on Facebook and Instagram worldwide until at least the end of July',
  'A-BJ':
    'Paused paid Facebook and Instagram ads in the US from 1 July, later keeping product ads off until the end of 2020',
  'A-EB': 'Reported as pulling its July spending on Facebook',
  'A-VZ': 'Paused Facebook and Instagram advertising until Facebook found an acceptable fix',
  'A-UL':
    'Stopped US brand advertising on Facebook, Instagram and Twitter until at least the end of 2020',
  'A-KO':
    'Paused paid advertising on all social platforms worldwide for at least 30 days from 1 July',
  'A-LEVI':
    'Paused paid Facebook and Instagram advertising worldwide, for all its brands, through at least July',
  'A-HSY':
    'Stopped US Facebook and Instagram ads for July and cut its spending there for the rest of 2020',
  'A-HONDA': 'Kept its advertising off Facebook and Instagram for July',
  'A-SBUX': 'Paused advertising on all social platforms while still posting',
  'A-F': 'Paused US national social-media advertising for 30 days',
  'A-ADS': 'Paused Facebook and Instagram ads worldwide through July',
  'A-RBK': 'Paused Facebook and Instagram ads worldwide through July, with its then parent adidas',
  'A-PUMA': 'Paused paid Facebook and Instagram advertising worldwide through July',
  'A-MSFT': 'Paused its Facebook and Instagram ad spending, reportedly through August',
  'A-PFE': 'Took all its advertising off Facebook and Instagram for July',
  'A-LEGO': 'Paused paid advertising on social media worldwide for at least 30 days',
};
const PARTICIPATION_NOTES: Record<string, string> = {
  joined: '',
  paused_not_formally_joined: ' — but said it was not formally joining the boycott',
  paused_campaign_not_named: ' — its own statement did not name the campaign',
  reported: ' — reported by the press only',
};

const FOUNDING_ORGANISATIONS = new Set([
  'ORG-ADL',
  'ORG-NAACP',
  'ORG-COC',
  'ORG-CSM',
  'ORG-FP',
  'ORG-SG',
]);
const ORGANISATION_NAMES: Record<string, string> = {
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

const slug = (factsId: string) => factsId.toLowerCase();
const skipped = { low: new Set<string>(), noHandle: new Set<string>() };

function buildParticipants(campaignId: string, eventIds: Set<string>): Participant[] {
  const participants: Participant[] = [];
  const mainEvent = campaignId === AD_PAUSE ? 'july-pause' : 'freeze-day';
  if (!eventIds.has(mainEvent)) throw new Error(`event ${mainEvent} missing`);

  for (const org of facts.organizations) {
    const accounts = accountsOf(org);
    if (accounts.length === 0) continue;
    const sources = usable(org.sources);
    const name = ORGANISATION_NAMES[org.id] ?? org.name;
    const froze = campaignId === FREEZE && org.id === 'ORG-NAACP';
    const role: ParticipantRole = FOUNDING_ORGANISATIONS.has(org.id)
      ? 'organizer'
      : 'coalition-member';
    const summary = froze
      ? 'Co-organised the Week of Action and froze its own Instagram account'
      : campaignId === AD_PAUSE
        ? role === 'organizer'
          ? 'Co-founded the campaign and asked advertisers to pause'
          : 'Joined the coalition after the launch'
        : 'Co-organised the Week of Action as a coalition member';
    const action: Action = { summary, sources };
    if (froze) Object.assign(action, { event: 'freeze-day', date: '2020-09-16' });
    if (!froze && campaignId === FREEZE) Object.assign(action, { event: 'week-of-action' });
    participants.push({
      id: slug(org.id),
      name,
      kind: 'organization',
      role,
      accounts,
      actions: [action],
      status: 'took-part',
      sources,
    });
  }

  for (const entry of facts.participants) {
    if (!entry.campaign_ids.includes(campaignId)) continue;
    if (entry.verification === 'low') {
      skipped.low.add(entry.id);
      continue;
    }
    const accounts = accountsOf(entry);
    if (accounts.length === 0) {
      skipped.noHandle.add(entry.id);
      continue;
    }
    const sources = usable(entry.sources);
    if (sources.length === 0) throw new Error(`${entry.id} has no https source left`);
    const advertiser = entry.roles.some((r) => r.startsWith('advertiser'));
    let summary: string;
    let status: ParticipantStatus;
    let date: string | undefined;
    if (advertiser) {
      const base = AD_SUMMARIES[entry.id];
      if (!base) throw new Error(`no summary written for the advertiser ${entry.id}`);
      const type = entry.participation_type ?? 'reported';
      summary = base + (PARTICIPATION_NOTES[type] ?? '');
      status = 'paused-ads';
      const announced = entry.announced?.slice(0, 10);
      date =
        announced && DATE_ONLY.test(announced) && entry.announced?.length === 10
          ? announced
          : undefined;
    } else {
      [summary, status] = FREEZE_SUMMARIES[entry.id] ?? GENERIC_FREEZE;
      date = '2020-09-16';
    }
    const action: Action = { event: mainEvent, summary, sources };
    if (date) action.date = date;
    if (advertiser && !date && entry.announced)
      action['x-date-note'] = `announced ${entry.announced}`;
    participants.push({
      id: slug(entry.id),
      name: entry.display_name,
      kind: entry.kind,
      role: advertiser ? 'advertiser' : 'participant',
      accounts,
      actions: [action],
      status,
      sources,
      ...(advertiser && { 'x-participation-type': entry.participation_type ?? 'reported' }),
      'x-verification': entry.verification,
    });
  }
  return participants;
}

// ---------------------------------------------------------------------------------------------

function buildSources(ids: Iterable<string>): Source[] {
  const wanted = new Set(ids);
  const out: Source[] = [];
  // In the research order (S01, S02, …) so diffs stay readable.
  for (const fact of facts.sources) {
    if (!wanted.has(fact.id)) continue;
    const source: Source = { id: fact.id, url: fact.url };
    // The researcher's remarks about a title ("from URL", "headline not captured", "title
    // approximate") are not part of the title: they move to x-title-note.
    const remark = /\s*\(([^()]*(?:from URL|not captured|approximate|as syndicated)[^()]*)\)$/;
    let title = fact.title;
    const notes: string[] = [];
    if (title.startsWith('(headline not captured)')) {
      notes.push('headline not captured');
      title = title.replace(/^\(headline not captured\)\s*/, '');
    }
    const trailing = remark.exec(title);
    if (trailing) {
      notes.push(trailing[1]!);
      title = title.slice(0, trailing.index);
    }
    if (fact.publication) source.publisher = fact.publication;
    if (title && !title.startsWith('(')) source.title = title;
    else if (title) notes.push(title);
    if (notes.length) source['x-title-note'] = notes.join('; ');
    const date = fact.date.slice(0, 10);
    if (DATE_ONLY.test(date) && (fact.date.length === 10 || fact.date[10] === ' '))
      source.date = date;
    if (fact.date !== date || !source.date) source['x-date-note'] = fact.date;
    out.push(source);
  }
  return out;
}

const coalition = facts.organizations.map((o) => ({ name: ORGANISATION_NAMES[o.id] ?? o.name }));

function buildCampaign(
  id: string,
  fixed: Pick<Campaign, 'name' | 'summary' | 'target'>,
  demandSource: [string, DemandWriting[], string[], string],
): Campaign {
  const { events, sourceRefs: eventSources } = buildEvents(id);
  const { demands, sourceRefs: demandSources } = buildDemands(...demandSource);
  const participants = buildParticipants(id, new Set(events.map((e) => e.id)));
  const campaignFacts = facts.campaigns.find((c) => c.id === id);
  if (!campaignFacts) throw new Error(`campaign ${id} is missing from the facts`);
  const campaignSources = usable(campaignFacts.sources);
  const referenced = [
    ...campaignSources,
    ...eventSources,
    ...demandSources,
    ...participants.flatMap((p) => [...p.sources, ...(p.actions ?? []).flatMap((a) => a.sources)]),
  ];
  return {
    id,
    ...fixed,
    hashtag: '#StopHateForProfit',
    url: CAMPAIGN_SITE,
    coalition,
    demands,
    events,
    participants,
    sources: buildSources(referenced),
    'x-sources': campaignSources,
  };
}

const pack: Pack = {
  format: 'picket-pack/1',
  id: 'stophateforprofit-2020',
  version: 1,
  updatedAt: '2026-11-30',
  publisher: {
    name: 'Picket',
    // Placeholder until the project has its own home; see docs/packs.md.
    corrections: 'https://github.com/picket-extension/packs/issues',
  },
  campaigns: [
    buildCampaign(
      AD_PAUSE,
      {
        name: '#StopHateForProfit: July 2020 advertiser pause',
        summary:
          'A coalition of civil-rights groups asked companies to stop buying ads on Facebook and Instagram for July 2020 until Facebook did more against hate and misinformation. Hundreds of companies paused, on different terms: some only in the US, some worldwide, some for longer, and a few said they were pausing without formally joining.',
        target: 'Facebook, Inc. (advertising on Facebook and Instagram)',
      },
      ['D-2020-next-steps', TEN_RECOMMENDATIONS, TEN_RECOMMENDATION_CATEGORIES, 'recommendation'],
    ),
    buildCampaign(
      FREEZE,
      {
        name: '#StopHateForProfit: Week of Action and Instagram freeze',
        summary:
          'In the week of 14 September 2020 the same coalition asked people to post daily about the harm done on Facebook, and on Wednesday 16 September to post one message and then stay off Instagram for 24 hours. Many well-known accounts took part.',
        target: 'Facebook, Inc. (through its Instagram platform)',
      },
      ['D-2020-09-demand-change', SEPTEMBER_DEMANDS, SEPTEMBER_CATEGORIES, 'september'],
    ),
  ],
};

const result = validatePack(pack);
if (!result.ok) {
  console.error(`The generated pack is invalid:\n${formatIssues(result.issues)}`);
  process.exit(1);
}
writeFileSync(outPath, JSON.stringify(pack, null, 2) + '\n');
const stats = packStats(result.pack);
const sourceCount = pack.campaigns.reduce((n, c) => n + c.sources.length, 0);
console.log(
  `Wrote ${outPath}: ${stats.campaigns} campaigns, ${stats.participants} participants, ` +
    `${stats.accounts} accounts, ${stats.events} events, ${sourceCount} sources.`,
);
console.log(`Left out: ${skipped.low.size} participant entries marked low;`);
console.log(
  `  ${skipped.noHandle.size} without a high/medium handle: ${[...skipped.noHandle].join(', ')};`,
);
console.log(`  http-only sources dropped: ${droppedHttpSources.join(', ')}.`);
