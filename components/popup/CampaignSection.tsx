// The popup's campaign: its name, hashtag, summary, target and coalition, with their links.
import { i18n } from '#i18n';
import type { Ref } from 'preact';
import type { CampaignPhase } from '../../core/time/status';
import type { CampaignSummary } from '../../core/store-views';
import { ExternalLink } from '../shared/ExternalLink';
import { StatusLine } from './StatusLine';

export function CampaignSection(props: {
  campaign: CampaignSummary;
  phase: CampaignPhase;
  now: number;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { campaign } = props;
  return (
    <section id="campaign" class="card campaign" aria-labelledby="campaign-heading">
      <h2 id="campaign-heading" tabIndex={-1} ref={props.headingRef}>
        <ExternalLink href={campaign.url}>{campaign.name}</ExternalLink>
      </h2>
      {campaign.hashtag && <p class="hashtag">{campaign.hashtag}</p>}
      <StatusLine phase={props.phase} now={props.now} timeZone={props.timeZone} />
      {campaign.target && (
        <p>
          <span class="muted">{i18n.t('popup.campaign.target')} </span>
          {campaign.target}
        </p>
      )}
      {campaign.summary && <p class="summary">{campaign.summary}</p>}
      {campaign.coalition.length > 0 && (
        <>
          <h3>{i18n.t('popup.campaign.coalition')}</h3>
          <ul class="coalition">
            {campaign.coalition.map((member) => (
              <li key={member.name}>
                <ExternalLink href={member.url}>{member.name}</ExternalLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
