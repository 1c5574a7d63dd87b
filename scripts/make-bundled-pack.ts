// Builds packs/stophateforprofit-2020.json from the research dataset (../shared/research/campaign-facts.json).
// Run: npx tsx scripts/make-bundled-pack.ts [FACTS.json] [OUT.json]
// The output is committed, so building the extension never needs ../shared; this script is kept so the
// pack can be regenerated (and reviewed) when the research changes.
//
// Selection rules (documented in docs/packs.md):
// - participants marked `verified` or `medium`; never `low` ("do not badge");
// - accounts only for handles given with `high` (→ `verified`) or `medium` (→ `likely`: "general
//   knowledge, not re-verified") confidence, never a stale handle (STALE_HANDLES), and `likely` with
//   a `holder` when a brand of the participant runs the account (HOLDERS); a participant left
//   without any account cannot be in a v1 pack (accounts ≥ 1) and is counted as "skipped";
// - one participant per announcement: a research entry covered by another's (MERGED_INTO) adds its
//   accounts there;
// - coalition organisations with such a handle are listed as participants too (role organizer for the
//   founding six, coalition-member for those who joined later), because their own accounts carried the
//   campaign;
// - only https sources: an http-only source is dropped rather than guessed at an https address;
//   every source has a reviewed kind (bundled-pack/source-kinds.ts), and every list of sources is
//   strongest first;
// - every text the reader sees (titles, summaries, demands) is written in our own words, no stronger
//   than its sources (bundled-pack/wording.ts, bundled-pack/participants.ts);
// - the result must pass the validator and every evidence rule without a warning.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkEvidence } from '../core/pack/evidence-rules';
import type { Pack } from '../core/pack/types';
import { packStats, validatePack } from '../core/pack/validate';
import { formatIssues } from '../core/pack/validate-issues';
import { buildCampaign } from './bundled-pack/build-campaign';
import { noneSkipped, type BuildContext } from './bundled-pack/build-participants';
import { readResearch } from './bundled-pack/research';
import {
  AD_PAUSE,
  FREEZE,
  SEPTEMBER_CATEGORIES,
  SEPTEMBER_DEMANDS,
  TEN_RECOMMENDATION_CATEGORIES,
  TEN_RECOMMENDATIONS,
} from './bundled-pack/wording';

const repoRoot = resolve(import.meta.dirname, '..');
const factsPath = resolve(
  process.argv[2] ?? resolve(repoRoot, '../shared/research/campaign-facts.json'),
);
const outPath = resolve(process.argv[3] ?? resolve(repoRoot, 'packs/stophateforprofit-2020.json'));

const context: BuildContext = { research: readResearch(factsPath), skipped: noneSkipped() };

const pack: Pack = {
  format: 'picket-pack/1',
  id: 'stophateforprofit-2020',
  version: 2,
  updatedAt: '2026-12-07',
  publisher: {
    name: 'Picket',
    // A placeholder the build replaces (PICKET_CORRECTIONS); see docs/packs.md.
    corrections: 'https://picket.invalid/corrections',
  },
  campaigns: [
    buildCampaign(
      context,
      AD_PAUSE,
      {
        name: '#StopHateForProfit: July 2020 advertiser pause',
        summary:
          'A coalition of civil-rights groups asked companies to stop buying ads on Facebook and Instagram for July 2020 until Facebook did more against hate and misinformation. Hundreds of companies paused, on different terms: some only in the US, some worldwide, some for longer, and a few said they were pausing without formally joining.',
        target: 'Facebook, Inc. (advertising on Facebook and Instagram)',
      },
      ['D-2020-next-steps', TEN_RECOMMENDATIONS, TEN_RECOMMENDATION_CATEGORIES, 'recommendation'],
    ),
    buildCampaign(
      context,
      FREEZE,
      {
        name: '#StopHateForProfit: Week of Action and Instagram freeze',
        summary:
          'In the week of 14 September 2020 the same coalition asked people to post daily about the harm done on Facebook, and on Wednesday 16 September to post one message and then stay off Instagram for 24 hours. Many well-known accounts said they would take part.',
        target: 'Facebook, Inc. (through its Instagram platform)',
      },
      ['D-2020-09-demand-change', SEPTEMBER_DEMANDS, SEPTEMBER_CATEGORIES, 'september'],
    ),
  ],
};

const result = validatePack(pack);
if (!result.ok) {
  console.error(`The generated pack is invalid:\n${formatIssues(result.issues)}`);
  process.exit(1);
}
const evidence = checkEvidence(result.pack);
if (evidence.findings.length > 0) {
  console.error('The generated pack breaks evidence rules:');
  for (const f of evidence.findings) console.error(`  ${f.level}: ${f.path}: ${f.message}`);
  process.exit(1);
}
writeFileSync(outPath, JSON.stringify(pack, null, 2) + '\n');
const stats = packStats(result.pack);
const sourceCount = pack.campaigns.reduce((n, c) => n + c.sources.length, 0);
console.log(
  `Wrote ${outPath}: ${stats.campaigns} campaigns, ${stats.participants} participants, ` +
    `${stats.accounts} accounts, ${stats.events} events, ${sourceCount} sources.`,
);
console.log(`Left out: ${context.skipped.low.size} participant entries marked low;`);
console.log(
  `  ${context.skipped.noHandle.size} without a high/medium handle: ${[...context.skipped.noHandle].join(', ')};`,
);
console.log(`  stale handles: ${[...context.skipped.stale].join(', ')};`);
console.log(`  http-only sources dropped: ${context.research.droppedHttpSources.join(', ')}.`);
