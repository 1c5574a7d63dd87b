// The one validator for campaign packs (format v1, ../shared/design/contracts.md §2).
// The build, `npm run pack:check`, import and subscription refresh all call it.
//
// Three passes, so that the structure of a pack is written down once, in
// schema/picket-pack-1.schema.json:
// 1. a cheap iterative walk that refuses what is not plain JSON (keys that reach an object prototype,
//    nesting deeper than 64, cycles, functions, sparse lists of billions of holes) before anything
//    recursive touches the value;
// 2. the schema, checked by ajv code compiled ahead of time (core/pack/schema-validator.generated.js,
//    `npm run pack:schema`: the extension's CSP allows no `new Function`), its errors worded here
//    from keyword and JSON path;
// 3. the rules a JSON Schema cannot express: unique ids, references to events and sources, real
//    calendar dates, IANA time zones, an event not ending before it starts, the account limit.
// Pack text is also scanned for keys repeated in one object, which JSON.parse would silently merge.
// It must never throw: every entry point is wrapped.
import { validateAll, validateFast, type SchemaError } from './schema-validator.generated';
import { findDuplicateKeys } from './duplicate-keys';
import { PACK_FORMAT, type Pack, type PackIssue, type PackResult } from './types';

export const PACK_LIMITS = {
  /** UTF-8 bytes of the pack text (checked by validatePackText only: an object has no byte size). */
  maxBytes: 10 * 1024 * 1024,
  maxAccounts: 1_000_000,
  /** Characters (Unicode code points) per text field. */
  maxTextLength: 2000,
  /** Problems listed in full; the rest are counted in one closing issue. */
  maxIssues: 100,
  /** Nesting depth of any value inside a pack (the format itself needs about 8). */
  maxDepth: 64,
  /** Largest `version` (an unsigned 32-bit number: every store and platform can hold it exactly). */
  maxVersion: 4_294_967_295,
} as const;

/** Sanity bound on any one list, above what the account limit and 10 MB allow anyway. */
const MAX_LIST_ITEMS = 2 * PACK_LIMITS.maxAccounts;
/**
 * Objects and lists looked at before a value is refused as too large. 10 MB of text holds at most
 * about 3.5 million; only a hand-made object reusing one value many times can get past it.
 */
const MAX_CONTAINERS = 10_000_000;

/** Same rules as the schema's; exported for code that builds ids. */
export const PACK_ID_PATTERN = /^[a-z0-9-]{3,64}$/;
/** Ids of campaigns, participants, events, demands and sources. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
/** Lower-case scheme, then no whitespace or control character anywhere (they hide `javascript:`). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const HTTPS_PATTERN = /^https:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/;
/**
 * One plain address: dot-separated words of letters, digits, `_ + -`, then a domain with a
 * letters-only top level. No `?` headers (a prefilled body or a hidden `bcc`), no second address,
 * no percent-escapes, nothing to hide a character behind.
 */
