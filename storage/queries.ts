// What the popup, options page and reminders read from the store. Signatures are the contract
// between the store and its readers. Works from the background and from extension pages (each
// opens the database itself), and from the in-memory fallback when the database cannot open.
import type { Pack, ParticipantRole } from '../core/pack/types';
import type {
  CampaignSummary,
  PackSummary,
  ParticipantView,
  StoreSnapshot,
} from '../core/store-views';
import { bundledPack } from './bundled';
import { PARTICIPANTS_PER_BLOCK } from './blocks';
import type { PicketDatabase } from './db';
import { MemoryIndex } from './pack-index';
import type { CampaignDirectoryRow, CampaignRow, ParticipantRow } from './schema';
import { getStore } from './store-open';
import { readRegistry } from './userdata';

/**
 * Above `scan` participants a text search relies on prefix indexes and scans at most `scan` rows
 * for substrings. Mutable so tests can exercise the large-campaign path with a small campaign.
 */
export const SEARCH_LIMITS = { scan: 5_000 };

/**
 * Packs and the campaigns of enabled packs, for the popup's first render: reads the packs and
 * campaigns tables only, never the (possibly million-row) participants or accounts.
 */
export async function loadSnapshot(): Promise<StoreSnapshot> {
  const [store, registry] = await Promise.all([getStore(), readRegistry()]);
  const [packRows, campaignRows] = await Promise.all([
    store.index.packs(),
    store.index.campaigns(),
  ]);
  const cached = new Map(packRows.map((row) => [row.id, row] as const));
  const bundled = bundledPack().pack;
  const packs: PackSummary[] = [];

  const stored = new Map(registry.packs.map((record) => [record.id, record] as const));
  const override = stored.get(bundled?.id ?? '');
  // A stored pack with the bundled id replaces the bundled one only while it is newer.
  if (bundled && !(override && override.version > bundled.version)) {
    const row = cached.get(bundled.id);
    const counts = row ?? countPack(bundled);
    packs.push({
      id: bundled.id,
      version: bundled.version,
      updatedAt: bundled.updatedAt,
      publisherName: bundled.publisher.name,
      ...(bundled.publisher.corrections !== undefined && {
        corrections: bundled.publisher.corrections,
      }),
      origin: 'bundled',
      enabled: !registry.disabled.includes(bundled.id),
      campaignCount: counts.campaignCount,
      participantCount: counts.participantCount,
      accountCount: counts.accountCount,
      installedAt: row?.installedAt ?? new Date(0).toISOString(),
    });
  }
  for (const record of registry.packs) {
    if (bundled?.id === record.id && bundled.version >= record.version) continue;
    packs.push({
      id: record.id,
      version: record.version,
      updatedAt: record.updatedAt,
      publisherName: record.publisherName,
      ...(record.corrections !== undefined && { corrections: record.corrections }),
      origin: record.origin,
      enabled: !registry.disabled.includes(record.id),
      campaignCount: record.campaignCount,
      participantCount: record.participantCount,
      accountCount: record.accountCount,
      installedAt: record.installedAt,
      ...(record.subscription && {
        subscription: {
          url: record.subscription.url,
          ...(record.subscription.lastCheckedAt !== undefined && {
            lastCheckedAt: record.subscription.lastCheckedAt,
          }),
          ...(record.subscription.lastSuccessAt !== undefined && {
            lastSuccessAt: record.subscription.lastSuccessAt,
          }),
          ...(record.subscription.lastError && { lastError: record.subscription.lastError }),
        },
      }),
    });
  }

  const enabled = new Set(packs.filter((p) => p.enabled).map((p) => p.id));
  const campaigns = campaignRows
    .filter((row) => enabled.has(row.packId))
    .sort((a, b) =>
      a.packId === b.packId ? a.position - b.position : a.packId < b.packId ? -1 : 1,
    )
    .map(campaignSummary);
  return { packs, campaigns, usingBundledFallback: store.usingBundledFallback };
}

function countPack(pack: Pack) {
  let participantCount = 0;
  let accountCount = 0;
  for (const campaign of pack.campaigns) {
    participantCount += campaign.participants.length;
    for (const participant of campaign.participants) accountCount += participant.accounts.length;
  }
  return { campaignCount: pack.campaigns.length, participantCount, accountCount };
}

