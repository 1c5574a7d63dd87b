// The content-script runtime: the observer finds account references through the site adapter,
// the lookup client asks the background about them in batches, and badges go after the names.
//
//   observer (queue → rAF flush, budgeted) ─visit(root)─► adapter.findAccounts(root) ─► refs
//                                                                                        │
//   sightings: the name is rendered near the viewport and shows something ◄── watch ◄────┘
//        │
//        └─ seen: answered already → badge; else waiting ─► one lookup for the unknown keys
//                                   │                          (new keys spend the page's budget)
//   answers ──► badge after nameElement (or none) ──► debounced pageReport to the background
//
// Nothing the person cannot see is looked up or badged (content/visibility.ts): a page that
// plants names off-screen, hidden or transparent learns nothing from them.
//
// Everything the page or the browser supplies is injected (document, send, clock, frames,
// timers), so unit tests and the bench drive it with fakes. `content/main.ts` wires the real ones.
import type { AccountKey, Surface } from '../core/accounts';
import type { BadgeInfo, ContentConfig } from '../core/messages';
import type { AccountRef, AccountScan, SiteAdapter } from '../sites/types';
import type { BadgeContext, BadgeStyle } from './badge';
import {
  BADGE_TAG,
  badgeInfo,
  createBadge,
  guardOpening,
  isOwnBadge,
  removeBadge,
  updateBadge,
} from './badge';
import { walkCandidates, type CandidateWalk } from './candidate-walk';
import type { KeyBudget } from './key-budget';
import type { ContentSend } from './lookup-client';
import { createLookupClient } from './lookup-client';
import type { NoticeHandle } from './notice';
import { NOTICE_TAG, showNotice } from './notice';
import type { FrameScheduler, IdleScheduler } from './observer';
import { createDomObserver } from './observer';
import { rememberingTranslate, type Translate } from './strings';
import type { Sightings, SightingsOptions } from './visibility';
import { createSightings } from './visibility';

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(handle: number): void;
}

