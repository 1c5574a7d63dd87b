import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CampaignEvent } from '../../../core/pack/types';
import type { StoreSnapshot } from '../../../core/store-views';
import { useLocale } from './locale';

// The store and the device zone are inputs we control; everything else is the real code on
// the fake browser (storage.local, alarms, notifications, action badge).
const store = vi.hoisted(() => ({
  snapshot: null as StoreSnapshot | null,
  zone: 'America/New_York',
  failing: false,
}));
vi.mock('../../../storage/queries', () => ({
  loadSnapshot: vi.fn(async () => {
    if (store.failing || !store.snapshot) throw new Error('database unavailable');
    return store.snapshot;
  }),
}));
vi.mock('../../../core/time/zone', () => ({ userTimeZone: () => store.zone }));

import {
  REMINDER_ALARM,
  currentNotice,
  dismissNotice,
  forgetFiredInMemory,
  initReminders,
  reconcileReminders,
  reminderStatus,
  RETRY_MS,
} from '../../../background/reminders';
import { notificationsFailedItem, remindersFiredItem, settingsItem } from '../../../storage/items';
import { failingQuota } from '../storage/fixtures';
import { DEFAULT_SETTINGS } from '../../../core/settings';

const PACK = 'stophateforprofit-2020';
const CAMPAIGN = 'shfp-2020-freeze';
const freeze: CampaignEvent = {
  id: 'freeze-day',
  title: '24-hour Instagram freeze',
  kind: 'boycott',
  start: '2026-09-16',
  timeZone: 'America/New_York',
};
const DAY_ID = `${PACK}/${CAMPAIGN}/freeze-day/day/2026-09-16`;
const NOTIFICATION_ID = `picket:${DAY_ID}`;
/** 09:00 EDT on the freeze day. */
const DUE = Date.parse('2026-09-16T13:00:00Z');

function snapshotWith(events: CampaignEvent[], packEnabled = true): StoreSnapshot {
  return {
    packs: [
      {
        id: PACK,
        version: 1,
        updatedAt: '2026-11-30T00:00:00Z',
        publisherName: 'Test publisher',
        origin: 'bundled',
        enabled: packEnabled,
        campaignCount: 1,
        participantCount: 0,
        accountCount: 0,
        installedAt: '2026-11-30T00:00:00Z',
      },
    ],
    campaigns: [
      {
        key: `${PACK}/${CAMPAIGN}`,
        packId: PACK,
        id: CAMPAIGN,
        name: '#StopHateForProfit: Instagram freeze',
        hashtag: '#StopHateForProfit',
        coalition: [],
        demands: [],
        events,
        sources: [],
        participantCount: 0,
      },
    ],
    usingBundledFallback: false,
  };
}

async function setReminders(change: Partial<typeof DEFAULT_SETTINGS.reminders>): Promise<void> {
  const current = await settingsItem.getValue();
  await settingsItem.setValue({ ...current, reminders: { ...current.reminders, ...change } });
}
async function alarms() {
  return (await fakeBrowser.alarms.getAll()).map((a) => ({ name: a.name, when: a.scheduledTime }));
}
async function shown() {
  return (await fakeBrowser.notifications.getAll()) as Record<
    string,
    { type: string; iconUrl: string; title: string; message: string }
  >;
}
function at(iso: string | number): void {
  vi.setSystemTime(typeof iso === 'number' ? iso : Date.parse(iso));
}

