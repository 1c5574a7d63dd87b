// What one participant would get: the badge's words and the card that opens from it, drawn with
// the same claim words (core/claim.ts), evidence rule and source list as the extension's screens.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { datedActions } from '../../core/claim';
import {
  accountConfidence,
  citedSourceIds,
  isBadgeable,
  strongestFirst,
} from '../../core/pack/evidence';
import type { Campaign, Participant, Source } from '../../core/pack/types';
import { claimLine } from '../shared/claim';
import { formatLooseDate } from '../shared/format';
import { SourceList } from '../shared/SourceList';

const listOf = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function Card(props: { campaign: Campaign; participant: Participant }) {
  const { campaign, participant } = props;
  const sources = listOf<Source>(campaign.sources);
  const byId = new Map(sources.map((source) => [source.id, source] as const));
  const actions = datedActions(listOf(participant.actions), listOf(campaign.events));
  const facts = { ...participant, actions };
  const cited = strongestFirst(
    citedSourceIds(participant)
      .map((id) => byId.get(id))
      .filter((source): source is Source => source !== undefined),
  );
  const account = participant.accounts[0];
  const handle = account?.handle ?? (account?.numericId ? `id:${account.numericId}` : '');
  const shownHandle = handle.startsWith('id:') ? handle : `@${handle}`;
  const badged = isBadgeable(participant, byId);
  return (
    <div class="preview-pair">
      <h3>{i18n.t('builder.preview.badge')}</h3>
      <p>
        <span class="badge-preview" data-testid="preview-badge">
          {claimLine(facts, 'month')}
        </span>
      </p>
      {!badged && <p class="not-badged">{i18n.t('claim.notBadged')}</p>}
      <h3>{i18n.t('builder.preview.card')}</h3>
      <div class="card-preview" data-testid="preview-card">
        <p class="claim">{claimLine(facts, 'day')}</p>
        <p>
          {participant.name} · {campaign.name}
        </p>
        {actions.length > 0 && (
          <>
            <h4>{i18n.t('badge.actionsHeading')}</h4>
            <ul>
              {actions.map((action, i) => (
                <li key={i}>
                  {[action.summary, action.eventTitle, action.date && formatLooseDate(action.date)]
                    .filter(Boolean)
                    .join(' — ')}
                </li>
              ))}
            </ul>
          </>
        )}
        {account && (
          <p>
            {account.holder
              ? i18n.t('claim.accountHolder', [shownHandle, account.holder])
              : i18n.t('claim.account', [shownHandle])}
          </p>
        )}
        {account && accountConfidence(account) !== 'verified' && (
          <p class="unverified">{i18n.t('claim.accountLikely')}</p>
        )}
        {cited.length > 0 && (
          <>
            <h4>{i18n.t('claim.sources')}</h4>
            <SourceList sources={cited} label={i18n.t('claim.sources')} />
          </>
        )}
      </div>
    </div>
  );
}

export function PreviewSection(props: { campaign: Campaign | undefined }) {
  const participants = listOf<Participant>(props.campaign?.participants);
  const [chosen, setChosen] = useState(0);
  const index = chosen < participants.length ? chosen : 0;
  const participant = participants[index];
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{i18n.t('builder.preview.heading')}</h2>
      <p class="muted">{i18n.t('builder.preview.intro')}</p>
      {!participant || !props.campaign ? (
        <p>{i18n.t('builder.preview.none')}</p>
      ) : (
        <>
          <div class="field">
            <label for="preview-choice">{i18n.t('builder.preview.choose')}</label>
            <select
              id="preview-choice"
              value={String(index)}
              onChange={(event) => setChosen(Number(event.currentTarget.value))}
            >
              {participants.map((p, i) => (
                <option key={i} value={String(i)}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <Card campaign={props.campaign} participant={participant} />
        </>
      )}
    </section>
  );
}
