// The one validator for campaign packs (format v1, ../shared/design/contracts.md §2).
// The build, `npm run pack:check`, import and subscription refresh all call it, so every rule lives here.
//
// Why a hand-written, table-driven checker rather than a valibot schema: a pack may hold a million
// accounts, and a schema library builds an output copy and a path array for every object it visits.
// This checker reads the input in place, keeps the current JSON path as one shared stack of segments
// and only turns it into a string when it reports a problem, so validating an account allocates
// nothing. It must never throw: every entry point is wrapped, and nothing recurses on input depth.
import { FACEBOOK_NUMERIC_ID, FACEBOOK_VANITY, INSTAGRAM_USERNAME } from '../accounts';
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
} as const;

/** Sanity bound on any one list, above what the account limit and 10 MB allow anyway. */
const MAX_LIST_ITEMS = 2 * PACK_LIMITS.maxAccounts;

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
const NOT_BLANK = /\S/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const EVENT_KINDS = new Set(['boycott', 'action', 'pause', 'deadline', 'other']);
const PARTICIPANT_KINDS = new Set(['person', 'brand', 'organization']);
const ROLES = new Set(['participant', 'advertiser', 'organizer', 'coalition-member']);
const STATUSES = new Set(['took-part', 'announced', 'paused-ads', 'resumed', 'withdrew']);
const PLATFORMS = new Set(['instagram', 'facebook']);

const keys = (...names: string[]) => new Set(names);
const PACK_KEYS = keys('format', 'id', 'version', 'updatedAt', 'publisher', 'campaigns');
const PUBLISHER_KEYS = keys('name', 'url', 'corrections');
const CAMPAIGN_KEYS = keys(
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
);
const COALITION_KEYS = keys('name', 'url');
const DEMAND_KEYS = keys('id', 'title', 'detail', 'category');
const EVENT_KEYS = keys('id', 'title', 'kind', 'start', 'end', 'timeZone', 'detail');
const PARTICIPANT_KEYS = keys(
  'id',
  'name',
  'kind',
  'role',
  'accounts',
  'actions',
  'status',
  'sources',
);
const ACCOUNT_KEYS = keys('platform', 'handle', 'numericId');
const ACTION_KEYS = keys('event', 'summary', 'date', 'sources');
const SOURCE_KEYS = keys('id', 'url', 'publisher', 'title', 'date');

type Segment = string | number;

/** Per-campaign ids, shared by the checks of its lists. */
interface CampaignScope {
  eventIds: Set<string>;
  sourceIds: Set<string>;
  /** Participant ids in order; checked for duplicates once the list is done (see below). */
  participantIds: string[];
  demandIds: Set<string>;
}
const newScope = (): CampaignScope => ({
  eventIds: new Set(),
  sourceIds: new Set(),
  participantIds: [],
  demandIds: new Set(),
});
type Obj = Record<string, unknown>;

/** Collects problems against a shared, mutable path; strings are only built when reporting. */
class Checker {
  readonly issues: PackIssue[] = [];
  problemCount = 0;
  accountCount = 0;
  readonly path: Segment[] = [];
  /** The campaign being checked: its lists refer to each other. */
  scope: CampaignScope = newScope();

  report(message: string, ...extra: Segment[]): void {
    this.problemCount++;
    if (this.issues.length >= PACK_LIMITS.maxIssues) return;
    this.issues.push({ path: pointer(this.path, extra), message });
  }

  get full(): boolean {
    return this.issues.length >= PACK_LIMITS.maxIssues;
  }
}

