// Generated campaign packs for the bench. Every pack lists the members the bench pages use
// (m_0 … m_<PAGE_MEMBERS-1>, one named participant each, as organisers list people), then fills
// up to the requested size with participants of ten accounts each (a brand with regional
// accounts). Not fewer, bigger participants: a lookup answer carries the participant, so a
// 10,000-account participant would make every answer drag 10,000 accounts along — a shape no
// organiser writes. No shape brings 1,000,000 accounts under the 10 MB text limit (≥ 40 bytes
// per account), so the big packs go in as objects (see BENCHMARKS.md).
import type { Account, Pack, Participant } from '../../core/pack/types';
import {
  facebookMemberHandle,
  memberHandle,
  outsiderHandle,
  PAGE_MEMBERS,
} from '../pages/markup.js';

const ACCOUNTS_PER_BULK_PARTICIPANT = 10;

/**
 * `facebook`: the page members get their Facebook account too (the stream pack, for the saved
 * Facebook pages); `accountCount` counts Instagram accounts either way.
 */
export function makePack(
  accountCount: number,
  id = `bench-${accountCount}`,
  campaignName = 'Bench campaign',
  { facebook = false } = {},
): Pack {
  if (accountCount < PAGE_MEMBERS) throw new Error(`a bench pack needs ≥ ${PAGE_MEMBERS} accounts`);
  const participants: Participant[] = [];
  for (let i = 0; i < PAGE_MEMBERS; i++) {
    participants.push({
      id: `member-${i}`,
      name: `Bench member ${i}`,
      kind: i % 3 === 0 ? 'brand' : 'person',
      role: i % 5 === 0 ? 'advertiser' : 'participant',
      status: 'took-part',
      accounts: [
        { platform: 'instagram', handle: memberHandle(i) },
        ...(facebook ? [{ platform: 'facebook' as const, handle: facebookMemberHandle(i) }] : []),
      ],
      actions: [{ event: 'bench-day', summary: 'Took part in the bench day', sources: ['S1'] }],
      sources: ['S1'],
    });
  }
  for (let start = PAGE_MEMBERS; start < accountCount; start += ACCOUNTS_PER_BULK_PARTICIPANT) {
    const end = Math.min(accountCount, start + ACCOUNTS_PER_BULK_PARTICIPANT);
    const accounts: Account[] = [];
    for (let i = start; i < end; i++)
      accounts.push({ platform: 'instagram', handle: memberHandle(i) });
    participants.push({
      id: `bulk-${start}`,
      name: `Bench bulk ${start}`,
      kind: 'organization',
      role: 'coalition-member',
      accounts,
      sources: ['S1'],
    });
  }
  return {
    format: 'picket-pack/1',
    id,
    version: 1,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: { name: 'Picket bench', corrections: 'https://picket.test/corrections' },
    campaigns: [
      {
        id: 'bench',
        name: campaignName,
        hashtag: '#PicketBench',
        summary: 'A generated campaign for the benchmark suite.',
        url: 'https://picket.test/bench',
        target: 'Nobody',
        demands: [{ id: 'd1', title: 'Measure before optimising' }],
        events: [{ id: 'bench-day', title: 'Bench day', kind: 'boycott', start: '2026-12-01' }],
        participants,
        sources: [{ id: 'S1', url: 'https://picket.test/source', publisher: 'Picket' }],
      },
    ],
  };
}

/**
 * The keys a page of `count` account references asks about: half are members spread over the
 * whole pack of `accountCount` (so a big pack is read all over, not in one corner), half are
 * accounts no pack lists.
 */
export function lookupKeys(accountCount: number, count: number, round = 0): string[] {
  const members = Math.ceil(count / 2);
  const step = Math.max(1, Math.floor(accountCount / members));
  // Each round reads other accounts, so no answer cache can serve a later round.
  const offset = (round * 7919) % step;
  const keys: string[] = [];
  for (let i = 0; i < members; i++) keys.push(memberHandle((i * step + offset) % accountCount));
  for (let i = 0; keys.length < count; i++) keys.push(outsiderHandle(round * count + i));
  return keys;
}
