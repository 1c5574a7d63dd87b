// The content script's one DOM observer: the only MutationObserver it makes (the site theme on
// <html> is watched through it too).
//
//   MutationObserver callback ──queue (added elements, elements whose href/aria-label changed)──┐
//                                                                                               ▼
//   requestAnimationFrame ── flush: visit queued elements, newest first, until the time budget is spent ──► visit(el)
//                            └─ work left? ask for the next frame      └─ queue empty or not ─► afterFlush()
//
// The callback never reads the DOM: work done there runs synchronously inside the page's own
// rendering, where a slow callback becomes the page's slowness. Everything else happens in the
// frame flush, under a budget so a feed that inserts thousands of nodes at once is spread over
// several frames.

/** rAF and its cancel, injectable so tests and the bench drive frames themselves. */
export interface FrameScheduler {
  /** `frameTime`: when the frame began (rAF's timestamp, on the `now` clock), if known. */
  request(callback: (frameTime?: number) => void): number;
  cancel(handle: number): void;
}

/**
 * requestIdleCallback and its cancel: where whole-page work (jobs) runs. An idle callback is a
 * task of its own, after the frame, so a slice of a whole-page scan is never part of one of the
 * page's own tasks, and can't be what makes one long.
 */
export interface IdleScheduler {
  /** `timeLeft`: milliseconds the browser expects to stay idle (0 when the timeout forced it). */
  request(callback: (timeLeft: number) => void): number;
  cancel(handle: number): void;
}

export interface DomObserverOptions {
  /** What to watch: the document (so a replaced `<body>` is still seen). */
  target: Node;
  now: () => number;
  frames: FrameScheduler;
  /** Where jobs run; without one they share the frame flush (tests drive frames only). */
  idle?: IdleScheduler;
  /** Milliseconds of work per frame before the rest waits for the next one. */
  budgetMs: number;
  /**
   * The budget when the frame is already late when the flush starts (the page's own work in it
   * came first): the rest of the frame's rendering still has to fit before the task grows long.
   */
  lateBudgetMs?: number;
  /** Elements the runtime inserted itself: their insertion is not news. */
  ignore: (element: Element) => boolean;
  /**
   * `added`: the element (and so its subtree) is new; false: only its own href or aria-label
   * changed, so only the element itself can refer to someone else now.
   */
  visit: (element: Element, added: boolean) => void;
  /** After every flush; `drained` tells whether the queue is empty. */
  afterFlush: (drained: boolean) => void;
}

export interface DomObserver {
  start(): void;
  stop(): void;
  /**
   * Queues a piece of resumable work (a large scan cut into slices), called under the same
   * budget as the elements until it returns false (nothing left): in idle callbacks when the
   * observer has an idle scheduler, else in the frame flush after the queued elements.
   */
  enqueueJob(job: () => boolean): void;
  /**
   * Calls `changed` in the next flush after `element`'s class attribute changed (Facebook's
   * theme on <html>), through the same MutationObserver.
   */
  watchClass(element: Element, changed: () => void): void;
  readonly queued: number;
  readonly frames: number;
}

/** A flush starting this long after its frame began finds the frame already half spent. */
const LATE_FRAME_MS = 8;
const LATE_BUDGET_MS = 4;
/** Under half an idle period's 50 ms: the last step and a garbage collection must still fit under the long-task line. */
const IDLE_BUDGET_MS = 20;

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['href', 'aria-label'],
};
const CLASS_ONLY: MutationObserverInit = { attributes: true, attributeFilter: ['class'] };

/**
 * What waits for the next flush. Element → whether it was added; an element queued twice before
 * the flush is visited once (as added, if it was added at all). Visited newest first (`order` is
 * a stack): what the page added last is what the person is looking at, and a page that floods the
 * queue with thousands of elements cannot keep the next one waiting behind them.
 */
class WorkQueue {
  readonly added = new Map<Element, boolean>();
  readonly order: Element[] = [];
  /** Elements whose watched class changed. */
  readonly classChanged = new Set<Element>();

  /** Queues what the records name; only reads the records, never the DOM. */
  take(
    records: MutationRecord[],
    ignore: (element: Element) => boolean,
    classWatched: (node: Node) => boolean,
  ): void {
    for (const record of records) {
      if (record.type === 'attributes') {
        const target = record.target as Element;
        if (record.attributeName === 'class' && classWatched(target)) {
          this.classChanged.add(target);
        } else if (!this.added.has(target)) {
          this.added.set(target, false);
          this.order.push(target);
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || ignore(node as Element)) continue;
        if (!this.added.has(node as Element)) this.order.push(node as Element);
        this.added.set(node as Element, true);
      }
    }
  }

  get size(): number {
    return this.added.size + this.classChanged.size;
  }

  clear(): void {
    this.added.clear();
    this.order.length = 0;
    this.classChanged.clear();
  }
}

export function createDomObserver(options: DomObserverOptions): DomObserver {
  return new SharedObserver(options);
}

