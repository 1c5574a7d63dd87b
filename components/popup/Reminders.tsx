import { i18n } from '#i18n';
import type { Settings } from '../../storage/settings';
import { formatEventStartDay, formatWallTime } from '../shared/format';
import type { TimedEvent } from './schedule';

/**
 * The reminders switch and one line on what it does and when. Writing settings is enough: the
 * background watches storage and reschedules its alarm.
 */
export function Reminders(props: {
  settings: Settings | null;
  nextEvent: TimedEvent | null;
  timeZone: string;
  onToggle: (enabled: boolean) => void;
}) {
  const { settings, nextEvent, timeZone } = props;
  const reminders = settings?.reminders;
  let line = '';
  if (reminders) {
    const time = formatWallTime(reminders.time);
    const base = reminders.dayBefore
      ? i18n.t('popup.reminders.whenDayBefore', [time])
      : i18n.t('popup.reminders.when', [time]);
    const next =
      nextEvent === null
        ? i18n.t('popup.reminders.noneScheduled')
        : i18n.t('popup.reminders.nextOn', [
            formatEventStartDay(nextEvent.event, nextEvent.start, timeZone),
          ]);
    line = `${reminders.enabled ? base : i18n.t('popup.reminders.off', [time])} ${next}`;
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
      <p id="reminders-line" class="muted" data-testid="reminders-line">
        {line}
      </p>
    </section>
  );
}
