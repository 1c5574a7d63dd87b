// The one validator for campaign packs (format v1, described by schema/picket-pack-1.schema.json).
// The build, `npm run pack:check`, import and subscription refresh all call it.
//
// Three passes, so that the structure of a pack is written down once, in
// schema/picket-pack-1.schema.json:
// 1. ./validate-json: a cheap iterative walk that refuses what is not plain JSON before anything
//    recursive touches the value;
// 2. ./validate-schema: the schema, checked by ajv code compiled ahead of time
//    (`npm run pack:schema`), its errors worded for people who write packs;
// 3. ./validate-references: the rules a JSON Schema cannot express (unique ids, references to
//    events and sources, real dates, time zones, an event not ending before it starts).
// Here: the account limit, the text's size and its keys repeated in one object, which JSON.parse
// would silently merge. It must never throw: every entry point is wrapped.
import { findDuplicateKeys } from './duplicate-keys';
import type { Pack, PackResult } from './types';
import { Issues, PACK_LIMITS, clip, finish, isPlainObject, type Obj } from './validate-issues';
import { checkJsonValue, countAccounts } from './validate-json';
import { checkSemantics } from './validate-references';
import { checkSchema } from './validate-schema';

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
