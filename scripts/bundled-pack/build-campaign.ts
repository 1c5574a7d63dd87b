// One campaign of the bundled pack from the research: its events and demands as worded in
// ./wording, its coalition, participants and the sources they cite.
import type { Campaign, CampaignEvent, CoalitionMember, Demand } from '../../core/pack/types';
import { isHttpsUrl } from '../../core/pack/validate-values';
import { buildParticipants, type BuildContext } from './build-participants';
import { buildSources } from './build-sources';
import { ORGANISATION_NAMES, ORGANISATION_PAGES } from './participants-organisations';
import type { Research } from './research';
import { AD_PAUSE, EVENT_WRITING, FREEZE, type DemandWriting } from './wording';

const CAMPAIGN_SITE = 'https://www.stophateforprofit.org/';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The events that stand for a whole campaign's ask and window: they carry its general sources. */
const MAIN_EVENT: Record<string, string> = { [AD_PAUSE]: 'july-pause', [FREEZE]: 'week-of-action' };

function buildEvents(
  research: Research,
  campaignId: string,
  campaignSources: string[],
): CampaignEvent[] {
  const events: CampaignEvent[] = [];
  for (const fact of research.facts.events) {
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
      sources: research.sourceList([...fact.sources, ...general]),
    });
  }
  return events;
}

function buildDemands(
  research: Research,
  factsListId: string,
  writing: DemandWriting[],
  categories: string[],
  prefix: string,
): Demand[] {
  const list = research.facts.demands.find((d) => d.id === factsListId);
  if (!list) throw new Error(`demand list ${factsListId} is missing from the facts`);
  if (list.items.length !== writing.length)
    throw new Error(`${factsListId} has ${list.items.length} items; ${writing.length} are written`);
  const sources = research.sourceList(list.sources);
  return writing.map(([title, detail], i) => ({
    id: `${prefix}-${i + 1}`,
    title,
    detail,
    category: categories[i]!,
    sources,
  }));
}

/** The coalition's organisations, linked to their own page when the research has one. */
function coalitionOf(research: Research): CoalitionMember[] {
  return research.facts.organizations.map((o) => {
    const page = ORGANISATION_PAGES[o.id];
    const url = page === undefined ? undefined : research.sources.get(page)?.url;
    return { name: ORGANISATION_NAMES[o.id] ?? o.name, ...(url && isHttpsUrl(url) && { url }) };
  });
}

export function buildCampaign(
  context: BuildContext,
  id: string,
  fixed: Pick<Campaign, 'name' | 'summary' | 'target'>,
  demandSource: [string, DemandWriting[], string[], string],
): Campaign {
  const { research } = context;
  const campaignFacts = research.facts.campaigns.find((c) => c.id === id);
  if (!campaignFacts) throw new Error(`campaign ${id} is missing from the facts`);
  const events = buildEvents(research, id, campaignFacts.sources);
  const demands = buildDemands(research, ...demandSource);
  const participants = buildParticipants(context, id, new Set(events.map((e) => e.id)));
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
    coalition: coalitionOf(research),
    demands,
    events,
    participants,
    sources: buildSources(research, referenced),
  };
}
