// Which tab the popup describes.
import { browser } from 'wxt/browser';

/**
 * The tab the popup describes: `?tab=<id>` when given (a public address of the popup, used when it is
 * opened as a page), else the active tab of the current window. Reading a tab's id needs no
 * `tabs` permission. Null when there is none.
 */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' ? tab.id : null;
  } catch {
    return null;
  }
}
