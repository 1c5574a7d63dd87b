// Turns what the observer hands over (an added subtree, an element whose link changed, the whole
// page) into account references through the site adapter; a large subtree is scanned a slice per
// observer turn so no single task grows long.
import type { AccountRef, AccountScan, SiteAdapter } from '../sites/types';
import { walkCandidates, type CandidateWalk } from './candidate-walk';

/**
 * Candidates handed to the adapter at a time when a root holds more than this (a whole page at
 * load or navigation): the observer checks its frame budget between slices, so 5,000 links are
 * spread over frames instead of one task of 100+ ms.
 */
const SCAN_SLICE = 48;
/**
 * An added subtree with at most this many candidates is scanned whole in the frame that finds it
 * (a Facebook post with its comments has a hundred or two; a name no pack lists costs a few
 * microseconds): its names are watched from the frame the post first paints in, not after an
 * idle callback that a busy page can hold back for up to its timeout.
 */
const FRESH_LIMIT = 400;
/**
 * Elements of an added subtree looked at per step when finding its candidates: a post has ~60, so
 * it is done in one; 100,000 names added at once take many steps, each far under a millisecond
 * or two, and the observer's budget is checked between them.
 */
const WALK_STEP = 2_000;

export interface ScannerOptions {
  adapter: SiteAdapter;
  /** Queues resumable work under the observer's budget (see DomObserver.enqueueJob). */
  enqueueJob: (job: () => boolean) => void;
  /** False once the runtime is stopped or orphaned: nothing is scanned then. */
  alive: () => boolean;
  /** The references found in `root` (`fresh`: in what the page just added, not a bulk scan). */
  found: (root: Element | null, refs: AccountRef[], fresh: boolean) => void;
  stats: { rootsVisited: number };
}

export interface Scanner {
  /** `added`: the subtree is new; false: only the element's own href or aria-label changed. */
  visit(root: Element, added: boolean): void;
  /** The whole page, as a job (its one query over the body runs outside the page's frames). */
  rescan(document: Document): void;
  /** Drops the scans in progress. */
  clear(): void;
}

export function createScanner(options: ScannerOptions): Scanner {
  const { adapter } = options;
  // Large roots being scanned a slice per turn; a root queued again restarts its scan.
  const sliced = new Map<Element, { scan: AccountScan; walk: CandidateWalk; found: Element[] }>();

  function visit(root: Element, added: boolean): void {
    if (!options.alive() || !root.isConnected) return;
    options.stats.rootsVisited += 1;
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
      if (!walk.done || found.length > FRESH_LIMIT) {
        startSlicedScan(root, walk, found);
        return;
      }
      refs = found.length > 0 ? adapter.beginScan(root)(found) : [];
    } else {
      // A changed href or aria-label concerns the element itself, not its (unchanged) subtree.
      const worthALook = selfCandidate || (added && root.querySelector(candidates) !== null);
      refs = worthALook ? adapter.findAccounts(root) : [];
    }
    options.found(root, refs, true);
  }

  /**
   * A root with many elements or candidates (not a candidate itself, so it has no record of its
   * own) is walked and scanned a slice per observer turn, in document order, through one adapter
   * scan.
   */
  function startSlicedScan(root: Element, walk: CandidateWalk, found: Element[]): void {
    const queued = sliced.has(root);
    sliced.set(root, { scan: adapter.beginScan!(root), walk, found });
    if (!queued) options.enqueueJob(() => scanSlice(root));
  }

  /** One slice of a sliced scan; true while there is more. */
  function scanSlice(root: Element): boolean {
    const job = sliced.get(root);
    if (!job || !options.alive()) return false;
    if (job.found.length < SCAN_SLICE && !job.walk.done) {
      job.found.push(...job.walk.next(WALK_STEP));
      if (job.walk.takeContextSeen()) adapter.contextChanged?.();
    }
    const slice = job.found.splice(0, SCAN_SLICE);
    const more = job.found.length > 0 || !job.walk.done;
    if (!more) sliced.delete(root);
    // Elements removed since the list was taken are gone; the adapter still sees the rest in order.
    options.found(null, job.scan(slice.filter((element) => element.isConnected)), false);
    return more;
  }

  return {
    visit,
    rescan(document) {
      const root = document.body ?? document.documentElement;
      if (!root) return;
      options.enqueueJob(() => {
        visit(root, true);
        return false;
      });
    },
    clear() {
      sliced.clear();
    },
  };
}