function campaignSummary(row: CampaignRow): CampaignSummary {
  const { position: _position, roleCounts: _roleCounts, ...summary } = row;
  return summary;
}

/**
 * Participants of one campaign, by name, optionally filtered by a case-insensitive text (matched
 * as a prefix or substring of the name or of any handle, a leading `@` ignored) and a role.
 * Prefix matches come first. Work is bounded: above SEARCH_LIMITS.scan participants the substring part
 * only looks at the first SEARCH_LIMITS.scan names, and `total` counts what was found.
 */
export async function searchParticipants(
  campaignKey: string,
  query: { text?: string; role?: ParticipantRole; limit?: number; offset?: number },
): Promise<{ total: number; items: ParticipantView[] }> {
  const limit = Math.max(0, Math.min(query.limit ?? 50, 500));
  const offset = Math.max(0, query.offset ?? 0);
  const text = (query.text ?? '').trim().toLowerCase().replace(/^@/, '');
  const store = await getStore();

  if (!(store.index instanceof MemoryIndex) && store.db) {
    return searchDatabase(store.db, campaignKey, text, query.role, limit, offset);
  }
  const rows = store.index instanceof MemoryIndex ? store.index.participantsOf(campaignKey) : [];
  const sorted = [...rows].sort((a, b) =>
    a.nameLower < b.nameLower ? -1 : a.nameLower > b.nameLower ? 1 : 0,
  );
  const matches = rankMatches(sorted, text, query.role);
  return { total: matches.length, items: matches.slice(offset, offset + limit).map(view) };
}

async function searchDatabase(
  db: PicketDatabase,
  campaignKey: string,
  text: string,
  role: ParticipantRole | undefined,
  limit: number,
  offset: number,
): Promise<{ total: number; items: ParticipantView[] }> {
  const [campaign, directory] = await Promise.all([
    db.campaigns.get(campaignKey),
    db.directories.get(campaignKey),
  ]);
  if (!campaign || !directory) return { total: 0, items: [] };
  const blocks = new BlockReader(db, campaign, directory);

  if (!text) {
    const total = role ? (campaign.roleCounts[role] ?? 0) : campaign.participantCount;
    return { total, items: (await blocks.page(offset, limit, role)).map(view) };
  }

  if (campaign.participantCount <= SEARCH_LIMITS.scan) {
    const matches = rankMatches(await blocks.first(campaign.participantCount), text, role);
    return { total: matches.length, items: matches.slice(offset, offset + limit).map(view) };
  }

  // Large campaign: prefix matches come from the name and handle order, substring matches from
  // a capped scan.
  const namePrefix = await blocks.namePrefix(text, SEARCH_LIMITS.scan);
  const handlePrefix = await blocks.handlePrefix(text, SEARCH_LIMITS.scan);
  const substring = (await blocks.first(SEARCH_LIMITS.scan)).filter((row) =>
    matchesText(row, text),
  );

  const seen = new Set<string>();
  const matches: ParticipantRow[] = [];
  for (const row of [...namePrefix, ...handlePrefix, ...substring]) {
    if (seen.has(row.id) || (role && row.participant.role !== role)) continue;
    seen.add(row.id);
    matches.push(row);
  }
  return { total: matches.length, items: matches.slice(offset, offset + limit).map(view) };
}