const MAILTO_PATTERN =
  /^mailto:[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const DATE_MESSAGE = 'not a date (YYYY-MM-DD) or an RFC 3339 date-time';
const URL_MESSAGE = 'not an https:// URL';
const CORRECTIONS_MESSAGE = 'not an https:// URL or a mailto: address (mailto:name@example.org)';
const VERSION_MESSAGE = `must be a whole number from 1 to ${PACK_LIMITS.maxVersion.toLocaleString('en')}`;
const ID_MESSAGE = 'not a valid id (1–64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)';
const TIME_ZONE_MESSAGE = 'not an IANA time zone (like America/New_York)';

type Segment = string | number;
type Obj = Record<string, unknown>;

/** Problems, deduplicated, the first 100 kept in full and the rest counted. */
class Issues {
  readonly list: PackIssue[] = [];
  count = 0;
  /** Path and message of every problem seen, bounded so a million broken accounts stay cheap. */
  private readonly seen = new Set<string>();

  add(path: string, message: string): void {
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    if (this.seen.size < 10_000) this.seen.add(key);
    this.count++;
    if (this.list.length < PACK_LIMITS.maxIssues) this.list.push({ path, message });
  }

  at(path: readonly Segment[], message: string): void {
    this.add(pointer(path), message);
  }

  get full(): boolean {
    return this.list.length >= PACK_LIMITS.maxIssues;
  }

  /** Listed in full and too many to remember: further problems are only counted. */
  get saturated(): boolean {
    return this.full && this.seen.size >= 10_000;
  }
}

/** RFC 6901 JSON Pointer; over-long keys are cut so one hostile key cannot flood a terminal. */
function pointer(path: readonly Segment[]): string {
  let out = '';
  for (const segment of path) out += '/' + escapeSegment(clipSegment(String(segment)));
  return out;
}
const clipSegment = (text: string) => (text.length > 100 ? text.slice(0, 100) + '…' : text);
const escapeSegment = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/** Text, a finite number, a boolean or null: nothing inside to look at. */
function isJsonLeaf(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

// ---------------------------------------------------------------------------------------------
// Pass 1: is this plain JSON of bounded size and depth?

/**
 * Breadth-first over every object and list, without recursion. Containers are kept in flat arrays
 * with a link to their parent, so a path is only built when a problem is reported. (A class, not
 * closures: a million containers must not mean a million function objects.)
 */
class JsonWalk {
  readonly values: object[] = [];
  readonly parents: number[] = [];
  readonly keys: Segment[] = [];
  readonly depths: number[] = [];
  /** Whether the container sits inside an `x-` extension value. */
  readonly inExtension: boolean[] = [];

  /** Whether some key is set to undefined (only hand-made objects do that). */
  sawUndefined = false;

  constructor(readonly issues: Issues) {}

  pathOf(index: number, key: Segment): Segment[] {
    const path: Segment[] = [key];
    for (let i = index; i > 0; i = this.parents[i]!) path.push(this.keys[i]!);
    return path.reverse();
  }

  add(value: object, parent: number, key: Segment, depth: number, extension: boolean): void {
    this.values.push(value);
    this.parents.push(parent);
    this.keys.push(key);
    this.depths.push(depth);
    this.inExtension.push(extension);
  }

  /** A child of container `index`: reported, skipped as a leaf, or queued. */
  visit(index: number, child: unknown, key: Segment, extension: boolean): void {
    if (isJsonLeaf(child)) return;
    const depth = this.depths[index]! + 1;
    if (typeof child !== 'object' || child === null) {
      // Only reachable from hand-made objects: such values cannot be stored or sent on.
      this.issues.at(this.pathOf(index, key), `not a JSON value (${typeof child})`);
    } else if (!Array.isArray(child) && !isPlainObject(child)) {
      this.issues.at(this.pathOf(index, key), 'not a JSON value (an object of another kind)');
    } else if (depth > PACK_LIMITS.maxDepth) {
      this.issues.at(
        this.pathOf(index, key),
        `nested more than ${PACK_LIMITS.maxDepth} levels deep`,
      );
    } else if (Array.isArray(child) && child.length > MAX_LIST_ITEMS) {
      // A sparse list of a billion holes must not keep anything busy.
      this.issues.at(
        this.pathOf(index, key),
        extension
          ? 'extension value is too large'
          : `more than ${MAX_LIST_ITEMS.toLocaleString('en')} items`,
      );
    } else if (!hasOnlyLeaves(child)) {
      this.add(child, index, key, depth, extension);
    }
  }

  run(root: Obj): void {
    this.add(root, -1, '', 0, false);
    const { values, issues } = this;
    for (let index = 0; index < values.length && !issues.full; index++) {
      if (values.length > MAX_CONTAINERS) {
        issues.add('', 'too large to check (too many objects and lists)');
        return;
      }
      const value = values[index]!;
      const extension = this.inExtension[index]!;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) this.visit(index, value[i], i, extension);
        continue;
      }
      const obj = value as Obj;
      for (const key in obj) {
        if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
        const child = obj[key];
        // A key set to undefined is absent, as JSON.stringify and the schema see it.
        if (FORBIDDEN_KEYS.has(key)) issues.at(this.pathOf(index, key), `forbidden key "${key}"`);
        else if (child !== undefined)
          this.visit(index, child, key, extension || key.startsWith('x-'));
        else this.sawUndefined = true;
      }
    }
  }
}

