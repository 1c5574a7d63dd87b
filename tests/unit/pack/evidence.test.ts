// The shared evidence rules: source order, which participants may be badged, account confidence.
import { describe, expect, it } from 'vitest';
import {
  accountConfidence,
  citedSourceIds,
  isBadgeable,
  sourceRank,
  strongestFirst,
} from '../../../core/pack/evidence';
import type { Source, SourceKind } from '../../../core/pack/types';

const source = (id: string, kind?: SourceKind): Source => ({
  id,
  url: `https://example.org/${id}`,
  ...(kind && { kind }),
});
const byId = (...sources: Source[]) => new Map(sources.map((s) => [s.id, s]));

describe('strongestFirst', () => {
  it('puts own statements, then major outlets, then unstated kinds, then the rest', () => {
    const list = [
      source('blog', 'other'),
      source('old'),
      source('news', 'major-outlet'),
      source('own', 'own-statement'),
    ];
    expect(strongestFirst(list).map((s) => s.id)).toEqual(['own', 'news', 'old', 'blog']);
    expect(list.map((s) => s.id)).toEqual(['blog', 'old', 'news', 'own']); // a copy, not in place
    expect(list.map(sourceRank)).toEqual([3, 2, 1, 0]);
  });

  it("keeps the pack's order among sources of equal strength", () => {
    const list = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      source(id, i % 2 ? 'major-outlet' : 'other'),
    );
    expect(strongestFirst(list).map((s) => s.id)).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(strongestFirst([])).toEqual([]);
  });
});

describe('citedSourceIds', () => {
  it("lists the participant's sources, then its actions', each once", () => {
    expect(
      citedSourceIds({
        sources: ['S2', 'S1'],
        actions: [
          { summary: 'a', sources: ['S1', 'S3'] },
          { summary: 'b', sources: ['S4', 'S3'] },
        ],
      }),
    ).toEqual(['S2', 'S1', 'S3', 'S4']);
    expect(citedSourceIds({ sources: ['S1'] })).toEqual(['S1']);
  });
});

describe('isBadgeable', () => {
  const sources = byId(
    source('own', 'own-statement'),
    source('news', 'major-outlet'),
    source('blog', 'other'),
    source('list', 'other'),
    source('old'),
  );

  it('badges a participant citing an own statement or a major outlet', () => {
    expect(isBadgeable({ sources: ['blog', 'own'] }, sources)).toBe(true);
    expect(isBadgeable({ sources: ['list', 'news', 'old'] }, sources)).toBe(true);
  });

  it("counts the sources of the participant's actions too", () => {
    const participant = { sources: ['blog'], actions: [{ summary: 'x', sources: ['news'] }] };
    expect(isBadgeable(participant, sources)).toBe(true);
  });

  it('does not badge a participant whose sources are all lists, aggregators or blogs', () => {
    expect(isBadgeable({ sources: ['blog', 'list'] }, sources)).toBe(false);
    // One source of no stated kind does not lift lists and blogs to a badge.
    expect(isBadgeable({ sources: ['blog', 'old'] }, sources)).toBe(false);
    const actions = [{ summary: 'x', sources: ['list'] }];
    expect(isBadgeable({ sources: ['blog'], actions }, sources)).toBe(false);
  });

  it('takes a pack written before source kinds as it was written', () => {
    expect(isBadgeable({ sources: ['old'] }, sources)).toBe(true);
    // An id missing from the map states no kind either (the validator refuses such packs).
    expect(isBadgeable({ sources: ['old', 'gone'] }, sources)).toBe(true);
  });
});

describe('accountConfidence', () => {
  it('reads an account without a stated confidence as verified', () => {
    expect(accountConfidence({})).toBe('verified');
    expect(accountConfidence({ confidence: 'verified' })).toBe('verified');
    expect(accountConfidence({ confidence: 'likely' })).toBe('likely');
  });
});
