// The one door to answers for the rest of the content script: which references wait for which
// keys, and what each reference's answer is once every key it may be listed under is answered
// (the cache itself is the lookup client's).
import type { AccountKey } from '../core/accounts';
import type { Platform } from '../core/pack/types';
import type { KeyFilter } from '../core/key-filter';
import type { BadgeInfo } from '../core/messages';
import type { AccountRef } from '../sites/types';
import type { KeyBudget } from './key-budget';
import { createLookupClient, type ContentSend } from './lookup-client';
import type { Timers } from './schedulers';

/** The key the pack lists the account under (the ref's key or one of its altKeys), and its answer. */
export interface Hit {
  key: AccountKey;
  info: BadgeInfo;
}

export interface Lookups {
  /** The ref's answer: its first hit, null when no key is listed, undefined when not all are known. */
  answer(ref: AccountRef): Hit | null | undefined;
  /** Has `ref` wait for its unanswered keys; `answered` gets it once they are in. */
  wait(ref: AccountRef): void;
  /** Asks about the keys refs are waiting for (now, or with the next round). */
  flush(): void;
  /** Forgets every answer and every waiting ref (the packs or settings changed). */
  clear(): void;
  /** Clears and stops for good. */
  dispose(): void;
  readonly messagesSent: number;
}

export interface LookupsOptions {
  platform: Platform;
  send: ContentSend;
  now: () => number;
  timers: Timers;
  budget?: KeyBudget;
  /** The packs' membership filter: keys it rules out are answered without a lookup. */
  filter?: () => KeyFilter | null;
  /** A waiting ref's answer is in. */
  answered: (ref: AccountRef, hit: Hit | null) => void;
  /** After a batch of answers was handed out. */
  afterAnswers: () => void;
}

/** The key and alternative keys (Facebook: vanity and numeric id) an account may be listed under. */
function keysOf(ref: AccountRef): AccountKey[] {
  return ref.altKeys?.length ? [ref.key, ...ref.altKeys] : [ref.key];
}

export function createLookups(options: LookupsOptions): Lookups {
  const waiting = new Map<AccountKey, AccountRef[]>();
  let disposed = false;
  const client = createLookupClient({
    platform: options.platform,
    send: options.send,
    now: options.now,
    timers: options.timers,
    budget: options.budget,
    filter: options.filter,
    wanted: (key) => waiting.has(key),
    onRetryDue: flush,
    onAnswers(keys) {
      if (disposed) return;
      // A ref waits under each of its keys; one answered in this batch may be met twice.
      const done = new Set<AccountRef>();
      for (const key of keys) {
        const refs = waiting.get(key);
        if (!refs) continue;
        waiting.delete(key);
        for (const ref of refs) {
          if (done.has(ref)) continue;
          const hit = answer(ref);
          if (hit === undefined) continue;
          done.add(ref);
          options.answered(ref, hit);
        }
      }
      options.afterAnswers();
    },
  });

  /** The first key that hits wins, once every key of the ref is answered. */
  function answer(ref: AccountRef): Hit | null | undefined {
    let hit: Hit | null = null;
    for (const key of keysOf(ref)) {
      const info = client.answer(key);
      if (info === undefined) return undefined;
      if (info && !hit) hit = { key, info };
    }
    return hit;
  }

  function flush(): void {
    if (!disposed && waiting.size > 0) client.fetch(waiting.keys());
  }

  return {
    answer,
    wait(ref) {
      for (const key of keysOf(ref)) {
        if (client.answer(key) !== undefined) continue;
        const list = waiting.get(key);
        if (list) list.push(ref);
        else waiting.set(key, [ref]);
      }
    },
    flush,
    clear() {
      client.clear();
      waiting.clear();
    },
    dispose() {
      disposed = true;
      waiting.clear();
      client.dispose();
    },
    get messagesSent() {
      return client.messagesSent;
    },
  };
}