/**
 * Whether a container holds nothing but text, numbers, booleans and null under allowed keys: then
 * it needs no place in the walk. A pack's million accounts are such objects.
 */
function hasOnlyLeaves(container: object): boolean {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) if (!isJsonLeaf(container[i])) return false;
    return true;
  }
  const obj = container as Obj;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const child = obj[key];
    if (FORBIDDEN_KEYS.has(key) || !isJsonLeaf(child)) return false;
  }
  return true;
}

/** Returns whether some key is set to undefined. */
function checkJsonValue(root: unknown, issues: Issues): boolean {
  if (!isPlainObject(root)) {
    issues.add('', `a pack must be a JSON object, not ${describe(root)}`);
    return false;
  }
  const walk = new JsonWalk(issues);
  walk.run(root);
  return walk.sawUndefined;
}

/** Accounts over all campaigns, read defensively: the structure is not checked yet. */
function countAccounts(pack: Obj): number {
  let count = 0;
  const campaigns = pack.campaigns;
  if (!Array.isArray(campaigns)) return 0;
  for (const campaign of campaigns) {
    const participants: unknown = isPlainObject(campaign) ? campaign.participants : undefined;
    if (!Array.isArray(participants)) continue;
    for (const participant of participants) {
      const accounts: unknown = isPlainObject(participant) ? participant.accounts : undefined;
      if (Array.isArray(accounts)) count += accounts.length;
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: the schema, with ajv's errors worded for people who write packs.

function parsePointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, segment)
      ? (value as Obj)[segment]
      : undefined;
  }
  return value;
}

/** Messages for fields whose name says what they hold, whatever the failing keyword. */
function fieldMessage(
  field: string,
  error: SchemaError,
  segments: readonly string[],
  root: unknown,
): string | null {
  const value = valueAt(root, segments);
  const isType = error.keyword === 'type';
  switch (field) {
    case 'format':
      return segments.length === 1
        ? `must be "${PACK_FORMAT}" (this version of Picket reads format 1 only)`
        : null;
    case 'version':
      return segments.length === 1 ? VERSION_MESSAGE : null;
    case 'updatedAt':
    case 'start':
    case 'end':
    case 'date':
      return DATE_MESSAGE;
    case 'url':
      return isType ? `must be a URL (text), not ${describe(value)}` : URL_MESSAGE;
    case 'corrections':
      return isType
        ? `must be a URL or a mailto: address (text), not ${describe(value)}`
        : CORRECTIONS_MESSAGE;
    case 'timeZone':
      return TIME_ZONE_MESSAGE;
    case 'platform':
      return 'must be instagram or facebook';
    case 'numericId':
      return 'not a valid Facebook numeric id (5–20 digits, as text)';
    case 'handle': {
      const platform = valueAt(root, segments.slice(0, -1));
      if (isPlainObject(platform) && platform.platform === 'facebook') {
        return error.keyword === 'not'
          ? 'a Facebook username cannot be all digits (put a numeric id in numericId)'
          : 'not a valid Facebook username';
      }
      return 'not a valid Instagram username';
    }
    case 'sources[]':
      return isType ? `must be a source id, not ${describe(value)}` : ID_MESSAGE;
    case 'event':
      return isType ? `must be an event id, not ${describe(value)}` : ID_MESSAGE;
    case 'id':
      if (segments.length === 1) return 'not a valid pack id (3–64 of a-z 0-9 -)';
      return isType ? `must be text, not ${describe(value)}` : ID_MESSAGE;
  }
  return null;
}

/**
 * ajv errors that another error of the same run already explains: the `if` of a failing `then`, the
 * alternatives of a date (its patterns are reported), the two `required` of "handle or numericId"
 * (their anyOf is reported).
 */
