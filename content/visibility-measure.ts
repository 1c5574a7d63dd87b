// What the sightings measure of one name: whether it shows anything where it is, and how far
// from the viewport it lies (as a distance class), from the IntersectionObserver's entries.

/** The part of IntersectionObserver this module uses (a fake in unit tests). */
export interface ObserverLike {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

export type EntryLike = Pick<
  IntersectionObserverEntry,
  'target' | 'isIntersecting' | 'boundingClientRect' | 'intersectionRect' | 'rootBounds'
>;

export type ObserverFactory = (
  callback: (entries: EntryLike[]) => void,
  options: IntersectionObserverInit,
) => ObserverLike;

/** Distance classes: 0 for parked before its first entry, then 1 + log2(1 + screens away). */
export const BUCKETS = 16;

type CheckVisibility = (options?: Record<string, boolean>) => boolean;

/**
 * Whether an element in reach shows anything: some of it is left after clipping (`visible` is
 * the observer's intersection rectangle), and it is not hidden, fully transparent or skipped.
 */
export function showsSomething(element: Element, visible: DOMRectReadOnly): boolean {
  if (visible.width <= 0 || visible.height <= 0) return false;
  const check = (element as Element & { checkVisibility?: CheckVisibility }).checkVisibility;
  if (typeof check !== 'function') return true;
  return check.call(element, {
    opacityProperty: true,
    visibilityProperty: true,
    contentVisibilityAuto: true,
  });
}

/** How far from the (grown) viewport an entry lies, as a distance class (see BUCKETS). */
export function distanceClass(entry: EntryLike): number {
  const rect = entry.boundingClientRect;
  const root = entry.rootBounds;
  // No box at all (display: none, detached): nothing will show there soon.
  if (!root || (rect.width === 0 && rect.height === 0)) return BUCKETS - 1;
  const gap = Math.max(
    root.top - rect.bottom,
    rect.top - root.bottom,
    root.left - rect.right,
    rect.left - root.right,
    0,
  );
  const screens = gap / Math.max(root.height, 1);
  return Math.min(BUCKETS - 1, 1 + Math.floor(Math.log2(1 + screens)));
}
