// A small store snapshot for the UI tests, shaped like the store's answers.
import type { ParticipantRole } from '../../../core/pack/types';
import type {
  CampaignSummary,
  PackSummary,
  ParticipantView,
  StoreSnapshot,
} from '../../../core/store-views';

export const pack: PackSummary = {
  id: 'shfp',
  version: 3,
  updatedAt: '2026-09-01T00:00:00Z',
  publisherName: 'Stop Hate for Profit volunteers',
  origin: 'bundled',
  enabled: true,
  campaignCount: 1,
  participantCount: 4,
  accountCount: 5,
  installedAt: '2026-09-02T08:00:00Z',
};

export const campaign: CampaignSummary = {
  key: 'shfp/ad-pause',
  packId: 'shfp',
  id: 'ad-pause',
  name: 'Stop Hate for Profit',
  hashtag: '#StopHateForProfit',
  summary: 'Advertisers paused Facebook and Instagram ads.',
  url: 'https://www.stophateforprofit.org/',
  target: 'Facebook, Inc.',
  coalition: [
    { name: 'ADL', url: 'https://www.adl.org/' },
    { name: 'Insecure Example', url: 'http://insecure.example/' },
  ],
  demands: [
    { id: 'd1', title: 'Hire a civil-rights executive', category: 'Accountability' },
    { id: 'd2', title: 'Submit to regular audits', category: 'Accountability' },
    { id: 'd3', title: 'Remove hate groups', category: 'Support', detail: 'Find and remove them.' },
  ],
  events: [
    { id: 'july', title: 'July ad pause', kind: 'pause', start: '2020-07-01', end: '2020-07-31' },
    {
      id: 'sept',
      title: 'Boycott day',
      kind: 'boycott',
      start: '2026-09-16',
      detail: 'No posting.',
    },
    { id: 'oct', title: 'Week of action', kind: 'action', start: '2026-10-05', end: '2026-10-09' },
  ],
  sources: [],
  participantCount: 4,
};

export function snapshot(overrides: Partial<StoreSnapshot> = {}): StoreSnapshot {
  return { packs: [pack], campaigns: [campaign], usingBundledFallback: false, ...overrides };
}

export function participant(
  id: string,
  name: string,
  role: ParticipantRole,
  handle: string,
): ParticipantView {
  return {
    id,
    name,
    kind: 'brand',
    role,
    accounts: [{ platform: 'instagram', handle }],
    actions: [{ summary: `${name} paused its ads`, date: '2020-06-21', sources: ['s1'] }],
    sources: ['s1'],
    campaignKey: campaign.key,
    badgeable: true,
    resolvedSources: [
      {
        id: 's1',
        url: `https://news.example/${id}`,
        publisher: 'Example News',
        date: '2020-06-22',
      },
    ],
  };
}

export const people: ParticipantView[] = [
  participant('patagonia', 'Patagonia', 'advertiser', 'patagonia'),
  participant('rei', 'REI', 'advertiser', 'rei'),
  participant('kim', 'Kim Kardashian', 'participant', 'kimkardashian'),
  participant('adl', 'ADL', 'organizer', 'adl_national'),
  participant('colorofchange', 'Color Of Change', 'coalition-member', 'colorofchange'),
];

/** An in-memory stand-in with the store's search semantics (name or handle, role, paging). */
export function searchIn(list: ParticipantView[]) {
  return async (
    _campaignKey: string,
    query: { text?: string; role?: ParticipantRole; limit?: number; offset?: number },
  ) => {
    const text = query.text?.toLowerCase().replace(/^@/, '');
    const matches = list.filter(
      (p) =>
        (!query.role || p.role === query.role) &&
        (!text ||
          p.name.toLowerCase().includes(text) ||
          p.accounts.some((a) => a.handle?.toLowerCase().includes(text))),
    );
    const offset = query.offset ?? 0;
    return {
      total: matches.length,
      items: matches.slice(offset, offset + (query.limit ?? 50)),
    };
  };
}
