// Boycott-day reminders in the background: one alarm for the next due reminder, notifications
// with a popup/badge fallback, and the in-page notice.
//
// The worker (Chrome) or event page (Firefox) can die at any moment and alarms can be lost
// by the browser, so the schedule is recomputed from the store and settings on
// every reconcile, and what has fired is recorded BEFORE the notification is shown: in
// storage.local, and also in storage.session and memory, so a full storage.local cannot make a
// reminder show twice or not at all (the local record is written again later). A reconcile is
// idempotent; the store wires it into start-up, install/update, settings and pack changes, and
// the alarm calls it too. While the database is unavailable the schedule is incomplete: then
// the alarm already set is kept, or one is set to look again soon.
import { browser } from 'wxt/browser';
import type { NoticeInfo } from '../core/messages';
import {
  REMINDER_KINDS,
  eventOccurrenceId,
  scheduleReminders,
  type Reminder,
  type ReminderCampaign,
} from '../core/reminders/schedule';
import { reminderText } from '../core/reminders/text';
import { eventsInProgress } from '../core/time/status';
import { localDate } from '../core/time/wall-clock';
import { userTimeZone } from '../core/time/zone';
import { loadSnapshot } from '../storage/queries';
import {
  noticeDismissedItem,
  notificationsFailedItem,
  remindersFiredItem,
  remindersFiredSessionItem,
} from '../storage/items';
import { getSettings } from '../storage/settings';
import type { Settings } from '../core/settings';

export const REMINDER_ALARM = 'picket:reminder';
export const NOTIFICATION_PREFIX = 'picket:';
const FIRED_RETENTION_MS = 60 * 24 * 60 * 60 * 1000;
/** Dismissals kept at most (they only matter for today; this bounds a misbehaving caller). */
const MAX_DISMISSALS = 100;
/** A pack with many events on one day must not flood the screen; the rest count as fired
 * and stay visible through the popup and the in-page notice. */
const MAX_NOTIFICATIONS_AT_ONCE = 3;
/** How soon to look again when the fired record could not be saved or the store was unreadable. */
export const RETRY_MS = 5 * 60 * 1000;

const firedInMemory = new Map<string, number>();

/** A fresh worker's memory, for tests that start over on a fresh profile. */
export function forgetFiredInMemory(): void {
  firedInMemory.clear();
}

// ---- Listeners (registered synchronously at the background's start) ----

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

/**
 * Campaigns that may remind: enabled pack, and not switched off by the user. `complete` is false
 * while the database is unavailable and packs the user added are missing from what was read.
 */
async function reminderCampaigns(
  settings: Settings,
): Promise<{ campaigns: ReminderCampaign[]; complete: boolean }> {
  const snapshot = await loadSnapshot();
  const disabledPacks = new Set(snapshot.packs.filter((p) => !p.enabled).map((p) => p.id));
  const campaigns = snapshot.campaigns
    .filter((c) => !disabledPacks.has(c.packId) && settings.campaigns[c.key] !== false)
    .map((c) => ({
      packId: c.packId,
      id: c.id,
      name: c.name,
      ...(c.hashtag !== undefined && { hashtag: c.hashtag }),
      events: c.events,
    }));
  const complete =
    !snapshot.usingBundledFallback ||
    !snapshot.packs.some((p) => p.origin !== 'bundled' && p.enabled);
  return { campaigns, complete };
}

