// Asks the background about account keys, in one message per flush, and remembers every answer
// (hit or miss) for the page's life. The content script never holds the dataset itself.
import type { AccountKey, Platform } from '../core/accounts';
import type { BadgeInfo, ContentRequest, Response } from '../core/messages';

/**
 * `MAX_LOOKUP_KEYS` of core/messages (a test checks they agree). Not imported as a value: that
 * module builds the valibot schemas at load time, which would pull valibot into the content script.
 */
export const KEYS_PER_LOOKUP = 2_000;

export type ContentSend = <R extends ContentRequest>(request: R) => Promise<Response<R['type']>>;

export interface LookupClient {
  /** The cached answer: the badge info, null for "not in any pack", undefined when not known yet. */
  answer(key: AccountKey): BadgeInfo | null | undefined;
  /** Sends every key that is neither answered nor already asked, in one message per 2,000. */
  fetch(keys: Iterable<AccountKey>): void;
  /** Forgets every answer; answers to questions already on their way are dropped. */
  clear(): void;
  readonly messagesSent: number;
}

export function createLookupClient(options: {
  platform: Platform;
  send: ContentSend;
  onAnswers: (keys: AccountKey[]) => void;
}): LookupClient {
  const cache = new Map<AccountKey, BadgeInfo | null>();
  const inFlight = new Set<AccountKey>();
  // Bumped by clear(), so an answer computed under the old packs or settings is not cached.
  let epoch = 0;
  let messagesSent = 0;

  async function ask(keys: AccountKey[]): Promise<void> {
    const askedIn = epoch;
    messagesSent += 1;
    const answer = await options.send({ type: 'lookup', platform: options.platform, keys });
    if (askedIn !== epoch) return;
    for (const key of keys) inFlight.delete(key);
    // A failed lookup (worker restarting, context invalidated) caches nothing: the keys are
    // asked again the next time the page changes.
    if (!answer.ok) return;
    for (const key of keys) {
      cache.set(
        key,
        Object.prototype.hasOwnProperty.call(answer.matches, key) ? answer.matches[key]! : null,
      );
    }
    options.onAnswers(keys);
  }

  return {
    answer: (key) => cache.get(key),
    fetch(keys) {
      const wanted: AccountKey[] = [];
      for (const key of keys) {
        if (cache.has(key) || inFlight.has(key)) continue;
        inFlight.add(key);
        wanted.push(key);
      }
      for (let i = 0; i < wanted.length; i += KEYS_PER_LOOKUP) {
        void ask(wanted.slice(i, i + KEYS_PER_LOOKUP));
      }
    },
    clear() {
      epoch += 1;
      cache.clear();
      inFlight.clear();
    },
    get messagesSent() {
      return messagesSent;
    },
  };
}
