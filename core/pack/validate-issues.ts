// How the pack validator collects and words its problems: the limits it reports against, the
// messages its passes share, JSON Pointer paths, and the final result or printed list.
import type { Pack, PackIssue, PackResult } from './types';

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

export const DATE_MESSAGE = 'not a date (YYYY-MM-DD) or an RFC 3339 date-time';
export const URL_MESSAGE = 'not an https:// URL';
export const CORRECTIONS_MESSAGE =
  'not an https:// URL or a mailto: address (mailto:name@example.org)';
export const VERSION_MESSAGE = `must be a whole number from 1 to ${PACK_LIMITS.maxVersion.toLocaleString('en')}`;
export const ID_MESSAGE =
  'not a valid id (1–64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)';
export const TIME_ZONE_MESSAGE = 'not an IANA time zone (like America/New_York)';

export type Segment = string | number;
export type Obj = Record<string, unknown>;

/** Problems, deduplicated, the first 100 kept in full and the rest counted. */
export class Issues {
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
export function pointer(path: readonly Segment[]): string {
  let out = '';
  for (const segment of path) out += '/' + escapeSegment(clipSegment(String(segment)));
  return out;
}
const clipSegment = (text: string) => (text.length > 100 ? text.slice(0, 100) + '…' : text);
const escapeSegment = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');

export function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

export function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/** Text, a finite number, a boolean or null: nothing inside to look at. */
export function isJsonLeaf(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

export function finish(issues: Issues, value: unknown): PackResult {
  if (issues.count === 0) return { ok: true, pack: value as Pack };
  const list = issues.list.slice();
  const hidden = issues.count - list.length;
  if (hidden > 0) list.push({ path: '', message: `…and ${hidden} more problems` });
  return { ok: false, issues: list };
}

/** One line per problem, as the CLI and the build print them. */
export function formatIssues(issues: readonly PackIssue[]): string {
  return issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('\n');
}
