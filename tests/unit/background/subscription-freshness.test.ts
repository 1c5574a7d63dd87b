import { describe, expect, it } from 'vitest';
import { subscriptionFreshness } from '../../../core/subscription-freshness';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 24 * 60 * 60 * 1000).toISOString();

describe('subscriptionFreshness', () => {
  it('is current while checks succeed and the version moved on within 30 days', () => {
    expect(
      subscriptionFreshness({ installedAt: daysAgo(29), lastSuccessAt: daysAgo(0) }, NOW),
    ).toEqual({ state: 'current' });
  });

  it('is stale when the publisher keeps serving the same version for more than 30 days', () => {
    expect(
      subscriptionFreshness(
        { installedAt: daysAgo(31), lastCheckedAt: daysAgo(0), lastSuccessAt: daysAgo(0) },
        NOW,
      ),
    ).toEqual({ state: 'not-advanced', since: daysAgo(31) });
  });

  it('is stale when no check has succeeded for more than 3 days (errors, or older versions only)', () => {
    expect(
      subscriptionFreshness(
        {
          installedAt: daysAgo(5),
          lastCheckedAt: daysAgo(0),
          lastSuccessAt: daysAgo(4),
          lastError: { at: daysAgo(0) },
        },
        NOW,
      ),
    ).toEqual({ state: 'failing', since: daysAgo(4) });
    // A replayed older pack records a check but no success.
    expect(
      subscriptionFreshness(
        { installedAt: daysAgo(10), lastCheckedAt: daysAgo(0), lastSuccessAt: daysAgo(10) },
        NOW,
      ),
    ).toEqual({ state: 'failing', since: daysAgo(10) });
  });

  it('reads records from before lastSuccessAt: a check without an error was a success', () => {
    expect(
      subscriptionFreshness({ installedAt: daysAgo(9), lastCheckedAt: daysAgo(1) }, NOW),
    ).toEqual({ state: 'current' });
    expect(
      subscriptionFreshness(
        { installedAt: daysAgo(9), lastCheckedAt: daysAgo(1), lastError: { at: daysAgo(1) } },
        NOW,
      ),
    ).toEqual({ state: 'failing', since: daysAgo(9) });
  });
});
