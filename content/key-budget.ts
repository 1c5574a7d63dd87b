// How many accounts a page may have looked up that it has not had looked up before: a token
// bucket, per page, far above what a person scrolling meets and far below what probing needs.
// Over budget a key waits for the next token; nothing is dropped and nothing shows in the page.

/** New keys a page may have looked up at once, e.g. a long comment thread opened at load. */
export const KEY_BURST = 500;
/** Then this many a minute (a person scrolling a feed fast meets a few hundred). */
export const KEYS_PER_MINUTE = 500;

export interface KeyBudget {
  /** Takes one token if there is one. */
  take(now: number): boolean;
  /** Whole tokens there are now. */
  available(now: number): number;
  /** Milliseconds until the next token (0 when there is one). */
  waitMs(now: number): number;
}

export function createKeyBudget(burst = KEY_BURST, perMinute = KEYS_PER_MINUTE): KeyBudget {
  const msPerToken = 60_000 / perMinute;
  let tokens = burst;
  let at: number | null = null;

  function refill(now: number): void {
    if (at === null || now < at) {
      at = now;
      return;
    }
    const earned = msPerToken > 0 ? (now - at) / msPerToken : Infinity;
    tokens = Math.min(burst, tokens + earned);
    at = now;
  }

  return {
    take(now) {
      refill(now);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    available(now) {
      refill(now);
      return Math.floor(tokens);
    },
    waitMs(now) {
      refill(now);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * msPerToken);
    },
  };
}
