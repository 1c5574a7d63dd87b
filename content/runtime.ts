// The content-script runtime, assembled from parts with one job each:
//
//   observer (queue → frame flush, budgeted) ─► scanner: adapter.findAccounts ─► references
//                                                                                   │
//   badging: a record per origin; a name some pack may list is handed to the  ◄──────┘
//        │   sightings (content/visibility.ts: looked up only once the person can see it)
//        └─ seen ─► lookups: the answer cache, else one lookup for the unknown keys
//                         │
//   answers ──► badge after the name (or none) ──► page report (debounced) to the background
//
//   navigation: the address, settling, "unreadable"; config: on/off, surfaces, style, notice.
//
// Everything the page or the browser supplies is injected (document, send, clock, frames,
// timers, lifetime), so unit tests and the bench drive it with fakes. `content/main.ts` wires
// the real ones.
import { readKeyFilter, type KeyFilter } from '../core/key-filter';
import type { BadgeEntry, BadgeInfo, ContentConfig } from '../core/messages';
import type { SiteAdapter } from '../sites/types';
import { followSiteTheme } from './badge';
import { BADGE_TAG, type BadgeContext } from './badge-state';
import { createBadging, type Badging } from './badging';
import { loadConfig } from './config';
import type { KeyBudget } from './key-budget';
import type { ContentSend } from './lookup-client';
import { createLookups, type Lookups } from './lookups';
import { createNavigation, type Navigation } from './navigation';
import { createNoticeSlot, NOTICE_TAG, type NoticeSlot } from './notice';
import type { FrameScheduler, IdleScheduler } from './observer';
import { createDomObserver, type DomObserver } from './observer';
import { createPageReporter, type PageReporter } from './page-report';
import { createScanner, type Scanner } from './scanner';
import { browserFrames, browserIdle, browserTimers, type Timers } from './schedulers';
import { rememberingTranslate, type Translate } from './strings';
import type { Sightings, SightingsOptions } from './visibility';

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
  return new Runtime(options);
}

class Runtime implements ContentRuntime {
  readonly #lifetime = new AbortController();
  readonly #counts = { rootsVisited: 0, refsFound: 0, badgesInserted: 0, badgesUpdated: 0 };
  #config: ContentConfig | null = null;
  #filter: KeyFilter | null = null;
  #sweepAfterScan = false;
  readonly #options: ContentRuntimeOptions;
  readonly #document: Document;
  readonly #now: () => number;
  readonly #timers: Timers;
  readonly #lookups: Lookups;
  readonly #badging: Badging;
  readonly #observer: DomObserver;
  readonly #scanner: Scanner;
  readonly #navigation: Navigation;
  readonly #reporter: PageReporter;
  readonly #notice: NoticeSlot;

