// The lookup index of one pack: what the background needs to answer "which of these accounts take
// part?" without touching the database once it is loaded.
//
// Why this shape (measured in BENCHMARKS.md): one database row per account made a
// 1,000,000-account import write a million rows (over 2 minutes), and every lookup cost one
// IndexedDB request per key and per match (~0.05 ms each in Chromium, so 200 keys could never
// be answered in 5 ms). Like uBlock Origin's compiled filter lists, the index is instead built
// once per pack change, stored as ONE row of typed arrays, and loaded whole into the service
// worker's memory on its first lookup: 12 bytes per account key, plus one short JSON text per
// badgeable participant that has accounts (the badge it shows, ready to send).
//
//   key ──two 32-bit hashes──► binary search in `hi` ──equal hi, equal lo──► entry ordinal
//                                                                           └► entries[ordinal]
//
// Two independent 32-bit hashes make a 64-bit fingerprint: with a million keys, the chance that
// a key no pack lists matches one that it does is about 1 in 2^44 per key looked up.
import { datedActions } from '../core/claim';
import type { BadgeEntry } from '../core/messages';
import { accountConfidence, strongestFirst } from '../core/pack/evidence';
import type { AccountConfidence, Platform } from '../core/pack/types';
import { displayHandle } from '../core/accounts';
import { keyHashA, keyHashB } from '../core/key-hash';
import { accountKeys } from './keys';
import type { CampaignRow, LookupIndexRow, ParticipantRow } from './schema';

/** A badge lists at most this many actions; the popup shows the rest. */
export const MAX_BADGE_ACTIONS = 5;
/** A badge lists at most this many sources, strongest first; the popup shows them all. */
export const MAX_BADGE_SOURCES = 8;

export interface IndexMatch {
  entry: BadgeEntry;
  handle: string;
}

function indexKey(platform: Platform, key: string): string {
  return `${platform}:${key}`;
}

/**
 * What the index keeps of a participant: its badge, plus the few accounts that need a word of
 * their own (not verified, or run by someone else), by index key. A lookup hands out the badge
 * with the matched account's word only (see findInIndex).
 */
interface StoredEntry extends Omit<BadgeEntry, 'account'> {
  notes?: { key: string; confidence?: AccountConfidence; holder?: string }[];
}

/**
 * Exactly the fields a badge shows, copied one by one so nothing else of the pack reaches a page. Null for a
 * participant whose evidence is too thin to badge, or with no source at all (the validator
 * requires one, so that only guards bad rows).
 */
export function badgeEntry(campaign: CampaignRow, row: ParticipantRow): StoredEntry | null {
  if (row.badgeable === false || row.resolvedSources.length === 0) return null;
  const p = row.participant;
  const entry: StoredEntry = {
    packId: campaign.packId,
    campaignId: campaign.id,
    participantId: p.id,
    campaignName: campaign.name,
    participantName: p.name,
    role: p.role,
    actions: datedActions(p.actions ?? [], campaign.events).slice(0, MAX_BADGE_ACTIONS),
    // Stored strongest first (storage/rows.ts); sorted again so the badge never depends on it.
    sources: strongestFirst(row.resolvedSources)
      .slice(0, MAX_BADGE_SOURCES)
      .map((source) => ({
        url: source.url,
        ...(source.publisher !== undefined && { publisher: source.publisher }),
        ...(source.title !== undefined && { title: source.title }),
        ...(source.date !== undefined && { date: source.date }),
        ...(source.kind !== undefined && { kind: source.kind }),
      })),
  };
  if (campaign.hashtag !== undefined) entry.hashtag = campaign.hashtag;
  if (p.status !== undefined) entry.status = p.status;
  if (p.relation !== undefined) entry.relation = p.relation;
  const notes: NonNullable<StoredEntry['notes']> = [];
  for (const account of p.accounts) {
    const confidence = accountConfidence(account);
    if (confidence === 'verified' && account.holder === undefined) continue;
    for (const key of accountKeys(account)) {
      notes.push({
        key: indexKey(account.platform, key),
        ...(confidence !== 'verified' && { confidence }),
        ...(account.holder !== undefined && { holder: account.holder }),
      });
    }
  }
  if (notes.length) entry.notes = notes;
  return entry;
}

