import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACEBOOK_NUMERIC_ID, FACEBOOK_VANITY, INSTAGRAM_USERNAME } from '../../../core/accounts';
import { formatIssues, packStats, validatePackText } from '../../../core/pack/validate';
import type { Pack } from '../../../core/pack/types';

const repoRoot = resolve(import.meta.dirname, '../../..');
const packText = readFileSync(resolve(repoRoot, 'packs/stophateforprofit-2020.json'), 'utf8');
const factsPath = resolve(repoRoot, '../shared/research/campaign-facts.json');

function loadPack(): Pack {
  const result = validatePackText(packText);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.pack;
}

// The numbers the committed pack was generated with (scripts/make-bundled-pack.ts).
const COMMITTED = { campaigns: 2, participants: 55, accounts: 59, events: 23 };

describe('bundled pack stophateforprofit-2020', () => {
  it('is a valid v1 pack with the expected identity', () => {
    const pack = loadPack();
    expect(pack.id).toBe('stophateforprofit-2020');
    expect(pack.publisher.corrections).toBe('https://github.com/picket-extension/packs/issues');
    expect(pack.campaigns.map((c) => c.id)).toEqual([
      'shfp-2020-ad-pause',
      'shfp-2020-week-of-action-freeze',
    ]);
  });

  it('resolves every source reference, including those in x-sources', () => {
    for (const campaign of loadPack().campaigns) {
      const ids = new Set(campaign.sources.map((s) => s.id));
      const refs: unknown[] = [...((campaign['x-sources'] as unknown[]) ?? [])];
      for (const p of campaign.participants) {
        expect(p.sources.length).toBeGreaterThan(0);
        refs.push(...p.sources);
        for (const action of p.actions ?? []) refs.push(...action.sources);
      }
      for (const e of campaign.events ?? []) refs.push(...((e['x-sources'] as unknown[]) ?? []));
      for (const d of campaign.demands ?? []) refs.push(...((d['x-sources'] as unknown[]) ?? []));
      for (const ref of refs) expect(ids.has(ref as string), `${campaign.id}: ${ref}`).toBe(true);
      // Only referenced sources are listed.
      expect(new Set(refs)).toEqual(ids);
      for (const source of campaign.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('has only valid handles and the facts the UI relies on', () => {
    for (const campaign of loadPack().campaigns) {
      const eventIds = new Set((campaign.events ?? []).map((e) => e.id));
      for (const p of campaign.participants) {
        for (const a of p.accounts) {
          if (a.platform === 'instagram') expect(a.handle).toMatch(INSTAGRAM_USERNAME);
          else
            expect(a.handle ?? a.numericId).toMatch(
              a.handle ? FACEBOOK_VANITY : FACEBOOK_NUMERIC_ID,
            );
        }
        expect(p.actions?.length).toBeGreaterThan(0);
        for (const action of p.actions ?? []) {
          if (action.event) expect(eventIds.has(action.event)).toBe(true);
        }
        if (p.role === 'advertiser') expect(p.status).toBe('paused-ads');
      }
    }
    const freeze = loadPack().campaigns[1]!.events!.find((e) => e.id === 'freeze-day')!;
    expect(freeze).toMatchObject({
      kind: 'boycott',
      start: '2020-09-16',
      timeZone: 'America/New_York',
    });
  });

  it('keeps the "not formally joining" nuance in the advertisers\' summaries', () => {
    const adPause = loadPack().campaigns[0]!;
    const summaryOf = (name: RegExp) =>
      adPause.participants.find((p) => name.test(p.name))?.actions?.[0]?.summary ?? '';
    for (const name of [/Coca-Cola/, /Starbucks/, /Microsoft/]) {
      expect(summaryOf(name)).toMatch(/not formally joining/);
    }
    expect(summaryOf(/Patagonia/)).not.toMatch(/not formally/);
  });

  it('has the ten June recommendations and the seven September demands, with categories', () => {
    const [adPause, freeze] = loadPack().campaigns;
    expect(adPause!.demands).toHaveLength(10);
    expect(freeze!.demands).toHaveLength(7);
    for (const d of [...adPause!.demands!, ...freeze!.demands!]) expect(d.category).toBeTruthy();
    expect(adPause!.coalition).toHaveLength(9);
    expect(freeze!.coalition).toHaveLength(9);
  });

  const haveFacts = existsSync(factsPath);
  if (!haveFacts)
    console.log(`campaign-facts.json not found at ${factsPath}: checking committed counts only`);

  it('counts match the committed numbers', () => {
    expect(packStats(loadPack())).toEqual(COMMITTED);
  });

  it.skipIf(!haveFacts)('counts match an independent recount from campaign-facts.json', () => {
    type Handle = { handle: string | null; confidence: string | null } | null;
    interface Entry {
      id: string;
      campaign_ids?: string[];
      verification?: string;
      instagram: Handle;
      facebook: Handle;
    }
    const facts = JSON.parse(readFileSync(factsPath, 'utf8')) as {
      participants: Entry[];
      organizations: Entry[];
      events: { date: string; campaign_id: string | null }[];
      demands: { id: string; items: unknown[] }[];
    };
    const trusted = (h: Handle) => !!h?.handle && ['high', 'medium'].includes(h.confidence ?? '');
    const handles = (e: Entry) => Number(trusted(e.instagram)) + Number(trusted(e.facebook));
    const campaigns = ['shfp-2020-ad-pause', 'shfp-2020-week-of-action-freeze'];
    let participants = 0;
    let accounts = 0;
    const pack = loadPack();
    for (const [i, campaignId] of campaigns.entries()) {
      const people = facts.participants.filter(
        (p) => p.campaign_ids?.includes(campaignId) && p.verification !== 'low' && handles(p) > 0,
      );
      // The coalition organisations with a handle are in both campaigns.
      const organisations = facts.organizations.filter((o) => handles(o) > 0);
      const inCampaign = people.length + organisations.length;
      expect(pack.campaigns[i]!.participants).toHaveLength(inCampaign);
      participants += inCampaign;
      accounts += [...people, ...organisations].reduce((n, e) => n + handles(e), 0);
      // No participant marked low made it in.
      const low = new Set(
        facts.participants.filter((p) => p.verification === 'low').map((p) => p.id.toLowerCase()),
      );
      for (const p of pack.campaigns[i]!.participants) expect(low.has(p.id)).toBe(false);
    }
    const events = facts.events.filter(
      (e) => campaigns.includes(e.campaign_id ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(e.date),
    ).length;
    expect(packStats(pack)).toEqual({ campaigns: 2, participants, accounts, events });
    expect(facts.demands.find((d) => d.id === 'D-2020-next-steps')!.items).toHaveLength(10);
    expect(facts.demands.find((d) => d.id === 'D-2020-09-demand-change')!.items).toHaveLength(7);
  });
});
