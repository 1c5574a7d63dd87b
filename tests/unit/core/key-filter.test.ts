import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildKeyFilter,
  MAX_FILTER_BYTES,
  readKeyFilter,
  type KeyFilter,
} from '../../../core/key-filter';
import type { Pack, Participant } from '../../../core/pack/types';
import { packToRows } from '../../../storage/rows';
import { makePack } from '../storage/fixtures';

/** The test pack plus each Instagram handle and each Facebook vanity as an account of its own. */
function packOf(instagram: string[], facebook: string[]): Pack {
  const base = makePack();
  const person = (id: string, account: Participant['accounts'][number]): Participant => ({
    id,
    name: id,
    kind: 'person',
    role: 'participant',
    accounts: [account],
    sources: ['S1'],
  });
  const participants = [
    ...base.campaigns[0]!.participants,
    ...instagram.map((handle, i) => person(`ig${i}`, { platform: 'instagram', handle })),
    ...facebook.map((handle, i) => person(`fb${i}`, { platform: 'facebook', handle })),
  ];
  return { ...base, campaigns: [{ ...base.campaigns[0]!, participants }] };
}

function filterOf(pack: Pack): KeyFilter {
  const rows = packToRows(pack, 'imported', '2026-11-01T00:00:00.000Z');
  const filter = readKeyFilter(buildKeyFilter([rows.lookup]));
  expect(filter).not.toBeNull();
  return filter!;
}

const igHandle = fc.stringMatching(/^[A-Za-z0-9._]{1,30}$/);
// A vanity as Facebook spells it: the dots and case a pack may keep do not count.
const fbVanity = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{4,20}(\.[A-Za-z0-9]{1,5})?$/);

describe('key filter', () => {
  it('never rules out a key a pack lists, as the page spells it (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(igHandle, { maxLength: 40, selector: (h) => h.toLowerCase() }),
        fc.uniqueArray(fbVanity, {
          maxLength: 20,
          selector: (h) => h.toLowerCase().replaceAll('.', ''),
        }),
        (instagram, facebook) => {
          const filter = filterOf(packOf(instagram, facebook));
          for (const handle of instagram) {
            expect(filter('instagram', handle)).toBe(true);
            expect(filter('instagram', handle.toUpperCase())).toBe(true);
          }
          for (const vanity of facebook) expect(filter('facebook', vanity)).toBe(true);
          // The pack's own numeric-id account is found by its `id:` key.
          expect(filter('facebook', 'id:123456789012')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rules out nearly every key no pack lists', () => {
    const listed = Array.from({ length: 2_000 }, (_, i) => `member_${i}`);
    const filter = filterOf(packOf(listed, []));
    let maybes = 0;
    for (let i = 0; i < 20_000; i++) if (filter('instagram', `outsider_${i}`)) maybes += 1;
    // Ten bits a key: about one in a hundred.
    expect(maybes / 20_000).toBeLessThan(0.03);
    // Keys are per platform, and text that is no account is never listed.
    expect(filter('facebook', 'member_1')).toBe(false);
    expect(filter('instagram', 'not an account!')).toBe(false);
  });

  it('keeps to its memory budget however many keys there are', () => {
    const count = 1_000_000;
    const hi = new Uint32Array(count);
    const lo = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      hi[i] = Math.imul(i, 0x9e3779b1) >>> 0;
      lo[i] = Math.imul(i ^ 0x5bd1e995, 0x85ebca6b) >>> 0;
    }
    const data = buildKeyFilter([{ hi, lo }]);
    expect(atob(data.bits).length).toBe(MAX_FILTER_BYTES);
    // An empty pack list gives the smallest filter, which rules everything out.
    const empty = readKeyFilter(buildKeyFilter([]))!;
    expect(empty('instagram', 'anyone')).toBe(false);
  });

  it('refuses what is not a filter (every key is then asked, as without one)', () => {
    const good = buildKeyFilter([]);
    expect(readKeyFilter(undefined)).toBeNull();
    expect(readKeyFilter({ ...good, hashes: 0 })).toBeNull();
    expect(readKeyFilter({ ...good, hashes: 1.5 })).toBeNull();
    expect(readKeyFilter({ ...good, hashes: 99 })).toBeNull();
    expect(readKeyFilter({ ...good, bits: '%%%' })).toBeNull();
    // Not a power of two in size.
    expect(readKeyFilter({ ...good, bits: btoa('x'.repeat(100)) })).toBeNull();
  });
});
