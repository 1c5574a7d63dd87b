// The pack checker's rules about evidence: is every claim backed as strongly as its badge needs,
// is each announcement counted once, does every account, source and action say what it should.
// A valid pack may still break them (packs written before these fields existed do), so the
// validator proper never applies them; `npm run pack:check` reports them with their JSON paths.
import { facebookIdKey, facebookVanityKey, instagramKey } from '../accounts';
import { citedSourceIds, isBadgeable } from './evidence';
import type { Account, Campaign, Pack, Participant } from './types';

/** `error`: the pack should not be published as it is; `warning`: worth a look, may be intended. */
export type FindingLevel = 'error' | 'warning';

export interface EvidenceFinding {
  level: FindingLevel;
  path: string;
  message: string;
}

export interface EvidenceReport {
  /** The first `limit` findings of each level, in pack order. */
  findings: EvidenceFinding[];
  errors: number;
  warnings: number;
}

/** The keys an account is looked up by (a Facebook page may have a name and a numeric id). */
function lookupKeys(account: Account): string[] {
  if (account.platform === 'instagram') {
    const key = account.handle === undefined ? null : instagramKey(account.handle);
    return key ? [`instagram ${key}`] : [];
  }
  const keys: string[] = [];
  const vanity = account.handle === undefined ? null : facebookVanityKey(account.handle);
  const id = account.numericId === undefined ? null : facebookIdKey(account.numericId);
  if (vanity) keys.push(`facebook ${vanity}`);
  if (id) keys.push(`facebook ${id}`);
  return keys;
}

class Findings {
  readonly report: EvidenceReport = { findings: [], errors: 0, warnings: 0 };
  constructor(private readonly limit: number) {}

  add(level: FindingLevel, path: string, message: string): void {
    const count = level === 'error' ? ++this.report.errors : ++this.report.warnings;
    if (count <= this.limit) this.report.findings.push({ level, path, message });
  }
}

function checkParticipant(
  findings: Findings,
  campaign: Campaign,
  participant: Participant,
  at: string,
  sourcesById: ReadonlyMap<string, Campaign['sources'][number]>,
): void {
  const kinds = citedSourceIds(participant).map((id) => sourcesById.get(id)?.kind);
  const strong = kinds.some((kind) => kind === 'own-statement' || kind === 'major-outlet');
  if (!isBadgeable(participant, sourcesById)) {
    // Intended when the publisher says the participant is only listed: the popup shows it so.
    if (participant.relation !== 'listed')
      findings.add(
        'warning',
        at,
        'listed, not badged: only lists/aggregators/blogs cite it ' +
          '(give it an own statement or a major outlet, or mark it "relation": "listed")',
      );
  } else if (!strong) {
    findings.add(
      'warning',
      at,
      'badged on sources of no stated kind: a badge needs an own statement or a major outlet ' +
        'among its sources (give each source a "kind")',
    );
  }
  const eventStart = new Map((campaign.events ?? []).map((event) => [event.id, event.start]));
  (participant.actions ?? []).forEach((action, j) => {
    const date =
      action.date ?? (action.event === undefined ? undefined : eventStart.get(action.event));
    if (date === undefined)
      findings.add('warning', `${at}/actions/${j}`, 'no date (and no event that gives one)');
  });
  participant.accounts.forEach((account, k) => {
    if (account.confidence === undefined)
      findings.add(
        'warning',
        `${at}/accounts/${k}`,
        'no confidence (verified or likely): read as verified',
      );
  });
}

function checkCampaign(findings: Findings, campaign: Campaign, at: string): void {
  const sourcesById = new Map(campaign.sources.map((source) => [source.id, source]));
  campaign.sources.forEach((source, k) => {
    if (source.kind === undefined)
      findings.add(
        'warning',
        `${at}/sources/${k}`,
        'no kind (own-statement, major-outlet or other)',
      );
  });
  const accountAt = new Map<string, string>();
  const actionAt = new Map<string, { participant: number; path: string }>();
  campaign.participants.forEach((participant, i) => {
    const path = `${at}/participants/${i}`;
    checkParticipant(findings, campaign, participant, path, sourcesById);
    participant.accounts.forEach((account, k) => {
      for (const key of lookupKeys(account)) {
        const first = accountAt.get(key);
        if (first === undefined) accountAt.set(key, `${path}/accounts/${k}`);
        else
          findings.add(
            'error',
            `${path}/accounts/${k}`,
            `the same account (${key}) as ${first}: list each account once, under one participant`,
          );
      }
    });
    (participant.actions ?? []).forEach((action, j) => {
      // One announcement reported for two participants reads as two; the same words, day and
      // sources are the sign of it.
      const signature = [action.summary, action.date ?? '', action.event ?? '']
        .concat([...new Set(action.sources)].sort())
        .join('\u0000');
      const first = actionAt.get(signature);
      if (first === undefined)
        actionAt.set(signature, { participant: i, path: `${path}/actions/${j}` });
      else if (first.participant !== i)
        findings.add(
          'warning',
          `${path}/actions/${j}`,
          `the same action (summary, date and sources) as ${first.path}: ` +
            'one announcement counted twice? Make it one participant with both accounts',
        );
    });
  });
}

/**
 * Every evidence rule over a valid pack. Errors: one account listed twice in a campaign.
 * Warnings: a participant not badged for thin evidence without being marked `listed`, a badge
 * resting on sources of no stated kind, the same action under two participants, a source with no
 * kind, an action with no date, an account with no confidence.
 */
export function checkEvidence(pack: Pack, limit = 100): EvidenceReport {
  const findings = new Findings(limit);
  pack.campaigns.forEach((campaign, c) => checkCampaign(findings, campaign, `/campaigns/${c}`));
  return findings.report;
}