async function currentReminders(
  now: number,
): Promise<{ settings: Settings; reminders: Reminder[]; complete: boolean }> {
  const settings = await getSettings();
  // Off means no store read at all: reconcile stays cheap for users who never turn this on.
  if (!settings.reminders.enabled) return { settings, reminders: [], complete: true };
  const { campaigns, complete } = await reminderCampaigns(settings);
  return {
    settings,
    reminders: scheduleReminders(campaigns, settings.reminders, userTimeZone(), now),
    complete,
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
  // Unsaved (storage full), the marker still shows; the record follows on a later try.
  await notificationsFailedItem.setValue(failed).catch(() => undefined);
  await setGlobalBadge(failed ? '!' : '');
}

/** Shows one reminder; on failure records it so the popup and a "!" badge stand in. */
async function showReminder(reminder: Reminder): Promise<boolean> {
  const { title, message } = toNotice(reminder);
  try {
    if (await notificationsDenied()) throw new Error('Notifications are denied.');
    // Only basic/title/message/iconUrl: all that Firefox supports.
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

/** Every record of what has fired, merged; each place that cannot be read counts as empty. */
async function readFired(): Promise<{
  local: Record<string, number>;
  all: Record<string, number>;
}> {
  const local = await remindersFiredItem.getValue().catch(() => ({}));
  const session = await remindersFiredSessionItem.getValue().catch(() => ({}));
  return { local, all: { ...local, ...session, ...Object.fromEntries(firedInMemory) } };
}

/**
 * Records what has fired in memory, storage.session and storage.local. Never throws; false when
 * storage.local could not take it (then a later reconcile writes it again).
 */
async function recordFired(
  fired: Record<string, number>,
  local: Record<string, number>,
): Promise<boolean> {
  firedInMemory.clear();
  for (const [id, at] of Object.entries(fired)) firedInMemory.set(id, at);
  await remindersFiredSessionItem.setValue(fired).catch(() => undefined);
  const same =
    Object.keys(fired).length === Object.keys(local).length &&
    Object.entries(fired).every(([id, at]) => local[id] === at);
  if (same) return true;
  try {
    await remindersFiredItem.setValue(fired);
    return true;
  } catch (error) {
    console.warn('Picket: the record of reminders shown could not be saved; retrying later', error);
    return false;
  }
}

async function reconcileNow(): Promise<void> {
  const now = Date.now();
  const settings = await getSettings();
  if (!settings.reminders.enabled) {
    await browser.alarms.clear(REMINDER_ALARM);
    await markNotificationsFailed(false);
    return;
  }
  const schedule = await reminderCampaigns(settings).then(
    ({ campaigns, complete }) => ({
      reminders: scheduleReminders(campaigns, settings.reminders, userTimeZone(), now),
      complete,
    }),
    (error: unknown) => {
      // Unreadable store: nothing to show from it now, and the alarm set before is kept below.
      console.warn('Picket: reminders without the store for now', error);
      return { reminders: [] as Reminder[], complete: false };
    },
  );
  const { reminders, complete } = schedule;

  const { local, all } = await readFired();
  const due = reminders.filter((r) => isLive(r, now) && all[r.id] === undefined);
  const fired = pruneFired(all, now);
  for (const r of due) fired[r.id] = now;
  // Recorded before any notification: a worker killed mid-way loses a notification at worst,
  // never shows one twice.
  const saved = await recordFired(fired, local);
  for (const r of due.slice(0, MAX_NOTIFICATIONS_AT_ONCE)) await showReminder(r);

  // The "!" marker stands for a reminder the user could not see; it goes when that expires.
  const failed = await notificationsFailedItem.getValue();
  const live = reminders.filter((r) => isLive(r, now));
  const markerUntil = failed && live.length > 0 ? Math.min(...live.map((r) => r.expiresAt)) : null;
  if (failed) await setGlobalBadge(markerUntil === null ? '' : '!');

  const next = reminders.find((r) => r.dueAt > now && fired[r.id] === undefined);
  let when = Math.min(next?.dueAt ?? Infinity, markerUntil ?? Infinity);
  if (!saved) when = Math.min(when, now + RETRY_MS);
  if (!complete) {
    // Packs the user added were not readable: their reminders are unknown, so the alarm set
    // while they were is kept; without one, look again soon.
    const existing = await browser.alarms.get(REMINDER_ALARM);
    const kept = existing && existing.scheduledTime > now ? existing.scheduledTime : null;
    when = Math.min(when, kept ?? now + RETRY_MS);
  }
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
    for (const campaign of (await reminderCampaigns(settings)).campaigns) {
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
