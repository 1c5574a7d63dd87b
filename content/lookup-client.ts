// Asks the background about account keys and remembers every answer (hit or miss) for the page's
// life. The content script never holds the dataset itself.
//
// One question at a time: while a lookup is on its way, keys found meanwhile wait and go
// together as the next one, sent the moment the answer is in. A slow page (nothing in flight)
// is asked at once, as before; a fast feed sends a few larger messages instead of one per frame
// (each message costs the page's main thread a fixed ~0.3 ms, and each answer a frame of its own).
//
// Keys the page has not had looked up before spend the page's key budget (content/key-budget.ts);
// over it they wait, newest first, and go out as tokens come back.
import type { AccountKey, Platform } from '../core/accounts';
import type { BadgeInfo, ContentRequest, Response } from '../core/messages';
import { createKeyBudget, type KeyBudget } from './key-budget';

/**
 * `MAX_LOOKUP_KEYS` of core/messages (a test checks they agree). Not imported as a value: that
 * module builds the valibot schemas at load time, which would pull valibot into the content script.
 */
export const KEYS_PER_LOOKUP = 2_000;

/** Longest key the protocol accepts (core/messages `accountKey`); longer ones are never asked. */
const MAX_KEY_LENGTH = 64;
/** After a failed lookup the next try waits this long, doubling up to the maximum. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** Keys waiting for the budget; past this the oldest are let go (the runtime offers them again). */
const MAX_DEFERRED = 10_000;

export type ContentSend = <R extends ContentRequest>(request: R) => Promise<Response<R['type']>>;

export interface LookupClient {
  /** The cached answer: the badge info, null for "not in any pack", undefined when not known yet. */
  answer(key: AccountKey): BadgeInfo | null | undefined;
  /**
   * Asks about every key that is neither answered nor already asked: at once when no lookup is
   * on its way, else with the next one (one message per 2,000 keys).
   */
  fetch(keys: Iterable<AccountKey>): void;
  /** Forgets every answer; answers to questions already on their way are dropped. */
  clear(): void;
  /** Clears and stops for good: no retry is scheduled after this. */
  dispose(): void;
  readonly messagesSent: number;
}

export interface LookupClientOptions {
  platform: Platform;
  send: ContentSend;
  onAnswers: (keys: AccountKey[]) => void;
  /** Called when a retry after a failure is due, to fetch the keys still waiting. */
  onRetryDue: () => void;
  now: () => number;
  timers: { set(callback: () => void, ms: number): number; clear(handle: number): void };
  /** New keys per page; content/key-budget.ts's by default. */
  budget?: KeyBudget;
  /** Whether a key that waited for the budget is still wanted when its turn comes. */
  wanted?: (key: AccountKey) => boolean;
}

