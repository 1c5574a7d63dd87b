// Asks the background about account keys and holds the page's one answer cache (hit or miss, for
// the page's life). The content script never holds the dataset itself.
//
// One question at a time: while a lookup is on its way, keys found meanwhile wait and go
// together as the next one, sent the moment the answer is in. A slow page (nothing in flight)
// is asked at once; a fast feed sends a few larger messages instead of one per frame (each
// message costs the page's main thread a fixed ~0.3 ms, and each answer a frame of its own).
// How fast keys may go out (backoff, the page's key budget) is content/lookup-pacing.ts's.
import type { AccountKey } from '../core/accounts';
import type { Platform } from '../core/pack/types';
import type { KeyFilter } from '../core/key-filter';
import type { BadgeInfo, ContentRequest, Response } from '../core/messages';
import { MAX_KEY_LENGTH, MAX_LOOKUP_KEYS } from '../core/limits';
import { createKeyBudget, type KeyBudget } from './key-budget';
import { createAdmission, createBackoff } from './lookup-pacing';
import type { Timers } from './schedulers';

export type ContentSend = <R extends ContentRequest>(request: R) => Promise<Response<R['type']>>;

export interface LookupClient {
  /** The cached answer: the badge info, null for "not in any pack", undefined when not known yet. */
  answer(key: AccountKey): BadgeInfo | null | undefined;
  /**
   * Asks about every key that is neither answered nor already asked: at once when no lookup is
   * on its way, else with the next one (one message per MAX_LOOKUP_KEYS keys).
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
  timers: Timers;
  /** New keys per page; content/key-budget.ts's by default. */
  budget?: KeyBudget;
  /** Whether a key that waited for the budget is still wanted when its turn comes. */
  wanted?: (key: AccountKey) => boolean;
  /** The packs' membership filter (core/key-filter.ts): a key it rules out is answered here. */
  filter?: () => KeyFilter | null;
}

/** Answers for `keys`: each one's match, or null for "not in any pack". */
function store(
  cache: Map<AccountKey, BadgeInfo | null>,
  keys: AccountKey[],
  matches: Record<AccountKey, BadgeInfo>,
): void {
  for (const key of keys) cache.set(key, Object.hasOwn(matches, key) ? matches[key]! : null);
}

/** The answer known here: cached, or "not listed" (then cached) when the filter rules the key out. */
function knownAnswer(
  cache: Map<AccountKey, BadgeInfo | null>,
  key: AccountKey,
  { filter, platform }: Pick<LookupClientOptions, 'filter' | 'platform'>,
): BadgeInfo | null | undefined {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const keyFilter = filter?.();
  if (!keyFilter || keyFilter(platform, key)) return undefined;
  cache.set(key, null);
  return null;
}

function batchesOf(keys: AccountKey[]): AccountKey[][] {
  const batches: AccountKey[][] = [];
  for (let i = 0; i < keys.length; i += MAX_LOOKUP_KEYS) {
    batches.push(keys.slice(i, i + MAX_LOOKUP_KEYS));
  }
  return batches;
}

export function createLookupClient(options: LookupClientOptions): LookupClient {
  const cache = new Map<AccountKey, BadgeInfo | null>();
  const inFlight = new Set<AccountKey>();
  // Wanted while a lookup was on its way: sent together when it is answered.
  const pending = new Set<AccountKey>();
  // Messages of the current round not answered yet (a round is split only past MAX_LOOKUP_KEYS).
  let unanswered = 0;
  // Bumped by clear(), so an answer computed under the old packs or settings is not cached.
  let epoch = 0;
  let messagesSent = 0;
  let disposed = false;
  const backoff = createBackoff(options.timers, options.now, options.onRetryDue);
  const admission = createAdmission({
    ...options,
    budget: options.budget ?? createKeyBudget(),
    admitted(keys) {
      for (const key of keys) pending.add(key);
      sendPending();
    },
    dropped: options.onRetryDue,
  });

  const known = (key: AccountKey) => knownAnswer(cache, key, options);

  /** Sends everything pending as one round. */
  function sendPending(): void {
    if (disposed || pending.size === 0 || unanswered > 0 || backoff.waiting) return;
    const keys = [...pending];
    pending.clear();
    for (const key of keys) inFlight.add(key);
    const batches = batchesOf(keys);
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
      backoff.failed();
      return;
    }
    backoff.succeeded();
    store(cache, keys, answer.matches);
    // The next round goes out before this answer is applied, so its question overlaps the work.
    if (unanswered === 0) sendPending();
    options.onAnswers(keys);
  }

  function fetch(keys: Iterable<AccountKey>): void {
    if (disposed || backoff.waiting) return;
    const refused: AccountKey[] = [];
    for (const key of keys) {
      if (cache.has(key) || inFlight.has(key) || pending.has(key) || admission.has(key)) continue;
      // Ruled out by the filter (answered here: nothing leaves the page), or so long that the
      // background would refuse the whole batch, again and again.
      if (known(key) === null || key.length > MAX_KEY_LENGTH) {
        cache.set(key, null);
        refused.push(key);
      } else if (admission.admit(key)) pending.add(key);
    }
    sendPending();
    if (refused.length > 0) options.onAnswers(refused);
  }

  function clear(): void {
    epoch += 1;
    cache.clear();
    inFlight.clear();
    pending.clear();
    admission.reset();
    unanswered = 0;
    backoff.reset();
  }

  return {
    answer: known,
    fetch,
    clear,
    dispose() {
      disposed = true;
      clear();
    },
    get messagesSent() {
      return messagesSent;
    },
  };
}
