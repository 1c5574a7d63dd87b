import { describe, expect, it } from 'vitest';
import { createKeyBudget, KEY_BURST, KEYS_PER_MINUTE } from '../../../content/key-budget';

describe('key budget', () => {
  it('gives a burst, then tokens at the per-minute rate, never more than the burst', () => {
    const budget = createKeyBudget(3, 60);
    expect([0, 0, 0, 0].map((t) => budget.take(t))).toEqual([true, true, true, false]);
    expect(budget.waitMs(0)).toBe(1_000);
    expect(budget.take(999)).toBe(false);
    expect(budget.take(1_000)).toBe(true);
    expect(budget.available(1_000_000)).toBe(3);
  });

  it('is far above a person scrolling and far below probing', () => {
    // A fast reader meets a few hundred new accounts a minute; probing 20,000 takes 40 minutes.
    expect(KEY_BURST).toBeGreaterThanOrEqual(300);
    expect(KEYS_PER_MINUTE).toBeGreaterThanOrEqual(300);
    expect(KEYS_PER_MINUTE).toBeLessThanOrEqual(1_000);
    expect((20_000 - KEY_BURST) / KEYS_PER_MINUTE).toBeGreaterThan(30);
  });
});
