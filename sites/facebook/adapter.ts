/**
 * The Facebook adapter. Name links are the signal in every era; the href gives a vanity or numeric id
 * and classic `data-hovercard` adds the numeric id behind a vanity (as `altKeys`). The only link-less
 * reference is the profile/Page heading, keyed by the page's own URL. Logged-out m.facebook comment
 * authors (`div._2b05`, 2021) show a display name only: a name is not a key, so they are not matched.
 */
import { facebookIdKey, type AccountKey, type Surface } from '../../core/accounts';
import type { AccountRef, AccountScan, SiteAdapter } from '../types';
import { baseOf, candidatesIn, dialogTitle, resolvedHref, textOf, withLazySurface } from '../dom';
import * as sel from './selectors';
import {
  facebookExpectsAccounts,
  facebookReusesElements,
  facebookPageType,
  idFromHovercard,
  isFacebookHost,
  parseFacebookHref,
  type FacebookLink,
} from './urls';

const BASE = 'https://www.facebook.com/';
const POST_OR_COMMENT = sel.anyOf(sel.postOrComment);
const AUTHOR_HEADING = sel.anyOf(sel.authorHeading);
const POST_MESSAGE = sel.anyOf(sel.postMessage);
const SUGGESTION_NAME = sel.anyOf(sel.suggestionName);
const MOBILE_COMMENT_FOOTER = sel.anyOf(sel.mobileCommentFooter);
const VIEWER_CHROME = sel.anyOf(sel.viewerChrome);
const SEARCH_TYPEAHEAD = sel.anyOf(sel.searchTypeahead);
const PROFILE_HEADER_NAME = sel.anyOf(sel.profileHeaderName);
const CLASSIC_COMMENT = sel.anyOf(sel.classicComment);

interface PageInfo {
  /** What relative hrefs resolve against. */
  base: string;
  /** Whether `base` is the document's own base URL (then `a.href` resolves against it too). */
  baseIsDocument: boolean;
  type: string;
  /** The account whose profile or Page this is, for its link-less heading. */
  owner: FacebookLink | null;
  isSearch: boolean;
}

/** The last page read and what it is: every scan asks, and the address rarely changes. */
let lastPage: { href: string | undefined; base: string; info: PageInfo } | null = null;

function pageInfoOf(root: ParentNode): PageInfo {
  const base = baseOf(root, BASE);
  const href = (root as Node).ownerDocument?.location?.href ?? (root as Document).location?.href;
  if (lastPage?.href !== href || lastPage.base !== base) {
    lastPage = { href, base, info: readPageInfo(root, base, href) };
  }
  return lastPage.info;
}

function readPageInfo(root: ParentNode, base: string, href: string | undefined): PageInfo {
  const document = (root as Node).ownerDocument ?? (root as Document);
  const baseIsDocument = document.baseURI === base;
  const unknown = { base, baseIsDocument, type: 'other', owner: null, isSearch: false };
  if (!href) return unknown;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return unknown;
  }
  const type = facebookPageType(url);
  const owner = type === 'profile' || type === 'page' ? ownerOf(url) : null;
  return { base, baseIsDocument, type, owner, isSearch: /^\/search(\/|$)/.test(url.pathname) };
}

/** The account of a profile/Page URL, including its tabs (`/PowerMacCenter/reviews`). */
function ownerOf(url: URL): FacebookLink | null {
  const direct = parseFacebookHref(url.href);
  if (direct) return direct;
  const first = url.pathname.split('/').find((segment) => segment !== '');
  if (first === 'profile.php') {
    const key = facebookIdKey(url.searchParams.get('id') ?? '');
    return key ? { key, altKeys: [] } : null;
  }
  return first ? parseFacebookHref(`/${first}/`, url.origin) : null;
}

/**
 * A link that shows no name: hidden avatars (`aria-hidden=true`), image-only links, and Comet avatar
 * links that carry the name in `aria-label` beside an image and an "Active now" status as text
 * (home_feed-2022-1, home_feed-2025-1).
 */
function isAvatarLink(anchor: Element): boolean {
  if (anchor.getAttribute('aria-hidden') === 'true') return true;
  if (textOf(anchor) === '') return true;
  return anchor.hasAttribute('aria-label') && anchor.querySelector('img, svg, image') !== null;
}

/** Whether an href stays on facebook.com and is not the `l.php` link shim. */
function isFacebookProfileSpace(href: string, base: string): boolean {
  try {
    const url = new URL(href, base);
    return isFacebookHost(url.hostname) && !/^\/l\.php/i.test(url.pathname);
  } catch {
    return false;
  }
}

