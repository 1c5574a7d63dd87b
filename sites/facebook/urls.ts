/**
 * Pure URL logic for facebook.com: which kind of page a URL is, and which account a link points to.
 * No DOM here (tests/unit/sites/facebook-urls.test.ts).
 */
import {
  FACEBOOK_NUMERIC_ID,
  facebookIdKey,
  facebookVanityKey,
  type AccountKey,
} from '../../core/accounts';
import { platformForHost } from '../../core/hosts';

const DEFAULT_BASE = 'https://www.facebook.com/';

export function isFacebookHost(hostname: string): boolean {
  return platformForHost(hostname) === 'facebook';
}

/**
 * First path segments that are Facebook routes, not profiles (seen on saved pages
 * and in Facebook's own links). `facebook` itself is a real Page and stays out.
 */
export const FACEBOOK_RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'home.php',
  'profile.php',
  'permalink.php',
  'story.php',
  'photo.php',
  'video.php',
  'l.php',
  'r.php',
  'sharer.php',
  'login.php',
  'notifications.php',
  'a',
  'a.php',
  'ajax',
  'ufi',
  'nfx',
  'composer',
  'photo',
  'photos',
  'watch',
  'reel',
  'reels',
  'videos',
  'marketplace',
  'groups',
  'gaming',
  'games',
  'events',
  'pages',
  'pg',
  'people',
  'friends',
  'findfriends',
  'messages',
  'messenger_media',
  'notifications',
  'bookmarks',
  'saved',
  'stories',
  'story',
  'me',
  'onthisday',
  'memories',
  'lists',
  'latest',
  'feeds',
  'search',
  'hashtag',
  'ads',
  'ad_center',
  'ad_campaign',
  'business',
  'biz',
  'help',
  'policies',
  'privacy',
  'legal',
  'terms',
  'settings',
  'security',
  'checkpoint',
  'login',
  'recover',
  'reg',
  'lite',
  'places',
  'local',
  'pokes',
  'offers',
  'apps',
  'editor',
  'campaign',
  'careers',
  'fundraisers',
  'donate',
  'votinginformationcenter',
  'coronavirus_info',
  'allactivity',
  'archive',
  'browse',
  'comment',
  'media',
  'mobile',
  'intl',
  'shops',
  'recommendations',
  'share',
  'plugins',
  'dialog',
  'tr',
  'rsrc.php',
]);