  constructor(options: ContentRuntimeOptions) {
    this.#options = options;
    this.#document = options.document;
    this.#now = options.now ?? (() => performance.now());
    this.#timers = options.timers ?? browserTimers;
    const t = rememberingTranslate(options.t);
    this.#lookups = this.#createLookups();
    this.#badging = this.#createBadging({
      t,
      locale: options.locale,
      report: reportMistake(this.#send),
      signal: this.#lifetime.signal,
    });
    this.#observer = this.#createObserver();
    this.#scanner = this.#createScanner();
    this.#navigation = this.#createNavigation();
    this.#reporter = this.#createReporter();
    this.#notice = createNoticeSlot(this.#document, t, (noticeId) => {
      void this.#send({ type: 'dismissNotice', noticeId });
    });
    const html = this.#document.documentElement;
    if (options.adapter.platform === 'facebook' && html) {
      this.#observer.watchClass(html, () => followSiteTheme(this.#document));
    }
    options.signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  get #stopped(): boolean {
    return this.#lifetime.signal.aborted;
  }

  /** Nothing is sent after teardown. */
  readonly #send: ContentSend = async (request) =>
    this.#stopped ? { ok: false, error: 'Stopped.' } : this.#options.send(request);

  /** Whether the runtime may still work; tears it down when the extension context is gone. */
  readonly #alive = (): boolean => {
    // Checked before any work, not only after the flush: an orphan (extension reloaded) that
    // meets an account it already has an answer for would build a badge, and the badge's label
    // calls the gone i18n API ("Extension context invalidated" in the page).
    if (this.#stopped) return false;
    if (this.#options.isInvalid?.()) {
      this.stop();
      return false;
    }
    return true;
  };

  #createLookups(): Lookups {
    return createLookups({
      platform: this.#options.adapter.platform,
      send: this.#send,
      now: this.#now,
      timers: this.#timers,
      budget: this.#options.keyBudget,
      filter: () => this.#filter,
      answered: (ref, hit) => this.#badging.answered(ref, hit),
      afterAnswers: () => this.#reporter.schedule(),
    });
  }

  #createBadging(badgeContext: BadgeContext): Badging {
    return createBadging({
      document: this.#document,
      adapter: this.#options.adapter,
      lookups: this.#lookups,
      badgeContext,
      config: () => this.#config,
      stats: this.#counts,
      timers: this.#timers,
      now: this.#now,
      createSightings: this.#options.createSightings,
      alive: this.#alive,
      changed: () => this.#reporter.schedule(),
    });
  }

  #createObserver(): DomObserver {
    const options = this.#options;
    return createDomObserver({
      target: this.#document,
      now: this.#now,
      // Tests that drive frames themselves get jobs in those frames too, unless they pass idle.
      frames: options.frames ?? browserFrames,
      idle: options.idle ?? (options.frames ? undefined : browserIdle()),
      budgetMs: options.budgetMs ?? 8,
      ignore: (element) => element.localName === BADGE_TAG || element.localName === NOTICE_TAG,
      visit: (element, added) => this.#scanner.visit(element, added),
      afterFlush: (drained) => this.#afterFlush(drained),
    });
  }

  #createScanner(): Scanner {
    return createScanner({
      adapter: this.#options.adapter,
      enqueueJob: (job) => this.#observer.enqueueJob(job),
      alive: this.#alive,
      stats: this.#counts,
      found: (root, refs, fresh) => {
        // An origin whose own link changed and no longer names an account loses its badge.
        if (root) this.#badging.forgetUnless(root, refs);
        for (const ref of refs) {
          this.#counts.refsFound += 1;
          this.#navigation.sawReference();
          this.#badging.consider(ref, fresh);
        }
      },
    });
  }

  #createNavigation(): Navigation {
    const { adapter } = this.#options;
    return createNavigation({
      view: this.#document.defaultView,
      adapter,
      timers: this.#timers,
      settleMs: this.#options.settleMs ?? 3_000,
      navigated: () => {
        adapter.contextChanged?.();
        // The page under a modal stays mounted: count what is there again for the new page type.
        this.#scanner.rescan(this.#document);
        this.#reporter.schedule();
      },
      rescanDue: () => {
        if (!this.#stopped && this.#config?.enabled) this.#scanner.rescan(this.#document);
      },
      changed: () => this.#reporter.schedule(),
    });
  }

  #createReporter(): PageReporter {
    return createPageReporter({
      platform: this.#options.adapter.platform,
      send: this.#send,
      timers: this.#timers,
      delayMs: this.#options.reportDelayMs ?? 500,
      enabled: () => !this.#stopped && this.#config?.enabled === true,
      snapshot: () => ({
        pageType: this.#navigation.pageType,
        unreadable: this.#navigation.unreadable,
        badged: (limit) => this.#badging.badgedKeys(limit),
      }),
    });
  }

  #afterFlush(drained: boolean): void {
    if (!this.#alive()) return;
    this.#lookups.flush();
    if (drained && this.#sweepAfterScan) {
      this.#sweepAfterScan = false;
      this.#badging.sweepStale();
    }
    this.#navigation.check();
    this.#reporter.schedule();
  }

  #applyConfig(next: ContentConfig | null): void {
    const previous = this.#config;
    this.#config = next;
    this.#filter = readKeyFilter(next?.filter);
    this.#badging.nextGeneration();
    this.#lookups.clear();
    this.#notice.sync(next);
    if (!next?.enabled) {
      this.#observer.stop();
      this.#scanner.clear();
      this.#badging.clear();
      // Tell the background the page no longer shows anyone, so the popup's list is not stale.
      if (previous?.enabled) this.#reporter.reportEmpty();
      return;
    }
    if (previous?.enabled && previous.badgeStyle !== next.badgeStyle) this.#badging.restyle();
    this.#observer.start();
    this.#sweepAfterScan = true;
    this.#scanner.rescan(this.#document);
  }

  async start(): Promise<void> {
    // A previous instance (extension reloaded or updated) cannot be asked to clean up: its
    // closed roots are out of reach, so its elements go now.
    for (const element of this.#document.querySelectorAll(`${BADGE_TAG}, ${NOTICE_TAG}`)) {
      element.remove();
    }
    const first = await loadConfig(this.#send);
    if (this.#stopped) return;
    this.#navigation.start(this.#lifetime.signal);
    this.#applyConfig(first);
  }

  async refresh(): Promise<void> {
    if (this.#stopped) return;
    const next = await loadConfig(this.#send);
    // Unreachable background: keep what is on the page rather than blank it.
    if (next && !this.#stopped) this.#applyConfig(next);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#lifetime.abort();
    this.#observer.stop();
    this.#scanner.clear();
    this.#navigation.stop();
    this.#reporter.stop();
    this.#lookups.dispose();
    this.#badging.clear();
    this.#notice.remove();
  }

  get stats(): Readonly<RuntimeStats> & { readonly frames: number } {
    return {
      ...this.#counts,
      reports: this.#reporter.sent,
      lookupMessages: this.#lookups.messagesSent,
      frames: this.#observer.frames,
    };
  }
}
