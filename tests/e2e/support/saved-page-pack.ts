// The saved-page browser test's campaign pack, generated from the hand-checked expectations in
// tests/expectations/*.json: a few accounts of every saved page go into the pack, the rest of the
// page's accounts stay out, so each page proves both "badged" and "not badged" in one visit.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Platform = 'instagram' | 'facebook';

export interface ExpectedRef {
  surface: string;
  /** The key the adapter reports (`kimkardashian`, `id:123`). */
  key: string;
  /** The key first, then the other keys the same reference carries (Facebook altKeys). */
  keys: string[];
}

export interface SavedPageExpectation {
  /** The saved page's file name in ../shared/fixtures. */
  file: string;
  platform: Platform;
  /** Where the page is served: the original address, always https (the content script's match). */
  url: string;
  refs: ExpectedRef[];
}

interface ExpectationFile {
  url: string;
  surfaces: Record<string, string[]>;
  altKeys?: Record<string, string[]>;
}

/** How many accounts of each page go into the pack (the brief's "up to 3"). */
export const ACCOUNTS_PER_PAGE = 3;

export function readSavedPageExpectations(expectationsDir: string): SavedPageExpectation[] {
  return readdirSync(expectationsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const data = JSON.parse(
        readFileSync(resolve(expectationsDir, name), 'utf8'),
      ) as ExpectationFile;
      const platform: Platform = name.startsWith('instagram') ? 'instagram' : 'facebook';
      const refs: ExpectedRef[] = [];
      for (const [surface, keys] of Object.entries(data.surfaces)) {
        for (const key of keys) {
          refs.push({ surface, key, keys: [key, ...(data.altKeys?.[key] ?? [])] });
        }
      }
      return { file: name.replace(/\.json$/, '.html'), platform, url: servedUrl(data.url), refs };
    });
}

/**
 * The expectations keep the catalogue's address. A catalogue address cut short ends in `…`
 * (only its query is lost), and the 2013 page was saved from plain http: the content script only
 * runs on https, which is what Instagram serves today.
 */
export function servedUrl(url: string): string {
  return url.replace(/…$/, '').replace(/^http:\/\//, 'https://');
}

/**
 * Up to ACCOUNTS_PER_PAGE keys of each page, taken round-robin over the page's surfaces so that
 * a page with authors, comments and mentions puts one of each into the pack.
 */
export function choosePackAccounts(
  pages: readonly SavedPageExpectation[],
): Map<Platform, Set<string>> {
  const chosen = new Map<Platform, Set<string>>([
    ['instagram', new Set()],
    ['facebook', new Set()],
  ]);
  for (const page of pages) {
    const bySurface = new Map<string, string[]>();
    for (const ref of page.refs) {
      const list = bySurface.get(ref.surface) ?? [];
      if (!list.includes(ref.key)) list.push(ref.key);
      bySurface.set(ref.surface, list);
    }
    const picked = new Set<string>();
    const queues = [...bySurface.values()];
    while (picked.size < ACCOUNTS_PER_PAGE && queues.some((queue) => queue.length > 0)) {
      for (const queue of queues) {
        if (picked.size === ACCOUNTS_PER_PAGE) break;
        while (queue.length > 0) {
          const key = queue.shift()!;
          if (!picked.has(key)) {
            picked.add(key);
            break;
          }
        }
      }
    }
    for (const key of picked) chosen.get(page.platform)!.add(key);
  }
  return chosen;
}

/** A pack account for a lookup key: Facebook `id:<n>` is a numericId, everything else a handle. */
function packAccount(platform: Platform, key: string): Record<string, string> {
  if (platform === 'facebook' && key.startsWith('id:')) {
    return { platform, numericId: key.slice(3) };
  }
  return { platform, handle: key };
}

/** A valid picket-pack/1 with one participant per chosen account. */
export function savedPagePack(chosen: Map<Platform, Set<string>>): Record<string, unknown> {
  const participants: Record<string, unknown>[] = [];
  for (const [platform, keys] of chosen) {
    for (const key of [...keys].sort()) {
      participants.push({
        id: `p${participants.length + 1}`,
        name: `Saved-page participant ${key}`,
        kind: 'person',
        role: 'participant',
        accounts: [packAccount(platform, key)],
        status: 'took-part',
        sources: ['S1'],
      });
    }
  }
  return {
    format: 'picket-pack/1',
    id: 'e2e-saved-pages',
    version: 1,
    updatedAt: '2026-11-30T09:00:00Z',
    publisher: { name: 'Picket saved-page test' },
    campaigns: [
      {
        id: 'saved-pages',
        name: 'Saved-page test campaign',
        participants,
        sources: [{ id: 'S1', url: 'https://news.picket.test/saved-pages' }],
      },
    ],
  };
}

export interface PageVerdict {
  /**
   * `data-handle` → how many references to it the page has. For these packs the badge's
   * `data-handle` is the pack key itself: Instagram handles are lower case, Facebook handles are
   * written as their (lower-case) key, and id-only accounts show as `id:<n>`.
   */
  badged: Map<string, number>;
  /** Keys on the page (with their alternatives) that the pack does not list: never badged. */
  notInPack: string[];
}

/** What a page must show with the pack: a reference is badged when any of its keys is listed. */
export function expectedOn(
  page: SavedPageExpectation,
  chosen: Map<Platform, Set<string>>,
): PageVerdict {
  const listed = chosen.get(page.platform)!;
  const badged = new Map<string, number>();
  const notInPack = new Set<string>();
  for (const ref of page.refs) {
    // The runtime's rule: the reference's own key first, then its alternatives; the first hit wins.
    const hit = ref.keys.find((key) => listed.has(key));
    if (hit) badged.set(hit, (badged.get(hit) ?? 0) + 1);
    else for (const key of ref.keys) notInPack.add(key);
  }
  return { badged, notInPack: [...notInPack].sort() };
}
