// The campaign's demands, each with the sources that state it.
import { i18n } from '#i18n';
import type { Demand, Source } from '../../core/pack/types';
import { formatNumber } from '../shared/format';
import { CitedSources } from './CitedSources';

/** Demands grouped by category, each group collapsible so the popup is not a wall of text. */
export function Demands(props: { demands: Demand[]; sources: Source[] }) {
  const groups = new Map<string, Demand[]>();
  for (const demand of props.demands) {
    const category = demand.category?.trim() || '';
    const list = groups.get(category) ?? [];
    list.push(demand);
    groups.set(category, list);
  }
  return (
    <section class="card" aria-labelledby="demands-heading">
      <h2 id="demands-heading">{i18n.t('popup.demands.heading')}</h2>
      {props.demands.length === 0 ? (
        <p class="muted">{i18n.t('popup.demands.empty')}</p>
      ) : (
        [...groups].map(([category, demands], index) => (
          <details key={category} class="demand-group" open={index === 0}>
            <summary>
              {category || i18n.t('popup.demands.uncategorised')}{' '}
              <span class="muted">({formatNumber(demands.length)})</span>
            </summary>
            <ul class="demand-list">
              {demands.map((demand) => (
                <li key={demand.id} data-testid="demand">
                  <p class="demand-title">{demand.title}</p>
                  {demand.detail && <p class="muted demand-detail">{demand.detail}</p>}
                  <CitedSources ids={demand.sources} sources={props.sources} />
                </li>
              ))}
            </ul>
          </details>
        ))
      )}
    </section>
  );
}
