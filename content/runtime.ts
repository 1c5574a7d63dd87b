// The content-script runtime, assembled from parts with one job each:
//
//   observer (queue → frame flush, budgeted) ─► scanner: adapter.findAccounts ─► references
//                                                                                   │
//   badging: a record per origin; the name is handed to the sightings ◄─────────────┘
//        │   (content/visibility.ts: looked up only once the person can see it)
//        └─ seen ─► lookups: the answer cache, else one lookup for the unknown keys
//                         │
//   answers ──► badge after the name (or none) ──► page report (debounced) to the background
//
//   navigation: the address, settling, "unreadable"; config: on/off, surfaces, style, notice.
//
// Everything the page or the browser supplies is injected (document, send, clock, frames,
// timers, lifetime), so unit tests and the bench drive it with fakes. `content/main.ts` wires
// the real ones.
import type { BadgeEntry, BadgeInfo, ContentConfig } from '../core/messages';
import type { SiteAdapter } from '../sites/types';
import { BADGE_TAG, followSiteTheme, type BadgeContext } from './badge';
import { createBadging } from './badging';
import { loadConfig } from './config';
import type { KeyBudget } from './key-budget';
import type { ContentSend } from './lookup-client';
import { createLookups } from './lookups';
import { createNavigation } from './navigation';
import { createNoticeSlot, NOTICE_TAG } from './notice';
import type { FrameScheduler, IdleScheduler } from './observer';
import { createDomObserver } from './observer';
import { createPageReporter } from './page-report';
import { createScanner } from './scanner';
import { browserFrames, browserIdle, browserTimers, type Timers } from './schedulers';
import { rememberingTranslate, type Translate } from './strings';
import type { Sightings, SightingsOptions } from './visibility';

export type { Timers };

export interface ContentRuntimeOptions {
  adapter: SiteAdapter;
  /** The one way to the background; may fail, but never throws (core/send.ts). */
  send: ContentSend;
  document: Document;
  t: Translate;
  /** Locale for dates in the popover; undefined means the browser's. */
  locale?: string;
  now?: () => number;
  frames?: FrameScheduler;
  /** Where whole-page scans run (requestIdleCallback by default; see content/observer.ts). */
  idle?: IdleScheduler;
  timers?: Timers;
  /** Work per animation frame, in milliseconds. */
  budgetMs?: number;
  /** How long after load or navigation a page with no references is called unreadable. */
  settleMs?: number;
  /** Page reports are coalesced over this many milliseconds. */
  reportDelayMs?: number;
  /**
   * Whether the extension context is gone (reloaded or updated). Chrome tells an orphaned content
   * script nothing, so the runtime asks before its work and tears itself down.
   */
  isInvalid?: () => boolean;
  /** The content script's lifetime (WXT's `ctx.signal`): its end stops the runtime. */
  signal?: AbortSignal;
  /** New keys the page may have looked up (content/key-budget.ts's by default). */
  keyBudget?: KeyBudget;
  /** What tells which names a person can see; content/visibility.ts's (IntersectionObserver) by default. */
  createSightings?: (options: SightingsOptions) => Sightings;
}

export interface RuntimeStats {
  rootsVisited: number;
  refsFound: number;
  badgesInserted: number;
  /** Existing badges given new data or style (a refresh); re-seeing a node must not count here. */
  badgesUpdated: number;
  lookupMessages: number;
  reports: number;
}

export interface ContentRuntime {
  /** Removes leftovers of a previous instance, fetches the config and starts observing. */
  start(): Promise<void>;
  /** Packs or settings changed: forget answers, re-read the config, re-check every badge. */
  refresh(): Promise<void>;
  /** Stops everything and removes every element this runtime inserted; later events do nothing. */
  stop(): void;
  readonly stats: Readonly<RuntimeStats> & { readonly frames: number };
}

/** "Report a mistake" on a card opens the report page for that claim. */
function reportMistake(send: ContentSend) {
  return (entry: BadgeEntry, info: BadgeInfo) =>
    void send({
      type: 'openReport',
      packId: entry.packId,
      campaignId: entry.campaignId,
      participantId: entry.participantId,
      platform: info.platform,
      handle: info.handle,
    });
}

