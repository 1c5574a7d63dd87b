// How strong a participant's evidence is: source order (strongest first) and whether it may be badged.
// Used by the pack checker, the cache builder (only badgeable participants get lookup keys) and
// every screen that lists sources, so "strong enough to badge" means one thing everywhere.
import type { Account, AccountConfidence, Participant, Source, SourceKind } from './types';

/** Own statements first, then major outlets, then sources of no stated kind, then the rest. */
const RANK: Record<SourceKind | 'unstated', number> = {
  'own-statement': 0,
  'major-outlet': 1,
  unstated: 2,
  other: 3,
};

export function sourceRank(source: Pick<Source, 'kind'>): number {
  return RANK[source.kind ?? 'unstated'];
}

/** A copy of `sources`, strongest first; sources of equal strength keep the pack's order. */
export function strongestFirst<T extends Pick<Source, 'kind'>>(sources: readonly T[]): T[] {
  return sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => sourceRank(a.source) - sourceRank(b.source) || a.index - b.index)
    .map(({ source }) => source);
}

/** Ids of every source the participant cites: its own list, then its actions', each once. */
export function citedSourceIds(participant: Pick<Participant, 'sources' | 'actions'>): string[] {
  const ids = new Set(participant.sources);
  for (const action of participant.actions ?? []) for (const id of action.sources) ids.add(id);
  return [...ids];
}

/**
 * Whether a participant's evidence is strong enough for a badge: at least one cited source is the
 * participant's own statement or a major outlet's report. A pack that states no source kind at all
 * for the participant (written before kinds existed) is taken as it was written. Sources that are
 * all `other` (lists, aggregators, blogs) are thin evidence: listed in the popup, never badged.
 */
export function isBadgeable(
  participant: Pick<Participant, 'sources' | 'actions'>,
  sourcesById: ReadonlyMap<string, Pick<Source, 'kind'>>,
): boolean {
  const kinds = citedSourceIds(participant).map((id) => sourcesById.get(id)?.kind);
  if (kinds.every((kind) => kind === undefined)) return true;
  return kinds.some((kind) => kind === 'own-statement' || kind === 'major-outlet');
}

/** How sure the publisher is that the account is the participant's; unstated means verified. */
export function accountConfidence(account: Pick<Account, 'confidence'>): AccountConfidence {
  return account.confidence ?? 'verified';
}
