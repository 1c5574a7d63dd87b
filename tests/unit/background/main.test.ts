import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground, whenStarted } from '../../../background/main';
import { handleMessage } from '../../../background/router';
import { invalidateLookupCache } from '../../../background/lookup';
import { REFRESH_ALARM } from '../../../background/subscriptions';
import * as reminders from '../../../background/reminders';
import { closeStore, getStore } from '../../../storage/store-open';
import { importPackObject } from '../../../storage/pack-import';
import { updateSettings } from '../../../storage/settings';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);
vi.mock('../../../background/reminders', () => ({
  initReminders: vi.fn(),
  reconcileReminders: vi.fn(async () => undefined),
  currentNotice: vi.fn(async () => null),
  dismissNotice: vi.fn(async () => undefined),
  reminderStatus: vi.fn(async () => ({ notificationsFailed: false, pending: null })),
}));

const page = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
});
const tab = (id: number) => ({
  id: fakeBrowser.runtime.id,
  url: 'https://www.instagram.com/',
  frameId: 0,
  tab: { id, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  invalidateLookupCache();
  freshStore();
  vi.clearAllMocks();
});
afterEach(() => closeStore());

/** fake-browser events can tell whether anything listens; the typings only know hasListener. */
const listening = (event: unknown) => (event as { hasListeners(): boolean }).hasListeners();

/** Lets the un-awaited start-up work finish. */
const settle = () => whenStarted();

describe('startBackground', () => {
  it('registers every listener synchronously, before any await (F5)', async () => {
    startBackground();
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(true);
    expect(listening(fakeBrowser.runtime.onInstalled)).toBe(true);
    expect(listening(fakeBrowser.runtime.onStartup)).toBe(true);
    expect(listening(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(listening(fakeBrowser.storage.onChanged)).toBe(true);
    expect(listening(fakeBrowser.tabs.onRemoved)).toBe(true);
    expect(reminders.initReminders).toHaveBeenCalledTimes(1);
    await settle();
  });

  it('opens the store and reconciles reminders on start, install and browser start-up', async () => {
    startBackground();
    await settle();
    expect((await getStore()).db).not.toBeNull();
    expect(reminders.reconcileReminders).toHaveBeenCalledTimes(1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await fakeBrowser.runtime.onStartup.trigger();
    expect(reminders.reconcileReminders).toHaveBeenCalledTimes(3);
  });

  it('reconciles reminders and drops cached lookups after pack and settings changes', async () => {
    startBackground();
    await settle();
    vi.mocked(reminders.reconcileReminders).mockClear();
    await importPackObject(makePack(), { origin: 'imported' });
    expect(reminders.reconcileReminders).toHaveBeenCalledTimes(1);

    const ask = () =>
      handleMessage({ type: 'lookup', platform: 'instagram', keys: ['kimkardashian'] }, tab(1));
    expect(Object.keys(((await ask()) as { matches: object }).matches)).toEqual(['kimkardashian']);
    // The options page writes settings itself; the background learns of it from storage.onChanged.
    await updateSettings((s) => ({ ...s, allowlist: ['instagram:kimkardashian'] }));
    expect(reminders.reconcileReminders).toHaveBeenCalledTimes(2);
    expect(((await ask()) as { matches: object }).matches).toEqual({});
  });

  it('answers messages through the listener and rejects a sender-less one', async () => {
    startBackground();
    await settle();
    // fake-browser's sendMessage passes an empty sender: it must be refused.
    await expect(fakeBrowser.runtime.sendMessage({ type: 'getStatus' })).resolves.toMatchObject({
      ok: false,
    });
  });

  it('forgets a tab and its toolbar count when the tab closes or loads a new page', async () => {
    startBackground();
    await settle();
    const report = {
      type: 'pageReport',
      platform: 'instagram',
      pageType: 'home',
      badged: ['a', 'b'],
      unreadable: false,
    };
    await handleMessage(report, tab(5));
    await handleMessage(report, tab(6));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('2');
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 0, isWindowClosing: false });
    expect(await fakeBrowser.storage.session.get('tab:5')).toEqual({});
    const state = await handleMessage({ type: 'getTabState', tabId: 5 }, page());
    expect(state).toMatchObject({ state: { platform: null, accounts: [] } });

    await fakeBrowser.tabs.onUpdated.trigger(6, { status: 'loading' }, {} as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fakeBrowser.storage.session.get('tab:6')).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
  });

  it('keeps the daily refresh alarm only while there are subscriptions', async () => {
    startBackground();
    await settle();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });
});
