// content/visibility.ts with a scripted IntersectionObserver: happy-dom lays nothing out, so each
// test says where the browser would have found each element, and checks what is seen.
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryLike, ObserverFactory } from '../../../content/visibility-measure';
import { createSightings, ROOT_MARGIN } from '../../../content/visibility';
import { createTimers } from './harness';

const VIEW = { top: -450, bottom: 2_700, left: 0, right: 1_280, width: 1_280, height: 3_150 };

function rect(top: number, height = 18, left = 10, width = 80): DOMRectReadOnly {
  return {
    top,
    bottom: top + height,
    left,
    right: left + width,
    width,
    height,
    x: left,
    y: top,
    toJSON: () => ({}),
  };
}

/** The part of `box` inside the grown viewport (what the browser reports as intersectionRect). */
function overlap(box: DOMRectReadOnly): DOMRectReadOnly {
  const top = Math.max(box.top, VIEW.top);
  const bottom = Math.min(box.bottom, VIEW.bottom);
  const left = Math.max(box.left, VIEW.left);
  const right = Math.min(box.right, VIEW.right);
  if (bottom < top || right < left) return rect(0, 0, 0, 0);
  return rect(top, bottom - top, left, right - left);
}

function scripted() {
  const observed = new Set<Element>();
  const observations = new Map<Element, number>();
  let deliver: (entries: EntryLike[]) => void = () => {};
  let init: IntersectionObserverInit | undefined;
  const factory: ObserverFactory = (callback, options) => {
    deliver = callback;
    init = options;
    return {
      observe: (element) => {
        observed.add(element);
        observations.set(element, (observations.get(element) ?? 0) + 1);
      },
      unobserve: (element) => observed.delete(element),
      disconnect: () => observed.clear(),
    };
  };
  return {
    factory,
    observed,
    observations,
    get init() {
      return init;
    },
    /**
     * The browser's report for `element` at `box` (intersecting when it overlaps the grown
     * viewport); `clip` is what is left of it inside boxes that clip it, if that is less.
     */
    report(element: Element, box: DOMRectReadOnly, clip?: DOMRectReadOnly) {
      const isIntersecting =
        box.bottom >= VIEW.top &&
        box.top <= VIEW.bottom &&
        box.right >= VIEW.left &&
        box.left <= VIEW.right &&
        (box.width > 0 || box.height > 0);
      deliver([
        {
          target: element,
          isIntersecting,
          boundingClientRect: box,
          intersectionRect: clip ?? overlap(box),
          rootBounds: rect(VIEW.top, VIEW.height, 0, VIEW.width),
        },
      ]);
    },
  };
}

function link(name: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = `/${name}/`;
  anchor.textContent = name;
  document.body.append(anchor);
  return anchor;
}

/** happy-dom has no style engine: each element says whether it shows, as checkVisibility would. */
function showing(element: Element, shows: boolean): void {
  Object.assign(element, { checkVisibility: () => shows });
}

function setup(maxWatched?: number) {
  const io = scripted();
  const timers = createTimers();
  let clock = 0;
  const seen: Element[] = [];
  const sightings = createSightings({
    onSeen: (elements) => seen.push(...elements),
    timers: {
      set: timers.set,
      clear: timers.clear,
    },
    now: () => clock,
    createObserver: io.factory,
    maxWatched,
    maxParked: 100,
  });
  return {
    io,
    seen,
    sightings,
    advance(ms: number) {
      clock += ms;
      timers.advance(ms);
    },
  };
}

afterEach(() => document.body.replaceChildren());

