// Tells the background what this page shows (its type, the accounts badged, whether it is
// unreadable) for the popup's list: coalesced over a short delay, and only when it changed.
import type { AccountKey } from '../core/accounts';
import type { Platform } from '../core/pack/types';
import { MAX_BADGED } from '../core/limits';
import type { ContentSend } from './lookup-client';
import type { Timers } from './schedulers';

export interface PageSnapshot {
  pageType: string;
  unreadable: boolean;
  /** The keys badged, first appearance first, at most `limit`. */
  badged(limit: number): AccountKey[];
}

export interface PageReporterOptions {
  platform: Platform;
  send: ContentSend;
  timers: Timers;
  delayMs: number;
  /** Whether reports are wanted (Picket is on here). */
  enabled: () => boolean;
  snapshot: () => PageSnapshot;
}

export interface PageReporter {
  /** A report within `delayMs`, if none is waiting already. */
  schedule(): void;
  /** Picket was turned off here: the page shows nobody now, whatever was said before. */
  reportEmpty(): void;
  stop(): void;
  readonly sent: number;
}

export function createPageReporter(options: PageReporterOptions): PageReporter {
  let timer: number | null = null;
  let last = '';
  let sent = 0;

  function report(): void {
    if (!options.enabled()) return;
    const { pageType, unreadable, badged: keys } = options.snapshot();
    const badged = keys(MAX_BADGED);
    const summary = `${pageType}\n${unreadable}\n${badged.join(',')}`;
    if (summary === last) return;
    last = summary;
    sent += 1;
    send(pageType, badged, unreadable);
  }

  function send(pageType: string, badged: AccountKey[], unreadable: boolean): void {
    void options.send({
      type: 'pageReport',
      platform: options.platform,
      pageType,
      badged,
      unreadable,
    });
  }

  return {
    schedule() {
      if (timer !== null || !options.enabled()) return;
      timer = options.timers.set(() => {
        timer = null;
        report();
      }, options.delayMs);
    },
    reportEmpty() {
      last = '';
      const { pageType, unreadable } = options.snapshot();
      send(pageType, [], unreadable);
    },
    stop() {
      if (timer !== null) options.timers.clear(timer);
      timer = null;
    },
    get sent() {
      return sent;
    },
  };
}
