// Opening a pack in the builder: the pack split into its campaign file and a spreadsheet gives the
// same participants back through packFromSheet, and what the sheet cannot hold is named.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetFromPack } from '../../../core/pack/sheet-from-pack';
import { packFromSheet } from '../../../core/pack/spreadsheet';
import type { Pack } from '../../../core/pack/types';

const read = (path: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../..', path), 'utf8')) as Pack;
const docsExample = (): Pack => {
  const guide = readFileSync(resolve(import.meta.dirname, '../../../docs/packs.md'), 'utf8');
  return JSON.parse(/```json\n([\s\S]*?)\n```/.exec(guide)![1]!) as Pack;
};
const now = '2026-12-07T00:00:00Z';

/** Participants compared as sets of what a user sees: sources and actions in any order. */
function normalised(pack: Pack) {
  return pack.campaigns[0]!.participants.map((p) => ({
    ...p,
    accounts: [...p.accounts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    sources: [...p.sources].sort(),
    actions: p.actions?.map((a) => ({ ...a, sources: [...a.sources].sort() })),
  }));
}

describe('sheetFromPack', () => {
  it('round-trips a pack of one campaign with several sources, actions and confidences', () => {
    // good-full.json, less what a sheet has no column for (see the next test).
    const pack = read('tests/data/packs/good-full.json');
    const [ana, bakery] = pack.campaigns[0]!.participants as unknown as Record<string, unknown>[];
    delete ana!['x-note'];
    delete (ana!.accounts as Record<string, unknown>[])[1]!.numericId;
    delete (bakery!.accounts as Record<string, unknown>[])[0]!.holder;
    const split = sheetFromPack(pack)!;
    expect(split.notKept).toEqual([]);
    expect(split.campaignFile.campaigns).toEqual([{ ...pack.campaigns[0], participants: [] }]);
    const back = packFromSheet(split.sheet, split.campaignFile, { now });
    expect(back.problems).toEqual([]);
    expect(back.pack.updatedAt).toBe(pack.updatedAt);
    expect(back.pack.campaigns[0]!.sources).toEqual(pack.campaigns[0]!.sources);
    expect(back.pack.campaigns[0]!.participants.flatMap((p) => p.actions ?? []).length).toBe(
      pack.campaigns[0]!.participants.flatMap((p) => p.actions ?? []).length,
    );
    // A source cited by an action is also the participant's own once it is a row of the sheet.
    const cited = (p: Pack) =>
      normalised(p).map((participant) => ({
        ...participant,
        sources: [
          ...new Set([
            ...participant.sources,
            ...(participant.actions ?? []).flatMap((a) => a.sources),
          ]),
        ].sort(),
      }));
    expect(cited(back.pack)).toEqual(cited(pack));
  });

  it('names the participants with what the sheet cannot keep', () => {
    const split = sheetFromPack(read('tests/data/packs/good-full.json'))!;
    // Ana Tenant: an x- key, and a Facebook page name with its numeric id; Corner Bakery: a holder.
    expect(split.notKept).toEqual(['Ana Tenant', 'Corner Bakery']);
  });

  it('the docs example: its account holder is named as not kept, the rest comes back', () => {
    const split = sheetFromPack(docsExample())!;
    expect(split.notKept).toEqual(['Corner Bakery']);
    const back = packFromSheet(split.sheet, split.campaignFile, { now });
    expect(back.ok).toBe(true);
    expect(back.pack.campaigns[0]!.participants[0]!.accounts.map((a) => a.handle)).toEqual([
      'cornerbakery',
      'CornerBakeryLondon',
    ]);
  });

  it('refuses packs of several campaigns and things that are not packs', () => {
    expect(sheetFromPack(read('packs/stophateforprofit-2020.json'))).toBeNull();
    expect(sheetFromPack('pack')).toBeNull();
    expect(sheetFromPack({ campaigns: [] })).toBeNull();
  });
});
