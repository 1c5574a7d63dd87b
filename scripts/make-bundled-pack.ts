// Builds packs/stophateforprofit-2020.json from the research dataset (../shared/research/campaign-facts.json).
// Run: npx tsx scripts/make-bundled-pack.ts [FACTS.json] [OUT.json]
// The output is committed, so building the extension never needs ../shared; this script is kept so the
// pack can be regenerated (and reviewed) when the research changes.
//
// Selection rules (documented in docs/packs.md):
// - participants marked `verified` or `medium`; never `low` ("do not badge");
// - accounts only for handles given with `high` (→ `verified`) or `medium` (→ `likely`: "general
//   knowledge, not re-verified") confidence, never a stale handle (STALE_HANDLES), and `likely` with
//   a `holder` when a brand of the participant runs the account (HOLDERS); a participant left
//   without any account cannot be in a v1 pack (accounts ≥ 1) and is counted as "skipped";
// - one participant per announcement: a research entry covered by another's (MERGED_INTO) adds its
//   accounts there;
// - coalition organisations with such a handle are listed as participants too (role organizer for the
//   founding six, coalition-member for those who joined later), because their own accounts carried the
//   campaign;
// - only https sources: an http-only source is dropped rather than guessed at an https address;
//   every source has a reviewed kind (bundled-pack/source-kinds.ts), and every list of sources is
//   strongest first;
// - every text the reader sees (titles, summaries, demands) is written in our own words, no stronger
//   than its sources (bundled-pack/wording.ts, bundled-pack/participants.ts);
// - the result must pass the validator and every evidence rule without a warning.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strongestFirst } from '../core/pack/evidence';
import { checkEvidence } from '../core/pack/evidence-rules';
import { formatIssues, isHttpsUrl, packStats, validatePack } from '../core/pack/validate';
import type {
  Account,
  Action,
  Campaign,
  CampaignEvent,
  CoalitionMember,
  Demand,
  Pack,
  Participant,
  ParticipantRelation,
  ParticipantRole,
  Source,
} from '../core/pack/types';
import {
  ADVERTISERS,
  FREEZE_PARTICIPANTS,
  HOLDERS,
  MERGED_INTO,
  ORGANISATIONS,
  STALE_HANDLES,
  type ActionWriting,
} from './bundled-pack/participants';
import { SOURCE_KINDS } from './bundled-pack/source-kinds';
import {
  AD_PAUSE,
  EVENT_WRITING,
  FREEZE,
  SEPTEMBER_CATEGORIES,
  SEPTEMBER_DEMANDS,
  TEN_RECOMMENDATION_CATEGORIES,
  TEN_RECOMMENDATIONS,
  type DemandWriting,
} from './bundled-pack/wording';

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
  instagram: FactsHandle | null;
  facebook: FactsHandle | null;
  sources: string[];
}
interface FactsOrganization {
  id: string;
  name: string;
  instagram: FactsHandle | null;
  facebook: FactsHandle | null;
  sources: string[];
}
interface FactsEvent {
  date: string;
  campaign_id: string | null;
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
  items: unknown[];
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

const CAMPAIGN_SITE = 'https://www.stophateforprofit.org/';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The events that stand for a whole campaign's ask and window: they carry its general sources. */
const MAIN_EVENT: Record<string, string> = { [AD_PAUSE]: 'july-pause', [FREEZE]: 'week-of-action' };

const facts = JSON.parse(readFileSync(factsPath, 'utf8')) as Facts;
const factsSources = new Map(facts.sources.map((s) => [s.id, s]));
const droppedHttpSources = facts.sources.filter((s) => !isHttpsUrl(s.url)).map((s) => s.id);

function kindOf(id: string) {
  const kind = SOURCE_KINDS.get(id);
  if (!kind) throw new Error(`no kind written for the cited source ${id}`);
  return kind;
}

/** The https sources among `ids`, each once, strongest first (equals keep the research's order). */
function sourceList(ids: readonly string[]): string[] {
  const usable = [...new Set(ids)].filter(
    (id) => factsSources.has(id) && !droppedHttpSources.includes(id),
  );
  return strongestFirst(usable.map((id) => ({ id, kind: kindOf(id) }))).map(({ id }) => id);
}

// ---------------------------------------------------------------------------------------------

function buildEvents(campaignId: string, campaignSources: string[]): CampaignEvent[] {
  const events: CampaignEvent[] = [];
  for (const fact of facts.events) {
    if (fact.campaign_id !== campaignId || !DATE_ONLY.test(fact.date)) continue;
    const writing = EVENT_WRITING[`${campaignId} ${fact.date}`];
    if (!writing) throw new Error(`no wording written for the event ${campaignId} ${fact.date}`);
    const general = writing.id === MAIN_EVENT[campaignId] ? campaignSources : [];
    events.push({
      id: writing.id,
      title: writing.title,
      kind: writing.kind,
      start: fact.date,
      ...(writing.end && { end: writing.end }),
      ...(writing.timeZone && { timeZone: writing.timeZone }),
      detail: writing.detail,
      sources: sourceList([...fact.sources, ...general]),
    });
  }
  return events;
}

function buildDemands(
  factsListId: string,
  writing: DemandWriting[],
  categories: string[],
  prefix: string,
): Demand[] {
  const list = facts.demands.find((d) => d.id === factsListId);
  if (!list) throw new Error(`demand list ${factsListId} is missing from the facts`);
  if (list.items.length !== writing.length)
    throw new Error(`${factsListId} has ${list.items.length} items; ${writing.length} are written`);
  const sources = sourceList(list.sources);
  return writing.map(([title, detail], i) => ({
    id: `${prefix}-${i + 1}`,
    title,
    detail,
    category: categories[i]!,
    sources,
  }));
}

// ---------------------------------------------------------------------------------------------
// Participants.

const skipped = { low: new Set<string>(), noHandle: new Set<string>(), stale: new Set<string>() };

function accountsOf(entry: {
  id: string;
  instagram: FactsHandle | null;
  facebook: FactsHandle | null;
}) {
  const accounts: Account[] = [];
  for (const platform of ['instagram', 'facebook'] as const) {
    const given = entry[platform];
    if (!given?.handle || (given.confidence !== 'high' && given.confidence !== 'medium')) continue;
    const handle = given.handle;
    if (STALE_HANDLES[handle.toLowerCase()]) {
      skipped.stale.add(`${entry.id} ${handle}`);
      continue;
    }
    const holder = HOLDERS[handle.toLowerCase()];
    accounts.push({
      platform,
      handle,
      confidence: given.confidence === 'high' && !holder ? 'verified' : 'likely',
      ...(holder && { holder }),
    });
  }
  return accounts;
}

function actionsOf(writing: ActionWriting[], sources: string[], eventIds: Set<string>): Action[] {
  return writing.map((action) => {
    if (!eventIds.has(action.event)) throw new Error(`event ${action.event} missing`);
    const own = action.sources ? sourceList(action.sources) : sources;
    if (own.length === 0) throw new Error(`an action has no https source: ${action.summary}`);
    return {
      event: action.event,
      summary: action.summary,
      date: action.date,
      sources: own,
      ...(action.dateNote && { 'x-date-note': action.dateNote }),
    };
  });
}

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
/** Coalition members' own pages in the research (the others have none there). */
const ORGANISATION_PAGES: Record<string, string> = { 'ORG-NHMC': 'S71', 'ORG-MOZ': 'S69' };

const RELATION_OF_PARTICIPATION: Record<string, ParticipantRelation> = {
  joined: 'joined',
  paused_not_formally_joined: 'aligned',
  paused_campaign_not_named: 'aligned',
  reported: 'listed',
};

const slug = (factsId: string) => factsId.toLowerCase();

function buildOrganisations(campaignId: string, eventIds: Set<string>): Participant[] {
  const participants: Participant[] = [];
  for (const org of facts.organizations) {
    const accounts = accountsOf(org);
    if (accounts.length === 0) continue;
    const writing = ORGANISATIONS[campaignId]?.[org.id];
    if (!writing) throw new Error(`no actions written for ${org.id} in ${campaignId}`);
    const actions = actionsOf(writing, sourceList(org.sources), eventIds);
    const role: ParticipantRole = FOUNDING_ORGANISATIONS.has(org.id)
      ? 'organizer'
      : 'coalition-member';
    participants.push({
      id: slug(org.id),
      name: ORGANISATION_NAMES[org.id] ?? org.name,
      kind: 'organization',
      role,
      accounts,
      actions,
      status: 'took-part',
      relation: 'joined',
      sources: sourceList([...actions.flatMap((a) => a.sources), ...org.sources]),
    });
  }
  return participants;
}

function buildParticipants(campaignId: string, eventIds: Set<string>): Participant[] {
  const participants = buildOrganisations(campaignId, eventIds);
  const merged = new Map<string, FactsParticipant[]>();
  for (const entry of facts.participants) {
    const into = MERGED_INTO[entry.id];
    if (into) merged.set(into, [...(merged.get(into) ?? []), entry]);
  }
  for (const entry of facts.participants) {
    if (!entry.campaign_ids.includes(campaignId) || MERGED_INTO[entry.id]) continue;
    if (entry.verification === 'low') {
      skipped.low.add(entry.id);
      continue;
    }
    const covered = [entry, ...(merged.get(entry.id) ?? [])];
    const accounts = covered.flatMap(accountsOf);
    if (accounts.length === 0) {
      if (![...skipped.stale].some((s) => s.startsWith(`${entry.id} `)))
        skipped.noHandle.add(entry.id);
      continue;
    }
    const sources = sourceList(covered.flatMap((e) => e.sources));
    if (sources.length === 0) throw new Error(`${entry.id} has no https source left`);
    const advertiser = entry.roles.some((r) => r.startsWith('advertiser'));
    let participant: Participant;
    if (advertiser) {
      const writing = ADVERTISERS[entry.id];
      if (!writing) throw new Error(`no actions written for the advertiser ${entry.id}`);
      const relation = RELATION_OF_PARTICIPATION[entry.participation_type ?? 'reported'];
      if (!relation)
        throw new Error(`${entry.id}: unknown participation ${entry.participation_type}`);
      participant = {
        id: slug(entry.id),
        name: writing.name ?? entry.display_name,
        kind: entry.kind,
        role: 'advertiser',
        accounts,
        actions: actionsOf(writing.actions, sources, eventIds),
        status: 'paused-ads',
        relation,
        sources,
      };
    } else {
      const writing = FREEZE_PARTICIPANTS[entry.id];
      if (!writing) throw new Error(`no actions written for ${entry.id}`);
      participant = {
        id: slug(entry.id),
        name: writing.name ?? entry.display_name,
        kind: entry.kind,
        role: 'participant',
        accounts,
        actions: actionsOf(writing.actions, sources, eventIds),
        ...(writing.status && { status: writing.status }),
        relation: writing.relation,
        sources,
      };
    }
    participants.push(participant);
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
    source.kind = kindOf(fact.id);
    out.push(source);
  }
  return out;
}

const coalition: CoalitionMember[] = facts.organizations.map((o) => {
  const page = ORGANISATION_PAGES[o.id];
  const url = page === undefined ? undefined : factsSources.get(page)?.url;
  return { name: ORGANISATION_NAMES[o.id] ?? o.name, ...(url && isHttpsUrl(url) && { url }) };
});

function buildCampaign(
  id: string,
  fixed: Pick<Campaign, 'name' | 'summary' | 'target'>,
  demandSource: [string, DemandWriting[], string[], string],
): Campaign {
  const campaignFacts = facts.campaigns.find((c) => c.id === id);
  if (!campaignFacts) throw new Error(`campaign ${id} is missing from the facts`);
  const events = buildEvents(id, campaignFacts.sources);
  const demands = buildDemands(...demandSource);
  const participants = buildParticipants(id, new Set(events.map((e) => e.id)));
  const referenced = [
    ...events.flatMap((e) => e.sources ?? []),
    ...demands.flatMap((d) => d.sources ?? []),
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
  };
}

const pack: Pack = {
  format: 'picket-pack/1',
  id: 'stophateforprofit-2020',
  version: 2,
  updatedAt: '2026-12-07',
  publisher: {
    name: 'Picket',
    // A placeholder the build replaces (PICKET_CORRECTIONS); see docs/packs.md.
    corrections: 'https://picket.invalid/corrections',
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
          'In the week of 14 September 2020 the same coalition asked people to post daily about the harm done on Facebook, and on Wednesday 16 September to post one message and then stay off Instagram for 24 hours. Many well-known accounts said they would take part.',
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
const evidence = checkEvidence(result.pack);
if (evidence.findings.length > 0) {
  console.error('The generated pack breaks evidence rules:');
  for (const f of evidence.findings) console.error(`  ${f.level}: ${f.path}: ${f.message}`);
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
console.log(`  stale handles: ${[...skipped.stale].join(', ')};`);
console.log(`  http-only sources dropped: ${droppedHttpSources.join(', ')}.`);