beforeEach(async () => {
  fakeBrowser.reset();
  forgetFiredInMemory();
  vi.useFakeTimers({ toFake: ['Date'] });
  store.snapshot = snapshotWith([freeze]);
  store.zone = 'America/New_York';
  store.failing = false;
  await useLocale('en');
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    reminders: { ...DEFAULT_SETTINGS.reminders },
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('initReminders', () => {
  it('registers the alarm and notification-click listeners synchronously, once', () => {
    const onAlarm = vi.spyOn(fakeBrowser.alarms.onAlarm, 'addListener');
    const onClicked = vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener');
    initReminders(); // no await: registered by the time it returns
    expect(onAlarm).toHaveBeenCalledTimes(1);
    expect(onClicked).toHaveBeenCalledTimes(1);
    initReminders();
    expect(onAlarm).toHaveBeenCalledTimes(1);
    expect(onClicked).toHaveBeenCalledTimes(1);
  });
});

describe('reconcileReminders: the one alarm', () => {
  it('sets no alarm while reminders are off, and exactly one at 09:00 local when turned on', async () => {
    at('2026-09-10T12:00:00Z');
    await reconcileReminders();
    expect(await alarms()).toEqual([]);
    await setReminders({ enabled: true });
    await reconcileReminders();
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);
    // Idempotent: reconciling again leaves the same single alarm.
    await reconcileReminders();
    await reconcileReminders();
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);
  });

  it('aims at the evening before when dayBefore is on, then at the day', async () => {
    at('2026-09-10T12:00:00Z');
    await setReminders({ enabled: true, dayBefore: true });
    await reconcileReminders();
    expect(await alarms()).toEqual([
      { name: REMINDER_ALARM, when: Date.parse('2026-09-15T22:00:00Z') },
    ]);
  });

  it('follows the reminder time the user picks', async () => {
    at('2026-09-10T12:00:00Z');
    await setReminders({ enabled: true, time: '07:45' });
    await reconcileReminders();
    expect(await alarms()).toEqual([
      { name: REMINDER_ALARM, when: Date.parse('2026-09-16T11:45:00Z') },
    ]);
  });

  it('moves the alarm when a pack update moves the event', async () => {
    at('2026-09-10T12:00:00Z');
    await setReminders({ enabled: true });
    await reconcileReminders();
    store.snapshot = snapshotWith([{ ...freeze, start: '2026-09-18' }]);
    await reconcileReminders();
    expect(await alarms()).toEqual([
      { name: REMINDER_ALARM, when: Date.parse('2026-09-18T13:00:00Z') },
    ]);
    // At the old time nothing fires; at the new one the new id does.
    at(DUE);
    await reconcileReminders();
    expect(await shown()).toEqual({});
    at('2026-09-18T13:00:00Z');
    await reconcileReminders();
    expect(Object.keys(await shown())).toEqual([
      `picket:${PACK}/${CAMPAIGN}/freeze-day/day/2026-09-18`,
    ]);
  });

  it('clears the alarm and the notice when reminders are turned off', async () => {
    at('2026-09-10T12:00:00Z');
    await setReminders({ enabled: true });
    await reconcileReminders();
    await setReminders({ enabled: false });
    await reconcileReminders();
    expect(await alarms()).toEqual([]);
    at('2026-09-16T15:00:00Z');
    expect(await currentNotice()).toBeNull();
    expect((await reminderStatus()).pending).toBeNull();
  });

  it('ignores campaigns the user switched off and packs that are disabled', async () => {
    at('2026-09-10T12:00:00Z');
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      campaigns: { [`${PACK}/${CAMPAIGN}`]: false },
      reminders: { ...DEFAULT_SETTINGS.reminders, enabled: true },
    });
    await reconcileReminders();
    expect(await alarms()).toEqual([]);
    await setReminders({ enabled: true });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), campaigns: {} });
    store.snapshot = snapshotWith([freeze], false);
    await reconcileReminders();
    expect(await alarms()).toEqual([]);
  });

  it('survives an unreadable store without throwing, keeping the alarm it had', async () => {
    at('2026-09-10T12:00:00Z');
    await setReminders({ enabled: true });
    await reconcileReminders();
    store.failing = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(reconcileReminders()).resolves.toBeUndefined();
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);
    expect(await currentNotice()).toBeNull();
    expect(warn).toHaveBeenCalled();
  });
});

