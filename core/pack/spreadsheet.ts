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
// The parts: sheet-columns.ts (the header and cells), sheet-conversion.ts (rows into participants).
import { detectDelimiter, parseDelimited } from '../csv';
import { checkEvidence } from './evidence-rules';
import { Conversion } from './sheet-conversion';
import { isObject, type ParticipantDraft, type Row, type SheetProblem } from './sheet-columns';
import { PACK_FORMAT, type Pack } from './types';
import { validatePack } from './validate';

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

export interface SheetOptions {
  /** The pack's `updatedAt` when the campaign file gives none (an RFC 3339 date-time). */
  now: string;
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

/** The campaign file's one campaign and its sources, with what is wrong with the file's shape. */
function readCampaignFile(campaignFile: unknown) {
  const problems: SheetProblem[] = [];
  const skeleton = isObject(campaignFile) ? campaignFile : {};
  if (!isObject(campaignFile))
    problems.push({ path: '', message: 'the campaign file must hold a JSON object' });
  const campaigns = Array.isArray(skeleton.campaigns) ? skeleton.campaigns : [];
  if (campaigns.length !== 1 || !isObject(campaigns[0]))
    problems.push({
      path: '/campaigns',
      message: 'must list exactly one campaign (the spreadsheet is its participants)',
    });
  const campaign = isObject(campaigns[0]) ? campaigns[0] : {};
  const listed = campaign.participants;
  if (listed !== undefined && !(Array.isArray(listed) && listed.length === 0))
    problems.push({
      path: '/campaigns/0/participants',
      message: 'leave the participants out of the campaign file: they come from the spreadsheet',
    });
  const sources: unknown[] = Array.isArray(campaign.sources) ? campaign.sources : [];
  return { problems, skeleton, campaigns, campaign, sources };
}

/** Reads every row of the sheet into the conversion's participants and sources. */
function readSheet(conversion: Conversion, sheetText: string): void {
  const table = parseDelimited(sheetText, detectDelimiter(sheetText));
  for (const problem of table.problems)
    conversion.problems.push({ row: problem.row, message: problem.message });
  const [header, ...records] = table.records;
  if (!header) {
    conversion.problems.push({
      row: 1,
      message: 'the spreadsheet is empty (it needs a header row)',
    });
    return;
  }
  const columns = conversion.readHeader(header);
  if (!columns) return;
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

/** A validator or evidence finding, traced to its cell, or kept as a path of the campaign file. */
function tracer(conversion: Conversion, campaignSourceCount: number) {
  const origin = (path: string) => {
    const segments = decodePointer(path);
    const inCampaign = segments[0] === 'campaigns' && segments[1] === '0';
    return inCampaign ? conversion.trace(segments.slice(2), campaignSourceCount) : null;
  };
  return ({ path, message: text }: { path: string; message: string }): SheetProblem => {
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
}

/** Converts the spreadsheet text and the campaign file (parsed JSON) into a pack. Never throws. */
export function packFromSheet(
  sheetText: string,
  campaignFile: unknown,
  options: SheetOptions,
): SheetResult {
  const file = readCampaignFile(campaignFile);
  const conversion = new Conversion(file.sources);
  readSheet(conversion, sheetText);
  const converted = inOrder(file.campaign, CAMPAIGN_KEYS, {
    participants: conversion.buildParticipants(),
    sources: [...file.sources, ...conversion.sources.map((s) => s.source)],
  });
  const pack = inOrder(file.skeleton, PACK_KEYS, {
    format: file.skeleton.format ?? PACK_FORMAT,
    updatedAt: file.skeleton.updatedAt ?? options.now,
    campaigns: [converted, ...file.campaigns.slice(1)],
  }) as unknown as Pack;

  const traced = tracer(conversion, file.sources.length);
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
    [...conversion.problems, ...file.problems, ...found],
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
