// The pack checker's evidence rules, on the full sample pack changed one rule at a time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvidence } from '../../../core/pack/evidence-rules';
import { validatePack } from '../../../core/pack/validate';
import { formatIssues } from '../../../core/pack/validate-issues';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- samples are changed freely
type Loose = any;
const fullText = readFileSync(
  resolve(import.meta.dirname, '../../data/packs/good-full.json'),
  'utf8',
);
const P0 = '/campaigns/0/participants/0';
const P1 = '/campaigns/0/participants/1';

/** The findings for the full sample pack after `change`, as `level path: message` lines. */
function findingsAfter(change: (pack: Loose) => void, limit?: number): string[] {
  const pack = JSON.parse(fullText) as Loose;
  change(pack);
  const result = validatePack(pack);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  const report = checkEvidence(result.pack, limit);
  expect(report.errors + report.warnings).toBeGreaterThanOrEqual(report.findings.length);
  return report.findings.map((f) => `${f.level} ${f.path}: ${f.message}`);
}

const THIN =
  'listed, not badged: only lists/aggregators/blogs cite it (give it an own statement or a major outlet, or mark it "relation": "listed")';

describe('checkEvidence', () => {
  it('finds nothing in a pack that states every kind, confidence and date', () => {
    expect(findingsAfter(() => {})).toEqual([]);
  });

  it('warns when only lists, aggregators or blogs cite a participant not marked listed', () => {
    const thin = (p: Loose) => (p.campaigns[0].sources[0].kind = 'other');
    expect(findingsAfter(thin)).toEqual([`warning ${P0}: ${THIN}`]);
    // Marked `listed`, it is shown unbadged on purpose: nothing to warn about.
    expect(
      findingsAfter((p) => {
        thin(p);
        p.campaigns[0].participants[0].relation = 'listed';
      }),
    ).toEqual([]);
    // An action's strong source is enough.
    expect(
      findingsAfter((p) => {
        thin(p);
        p.campaigns[0].participants[0].actions[0].sources = ['S2'];
      }),
    ).toEqual([]);
  });

  it('warns about sources of no kind, and about a badge resting only on them', () => {
    expect(
      findingsAfter((p) => {
        for (const source of p.campaigns[0].sources) delete source.kind;
      }),
    ).toEqual([
      'warning /campaigns/0/sources/0: no kind (own-statement, major-outlet or other)',
      'warning /campaigns/0/sources/1: no kind (own-statement, major-outlet or other)',
      `warning ${P0}: badged on sources of no stated kind: a badge needs an own statement or a major outlet among its sources (give each source a "kind")`,
      `warning ${P1}: badged on sources of no stated kind: a badge needs an own statement or a major outlet among its sources (give each source a "kind")`,
    ]);
  });

  it('refuses one account under two participants, or twice under one, as an error', () => {
    expect(
      findingsAfter((p) => {
        const [ana, bakery] = p.campaigns[0].participants;
        bakery.accounts.push({
          platform: 'instagram',
          handle: 'Ana.Tenant_1',
          confidence: 'likely',
        });
        bakery.accounts.push({
          platform: 'facebook',
          numericId: '1000123456789',
          confidence: 'likely',
        });
        ana.accounts.push({
          platform: 'facebook',
          handle: 'ANA.TENANT.PAGE',
          confidence: 'likely',
        });
      }),
    ).toEqual([
      `error ${P0}/accounts/2: the same account (facebook anatenantpage) as ${P0}/accounts/1: list each account once, under one participant`,
      `error ${P1}/accounts/1: the same account (instagram ana.tenant_1) as ${P0}/accounts/0: list each account once, under one participant`,
      `error ${P1}/accounts/2: the same account (facebook id:1000123456789) as ${P0}/accounts/1: list each account once, under one participant`,
    ]);
    // Facebook compares page names without case or dots, so the checker does too.
    // The same handle on the other platform is another account.
    expect(
      findingsAfter((p) =>
        p.campaigns[0].participants[1].accounts.push({
          platform: 'instagram',
          handle: 'ana.tenant.page',
          confidence: 'likely',
        }),
      ),
    ).toEqual([]);
  });

  it('warns when two participants report the same action (one announcement counted twice)', () => {
    const same = { event: 'strike-day', summary: 'Withheld rent', date: '2026-12-01' };
    expect(
      findingsAfter((p) => {
        p.campaigns[0].participants[1].actions = [{ ...same, sources: ['S1', 'S1'] }];
      }),
    ).toEqual([
      `warning ${P1}/actions/0: the same action (summary, date and sources) as ${P0}/actions/0: one announcement counted twice? Make it one participant with both accounts`,
    ]);
    // Other sources, another day, or the same participant twice: no warning.
    for (const change of [
      (p: Loose) => (p.campaigns[0].participants[1].actions = [{ ...same, sources: ['S2'] }]),
      (p: Loose) =>
        (p.campaigns[0].participants[1].actions = [
          { ...same, date: '2026-12-02', sources: ['S1'] },
        ]),
      (p: Loose) => p.campaigns[0].participants[0].actions.push({ ...same, sources: ['S1'] }),
    ])
      expect(findingsAfter(change)).toEqual([]);
  });

  it('warns about an action without a date unless its event gives one', () => {
    expect(findingsAfter((p) => delete p.campaigns[0].participants[0].actions[0].date)).toEqual([]);
    expect(
      findingsAfter((p) => {
        const action = p.campaigns[0].participants[0].actions[0];
        delete action.date;
        delete action.event;
      }),
    ).toEqual([`warning ${P0}/actions/0: no date (and no event that gives one)`]);
  });

  it('warns about an account without a confidence', () => {
    expect(
      findingsAfter((p) => delete p.campaigns[0].participants[1].accounts[0].confidence),
    ).toEqual([`warning ${P1}/accounts/0: no confidence (verified or likely): read as verified`]);
  });

  it('lists the first findings of each level and counts them all', () => {
    const pack = JSON.parse(fullText) as Loose;
    const accounts = Array.from({ length: 250 }, (_, i) => ({
      platform: 'instagram',
      handle: `user_${i}`,
    }));
    pack.campaigns[0].participants[1].accounts = [...accounts, ...accounts.slice(0, 120)];
    const result = validatePack(pack);
    if (!result.ok) throw new Error(formatIssues(result.issues));
    const report = checkEvidence(result.pack, 100);
    expect(report.errors).toBe(120);
    expect(report.warnings).toBe(370);
    expect(report.findings.filter((f) => f.level === 'error')).toHaveLength(100);
    expect(report.findings.filter((f) => f.level === 'warning')).toHaveLength(100);
  });
});
