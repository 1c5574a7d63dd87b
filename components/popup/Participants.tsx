import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ParticipantRole, ParticipantStatus } from '../../core/pack/types';
import { searchParticipants, type ParticipantView } from '../../storage/queries';
import { ExternalLink } from '../shared/ExternalLink';
import { formatLooseDate, formatNumber } from '../shared/format';

export const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 250;

export type RoleFilter = 'all' | 'participants' | 'advertisers' | 'organisers';

/** The popup's filter groups in pack roles: organisers include coalition members. */
export const ROLE_GROUPS: Record<RoleFilter, ParticipantRole[] | undefined> = {
  all: undefined,
  participants: ['participant'],
  advertisers: ['advertiser'],
  organisers: ['organizer', 'coalition-member'],
};

/** One page of participants across one or several roles, merged by name. */
export async function loadParticipants(
  campaignKey: string,
  text: string,
  filter: RoleFilter,
  count: number,
): Promise<{ total: number; items: ParticipantView[] }> {
  const roles = ROLE_GROUPS[filter];
  const query = { text: text || undefined, limit: count, offset: 0 };
  if (!roles) return searchParticipants(campaignKey, query);
  if (roles.length === 1) return searchParticipants(campaignKey, { ...query, role: roles[0] });
  // Several roles: ask for the first `count` of each and merge, so "Show more" stays exact.
  const pages = await Promise.all(
    roles.map((role) => searchParticipants(campaignKey, { ...query, role })),
  );
  const items = pages
    .flatMap((page) => page.items)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, count);
  return { total: pages.reduce((sum, page) => sum + page.total, 0), items };
}

export function roleLabel(role: ParticipantRole): string {
  switch (role) {
    case 'advertiser':
      return i18n.t('popup.role.advertiser');
    case 'organizer':
      return i18n.t('popup.role.organizer');
    case 'coalition-member':
      return i18n.t('popup.role.coalitionMember');
    default:
      return i18n.t('popup.role.participant');
  }
}

export function statusLabel(status: ParticipantStatus): string {
  switch (status) {
    case 'announced':
      return i18n.t('popup.participantStatus.announced');
    case 'paused-ads':
      return i18n.t('popup.participantStatus.pausedAds');
    case 'resumed':
      return i18n.t('popup.participantStatus.resumed');
    case 'withdrew':
      return i18n.t('popup.participantStatus.withdrew');
    default:
      return i18n.t('popup.participantStatus.tookPart');
  }
}

type ListState =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; total: number; items: ParticipantView[] };

export function Participants(props: { campaignKey: string }) {
  const { campaignKey } = props;
  const [input, setInput] = useState('');
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<RoleFilter>('all');
  const [count, setCount] = useState(PAGE_SIZE);
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const request = useRef(0);

  // Debounce typing so each keystroke doesn't query the store.
  useEffect(() => {
    const timer = setTimeout(() => setText(input.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  useEffect(() => setCount(PAGE_SIZE), [campaignKey, text, filter]);

  useEffect(() => {
    // Only the latest request may write the list (an older, slower one must not win).
    const id = ++request.current;
    loadParticipants(campaignKey, text, filter, count).then(
      (result) => id === request.current && setList({ kind: 'ready', ...result }),
      () => id === request.current && setList({ kind: 'error' }),
    );
  }, [campaignKey, text, filter, count]);

  return (
    <section class="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{i18n.t('popup.participants.heading')}</h2>
      <div class="participant-controls" role="search">
        <label>
          <span>{i18n.t('popup.participants.searchLabel')}</span>
          <input
            type="search"
            value={input}
            placeholder={i18n.t('popup.participants.searchPlaceholder')}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{i18n.t('popup.participants.roleLabel')}</span>
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as RoleFilter)}>
            <option value="all">{i18n.t('popup.participants.roleAll')}</option>
            <option value="participants">{i18n.t('popup.participants.roleParticipants')}</option>
            <option value="advertisers">{i18n.t('popup.participants.roleAdvertisers')}</option>
            <option value="organisers">{i18n.t('popup.participants.roleOrganisers')}</option>
          </select>
        </label>
      </div>
      <p class="muted" aria-live="polite" data-testid="participants-count">
        {list.kind === 'ready'
          ? i18n.t('popup.participants.showing', list.total, [
              formatNumber(list.items.length),
              formatNumber(list.total),
            ])
          : list.kind === 'loading'
            ? i18n.t('common.loading')
            : i18n.t('popup.participants.error')}
      </p>
      {list.kind === 'ready' && (
        <>
          <ul class="participant-list">
            {list.items.map((participant) => (
              <ParticipantItem key={`${participant.id}`} participant={participant} />
            ))}
          </ul>
          {list.items.length < list.total && (
            <button type="button" onClick={() => setCount((c) => c + PAGE_SIZE)}>
              {i18n.t('popup.participants.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ParticipantItem(props: { participant: ParticipantView }) {
  const { participant } = props;
  const handles = participant.accounts
    .map((a) => (a.handle ? `@${a.handle}` : a.numericId ? `id:${a.numericId}` : ''))
    .filter(Boolean);
  return (
    <li class="participant" data-testid="participant">
      <p class="participant-name">
        <strong>{participant.name}</strong>{' '}
        <span class="muted">
          {roleLabel(participant.role)}
          {participant.status ? ` · ${statusLabel(participant.status)}` : ''}
        </span>
      </p>
      {handles.length > 0 && <p class="muted participant-handles">{handles.join(', ')}</p>}
      {(participant.actions ?? []).length > 0 && (
        <ul class="participant-actions">
          {(participant.actions ?? []).map((action, i) => (
            <li key={i}>
              {action.date && <span class="muted">{formatLooseDate(action.date)}: </span>}
              {action.summary}
            </li>
          ))}
        </ul>
      )}
      {participant.resolvedSources.length > 0 && (
        <p class="participant-sources">
          <span class="muted">{i18n.t('popup.participants.sources')} </span>
          {participant.resolvedSources.map((source, i) => (
            <span key={source.id}>
              {i > 0 && ', '}
              <ExternalLink href={source.url}>
                {source.publisher ?? source.title ?? hostOf(source.url)}
                {source.date ? ` (${formatLooseDate(source.date)})` : ''}
              </ExternalLink>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
