import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInIndex } from '../../../storage/lookup-index';
import { packToRows } from '../../../storage/rows';
import { makePack } from './fixtures';

describe('lookup index', () => {
  const rows = packToRows(makePack({ generated: 2_000 }), 'imported', '2026-11-01T00:00:00.000Z');

  it('finds every account of the pack, under each of its keys, with the right participant', () => {
    for (let i = 0; i < 2_000; i++) {
      const found = findInIndex(rows.lookup, 'instagram', `user${i}`);
      expect(found.map((m) => m.entry.participantName)).toEqual([`Generated Person ${i}`]);
      expect(found[0]!.handle).toBe(`user${i}`);
    }
    // One account in two campaigns: two entries, in campaign order.
    expect(
      findInIndex(rows.lookup, 'instagram', 'kimkardashian').map((m) => m.entry.campaignId),
    ).toEqual(['c1', 'c2']);
    // Facebook: the vanity keeps its case on the badge; the numeric id finds the same account.
    expect(findInIndex(rows.lookup, 'facebook', 'kimkardashian')[0]!.handle).toBe('KimKardashian');
    expect(findInIndex(rows.lookup, 'facebook', 'id:100044000111')[0]!.handle).toBe(
      'KimKardashian',
    );
    expect(findInIndex(rows.lookup, 'facebook', 'id:123456789012')[0]!.handle).toBe(
      'id:123456789012',
    );
    // Keys are per platform.
    expect(findInIndex(rows.lookup, 'facebook', 'user1')).toEqual([]);
    // kim in c1 (Instagram, Facebook vanity, Facebook id), bakery (id), kim in c2 (Instagram).
    expect(rows.lookup.hi.length).toBe(2_000 + 3 + 1 + 1);
  });

  it('holds its positions in hash order, so the binary search is sound', () => {
    for (let p = 1; p < rows.lookup.hi.length; p++) {
      expect(rows.lookup.hi[p - 1]! <= rows.lookup.hi[p]!).toBe(true);
    }
  });

  it('finds nothing for keys no pack lists (property)', () => {
    const listed = new Set([
      ...Array.from({ length: 2_000 }, (_, i) => `instagram:user${i}`),
      'instagram:kimkardashian',
    ]);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9._]{1,30}$/), (key) => {
        fc.pre(!listed.has(`instagram:${key}`));
        expect(findInIndex(rows.lookup, 'instagram', key)).toEqual([]);
      }),
      { numRuns: 5_000 },
    );
  });

  it('an empty pack gives an empty index', () => {
    const empty = packToRows(
      { ...makePack(), campaigns: [{ ...makePack().campaigns[0]!, participants: [] }] },
      'imported',
      'x',
    );
    expect(empty.lookup.hi.length).toBe(0);
    expect(findInIndex(empty.lookup, 'instagram', 'kimkardashian')).toEqual([]);
  });
});