/** RFC 6901 JSON Pointer; over-long keys are cut so one hostile key cannot flood a terminal. */
function pointer(path: Segment[], extra: Segment[]): string {
  let out = '';
  for (const segment of path.concat(extra)) {
    let text = String(segment);
    if (text.length > 100) text = text.slice(0, 100) + '…';
    out += '/' + text.replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return out;
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

/**
 * Checks the keys of one object of the format: unknown keys are problems unless they start with `x-`;
 * extension values are searched (without recursion) for forbidden keys and excessive depth.
 */
function checkKeys(c: Checker, obj: Obj, allowed: Set<string>, required: readonly string[]): void {
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (allowed.has(key)) continue;
    if (FORBIDDEN_KEYS.has(key)) c.report(`forbidden key "${key}"`, key);
    else if (key.startsWith('x-')) scanExtension(c, obj[key], key);
    else c.report(`unknown key "${clip(key)}" (extensions must start with "x-")`, key);
  }
  for (const key of required) {
    if (obj[key] === undefined) c.report(`missing required key "${key}"`, key);
  }
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

/** Values looked at inside one `x-` key before it is refused as too large. */
const EXTENSION_BUDGET = 1_000_000;

/** Iterative walk of an `x-` value: JSON values only, no forbidden key, bounded size and depth. */
function scanExtension(c: Checker, root: unknown, key: string): void {
  const baseDepth = c.path.length + 1;
  const stack: { value: unknown; path: Segment[] }[] = [{ value: root, path: [key] }];
  let visited = 0;
  while (stack.length > 0 && !c.full) {
    const { value, path } = stack.pop()!;
    if (!isJsonLeaf(value) && typeof value !== 'object') {
      // Only reachable from hand-made objects: such values cannot be stored or sent on.
      c.report(`not a JSON value (${typeof value})`, ...path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (++visited > EXTENSION_BUDGET) {
      c.report('extension value is too large', key);
      return;
    }
    if (baseDepth + path.length > PACK_LIMITS.maxDepth) {
      c.report(`nested more than ${PACK_LIMITS.maxDepth} levels deep`, ...path);
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > EXTENSION_BUDGET) {
        c.report('extension value is too large', ...path);
        return;
      }
      for (let i = 0; i < value.length; i++) {
        if (!isJsonLeaf(value[i])) stack.push({ value: value[i], path: [...path, i] });
      }
      continue;
    }
    if (!isPlainObject(value)) {
      c.report('not a JSON value (an object of another kind)', ...path);
      continue;
    }
    for (const childKey in value) {
      if (!Object.prototype.hasOwnProperty.call(value, childKey)) continue;
      if (FORBIDDEN_KEYS.has(childKey)) {
        c.report(`forbidden key "${childKey}"`, ...path, childKey);
        continue;
      }
      const child = value[childKey];
      if (!isJsonLeaf(child)) stack.push({ value: child, path: [...path, childKey] });
    }
  }
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

/** Code points, counted only when the UTF-16 length could exceed the limit. */
function tooLong(text: string): boolean {
  if (text.length <= PACK_LIMITS.maxTextLength) return false;
  if (text.length > PACK_LIMITS.maxTextLength * 2) return true;
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++points > PACK_LIMITS.maxTextLength) return true;
  }
  return false;
}

/** A plain-text field. Required text must contain something other than whitespace. */
function checkText(c: Checker, obj: Obj, key: string, required: boolean): void {
  const value = obj[key];
  if (value === undefined) return; // missing required keys are reported by checkKeys
  if (typeof value !== 'string') {
    c.report(`must be text, not ${describe(value)}`, key);
  } else if (tooLong(value)) {
    c.report(`longer than ${PACK_LIMITS.maxTextLength} characters`, key);
  } else if (required && !NOT_BLANK.test(value)) {
    c.report('must not be empty', key);
  }
}

function checkId(c: Checker, obj: Obj, key: string, seen: Set<string> | null, what: string): void {
  const value = obj[key];
  if (value === undefined) return;
  if (typeof value !== 'string') {
    c.report(`must be text, not ${describe(value)}`, key);
  } else if (!ITEM_ID_PATTERN.test(value)) {
    c.report('not a valid id (1–64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)', key);
  } else if (seen) {
    if (seen.has(value)) c.report(`duplicate ${what} id "${value}"`, key);
    else seen.add(value);
  }
}

function checkEnum(c: Checker, obj: Obj, key: string, allowed: Set<string>): void {
  const value = obj[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.has(value)) {
    c.report(`must be one of ${[...allowed].join(', ')}`, key);
  }
}

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

function checkUrl(c: Checker, obj: Obj, key: string): void {
  const value = obj[key];
  if (value === undefined) return;
  if (typeof value !== 'string') c.report(`must be a URL (text), not ${describe(value)}`, key);
  else if (value.length > PACK_LIMITS.maxTextLength)
    c.report(`longer than ${PACK_LIMITS.maxTextLength} characters`, key);
  else if (!isHttpsUrl(value)) c.report('not an https:// URL', key);
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

function checkDate(c: Checker, obj: Obj, key: string): void {
  const value = obj[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !isPackDate(value)) {
    c.report('not a date (YYYY-MM-DD) or an RFC 3339 date-time', key);
  }
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

/** Runs `each` on every element of the list at obj[key], with the index on the path. */
function checkList(
  c: Checker,
  obj: Obj,
  key: string,
  minItems: number,
  each: (c: Checker, item: unknown) => void,
): void {
  const list = obj[key];
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    c.report(`must be a list, not ${describe(list)}`, key);
    return;
  }
  if (list.length > MAX_LIST_ITEMS) {
    // Only a hand-made object can get here (10 MB of text cannot hold this many items); a sparse
    // array of a billion holes must not keep the validator busy.
    c.report(`more than ${MAX_LIST_ITEMS.toLocaleString('en')} items`, key);
    return;
  }
  if (list.length < minItems) c.report(`must list at least ${minItems}`, key);
  c.path.push(key, 0);
  const at = c.path.length - 1;
  for (let i = 0; i < list.length; i++) {
    c.path[at] = i;
    each(c, list[i]);
  }
  c.path.length -= 2;
}

function asObject(c: Checker, value: unknown): value is Obj {
  if (isPlainObject(value)) return true;
  c.report(`must be an object, not ${describe(value)}`);
  return false;
}

function checkPublisher(c: Checker, value: unknown): void {
  c.path.push('publisher');
  if (asObject(c, value)) {
    checkKeys(c, value, PUBLISHER_KEYS, ['name']);
    checkText(c, value, 'name', true);
    checkUrl(c, value, 'url');
    checkUrl(c, value, 'corrections');
  }
  c.path.pop();
}

function checkSourceRefs(c: Checker, obj: Obj, scope: CampaignScope): void {
  const list = obj.sources;
  if (!Array.isArray(list)) return; // the list itself is checked by checkList
  for (let i = 0; i < list.length; i++) {
    const ref: unknown = list[i];
    if (typeof ref !== 'string')
      c.report(`must be a source id, not ${describe(ref)}`, 'sources', i);
    else if (!scope.sourceIds.has(ref))
      c.report(`source "${clip(ref)}" is not listed in this campaign's sources`, 'sources', i);
  }
}

function checkSourceList(c: Checker, obj: Obj): void {
  const list = obj.sources;
  if (list === undefined) return; // reported by checkKeys
  if (!Array.isArray(list)) c.report(`must be a list, not ${describe(list)}`, 'sources');
  else if (list.length === 0) c.report('must list at least one source', 'sources');
  else if (list.length > MAX_LIST_ITEMS)
    c.report(`more than ${MAX_LIST_ITEMS.toLocaleString('en')} items`, 'sources');
  else checkSourceRefs(c, obj, c.scope);
}

function checkAccount(c: Checker, value: unknown): void {
  if (!asObject(c, value)) return;
  c.accountCount++;
  checkKeys(c, value, ACCOUNT_KEYS, ['platform']);
  const { platform, handle, numericId } = value;
  if (platform !== undefined && (typeof platform !== 'string' || !PLATFORMS.has(platform))) {
    c.report('must be instagram or facebook', 'platform');
    return;
  }
  if (platform === 'instagram') {
    if (handle === undefined) c.report('an Instagram account needs a handle', 'handle');
    else if (typeof handle !== 'string' || !INSTAGRAM_USERNAME.test(handle))
      c.report('not a valid Instagram username', 'handle');
    if (numericId !== undefined) c.report('numericId is only for Facebook accounts', 'numericId');
  } else if (platform === 'facebook') {
    if (handle === undefined && numericId === undefined)
      c.report('a Facebook account needs a handle or a numericId');
    if (handle !== undefined) {
      if (typeof handle !== 'string' || !FACEBOOK_VANITY.test(handle))
        c.report('not a valid Facebook username', 'handle');
      else if (/^[0-9]+$/.test(handle))
        c.report(
          'a Facebook username cannot be all digits (put a numeric id in numericId)',
          'handle',
        );
    }
    if (
      numericId !== undefined &&
      (typeof numericId !== 'string' || !FACEBOOK_NUMERIC_ID.test(numericId))
    )
      c.report('not a valid Facebook numeric id (5–20 digits, as text)', 'numericId');
  }
}

function checkAction(c: Checker, value: unknown): void {
  const scope = c.scope;
  if (!asObject(c, value)) return;
  checkKeys(c, value, ACTION_KEYS, ['summary', 'sources']);
  checkText(c, value, 'summary', true);
  checkDate(c, value, 'date');
  const event = value.event;
  if (event !== undefined) {
    if (typeof event !== 'string') c.report(`must be an event id, not ${describe(event)}`, 'event');
    else if (!scope.eventIds.has(event))
      c.report(`event "${clip(event)}" is not an event of this campaign`, 'event');
  }
  checkSourceList(c, value);
}

function checkParticipant(c: Checker, value: unknown): void {
  const scope = c.scope;
  if (c.accountCount > PACK_LIMITS.maxAccounts || !asObject(c, value)) return;
  checkKeys(c, value, PARTICIPANT_KEYS, ['id', 'name', 'kind', 'role', 'accounts', 'sources']);
  checkId(c, value, 'id', null, 'participant');
  if (typeof value.id === 'string') scope.participantIds.push(value.id);
  checkText(c, value, 'name', true);
  checkEnum(c, value, 'kind', PARTICIPANT_KINDS);
  checkEnum(c, value, 'role', ROLES);
  checkEnum(c, value, 'status', STATUSES);
  checkList(c, value, 'accounts', 1, checkAccount);
  if (c.accountCount > PACK_LIMITS.maxAccounts) return;
  checkList(c, value, 'actions', 0, checkAction);
  checkSourceList(c, value);
}

function checkEvent(c: Checker, value: unknown): void {
  const scope = c.scope;
  if (!asObject(c, value)) return;
  checkKeys(c, value, EVENT_KEYS, ['id', 'title', 'kind', 'start']);
  checkId(c, value, 'id', scope.eventIds, 'event');
  checkText(c, value, 'title', true);
  checkEnum(c, value, 'kind', EVENT_KINDS);
  checkDate(c, value, 'start');
  checkDate(c, value, 'end');
  checkText(c, value, 'detail', false);
  const { start, end, timeZone } = value;
  if (
    typeof start === 'string' &&
    typeof end === 'string' &&
    isPackDate(start) &&
    isPackDate(end)
  ) {
    // An all-day end covers its whole day, so with a date on either side only the days compare.
    const anyDate = DATE_PATTERN.test(start) || DATE_PATTERN.test(end);
    if (anyDate ? end.slice(0, 10) < start.slice(0, 10) : Date.parse(end) < Date.parse(start))
      c.report('ends before it starts', 'end');
  }
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone)))
    c.report('not an IANA time zone (like America/New_York)', 'timeZone');
}