/** Last index whose value is ≤ `text` in a sorted list (0 when none is). */
function blockFor(firsts: string[], text: string): number {
  let low = 0;
  let high = firsts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (firsts[mid]! <= text) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

/**
 * Reads one campaign's participant blocks (storage/blocks.ts) for one query, each at most once.
 * Positions are places in the campaign's name order.
 */
class BlockReader {
  private readonly parsed = new Map<number, ParticipantRow[]>();

  constructor(
    private readonly db: PicketDatabase,
    private readonly campaign: CampaignRow,
    private readonly directory: CampaignDirectoryRow,
  ) {}

  private get blockCount(): number {
    return this.directory.names.length;
  }

  async blocks(numbers: number[]): Promise<ParticipantRow[][]> {
    const missing = [...new Set(numbers)].filter(
      (n) => !this.parsed.has(n) && n >= 0 && n < this.blockCount,
    );
    if (missing.length) {
      const { packId, id } = this.campaign;
      const rows = await this.db.participantBlocks.bulkGet(missing.map((n) => [packId, id, n]));
      missing.forEach((n, i) => {
        const row = rows[i];
        this.parsed.set(n, row ? (JSON.parse(row.rows) as ParticipantRow[]) : []);
      });
    }
    return numbers.map((n) => this.parsed.get(n) ?? []);
  }

  /** The first `count` participants in name order. */
  async first(count: number): Promise<ParticipantRow[]> {
    const wanted = Math.min(this.blockCount, Math.ceil(count / PARTICIPANTS_PER_BLOCK));
    const blocks = await this.blocks([...Array(wanted).keys()]);
    return blocks.flat().slice(0, count);
  }

  /** `limit` participants from `offset` in name order, of one role if given. */
  async page(offset: number, limit: number, role?: ParticipantRole): Promise<ParticipantRow[]> {
    const out: ParticipantRow[] = [];
    let skip = offset;
    for (let n = 0; n < this.blockCount && out.length < limit; n++) {
      // The directory's counts let whole blocks be skipped without reading them.
      const inBlock = role
        ? (this.directory.roles[n]![role] ?? 0)
        : Math.min(
            PARTICIPANTS_PER_BLOCK,
            this.campaign.participantCount - n * PARTICIPANTS_PER_BLOCK,
          );
      if (skip >= inBlock) {
        skip -= inBlock;
        continue;
      }
      const [rows] = await this.blocks([n]);
      for (const row of rows!) {
        if (role && row.participant.role !== role) continue;
        if (skip > 0) skip--;
        else if (out.length < limit) out.push(row);
      }
    }
    return out;
  }

  /** Participants whose name starts with `text`, in name order, at most `cap`. */
  async namePrefix(text: string, cap: number): Promise<ParticipantRow[]> {
    const out: ParticipantRow[] = [];
    for (let n = blockFor(this.directory.names, text); n < this.blockCount; n++) {
      const [rows] = await this.blocks([n]);
      for (const row of rows!) {
        if (row.nameLower.startsWith(text)) out.push(row);
        else if (row.nameLower > text) return out;
        if (out.length >= cap) return out;
      }
    }
    return out;
  }

  /** Participants with a handle that starts with `text`, in handle order, at most `cap`. */
  async handlePrefix(text: string, cap: number): Promise<ParticipantRow[]> {
    const { packId, id } = this.campaign;
    const owners: number[] = [];
    const count = this.directory.handles.length;
    scan: for (let n = blockFor(this.directory.handles, text); n < count; n++) {
      const block = await this.db.handleBlocks.get([packId, id, n]);
      if (!block) break;
      for (let i = 0; i < block.keys.length; i++) {
        const key = block.keys[i]!;
        if (key.startsWith(text)) owners.push(block.owners[i]!);
        else if (key > text) break scan;
        if (owners.length >= cap) break scan;
      }
    }
    const blocks = await this.blocks(owners.map((p) => Math.floor(p / PARTICIPANTS_PER_BLOCK)));
    return owners.map((p, i) => blocks[i]![p % PARTICIPANTS_PER_BLOCK]!).filter(Boolean);
  }
}

function matchesText(row: ParticipantRow, text: string): boolean {
  return row.nameLower.includes(text) || row.handlesLower.some((h) => h.includes(text));
}

function isPrefixMatch(row: ParticipantRow, text: string): boolean {
  return row.nameLower.startsWith(text) || row.handlesLower.some((h) => h.startsWith(text));
}

/** Name-ordered rows → matches, prefix matches first, each group still in name order. */
function rankMatches(
  rows: ParticipantRow[],
  text: string,
  role: ParticipantRole | undefined,
): ParticipantRow[] {
  const filtered = rows.filter(
    (row) => (!role || row.participant.role === role) && (!text || matchesText(row, text)),
  );
  if (!text) return filtered;
  return [
    ...filtered.filter((row) => isPrefixMatch(row, text)),
    ...filtered.filter((row) => !isPrefixMatch(row, text)),
  ];
}

function view(row: ParticipantRow): ParticipantView {
  return {
    ...row.participant,
    campaignKey: row.campaignKey,
    resolvedSources: row.resolvedSources,
    badgeable: row.badgeable,
  };
}
