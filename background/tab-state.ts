// What each tab's content script last reported. Kept in storage.session where the browser has
// it, so it survives the service worker being stopped between events; in memory
// otherwise (it is per-session data either way).
import { browser } from 'wxt/browser';
import type { Platform } from '../core/pack/types';

export interface TabReport {
  platform: Platform;
  pageType: string;
  /** Keys of the participating accounts badged on the page, in order of appearance. */
  badged: string[];
  unreadable: boolean;
}

const memory = new Map<number, TabReport>();

function sessionArea() {
  return (browser.storage as { session?: typeof browser.storage.local }).session ?? null;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function saveTabReport(tabId: number, report: TabReport): Promise<void> {
  const session = sessionArea();
  if (!session) {
    memory.set(tabId, report);
    return;
  }
  await session.set({ [keyOf(tabId)]: report });
}

export async function readTabReport(tabId: number): Promise<TabReport | null> {
  const session = sessionArea();
  if (!session) return memory.get(tabId) ?? null;
  const stored = (await session.get(keyOf(tabId)))[keyOf(tabId)] as TabReport | undefined;
  return stored ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await sessionArea()?.remove(keyOf(tabId));
}

/** The toolbar badge for one tab: the number of participating accounts on it. */
export async function setTabCount(tabId: number, count: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  // null, not '': a tab with nothing to count shows the global text (the reminders' "!").
  const text = count > 0 ? String(count) : null;
  await action.setBadgeText({ tabId, text: text as string }).catch(() => undefined);
}