class SharedObserver implements DomObserver {
  readonly #queue = new WorkQueue();
  // Run after the queued elements: those are fresh insertions the reader is looking at, while a
  // job is the rest of a whole-page scan.
  readonly #jobs: Array<() => boolean> = [];
  readonly #classWatches = new Map<Element, () => void>();
  #observer: MutationObserver | null = null;
  #frameHandle: number | null = null;
  #idleHandle: number | null = null;
  #framesRun = 0;

  readonly #options: DomObserverOptions;

  constructor(options: DomObserverOptions) {
    this.#options = options;
  }

  #schedule(): void {
    if (this.#frameHandle === null && this.#observer !== null) {
      this.#frameHandle = this.#options.frames.request((frameTime) => this.#flush(frameTime));
    }
  }

  #scheduleJobs(): void {
    const idle = this.#options.idle;
    if (!idle) return this.#schedule();
    if (this.#idleHandle === null && this.#observer !== null) {
      this.#idleHandle = idle.request((timeLeft) => this.#runJobs(timeLeft));
    }
  }

  /** Runs jobs until `budget` is spent (at least one slice); true when the budget ran out. */
  #runJobsFor(started: number, budget: number): boolean {
    const jobs = this.#jobs;
    do {
      if (!jobs[0]!()) jobs.shift();
      if (this.#options.now() - started >= budget) return true;
    } while (jobs.length > 0 && this.#observer !== null);
    return false;
  }

  /**
   * Runs jobs while the browser expects to stay idle (up to IDLE_BUDGET_MS: the callback is a task
   * of its own, and must not become a long one), or for the frame budget when the timeout forced
   * the call; always at least one slice.
   */
  #runJobs(timeLeft: number): void {
    this.#idleHandle = null;
    // A job may queue another (a whole-page visit starts a sliced scan), which asks for another
    // callback; this one may finish both, leaving that one nothing to do.
    if (this.#jobs.length === 0 || this.#observer === null) return;
    const budget = timeLeft > 0 ? Math.min(timeLeft, IDLE_BUDGET_MS) : this.#options.budgetMs;
    this.#runJobsFor(this.#options.now(), budget);
    if (this.#jobs.length > 0) this.#scheduleJobs();
    this.#options.afterFlush(this.#queue.size === 0 && this.#jobs.length === 0);
  }

  readonly #onMutations = (records: MutationRecord[]): void => {
    this.#queue.take(records, this.#options.ignore, (node) =>
      this.#classWatches.has(node as Element),
    );
    if (this.#queue.size > 0) this.#schedule();
  };

  /** Visits queued elements, newest first, until the budget is spent; true when it was. */
  #visitQueued(started: number, budget: number): boolean {
    const queue = this.#queue;
    for (const element of queue.classChanged) this.#classWatches.get(element)?.();
    queue.classChanged.clear();
    while (queue.order.length > 0) {
      const element = queue.order.pop()!;
      const added = queue.added.get(element)!;
      queue.added.delete(element);
      this.#options.visit(element, added);
      if (this.#options.now() - started >= budget) return true;
    }
    return false;
  }

  #flush(frameTime?: number): void {
    const options = this.#options;
    const jobs = this.#jobs;
    const queue = this.#queue;
    this.#frameHandle = null;
    this.#framesRun += 1;
    const started = options.now();
    const late = frameTime !== undefined && started - frameTime > LATE_FRAME_MS;
    const budget = late
      ? Math.min(options.budgetMs, options.lateBudgetMs ?? LATE_BUDGET_MS)
      : options.budgetMs;
    const spent = this.#visitQueued(started, budget);
    const idle = options.idle;
    if (!idle && !spent && jobs.length > 0 && this.#observer !== null) {
      this.#runJobsFor(started, budget);
    }
    const drained = queue.size === 0 && jobs.length === 0;
    if (queue.size > 0 || (!idle && jobs.length > 0)) this.#schedule();
    options.afterFlush(drained);
  }

  start(): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver(this.#onMutations);
    this.#observer.observe(this.#options.target, OBSERVED);
    for (const element of this.#classWatches.keys()) this.#observer.observe(element, CLASS_ONLY);
    if (this.#queue.size > 0) this.#schedule();
    if (this.#jobs.length > 0) this.#scheduleJobs();
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#frameHandle !== null) this.#options.frames.cancel(this.#frameHandle);
    this.#frameHandle = null;
    if (this.#idleHandle !== null) this.#options.idle?.cancel(this.#idleHandle);
    this.#idleHandle = null;
    this.#queue.clear();
    this.#jobs.length = 0;
  }

  enqueueJob(job: () => boolean): void {
    this.#jobs.push(job);
    this.#scheduleJobs();
  }

  watchClass(element: Element, changed: () => void): void {
    this.#classWatches.set(element, changed);
    this.#observer?.observe(element, CLASS_ONLY);
  }

  get queued(): number {
    return this.#queue.added.size + this.#jobs.length;
  }

  get frames(): number {
    return this.#framesRun;
  }
}
