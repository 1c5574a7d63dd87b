// Boycott-day reminders in the background: one alarm for the next due reminder, notifications
// with a popup/badge fallback, and the in-page notice.
//
// The worker (Chrome) or event page (Firefox) can die at any moment and alarms can be lost
// (checklist F1/F2, pitfalls 1–2), so nothing lives in memory: the schedule is recomputed from
// the store and settings on every reconcile, and what has fired is kept in storage.local,
// written BEFORE the notification is shown. A reconcile is idempotent; the store wires it into
// start-up, install/update, settings and pack changes, and the alarm calls it too.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { NoticeInfo } from '../core/messages';
import {
  REMINDER_KINDS,
  eventOccurrenceId,
  scheduleReminders,
  type Reminder,
  type ReminderCampaign,
} from '../core/reminders/schedule';
import { reminderText } from '../core/reminders/text';
import { eventsInProgress, localDate } from '../core/time/status';
import { userTimeZone } from '../core/time/zone';
import { loadSnapshot } from '../storage/queries';
import { getSettings, type Settings } from '../storage/settings';

export const REMINDER_ALARM = 'picket:reminder';
export const NOTIFICATION_PREFIX = 'picket:';
const FIRED_RETENTION_MS = 60 * 24 * 60 * 60 * 1000;
/** Dismissals kept at most (they only matter for today; this bounds a misbehaving caller). */
const MAX_DISMISSALS = 100;
/** A pack with many events on one day must not flood the screen; the rest count as fired
 * and stay visible through the popup and the in-page notice. */
const MAX_NOTIFICATIONS_AT_ONCE = 3;

/** Reminder id → when it fired (epoch ms). */
export const remindersFiredItem = storage.defineItem<Record<string, number>>(
  'local:remindersFired',
  { fallback: {} },
);
/** True after a notification could not be shown; the popup and the "!" badge take over. */
export const notificationsFailedItem = storage.defineItem<boolean>('local:notificationsFailed', {
  fallback: false,
});
/** Notice id → the user-local date (YYYY-MM-DD) on which the user dismissed it. */
export const noticeDismissedItem = storage.defineItem<Record<string, string>>(
  'local:noticeDismissed',
  { fallback: {} },
);

// ---- Listeners (registered synchronously at the background's start, checklist F5) ----

function onAlarm(alarm: { name: string }): Promise<void> | undefined {
  return alarm.name === REMINDER_ALARM ? reconcileReminders() : undefined;
}

function onNotificationClicked(notificationId: string): Promise<void> | undefined {
  return notificationId.startsWith(NOTIFICATION_PREFIX)
    ? openCampaignView(notificationId)
    : undefined;
}

/** Registers alarm and notification listeners; call synchronously from the background's start. */
export function initReminders(): void {
  if (!browser.alarms.onAlarm.hasListener(onAlarm)) browser.alarms.onAlarm.addListener(onAlarm);
  if (!browser.notifications.onClicked.hasListener(onNotificationClicked)) {
    browser.notifications.onClicked.addListener(onNotificationClicked);
  }
}

// ---- Schedule ----

/** Campaigns that may remind: enabled pack, and not switched off by the user. */
async function reminderCampaigns(settings: Settings): Promise<ReminderCampaign[]> {
  const snapshot = await loadSnapshot();
  const disabledPacks = new Set(snapshot.packs.filter((p) => !p.enabled).map((p) => p.id));
  return snapshot.campaigns
    .filter((c) => !disabledPacks.has(c.packId) && settings.campaigns[c.key] !== false)
    .map((c) => ({
      packId: c.packId,
      id: c.id,
      name: c.name,
      ...(c.hashtag !== undefined && { hashtag: c.hashtag }),
      events: c.events,
    }));
}

async function currentReminders(
  now: number,
): Promise<{ settings: Settings; reminders: Reminder[] }> {
  const settings = await getSettings();
  // Off means no store read at all: reconcile stays cheap for users who never turn this on.
  if (!settings.reminders.enabled) return { settings, reminders: [] };
  const campaigns = await reminderCampaigns(settings);
  return {
    settings,
    reminders: scheduleReminders(campaigns, settings.reminders, userTimeZone(), now),
  };
}