export function createLookupClient(options: LookupClientOptions): LookupClient {
  const cache = new Map<AccountKey, BadgeInfo | null>();
  const inFlight = new Set<AccountKey>();
  // Wanted while a lookup was on its way: sent together when it is answered.
  const pending = new Set<AccountKey>();
  // Messages of the current round not answered yet (a round is split only past 2,000 keys).
  let unanswered = 0;
  // Bumped by clear(), so an answer computed under the old packs or settings is not cached.
  let epoch = 0;
  let messagesSent = 0;
  let disposed = false;
  // A failing background (worker restarting, database closed) is not asked once per frame.
  let retryDelay = 0;
  let retryAt = 0;
  let retryTimer: number | null = null;
  const budget = options.budget ?? createKeyBudget();
  // Keys the budget has been spent on: asking again (a refresh, a retry) costs nothing.
  const charged = new Set<AccountKey>();
  // Over budget, oldest first; the newest go first when tokens come back.
  const deferred = new Set<AccountKey>();
  let deferredDropped = false;
  let admitTimer: number | null = null;

  function cancelRetry(): void {
    if (retryTimer !== null) options.timers.clear(retryTimer);
    retryTimer = null;
  }

  function failed(): void {
    retryDelay = Math.min(retryDelay ? retryDelay * 2 : FIRST_RETRY_MS, MAX_RETRY_MS);
    retryAt = options.now() + retryDelay;
    if (disposed || retryTimer !== null) return;
    retryTimer = options.timers.set(() => {
      retryTimer = null;
      retryAt = 0;
      if (!disposed) options.onRetryDue();
    }, retryDelay);
  }

  /** Whether `key` may be asked now: already paid for, or a token was left. */
  function affordable(key: AccountKey): boolean {
    if (charged.has(key)) return true;
    if (!budget.take(options.now())) return false;
    charged.add(key);
    return true;
  }

  function defer(key: AccountKey): void {
    deferred.add(key);
    if (deferred.size <= MAX_DEFERRED) return;
    deferred.delete(deferred.values().next().value!);
    deferredDropped = true;
  }

  function scheduleAdmit(): void {
    if (disposed || admitTimer !== null || deferred.size === 0) return;
    admitTimer = options.timers.set(admitDeferred, budget.waitMs(options.now()));
  }

  /** Tokens came back: the newest waiting keys still wanted go out. */
  function admitDeferred(): void {
    admitTimer = null;
    if (disposed) return;
    const newestFirst = [...deferred].reverse();
    for (const key of newestFirst) {
      if (options.wanted && !options.wanted(key)) {
        deferred.delete(key);
        continue;
      }
      if (!affordable(key)) break;
      deferred.delete(key);
      pending.add(key);
    }
    sendPending();
    scheduleAdmit();
    if (deferredDropped) {
      // Keys let go while the queue was full are still waiting in the runtime: offer them again.
      deferredDropped = false;
      options.onRetryDue();
    }
  }

  /** Sends everything pending as one round (one message per 2,000 keys). */
  function sendPending(): void {
    if (disposed || pending.size === 0 || unanswered > 0 || options.now() < retryAt) return;
    const keys = [...pending];
    pending.clear();
    for (const key of keys) inFlight.add(key);
    const batches: AccountKey[][] = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_LOOKUP) {
      batches.push(keys.slice(i, i + KEYS_PER_LOOKUP));
    }
    unanswered = batches.length;
    for (const batch of batches) void ask(batch);
  }

  async function ask(keys: AccountKey[]): Promise<void> {
    const askedIn = epoch;
    messagesSent += 1;
    const answer = await options.send({ type: 'lookup', platform: options.platform, keys });
    // clear() started a new round count; an old round's answer is dropped whole.
    if (askedIn !== epoch || disposed) return;
    unanswered -= 1;
    for (const key of keys) inFlight.delete(key);
    // A failed lookup caches nothing: the keys are asked again once the retry is due.
    if (!answer.ok) {
      // Keys waiting behind it go with the retry too, not into a failing background now.
      pending.clear();
      failed();
      return;
    }
    retryDelay = 0;
    for (const key of keys) {
      cache.set(
        key,
        Object.prototype.hasOwnProperty.call(answer.matches, key) ? answer.matches[key]! : null,
      );
    }
    // The next round goes out before this answer is applied, so its question overlaps the work.
    if (unanswered === 0) sendPending();
    options.onAnswers(keys);
  }

  return {
    answer: (key) => cache.get(key),
    fetch(keys) {
      if (disposed || options.now() < retryAt) return;
      const refused: AccountKey[] = [];
      for (const key of keys) {
        if (cache.has(key) || inFlight.has(key) || pending.has(key) || deferred.has(key)) continue;
        // One over-long key would make the background refuse the whole batch, again and again.
        if (key.length > MAX_KEY_LENGTH) {
          cache.set(key, null);
          refused.push(key);
          continue;
        }
        if (affordable(key)) pending.add(key);
        else defer(key);
      }
      sendPending();
      scheduleAdmit();
      if (refused.length > 0) options.onAnswers(refused);
    },
    clear() {
      epoch += 1;
      cache.clear();
      inFlight.clear();
      pending.clear();
      deferred.clear();
      deferredDropped = false;
      if (admitTimer !== null) options.timers.clear(admitTimer);
      admitTimer = null;
      unanswered = 0;
      cancelRetry();
      retryAt = 0;
      retryDelay = 0;
    },
    dispose() {
      disposed = true;
      this.clear();
    },
    get messagesSent() {
      return messagesSent;
    },
  };
}
