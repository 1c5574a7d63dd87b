// What the cache keeps of a participant's evidence: every source it cites (its own and its
// actions'), strongest first; whether it may be badged; and the sources of demands and events.
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../core/pack/types';
import { findInIndex } from '../../../storage/lookup-index';
import { packToRows } from '../../../storage/rows';
import { makePack } from './fixtures';

function packWithEvidence(): Pack {
  const pack = makePack();
  const campaign = pack.campaigns[0]!;
  campaign.sources.push(
    { id: 'blog', url: 'https://blog.example/', kind: 'other' },
    { id: 'paper', url: 'https://paper.example/', kind: 'major-outlet' },
    { id: 'own', url: 'https://brand.example/', kind: 'own-statement' },
    { id: 'list', url: 'https://list.example/', kind: 'other' },
  );
  campaign.demands = [{ id: 'd1', title: 'Do better', sources: ['blog', 'own'] }];
  campaign.events![0]!.sources = ['paper'];
  campaign.participants.push(
    {
      id: 'brand',
      name: 'Brand',
      kind: 'brand',
      role: 'advertiser',
      accounts: [{ platform: 'instagram', handle: 'brand' }],
      // The action cites the strongest source; the participant's own list the weaker ones.
      actions: [{ summary: 'Paused', date: '2020-07-01', sources: ['own', 'blog'] }],
      sources: ['blog', 'paper'],
    },
    {
      id: 'thin',
      name: 'Thin',
      kind: 'person',
      role: 'participant',
      accounts: [{ platform: 'instagram', handle: 'thin.one' }],
      actions: [{ summary: 'Named', sources: ['list'] }],
      sources: ['blog'],
    },
  );
  return pack;
}

describe('packToRows and the evidence', () => {
  const rows = packToRows(packWithEvidence(), 'imported', '2026-01-01T00:00:00Z');
  const row = (id: string) => rows.participants.find((p) => p.id === id)!;

  it('resolves every cited source once, strongest first', () => {
    expect(row('brand').resolvedSources.map((s) => s.id)).toEqual(['own', 'paper', 'blog']);
  });

  it('marks thin evidence as not badgeable and gives it no lookup key', () => {
    expect(row('brand').badgeable).toBe(true);
    expect(row('thin').badgeable).toBe(false);
    // A pack without source kinds is taken as written.
    expect(row('kim').badgeable).toBe(true);
    expect(findInIndex(rows.lookup, 'instagram', 'thin.one')).toEqual([]);
    expect(findInIndex(rows.lookup, 'instagram', 'brand')).toHaveLength(1);
    // Still listed for the popup.
    expect(rows.blocks[0]!.participantBlocks[0]!.rows).toContain('"id":"thin"');
  });

  it('keeps the sources its demands and events cite with the campaign', () => {
    expect(rows.campaigns[0]!.sources.map((s) => s.id)).toEqual(['blog', 'own', 'paper']);
    expect(rows.campaigns[1]!.sources).toEqual([]);
  });

  it('caps a badge’s sources and keeps the strongest', () => {
    const pack = packWithEvidence();
    const campaign = pack.campaigns[0]!;
    for (let i = 0; i < 12; i++) {
      campaign.sources.push({ id: `x${i}`, url: `https://x${i}.example/`, kind: 'other' });
    }
    const brand = campaign.participants.find((p) => p.id === 'brand')!;
    brand.sources = [
      ...campaign.sources.filter((s) => s.id.startsWith('x')).map((s) => s.id),
      'paper',
    ];
    const [match] = findInIndex(
      packToRows(pack, 'imported', '2026-01-01T00:00:00Z').lookup,
      'instagram',
      'brand',
    );
    expect(match!.entry.sources).toHaveLength(8);
    expect(match!.entry.sources.slice(0, 2).map((s) => s.url)).toEqual([
      'https://brand.example/',
      'https://paper.example/',
    ]);
  });
});