describe('firing', () => {
  beforeEach(async () => {
    await setReminders({ enabled: true });
    initReminders();
  });

  it('shows one notification with the right text when the alarm fires, firedAt recorded first', async () => {
    const firedWhenShown: (number | undefined)[] = [];
    const create = fakeBrowser.notifications.create;
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (
      id: string,
      options: object,
    ) => {
      firedWhenShown.push((await remindersFiredItem.getValue())[DAY_ID]);
      return create(id, options as never);
    }) as never);

    at(DUE);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE });
    expect(await shown()).toEqual({
      [NOTIFICATION_ID]: {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icons/128.png',
        title: '#StopHateForProfit: Instagram freeze',
        message: "24-hour Instagram freeze: don't post or scroll today.",
      },
    });
    expect(firedWhenShown).toEqual([DUE]);
    // Nothing else is coming: no alarm left.
    expect(await alarms()).toEqual([]);
  });

  it('ignores other alarms', async () => {
    at(DUE);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: DUE });
    expect(await shown()).toEqual({});
  });

  it('shows it once when the alarm fires twice, concurrently or after a restart', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    at(DUE + 1_000);
    await Promise.all([
      fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE }),
      fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE }),
      reconcileReminders(),
    ]);
    at(DUE + 60_000);
    await reconcileReminders(); // as at a worker restart
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('fires a reminder missed while the browser was closed once at start-up the same day', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    at('2026-09-16T21:00:00Z'); // 17:00 EDT: the freeze day is not over
    await reconcileReminders();
    await reconcileReminders();
    expect(create).toHaveBeenCalledTimes(1);
    expect(Object.keys(await shown())).toEqual([NOTIFICATION_ID]);
  });

  it('never fires it the next day', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    at('2026-09-17T12:00:00Z'); // 08:00 EDT the day after
    await reconcileReminders();
    expect(create).not.toHaveBeenCalled();
    expect(await alarms()).toEqual([]);
  });

  it('fires a missed evening-before reminder only until midnight, then waits for the day', async () => {
    await setReminders({ enabled: true, dayBefore: true });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    at('2026-09-16T05:00:00Z'); // 01:00 EDT on the day: the eve is over
    await reconcileReminders();
    expect(create).not.toHaveBeenCalled();
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);

    await remindersFiredItem.setValue({});
    at('2026-09-16T02:00:00Z'); // 22:00 EDT the evening before
    await reconcileReminders();
    expect(await shown()).toEqual({
      [`picket:${PACK}/${CAMPAIGN}/freeze-day/eve/2026-09-16`]: expect.objectContaining({
        message: 'Tomorrow: 24-hour Instagram freeze. Plan not to post or scroll.',
      }),
    });
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);
    expect(await reminderStatus()).toEqual({
      notificationsFailed: false,
      pending: expect.objectContaining({ id: `${PACK}/${CAMPAIGN}/freeze-day/eve/2026-09-16` }),
    });
  });

  it('sets the next alarm after firing when another event follows', async () => {
    store.snapshot = snapshotWith([
      freeze,
      { id: 'rally', title: 'Call-in day', kind: 'action', start: '2026-09-20' },
    ]);
    at(DUE);
    await reconcileReminders();
    expect(Object.keys(await shown())).toEqual([NOTIFICATION_ID]);
    expect(await alarms()).toEqual([
      { name: REMINDER_ALARM, when: Date.parse('2026-09-20T13:00:00Z') },
    ]);
    at('2026-09-20T13:00:00Z');
    await reconcileReminders();
    expect((await shown())[`picket:${PACK}/${CAMPAIGN}/rally/day/2026-09-20`]?.message).toBe(
      'Call-in day: the campaign asks you to act today.',
    );
  });

  it('shows at most three notifications at once, however many events a pack puts on one day', async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ ...freeze, id: `freeze-${i}` }));
    store.snapshot = snapshotWith(many);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    at(DUE);
    await reconcileReminders();
    await reconcileReminders();
    expect(create).toHaveBeenCalledTimes(3);
    // The rest count as fired (no trickle of late notifications), and the notice still shows.
    expect(Object.keys(await remindersFiredItem.getValue())).toHaveLength(10);
    expect(await currentNotice()).not.toBeNull();
  });

  it('forgets fired reminders after 60 days', async () => {
    at(DUE);
    await remindersFiredItem.setValue({
      'old/one/e/day/2026-01-01': Date.parse('2026-01-01T14:00:00Z'),
      'recent/one/e/day/2026-09-01': Date.parse('2026-09-01T13:00:00Z'),
    });
    await reconcileReminders();
    expect(Object.keys(await remindersFiredItem.getValue()).sort()).toEqual([
      'recent/one/e/day/2026-09-01',
      DAY_ID,
    ]);
  });

  it('records the failure and shows "!" on the global badge when notifications fail', async () => {
    await fakeBrowser.action.setBadgeText({ tabId: 7, text: '3' });
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('blocked by OS'));
    at(DUE);
    await reconcileReminders();
    expect(await notificationsFailedItem.getValue()).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');
    const status = await reminderStatus();
    expect(status).toEqual({
      notificationsFailed: true,
      pending: {
        id: DAY_ID,
        title: '#StopHateForProfit: Instagram freeze',
        message: "24-hour Instagram freeze: don't post or scroll today.",
      },
    });
    // It is not retried (that could flood), and the marker goes when the day is over.
    expect(await alarms()).toEqual([
      { name: REMINDER_ALARM, when: Date.parse('2026-09-17T04:00:00Z') },
    ]);
    at('2026-09-17T04:00:00Z');
    await reconcileReminders();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await reminderStatus()).pending).toBeNull();
  });

  it('treats a "denied" permission level as a failure without calling create', async () => {
    const api = fakeBrowser.notifications as unknown as { getPermissionLevel?: unknown };
    api.getPermissionLevel = async () => 'denied';
    try {
      const create = vi.spyOn(fakeBrowser.notifications, 'create');
      at(DUE);
      await reconcileReminders();
      expect(create).not.toHaveBeenCalled();
      expect(await notificationsFailedItem.getValue()).toBe(true);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    } finally {
      delete api.getPermissionLevel;
    }
  });

  it('clears the failure once a notification gets through, and when reminders are turned off', async () => {
    await notificationsFailedItem.setValue(true);
    await fakeBrowser.action.setBadgeText({ text: '!' });
    at(DUE);
    await reconcileReminders();
    expect(await notificationsFailedItem.getValue()).toBe(false);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    await notificationsFailedItem.setValue(true);
    await fakeBrowser.action.setBadgeText({ text: '!' });
    await setReminders({ enabled: false });
    await reconcileReminders();
    expect(await notificationsFailedItem.getValue()).toBe(false);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('notification click', () => {
  const action = fakeBrowser.action as unknown as { openPopup: unknown };
  const fakeOpenPopup = action.openPopup;
  afterEach(() => {
    action.openPopup = fakeOpenPopup;
  });
  beforeEach(async () => {
    await setReminders({ enabled: true });
    initReminders();
    at(DUE);
    await reconcileReminders();
  });

  it('opens the popup and clears the notification', async () => {
    const openPopup = vi.fn(async () => {});
    action.openPopup = openPopup;
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(createTab).not.toHaveBeenCalled();
    expect(await shown()).toEqual({});
  });

  it('calls openPopup synchronously in the click handler (Firefox needs the user action)', () => {
    const openPopup = vi.fn(async () => {});
    action.openPopup = openPopup;
    void fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it("falls back to the popup's campaign view in a tab when openPopup rejects", async () => {
    action.openPopup = async () => {
      throw new Error('no focused window');
    };
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    expect(createTab).toHaveBeenCalledWith({
      url: `chrome-extension://test-extension-id/popup.html?view=campaign&campaign=${encodeURIComponent(`${PACK}/${CAMPAIGN}`)}`,
    });
    expect(await shown()).toEqual({});
  });

  it('falls back to a tab when openPopup throws or is missing', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    // The fake browser's own openPopup throws synchronously ("not implemented").
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    action.openPopup = undefined;
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    expect(createTab).toHaveBeenCalledTimes(2);
    expect(createTab.mock.calls[0]![0]!.url).toMatch(/\/popup\.html\?view=campaign&/);
  });

  it('leaves notifications that are not ours alone', async () => {
    await fakeBrowser.notifications.create('other', {
      type: 'basic',
      iconUrl: 'x.png',
      title: 't',
      message: 'm',
    });
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('other');
    expect(createTab).not.toHaveBeenCalled();
    expect(Object.keys(await shown())).toContain('other');
  });
});

describe('currentNotice and dismissNotice', () => {
  const july: CampaignEvent = {
    id: 'july',
    title: 'July social-media boycott',
    kind: 'boycott',
    start: '2026-07-01',
    end: '2026-07-03',
    timeZone: 'America/New_York',
  };
  const JULY_ID = `${PACK}/${CAMPAIGN}/july/2026-07-01`;

  beforeEach(async () => {
    store.snapshot = snapshotWith([july]);
    await setReminders({ enabled: true });
  });

  it('shows the notice on every day of the boycott until dismissed for that day', async () => {
    at('2026-06-30T15:00:00Z');
    expect(await currentNotice()).toBeNull();
    at('2026-07-01T15:00:00Z');
    const notice = await currentNotice();
    expect(notice).toEqual({
      id: JULY_ID,
      title: '#StopHateForProfit: Instagram freeze',
      message: "July social-media boycott: don't post or scroll today.",
    });
    await dismissNotice(JULY_ID);
    expect(await currentNotice()).toBeNull();
    at('2026-07-02T03:30:00Z'); // 23:30 EDT, still July 1st locally
    expect(await currentNotice()).toBeNull();
    at('2026-07-02T13:00:00Z'); // the next boycott day
    expect(await currentNotice()).toEqual(notice);
    at('2026-07-04T13:00:00Z'); // over
    expect(await currentNotice()).toBeNull();
  });

  it("counts the day in the user's zone", async () => {
    store.zone = 'Asia/Tokyo';
    at('2026-07-01T15:30:00Z'); // 00:30 JST on the 2nd, 11:30 EDT on the 1st
    await dismissNotice(JULY_ID);
    at('2026-07-01T14:30:00Z'); // 23:30 JST on the 1st: the dismissal was for the 2nd
    expect((await currentNotice())?.id).toBe(JULY_ID);
  });

  it('shows no notice when reminders are off', async () => {
    await setReminders({ enabled: false });
    at('2026-07-01T15:00:00Z');
    expect(await currentNotice()).toBeNull();
  });

  it('shows the notice in Spanish when the browser is in Spanish', async () => {
    await useLocale('es');
    at('2026-07-01T15:00:00Z');
    expect((await currentNotice())?.message).toBe(
      'July social-media boycott: hoy no publiques ni hagas scroll.',
    );
  });
});

describe('storage faults lose no reminder', () => {
  const RALLY_DUE = Date.parse('2026-09-20T13:00:00Z');
  const rally: CampaignEvent = {
    id: 'rally',
    title: 'Call-in day',
    kind: 'action',
    start: '2026-09-20',
  };

  beforeEach(async () => {
    await setReminders({ enabled: true });
    initReminders();
  });

  it('a due reminder shows once although storage.local is full; the record is written later and the next alarm set', async () => {
    store.snapshot = snapshotWith([freeze, rally]);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const restore = failingQuota(fakeBrowser.storage.local);
    try {
      at(DUE);
      await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE });
      expect(create).toHaveBeenCalledTimes(1);
      expect(Object.keys(await shown())).toEqual([NOTIFICATION_ID]);
      expect(warn).toHaveBeenCalled();
      // Not in storage.local, but in storage.session; and an alarm to write it again soon.
      expect(await remindersFiredItem.getValue()).toEqual({});
      expect(await fakeBrowser.storage.session.get('remindersFired')).toEqual({
        remindersFired: { [DAY_ID]: DUE },
      });
      expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE + RETRY_MS }]);

      // Again, and after a worker restart (memory gone, storage.session kept): not shown again.
      at(DUE + 60_000);
      await reconcileReminders();
      forgetFiredInMemory();
      await reconcileReminders();
      expect(create).toHaveBeenCalledTimes(1);
    } finally {
      restore();
    }
    // Storage has room again: the retry writes the record and aims at the next event.
    at(DUE + RETRY_MS);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE });
    expect(await remindersFiredItem.getValue()).toEqual({ [DAY_ID]: DUE });
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: RALLY_DUE }]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('with storage.session failing too, memory still shows it once', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const restoreLocal = failingQuota(fakeBrowser.storage.local);
    const restoreSession = failingQuota(fakeBrowser.storage.session);
    try {
      at(DUE);
      await reconcileReminders();
      await reconcileReminders();
      expect(create).toHaveBeenCalledTimes(1);
    } finally {
      restoreLocal();
      restoreSession();
    }
  });

  it('keeps the alarm while the database is unavailable and the packs the user added are missing', async () => {
    // The freeze comes from an imported pack; the bundled one has no event.
    const full = snapshotWith([freeze]);
    full.packs[0]!.origin = 'imported';
    store.snapshot = full;
    at('2026-09-10T12:00:00Z');
    await reconcileReminders();
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);

    // The database fails: only the bundled pack (no events) is readable.
    const fallback: StoreSnapshot = {
      ...full,
      campaigns: [{ ...full.campaigns[0]!, packId: 'bundled', key: 'bundled/c', events: [] }],
      packs: [...full.packs, { ...full.packs[0]!, id: 'bundled', origin: 'bundled' }],
      usingBundledFallback: true,
    };
    store.snapshot = fallback;
    await reconcileReminders();
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE }]);

    // The alarm goes off while the database is still down: look again soon instead of never.
    await fakeBrowser.alarms.clear(REMINDER_ALARM);
    at(DUE);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE });
    expect(await shown()).toEqual({});
    expect(await alarms()).toEqual([{ name: REMINDER_ALARM, when: DUE + RETRY_MS }]);

    // Back again within the day: the reminder fires.
    store.snapshot = full;
    at(DUE + RETRY_MS);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: DUE });
    expect(Object.keys(await shown())).toEqual([NOTIFICATION_ID]);
  });

  it('an unreadable store with no alarm set schedules a look again soon', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    store.failing = true;
    at('2026-09-10T12:00:00Z');
    await reconcileReminders();
    expect(await alarms()).toEqual([
      { name: REMINDER_ALARM, when: Date.parse('2026-09-10T12:00:00Z') + RETRY_MS },
    ]);
  });
});
