// The participants of each bundled campaign: the research's people, brands and coalition
// organisations with a usable handle, their accounts and actions as written in ./participants.
import type {
  Account,
  Action,
  Participant,
  ParticipantRelation,
  ParticipantRole,
} from '../../core/pack/types';
import { HOLDERS, MERGED_INTO, STALE_HANDLES } from './participants';
import type { ActionWriting } from './action-writing';
import { FREEZE_PARTICIPANTS } from './participants-freeze';
import {
  FOUNDING_ORGANISATIONS,
  ORGANISATION_NAMES,
  ORGANISATIONS,
} from './participants-organisations';
import { ADVERTISERS } from './participants-advertisers';
import type { FactsHandle, FactsParticipant, Research } from './research';

/** Research entries left out of the pack, and why (printed after a build). */
export interface Skipped {
  low: Set<string>;
  noHandle: Set<string>;
  stale: Set<string>;
}

export interface BuildContext {
  research: Research;
  skipped: Skipped;
}

export function noneSkipped(): Skipped {
  return { low: new Set(), noHandle: new Set(), stale: new Set() };
}

function accountsOf(
  skipped: Skipped,
  entry: {
    id: string;
    instagram: FactsHandle | null;
    facebook: FactsHandle | null;
  },
): Account[] {
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

function actionsOf(
  research: Research,
  writing: ActionWriting[],
  sources: string[],
  eventIds: Set<string>,
): Action[] {
  return writing.map((action) => {
    if (!eventIds.has(action.event)) throw new Error(`event ${action.event} missing`);
    const own = action.sources ? research.sourceList(action.sources) : sources;
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

const RELATION_OF_PARTICIPATION: Record<string, ParticipantRelation> = {
  joined: 'joined',
  paused_not_formally_joined: 'aligned',
  paused_campaign_not_named: 'aligned',
  reported: 'listed',
};

const slug = (factsId: string) => factsId.toLowerCase();

function buildOrganisations(
  { research, skipped }: BuildContext,
  campaignId: string,
  eventIds: Set<string>,
): Participant[] {
  const participants: Participant[] = [];
  for (const org of research.facts.organizations) {
    const accounts = accountsOf(skipped, org);
    if (accounts.length === 0) continue;
    const writing = ORGANISATIONS[campaignId]?.[org.id];
    if (!writing) throw new Error(`no actions written for ${org.id} in ${campaignId}`);
    const actions = actionsOf(research, writing, research.sourceList(org.sources), eventIds);
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
      sources: research.sourceList([...actions.flatMap((a) => a.sources), ...org.sources]),
    });
  }
  return participants;
}

export function buildParticipants(
  context: BuildContext,
  campaignId: string,
  eventIds: Set<string>,
): Participant[] {
  const { research, skipped } = context;
  const participants = buildOrganisations(context, campaignId, eventIds);
  const merged = new Map<string, FactsParticipant[]>();
  for (const entry of research.facts.participants) {
    const into = MERGED_INTO[entry.id];
    if (into) merged.set(into, [...(merged.get(into) ?? []), entry]);
  }
  for (const entry of research.facts.participants) {
    if (!entry.campaign_ids.includes(campaignId) || MERGED_INTO[entry.id]) continue;
    if (entry.verification === 'low') {
      skipped.low.add(entry.id);
      continue;
    }
    const covered = [entry, ...(merged.get(entry.id) ?? [])];
    const accounts = covered.flatMap((e) => accountsOf(skipped, e));
    if (accounts.length === 0) {
      if (![...skipped.stale].some((s) => s.startsWith(`${entry.id} `)))
        skipped.noHandle.add(entry.id);
      continue;
    }
    const sources = research.sourceList(covered.flatMap((e) => e.sources));
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
        actions: actionsOf(research, writing.actions, sources, eventIds),
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
        actions: actionsOf(research, writing.actions, sources, eventIds),
        ...(writing.status && { status: writing.status }),
        relation: writing.relation,
        sources,
      };
    }
    participants.push(participant);
  }
  return participants;
}