function isCommentArticle(article: Element): boolean {
  if (article.parentElement?.closest(POST_OR_COMMENT)) return true;
  return sel.commentLabel.test(article.getAttribute('aria-label') ?? '');
}

class Scan {
  private readonly firstLink = new Map<Element, Element | null>();
  private readonly firstHeading = new Map<Element, Element | null>();
  private ownerHeading: boolean | null = null;
  /** Whether the viewer's rails are around the scanned subtree, or somewhere inside it. */
  private chrome: { around: boolean; inside: boolean } | null = null;

  constructor(
    private readonly root: ParentNode,
    private readonly page: PageInfo,
  ) {}

  /**
   * The first name link of a comment is its author; later links in it are mentions. Found from
   * the comment's own links, so the answer does not depend on which links were asked about first.
   */
  isFirstLinkOf(comment: Element, link: Element): boolean {
    let first = this.firstLink.get(comment);
    if (first === undefined) {
      first = null;
      for (const candidate of comment.querySelectorAll('a[href]')) {
        if (accountOfLink(candidate, this.page, isInViewerChrome)) {
          first = candidate;
          break;
        }
      }
      this.firstLink.set(comment, first);
    }
    return first === link;
  }

  /**
   * Whether a link of the scanned subtree sits in the viewer's own rails. Asked of the subtree
   * once (a post has no rails in it, and is in none): a walk up Comet's deep ancestry per link
   * is left for subtrees that hold rails.
   */
  readonly inViewerChrome = (anchor: Element): boolean => {
    if (!this.chrome) {
      const root = this.root;
      this.chrome = {
        around: root instanceof Element && root.closest(VIEWER_CHROME) !== null,
        inside: root.querySelector(VIEWER_CHROME) !== null,
      };
    }
    return this.chrome.around || (this.chrome.inside && isInViewerChrome(anchor));
  };

  isBeforeFirstHeading(article: Element, link: Element): boolean {
    let heading = this.firstHeading.get(article);
    if (heading === undefined) {
      heading = article.querySelector(AUTHOR_HEADING);
      this.firstHeading.set(article, heading);
    }
    return heading !== null && Boolean(link.compareDocumentPosition(heading) & 4 /* FOLLOWING */);
  }

  /** Whether the page shows the profile/Page heading (then it alone carries the header badge). */
  hasOwnerHeading(): boolean {
    if (this.ownerHeading === null) {
      const doc = (this.root as Node).ownerDocument ?? (this.root as Document);
      this.ownerHeading = doc.querySelector?.(PROFILE_HEADER_NAME) != null;
    }
    return this.ownerHeading;
  }
}

function surfaceOfLink(anchor: Element, page: PageInfo, scan: Scan, key: AccountKey): Surface {
  const dialog = anchor.closest('[role=dialog]');
  if (dialog) {
    const title = dialogTitle(dialog);
    if (sel.likesDialogTitle.test(title)) return 'likes-dialog';
    if (sel.followersDialogTitle.test(title)) return 'followers-dialog';
  }
  if (page.isSearch || anchor.closest(SEARCH_TYPEAHEAD)) return 'search';
  const article = anchor.closest(POST_OR_COMMENT);
  const comment =
    article && isCommentArticle(article)
      ? article
      : article
        ? null
        : anchor.closest(CLASSIC_COMMENT);
  if (comment) return scan.isFirstLinkOf(comment, anchor) ? 'comment' : 'mention';
  if (anchor.closest(SUGGESTION_NAME)) return 'suggestion';
  if (article && anchor.closest(MOBILE_COMMENT_FOOTER)) return 'comment';
  // Post headings, with or without an article around them: the 2025 home feed and the 2015 classic
  // feed have none (home_feed-2025-1, home_feed-2015-1); the photo viewer's side panel neither.
  if (anchor.closest(AUTHOR_HEADING)) return 'post-author';
  if (anchor.closest(POST_MESSAGE)) return 'mention';
  // "<Name> and <Name> shared a post": the story's actors, above the first heading (home_feed-2022-1).
  if (article && scan.isBeforeFirstHeading(article, anchor)) return 'post-author';
  if (page.type === 'story') return 'story';
  if (!article && page.owner?.key === key && anchor.closest('[role=main]')) return 'profile-header';
  return 'other';
}

interface LinkAccount {
  key: AccountKey;
  altKeys: AccountKey[];
}

/**
 * The account a link names, or null when it is no name link (not an account, a link shim, an
 * avatar, a tab, the viewer's own rails). No question about where the link sits beyond that.
 */
