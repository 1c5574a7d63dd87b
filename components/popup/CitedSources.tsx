// The sources a demand or an event cites, as small links under it.
import { i18n } from '#i18n';
import { strongestFirst } from '../../core/pack/evidence';
import type { Source } from '../../core/pack/types';
import { SourceList } from '../shared/SourceList';

/** The sources a demand or event cites (by id, from the campaign's list), strongest first. */
export function CitedSources(props: { ids: string[] | undefined; sources: Source[] }) {
  if (!props.ids?.length) return null;
  const byId = new Map(props.sources.map((source) => [source.id, source] as const));
  const cited = strongestFirst(
    props.ids.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined),
  );
  if (!cited.length) return null;
  return (
    <div class="cited-sources">
      <span class="muted">{i18n.t('popup.sources')}</span>
      <SourceList sources={cited} label={i18n.t('claim.sources')} />
    </div>
  );
}
