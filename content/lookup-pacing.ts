// How fast lookups may go: a backoff after a failed one (a restarting worker is not asked once
// per frame), and the page's key budget (content/key-budget.ts), over which new keys wait,
// newest first, and go out as tokens come back.
import type { AccountKey } from '../core/accounts';
import type { KeyBudget } from './key-budget';
import type { Timers } from './schedulers';

/** After a failed lookup the next try waits this long, doubling up to the maximum. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** Keys waiting for the budget; past this the oldest are let go (the runtime offers them again). */
const MAX_DEFERRED = 10_000;

export interface Backoff {
  /** Whether lookups must wait for the retry now. */
  readonly waiting: boolean;
  failed(): void;
  succeeded(): void;
  reset(): void;
}

/** `due` is called once the wait after a failure is over. */
export function createBackoff(timers: Timers, now: () => number, due: () => void): Backoff {
  let delay = 0;
  let until = 0;
  let timer: number | null = null;
  return {
    get waiting() {
      return now() < until;
    },
    failed() {
      delay = Math.min(delay ? delay * 2 : FIRST_RETRY_MS, MAX_RETRY_MS);
      until = now() + delay;
      if (timer !== null) return;
      timer = timers.set(() => {
        timer = null;
        until = 0;
        due();
      }, delay);
    },
    succeeded() {
      delay = 0;
    },
    reset() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      until = delay = 0;
    },
  };
}

export interface Admission {
  /** Whether `key` may be asked now (already paid for, or a token was left); else it waits. */
  admit(key: AccountKey): boolean;
  has(key: AccountKey): boolean;
  /** Forgets the waiting keys (not what was paid for: asking again costs nothing). */
  reset(): void;
}

export interface AdmissionOptions {
  budget: KeyBudget;
  now: () => number;
  timers: Timers;
  /** Whether a waiting key is still wanted when its turn comes. */
  wanted?: (key: AccountKey) => boolean;
  /** Keys whose turn came, to be sent. */
  admitted: (keys: AccountKey[]) => void;
  /** Keys were let go while too many waited: the caller offers what it still wants again. */
  dropped: () => void;
}

export function createAdmission(options: AdmissionOptions): Admission {
  const { budget, now, timers } = options;
  // Keys the budget has been spent on.
  const charged = new Set<AccountKey>();
  // Over budget, oldest first; the newest go first when tokens come back.
  const deferred = new Set<AccountKey>();
  let droppedSome = false;
  let timer: number | null = null;

  function affordable(key: AccountKey): boolean {
    if (charged.has(key)) return true;
    if (!budget.take(now())) return false;
    charged.add(key);
    return true;
  }

  function schedule(): void {
    if (timer === null && deferred.size > 0) timer = timers.set(turn, budget.waitMs(now()));
  }

  /** Tokens came back: the newest waiting keys still wanted go out. */
  function turn(): void {
    timer = null;
    const admitted: AccountKey[] = [];
    for (const key of [...deferred].reverse()) {
      if (options.wanted && !options.wanted(key)) {
        deferred.delete(key);
        continue;
      }
      if (!affordable(key)) break;
      deferred.delete(key);
      admitted.push(key);
    }
    options.admitted(admitted);
    schedule();
    if (droppedSome) {
      droppedSome = false;
      options.dropped();
    }
  }

  return {
    admit(key) {
      if (affordable(key)) return true;
      deferred.add(key);
      if (deferred.size > MAX_DEFERRED) {
        deferred.delete(deferred.values().next().value!);
        droppedSome = true;
      }
      schedule();
      return false;
    },
    has: (key) => deferred.has(key),
    reset() {
      deferred.clear();
      droppedSome = false;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