function explainedElsewhere(error: SchemaError): boolean {
  switch (error.keyword) {
    case 'if':
      return true;
    case 'required':
      return error.schemaPath.includes('/anyOf/');
    case 'anyOf':
      return !/\/accounts\/\d+$/.test(error.instancePath);
  }
  return false;
}

/** One ajv error as a path and a message, or null for errors another error already explains. */
function schemaIssue(error: SchemaError, root: unknown): PackIssue | null {
  if (explainedElsewhere(error)) return null;
  const segments = parsePointer(error.instancePath);
  const last = segments[segments.length - 1];
  const parent = segments[segments.length - 2];
  const isItem =
    last !== undefined && /^\d+$/.test(last) && Array.isArray(valueAt(root, segments.slice(0, -1)));
  const field = isItem ? `${parent ?? ''}[]` : (last ?? '');
  const path = (...extra: string[]) => pointer(segments.concat(extra));
  const { keyword, params } = error;
  switch (keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      // Only the top level has no `x-` extensions: a pack's envelope is fixed.
      const hint = segments.length === 0 ? '' : ' (extensions must start with "x-")';
      return { path: path(key), message: `unknown key "${clip(key)}"${hint}` };
    }
    case 'required': {
      const key = String(params.missingProperty);
      if (key === 'handle' && parent === 'accounts')
        return { path: path(key), message: 'an Instagram account needs a handle' };
      return { path: path(key), message: `missing required key "${key}"` };
    }
    case 'anyOf': // only an account's "handle or numericId" gets here
      return { path: path(), message: 'a Facebook account needs a handle or a numericId' };
    case 'false schema':
      return {
        path: path(),
        message:
          last === 'numericId' ? 'numericId is only for Facebook accounts' : 'not allowed here',
      };
    case 'minItems':
      return {
        path: path(),
        message:
          field === 'sources'
            ? 'must list at least one source'
            : `must list at least ${String(params.limit)}`,
      };
    case 'type':
      if (params.type === 'array')
        return {
          path: path(),
          message: `must be a list, not ${describe(valueAt(root, segments))}`,
        };
      if (params.type === 'object')
        return {
          path: path(),
          message: `must be an object, not ${describe(valueAt(root, segments))}`,
        };
      break;
  }
  const special = fieldMessage(field, error, segments, root);
  if (special !== null) return { path: path(), message: special };
  switch (keyword) {
    case 'type':
      return { path: path(), message: `must be text, not ${describe(valueAt(root, segments))}` };
    case 'maxLength':
      return {
        path: path(),
        message: `longer than ${Number(params.limit).toLocaleString('en')} characters`,
      };
    case 'pattern':
      return { path: path(), message: 'must not be empty' };
    case 'enum':
      return {
        path: path(),
        message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}`,
      };
  }
  return { path: path(), message: `does not match the pack format (${keyword})` };
}

function checkSchema(pack: unknown, issues: Issues): void {
  // Most packs are valid: the stop-at-first-problem validator settles those at full speed.
  if (validateFast(pack)) return;
  validateAll(pack);
  let previous = '';
  for (const error of validateAll.errors ?? []) {
    if (issues.saturated) {
      // A million broken accounts: count them without wording each one. Errors about the same
      // value come one after another, so neighbours stand in for the set of problems seen.
      const { instancePath, params } = error;
      const key = `${instancePath}/${String(params.missingProperty ?? params.additionalProperty ?? '')}`;
      if (!explainedElsewhere(error) && key !== previous) issues.count++;
      previous = key;
      continue;
    }
    const issue = schemaIssue(error, pack);
    if (issue) issues.add(issue.path, issue.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 3: what a JSON Schema cannot say. The value is plain JSON here but may break the schema, so
// every read checks its type; a problem the schema reports already is not reported twice.

export function isHttpsUrl(value: string): boolean {
  if (!HTTPS_PATTERN.test(value)) return false;
  try {
    const url = new URL(value);
    // Credentials in a link (`https://facebook.com@evil.example`) only serve to mislead readers.
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

/** `YYYY-MM-DD` or an RFC 3339 date-time, with real calendar and clock values. */
export function isPackDate(value: string): boolean {
  const date = DATE_PATTERN.exec(value);
  if (date) return validDay(+date[1]!, +date[2]!, +date[3]!);
  const dt = DATE_TIME_PATTERN.exec(value);
  if (!dt) return false;
  if (!validDay(+dt[1]!, +dt[2]!, +dt[3]!)) return false;
  if (+dt[4]! > 23 || +dt[5]! > 59 || +dt[6]! > 60) return false;
  if (dt[9] && (+dt[10]! > 23 || +dt[11]! > 59)) return false;
  return true;
}

const zoneCache = new Map<string, boolean>();
export function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    known = false;
    if (zone.length <= 64 && TIME_ZONE_PATTERN.test(zone)) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        known = true;
      } catch {
        known = false;
      }
    }
    if (zoneCache.size < 1000) zoneCache.set(zone, known);
  }
  return known;
}

