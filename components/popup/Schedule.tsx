// The campaign's schedule in the popup: today, next and past events, in the user's time zone.
import { i18n } from '#i18n';
import type { EventKind, Source } from '../../core/pack/types';
import { CitedSources } from './CitedSources';
import { formatEventDates } from '../shared/format';
import {
  isPast as isOver,
  scheduleMarks,
  type ScheduleMarks,
  type TimedEvent,
} from '../../core/time/status';

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

/** Past dates kept in view above the current and coming ones; older ones fold away. */
const VISIBLE_PAST = 2;

/** The campaign's schedule as a timeline; today's and the next event are marked in words too. */
export function Schedule(props: {
  timed: TimedEvent[];
  now: number;
  timeZone: string;
  sources: Source[];
}) {
  const { timed, now, timeZone } = props;
  const marks = scheduleMarks(timed, now, timeZone);
  const isCurrent = (t: TimedEvent) =>
    t.event.id === marks.todayId || marks.underWayIds.has(t.event.id);
  const pastCount = timed.filter((t) => isOver(t, now) && !isCurrent(t)).length;
  // Events are in time order, so the folded ones are simply the first few.
  const folded = Math.max(0, pastCount - VISIBLE_PAST);
  const renderItem = (t: TimedEvent) => (
    <ScheduleItem
      key={t.event.id}
      timed={t}
      now={now}
      timeZone={timeZone}
      marks={marks}
      sources={props.sources}
    />
  );
  return (
    <section class="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{i18n.t('popup.schedule.heading')}</h2>
      {timed.length === 0 ? (
        <p class="muted">{i18n.t('popup.schedule.empty')}</p>
      ) : (
        <>
          {folded > 0 && (
            <details class="earlier">
              <summary>{i18n.t('popup.schedule.earlier', folded)}</summary>
              <ol class="timeline">{timed.slice(0, folded).map(renderItem)}</ol>
            </details>
          )}
          <ol class="timeline">{timed.slice(folded).map(renderItem)}</ol>
        </>
      )}
    </section>
  );
}

function ScheduleItem(props: {
  timed: TimedEvent;
  now: number;
  timeZone: string;
  marks: ScheduleMarks;
  sources: Source[];
}) {
  const { event } = props.timed;
  const { marks } = props;
  const isToday = event.id === marks.todayId;
  const isNext = event.id === marks.next?.event.id;
  const isUnderWay = marks.underWayIds.has(event.id);
  const isPast = isOver(props.timed, props.now);
  const classes = ['timeline-item'];
  if (isToday) classes.push('is-today');
  if (isNext) classes.push('is-next');
  if (isUnderWay) classes.push('is-under-way');
  if (isPast) classes.push('is-past');
  return (
    <li
      class={classes.join(' ')}
      aria-current={isToday ? 'date' : undefined}
      data-testid="schedule-item"
    >
      <div class="timeline-meta">
        {isToday && <strong class="tag tag-today">{i18n.t('popup.schedule.today')}</strong>}
        {isUnderWay && <strong class="tag tag-today">{i18n.t('popup.schedule.underWay')}</strong>}
        {isNext && <strong class="tag tag-next">{i18n.t('popup.schedule.next')}</strong>}
        <span class="timeline-date">{formatEventDates(event, props.timeZone)}</span>
        <span class="timeline-kind">{eventKindLabel(event.kind)}</span>
      </div>
      <p class="timeline-title">{event.title}</p>
      {event.detail && <p class="timeline-detail muted">{event.detail}</p>}
      <CitedSources ids={event.sources} sources={props.sources} />
    </li>
  );
}
