// Today's reminder inside the popup, for when a notification was not or could not be shown.
import { i18n } from '#i18n';
import type { NoticeInfo } from '../../core/messages';
import type { CampaignPhase } from '../../core/time/status';

/**
 * The background's own wording when it has one pending, else today's event of this campaign,
 * when reminders are on or notifications could not be shown (then the popup is where the
 * reminder reaches the user).
 */
export function TodayReminder(props: {
  pending: NoticeInfo | null;
  phase: CampaignPhase;
  remindersOn: boolean;
  notificationsFailed: boolean;
}) {
  const { pending, phase } = props;
  let title: string;
  let detail: string | undefined;
  if (pending) {
    title = pending.title;
    detail = pending.message;
  } else if (phase.phase === 'today' && (props.remindersOn || props.notificationsFailed)) {
    title = i18n.t('popup.reminderToday', [phase.event.title]);
    detail = phase.event.detail;
  } else {
    return null;
  }
  return (
    <div class="banner reminder" role="status" data-testid="reminder-banner">
      <p>
        <strong>{title}</strong>
      </p>
      {detail && <p>{detail}</p>}
      {props.notificationsFailed && <p class="muted">{i18n.t('popup.notificationsFailed')}</p>}
    </div>
  );
}
