/**
 * Pure URL logic for instagram.com: which kind of page a URL is, and which account a link points to.
 * No DOM here, so all of it is unit-tested with plain strings (tests/unit/sites/instagram-urls.test.ts).
 */
import { INSTAGRAM_USERNAME, type AccountKey } from '../../core/accounts';
import { platformForHost } from '../../core/hosts';
import { INSTAGRAM_RESERVED_SEGMENTS } from './reserved';

const DEFAULT_BASE = 'https://www.instagram.com/';

export function isInstagramHost(hostname: string): boolean {
  return platformForHost(hostname) === 'instagram';
}

/** `new URL` that never throws: links on a page can hold anything (`javascript:;`, `#`, broken escapes). */
function safeUrl(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The non-empty path segments (`/gdg_rbu/` → ['gdg_rbu']). */
function segmentsOf(pathname: string): string[] {
  return pathname.split('/').filter((segment) => segment !== '');
}

/**
 * The key of a username read anywhere on the page (a path segment, a heading, a menu item, an
 * avatar's alt text), or null: a route of Instagram's own (`explore`, `settings`) is nobody's account.
 */
export function usernameKey(name: string): AccountKey | null {
  if (!INSTAGRAM_USERNAME.test(name)) return null;
  const key = name.toLowerCase();
  return INSTAGRAM_RESERVED_SEGMENTS.has(key) ? null : key;
}

export interface InstagramLink {
  key: AccountKey;
  /** `profile` for `/<user>/`; `reels` for `/<user>/reels/`, the author link on the reels tab. */
  tab: 'profile' | 'reels';
}

/**
 * The account an href points to, or null. Accepts absolute and relative hrefs, with or without the
 * trailing slash (2013 used `/i_am_kiko`); ignores query and fragment (`?enable_persistent_cta=…`).
 * `/<user>/reels/` is reported with `tab: 'reels'`: it is the author link on the reels tab, but on a
 * profile it is also the Reels tab itself, so the caller decides by the link's text.
 */
export function parseInstagramHref(
  href: string,
  base: string = DEFAULT_BASE,
): InstagramLink | null {
  const url = safeUrl(href, base);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (!isInstagramHost(url.hostname)) return null;
  return linkFromPath(url.pathname);
}

/** The account an Instagram path (`/name/`, `/name/reels/`) points to, or null. */
export function linkFromPath(pathname: string): InstagramLink | null {
  const segments = segmentsOf(pathname);
  const first = segments[0];
  if (first === undefined) return null;
  const key = usernameKey(first);
  if (!key) return null;
  if (segments.length === 1) return { key, tab: 'profile' };
  if (segments.length === 2 && segments[1] === 'reels') return { key, tab: 'reels' };
  return null;
}

/**
 * A path-only href whose path the URL parser would keep as it is (`/name/`, `/p/Cx1/?img_index=1`):
 * no percent-escapes, backslashes, white space or dot segments to normalise. Its path, or null
 * when the href needs the full parser. Parsing `a.href` and then the URL again was a tenth of the
 * content script's time on a fast feed.
 */
const PLAIN_PATH = /^\/(?![/\\])[A-Za-z0-9._~\-/]*(?=[?#]|$)/;
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

export function plainPathOf(href: string): string | null {
  const path = PLAIN_PATH.exec(href)?.[0];
  return path === undefined || DOT_SEGMENT.test(path) ? null : path;
}

/** The account key a profile link points to (`/<user>/` only), or null for anything else. */
export function accountFromHref(href: string, base: string = DEFAULT_BASE): AccountKey | null {
  const link = parseInstagramHref(href, base);
  return link?.tab === 'profile' ? link.key : null;
}

export const INSTAGRAM_PAGE_TYPES = [
  'home',
  'profile',
  'post',
  'reel',
  'reels',
  'stories',
  'explore',
  'search',
  'direct',
  'other',
] as const;
export type InstagramPageType = (typeof INSTAGRAM_PAGE_TYPES)[number];

/** Second segments after a username that are still the profile (its tabs and lists). */
const PROFILE_TABS = new Set([
  'reels',
  'tagged',
  'saved',
  'followers',
  'following',
  'similar_accounts',
  'related_profiles',
  'collections',
  'guides',
  'feed',
]);

/**
 * The kind of page, from the URL alone. The URL changes with `history.pushState` when a post opens as
 * a modal over a profile (`/p/<code>/`), so the caller re-evaluates on navigation.
 * @example pageType(new URL('https://www.instagram.com/gdg_rbu/')) === 'profile'
 */
export function instagramPageType(url: URL): InstagramPageType {
  if (!isInstagramHost(url.hostname)) return 'other';
  const segments = segmentsOf(url.pathname);
  const [first, second] = segments;
  if (first === undefined) return 'home';
  switch (first.toLowerCase()) {
    case 'p':
    case 'tv':
      return second ? 'post' : 'other';
    case 'reel':
      return second ? 'reel' : 'other';
    case 'reels':
      // `/reels/audio/<id>/` is an audio page, not the reels viewer.
      return second === 'audio' ? 'other' : 'reels';
    case 'stories':
      return second ? 'stories' : 'other';
    case 'explore':
      return second === 'search' ? 'search' : 'explore';
    case 'direct':
      return 'direct';
    default:
      break;
  }
  if (!usernameKey(first)) return 'other';
  if (second === undefined) return 'profile';
  if (second === 'p' || second === 'tv') return segments[2] ? 'post' : 'other';
  if (second === 'reel') return segments[2] ? 'reel' : 'other';
  return PROFILE_TABS.has(second) ? 'profile' : 'other';
}

/** Page kinds that normally show account references (home feed, profile, a post, reels, a story). */
export function instagramExpectsAccounts(pageType: string): boolean {
  return (
    pageType === 'home' ||
    pageType === 'profile' ||
    pageType === 'post' ||
    pageType === 'reel' ||
    pageType === 'reels' ||
    pageType === 'stories'
  );
}

/** The home feed arrives as new elements; other pages may be rebuilt from the last one's. */
export function instagramReusesElements(pageType: string): boolean {
  return pageType !== 'home';
}