describe('sightings', () => {
  it('watches with a margin below and above the viewport, none sideways', () => {
    const { io } = setup();
    expect(io.init?.rootMargin).toBe(ROOT_MARGIN);
    expect(ROOT_MARGIN).toMatch(/^\d+% 0px \d+% 0px$/);
  });

  it('sees a rendered, visible name in reach of the viewport, once', () => {
    const { io, seen, sightings } = setup();
    const name = link('kimk');
    showing(name, true);
    sightings.watch(name);
    expect(io.observed.has(name)).toBe(true);
    io.report(name, rect(1_200));
    expect(seen).toEqual([name]);
    // Seen: no longer observed, and watching it again starts over.
    expect(io.observed.has(name)).toBe(false);
    io.report(name, rect(1_200));
    expect(seen).toEqual([name]);
  });

  it.each([
    ['left of the page', rect(100, 18, -99_999)],
    ['far below the viewport', rect(50_000)],
    ['above the page', rect(-99_999)],
    ['of no size (display: none)', rect(0, 0, 0, 0)],
  ])('never sees a name %s', (_, box) => {
    const { io, seen, sightings } = setup();
    const name = link('kimk');
    showing(name, true);
    sightings.watch(name);
    io.report(name, box);
    expect(seen).toEqual([]);
    expect(io.observed.has(name)).toBe(true);
  });

  it('never sees a name in view with no area, clipped away, or hidden or transparent by style', () => {
    const { io, seen, sightings } = setup();
    const flat = link('flat');
    showing(flat, true);
    const clipped = link('clipped');
    showing(clipped, true);
    const hidden = link('hidden');
    showing(hidden, false);
    sightings.watch(flat);
    sightings.watch(clipped);
    sightings.watch(hidden);
    io.report(flat, rect(100, 0, 10, 0));
    // Inside a 0×0 box with overflow: hidden: the browser says "intersecting", with nothing left.
    io.report(clipped, rect(100), rect(100, 0, 10, 0));
    io.report(hidden, rect(100));
    expect(seen).toEqual([]);
  });

  it('observes afresh a name in view that was hidden, and sees it once it shows', () => {
    const { io, seen, sightings, advance } = setup();
    const fading = link('fading');
    showing(fading, false);
    sightings.watch(fading);
    io.report(fading, rect(100));
    expect(io.observations.get(fading)).toBe(1);
    advance(100);
    expect(io.observations.get(fading)).toBe(2);
    io.report(fading, rect(100));
    expect(seen).toEqual([]);
    showing(fading, true);
    advance(300);
    expect(io.observations.get(fading)).toBe(3);
    io.report(fading, rect(100));
    expect(seen).toEqual([fading]);
  });

  it('stops looking at a name that stays hidden, until it moves in again', () => {
    const { io, seen, sightings, advance } = setup();
    const hidden = link('hidden');
    showing(hidden, false);
    sightings.watch(hidden);
    io.report(hidden, rect(100));
    for (let step = 0; step < 20; step++) {
      advance(5_000);
      // Each fresh observation brings a fresh report, still hidden.
      io.report(hidden, rect(100));
    }
    // The first observation and four fresh looks, then no more.
    expect(io.observations.get(hidden)).toBe(5);
    // It leaves and comes back (the browser reports both): it is looked at, and shows now.
    io.report(hidden, rect(90_000));
    showing(hidden, true);
    io.report(hidden, rect(100));
    expect(seen).toEqual([hidden]);
  });

  it('observes at most maxWatched names; the farthest make room, and come back when there is', () => {
    const { io, seen, sightings } = setup(3);
    const names = ['a1', 'a2', 'a3'].map(link);
    for (const name of names) {
      showing(name, true);
      sightings.watch(name);
    }
    io.report(names[0]!, rect(5_000));
    io.report(names[1]!, rect(90_000));
    io.report(names[2]!, rect(8_000));
    // A name from a bulk scan waits for room...
    const bulk = link('bulk');
    sightings.watch(bulk);
    expect(io.observed.has(bulk)).toBe(false);
    expect(sightings.parked).toBe(1);
    // ...one the page just added takes the place of the farthest, which waits.
    const next = link('next');
    showing(next, true);
    sightings.watch(next, true);
    expect(io.observed.has(names[1]!)).toBe(false);
    expect(io.observed.has(next)).toBe(true);
    expect(sightings.parked).toBe(2);
    io.report(next, rect(300));
    expect(seen).toEqual([next]);
    // Room again: the one waiting in page order comes first (it was never observed).
    expect(io.observed.has(bulk)).toBe(true);
    expect(sightings.parked).toBe(1);
  });

  it('under a flood of names nobody sees, the next name added is still observed at once', () => {
    const { io, seen, sightings } = setup(50);
    for (let i = 0; i < 2_000; i++) {
      const name = link(`flood${i}`);
      showing(name, true);
      sightings.watch(name);
      if (io.observed.has(name)) io.report(name, rect(100, 18, -99_999));
    }
    expect(io.observed.size).toBeLessThanOrEqual(50);
    expect(sightings.parked).toBeLessThanOrEqual(100);
    const listed = link('listed');
    showing(listed, true);
    sightings.watch(listed, true);
    expect(io.observed.has(listed)).toBe(true);
    io.report(listed, rect(200));
    expect(seen).toEqual([listed]);
  });

  it('forgets everything on clear', () => {
    const { io, sightings } = setup();
    const name = link('kimk');
    sightings.watch(name);
    sightings.clear();
    expect(io.observed.size).toBe(0);
    expect(sightings.watched).toBe(0);
  });
});