/** The badge of a stored entry for the account it was found by. */
function badgeFor(stored: StoredEntry, text: string): BadgeEntry {
  const { notes, ...entry } = stored;
  const note = notes?.find((n) => n.key === text);
  return {
    ...entry,
    account: {
      confidence: note?.confidence ?? 'verified',
      ...(note?.holder !== undefined && { holder: note.holder }),
    },
  };
}

/** Positions are packed with the first hash into one float64 (2^32 × 2^21 < 2^53) to sort natively. */
const POSITION_BITS = 2 ** 21;

/**
 * Builds one pack's index from its participant rows (in pack order) and campaign rows. Pure, and
 * linear apart from one native sort: about a second for a million accounts.
 */
export function buildLookupIndex(
  packId: string,
  campaigns: CampaignRow[],
  participants: readonly ParticipantRow[],
): LookupIndexRow {
  const campaignById = new Map(campaigns.map((c) => [c.id, c] as const));
  const entries: string[] = [];
  const entryStarts: number[] = [];
  let length = 0;
  const handles = new Map<string, string>();
  // Typed arrays sized for the worst case (two keys per account), not growing JS arrays: a
  // million hashes above 2^30 would each be a heap number.
  let capacity = 0;
  for (const row of participants) capacity += row.participant.accounts.length * 2;
  const his = new Uint32Array(capacity);
  const los = new Uint32Array(capacity);
  const owners = new Uint32Array(capacity);
  let count = 0;
  for (const row of participants) {
    if (row.participant.accounts.length === 0) continue;
    const campaign = campaignById.get(row.campaignId);
    const entry = campaign && badgeEntry(campaign, row);
    if (!entry) continue;
    const ordinal = entries.length;
    const json = JSON.stringify(entry);
    entries.push(json);
    entryStarts.push(length);
    length += json.length;
    const seen = new Set<string>();
    for (const account of row.participant.accounts) {
      const shown = displayHandle(account);
      for (const key of accountKeys(account)) {
        const text = indexKey(account.platform, key);
        // The same account twice in one participant is one reference.
        if (seen.has(text)) continue;
        seen.add(text);
        if (shown !== key && !handles.has(text)) handles.set(text, shown);
        his[count] = keyHashA(text);
        los[count] = keyHashB(text);
        owners[count] = ordinal;
        count++;
      }
    }
  }
  if (count > POSITION_BITS) throw new Error(`too many account keys to index (${count})`);
  const order = new Float64Array(count);
  for (let i = 0; i < count; i++) order[i] = his[i]! * POSITION_BITS + i;
  order.sort();
  const hi = new Uint32Array(count);
  const lo = new Uint32Array(count);
  const entry = new Uint32Array(count);
  for (let p = 0; p < count; p++) {
    const i = order[p]! % POSITION_BITS;
    hi[p] = his[i]!;
    lo[p] = los[i]!;
    entry[p] = owners[i]!;
  }
  entryStarts.push(length);
  return {
    packId,
    hi,
    lo,
    entry,
    entries: entries.join(''),
    entryStarts: Uint32Array.from(entryStarts),
    handles,
  };
}

/** The index's entries for one key, in pack order (campaign order, then participant order). */
export function findInIndex(index: LookupIndexRow, platform: Platform, key: string): IndexMatch[] {
  const text = indexKey(platform, key);
  const a = keyHashA(text);
  const { hi } = index;
  let low = 0;
  let high = hi.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (hi[mid]! < a) low = mid + 1;
    else high = mid;
  }
  if (low >= hi.length || hi[low] !== a) return [];
  const b = keyHashB(text);
  const ordinals: number[] = [];
  for (let p = low; p < hi.length && hi[p] === a; p++) {
    if (index.lo[p] === b) ordinals.push(index.entry[p]!);
  }
  if (!ordinals.length) return [];
  ordinals.sort((x, y) => x - y);
  const handle = index.handles.get(text) ?? key;
  return ordinals.map((ordinal) => ({
    entry: badgeFor(
      JSON.parse(
        index.entries.slice(index.entryStarts[ordinal]!, index.entryStarts[ordinal + 1]!),
      ) as StoredEntry,
      text,
    ),
    handle,
  }));
}