const listAt = (obj: Obj, key: string): unknown[] => {
  const value = obj[key];
  return Array.isArray(value) ? value : [];
};
const validId = (value: unknown): value is string =>
  typeof value === 'string' && ITEM_ID_PATTERN.test(value);

/** Checks a date field's calendar values (its shape is the schema's). */
function checkDate(issues: Issues, obj: Obj, key: string, path: Segment[]): void {
  const value = obj[key];
  if (typeof value === 'string' && !isPackDate(value)) issues.at([...path, key], DATE_MESSAGE);
}

/** An e-mail link as the schema's `mailto` allows: one plain address, at most 254 characters. */
export function isMailtoAddress(value: string): boolean {
  return value.length <= 'mailto:'.length + 254 && MAILTO_PATTERN.test(value);
}

/** Catches what the schema's URL pattern lets through but no URL parser accepts. */
function checkUrl(issues: Issues, obj: Obj, key: string, path: Segment[]): void {
  const value = obj[key];
  if (typeof value === 'string' && !isHttpsUrl(value)) issues.at([...path, key], URL_MESSAGE);
}

/** Reports ids met twice in one list (and records them in `seen`). */
function checkUniqueIds(
  issues: Issues,
  list: unknown[],
  seen: Set<string>,
  what: string,
  path: Segment[],
): void {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const id = isPlainObject(item) ? item.id : undefined;
    if (!validId(id)) continue;
    if (seen.has(id)) issues.at([...path, i, 'id'], `duplicate ${what} id "${id}"`);
    else seen.add(id);
  }
}

function checkSourceRefs(issues: Issues, obj: Obj, sourceIds: Set<string>, path: Segment[]): void {
  const refs = listAt(obj, 'sources');
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if (validId(ref) && !sourceIds.has(ref))
      issues.at(
        [...path, 'sources', i],
        `source "${ref}" is not listed in this campaign's sources`,
      );
  }
}

function checkEvent(issues: Issues, event: Obj, path: Segment[]): void {
  checkDate(issues, event, 'start', path);
  checkDate(issues, event, 'end', path);
  const { start, end, timeZone } = event;
  if (
    typeof start === 'string' &&
    typeof end === 'string' &&
    isPackDate(start) &&
    isPackDate(end)
  ) {
    // An all-day end covers its whole day, so with a date on either side only the days compare.
    const anyDate = DATE_PATTERN.test(start) || DATE_PATTERN.test(end);
    if (anyDate ? end.slice(0, 10) < start.slice(0, 10) : Date.parse(end) < Date.parse(start))
      issues.at([...path, 'end'], 'ends before it starts');
  }
  if (typeof timeZone === 'string' && !isTimeZone(timeZone))
    issues.at([...path, 'timeZone'], TIME_ZONE_MESSAGE);
}

/**
 * Participant lists can hold a million entries. Sorting their ids and comparing neighbours is about
 * ten times faster than a Set of a million strings, and almost every pack has no duplicate; only
 * when one exists is the list walked again to name the entries.
 */
