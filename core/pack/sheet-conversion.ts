// One spreadsheet being turned into participants and sources: reads the header and each row,
// merges rows into participants, and traces a validator path back to the cell it came from.
import {
  FIXED_VALUE_COLUMNS,
  KNOWN,
  PARTICIPANT_FIELDS,
  SHEET_COLUMNS,
  SOURCE_FIELDS,
  accountKey,
  facebookAccount,
  fixedValue,
  headerKey,
  instagramAccount,
  isObject,
  sameName,
  slug,
  splitAccounts,
  type Cell,
  type ColumnKey,
  type ParticipantDraft,
  type ParticipantField,
  type Row,
  type SheetProblem,
  type SourceDraft,
} from './sheet-columns';
import type { Account, Action, Participant, Source } from './types';

export class Conversion {
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
