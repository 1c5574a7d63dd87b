// A campaign pack from a spreadsheet of participants (CSV or TSV) plus a campaign file, with every
// problem pointing at the spreadsheet's row and column. Pure, so the builder page and the
// `pack:from-csv` command share it.
//
// The spreadsheet. Row 1 is the header; its names are matched ignoring case, spaces, `_` and `-`:
//   name            the participant's name (required in every row)
//   id              optional; the participant's id in the pack (else made from the name)
//   kind            person, brand or organization
//   role            participant, advertiser, organizer or coalition member
//   status          optional: took part, announced, paused ads, resumed or withdrew
//   relation        optional: joined, aligned or listed
//   instagram       Instagram usernames (`name`, `@name` or a profile link)
//   facebook        Facebook page names or numeric ids (or a profile link)
//   confidence      optional, for this row's accounts: verified or likely
//   action          optional: what the participant did, in a few words
//   action date     optional: when (YYYY-MM-DD)
//   action event    optional: the id of one of the campaign's events
//   source url      the https:// address of the source for this row (required in every row)
//   source publisher, source title, source date, source kind (own statement, major outlet, other)
// Also read: `url`, `publisher`, `title` and `date` for the source columns. Columns whose name
// starts with `x-` are the organiser's own and are left out of the pack. Several accounts of one
// platform go in one cell, separated by commas. Words in fixed-value columns may be written with
// spaces and capitals ("Took part", "Own statement").
//
// One row per participant and source. Rows with the same id, or (without an id) the same name and
// the same accounts, are one participant: each adds its source, and its action if it has one. A row
// without accounts adds to the participant of that name (or id). A value repeated in such rows may
// be left blank; a different value is a problem. Rows citing the same source URL share one source.
//
// The campaign file is a pack (docs/packs.md) whose one campaign has no participants: `format` and
// `updatedAt` may be left out (updatedAt becomes the time of conversion). Its sources stay first;
// a spreadsheet row citing one of their URLs cites that source.
//
// The result is checked by the pack validator and by pack:check's evidence rules, and each problem
// they find is traced back to the row and column the value came from (or to the campaign file's
// JSON path). The evidence rules' errors are problems; their warnings are listed apart and do not
// stop the pack (a sheet without "confidence" and "source kind" columns gets one for each value).
import { detectDelimiter, parseDelimited } from '../csv';
import {
  PACK_FORMAT,
  type Account,
  type Action,
  type Pack,
  type Participant,
  type Source,
} from './types';
import { checkEvidence } from './evidence-rules';
import { validatePack } from './validate';

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

