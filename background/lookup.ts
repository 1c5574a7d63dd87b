// Answers "which of these accounts take part?" for the content script: one index query for the
// whole batch, then only the participants it needs, shaped into the least a badge shows (B4).
import { FACEBOOK_NUMERIC_ID, facebookVanityKey, instagramKey } from '../core/accounts';
import type { BadgeEntry, BadgeInfo } from '../core/messages';
import type { Platform } from '../core/pack/types';
import type { CampaignRow, ParticipantRow } from '../storage/db';
import type { ParticipantId } from '../storage/pack-index';
import { participantIdKey } from '../storage/pack-index';
import { getSettings, type Settings } from '../storage/settings';
import { getStore, onStoreChange } from '../storage/store';

/** Answers kept between batches; small, because a page rarely shows more than a few hundred. */
const CACHE_LIMIT = 5_000;
/** A badge lists at most this many actions; the popup shows the rest. */
const MAX_ACTIONS = 5;

const answers = new Map<string, BadgeInfo | null>();
let campaignsCache: Map<string, CampaignRow> | null = null;
let settingsCache: Promise<Settings> | null = null;

/** Drops every cached answer; called on any pack or settings change. */
export function invalidateLookupCache(): void {
  answers.clear();
  campaignsCache = null;
  settingsCache = null;
}
onStoreChange(invalidateLookupCache);

/**
 * The key as the pack indexes it, or null when the text cannot be an account of that platform
 * (page text only becomes a lookup key after passing the handle rules, checklist E7).
 */
export function normalizeKey(platform: Platform, key: string): string | null {
  if (platform === 'instagram') return instagramKey(key);
  if (key.startsWith('id:')) return FACEBOOK_NUMERIC_ID.test(key.slice(3)) ? key : null;
  return facebookVanityKey(key);
}

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

async function resolve(
  platform: Platform,
  keys: string[],
  settings: Settings,
): Promise<Map<string, BadgeInfo>> {
  const { index } = await getStore();
  const campaigns = (campaignsCache ??= new Map(
    (await index.campaigns()).map((c) => [c.key, c] as const),
  ));
  const packIds = [...new Set([...campaigns.values()].map((c) => c.packId))];
  const { rows, participants } = await index.batch(async () => {
    const rows = (await index.accountsFor(platform, keys, packIds)).filter(
      (row) => settings.campaigns[`${row.packId}/${row.campaignId}`] !== false,
    );
    const ids = new Map<string, ParticipantId>();
    for (const row of rows) {
      const id: ParticipantId = [row.packId, row.campaignId, row.participantId];
      ids.set(participantIdKey(id), id);
    }
    const participants = new Map<string, ParticipantRow>();
    for (const row of await index.participants([...ids.values()])) {
      if (row) participants.set(participantIdKey([row.packId, row.campaignId, row.id]), row);
    }
    return { rows, participants };
  });

  const out = new Map<string, BadgeInfo>();
  for (const row of rows) {
    const campaign = campaigns.get(`${row.packId}/${row.campaignId}`);
    const participant = participants.get(
      participantIdKey([row.packId, row.campaignId, row.participantId]),
    );
    if (!campaign || !participant) continue;
    const entry = badgeEntry(campaign, participant);
    if (!entry) continue;
    const info = out.get(row.key);
    if (info) info.entries.push(entry);
    else out.set(row.key, { platform, handle: row.handle, entries: [entry] });
  }
  return out;
}

/** Exactly the fields a badge shows, copied one by one so nothing else leaks (B4). */
export function badgeEntry(campaign: CampaignRow, row: ParticipantRow): BadgeEntry | null {
  const source = row.resolvedSources[0];
  // Every badge cites a source; the validator guarantees one, so this only guards bad rows.
  if (!source) return null;
  const events = new Map(campaign.events.map((e) => [e.id, e.title] as const));
  const p = row.participant;
  const entry: BadgeEntry = {
    packId: campaign.packId,
    campaignId: campaign.id,
    campaignName: campaign.name,
    participantName: p.name,
    role: p.role,
    actions: (p.actions ?? []).slice(0, MAX_ACTIONS).map((action) => {
      const eventTitle = action.event ? events.get(action.event) : undefined;
      return {
        summary: action.summary,
        ...(action.date !== undefined && { date: action.date }),
        ...(eventTitle !== undefined && { eventTitle }),
      };
    }),
    source: {
      url: source.url,
      ...(source.publisher !== undefined && { publisher: source.publisher }),
      ...(source.title !== undefined && { title: source.title }),
      ...(source.date !== undefined && { date: source.date }),
    },
  };
  if (campaign.hashtag !== undefined) entry.hashtag = campaign.hashtag;
  if (p.status !== undefined) entry.status = p.status;
  if (campaign.corrections !== undefined) entry.corrections = campaign.corrections;
  return entry;
}
