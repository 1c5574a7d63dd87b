// Answers "which of these accounts take part?" for the content script. Each enabled pack's lookup
// index (storage/lookup-index.ts) is read once into memory, with one database request per pack,
// and kept while the worker lives: a batch then costs no database request at all, and a key in
// no pack (most of any page) costs a binary search.
import { buildKeyFilter, normalizeKey, type KeyFilterData } from '../core/key-filter';
import type { BadgeInfo } from '../core/messages';
import type { Platform } from '../core/pack/types';
import { findInIndex } from '../storage/lookup-index';
import type { LookupIndexRow } from '../storage/schema';
import { getSettings } from '../storage/settings';
import type { Settings } from '../core/settings';
import { getStore, onStoreChange } from '../storage/store-open';

/** Answers kept between batches; small, because a page rarely shows more than a few hundred. */
const CACHE_LIMIT = 5_000;

const answers = new Map<string, BadgeInfo | null>();
let indexesCache: Promise<LookupIndexRow[]> | null = null;
let settingsCache: Promise<Settings> | null = null;
let filterCache: Promise<KeyFilterData> | null = null;

/** Drops every cached answer; called on any pack or settings change. */
export function invalidateLookupCache(): void {
  answers.clear();
  indexesCache = null;
  settingsCache = null;
  filterCache = null;
}
onStoreChange(invalidateLookupCache);

/**
 * Looks up a batch of keys. The answer is keyed by the keys as given (those that match), with a
 * null prototype: keys are page-derived text, and `__proto__` is a valid Instagram username.
 */
export async function lookup(
  platform: Platform,
  keys: string[],
): Promise<Record<string, BadgeInfo>> {
  const result: Record<string, BadgeInfo> = Object.create(null);
  const settings = await (settingsCache ??= getSettings());
  if (!settings.sites[platform]) return result;
  const allowlisted = new Set(settings.allowlist);

  const wanted = new Map<string, string[]>(); // normalized key → keys as given
  for (const key of keys) {
    const normalized = normalizeKey(platform, key);
    if (normalized === null || allowlisted.has(`${platform}:${normalized}`)) continue;
    const list = wanted.get(normalized);
    if (list) list.push(key);
    else wanted.set(normalized, [key]);
  }

  const missing = [...wanted.keys()].filter((key) => !answers.has(`${platform}:${key}`));
  if (missing.length) {
    const fresh = await resolve(platform, missing, settings);
    for (const key of missing) remember(`${platform}:${key}`, fresh.get(key) ?? null);
  }
  for (const [normalized, given] of wanted) {
    const info = answers.get(`${platform}:${normalized}`);
    if (info) for (const key of given) result[key] = info;
  }
  return result;
}

function remember(cacheKey: string, info: BadgeInfo | null): void {
  if (answers.size >= CACHE_LIMIT) {
    // Oldest first: a Map iterates in insertion order.
    const oldest = answers.keys().next().value;
    if (oldest !== undefined) answers.delete(oldest);
  }
  answers.set(cacheKey, info);
}

/**
 * The membership filter of every key the enabled packs list (core/key-filter.ts), for the content
 * config; built once per pack change. Loading it also loads the indexes, so the page's first
 * lookup finds them in memory.
 */
export function keyFilter(): Promise<KeyFilterData> {
  filterCache ??= loadIndexes().then((indexes) => buildKeyFilter(indexes));
  filterCache.catch(() => (filterCache = null));
  return filterCache;
}

/** The enabled packs' indexes, in the order their campaigns are listed. */
function loadIndexes(): Promise<LookupIndexRow[]> {
  indexesCache ??= (async () => {
    const { index } = await getStore();
    const packIds = [...new Set((await index.campaigns()).map((c) => c.packId))];
    return index.lookupIndexes(packIds);
  })();
  // A failed read is not remembered: the next batch tries again.
  indexesCache.catch(() => (indexesCache = null));
  return indexesCache;
}

async function resolve(
  platform: Platform,
  keys: string[],
  settings: Settings,
): Promise<Map<string, BadgeInfo>> {
  const indexes = await loadIndexes();
  const out = new Map<string, BadgeInfo>();
  for (const key of keys) {
    let info: BadgeInfo | undefined;
    for (const index of indexes) {
      for (const { entry, handle } of findInIndex(index, platform, key)) {
        if (settings.campaigns[`${entry.packId}/${entry.campaignId}`] === false) continue;
        if (settings.verifiedOnly && entry.account.confidence !== 'verified') continue;
        if (info) info.entries.push(entry);
        else info = { platform, handle, entries: [entry] };
      }
    }
    if (info) out.set(key, info);
  }
  return out;
}