function checkUniqueParticipants(issues: Issues, participants: unknown[], path: Segment[]): void {
  const ids: string[] = [];
  for (const participant of participants) {
    const id = isPlainObject(participant) ? participant.id : undefined;
    if (validId(id)) ids.push(id);
  }
  if (ids.length < 2) return;
  ids.sort();
  const duplicated = new Set<string>();
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) duplicated.add(ids[i]!);
  if (duplicated.size > 0) checkUniqueIds(issues, participants, new Set(), 'participant', path);
}

function checkCampaign(issues: Issues, campaign: Obj, path: Segment[]): void {
  checkUrl(issues, campaign, 'url', path);
  const sourceIds = new Set<string>();
  const eventIds = new Set<string>();
  // Sources and events first: participants and actions refer to them.
  const sources = listAt(campaign, 'sources');
  checkUniqueIds(issues, sources, sourceIds, 'source', [...path, 'sources']);
  sources.forEach((source, i) => {
    if (!isPlainObject(source)) return;
    checkUrl(issues, source, 'url', [...path, 'sources', i]);
    checkDate(issues, source, 'date', [...path, 'sources', i]);
  });
  const events = listAt(campaign, 'events');
  checkUniqueIds(issues, events, eventIds, 'event', [...path, 'events']);
  events.forEach((event, i) => {
    if (!isPlainObject(event)) return;
    checkEvent(issues, event, [...path, 'events', i]);
    checkSourceRefs(issues, event, sourceIds, [...path, 'events', i]);
  });
  listAt(campaign, 'coalition').forEach((member, i) => {
    if (isPlainObject(member)) checkUrl(issues, member, 'url', [...path, 'coalition', i]);
  });
  const demands = listAt(campaign, 'demands');
  checkUniqueIds(issues, demands, new Set(), 'demand', [...path, 'demands']);
  demands.forEach((demand, i) => {
    if (isPlainObject(demand)) checkSourceRefs(issues, demand, sourceIds, [...path, 'demands', i]);
  });
  const participants = listAt(campaign, 'participants');
  for (let i = 0; i < participants.length && !issues.full; i++) {
    const participant = participants[i];
    if (!isPlainObject(participant)) continue;
    const at: Segment[] = [...path, 'participants', i];
    listAt(participant, 'actions').forEach((action, j) => {
      if (!isPlainObject(action)) return;
      const actionPath = [...at, 'actions', j];
      const event = action.event;
      if (validId(event) && !eventIds.has(event))
        issues.at([...actionPath, 'event'], `event "${event}" is not an event of this campaign`);
      checkDate(issues, action, 'date', actionPath);
      checkSourceRefs(issues, action, sourceIds, actionPath);
    });
    checkSourceRefs(issues, participant, sourceIds, at);
  }
  checkUniqueParticipants(issues, participants, [...path, 'participants']);
}

function checkSemantics(pack: Obj, issues: Issues): void {
  checkDate(issues, pack, 'updatedAt', []);
  if (isPlainObject(pack.publisher)) {
    checkUrl(issues, pack.publisher, 'url', ['publisher']);
    const corrections = pack.publisher.corrections;
    if (
      typeof corrections === 'string' &&
      !(corrections.startsWith('mailto:') ? isMailtoAddress(corrections) : isHttpsUrl(corrections))
    )
      issues.at(['publisher', 'corrections'], CORRECTIONS_MESSAGE);
  }
  const campaigns = listAt(pack, 'campaigns');
  const campaignIds = new Set<string>();
  for (let i = 0; i < campaigns.length && !issues.full; i++) {
    const campaign = campaigns[i];
    if (!isPlainObject(campaign)) continue;
    const id = campaign.id;
    if (validId(id)) {
      if (campaignIds.has(id)) issues.at(['campaigns', i, 'id'], `duplicate campaign id "${id}"`);
      else campaignIds.add(id);
    }
    checkCampaign(issues, campaign, ['campaigns', i]);
  }
}