function isLive(reminder: Reminder, now: number): boolean {
  return reminder.dueAt <= now && now < reminder.expiresAt;
}

function toNotice(reminder: Reminder): NoticeInfo {
  const text = reminderText(
    reminder.kind,
    { name: reminder.campaignName, ...(reminder.hashtag && { hashtag: reminder.hashtag }) },
    reminder.event,
  );
  return { id: reminder.id, ...text };
}

// ---- Badge marker and notifications ----

/** The global badge text (no tabId): per-tab counts set their own text and stay untouched. */
async function setGlobalBadge(text: string): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action?.setBadgeText({ text });
  } catch {
    // A badge is a hint; failing to set it must not stop reminders.
  }
}

async function notificationsDenied(): Promise<boolean> {
  // Chrome only; Firefox has no getPermissionLevel.
  const api = browser.notifications as {
    getPermissionLevel?: () => Promise<string>;
  };
  if (typeof api.getPermissionLevel !== 'function') return false;
  try {
    return (await api.getPermissionLevel()) === 'denied';
  } catch {
    return false;
  }
}

/** Records whether notifications work; the "!" marker follows (set on failure, gone on success). */
async function markNotificationsFailed(failed: boolean): Promise<void> {
  const was = await notificationsFailedItem.getValue();
  if (was === failed) return;
  await notificationsFailedItem.setValue(failed);
  await setGlobalBadge(failed ? '!' : '');
}

/** Shows one reminder; on failure records it so the popup and a "!" badge stand in. */
async function showReminder(reminder: Reminder): Promise<boolean> {
  const { title, message } = toNotice(reminder);
  try {
    if (await notificationsDenied()) throw new Error('Notifications are denied.');
    // Only basic/title/message/iconUrl: all that Firefox supports (checklist F4).
    await browser.notifications.create(NOTIFICATION_PREFIX + reminder.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icons/128.png'),
      title,
      message,
    });
    await markNotificationsFailed(false);
    return true;
  } catch {
    await markNotificationsFailed(true);
    return false;
  }
}

async function openCampaignView(notificationId: string): Promise<void> {
  // openPopup is called synchronously, before any await, while the click still counts as a
  // user action (Firefox only allows it then). It may be missing (older browsers), throw, or
  // reject (Chrome without a focused window): then a tab shows the popup page instead.
  const action = browser.action ?? browser.browserAction;
  let opened: Promise<boolean> = Promise.resolve(false);
  try {
    if (action?.openPopup) {
      opened = action.openPopup().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // Fall through to the tab.
  }
  await browser.notifications.clear(notificationId).catch(() => false);
  if (await opened) return;
  const [packId = '', campaignId = ''] = notificationId
    .slice(NOTIFICATION_PREFIX.length)
    .split('/');
  const campaign = encodeURIComponent(`${packId}/${campaignId}`);
  await browser.tabs.create({
    url: `${browser.runtime.getURL('/popup.html')}?view=campaign&campaign=${campaign}`,
  });
}

// ---- Reconcile ----

function pruneFired(fired: Record<string, number>, now: number): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [id, at] of Object.entries(fired)) if (at > now - FIRED_RETENTION_MS) kept[id] = at;
  return kept;
}

