// The background (Chrome service worker / Firefox event page). It can be stopped between any
// two events, so every listener is registered synchronously on each start, before any await
// (one added later misses the event that woke it), and nothing it needs lives only in memory.
import { browser } from 'wxt/browser';
import type { Runtime, Storage, Tabs } from 'webextension-polyfill';
import { storeSignal } from '../core/store-signals';
import { getStore } from '../storage/store-open';
import { invalidateLookupCache } from './lookup';
import { initReminders, reconcileReminders } from './reminders';
import { handleMessage } from './router';
import { ensureRefreshAlarm, onRefreshAlarm } from './subscriptions';
import { forgetTab, setTabCount } from './tab-state';

export function startBackground(): void {
  browser.runtime.onMessage.addListener(onMessage);
  browser.runtime.onInstalled.addListener(onInstalledOrStartup);
  browser.runtime.onStartup.addListener(onInstalledOrStartup);
  browser.alarms.onAlarm.addListener(onRefreshAlarm);
  browser.storage.onChanged.addListener(onStorageChanged);
  browser.tabs.onRemoved.addListener(onTabRemoved);
  browser.tabs.onUpdated.addListener(onTabUpdated);
  initReminders();
  // Every start, not only install/startup: alarms are also lost on disable/enable, which fires
  // neither event. Both steps are idempotent.
  started = afterStart();
}

let started: Promise<void> = Promise.resolve();

/** Resolves when the start-up work (store, alarms, reminders) of the last start is done. */
export function whenStarted(): Promise<void> {
  return started;
}

// The listener returns the answer's promise (webextension-polyfill / Firefox semantics).
function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  return handleMessage(message, sender);
}

function onInstalledOrStartup(): Promise<void> {
  return afterStart();
}

async function afterStart(): Promise<void> {
  // Opening the store rebuilds the cache when it is missing or stale.
  await getStore().catch((error) => console.error('[picket] store', error));
  await ensureRefreshAlarm().catch((error) => console.error('[picket] refresh alarm', error));
  await reconcileReminders().catch((error) => console.error('[picket] reminders', error));
}

function onStorageChanged(changes: Record<string, Storage.StorageChange>, area: string): void {
  // Settings or packs changed: what lookups answer and which reminders are due.
  const signal = storeSignal(changes, area);
  if (!signal) return;
  invalidateLookupCache();
  // packsRevision is bumped once per pack change (after the cache has it): reconcile then, not
  // on the intermediate registry write.
  if (signal.settings || signal.packsRevised) {
    void reconcileReminders().catch((error) => console.error('[picket] reminders', error));
  }
}

function onTabRemoved(tabId: number): void {
  void forgetTab(tabId);
}

function onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType): void {
  // The tab is loading a document: what it reported is stale (it may be leaving the site; without
  // the "tabs" permission its new URL is not visible). A content script on the new page reports
  // again once it has looked.
  if (change.status === 'loading') {
    void forgetTab(tabId).then(() => setTabCount(tabId, 0));
  }
}
