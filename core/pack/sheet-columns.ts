// The spreadsheet's columns and cell values: the documented header, how header text and fixed
// values are read, accounts from cells, and the drafts a conversion builds (core/pack/spreadsheet.ts).
import type { Account, Action, Source } from './types';

/** One problem: at a spreadsheet row (and column), or at a JSON path of the campaign file. */
export interface SheetProblem {
  /** The spreadsheet row, 1 being the header. */
  row?: number;
  /** The column's header as written in the spreadsheet. */
  column?: string;
  /** A JSON Pointer into the campaign file, when the problem is there. */
  path?: string;
  message: string;
}

export type ColumnKey =
  | 'id'
  | 'name'
  | 'kind'
  | 'role'
  | 'status'
  | 'relation'
  | 'instagram'
  | 'facebook'
  | 'confidence'
  | 'action'
  | 'actionDate'
  | 'actionEvent'
  | 'sourceUrl'
  | 'sourcePublisher'
  | 'sourceTitle'
  | 'sourceDate'
  | 'sourceKind';

/** The documented header, in order: what a template starts with. */
export const SHEET_COLUMNS: Readonly<Record<ColumnKey, string>> = {
  name: 'name',
  id: 'id',
  kind: 'kind',
  role: 'role',
  status: 'status',
  relation: 'relation',
  instagram: 'instagram',
  facebook: 'facebook',
  confidence: 'confidence',
  action: 'action',
  actionDate: 'action date',
  actionEvent: 'action event',
  sourceUrl: 'source url',
  sourcePublisher: 'source publisher',
  sourceTitle: 'source title',
  sourceDate: 'source date',
  sourceKind: 'source kind',
};

export const ALIASES: Readonly<Record<string, ColumnKey>> = {
  url: 'sourceUrl',
  publisher: 'sourcePublisher',
  title: 'sourceTitle',
  date: 'sourceDate',
};

export const headerKey = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');
export const KNOWN = new Map<string, ColumnKey>([
  ...Object.entries(SHEET_COLUMNS).map(
    ([key, name]) => [headerKey(name), key as ColumnKey] as const,
  ),
  ...Object.entries(ALIASES),
]);

/** Fixed values as the format writes them: `Took part` → `took-part`. */
export const fixedValue = (text: string) => text.toLowerCase().replace(/[\s_]+/g, '-');

/** Cells of several accounts: commas, semicolons or line breaks (none occurs in a username). */
export const splitAccounts = (text: string) =>
  text
    .split(/[,;\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export const INSTAGRAM_LINK = /^(?:https?:\/\/)?(?:www\.|m\.)?instagram\.com\/([^/?#]+)/i;
export const FACEBOOK_LINK =
  /^(?:https?:\/\/)?(?:www\.|m\.|web\.)?facebook\.com\/([^?#]*)(?:\?([^#]*))?/i;
export const DIGITS = /^[0-9]+$/;

export function instagramAccount(cell: string): Account {
  const link = INSTAGRAM_LINK.exec(cell);
  return { platform: 'instagram', handle: link ? link[1]! : cell.replace(/^@/, '') };
}

export function facebookAccount(cell: string): Account {
  const link = FACEBOOK_LINK.exec(cell);
  let value = cell.replace(/^@/, '');
  if (link) {
    const path = link[1]!.replace(/\/+$/, '');
    const id = /(?:^|&)id=([0-9]+)/.exec(link[2] ?? '')?.[1];
    if (path === 'profile.php' && id) return { platform: 'facebook', numericId: id };
    value = path.split('/')[0] ?? '';
  }
  return DIGITS.test(value)
    ? { platform: 'facebook', numericId: value }
    : { platform: 'facebook', handle: value };
}

export const accountKey = (account: Account) =>
  `${account.platform}:${account.handle?.toLowerCase() ?? `id:${account.numericId ?? ''}`}`;

/** Where a value came from. */
export interface Cell {
  row: number;
  column: ColumnKey;
}

export type ParticipantField = 'id' | 'name' | 'kind' | 'role' | 'status' | 'relation';

export interface ParticipantDraft {
  key: string;
  /** The name as its first row wrote it. */
  name: string;
  firstRow: number;
  fields: Partial<Record<ParticipantField, { value: string; cell: Cell }>>;
  accounts: { account: Account; cell: Cell; confidence?: { value: string; cell: Cell } }[];
  actions: { action: Action; row: number }[];
  /** Source ids, each with the row that cited it first. */
  sources: { id: string; row: number }[];
}

export interface SourceDraft {
  source: Source;
  row: number;
  /** Which row gave each field, to name both rows in a conflict. */
  givenBy: Partial<Record<ColumnKey, number>>;
}

export interface Row {
  row: number;
  values: Partial<Record<ColumnKey, string>>;
  accounts: { account: Account; cell: Cell }[];
}

export const PARTICIPANT_FIELDS: ParticipantField[] = [
  'id',
  'name',
  'kind',
  'role',
  'status',
  'relation',
];
export const FIXED_VALUE_COLUMNS = new Set<ColumnKey>([
  'kind',
  'role',
  'status',
  'relation',
  'confidence',
  'sourceKind',
]);
export const SOURCE_FIELDS: [ColumnKey, 'publisher' | 'title' | 'date' | 'kind'][] = [
  ['sourcePublisher', 'publisher'],
  ['sourceTitle', 'title'],
  ['sourceDate', 'date'],
  ['sourceKind', 'kind'],
];

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `rent strike 2026` → `rent-strike-2026`; letters with accents lose them. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 56)
    .replace(/^-+|-+$/g, '');
}

export const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
