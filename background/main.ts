import { browser } from 'wxt/browser';
import { parseContentRequest, parsePageRequest } from '../core/messages';
import type { Runtime } from 'webextension-polyfill';

// Skeleton: the wiring is real (validated messages, per-tab state); the lookup is filled in by
// the store.
const tabs = new Map<
  number,
  { platform: string; pageType: string; badged: string[]; unreadable: boolean }
>();

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleMessage(message, sender),
  );
}

export async function handleMessage(message: unknown, sender: Runtime.MessageSender) {
  const fromPage = sender.id === browser.runtime.id && !sender.tab;
  const content = parseContentRequest(message);
  if (content && sender.tab?.id !== undefined) {
    if (content.type === 'pageReport') {
      tabs.set(sender.tab.id, content);
      return { ok: true };
    }
    if (content.type === 'lookup') return { ok: true, matches: {} };
  }
  const page = fromPage ? parsePageRequest(message) : null;
  if (page?.type === 'getTabState') {
    const t = tabs.get(page.tabId);
    return {
      ok: true,
      state: {
        platform: t?.platform ?? null,
        pageType: t?.pageType ?? null,
        accounts: [],
        unreadable: t?.unreadable ?? false,
      },
    };
  }
  return { ok: false, error: 'Unknown or invalid request.' };
}
