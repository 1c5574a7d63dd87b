// Which names a person can see. The runtime looks an account up and badges it only once the
// element showing its name is rendered in or near the viewport and shows something, so a page
// cannot learn which accounts Picket knows by planting names nobody can see.
//
//   watch(el) ──► IntersectionObserver (the browser computes it with the frame: no layout forced)
//                  │ entry: intersecting the viewport (+ margins), inside the page
//                  ▼
//                its visible part (clipped by every scrolling or overflow-hidden box around it)
//                  │ has an area, and checkVisibility() (in the observer's callback, where style
//                  │ and layout are fresh) ── no: hidden / transparent: observed afresh a few
//                  ▼                              times, then only when it moves in again
//                onSeen([el])  (once per watch)
//
// An IntersectionObserver costs the browser a few microseconds per observed element on every
// frame that scrolls or lays out, so at most `maxWatched` elements are observed at once. Past
// that, names from a bulk scan (a page of 5,000 at load, a flood) wait in line, parked; a name
// the page has just added takes the place of the one observed farthest from the viewport, which
// is parked by its distance. Parked elements come back nearest first (in page order) whenever an
// observed one is seen or gone. A page flooding Picket with names makes its own names wait,
// never the next one it adds.

import { Line } from './line';
import {
  BUCKETS,
  distanceClass,
  showsSomething,
  type EntryLike,
  type ObserverFactory,
  type ObserverLike,
} from './visibility-measure';

export interface Sightings {
  /**
   * Hands `element` to `onSeen` once it is seen. Watching an element already watched does nothing.
   * `fresh`: the page just added it (not a bulk scan), so with no room left it takes the place of
   * the farthest observed element instead of waiting.
   */
  watch(element: Element, fresh?: boolean): void;
  /** Forgets every element; the runtime watches again what it still wants. */
  clear(): void;
  readonly watched: number;
  readonly parked: number;
}

export interface SightingsOptions {
  onSeen(elements: Element[]): void;
  timers: { set(callback: () => void, ms: number): number; clear(handle: number): void };
  now: () => number;
  /** Makes the IntersectionObserver; the content script's own by default. */
  createObserver?: ObserverFactory;
  maxWatched?: number;
  maxParked?: number;
}

/**
 * The viewport, grown by half a screen above (the person scrolls back a little) and two below:
 * a post that infinite scroll appends is seen, looked up and badged before it scrolls into view.
 * Nothing sideways: a name placed left or right of the page is where nobody scrolls.
 */
export const ROOT_MARGIN = '50% 0px 200% 0px';
export const MAX_WATCHED = 2_000;
export const MAX_PARKED = 50_000;
/** After these delays an element that was in view but hidden or transparent is observed afresh. */
const HIDDEN_RECHECKS_MS = [100, 300, 1_000, 3_000];
type State =
  | { kind: 'pending' }
  | { kind: 'far'; bucket: number }
  | { kind: 'hidden'; checks: number; dueAt: number };

export function createSightings(options: SightingsOptions): Sightings {
  return new ViewportSightings(options);
}

class ViewportSightings implements Sightings {
  readonly #maxWatched: number;
  readonly #maxParked: number;
  readonly #observer: ObserverLike;
  readonly #states = new Map<Element, State>();
  // Observed elements known to be out of reach, by distance class.
  readonly #far = Array.from({ length: BUCKETS }, () => new Line<Element>());
  readonly #hidden = new Line<Element>();
  // Waiting for room, by distance class (0: never observed yet, always first back in).
  readonly #parkedLines = Array.from({ length: BUCKETS }, () => new Line<Element>());
  readonly #parkedClass = new Map<Element, number>();
  #recheckTimer: number | null = null;

  readonly #options: SightingsOptions;