export interface ContentRuntimeOptions {
  adapter: SiteAdapter;
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
   * script nothing, so the runtime asks at each flush and tears itself down.
   */
  isInvalid?: () => boolean;
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

/** When a page is looked at again after load or navigation (see beginSettling). */
const LATE_SCAN_MS = 1_000;
/**
 * Candidates handed to the adapter at a time when a root holds more than this (a whole page at
 * load or navigation): the observer checks its frame budget between slices, so 5,000 links are
 * spread over frames instead of one task of 100+ ms.
 */
const SCAN_SLICE = 48;
/**
 * Elements of an added subtree looked at per step when finding its candidates: a post has ~60, so
 * it is done in one; 100,000 names added at once take many steps, each far under a millisecond
 * or two, and the observer's budget is checked between them.
 */
const WALK_STEP = 2_000;
/** An idle callback waits at most this long for the page to go quiet. */
const IDLE_TIMEOUT_MS = 100;
/** Surfaces whose tiles have no room for a text label. */
const ICON_ONLY_SURFACES: ReadonlySet<Surface> = new Set(['stories-tray']);

export interface ContentRuntime {
  /** Removes leftovers of a previous instance, fetches the config and starts observing. */
  start(): Promise<void>;
  /** Packs or settings changed: forget answers, re-read the config, re-check every badge. */
  refresh(): Promise<void>;
  /** Stops everything and removes every element this runtime inserted; later events do nothing. */
  stop(): void;
  readonly stats: Readonly<RuntimeStats> & { readonly frames: number };
}

interface OriginRecord {
  key: AccountKey;
  /** The key the pack lists the account under (the ref's key or one of its altKeys). */
  matched: AccountKey | null;
  /** Bumped on every refresh: a record from an older generation must be re-checked. */
  generation: number;
  badge: Element | null;
  /** Whether its name has been seen (content/visibility.ts); until then it is neither asked nor badged. */
  seen: boolean;
}

export function createContentRuntime(options: ContentRuntimeOptions): ContentRuntime {
  const { adapter, document } = options;
  const t = rememberingTranslate(options.t);
  // One context for every badge: the words, the date locale and where "Report a mistake" goes.
  const badgeContext: BadgeContext = {
    t,
    locale: options.locale,
    report: (entry, info) =>
      void options.send({
        type: 'openReport',
        packId: entry.packId,
        campaignId: entry.campaignId,
        participantId: entry.participantId,
        platform: info.platform,
        handle: info.handle,
      }),
  };
  const view = document.defaultView;
  const now = options.now ?? (() => performance.now());
  const frames: FrameScheduler = options.frames ?? {
    request: (callback) => requestAnimationFrame(callback),
    cancel: (handle) => cancelAnimationFrame(handle),
  };
  // Tests that drive frames themselves get jobs in those frames too, unless they pass idle.
  const idle: IdleScheduler | undefined =
    options.idle ??
    (options.frames || typeof requestIdleCallback !== 'function'
      ? undefined
      : {
          // The timeout keeps a busy page from starving the scan: then it runs as a task of its own anyway.
          request: (callback) =>
            requestIdleCallback((deadline) => callback(deadline.timeRemaining()), {
              timeout: IDLE_TIMEOUT_MS,
            }),
          cancel: (handle) => cancelIdleCallback(handle),
        });
  const timers: Timers = options.timers ?? {
    set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
    clear: (handle) => clearTimeout(handle),
  };
  const settleMs = options.settleMs ?? 3_000;
  const reportDelayMs = options.reportDelayMs ?? 500;

  // Messages sent is the lookup client's own count (see `stats` below).
  const stats: Omit<RuntimeStats, 'lookupMessages'> = {
    rootsVisited: 0,
    refsFound: 0,
    badgesInserted: 0,
    badgesUpdated: 0,
    reports: 0,
  };
  let stopped = false;
  let config: ContentConfig | null = null;
  let generation = 0;
  // Origin element → the account it referred to when last looked at. A recycled node whose link
  // now names someone else no longer matches its record, and is looked at again.
  const origins = new WeakMap<Element, OriginRecord>();
  // Badge → the origin it belongs to, to find badges whose reference went away.
  const badgeOrigins = new WeakMap<Element, Element>();
  const badgeSurfaces = new WeakMap<Element, Surface>();
  // Badge → the element it was put after (the name, or the site link around it).
  const badgeAnchors = new WeakMap<Element, Element>();
  const waiting = new Map<AccountKey, AccountRef[]>();
  // Name element → the reference waiting for it to be seen (the latest, if its link changed).
  const unseen = new WeakMap<Element, AccountRef>();
  // Large roots being scanned a slice per turn; a root queued again restarts its scan.
  const sliced = new Map<Element, { scan: AccountScan; walk: CandidateWalk; found: Element[] }>();
  const listeners = new AbortController();

  let lastHref = view?.location.href ?? '';
  let pageType = pageTypeOf(lastHref);
  let refsSinceNavigation = 0;
  let unreadable = false;
  let settleTimer: number | null = null;
  let lateScanTimer: number | null = null;
  let reportTimer: number | null = null;
  let lastReport = '';
  let sweepAfterScan = false;
  let notice: NoticeHandle | null = null;

  function pageTypeOf(href: string): string {
    try {
      // The protocol caps page types at 40 characters.
      return adapter.pageType(new URL(href)).slice(0, 40);
    } catch {
      return 'other';
    }
  }

  /** Every send goes through here: nothing is sent after teardown, and nothing ever throws. */
  const send: ContentSend = async (request) => {
    if (stopped) return { ok: false, error: 'Stopped.' };
    try {
      return await options.send(request);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  const lookup = createLookupClient({
    platform: adapter.platform,
    send,
    now,
    timers,
    budget: options.keyBudget,
    wanted: (key) => waiting.has(key),
    onRetryDue: () => fetchWaiting(),
    onAnswers(keys) {
      if (stopped) return;
      // A ref waits under each of its keys; one answered in this batch may be met twice.
      const done = new Set<AccountRef>();
      for (const key of keys) {
        const refs = waiting.get(key);
        if (!refs) continue;
        waiting.delete(key);
        for (const ref of refs) {
          if (!done.has(ref) && resolve(ref)) done.add(ref);
        }
      }
      scheduleReport();
    },
  });

  /** The key and alternative keys (Facebook: vanity and numeric id) an account may be listed under. */
  function keysOf(ref: AccountRef): AccountKey[] {
    return ref.altKeys?.length ? [ref.key, ...ref.altKeys] : [ref.key];
  }

  /** Applies the answer once every key of the ref is answered; the first key that hits wins. */
  function resolve(ref: AccountRef): boolean {
    let hit: { key: AccountKey; info: BadgeInfo } | null = null;
    for (const key of keysOf(ref)) {
      const answer = lookup.answer(key);
      if (answer === undefined) return false;
      if (answer && !hit) hit = { key, info: answer };
    }
    apply(ref, hit);
    return true;
  }

  const sightings = (options.createSightings ?? createSightings)({
    timers,
    now,
    onSeen,
  });

  const observer = createDomObserver({
    target: document,
    now,
    frames,
    idle,
    budgetMs: options.budgetMs ?? 8,
    ignore: (element) => element.localName === BADGE_TAG || element.localName === NOTICE_TAG,
    visit,
    afterFlush,
  });

  function badgeStyle(surface: Surface | undefined, chosen = config?.badgeStyle): BadgeStyle {
    // Story tiles are narrower than any label: there the icon alone (with its accessible name) fits.
    if (surface && ICON_ONLY_SURFACES.has(surface)) return 'compact';
    return chosen ?? 'label';
  }

  /** The badge goes after the name; if the adapter named something inside a site link, after the link. */
  function placementOf(ref: AccountRef): Element {
    const link = ref.nameElement.parentElement?.closest('a');
    return link ?? ref.nameElement;
  }

  function dropRecord(origin: Element, record: OriginRecord): void {
    if (record.badge) {
      removeBadge(record.badge);
      record.badge = null;
    }
    origins.delete(origin);
  }

  /** Whether the runtime may still work; tears it down when the extension context is gone. */
  function alive(): boolean {
    // Checked before any work, not only after the flush: an orphan (extension reloaded) that
    // meets an account it already has an answer for would build a badge, and the badge's label
    // calls the gone i18n API ("Extension context invalidated" in the page).
    if (stopped) return false;
    if (options.isInvalid?.()) {
      runtime.stop();
      return false;
    }
    return true;
  }

  function visit(root: Element, added: boolean): void {
    if (!alive() || !root.isConnected) return;
    stats.rootsVisited += 1;
    const candidates = adapter.candidates;
    const selfCandidate = root.matches(candidates);
    if (adapter.context && root.matches(adapter.context)) adapter.contextChanged?.();
    let refs: AccountRef[];
    if (added && !selfCandidate && adapter.beginScan) {
      // One walk gives both "anything here?" and the list a large root is sliced from (the
      // root itself is no candidate, so its descendants' matches are all of them).
      const walk = walkCandidates(root, candidates, adapter.context);
      const found = walk.next(WALK_STEP);
      if (walk.takeContextSeen()) adapter.contextChanged?.();
      if (!walk.done || found.length > SCAN_SLICE) {
        startSlicedScan(root, walk, found);
        return;
      }
      refs = found.length > 0 ? adapter.beginScan(root)(found) : [];
    } else {
      // A changed href or aria-label concerns the element itself, not its (unchanged) subtree.
      const worthALook = selfCandidate || (added && root.querySelector(candidates) !== null);
      refs = worthALook ? adapter.findAccounts(root) : [];
    }
    // An origin whose own link changed and no longer names an account loses its badge.
    const previous = origins.get(root);
    if (previous && !refs.some((ref) => ref.origin === root)) dropRecord(root, previous);
    for (const ref of refs) consider(ref);
  }

  /**
   * A root with many elements or candidates (not a candidate itself, so it has no record of its
   * own) is walked and scanned a slice per observer turn, in document order, through one adapter
   * scan.
   */
  function startSlicedScan(root: Element, walk: CandidateWalk, found: Element[]): void {
    const queued = sliced.has(root);
    sliced.set(root, { scan: adapter.beginScan!(root), walk, found });
    if (queued) return;
    observer.enqueueJob(() => {
      const job = sliced.get(root);
      if (!job || !alive()) return false;
      if (job.found.length < SCAN_SLICE && !job.walk.done) {
        job.found.push(...job.walk.next(WALK_STEP));
        if (job.walk.takeContextSeen()) adapter.contextChanged?.();
      }
      const slice = job.found.splice(0, SCAN_SLICE);
      const more = job.found.length > 0 || !job.walk.done;
      if (!more) sliced.delete(root);
      // Elements removed since the list was taken are gone; the adapter still sees the rest in order.
      const refs = job.scan(slice.filter((element) => element.isConnected));
      for (const ref of refs) consider(ref, false);
      return more;
    });
  }

  /** `fresh`: found in what the page just added, not in a bulk scan (see Sightings.watch). */
  function consider(ref: AccountRef, fresh = true): void {
    stats.refsFound += 1;
    refsSinceNavigation += 1;
    if (unreadable) {
      unreadable = false;
      scheduleReport();
    }
    const record = origins.get(ref.origin);
    if (record && record.key === ref.key && record.generation === generation) {
      // Known already: only put its badge back if the site re-rendered around it.
      if (record.badge) place(record.badge, ref);
      else if (!surfaceShown(ref)) return;
      // The answer may have come while the node was detached (virtualised lists): badge it now.
      // Still unanswered, the ref already waiting will do it.
      else if (record.seen) resolve(ref);
      else watch(ref, fresh);
      return;
    }
    let kept: Element | null = null;
    if (record && record.key === ref.key) kept = record.badge;
    else if (record?.badge) removeBadge(record.badge);
    const next: OriginRecord = {
      key: ref.key,
      matched: kept ? record!.matched : null,
      generation,
      badge: kept,
      // A badge kept through a refresh was beside a name the person could see.
      seen: kept !== null,
    };
    origins.set(ref.origin, next);
    if (!surfaceShown(ref)) {
      if (kept) removeBadge(kept);
      next.badge = null;
      return;
    }
    if (next.seen) lookUp(ref);
    else watch(ref, fresh);
  }

  function watch(ref: AccountRef, fresh: boolean): void {
    unseen.set(ref.nameElement, ref);
    sightings.watch(ref.nameElement, fresh);
  }

  /** Names the person can now see: their accounts are answered from the cache or asked for. */
  function onSeen(elements: Element[]): void {
    if (!alive()) return;
    for (const element of elements) {
      const ref = unseen.get(element);
      if (!ref) continue;
      unseen.delete(element);
      const record = origins.get(ref.origin);
      // The origin moved on (recycled, refreshed, gone) since it was handed over.
      if (!record || record.key !== ref.key || record.generation !== generation) continue;
      if (!ref.origin.isConnected) continue;
      record.seen = true;
      lookUp(ref);
    }
    fetchWaiting();
    scheduleReport();
  }

  /** Badges a seen reference from known answers, or has it wait for the next lookup. */
  function lookUp(ref: AccountRef): void {
    if (resolve(ref)) return;
    for (const key of keysOf(ref)) {
      if (lookup.answer(key) !== undefined) continue;
      const list = waiting.get(key);
      if (list) list.push(ref);
      else waiting.set(key, [ref]);
    }
  }

  function surfaceShown(ref: AccountRef): boolean {
    return !config || config.surfaces[ref.surface] !== false;
  }

  function place(badge: Element, ref: AccountRef): void {
    const anchor = placementOf(ref);
    if (!anchor.isConnected) return;
    if (anchor.nextElementSibling !== badge) anchor.after(badge);
    badgeAnchors.set(badge, anchor);
  }

  function apply(ref: AccountRef, hit: { key: AccountKey; info: BadgeInfo } | null): void {
    const record = origins.get(ref.origin);
    // The origin moved on (recycled, refreshed) since the question was asked.
    if (!record || record.key !== ref.key || record.generation !== generation) return;
    if (!hit) {
      if (record.badge) removeBadge(record.badge);
      record.badge = null;
      return;
    }
    const { info } = hit;
    record.matched = hit.key;
    if (record.badge) {
      updateBadge(record.badge, info, badgeStyle(ref.surface));
      stats.badgesUpdated += 1;
      place(record.badge, ref);
      return;
    }
    const anchor = placementOf(ref);
    if (!anchor.isConnected) return;
    const next = anchor.nextElementSibling;
    if (
      next &&
      isOwnBadge(next) &&
      next.getAttribute('data-handle') === info.handle &&
      next.getAttribute('data-platform') === info.platform
    ) {
      // Another reference to the same account already badged this name.
      record.badge = next;
      return;
    }
    const badge = createBadge(document, info, badgeStyle(ref.surface), badgeContext);
    badgeOrigins.set(badge, ref.origin);
    badgeSurfaces.set(badge, ref.surface);
    anchor.after(badge);
    badgeAnchors.set(badge, anchor);
    guardOpening(badge, () => stillPlaced(badge, ref.origin));
    record.badge = badge;
    stats.badgesInserted += 1;
  }

  /**
   * Asked when a badge's card is about to open: the badge must still follow the element it was
   * put after, and that reference must still name the account. A badge the page moved next to
   * someone else is removed quietly instead (its own reference gets a new one when next seen).
   */
  function stillPlaced(badge: Element, origin: Element): boolean {
    const record = origins.get(origin);
    const anchor = badgeAnchors.get(badge);
    const placed =
      record !== undefined &&
      record.badge === badge &&
      record.generation === generation &&
      anchor !== undefined &&
      badge.previousElementSibling === anchor &&
      origin.isConnected &&
      adapter.findAccounts(origin).some((ref) => ref.origin === origin && ref.key === record.key);
    if (!placed) {
      if (record?.badge === badge) record.badge = null;
      removeBadge(badge);
      scheduleReport();
    }
    return placed;
  }

  function afterFlush(drained: boolean): void {
    if (stopped) return;
    if (options.isInvalid?.()) {
      runtime.stop();
      return;
    }
    fetchWaiting();
    if (drained && sweepAfterScan) {
      sweepAfterScan = false;
      sweepStaleBadges();
    }
    checkLocation();
    scheduleReport();
  }

  function fetchWaiting(): void {
    if (stopped || waiting.size === 0) return;
    lookup.fetch(waiting.keys());
  }

  /** After a refresh's rescan: badges whose reference was not found again are removed. */
  function sweepStaleBadges(): void {
    for (const badge of ownBadges()) {
      const origin = badgeOrigins.get(badge);
      const record = origin ? origins.get(origin) : undefined;
      if (!record || record.badge !== badge || record.generation !== generation) {
        removeBadge(badge);
      }
    }
  }

  function ownBadges(): Element[] {
    return [...document.querySelectorAll(BADGE_TAG)].filter(isOwnBadge);
  }

  function removeAllBadges(): void {
    for (const badge of document.querySelectorAll(BADGE_TAG)) removeBadge(badge);
  }

  /**
   * The whole page, as a job: its first step (one query over the whole body, ~18 ms on a page
   * of 5,000 references) then runs in an idle callback of its own instead of inside a frame the
   * page is rendering, and a large result is scanned in slices from there.
   */
  function rescan(): void {
    const root = document.body ?? document.documentElement;
    if (root)
      observer.enqueueJob(() => {
        visit(root, true);
        return false;
      });
  }

  function checkLocation(): void {
    if (stopped || !view) return;
    const href = view.location.href;
    if (href === lastHref) return;
    lastHref = href;
    pageType = pageTypeOf(href);
    // What was removed is not observed: a new page is looked at afresh.
    adapter.contextChanged?.();
    beginSettling();
    // The page under a modal stays mounted: count what is there again for the new page type.
    rescan();
    scheduleReport();
  }

  /**
   * After load or a navigation: two one-shot timers, no polling. The sites may reuse an element
   * and only change its text when moving between pages of the same kind (profile to profile);
   * text changes are not observed, so the page is looked at again once it has had time to
   * render. At settling time, a page that should show accounts and showed none is unreadable.
   */
  function beginSettling(): void {
    refsSinceNavigation = 0;
    unreadable = false;
    if (lateScanTimer !== null) timers.clear(lateScanTimer);
    const rescanWhenSettled = adapter.reusesElements?.(pageType) ?? true;
    lateScanTimer = timers.set(() => {
      lateScanTimer = null;
      if (!stopped && config?.enabled && rescanWhenSettled) rescan();
    }, LATE_SCAN_MS);
    if (settleTimer !== null) timers.clear(settleTimer);
    settleTimer = timers.set(() => {
      settleTimer = null;
      if (stopped) return;
      unreadable = adapter.expectsAccounts(pageType) && refsSinceNavigation === 0;
      if (config?.enabled && rescanWhenSettled) rescan();
      scheduleReport();
    }, settleMs);
  }

  function scheduleReport(): void {
    if (stopped || reportTimer !== null || !config?.enabled) return;
    reportTimer = timers.set(() => {
      reportTimer = null;
      report();
    }, reportDelayMs);
  }

  function report(): void {
    if (stopped || !config?.enabled) return;
    const badged: AccountKey[] = [];
    const seen = new Set<AccountKey>();
    for (const badge of ownBadges()) {
      const origin = badgeOrigins.get(badge);
      const key = origin ? origins.get(origin)?.matched : undefined;
      if (!key || seen.has(key) || !badgeInfo(badge)) continue;
      seen.add(key);
      badged.push(key);
      if (badged.length === 10_000) break;
    }
    const summary = `${pageType}\n${unreadable}\n${badged.join(',')}`;
    if (summary === lastReport) return;
    lastReport = summary;
    stats.reports += 1;
    void send({ type: 'pageReport', platform: adapter.platform, pageType, badged, unreadable });
  }

  function syncNotice(): void {
    const wanted = config?.enabled ? config.notice : null;
    if (notice && (!wanted || wanted.id !== notice.id)) {
      notice.remove();
      notice = null;
    }
    if (!wanted || notice || !document.body) return;
    const noticeId = wanted.id;
    notice = showNotice(document, wanted, t, () => {
      notice = null;
      void send({ type: 'dismissNotice', noticeId });
    });
  }

  async function loadConfig(): Promise<ContentConfig | null> {
    const answer = await send({ type: 'getContentConfig' });
    return answer.ok ? answer.config : null;
  }

  function applyConfig(next: ContentConfig | null): void {
    const previous = config;
    config = next;
    generation += 1;
    lookup.clear();
    waiting.clear();
    syncNotice();
    if (!next?.enabled) {
      observer.stop();
      sliced.clear();
      sightings.clear();
      removeAllBadges();
      // Tell the background the page no longer shows anyone, so the popup's list is not stale.
      if (previous?.enabled) {
        lastReport = '';
        const badged: AccountKey[] = [];
        void send({ type: 'pageReport', platform: adapter.platform, pageType, badged, unreadable });
      }
      return;
    }
    if (previous?.enabled && previous.badgeStyle !== next.badgeStyle) {
      for (const badge of ownBadges()) {
        const info = badgeInfo(badge);
        if (info) updateBadge(badge, info, badgeStyle(badgeSurfaces.get(badge), next.badgeStyle));
      }
    }
    observer.start();
    sweepAfterScan = true;
    rescan();
  }

  const runtime: ContentRuntime = {
    async start() {
      // A previous instance (extension reloaded or updated) cannot be asked to clean up: its
      // closed roots are out of reach, so its elements go now.
      for (const element of document.querySelectorAll(`${BADGE_TAG}, ${NOTICE_TAG}`)) {
        element.remove();
      }
      const first = await loadConfig();
      if (stopped) return;
      if (view) {
        const { signal } = listeners;
        view.addEventListener('popstate', checkLocation, { signal });
        // Same-document navigations (pushState from the page's world) without patching history.
        const navigation = (view as Window & { navigation?: EventTarget }).navigation;
        navigation?.addEventListener('currententrychange', checkLocation, { signal });
      }
      lastHref = view?.location.href ?? lastHref;
      pageType = pageTypeOf(lastHref);
      beginSettling();
      applyConfig(first);
    },
    async refresh() {
      if (stopped) return;
      const next = await loadConfig();
      if (stopped) return;
      // Unreachable background: keep what is on the page rather than blank it.
      if (next) applyConfig(next);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      observer.stop();
      sliced.clear();
      sightings.clear();
      listeners.abort();
      for (const timer of [settleTimer, lateScanTimer, reportTimer]) {
        if (timer !== null) timers.clear(timer);
      }
      settleTimer = lateScanTimer = reportTimer = null;
      waiting.clear();
      lookup.dispose();
      removeAllBadges();
      notice?.remove();
      notice = null;
    },
    get stats() {
      // Lookups also go out from an answer's task (the keys that waited behind it).
      return { ...stats, lookupMessages: lookup.messagesSent, frames: observer.frames };
    },
  };
  return runtime;
}