export function createContentRuntime(options: ContentRuntimeOptions): ContentRuntime {
  const { adapter, document } = options;
  const lifetime = new AbortController();
  const t = rememberingTranslate(options.t);
  const now = options.now ?? (() => performance.now());
  const timers = options.timers ?? browserTimers;
  const stats = { rootsVisited: 0, refsFound: 0, badgesInserted: 0, badgesUpdated: 0 };
  let config: ContentConfig | null = null;
  let sweepAfterScan = false;
  const stopped = () => lifetime.signal.aborted;

  /** Nothing is sent after teardown. */
  const send: ContentSend = async (request) =>
    stopped() ? { ok: false, error: 'Stopped.' } : options.send(request);

  /** Whether the runtime may still work; tears it down when the extension context is gone. */
  function alive(): boolean {
    // Checked before any work, not only after the flush: an orphan (extension reloaded) that
    // meets an account it already has an answer for would build a badge, and the badge's label
    // calls the gone i18n API ("Extension context invalidated" in the page).
    if (stopped()) return false;
    if (options.isInvalid?.()) {
      runtime.stop();
      return false;
    }
    return true;
  }

  const badgeContext: BadgeContext = {
    t,
    locale: options.locale,
    report: reportMistake(send),
    signal: lifetime.signal,
  };
  const lookups = createLookups({
    platform: adapter.platform,
    send,
    now,
    timers,
    budget: options.keyBudget,
    answered: (ref, hit) => badging.answered(ref, hit),
    afterAnswers: () => reporter.schedule(),
  });
  const badging = createBadging({
    document,
    adapter,
    lookups,
    badgeContext,
    config: () => config,
    stats,
    timers,
    now,
    createSightings: options.createSightings,
    alive,
    changed: () => reporter.schedule(),
  });
  const observer = createDomObserver({
    target: document,
    now,
    // Tests that drive frames themselves get jobs in those frames too, unless they pass idle.
    frames: options.frames ?? browserFrames,
    idle: options.idle ?? (options.frames ? undefined : browserIdle()),
    budgetMs: options.budgetMs ?? 8,
    ignore: (element) => element.localName === BADGE_TAG || element.localName === NOTICE_TAG,
    visit: (element, added) => scanner.visit(element, added),
    afterFlush,
  });
  const scanner = createScanner({
    adapter,
    enqueueJob: (job) => observer.enqueueJob(job),
    alive,
    stats,
    found(root, refs, fresh) {
      // An origin whose own link changed and no longer names an account loses its badge.
      if (root) badging.forgetUnless(root, refs);
      for (const ref of refs) {
        stats.refsFound += 1;
        navigation.sawReference();
        badging.consider(ref, fresh);
      }
    },
  });
  const navigation = createNavigation({
    view: document.defaultView,
    adapter,
    timers,
    settleMs: options.settleMs ?? 3_000,
    navigated() {
      adapter.contextChanged?.();
      // The page under a modal stays mounted: count what is there again for the new page type.
      scanner.rescan(document);
      reporter.schedule();
    },
    rescanDue: () => {
      if (!stopped() && config?.enabled) scanner.rescan(document);
    },
    changed: () => reporter.schedule(),
  });
  const reporter = createPageReporter({
    platform: adapter.platform,
    send,
    timers,
    delayMs: options.reportDelayMs ?? 500,
    enabled: () => !stopped() && config?.enabled === true,
    snapshot: () => ({
      pageType: navigation.pageType,
      unreadable: navigation.unreadable,
      badged: (limit) => badging.badgedKeys(limit),
    }),
  });
  const notice = createNoticeSlot(document, t, (noticeId) => {
    void send({ type: 'dismissNotice', noticeId });
  });
  if (adapter.platform === 'facebook' && document.documentElement) {
    observer.watchClass(document.documentElement, () => followSiteTheme(document));
  }

  function afterFlush(drained: boolean): void {
    if (!alive()) return;
    lookups.flush();
    if (drained && sweepAfterScan) {
      sweepAfterScan = false;
      badging.sweepStale();
    }
    navigation.check();
    reporter.schedule();
  }

  function applyConfig(next: ContentConfig | null): void {
    const previous = config;
    config = next;
    badging.nextGeneration();
    lookups.clear();
    notice.sync(next);
    if (!next?.enabled) {
      observer.stop();
      scanner.clear();
      badging.clear();
      // Tell the background the page no longer shows anyone, so the popup's list is not stale.
      if (previous?.enabled) reporter.reportEmpty();
      return;
    }
    if (previous?.enabled && previous.badgeStyle !== next.badgeStyle) badging.restyle();
    observer.start();
    sweepAfterScan = true;
    scanner.rescan(document);
  }

  const runtime: ContentRuntime = {
    async start() {
      // A previous instance (extension reloaded or updated) cannot be asked to clean up: its
      // closed roots are out of reach, so its elements go now.
      for (const element of document.querySelectorAll(`${BADGE_TAG}, ${NOTICE_TAG}`)) {
        element.remove();
      }
      const first = await loadConfig(send);
      if (stopped()) return;
      navigation.start(lifetime.signal);
      applyConfig(first);
    },
    async refresh() {
      if (stopped()) return;
      const next = await loadConfig(send);
      // Unreachable background: keep what is on the page rather than blank it.
      if (next && !stopped()) applyConfig(next);
    },
    stop() {
      if (stopped()) return;
      lifetime.abort();
      observer.stop();
      scanner.clear();
      navigation.stop();
      reporter.stop();
      lookups.dispose();
      badging.clear();
      notice.remove();
    },
    get stats() {
      return {
        ...stats,
        reports: reporter.sent,
        lookupMessages: lookups.messagesSent,
        frames: observer.frames,
      };
    },
  };
  options.signal?.addEventListener('abort', () => runtime.stop(), { once: true });
  return runtime;
}
