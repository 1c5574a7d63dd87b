// The words of a reminder (notification, popup fallback and in-page notice share them).
import { i18n } from '#i18n';
import type { CampaignEvent } from '../pack/types';
import type { ReminderKind } from './schedule';

/** Notification titles and messages are short on every platform; packs allow 2,000 chars. */
const MAX_TITLE = 120;
const MAX_MESSAGE = 300;

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/** What the campaign asks of the user, e.g. "24-hour Instagram freeze: don't post or scroll today." */
export function reminderText(
  kind: ReminderKind,
  campaign: { name: string; hashtag?: string },
  event: CampaignEvent,
): { title: string; message: string } {
  const title = clip(event.title, MAX_TITLE);
  const boycott = event.kind === 'boycott';
  const message =
    kind === 'day'
      ? boycott
        ? i18n.t('reminders.dayBoycott', { title })
        : i18n.t('reminders.dayAction', { title })
      : boycott
        ? i18n.t('reminders.eveBoycott', { title })
        : i18n.t('reminders.eveAction', { title });
  return { title: clip(campaign.name, MAX_TITLE), message: clip(message, MAX_MESSAGE) };
}