// ---------------------------------------------------------------------------------------------

function finish(issues: Issues, value: unknown): PackResult {
  if (issues.count === 0) return { ok: true, pack: value as Pack };
  const list = issues.list.slice();
  const hidden = issues.count - list.length;
  if (hidden > 0) list.push({ path: '', message: `…and ${hidden} more problems` });
  return { ok: false, issues: list };
}

/**
 * Validates a parsed pack. Never throws. The 10 MB limit is a limit on text, so it is checked by
 * validatePackText only; an object given here is checked against every other rule (including the
 * 1,000,000-account limit). On success the same object is returned, typed as a Pack.
 */
export function validatePack(value: unknown): PackResult {
  const issues = new Issues();
  try {
    const sawUndefined = checkJsonValue(value, issues);
    // Nothing recursive may see a value that is not plain, bounded JSON.
    if (issues.count > 0 || !isPlainObject(value)) return finish(issues, value);
    // A key set to undefined is absent once stored or sent, but ajv would check its value: such a
    // (hand-made) pack is judged as its JSON text, so an object and its text get the same verdict.
    const checked = sawUndefined ? (JSON.parse(JSON.stringify(value)) as Obj) : value;
    if (countAccounts(checked) > PACK_LIMITS.maxAccounts) {
      issues.add(
        '/campaigns',
        `more than ${PACK_LIMITS.maxAccounts.toLocaleString('en')} accounts (the limit per pack)`,
      );
      return finish(issues, value);
    }
    checkSchema(checked, issues);
    checkSemantics(checked, issues);
    return finish(issues, value);
  } catch (error) {
    // Only reachable with hostile objects (throwing getters, proxies): JSON text never gets here.
    issues.add('', `the pack could not be read (${error instanceof Error ? error.name : 'error'})`);
    return finish(issues, value);
  }
}

/** UTF-8 byte length without encoding the whole text. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Parses and validates a pack given as text (a leading byte-order mark is allowed); never throws. */
export function validatePackText(text: string): PackResult {
  try {
    if (typeof text !== 'string') {
      return { ok: false, issues: [{ path: '', message: 'a pack must be given as text' }] };
    }
    // Each UTF-16 unit is at least one UTF-8 byte and at most three, so most texts need no count.
    const max = PACK_LIMITS.maxBytes;
    if (text.length > max || (text.length * 3 > max && utf8Length(text) > max)) {
      return {
        ok: false,
        issues: [{ path: '', message: 'larger than 10 MB (the limit per pack)' }],
      };
    }
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof SyntaxError ? `: ${clip(error.message)}` : '';
      return { ok: false, issues: [{ path: '', message: `not valid JSON${detail}` }] };
    }
    // JSON.parse keeps the last of two equal keys: the author meant one of them, and nobody can
    // tell which, so such a pack is refused rather than read one way here and another elsewhere.
    const duplicates = findDuplicateKeys(json, PACK_LIMITS.maxIssues);
    if (duplicates.total > 0) {
      const issues = new Issues();
      for (const { path, key } of duplicates.found) issues.at(path, `duplicate key "${clip(key)}"`);
      issues.count += duplicates.total - duplicates.found.length;
      return finish(issues, parsed);
    }
    return validatePack(parsed);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'the pack could not be read' }] };
  }
}

export interface PackStats {
  campaigns: number;
  participants: number;
  accounts: number;
  events: number;
}

/** Totals over all campaigns of a validated pack. */
export function packStats(pack: Pack): PackStats {
  const stats: PackStats = { campaigns: 0, participants: 0, accounts: 0, events: 0 };
  for (const campaign of pack.campaigns) {
    stats.campaigns++;
    stats.events += campaign.events?.length ?? 0;
    stats.participants += campaign.participants.length;
    for (const participant of campaign.participants) stats.accounts += participant.accounts.length;
  }
  return stats;
}

/** One line per problem, as the CLI and the build print them. */
export function formatIssues(issues: readonly PackIssue[]): string {
  return issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('\n');
}
