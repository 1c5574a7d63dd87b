import { i18n } from '#i18n';
import type { EventKind } from '../../core/pack/types';
import { formatEventDates } from '../shared/format';
import { scheduleMarks, type TimedEvent } from './schedule';

export function eventKindLabel(kind: EventKind): string {
  switch (kind) {
    case 'boycott':
      return i18n.t('popup.eventKind.boycott');
    case 'action':
      return i18n.t('popup.eventKind.action');
    case 'pause':
      return i18n.t('popup.eventKind.pause');
    case 'deadline':
      return i18n.t('popup.eventKind.deadline');
    default:
      return i18n.t('popup.eventKind.other');
  }
}

/** The campaign's schedule as a timeline; today's and the next event are marked in words too. */
export function Schedule(props: { timed: TimedEvent[]; now: number; timeZone: string }) {
  const { timed, now, timeZone } = props;
  const { todayId, underWayIds, next } = scheduleMarks(timed, now, timeZone);
  return (
    <section class="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{i18n.t('popup.schedule.heading')}</h2>
      {timed.length === 0 ? (
        <p class="muted">{i18n.t('popup.schedule.empty')}</p>
      ) : (
        <ol class="timeline">
          {timed.map(({ event, end }) => {
            const isToday = event.id === todayId;
            const isNext = event.id === next?.event.id;
            const isUnderWay = underWayIds.has(event.id);
            const isPast = end <= now;
            const classes = ['timeline-item'];
            if (isToday) classes.push('is-today');
            if (isNext) classes.push('is-next');
            if (isUnderWay) classes.push('is-under-way');
            if (isPast) classes.push('is-past');
            return (
              <li
                key={event.id}
                class={classes.join(' ')}
                aria-current={isToday ? 'date' : undefined}
                data-testid="schedule-item"
              >
                <div class="timeline-meta">
                  {isToday && (
                    <strong class="tag tag-today">{i18n.t('popup.schedule.today')}</strong>
                  )}
                  {isNext && <strong class="tag tag-next">{i18n.t('popup.schedule.next')}</strong>}
                  <span class="timeline-date">{formatEventDates(event, timeZone)}</span>
                  <span class="timeline-kind">{eventKindLabel(event.kind)}</span>
                </div>
                <p class="timeline-title">{event.title}</p>
                {event.detail && <p class="timeline-detail muted">{event.detail}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
