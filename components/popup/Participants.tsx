// The popup's participant list: search by name or handle, filter by role, page 50 at a time.
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { displayHandle } from '../../core/accounts';
import { datedActions } from '../../core/claim';
import { accountConfidence } from '../../core/pack/evidence';
import type { CampaignEvent, ParticipantRole } from '../../core/pack/types';
import { REPORT_PAGE, reportQuery } from '../../core/report';
import type { ParticipantView } from '../../core/store-views';
import { claimLine } from '../shared/claim';
import { sendFromPage as send } from '../shared/send';
import { formatLooseDate, formatNumber } from '../shared/format';
import { SourceList } from '../shared/SourceList';

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

/** One page of participants across one or several roles, merged by name (the background's work). */
export async function loadParticipants(
  campaignKey: string,
  text: string,
  filter: RoleFilter,
  count: number,
): Promise<{ total: number; items: ParticipantView[] }> {
  const roles = ROLE_GROUPS[filter];
  const answer = await send({
    type: 'searchParticipants',
    campaignKey,
    ...(text && { text }),
    ...(roles && { roles }),
    limit: count,
  });
  if (!answer.ok) throw new Error(answer.error);
  return { total: answer.total, items: answer.items };
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

type ListState =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; total: number; items: ParticipantView[] };

export function Participants(props: { campaignKey: string; events: CampaignEvent[] }) {
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
              <ParticipantItem
                key={`${participant.id}`}
                participant={participant}
                events={props.events}
              />
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

/** Opens the report page in a tab (the popup closes as the tab takes focus). */
function openReport(event: Event, path: string): void {
  event.preventDefault();
  void browser.tabs.create({ url: browser.runtime.getURL(REPORT_PAGE) + path });
}

function ParticipantItem(props: { participant: ParticipantView; events: CampaignEvent[] }) {
  const { participant } = props;
  const actions = datedActions(participant.actions ?? [], props.events);
  const [campaignPackId, campaignId] = splitCampaignKey(participant.campaignKey);
  const first = participant.accounts[0];
  const query = first
    ? reportQuery({
        packId: campaignPackId,
        campaignId,
        participantId: participant.id,
        platform: first.platform,
        handle: displayHandle(first),
      })
    : null;
  return (
    <li class="participant" data-testid="participant">
      <p class="participant-name">
        <strong>{participant.name}</strong> <span class="muted">{roleLabel(participant.role)}</span>
      </p>
      <p class="participant-claim" data-testid="participant-claim">
        {claimLine({ ...participant, actions }, 'day')}
      </p>
      {!participant.badgeable && (
        <p class="not-badged" data-testid="not-badged">
          {i18n.t('claim.notBadged')}
        </p>
      )}
      {participant.accounts.length > 0 && (
        <ul class="participant-handles">
          {participant.accounts.map((account, i) => {
            const handle = displayHandle(account);
            return (
              <li key={i}>
                {handle.startsWith('id:') ? handle : `@${handle}`}
                {account.holder && <span class="muted"> ({account.holder})</span>}
                {accountConfidence(account) !== 'verified' && (
                  <span class="unverified"> — {i18n.t('claim.accountLikely')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {actions.length > 0 && (
        <ul class="participant-actions">
          {actions.map((action, i) => (
            <li key={i}>
              {action.date && <span class="muted">{formatLooseDate(action.date)}: </span>}
              {action.summary}
            </li>
          ))}
        </ul>
      )}
      {participant.resolvedSources.length > 0 && (
        <div class="participant-sources">
          <span class="muted">{i18n.t('popup.sources')}</span>
          <SourceList sources={participant.resolvedSources} label={i18n.t('claim.sources')} />
        </div>
      )}
      {query && (
        <p class="participant-report">
          <a
            href={REPORT_PAGE + query}
            aria-label={i18n.t('popup.participants.reportLabel', [participant.name])}
            onClick={(event) => openReport(event, query)}
          >
            {i18n.t('claim.report')}
          </a>
        </p>
      )}
    </li>
  );
}

/** `<packId>/<campaignId>` back into its parts (pack ids have no `/`; campaign ids may). */
function splitCampaignKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