async function reconcileNow(): Promise<void> {
  const now = Date.now();
  const { settings, reminders } = await currentReminders(now);

  if (!settings.reminders.enabled) {
    await browser.alarms.clear(REMINDER_ALARM);
    await markNotificationsFailed(false);
    return;
  }

  const stored = await remindersFiredItem.getValue();
  const due = reminders.filter((r) => isLive(r, now) && stored[r.id] === undefined);
  const fired = pruneFired(stored, now);
  for (const r of due) fired[r.id] = now;
  // Written before any notification: a worker killed mid-way loses a notification at worst,
  // never shows one twice.
  if (due.length > 0 || Object.keys(fired).length !== Object.keys(stored).length) {
    await remindersFiredItem.setValue(fired);
  }
  for (const r of due.slice(0, MAX_NOTIFICATIONS_AT_ONCE)) await showReminder(r);

  // The "!" marker stands for a reminder the user could not see; it goes when that expires.
  const failed = await notificationsFailedItem.getValue();
  const live = reminders.filter((r) => isLive(r, now));
  const markerUntil = failed && live.length > 0 ? Math.min(...live.map((r) => r.expiresAt)) : null;
  if (failed) await setGlobalBadge(markerUntil === null ? '' : '!');

  const next = reminders.find((r) => r.dueAt > now && fired[r.id] === undefined);
  const when = Math.min(next?.dueAt ?? Infinity, markerUntil ?? Infinity);
  await browser.alarms.clear(REMINDER_ALARM);
  if (when !== Infinity) await browser.alarms.create(REMINDER_ALARM, { when });
}

let queued: Promise<void> | null = null;
let chain: Promise<void> = Promise.resolve();

/** Recomputes the next reminder alarm from packs and settings. */
export function reconcileReminders(): Promise<void> {
  // Calls that arrive while one is waiting share it; one that arrives while a reconcile runs
  // queues a fresh one after it (its inputs may have changed). Runs never overlap, so two
  // near-simultaneous triggers (start-up + alarm) cannot both see a reminder as unfired.
  if (queued) return queued;
  const run = chain
    .then(() => {
      queued = null;
      return reconcileNow();
    })
    .catch((error: unknown) => {
      // The store may be unreadable for a moment; the next trigger tries again.
      console.warn('Picket: reminders could not be reconciled', error);
    });
  queued = run;
  chain = run;
  return run;
}

// ---- Notice and status ----

/** Today's in-page notice, unless reminders are off or the user dismissed it today. */
export async function currentNotice(): Promise<NoticeInfo | null> {
  try {
    const settings = await getSettings();
    if (!settings.reminders.enabled) return null;
    const now = Date.now();
    const zone = userTimeZone();
    const today = localDate(now, zone);
    const dismissed = await noticeDismissedItem.getValue();
    const candidates: { notice: NoticeInfo; endsAt: number }[] = [];
    for (const campaign of await reminderCampaigns(settings)) {
      for (const { event, window } of eventsInProgress(
        campaign.events,
        REMINDER_KINDS,
        now,
        zone,
      )) {
        const id = eventOccurrenceId(campaign.packId, campaign.id, event, window.start);
        if (dismissed[id] === today) continue;
        candidates.push({
          notice: { id, ...reminderText('day', campaign, event) },
          endsAt: window.end,
        });
      }
    }
    candidates.sort((a, b) => a.endsAt - b.endsAt);
    return candidates[0]?.notice ?? null;
  } catch (error) {
    console.warn('Picket: no notice, the store could not be read', error);
    return null;
  }
}

export async function dismissNotice(id: string): Promise<void> {
  const today = localDate(Date.now(), userTimeZone());
  const dismissed = await noticeDismissedItem.getValue();
  // Only today's dismissals matter; older ones are dropped as we go.
  const kept = Object.entries(dismissed).filter(([key, day]) => day === today && key !== id);
  await noticeDismissedItem.setValue(
    Object.fromEntries([...kept.slice(-(MAX_DISMISSALS - 1)), [id, today]]),
  );
}

export async function reminderStatus(): Promise<{
  notificationsFailed: boolean;
  pending: NoticeInfo | null;
}> {
  const notificationsFailed = await notificationsFailedItem.getValue();
  try {
    const now = Date.now();
    const { reminders } = await currentReminders(now);
    // The most recent reminder still live: what a notification would be showing now.
    const live = reminders.filter((r) => isLive(r, now)).sort((a, b) => b.dueAt - a.dueAt)[0];
    return { notificationsFailed, pending: live ? toNotice(live) : null };
  } catch (error) {
    console.warn('Picket: reminder status without the store', error);
    return { notificationsFailed, pending: null };
  }
}