function checkSource(c: Checker, value: unknown): void {
  const scope = c.scope;
  if (!asObject(c, value)) return;
  checkKeys(c, value, SOURCE_KEYS, ['id', 'url']);
  checkId(c, value, 'id', scope.sourceIds, 'source');
  checkUrl(c, value, 'url');
  checkText(c, value, 'publisher', false);
  checkText(c, value, 'title', false);
  checkDate(c, value, 'date');
}

/**
 * Participant lists can hold a million entries. Sorting their ids and comparing neighbours is about
 * ten times faster than a Set of a million strings, and almost every pack has no duplicate; only
 * when one exists is the list walked again to name the entries.
 */
function reportDuplicateParticipants(c: Checker, participants: unknown): void {
  const ids = c.scope.participantIds;
  if (ids.length < 2 || !Array.isArray(participants)) return;
  const sorted = ids.slice().sort();
  const duplicated = new Set<string>();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) duplicated.add(sorted[i]!);
  }
  if (duplicated.size === 0) return;
  const seen = new Set<string>();
  for (let i = 0; i < participants.length && !c.full; i++) {
    const id: unknown = isPlainObject(participants[i]) ? participants[i].id : undefined;
    if (typeof id !== 'string' || !duplicated.has(id)) continue;
    if (seen.has(id)) c.report(`duplicate participant id "${id}"`, 'participants', i, 'id');
    else seen.add(id);
  }
}