function safeUrl(href: string, base: string): URL | null {
  try {
    // A base is parsed on every call even when the href is absolute, as Comet's are: leave it out.
    return /^https?:\/\//i.test(href) ? new URL(href) : new URL(href, base);
  } catch {
    return null;
  }
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

/** A Facebook account reference: the key, and other keys the same account may be listed under. */
export interface FacebookLink {
  key: AccountKey;
  altKeys: AccountKey[];
}

/** `Mariano-Rajoy-Brey-54212446406`: a Page without a username, addressed by name and id. */
const SLUG_WITH_ID = /^[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*-([0-9]{5,20})$/;

/**
 * The account a Facebook href points to, or null. Ignores query parameters (`fref`, `__cft__[0]`,
 * `__tn__`, `refid`, `comment_id`) except `profile.php?id=`. Absolute or relative (m./mbasic).
 */
export function parseFacebookHref(href: string, base: string = DEFAULT_BASE): FacebookLink | null {
  // Comet's hrefs carry tracking queries of hundreds of characters (`__cft__[0]=…`) that only
  // `profile.php` needs: the rest is parsed without them, which costs the URL parser far less.
  const queryAt = href.search(/[?#]/);
  const url = safeUrl(queryAt === -1 ? href : href.slice(0, queryAt), base);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (!isFacebookHost(url.hostname)) return null;
  const segments = segmentsOf(url);
  const [first, second, third, fourth] = segments;
  if (first === undefined) return null;
  const lower = first.toLowerCase();

  if (lower === 'profile.php' && segments.length === 1) {
    const query = safeUrl(href, base)?.searchParams;
    // `&sk=followers`, `&sk=reviews`: a tab of the profile (like `/<vanity>/followers`), not a name.
    if (!query || query.has('sk')) return null;
    const key = facebookIdKey(query.get('id') ?? '');
    return key ? { key, altKeys: [] } : null;
  }
  // `/people/<Name>/<id>/` and `/pages/<Name>/<id>` (not `/pages/category/…`).
  if ((lower === 'people' || lower === 'pages') && segments.length === 3 && second && third) {
    if (lower === 'pages' && second.toLowerCase() === 'category') return null;
    const key = facebookIdKey(third);
    return key ? { key, altKeys: [] } : null;
  }
  // `/groups/<gid>/user/<uid>/`: a member's link inside a group.
  if (lower === 'groups' && segments.length === 4 && third === 'user' && fourth) {
    const key = facebookIdKey(fourth);
    return key ? { key, altKeys: [] } : null;
  }
  // Any `.php` endpoint (`stories.php` on mbasic-2021-1, `home.php`, …) is a route, never a profile.
  if (segments.length !== 1 || FACEBOOK_RESERVED_SEGMENTS.has(lower) || lower.endsWith('.php'))
    return null;

  if (FACEBOOK_NUMERIC_ID.test(first)) {
    const key = facebookIdKey(first);
    return key ? { key, altKeys: [] } : null;
  }
  const slugId = SLUG_WITH_ID.exec(first)?.[1];
  if (slugId) {
    const key = facebookIdKey(slugId);
    const slug = facebookVanityKey(first);
    if (key) return { key, altKeys: slug ? [slug] : [] };
  }
  // Real usernames have no hyphen; hyphens only occur in the slug-id form handled above.
  if (first.includes('-')) return null;
  const key = facebookVanityKey(first);
  return key ? { key, altKeys: [] } : null;
}

/** The account key an href points to, or null. */
export function accountFromHref(href: string, base: string = DEFAULT_BASE): AccountKey | null {
  return parseFacebookHref(href, base)?.key ?? null;
}

/**
 * The numeric id in a classic (2012–2019) `data-hovercard` value:
 * `/ajax/hovercard/user.php?id=…`, `page.php?id=…` and `hovercard.php?id=…` (comment authors).
 */
export function idFromHovercard(value: string | null): AccountKey | null {
  if (!value) return null;
  const match = /^\/ajax\/hovercard\/(?:user|page|hovercard)\.php\?id=([0-9]{5,20})(?:&|$)/.exec(
    value,
  );
  return match?.[1] ? facebookIdKey(match[1]) : null;
}

export const FACEBOOK_PAGE_TYPES = [
  'home',
  'profile',
  'page',
  'post',
  'photo',
  'story',
  'group',
  'watch',
  'messages',
  'other',
] as const;
export type FacebookPageType = (typeof FACEBOOK_PAGE_TYPES)[number];

/** Second segments after a vanity that are still that profile or Page (its tabs). */
const PROFILE_TABS = new Set([
  'about',
  'friends',
  'photos',
  'videos',
  'reels',
  'followers',
  'following',
  'reviews',
  'mentions',
  'community',
  'events',
  'live_videos',
  'map',
  'sports',
  'music',
  'likes',
  'groups',
  'about_contact_and_basic_info',
  'about_overview',
]);

/**
 * The kind of page, from the URL alone. A vanity URL cannot tell a person's profile from a Page, so
 * it is `profile`; `page` is kept for URLs that say so (`/pages/…`, `/<slug>-<id>`, `/pg/…`).
 * @example facebookPageType(new URL('https://www.facebook.com/photo/?fbid=1')) === 'photo'
 */
export function facebookPageType(url: URL): FacebookPageType {
  if (!isFacebookHost(url.hostname)) return 'other';
  const segments = segmentsOf(url);
  const [first, second, third] = segments;
  if (first === undefined) return 'home';
  const lower = first.toLowerCase();
  switch (lower) {
    case 'home.php':
      return 'home';
    case 'profile.php':
      return url.searchParams.has('id') ? 'profile' : 'other';
    case 'people':
      return third ? 'profile' : 'other';
    case 'pages':
    case 'pg':
      return second && second !== 'create' ? 'page' : 'other';
    case 'photo':
    case 'photo.php':
    case 'photos':
      return 'photo';
    case 'permalink.php':
    case 'story.php':
      return 'post';
    case 'stories':
      return 'story';
    case 'groups':
      return second && second !== 'feed' && second !== 'discover' ? 'group' : 'other';
    case 'watch':
    case 'reel':
    case 'videos':
      return 'watch';
    case 'messages':
      return 'messages';
    default:
      break;
  }
  if (FACEBOOK_RESERVED_SEGMENTS.has(lower)) return 'other';
  const isId = FACEBOOK_NUMERIC_ID.test(first);
  if (!isId && !facebookVanityKey(first)) return 'other';
  if (second === undefined) return SLUG_WITH_ID.test(first) ? 'page' : 'profile';
  const secondLower = second.toLowerCase();
  if (secondLower === 'posts' || secondLower === 'videos' || secondLower === 'permalink')
    return third ? (secondLower === 'videos' ? 'watch' : 'post') : 'profile';
  if (secondLower === 'photos') return third ? 'photo' : 'profile';
  return PROFILE_TABS.has(secondLower) ? 'profile' : 'other';
}

export function facebookExpectsAccounts(pageType: string): boolean {
  return (
    pageType === 'home' ||
    pageType === 'profile' ||
    pageType === 'page' ||
    pageType === 'post' ||
    pageType === 'photo' ||
    pageType === 'story' ||
    pageType === 'group' ||
    pageType === 'watch'
  );
}

/** The home feed arrives as new elements; other pages may be rebuilt from the last one's. */
export function facebookReusesElements(pageType: string): boolean {
  return pageType !== 'home';
}
