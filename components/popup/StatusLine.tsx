// One line on where the campaign stands today (under way, in n days, over).
import { i18n } from '#i18n';
import type { CampaignPhase } from '../../core/time/status';
import { formatCountdown, formatDate } from '../shared/format';

/** One sentence on where the campaign stands for the user's clock and zone. */
export function StatusLine(props: { phase: CampaignPhase; now: number; timeZone: string }) {
  const { phase, now, timeZone } = props;
  let text: string;
  switch (phase.phase) {
    case 'upcoming':
      text = i18n.t('popup.status.upcoming', [
        phase.event.title,
        formatCountdown(phase.startsAt, now, timeZone),
      ]);
      break;
    case 'today':
      text = i18n.t('popup.status.today', [phase.event.title]);
      break;
    case 'under-way':
      text = i18n.t('popup.status.underWay', [
        phase.event.title,
        formatDate(phase.endsAt - 1, timeZone),
      ]);
      break;
    case 'ended':
      text = i18n.t('popup.status.ended', [formatDate(phase.endedAt - 1, timeZone)]);
      break;
    default:
      text = i18n.t('popup.status.none');
  }
  return (
    <p class={`status status-${phase.phase}`} data-testid="campaign-status">
      {text}
    </p>
  );
}