  constructor(options: SightingsOptions) {
    this.#options = options;
    this.#maxWatched = options.maxWatched ?? MAX_WATCHED;
    this.#maxParked = options.maxParked ?? MAX_PARKED;
    const createObserver: ObserverFactory =
      options.createObserver ??
      ((callback, init) =>
        new IntersectionObserver(callback as IntersectionObserverCallback, init));
    this.#observer = createObserver((entries) => this.#onEntries(entries), {
      rootMargin: ROOT_MARGIN,
      threshold: 0,
    });
  }

  #setState(element: Element, next: State): void {
    const previous = this.#states.get(element);
    if (previous?.kind === 'far') this.#far[previous.bucket]!.delete(element);
    else if (previous?.kind === 'hidden') this.#hidden.delete(element);
    this.#states.set(element, next);
    if (next.kind === 'far') this.#far[next.bucket]!.add(element);
    else if (next.kind === 'hidden') this.#hidden.add(element);
  }

  #release(element: Element): void {
    const state = this.#states.get(element);
    if (!state) return;
    if (state.kind === 'far') this.#far[state.bucket]!.delete(element);
    else if (state.kind === 'hidden') this.#hidden.delete(element);
    this.#states.delete(element);
    this.#observer.unobserve(element);
  }

  #park(element: Element, bucket: number): void {
    if (!element.isConnected) return;
    this.#parkedLines[bucket]!.add(element);
    this.#parkedClass.set(element, bucket);
    if (this.#parkedClass.size <= this.#maxParked) return;
    // Too many waiting: the farthest, longest-waiting one is forgotten (a rescan brings it back).
    for (let b = BUCKETS - 1; b >= 0; b--) {
      const oldest = this.#parkedLines[b]!.shift();
      if (oldest === undefined) continue;
      this.#parkedClass.delete(oldest);
      return;
    }
  }

  /** Makes room by parking the farthest observed element; false when none is known to be far. */
  #evictFarthest(): boolean {
    for (let b = BUCKETS - 1; b >= 1; b--) {
      const oldest = this.#far[b]!.shift();
      if (oldest === undefined) continue;
      this.#release(oldest);
      this.#park(oldest, b);
      return true;
    }
    // Still nothing far: the one that has stayed hidden in view the longest.
    const stale = this.#hidden.shift();
    if (stale === undefined) return false;
    this.#release(stale);
    this.#park(stale, BUCKETS - 1);
    return true;
  }

  #observe(element: Element): void {
    this.#setState(element, { kind: 'pending' });
    this.#observer.observe(element);
  }

  /** Brings parked elements back, nearest first, while there is room. */
  #refill(): void {
    for (let b = 0; b < BUCKETS && this.#states.size < this.#maxWatched; b++) {
      const line = this.#parkedLines[b]!;
      while (this.#states.size < this.#maxWatched) {
        const element = line.shift();
        if (element === undefined) break;
        this.#parkedClass.delete(element);
        if (element.isConnected) this.#observe(element);
      }
    }
  }

  /** Takes one entry in; true when its element is seen now. */
  #takeEntry(entry: EntryLike): boolean {
    const element = entry.target;
    if (!this.#states.has(element)) return false;
    if (!element.isConnected) {
      this.#release(element);
      return false;
    }
    if (!entry.isIntersecting) {
      this.#setState(element, { kind: 'far', bucket: distanceClass(entry) });
      return false;
    }
    if (showsSomething(element, entry.intersectionRect)) {
      this.#release(element);
      return true;
    }
    // Still hidden after a fresh look keeps its count; newly hidden starts one.
    if (this.#states.get(element)?.kind !== 'hidden') {
      const dueAt = this.#options.now() + HIDDEN_RECHECKS_MS[0]!;
      this.#setState(element, { kind: 'hidden', checks: 0, dueAt });
    }
    return false;
  }

  #onEntries(entries: EntryLike[]): void {
    const seen = entries.filter((entry) => this.#takeEntry(entry)).map((entry) => entry.target);
    this.#scheduleRecheck();
    if (this.#states.size < this.#maxWatched) this.#refill();
    if (seen.length > 0) this.#options.onSeen(seen);
  }

  /**
   * An element in view that showed nothing (fading in, a menu about to open) is looked at again
   * a few times, then left until the observer reports it moving in again.
   */
  #scheduleRecheck(): void {
    if (this.#recheckTimer !== null) return;
    let next = Infinity;
    for (const element of this.#hidden.values()) {
      const state = this.#states.get(element);
      if (state?.kind === 'hidden' && state.checks < HIDDEN_RECHECKS_MS.length)
        next = Math.min(next, state.dueAt);
    }
    if (next === Infinity) return;
    this.#recheckTimer = this.#options.timers.set(
      () => {
        this.#recheckTimer = null;
        this.#recheck();
      },
      Math.max(0, next - this.#options.now()),
    );
  }

  /** Hidden elements whose time has come are observed afresh: the browser reports them again. */
  #recheck(): void {
    const now = this.#options.now();
    for (const element of this.#hidden.values()) {
      const state = this.#states.get(element);
      if (state?.kind !== 'hidden' || state.checks >= HIDDEN_RECHECKS_MS.length) continue;
      if (state.dueAt > now) continue;
      if (!element.isConnected) {
        this.#release(element);
        continue;
      }
      const checks = state.checks + 1;
      this.#setState(element, {
        kind: 'hidden',
        checks,
        dueAt: now + (HIDDEN_RECHECKS_MS[checks] ?? 0),
      });
      this.#observer.unobserve(element);
      this.#observer.observe(element);
    }
    this.#scheduleRecheck();
    if (this.#states.size < this.#maxWatched) this.#refill();
  }

  watch(element: Element, fresh = false): void {
    if (this.#states.has(element)) return;
    const waiting = this.#parkedClass.get(element);
    if (waiting !== undefined) {
      if (!fresh) return;
      this.#parkedLines[waiting]!.delete(element);
      this.#parkedClass.delete(element);
    }
    if (this.#states.size >= this.#maxWatched && !(fresh && this.#evictFarthest())) {
      this.#park(element, 0);
      return;
    }
    this.#observe(element);
  }

  clear(): void {
    this.#observer.disconnect();
    this.#states.clear();
    this.#hidden.clear();
    for (const line of this.#far) line.clear();
    for (const line of this.#parkedLines) line.clear();
    this.#parkedClass.clear();
    if (this.#recheckTimer !== null) this.#options.timers.clear(this.#recheckTimer);
    this.#recheckTimer = null;
  }

  get watched(): number {
    return this.#states.size;
  }

  get parked(): number {
    return this.#parkedClass.size;
  }
}
