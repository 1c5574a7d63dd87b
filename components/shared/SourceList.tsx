// A claim's sources as a list, strongest first, each with its publisher, title and date.
import type { BadgeSource } from '../../core/messages';
import { ExternalLink } from './ExternalLink';
import { formatLooseDate } from './format';

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * Sources in the order given (callers pass them strongest first): publisher, the title as the
 * link (https only), the date.
 */
export function SourceList(props: { sources: readonly BadgeSource[]; label: string }) {
  return (
    <ul class="source-list" aria-label={props.label}>
      {props.sources.map((source, index) => (
        <li key={index} data-testid="source">
          {source.title && source.publisher && `${source.publisher}: `}
          <ExternalLink href={source.url}>
            {source.title ?? source.publisher ?? hostOf(source.url)}
          </ExternalLink>
          {source.date && `, ${formatLooseDate(source.date)}`}
        </li>
      ))}
    </ul>
  );
}
