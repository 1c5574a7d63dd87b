// The popup's boycott-day reminders switch and when the next reminder comes.
import { i18n } from '#i18n';
import { EVE_TIME, type Reminder } from '../../core/reminders/schedule';
import type { Settings } from '../../core/settings';
import { formatWallTime, uiLanguage } from '../shared/format';

/**
 * The reminders switch and one line on what it does and when. Writing settings is enough: the
 * background watches storage and reschedules its alarm.
 */
export function Reminders(props: {
  settings: Settings | null;
  /** The next reminder these settings would give (computed as if they were on). */
  nextReminder: Reminder | null;
  timeZone: string;
  onToggle: (enabled: boolean) => void;
  /** Why the last switch could not be saved. */
  error?: string;
}) {
  const { settings, nextReminder, timeZone } = props;
  const reminders = settings?.reminders;
  let line = '';
  if (reminders) {
    const time = formatWallTime(reminders.time);
    const what = !reminders.enabled
      ? i18n.t('popup.reminders.off', [time])
      : reminders.dayBefore
        ? i18n.t('popup.reminders.whenDayBefore', [time, formatWallTime(EVE_TIME)])
        : i18n.t('popup.reminders.when', [time]);
    const next = nextReminder
      ? i18n.t('popup.reminders.nextOn', [
          new Intl.DateTimeFormat(uiLanguage(), {
            dateStyle: 'long',
            timeStyle: 'short',
            timeZone,
          }).format(new Date(nextReminder.dueAt)),
          nextReminder.event.title,
        ])
      : i18n.t('popup.reminders.noneScheduled');
    line = `${what} ${next}`;
  }
  return (
    <section class="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{i18n.t('popup.reminders.heading')}</h2>
      <div class="switch-row">
        <input
          id="reminders-switch"
          type="checkbox"
          role="switch"
          checked={reminders?.enabled ?? false}
          disabled={!reminders}
          aria-describedby="reminders-line"
          onChange={(e) => props.onToggle(e.currentTarget.checked)}
        />
        <label for="reminders-switch">{i18n.t('popup.reminders.label')}</label>
      </div>
      {props.error && (
        <p class="error-text" role="alert" data-testid="reminders-error">
          {props.error}
        </p>
      )}
      <p id="reminders-line" class="muted" data-testid="reminders-line">
        {line}
      </p>
    </section>
  );
}
