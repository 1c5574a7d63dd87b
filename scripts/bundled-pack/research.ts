// The research dataset the bundled pack is built from (../shared/research/campaign-facts.json):
// its shape, and which of its sources may be cited (https only, each with a reviewed kind).
import { readFileSync } from 'node:fs';
import { strongestFirst } from '../../core/pack/evidence';
import type { SourceKind } from '../../core/pack/types';
import { isHttpsUrl } from '../../core/pack/validate-values';
import { SOURCE_KINDS } from './source-kinds';

export interface FactsHandle {
  handle: string | null;
  confidence: 'high' | 'medium' | null;
}
export interface FactsParticipant {
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
export interface FactsOrganization {
  id: string;
  name: string;
  instagram: FactsHandle | null;
  facebook: FactsHandle | null;
  sources: string[];
}
export interface FactsEvent {
  date: string;
  campaign_id: string | null;
  sources: string[];
}
export interface FactsSource {
  id: string;
  publication: string;
  title: string;
  date: string;
  url: string;
}
export interface FactsDemandList {
  id: string;
  sources: string[];
  items: unknown[];
}
export interface Facts {
  campaigns: { id: string; sources: string[] }[];
  organizations: FactsOrganization[];
  participants: FactsParticipant[];
  events: FactsEvent[];
  demands: FactsDemandList[];
  sources: FactsSource[];
}

export interface Research {
  facts: Facts;
  /** Research sources by id. */
  sources: Map<string, FactsSource>;
  /** Sources with no https address: never cited. */
  droppedHttpSources: string[];
  /** The reviewed kind of a cited source; throws for a source without one. */
  kindOf(id: string): SourceKind;
  /** The https sources among `ids`, each once, strongest first (equals keep the research's order). */
  sourceList(ids: readonly string[]): string[];
}

export function readResearch(path: string): Research {
  const facts = JSON.parse(readFileSync(path, 'utf8')) as Facts;
  const sources = new Map(facts.sources.map((s) => [s.id, s]));
  const droppedHttpSources = facts.sources.filter((s) => !isHttpsUrl(s.url)).map((s) => s.id);
  const kindOf = (id: string): SourceKind => {
    const kind = SOURCE_KINDS.get(id);
    if (!kind) throw new Error(`no kind written for the cited source ${id}`);
    return kind;
  };
  const sourceList = (ids: readonly string[]): string[] => {
    const usable = [...new Set(ids)].filter(
      (id) => sources.has(id) && !droppedHttpSources.includes(id),
    );
    return strongestFirst(usable.map((id) => ({ id, kind: kindOf(id) }))).map(({ id }) => id);
  };
  return { facts, sources, droppedHttpSources, kindOf, sourceList };
}