function checkCampaign(c: Checker, value: unknown, campaignIds: Set<string>): void {
  if (!asObject(c, value)) return;
  checkKeys(c, value, CAMPAIGN_KEYS, ['id', 'name', 'participants', 'sources']);
  checkId(c, value, 'id', campaignIds, 'campaign');
  checkText(c, value, 'name', true);
  for (const key of ['hashtag', 'summary', 'target']) checkText(c, value, key, false);
  checkUrl(c, value, 'url');
  c.scope = newScope();
  // Sources and events first: participants and actions refer to them.
  checkList(c, value, 'sources', 0, checkSource);
  checkList(c, value, 'events', 0, checkEvent);
  checkList(c, value, 'coalition', 0, (c2, member) => {
    if (!asObject(c2, member)) return;
    checkKeys(c2, member, COALITION_KEYS, ['name']);
    checkText(c2, member, 'name', true);
    checkUrl(c2, member, 'url');
  });
  checkList(c, value, 'demands', 0, (c2, demand) => {
    if (!asObject(c2, demand)) return;
    checkKeys(c2, demand, DEMAND_KEYS, ['id', 'title']);
    checkId(c2, demand, 'id', c2.scope.demandIds, 'demand');
    checkText(c2, demand, 'title', true);
    checkText(c2, demand, 'detail', false);
    checkText(c2, demand, 'category', false);
  });
  checkList(c, value, 'participants', 0, checkParticipant);
  reportDuplicateParticipants(c, value.participants);
}

