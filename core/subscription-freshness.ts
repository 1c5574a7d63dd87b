// Whether a subscription still tells the user something current. A publisher (or whoever sits
// between it and the user) can keep serving an old, correctly signed pack forever; the signature
// cannot tell, so time does: no newer version for a long while, or no successful check for
// days, is shown as stale instead of "up to date".

/** Days without a newer version after which a subscription counts as stale. */
export const STALE_AFTER_DAYS = 30;
/** Days without a successful check (errors, or only older versions served) before it is stale. */
export const FAILING_AFTER_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SubscriptionTimes {
  /** When this device installed the version it has: when the version last advanced. */
  installedAt: string;
  lastCheckedAt?: string;
  lastSuccessAt?: string;
  lastError?: { at: string };
}

export type Freshness =
  | { state: 'current' }
  /** The publisher is reached but has served no newer version since `since`. */
  | { state: 'not-advanced'; since: string }
  /** No check has succeeded since `since`. */
  | { state: 'failing'; since: string };

export function subscriptionFreshness(times: SubscriptionTimes, now: number): Freshness {
  // Records from before lastSuccessAt existed: a check without an error was a success.
  const lastSuccess =
    times.lastSuccessAt ??
    (times.lastError === undefined ? times.lastCheckedAt : undefined) ??
    times.installedAt;
  if (now - Date.parse(lastSuccess) > FAILING_AFTER_DAYS * DAY_MS) {
    return { state: 'failing', since: lastSuccess };
  }
  if (now - Date.parse(times.installedAt) > STALE_AFTER_DAYS * DAY_MS) {
    return { state: 'not-advanced', since: times.installedAt };
  }
  return { state: 'current' };
}