function isInViewerChrome(anchor: Element): boolean {
  return anchor.closest(VIEWER_CHROME) !== null;
}

function accountOfLink(
  anchor: Element,
  page: PageInfo,
  inViewerChrome: (anchor: Element) => boolean,
): LinkAccount | null {
  // Cheapest tests first: most links on a page are not accounts at all.
  const raw = anchor.getAttribute('href');
  if (raw === null || raw.startsWith('#')) return null;
  // When the document's base is the page's http(s) URL, `a.href` is the raw href resolved against
  // `page.base`, which every parse below does anyway: skip serialising it once more per link.
  const href = page.baseIsDocument ? raw : resolvedHref(anchor)!;
  const base = page.base;
  // m.facebook Page tabs ("Home", "Posts") link to the Page with `ref=page_internal` (m_page_posts-2021-1).
  if (/[?&]ref=page_internal(&|$)/.test(href)) return null;
  const link = parseFacebookHref(href, base);
  // A hovercard id only counts on a link into Facebook: `l.php` redirects (an app or an outside site
  // behind a Page's hovercard, home_feed-2017-1) are never account references.
  const hovercard = anchor.getAttribute('data-hovercard');
  const hovercardId =
    hovercard !== null && isFacebookProfileSpace(href, base) ? idFromHovercard(hovercard) : null;
  if (!link && !hovercardId) return null;
  if (isAvatarLink(anchor) || anchor.getAttribute('role') === 'tab') return null;
  if (inViewerChrome(anchor)) return null;
  const key = link?.key ?? (hovercardId as AccountKey);
  const altKeys = new Set(link?.altKeys ?? []);
  if (hovercardId && hovercardId !== key) altKeys.add(hovercardId);
  return { key, altKeys: [...altKeys] };
}

function refFromLink(anchor: Element, page: PageInfo, scan: Scan): AccountRef | null {
  const account = accountOfLink(anchor, page, scan.inViewerChrome);
  if (!account) return null;
  const { key, altKeys } = account;
  const ref = { platform: 'facebook', key, nameElement: anchor, origin: anchor } as AccountRef;
  if (altKeys.length > 0) ref.altKeys = altKeys;
  // Only a link to the page's own profile can be its header: that one is decided now, because the
  // heading, when the page shows one, carries the header's badge instead (profile-2025-1,
  // page-2023-1).
  if (page.owner?.key === key) {
    const surface = surfaceOfLink(anchor, page, scan, key);
    if (surface === 'profile-header' && scan.hasOwnerHeading()) return null;
    ref.surface = surface;
    return ref;
  }
  // Any other link's surface takes several walks up Comet's deep ancestry: it is found when first
  // asked for, which for a name no pack lists is never.
  return withLazySurface(ref, () => surfaceOfLink(anchor, page, scan, key));
}

function refFromProfileHeading(heading: Element, page: PageInfo): AccountRef | null {
  if (!page.owner || heading.closest(`${POST_OR_COMMENT}, [role=dialog]`)) return null;
  if (textOf(heading) === '') return null;
  const ref: AccountRef = {
    platform: 'facebook',
    key: page.owner.key,
    surface: 'profile-header',
    nameElement: heading,
    origin: heading,
  };
  if (page.owner.altKeys.length > 0) ref.altKeys = [...page.owner.altKeys];
  return ref;
}

/** One scan of `root`, fed its candidates a slice at a time (see `SiteAdapter.beginScan`). */
export function beginFacebookScan(root: ParentNode): AccountScan {
  const page = pageInfoOf(root);
  const scan = new Scan(root, page);
  const seen = new Set<Element>();
  return (candidates) => {
    const refs: AccountRef[] = [];
    for (const element of candidates) {
      let ref: AccountRef | null = null;
      if (element.localName === 'a') ref = refFromLink(element, page, scan);
      else if (element.localName === 'h1' && element.matches(PROFILE_HEADER_NAME))
        ref = refFromProfileHeading(element, page);
      if (ref && !seen.has(ref.nameElement)) {
        seen.add(ref.nameElement);
        refs.push(ref);
      }
    }
    return refs;
  };
}

export function findFacebookAccounts(root: ParentNode): AccountRef[] {
  return beginFacebookScan(root)(candidatesIn(root, sel.candidates));
}

export const facebookAdapter: SiteAdapter = {
  platform: 'facebook',
  matchesHost: isFacebookHost,
  pageType: facebookPageType,
  expectsAccounts: facebookExpectsAccounts,
  reusesElements: facebookReusesElements,
  candidates: sel.candidates,
  findAccounts: findFacebookAccounts,
  beginScan: beginFacebookScan,
};
