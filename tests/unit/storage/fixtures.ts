// Test packs that pass the real validator, and the replacement for storage/bundled. Imports no
// store module: vi.mock factories load this file while the store itself is being imported.
import type { Pack, Participant } from '../../../core/pack/types';

export interface PackOptions {
  id?: string;
  version?: number;
  /** Extra generated Instagram-only participants `user0…userN-1` in campaign `c1`. */
  generated?: number;
  campaignName?: string;
}

/**
 * A valid pack with two campaigns. Campaign `c1` holds:
 * - `kim`: Instagram `KimKardashian`, Facebook vanity `KimKardashian` + numeric id 100044000111;
 * - `bakery`: Facebook numeric id only (123456789012), role advertiser;
 * - `user<i>` participants when `generated` is set.
 * Campaign `c2` holds `kim` again (Instagram only), so one account can carry two entries.
 */
export function makePack(options: PackOptions = {}): Pack {
  const participants: Participant[] = [
    {
      id: 'kim',
      name: 'Kim Kardashian',
      kind: 'person',
      role: 'participant',
      accounts: [
        { platform: 'instagram', handle: 'KimKardashian' },
        { platform: 'facebook', handle: 'KimKardashian', numericId: '100044000111' },
      ],
      actions: [
        {
          event: 'freeze',
          summary: 'Froze her accounts for a day',
          date: '2020-09-16',
          sources: ['S1'],
        },
      ],
      status: 'took-part',
      sources: ['S1', 'S2'],
    },
    {
      id: 'bakery',
      name: 'Corner Bakery',
      kind: 'brand',
      role: 'advertiser',
      accounts: [{ platform: 'facebook', numericId: '123456789012' }],
      status: 'paused-ads',
      sources: ['S2'],
    },
  ];
  for (let i = 0; i < (options.generated ?? 0); i++) {
    participants.push({
      id: `user${i}`,
      name: `Generated Person ${i}`,
      kind: 'person',
      role: i % 2 ? 'participant' : 'advertiser',
      accounts: [{ platform: 'instagram', handle: `user${i}` }],
      sources: ['S1'],
    });
  }
  return {
    format: 'picket-pack/1',
    id: options.id ?? 'test-pack',
    version: options.version ?? 1,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: {
      name: 'Test Publisher',
      url: 'https://publisher.example.org/',
      corrections: 'https://publisher.example.org/corrections',
    },
    campaigns: [
      {
        id: 'c1',
        name: options.campaignName ?? 'Freeze campaign',
        hashtag: '#Freeze',
        summary: 'A test campaign.',
        events: [{ id: 'freeze', title: 'Freeze day', kind: 'boycott', start: '2020-09-16' }],
        demands: [{ id: 'd1', title: 'Do better' }],
        participants,
        sources: [
          {
            id: 'S1',
            url: 'https://news.example.com/freeze',
            publisher: 'Example News',
            title: 'The freeze',
            date: '2020-09-15',
          },
          { id: 'S2', url: 'https://news.example.com/second' },
        ],
      },
      {
        id: 'c2',
        name: 'Second campaign',
        participants: [
          {
            id: 'kim',
            name: 'Kim Kardashian',
            kind: 'person',
            role: 'organizer',
            accounts: [{ platform: 'instagram', handle: 'kimkardashian' }],
            sources: ['S9'],
          },
        ],
        sources: [{ id: 'S9', url: 'https://news.example.com/c2' }],
      },
    ],
  };
}

/** The pack the tests use as "bundled": a distinct id with one Instagram account. */
export function makeBundledPack(version = 5): Pack {
  return {
    format: 'picket-pack/1',
    id: 'bundled-pack',
    version,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: { name: 'Picket' },
    campaigns: [
      {
        id: 'main',
        name: 'Bundled campaign',
        participants: [
          {
            id: 'ada',
            name: 'Ada Bundled',
            kind: 'person',
            role: 'participant',
            accounts: [{ platform: 'instagram', handle: 'ada.bundled' }],
            sources: ['B1'],
          },
        ],
        sources: [{ id: 'B1', url: 'https://bundled.example.org/source' }],
      },
    ],
  };
}

/** What `storage/bundled` returns in tests; tests can swap `bundledState.pack`. */
export const bundledState: { pack: Pack | null } = { pack: makeBundledPack() };
export const bundledModule = { bundledPack: () => ({ pack: bundledState.pack }) };

/** Makes every storage.local.set fail as Chrome does when the 10 MB quota is exceeded. */
export function failingQuota(area: { set: (...args: never[]) => Promise<void> }): () => void {
  const original = area.set;
  area.set = (() =>
    Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) as unknown as typeof area.set;
  return () => {
    area.set = original;
  };
}
