// Follows the page's address (same-document navigations included) and tells when a page has
// settled: then it is looked at again, and a page that should show accounts and showed none is
// called unreadable. Two one-shot timers per navigation, no polling.
import { MAX_PAGE_TYPE_LENGTH } from '../core/limits';
import type { SiteAdapter } from '../sites/types';
import type { Timers } from './schedulers';

/** When a page is looked at again after load or navigation. */
const LATE_SCAN_MS = 1_000;

export interface NavigationOptions {
  view: Window | null;
  adapter: SiteAdapter;
  timers: Timers;
  /** How long after load or navigation a page with no references is called unreadable. */
  settleMs: number;
  /** The address changed: what was removed is not observed, so the page is looked at afresh. */
  navigated: () => void;
  /** Time to look at the whole page again (the site may have reused elements, changing text). */
  rescanDue: () => void;
  /** The page type or whether it is unreadable changed. */
  changed: () => void;
}

export interface Navigation {
  readonly pageType: string;
  readonly unreadable: boolean;
  /** Listens for navigations until `signal` aborts, and starts settling the current page. */
  start(signal: AbortSignal): void;
  /** Checks the address now (the observer calls this after each flush). */
  check(): void;
  /** A reference was found: the page is readable. */
  sawReference(): void;
  stop(): void;
}

export function createNavigation(options: NavigationOptions): Navigation {
  const { view, adapter, timers } = options;
  let lastHref = view?.location.href ?? '';
  let pageType = pageTypeOf(lastHref);
  let refsSinceNavigation = 0;
  let unreadable = false;
  let settleTimer: number | null = null;
  let lateScanTimer: number | null = null;

  function pageTypeOf(href: string): string {
    try {
      return adapter.pageType(new URL(href)).slice(0, MAX_PAGE_TYPE_LENGTH);
    } catch {
      return 'other';
    }
  }

  function clearTimers(): void {
    if (lateScanTimer !== null) timers.clear(lateScanTimer);
    if (settleTimer !== null) timers.clear(settleTimer);
    lateScanTimer = settleTimer = null;
  }

  /**
   * The sites may reuse an element and only change its text when moving between pages of the
   * same kind (profile to profile); text changes are not observed, so the page is looked at again
   * once it has had time to render.
   */
  function beginSettling(): void {
    refsSinceNavigation = 0;
    unreadable = false;
    clearTimers();
    const rescanWhenSettled = adapter.reusesElements?.(pageType) ?? true;
    lateScanTimer = timers.set(() => {
      lateScanTimer = null;
      if (rescanWhenSettled) options.rescanDue();
    }, LATE_SCAN_MS);
    settleTimer = timers.set(() => {
      settleTimer = null;
      unreadable = adapter.expectsAccounts(pageType) && refsSinceNavigation === 0;
      if (rescanWhenSettled) options.rescanDue();
      options.changed();
    }, options.settleMs);
  }

  function check(): void {
    if (!view) return;
    const href = view.location.href;
    if (href === lastHref) return;
    lastHref = href;
    pageType = pageTypeOf(href);
    beginSettling();
    options.navigated();
  }

  return {
    get pageType() {
      return pageType;
    },
    get unreadable() {
      return unreadable;
    },
    start(signal) {
      if (view) {
        view.addEventListener('popstate', check, { signal });
        // Same-document navigations (pushState from the page's world) without patching history.
        const navigation = (view as Window & { navigation?: EventTarget }).navigation;
        navigation?.addEventListener('currententrychange', check, { signal });
      }
      lastHref = view?.location.href ?? lastHref;
      pageType = pageTypeOf(lastHref);
      beginSettling();
    },
    check,
    sawReference() {
      refsSinceNavigation += 1;
      if (!unreadable) return;
      unreadable = false;
      options.changed();
    },
    stop: clearTimers,
  };
}