export interface SheetResult {
  /** No problems: the pack may be written. Warnings do not stop it. */
  ok: boolean;
  /** The pack, also when there are problems (the builder page previews it). */
  pack: Pack;
  problems: SheetProblem[];
  /** What pack:check's evidence rules would warn about, traced the same way (the first 100). */
  warnings: SheetProblem[];
  /** All warnings, also those beyond the first 100. */
  warningCount: number;
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

const ALIASES: Readonly<Record<string, ColumnKey>> = {
  url: 'sourceUrl',
  publisher: 'sourcePublisher',
  title: 'sourceTitle',
  date: 'sourceDate',
};

const headerKey = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');
const KNOWN = new Map<string, ColumnKey>([
  ...Object.entries(SHEET_COLUMNS).map(
    ([key, name]) => [headerKey(name), key as ColumnKey] as const,
  ),
  ...Object.entries(ALIASES),
]);

/** Fixed values as the format writes them: `Took part` → `took-part`. */
const fixedValue = (text: string) => text.toLowerCase().replace(/[\s_]+/g, '-');

/** Cells of several accounts: commas, semicolons or line breaks (none occurs in a username). */
const splitAccounts = (text: string) =>
  text
    .split(/[,;\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

const INSTAGRAM_LINK = /^(?:https?:\/\/)?(?:www\.|m\.)?instagram\.com\/([^/?#]+)/i;
const FACEBOOK_LINK = /^(?:https?:\/\/)?(?:www\.|m\.|web\.)?facebook\.com\/([^?#]*)(?:\?([^#]*))?/i;
const DIGITS = /^[0-9]+$/;

function instagramAccount(cell: string): Account {
  const link = INSTAGRAM_LINK.exec(cell);
  return { platform: 'instagram', handle: link ? link[1]! : cell.replace(/^@/, '') };
}

function facebookAccount(cell: string): Account {
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

const accountKey = (account: Account) =>
  `${account.platform}:${account.handle?.toLowerCase() ?? `id:${account.numericId ?? ''}`}`;

/** Where a value came from. */
interface Cell {
  row: number;
  column: ColumnKey;
}

type ParticipantField = 'id' | 'name' | 'kind' | 'role' | 'status' | 'relation';

interface ParticipantDraft {
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

interface SourceDraft {
  source: Source;
  row: number;
  /** Which row gave each field, to name both rows in a conflict. */
  givenBy: Partial<Record<ColumnKey, number>>;
}

interface Row {
  row: number;
  values: Partial<Record<ColumnKey, string>>;
  accounts: { account: Account; cell: Cell }[];
}

const PARTICIPANT_FIELDS: ParticipantField[] = ['id', 'name', 'kind', 'role', 'status', 'relation'];
const FIXED_VALUE_COLUMNS = new Set<ColumnKey>([
  'kind',
  'role',
  'status',
  'relation',
  'confidence',
  'sourceKind',
]);
const SOURCE_FIELDS: [ColumnKey, 'publisher' | 'title' | 'date' | 'kind'][] = [
  ['sourcePublisher', 'publisher'],
  ['sourceTitle', 'title'],
  ['sourceDate', 'date'],
  ['sourceKind', 'kind'],
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `rent strike 2026` → `rent-strike-2026`; letters with accents lose them. */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 56)
    .replace(/^-+|-+$/g, '');
}

class Conversion {
  readonly problems: SheetProblem[] = [];
  /** Header text per column, as the organiser wrote it. */
  readonly headers = new Map<ColumnKey, string>();
  /** Where each written header stands, left to right: problems of a row are listed in that order. */
  readonly positions = new Map<string, number>();
  readonly participants: ParticipantDraft[] = [];
  readonly sources: SourceDraft[] = [];
  /** Sources by URL: the campaign file's by id, the spreadsheet's as drafts. */
  private readonly sourceByUrl = new Map<string, string | SourceDraft>();
  private readonly usedSourceIds = new Set<string>();

  constructor(campaignSources: readonly unknown[]) {
    for (const source of campaignSources) {
      if (!isObject(source) || typeof source.id !== 'string') continue;
      this.usedSourceIds.add(source.id);
      if (typeof source.url === 'string' && !this.sourceByUrl.has(source.url))
        this.sourceByUrl.set(source.url, source.id);
    }
  }

  columnName(column: ColumnKey): string {
    return this.headers.get(column) ?? SHEET_COLUMNS[column];
  }

  at(row: number, column: ColumnKey | undefined, message: string): void {
    this.problems.push(
      column === undefined ? { row, message } : { row, column: this.columnName(column), message },
    );
  }

  /** Reads the header row; null when the sheet cannot be read at all. */
  readHeader(header: string[]): (ColumnKey | null)[] | null {
    const columns = header.map((text, index): ColumnKey | null => {
      const written = text.trim();
      if (!this.positions.has(written)) this.positions.set(written, index);
      if (written === '' || /^x-/i.test(written)) return null;
      const key = KNOWN.get(headerKey(written));
      if (!key) {
        this.problems.push({
          row: 1,
          column: written,
          message:
            'not a column Picket knows (see the list of columns; start its name with "x-" to keep ' +
            'your own notes in the sheet)',
        });
        return null;
      }
      if (this.headers.has(key)) {
        this.problems.push({
          row: 1,
          column: written,
          message: `a second "${SHEET_COLUMNS[key]}" column`,
        });
        return null;
      }
      this.headers.set(key, written);
      return key;
    });
    const missing = (['name', 'kind', 'role', 'sourceUrl'] as const).filter(
      (key) => !this.headers.has(key),
    );
    if (!this.headers.has('instagram') && !this.headers.has('facebook'))
      this.problems.push({
        row: 1,
        message: 'no "instagram" or "facebook" column: a participant needs an account',
      });
    for (const key of missing)
      this.problems.push({ row: 1, message: `no "${SHEET_COLUMNS[key]}" column (it is required)` });
    return missing.length > 0 ? null : columns;
  }

  readRow(record: string[], row: number, columns: (ColumnKey | null)[]): Row | null {
    const values: Partial<Record<ColumnKey, string>> = {};
    columns.forEach((column, index) => {
      const value = record[index]?.trim() ?? '';
      if (column && value !== '')
        values[column] = FIXED_VALUE_COLUMNS.has(column) ? fixedValue(value) : value;
    });
    if (record.length > columns.length && record.slice(columns.length).some((v) => v.trim() !== ''))
      this.at(row, undefined, `more values than the header has columns (${columns.length})`);
    if (Object.keys(values).length === 0) return null; // a blank row, or notes only
    if (!values.name) {
      this.at(row, 'name', "empty: every row needs the participant's name");
      return null;
    }
    if (!values.sourceUrl) {
      this.at(row, 'sourceUrl', 'empty: every row needs the address of its source');
      return null;
    }
    if (!values.action) {
      if (values.actionDate)
        this.at(row, 'actionDate', 'a date without an action: write the action too');
      if (values.actionEvent)
        this.at(row, 'actionEvent', 'an event without an action: write the action too');
    }
    const accounts = [
      ...splitAccounts(values.instagram ?? '').map((cell) => ({
        account: instagramAccount(cell),
        cell: { row, column: 'instagram' as const },
      })),
      ...splitAccounts(values.facebook ?? '').map((cell) => ({
        account: facebookAccount(cell),
        cell: { row, column: 'facebook' as const },
      })),
    ];
    return { row, values, accounts };
  }

  /** The participant a row belongs to, made when it is the first row of one. */
  participantOf(row: Row, byKey: Map<string, ParticipantDraft>): ParticipantDraft | null {
    const { values } = row;
    if (row.accounts.length === 0) {
      // Rows without accounts join the participant of their id or name.
      const matches = values.id
        ? this.participants.filter((p) => p.key === `id:${values.id}`)
        : this.participants.filter((p) => sameName(p.name, values.name!));
      const column: ColumnKey = this.headers.has('instagram') ? 'instagram' : 'facebook';
      if (matches.length === 1) return matches[0]!;
      this.at(
        row.row,
        column,
        matches.length === 0
          ? `no account: give the participant's Instagram or Facebook account (no other row names "${values.id ?? values.name}" with one)`
          : `no account, and ${matches.length} participants are called "${values.name}": give this row's accounts to say which`,
      );
      return null;
    }
    const accounts = row.accounts.map((a) => accountKey(a.account)).sort();
    const nameKey = values.name!.replace(/\s+/g, ' ').toLowerCase();
    const key = values.id
      ? `id:${values.id}`
      : `name:${nameKey}|${[...new Set(accounts)].join(' ')}`;
    let participant = byKey.get(key);
    if (!participant) {
      participant = {
        key,
        name: values.name!,
        firstRow: row.row,
        fields: {},
        accounts: [],
        actions: [],
        sources: [],
      };
      byKey.set(key, participant);
      this.participants.push(participant);
    }
    return participant;
  }

  addRow(row: Row, participant: ParticipantDraft): void {
    const { values } = row;
    for (const field of PARTICIPANT_FIELDS) {
      const value = values[field];
      if (value === undefined) continue;
      const known = participant.fields[field];
      if (!known) participant.fields[field] = { value, cell: { row: row.row, column: field } };
      else if (known.value !== value && !(field === 'name' && sameName(known.value, value)))
        this.at(
          row.row,
          field,
          `"${value}" differs from row ${known.cell.row} ("${known.value}") for the same participant`,
        );
    }
    const confidence = values.confidence;
    for (const { account, cell } of row.accounts) {
      const key = accountKey(account);
      const known = participant.accounts.find((a) => accountKey(a.account) === key);
      const stated =
        confidence === undefined
          ? undefined
          : { value: confidence, cell: { row: row.row, column: 'confidence' as const } };
      if (!known) participant.accounts.push({ account, cell, confidence: stated });
      else if (stated && !known.confidence) known.confidence = stated;
      else if (stated && known.confidence && known.confidence.value !== stated.value)
        this.at(
          row.row,
          'confidence',
          `"${stated.value}" differs from row ${known.confidence.cell.row} ("${known.confidence.value}") for the same account`,
        );
    }
    const sourceId = this.sourceOf(row);
    if (!participant.sources.some((s) => s.id === sourceId))
      participant.sources.push({ id: sourceId, row: row.row });
    if (values.action) {
      const same = participant.actions.find(
        ({ action }) =>
          action.summary === values.action &&
          action.date === values.actionDate &&
          action.event === values.actionEvent,
      );
      if (same) {
        if (!same.action.sources.includes(sourceId)) same.action.sources.push(sourceId);
      } else {
        const action: Action = {
          ...(values.actionEvent && { event: values.actionEvent }),
          summary: values.action,
          ...(values.actionDate && { date: values.actionDate }),
          sources: [sourceId],
        };
        participant.actions.push({ action, row: row.row });
      }
    }
  }

  /** The id of the row's source: the campaign file's or an earlier row's with the same URL, or new. */
  private sourceOf(row: Row): string {
    const url = row.values.sourceUrl!;
    const draft = this.sourceByUrl.get(url);
    if (typeof draft === 'string') return draft; // the campaign file's own source
    if (draft) {
      for (const [column, field] of SOURCE_FIELDS) {
        const value = row.values[column];
        if (value === undefined) continue;
        const known = draft.source[field];
        if (known === undefined) {
          (draft.source as Record<string, unknown>)[field] = value;
          draft.givenBy[column] = row.row;
        } else if (known !== value) {
          this.at(
            row.row,
            column,
            `"${value}" differs from row ${draft.givenBy[column]} ("${known}") for the same source URL`,
          );
        }
      }
      return draft.source.id;
    }
    let id = `row${row.row}`;
    for (let n = 2; this.usedSourceIds.has(id); n++) id = `row${row.row}-${n}`;
    this.usedSourceIds.add(id);
    const source: Source = { id, url };
    const givenBy: SourceDraft['givenBy'] = { sourceUrl: row.row };
    for (const [column, field] of SOURCE_FIELDS) {
      const value = row.values[column];
      if (value === undefined) continue;
      (source as Record<string, unknown>)[field] = value;
      givenBy[column] = row.row;
    }
    const made: SourceDraft = { source, row: row.row, givenBy };
    this.sources.push(made);
    this.sourceByUrl.set(url, made);
    return id;
  }

  /** The participants as the pack holds them, with unique ids. */
  buildParticipants(): Participant[] {
    const used = new Set<string>();
    for (const p of this.participants) if (p.fields.id) used.add(p.fields.id.value);
    return this.participants.map((draft) => {
      let id = draft.fields.id?.value;
      if (id === undefined) {
        const base = slug(draft.fields.name!.value) || `row${draft.firstRow}`;
        id = base;
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
        used.add(id);
      }
      // Keys in the order docs/packs.md writes them.
      const participant: Participant = {
        id,
        name: draft.fields.name!.value,
        kind: (draft.fields.kind?.value ?? '') as Participant['kind'],
        role: (draft.fields.role?.value ?? '') as Participant['role'],
        accounts: draft.accounts.map(({ account, confidence }) =>
          confidence
            ? { ...account, confidence: confidence.value as Account['confidence'] }
            : account,
        ),
        ...(draft.actions.length > 0 && { actions: draft.actions.map((a) => a.action) }),
        ...(draft.fields.status && {
          status: draft.fields.status.value as Participant['status'],
        }),
        ...(draft.fields.relation && {
          relation: draft.fields.relation.value as Participant['relation'],
        }),
        sources: draft.sources.map((s) => s.id),
      };
      return participant;
    });
  }

  /** A validator path inside the campaign, traced back to its cell; null when not from the sheet. */
  trace(segments: string[], campaignSourceCount: number): Omit<SheetProblem, 'message'> | null {
    const [list, indexText, field, subIndex, subField] = segments;
    const index = Number(indexText);
    const cell = (c: Cell) => ({ row: c.row, column: this.columnName(c.column) });
    if (list === 'participants') {
      const draft = this.participants[index];
      if (!draft) return null;
      const fallback = { row: draft.firstRow };
      if (field === undefined) return fallback;
      if ((PARTICIPANT_FIELDS as string[]).includes(field)) {
        const given = draft.fields[field as ParticipantField];
        return given
          ? cell(given.cell)
          : { row: draft.firstRow, column: this.columnName(field as ColumnKey) };
      }
      if (field === 'accounts') {
        const account = draft.accounts[Number(subIndex)];
        if (!account) return fallback;
        if (subField === 'confidence' && account.confidence) return cell(account.confidence.cell);
        return cell(account.cell);
      }
      if (field === 'actions') {
        const action = draft.actions[Number(subIndex)];
        if (!action) return fallback;
        const column: ColumnKey =
          subField === 'date'
            ? 'actionDate'
            : subField === 'event'
              ? 'actionEvent'
              : subField === 'sources'
                ? 'sourceUrl'
                : 'action';
        return { row: action.row, column: this.columnName(column) };
      }
      if (field === 'sources') {
        const source = draft.sources[Number(subIndex)];
        return source ? { row: source.row, column: this.columnName('sourceUrl') } : fallback;
      }
      return fallback;
    }
    if (list === 'sources' && index >= campaignSourceCount) {
      const draft = this.sources[index - campaignSourceCount];
      if (!draft) return null;
      // Only the evidence rules speak of a whole source, and only of its missing kind.
      const column =
        field === undefined
          ? 'sourceKind'
          : (SOURCE_FIELDS.find(([, f]) => f === field)?.[0] ?? 'sourceUrl');
      return { row: draft.givenBy[column] ?? draft.row, column: this.columnName(column) };
    }
    return null;
  }
}

const PACK_KEYS = ['format', 'id', 'version', 'updatedAt', 'publisher', 'campaigns'];
const CAMPAIGN_KEYS = [
  'id',
  'name',
  'hashtag',
  'summary',
  'url',
  'target',
  'coalition',
  'demands',
  'events',
  'participants',
  'sources',
];

/**
 * `object` with `replaced` values, keys in the format's order and then any others (which the
 * validator reports). Object.fromEntries defines keys, so even a `__proto__` key stays a key.
 */
function inOrder(
  object: Record<string, unknown>,
  order: readonly string[],
  replaced: Record<string, unknown>,
): Record<string, unknown> {
  const own = (target: object, key: string) => Object.prototype.hasOwnProperty.call(target, key);
  const entries: [string, unknown][] = [];
  for (const key of order) {
    if (own(replaced, key)) entries.push([key, replaced[key]]);
    else if (own(object, key)) entries.push([key, object[key]]);
  }
  for (const key of Object.keys(object)) if (!order.includes(key)) entries.push([key, object[key]]);
  return Object.fromEntries(entries);
}

const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();

function decodePointer(path: string): string[] {
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Problems in sheet order (header, rows), then the campaign file's, each once. */
function ordered(problems: SheetProblem[], positions: ReadonlyMap<string, number>): SheetProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.row ?? ''}\u0000${p.column ?? ''}\u0000${p.path ?? ''}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (p: SheetProblem) => (p.row !== undefined ? 0 : p.path !== undefined ? 1 : 2);
  // A whole row's problems first, then its cells from left to right.
  const position = (p: SheetProblem) =>
    p.column === undefined ? -1 : (positions.get(p.column) ?? Number.MAX_SAFE_INTEGER);
  return unique
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        rank(a.problem) - rank(b.problem) ||
        (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
        position(a.problem) - position(b.problem) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

export interface SheetOptions {
  /** The pack's `updatedAt` when the campaign file gives none (an RFC 3339 date-time). */
  now: string;
}

/** Converts the spreadsheet text and the campaign file (parsed JSON) into a pack. Never throws. */
export function packFromSheet(
  sheetText: string,
  campaignFile: unknown,
  options: SheetOptions,
): SheetResult {
  const fileProblems: SheetProblem[] = [];
  const skeleton = isObject(campaignFile) ? campaignFile : {};
  if (!isObject(campaignFile))
    fileProblems.push({ path: '', message: 'the campaign file must hold a JSON object' });
  const campaigns = Array.isArray(skeleton.campaigns) ? skeleton.campaigns : [];
  if (campaigns.length !== 1 || !isObject(campaigns[0]))
    fileProblems.push({
      path: '/campaigns',
      message: 'must list exactly one campaign (the spreadsheet is its participants)',
    });
  const campaign = isObject(campaigns[0]) ? campaigns[0] : {};
  const listed = campaign.participants;
  if (listed !== undefined && !(Array.isArray(listed) && listed.length === 0))
    fileProblems.push({
      path: '/campaigns/0/participants',
      message: 'leave the participants out of the campaign file: they come from the spreadsheet',
    });
  const campaignSources: unknown[] = Array.isArray(campaign.sources) ? campaign.sources : [];

  const conversion = new Conversion(campaignSources);
  const table = parseDelimited(sheetText, detectDelimiter(sheetText));
  for (const problem of table.problems)
    conversion.problems.push({ row: problem.row, message: problem.message });
  const [header, ...records] = table.records;
  const columns = header ? conversion.readHeader(header) : null;
  if (!header)
    conversion.problems.push({
      row: 1,
      message: 'the spreadsheet is empty (it needs a header row)',
    });
  if (columns) {
    const rows = records
      .map((record, index) => conversion.readRow(record, index + 2, columns))
      .filter((row): row is Row => row !== null);
    // Rows with accounts first, so a row without any can join a participant named further down.
    const byKey = new Map<string, ParticipantDraft>();
    const owners = new Map<Row, ParticipantDraft | null>();
    for (const row of rows)
      if (row.accounts.length > 0) owners.set(row, conversion.participantOf(row, byKey));
    for (const row of rows)
      if (row.accounts.length === 0) owners.set(row, conversion.participantOf(row, byKey));
    for (const row of rows) {
      const participant = owners.get(row);
      if (participant) conversion.addRow(row, participant);
    }
  }

  const converted = inOrder(campaign, CAMPAIGN_KEYS, {
    participants: conversion.buildParticipants(),
    sources: [...campaignSources, ...conversion.sources.map((s) => s.source)],
  });
  const pack = inOrder(skeleton, PACK_KEYS, {
    format: skeleton.format ?? PACK_FORMAT,
    updatedAt: skeleton.updatedAt ?? options.now,
    campaigns: [converted, ...campaigns.slice(1)],
  }) as unknown as Pack;

  /** A validator or evidence path, traced to its cell, or kept as a path of the campaign file. */
  const origin = (path: string) => {
    const segments = decodePointer(path);
    const inCampaign = segments[0] === 'campaigns' && segments[1] === '0';
    return inCampaign ? conversion.trace(segments.slice(2), campaignSources.length) : null;
  };
  const traced = ({ path, message: text }: { path: string; message: string }): SheetProblem => {
    // The evidence rules name a second place by its JSON path ("the same action as /campaigns/…").
    const message = text.replace(/\/campaigns\/0\/[A-Za-z0-9._~/-]+/g, (pointer) => {
      const row = origin(pointer)?.row;
      return row === undefined ? pointer : `row ${row}`;
    });
    const from = origin(path);
    if (from) return { ...from, message };
    if (path === '' && /^…and \d+ more problems$/.test(message)) return { message };
    return { path, message };
  };
  const verdict = validatePack(pack);
  const found = verdict.ok ? [] : verdict.issues.map(traced);
  // A valid pack still meets pack:check's evidence rules: its errors stop it, its warnings not.
  const evidence = verdict.ok ? checkEvidence(verdict.pack) : null;
  const evidenceErrors = (evidence?.findings ?? []).filter((finding) => finding.level === 'error');
  found.push(...evidenceErrors.map(traced));
  const unlisted = (evidence?.errors ?? 0) - evidenceErrors.length;
  if (unlisted > 0) found.push({ message: `…and ${unlisted} more problems` });
  const warnings = (evidence?.findings ?? [])
    .filter((finding) => finding.level === 'warning')
    .map(traced);
  const problems = ordered(
    [...conversion.problems, ...fileProblems, ...found],
    conversion.positions,
  );
  return {
    ok: problems.length === 0,
    pack,
    problems,
    warnings: ordered(warnings, conversion.positions),
    warningCount: evidence?.warnings ?? 0,
  };
}

/**
 * A problem in plain words: `row 14, column 'instagram': not a valid Instagram username`, or
 * `campaign file, /campaigns/0/name: must not be empty` (`campaignFile` names that file).
 */
export function describeProblem(problem: SheetProblem, campaignFile = 'campaign file'): string {
  if (problem.row !== undefined) {
    const column = problem.column === undefined ? '' : `, column '${problem.column}'`;
    return `row ${problem.row}${column}: ${problem.message}`;
  }
  if (problem.path !== undefined)
    return `${campaignFile}${problem.path ? `, ${problem.path}` : ''}: ${problem.message}`;
  return problem.message;
}