function checkPack(c: Checker, value: unknown): void {
  if (!isPlainObject(value)) {
    c.report(`a pack must be a JSON object, not ${describe(value)}`);
    return;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (FORBIDDEN_KEYS.has(key)) c.report(`forbidden key "${key}"`, key);
    else if (!PACK_KEYS.has(key)) c.report(`unknown key "${clip(key)}"`, key);
  }
  for (const key of ['format', 'id', 'version', 'updatedAt', 'publisher', 'campaigns']) {
    if (value[key] === undefined) c.report(`missing required key "${key}"`, key);
  }
  if (value.format !== undefined && value.format !== PACK_FORMAT)
    c.report(`must be "${PACK_FORMAT}" (this version of Picket reads format 1 only)`, 'format');
  const { id, version } = value;
  if (id !== undefined && (typeof id !== 'string' || !PACK_ID_PATTERN.test(id)))
    c.report('not a valid pack id (3–64 of a-z 0-9 -)', 'id');
  if (
    version !== undefined &&
    (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
  )
    c.report('must be a positive whole number', 'version');
  checkDate(c, value, 'updatedAt');
  if (value.publisher !== undefined) checkPublisher(c, value.publisher);
  const campaignIds = new Set<string>();
  checkList(c, value, 'campaigns', 1, (c2, campaign) => checkCampaign(c2, campaign, campaignIds));
  if (c.accountCount > PACK_LIMITS.maxAccounts) {
    c.report(
      `more than ${PACK_LIMITS.maxAccounts.toLocaleString('en')} accounts (the limit per pack)`,
      'campaigns',
    );
  }
}

function finish(c: Checker, value: unknown): PackResult {
  if (c.problemCount === 0) return { ok: true, pack: value as Pack };
  const issues = c.issues.slice();
  const hidden = c.problemCount - issues.length;
  if (hidden > 0) issues.push({ path: '', message: `…and ${hidden} more problems` });
  return { ok: false, issues };
}

/**
 * Validates a parsed pack. Never throws. The 10 MB limit is a limit on text, so it is checked by
 * validatePackText only; an object given here is checked against every other rule (including the
 * 1,000,000-account limit). On success the same object is returned, typed as a Pack.
 */
export function validatePack(value: unknown): PackResult {
  const c = new Checker();
  try {
    checkPack(c, value);
    return finish(c, value);
  } catch (error) {
    // Only reachable with hostile objects (throwing getters, proxies): JSON text never gets here.
    c.report(`the pack could not be read (${error instanceof Error ? error.name : 'error'})`);
    return finish(c, value);
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      const detail = error instanceof SyntaxError ? `: ${clip(error.message)}` : '';
      return { ok: false, issues: [{ path: '', message: `not valid JSON${detail}` }] };
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
