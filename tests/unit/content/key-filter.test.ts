import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKeyFilter } from '../../../core/key-filter';
import { keyHashA, keyHashB } from '../../../core/key-hash';
import type { BadgeInfo } from '../../../core/messages';
import type { AccountRef, SiteAdapter } from '../../../sites/types';
import {
  accountLink,
  badgeInfoFor,
  createHarness,
  createTestAdapter,
  defaultConfig,
  seeEverything,
} from './harness';
import type { Harness } from './harness';

let harness: Harness | null = null;

beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  expect(harness?.background.invalid ?? []).toEqual([]);
  harness?.runtime.stop();
  harness = null;
});

/** The filter the background would send for a pack listing these Instagram keys. */
function filterOf(keys: string[]) {
  const texts = keys.map((key) => `instagram:${key}`);
  return buildKeyFilter([
    { hi: Uint32Array.from(texts, keyHashA), lo: Uint32Array.from(texts, keyHashB) },
  ]);
}

const keys = Array.from({ length: 300 }, (_, i) => `user${i}`);
const listed = keys.filter((_, i) => i % 10 === 0);

async function pageWith(config: ReturnType<typeof defaultConfig>, adapter?: SiteAdapter) {
  const sightings = seeEverything();
  const data = new Map<string, BadgeInfo>(listed.map((key) => [key, badgeInfoFor(key)]));
  harness = createHarness(data, { createSightings: sightings, ...(adapter && { adapter }) });
  harness.background.state.config = config;
  await harness.runtime.start();
  await harness.settle();
  const container = document.createElement('div');
  for (const key of keys) container.append(accountLink(key));
  document.body.append(container);
  await harness.settle();
  const asked = harness.background.ofType('lookup').flatMap((request) => request.keys);
  const badged = [...document.querySelectorAll('picket-badge')].map((badge) =>
    badge.getAttribute('data-handle'),
  );
  return { asked, badged, watched: sightings.made[0]!.watched.length };
}

describe('the packs’ membership filter in the page', () => {
  it('keys it rules out never leave the page nor wait to be seen; listed ones are badged', async () => {
    const { asked, badged, watched } = await pageWith(defaultConfig({ filter: filterOf(listed) }));
    expect(new Set(badged)).toEqual(new Set(listed));
    // Every listed key is asked (no false "no"); of the 270 others only the filter's few "maybe"s.
    expect(asked).toEqual(expect.arrayContaining(listed));
    expect(asked.length).toBeLessThan(listed.length + 15);
    expect(watched).toBe(asked.length);
  });

  it('without a filter, or with one that is not, every name is watched and asked as before', async () => {
    for (const config of [
      defaultConfig(),
      defaultConfig({ filter: { bits: 'not base64!', hashes: 3 } }),
    ]) {
      document.body.replaceChildren();
      const { asked, badged, watched } = await pageWith(config);
      expect(new Set(asked)).toEqual(new Set(keys));
      expect(new Set(badged)).toEqual(new Set(listed));
      expect(watched).toBe(keys.length);
      harness!.runtime.stop();
    }
  });

  it('where a name it rules out sits (its surface, a walk up the page) is never asked', async () => {
    const base = createTestAdapter();
    const surfacesRead = new Set<string>();
    // The test adapter's references, their surface read through a getter, as Facebook's are.
    const lazy = (ref: AccountRef): AccountRef => {
      const { surface, ...rest } = ref;
      return Object.defineProperty({ ...rest } as AccountRef, 'surface', {
        enumerable: true,
        get: () => (surfacesRead.add(ref.key), surface),
      });
    };
    const adapter: SiteAdapter = {
      ...base,
      findAccounts: (root) => base.findAccounts(root).map(lazy),
    };
    const { asked, badged } = await pageWith(defaultConfig({ filter: filterOf(listed) }), adapter);
    expect(new Set(badged)).toEqual(new Set(listed));
    // Read for the listed keys and the filter's few "maybe"s, never for the 270-odd it rules out.
    expect(new Set(surfacesRead)).toEqual(new Set(asked));
  });
});
