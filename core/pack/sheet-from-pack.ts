// An existing pack back into the builder's two parts: the campaign file (the pack without its
// participants, sources kept by id) and a spreadsheet of the participants that packFromSheet reads
// back into the same participants. What the sheet has no column for is named, not silently lost.
import { formatDelimited } from '../csv';
import { SHEET_COLUMNS, isObject, type ColumnKey } from './sheet-columns';
import type { Account, Action, Participant } from './types';

export interface SplitPack {
  /** The pack with an empty participant list: what the builder's forms edit. */
  campaignFile: Record<string, unknown>;
  /** The participants as CSV with the documented header. */
  sheet: string;
  /** How many participants the pack had. */
  participants: number;
  /**
   * Names of participants with details the sheet cannot hold: account holders, `x-` keys, a
   * Facebook account with both a page name and a numeric id (it comes back as two accounts).
   */
  notKept: string[];
}

const ORDER = Object.keys(SHEET_COLUMNS) as ColumnKey[];

type Cells = Partial<Record<ColumnKey, string>>;

/** A citation row: an action with one of its sources, or a source of the participant's own. */
interface Citation {
  action?: Action;
  source: string;
}

function accountCell(account: Account): string[] {
  if (account.platform === 'instagram') return [account.handle ?? ''];
  return [account.handle, account.numericId].filter((v): v is string => v !== undefined);
}

/** Accounts grouped by their confidence: one row per group, as a row gives one confidence. */
function accountGroups(
  accounts: readonly Account[],
): { confidence: string; accounts: Account[] }[] {
  const groups = new Map<string, Account[]>();
  for (const account of accounts) {
    const key = account.confidence ?? '';
    groups.set(key, [...(groups.get(key) ?? []), account]);
  }
  return [...groups].map(([confidence, list]) => ({ confidence, accounts: list }));
}

function citations(participant: Participant): Citation[] {
  const rows: Citation[] = [];
  const cited = new Set<string>();
  for (const action of participant.actions ?? [])
    for (const source of action.sources) {
      rows.push({ action, source });
      cited.add(source);
    }
  for (const source of participant.sources) if (!cited.has(source)) rows.push({ source });
  return rows;
}

/** The rows of one participant: they share its id, so packFromSheet joins them again. */
function participantRows(participant: Participant, urlOf: (id: string) => string): Cells[] {
  const groups = accountGroups(participant.accounts);
  const cites = citations(participant);
  const count = Math.max(groups.length, cites.length, 1);
  const rows: Cells[] = [];
  for (let i = 0; i < count; i++) {
    const group = groups[i];
    const cite = cites[i] ?? { source: participant.sources[0] ?? '' };
    const of = (platform: Account['platform']) =>
      (group?.accounts ?? []).filter((a) => a.platform === platform).flatMap(accountCell);
    rows.push({
      name: participant.name,
      id: participant.id,
      ...(i === 0 && {
        kind: participant.kind,
        role: participant.role,
        status: participant.status,
        relation: participant.relation,
      }),
      instagram: of('instagram').join(', '),
      facebook: of('facebook').join(', '),
      confidence: group?.confidence,
      action: cite.action?.summary,
      actionDate: cite.action?.date,
      actionEvent: cite.action?.event,
      sourceUrl: urlOf(cite.source),
    });
  }
  return rows;
}

const keepsMore = (participant: Participant) =>
  participant.accounts.some(
    (a) => a.holder !== undefined || (a.handle !== undefined && a.numericId !== undefined),
  ) ||
  [participant, ...participant.accounts, ...(participant.actions ?? [])].some((object) =>
    Object.keys(object).some((key) => key.startsWith('x-')),
  );

/**
 * Splits a parsed pack of one campaign; null when it has none or several (the builder makes packs
 * of one campaign, as pack:from-csv does).
 */
export function sheetFromPack(pack: unknown): SplitPack | null {
  if (!isObject(pack) || !Array.isArray(pack.campaigns) || pack.campaigns.length !== 1) return null;
  const campaign: unknown = pack.campaigns[0];
  if (!isObject(campaign)) return null;
  const participants = (Array.isArray(campaign.participants) ? campaign.participants : []).filter(
    isObject,
  ) as unknown as Participant[];
  const sources = (Array.isArray(campaign.sources) ? campaign.sources : []).filter(isObject);
  const urls = new Map(sources.map((s) => [String(s.id), String(s.url ?? '')] as const));
  const urlOf = (id: string) => urls.get(id) ?? '';
  const records = [ORDER.map((key) => SHEET_COLUMNS[key])];
  for (const participant of participants)
    for (const row of participantRows(participant, urlOf))
      records.push(ORDER.map((key) => row[key] ?? ''));
  return {
    campaignFile: { ...pack, campaigns: [{ ...campaign, participants: [] }] },
    sheet: formatDelimited(records) + '\r\n',
    participants: participants.length,
    notKept: participants.filter(keepsMore).map((p) => p.name),
  };
}
