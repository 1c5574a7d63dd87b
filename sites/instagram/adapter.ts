/**
 * The Instagram adapter: turns a DOM subtree into account references. Links are the main signal (their
 * resolved href says which account); link-less references (the stories tray, the profile heading,
 * avatar spans) are second-chance matchers. The surface comes from one walk up the ancestors.
 */
import { INSTAGRAM_USERNAME, type AccountKey, type Surface } from '../../core/accounts';
import type { AccountRef, AccountScan, SiteAdapter } from '../types';
import { baseOf, candidatesIn, deepestWithText, dialogTitle, resolvedHref, textOf } from '../dom';
import * as sel from './selectors';
import {
  instagramExpectsAccounts,
  instagramReusesElements,
  instagramPageType,
  isInstagramHost,
  linkFromPath,
  parseInstagramHref,
  plainPathOf,
  usernameKey,
  type InstagramLink,
} from './urls';

const BASE = 'https://www.instagram.com/';
const SUGGESTION_MARKERS = sel.anyOf(sel.suggestionMarkers);
const SEARCH_INPUTS = sel.anyOf(sel.searchInput);
const PERMALINKS = sel.anyOf(sel.postPermalink);
const LIKED_BY = sel.anyOf(sel.likedByLink);
const STORIES_TRAY = sel.anyOf(sel.storiesTrayButton);
const PROFILE_HEADER_NAME = sel.anyOf(sel.profileHeaderName);
const PROFILE_HEADER_NAME_INNER = 'h2';
/**
 * How far up the list's marker may be from an entry: 15 levels on the 2024 home feed between a
 * suggested account and "See All" (home_feed-2024-1); 5 between a related account and its Dismiss.
 */
const SUGGESTION_DEPTH = 16;
/** The "Liked by" line wraps its user link in at most two spans (2022-11 → 2025). */
const LIKED_BY_DEPTH = 4;

/** What one walk up the ancestors found; the first (closest) of each kind. */
interface Context {
  dialog: Element | null;
  article: Element | null;
  header: Element | null;
  commentHeading: Element | null;
  /** The closest h2 (the element itself included): a 2022 caption's author name sits in one. */
  h2: Element | null;
  main: Element | null;
  nav: Element | null;
}

const NO_CONTEXT: Context = Object.freeze({
  dialog: null,
  article: null,
  header: null,
  commentHeading: null,
  h2: null,
  main: null,
  nav: null,
});

/** The context `parent` gives, plus what `node` itself is (it is the closest of its kind). */
function withNode(node: Element, parent: Context): Context {
  const tag = node.localName;
  const isDialog = node.getAttribute('role') === 'dialog';
  const kind =
    tag === 'article'
      ? 'article'
      : tag === 'header'
        ? 'header'
        : tag === 'h3'
          ? 'commentHeading'
          : tag === 'h2'
            ? 'h2'
            : tag === 'main'
              ? 'main'
              : tag === 'nav'
                ? 'nav'
                : null;
  // Most ancestors are plain wrappers: they share their parent's context object.
  if (!kind && !isDialog) return parent;
  const context = { ...parent };
  if (kind) context[kind] = node;
  if (isDialog) context.dialog = node;
  return context;
}

/** A username from an avatar's alt text (localised, so a hint), or null. */
function usernameFromAlt(alt: string | null): AccountKey | null {
  if (!alt) return null;
  for (const pattern of sel.profilePictureAlt) {
    const name = pattern.exec(alt.trim())?.[1];
    const key = name ? usernameKey(name) : null;
    if (key) return key;
  }
  return null;
}

/** The last base asked about, and whether its host is Instagram's (one base per page). */
let lastBase: { base: string; instagram: boolean } | null = null;

function isInstagramBase(base: string): boolean {
  if (lastBase?.base !== base)
    lastBase = { base, instagram: isInstagramHost(new URL(base).hostname) };
  return lastBase.instagram;
}

/**
 * Paths read lately (a feed repeats the same few hundred accounts): `linkFromPath` is pure, and its
 * answers are never changed by the callers. Started over when full, so it stays small.
 */
const pathLinks = new Map<string, InstagramLink | null>();
const PATHS_KEPT = 4_096;

function cachedLinkFromPath(path: string): InstagramLink | null {
  let link = pathLinks.get(path);
  if (link === undefined) {
    link = linkFromPath(path);
    if (pathLinks.size >= PATHS_KEPT) pathLinks.clear();
    pathLinks.set(path, link);
  }
  return link;
}

/**
 * What the page is made of, as far as telling surfaces apart needs: its suggestion markers and
 * search boxes, and whether a `main` holds a post. Found with whole-document queries, which on a
 * page of 200,000 elements take tens of milliseconds, so they are kept until the page's shape
 * may have changed: an element matching `CONTEXT` was added or changed (the runtime says so
 * through `contextChanged`), or the page navigated. A marker removed since is skipped on use.
 */
const CONTEXT = sel.anyOf([
  ...sel.suggestionMarkers,
  ...sel.searchInput,
  ...sel.likedByLink,
  'main',
  'article',
  'header',
]);

interface PageContext {
  document: ParentNode;
  markers: Element[] | null;
  searchInputs: Element[] | null;
  mainIsPost: WeakMap<Element, boolean>;
  /** Whether an element holds a "Liked by" line somewhere inside. */
  likedByInside: WeakMap<Element, boolean>;
}

let pageContext: PageContext | null = null;

function pageContextOf(document: ParentNode): PageContext {
  if (pageContext?.document !== document)
    pageContext = {
      document,
      markers: null,
      searchInputs: null,
      mainIsPost: new WeakMap(),
      likedByInside: new WeakMap(),
    };
  return pageContext;
}

/** Per-call caches, so a page with 50 comments does not re-query the same article 50 times. */
class Scan {
  private readonly firstPermalink = new Map<Element, Element | null>();
  private readonly authors = new Map<Element, Set<AccountKey>>();

  private readonly links = new Map<Element, { raw: string | null; link: InstagramLink | null }>();
  private readonly articleContexts = new Map<Element, Context>();
  private markers: Element[] | null = null;
  private searchInputs: Element[] | null = null;

  /** What relative hrefs resolve against (read once: see `baseOf`). */
  readonly base: string;
  /**
   * Where a path-only href (`/name/`) leads, when the document's own base is an http(s) URL (then
   * `a.href` resolves against exactly `base`): true for an Instagram host. Null: no shortcut.
   */
  private readonly pathsAreInstagram: boolean | null;

  constructor(private readonly root: ParentNode) {
    this.base = baseOf(root, BASE);
    const node = root as Node;
    const documentBase = (node.ownerDocument ?? (root as Document)).baseURI;
    this.pathsAreInstagram = documentBase === this.base ? isInstagramBase(this.base) : null;
  }

  /**
   * What one walk up the ancestors finds, the first (closest) of each kind. What lies above a
   * post is the same for all its links, so each `article` remembers its context for the scan
   * and a link's walk stops there instead of going on up to <html>.
   */
  contextOf(element: Element): Context {
    const below: Element[] = [];
    let known: Context = NO_CONTEXT;
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (node.localName === 'article') {
        const cached = this.articleContexts.get(node);
        if (cached) {
          known = cached;
          break;
        }
      }
      below.push(node);
    }
    for (let index = below.length - 1; index >= 0; index--) {
      const node = below[index]!;
      known = withNode(node, known);
      if (node.localName === 'article') this.articleContexts.set(node, known);
    }
    return known;
  }

  private documentOf(): ParentNode {
    const node = this.root as Node;
    return node.ownerDocument ?? (this.root as Document);
  }

  /** Whether `link` comes before the article's permalink/timestamp (the post header region). */
  isBeforePermalink(article: Element, link: Element): boolean {
    let first = this.firstPermalink.get(article);
    if (first === undefined) {
      first = article.querySelector(PERMALINKS);
      this.firstPermalink.set(article, first);
    }
    if (!first) return false;
    return Boolean(link.compareDocumentPosition(first) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */);
  }

  rememberAuthor(article: Element, key: AccountKey): void {
    let keys = this.authors.get(article);
    if (!keys) this.authors.set(article, (keys = new Set()));
    keys.add(key);
  }

  isAuthor(article: Element, key: AccountKey): boolean {
    return this.authors.get(article)?.has(key) ?? false;
  }

  /**
   * Post pages since 2025 have no <article>, <header> or <h3>: the post is the whole `main`
   * (post-2025-1, post-2026-1). A `main` counts as a post when it holds neither an article (a feed)
   * nor a header (a profile).
   */
  postLikeMain(main: Element | null, pageType: string): Element | null {
    // Direct messages list threads, not a post's comments.
    if (!main || pageType === 'direct') return null;
    const known = pageContextOf(this.documentOf()).mainIsPost;
    let isPost = known.get(main);
    if (isPost === undefined) {
      isPost = !main.querySelector('article, header');
      known.set(main, isPost);
    }
    return isPost ? main : null;
  }

  /**
   * What an `a[href]` links to. Parsed once per scan: an avatar's container re-reads the links
   * that are candidates themselves. Keyed with the raw href, so a link changed since is re-read.
   */
  linkOf(anchor: Element): InstagramLink | null {
    const raw = anchor.getAttribute('href');
    const known = this.links.get(anchor);
    if (known && known.raw === raw) return known.link;
    const path = raw !== null && this.pathsAreInstagram !== null ? plainPathOf(raw) : null;
    const link =
      path !== null
        ? this.pathsAreInstagram
          ? cachedLinkFromPath(path)
          : null
        : parseInstagramHref(resolvedHref(anchor) ?? '', this.base);
    this.links.set(anchor, { raw, link });
    return link;
  }

  /** Whether a link is the "Liked by <user> and N others" line (a liker, not an author). */
  isInLikedBy(element: Element): boolean {
    let node = element.parentElement;
    for (let depth = 0; node && depth < LIKED_BY_DEPTH; depth++, node = node.parentElement) {
      // Links of one post share these ancestors: each subtree is searched once (see PageContext).
      const likedByInside = pageContextOf(this.documentOf()).likedByInside;
      let found = likedByInside.get(node);
      if (found === undefined) {
        found = node.querySelector(LIKED_BY) !== null;
        likedByInside.set(node, found);
      }
      if (found) return true;
    }
    return false;
  }

  /** Whether a suggestion marker sits within a few ancestors of `element`. */
  isInSuggestions(element: Element): boolean {
    if (!this.markers) {
      const context = pageContextOf(this.documentOf());
      context.markers ??= Array.from(this.documentOf().querySelectorAll(SUGGESTION_MARKERS));
      this.markers = context.markers.filter((marker) => marker.isConnected);
    }
    if (this.markers.length === 0) return false;
    // The marker heads the list ("See All", a card's Dismiss button), so it comes before the entry;
    // this keeps out the viewer's own account link that sits just above the list (home_feed-2024-1).
    const above = this.markers.filter(
      (marker) => marker.compareDocumentPosition(element) & 4 /* DOCUMENT_POSITION_FOLLOWING */,
    );
    if (above.length === 0) return false;
    let node: Element | null = element.parentElement;
    for (let depth = 0; node && depth < SUGGESTION_DEPTH; depth++, node = node.parentElement) {
      if (node.localName === 'main' || node.localName === 'article') return false;
      for (const marker of above) if (node.contains(marker)) return true;
    }
    return false;
  }

  /** Whether `element` is in the search panel (a container that also holds the search box). */
  isInSearchPanel(element: Element): boolean {
    if (!this.searchInputs) {
      const context = pageContextOf(this.documentOf());
      context.searchInputs ??= Array.from(this.documentOf().querySelectorAll(SEARCH_INPUTS));
      this.searchInputs = context.searchInputs.filter((input) => input.isConnected);
    }
    if (this.searchInputs.length === 0) return false;
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (node.localName === 'main' || node.localName === 'body') return false;
      for (const input of this.searchInputs) if (node.contains(input)) return true;
    }
    return false;
  }
}

/** The surface of a reference found at `element` (a name link, or a link-less name). */
function surfaceOf(
  element: Element,
  key: AccountKey,
  context: Context,
  scan: Scan,
  pageType: string,
  text = textOf(element),
): Surface {
  if (context.dialog) {
    const title = dialogTitle(context.dialog);
    if (sel.likesDialogTitle.test(title)) return 'likes-dialog';
    if (sel.followersDialogTitle.test(title)) return 'followers-dialog';
  }
  if (pageType === 'search' || (!context.main && !context.dialog && scan.isInSearchPanel(element)))
    return 'search';
  // Photo tags are the only links with a username for text that are kept out of the tab order.
  if (element.localName === 'a' && element.getAttribute('tabindex') === '-1') return 'photo-tag';
  if (text.startsWith('@')) return 'mention';
  if (context.commentHeading) return 'comment';
  if (context.header) {
    if (context.article || context.dialog) {
      if (context.article) scan.rememberAuthor(context.article, key);
      return 'post-author';
    }
    if (context.main) return 'profile-header';
  }
  if (!context.article && scan.isInSuggestions(element)) return 'suggestion';
  if (pageType === 'stories') return 'story';
  const post = context.article ?? scan.postLikeMain(context.main, pageType);
  if (post) {
    if (scan.isInLikedBy(element)) return 'other';
    // Feed posts since 2024 have no <header>: the authors are the links above the timestamp.
    if (scan.isBeforePermalink(post, element)) {
      scan.rememberAuthor(post, key);
      return 'post-author';
    }
    // The caption starts with its author's name link (2022 in an h2, 2024 a bare link).
    if (scan.isAuthor(post, key) || context.h2) return 'post-author';
    return 'comment';
  }
  return 'other';
}

/** The last page URL seen and its type: every scan asks, and the URL rarely changes. */
let lastPage: { href: string; type: string } | null = null;

function pageTypeOfDocument(root: ParentNode): string {
  const href = (root as Node).ownerDocument?.location?.href ?? (root as Document).location?.href;
  if (!href) return 'other';
  if (lastPage?.href === href) return lastPage.type;
  let type: string;
  try {
    type = instagramPageType(new URL(href));
  } catch {
    type = 'other';
  }
  lastPage = { href, type };
  return type;
}

/**
 * Whether a link shows the username as a piece of its text (`kimk`, `@kimk`), not merely contains it:
 * a substring test would let user `pro` badge the "Profile" link, or `ree` the "Reels" tab.
 */
function showsName(anchor: Element, key: AccountKey, text: string): boolean {
  const matches = (piece: string): boolean => {
    const name = piece.trim().toLowerCase();
    return name === key || name === `@${key}`;
  };
  if (matches(text.replace(/\s+/g, ''))) return true;
  const pending: Node[] = Array.from(anchor.childNodes);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      if (matches(node.textContent ?? '')) return true;
    } else if (node.nodeType === 1) pending.push(...Array.from(node.childNodes));
  }
  return false;
}

function refsFromLink(anchor: Element, scan: Scan, pageType: string): AccountRef | null {
  const raw = anchor.getAttribute('href');
  // `href="#"` resolves to the page itself, which on a profile is the profile (profile-2025-1's h2).
  if (raw === null || raw.startsWith('#')) return null;
  const link = scan.linkOf(anchor);
  if (!link) return null;
  // The link's text, read once: the avatar test, the name test and the mention test all need it.
  const text = textOf(anchor);
  // An avatar-only link (sites/dom `isAvatarOnlyLink`): the name link beside it is badged instead.
  if (text === '' || anchor.getAttribute('aria-hidden') === 'true') return null;
  // The link must show the account's name: this drops the sidebar "Profile" link to the viewer's own
  // account, the profile's Reels tab (`/<user>/reels/` with text "Reels") and "View Profile" (2013).
  if (!showsName(anchor, link.key, text)) return null;
  const context = scan.contextOf(anchor);
  // A profile heading wrapped in a link to the profile (Chrome saves of profile-2025-3/-4): the
  // heading is the name element, see refFromProfileHeading. (No header above: not the case.)
  if (
    context.header &&
    anchor.querySelector(PROFILE_HEADER_NAME_INNER) &&
    anchor.closest('main header')
  )
    return null;
  const surface =
    link.tab === 'reels' ? 'reel' : surfaceOf(anchor, link.key, context, scan, pageType, text);
  return { platform: 'instagram', key: link.key, surface, nameElement: anchor, origin: anchor };
}

function refFromStoriesTray(button: Element): AccountRef | null {
  // The text is the username in every language; "Story by <user>, not seen" is English only.
  let name = textOf(button);
  if (!INSTAGRAM_USERNAME.test(name)) {
    name =
      /^Story by ([A-Za-z0-9._]{1,30})\b/.exec(button.getAttribute('aria-label') ?? '')?.[1] ?? '';
  }
  // A menu item reading `settings` or `explore` is one of Instagram's own pages, not a story.
  const key = usernameKey(name);
  if (!key) return null;
  const nameElement = deepestWithText(button, name) ?? button;
  return {
    platform: 'instagram',
    key,
    surface: 'stories-tray',
    nameElement,
    origin: button,
  };
}

function refFromProfileHeading(heading: Element, scan: Scan): AccountRef | null {
  if (heading.closest('article')) return null;
  // A heading holding a name link is handled through the link.
  if (heading.querySelector('a[href]') && heading.querySelector('a[href]') !== heading) {
    const inner = heading.querySelector('a[href]');
    if (inner && parseInstagramHref(resolvedHref(inner) ?? '', scan.base)) return null;
  }
  const key = usernameKey(textOf(heading));
  if (!key) return null;
  const context = scan.contextOf(heading);
  if (context.dialog && !context.main) return null;
  return {
    platform: 'instagram',
    key,
    surface: 'profile-header',
    nameElement: heading,
    origin: heading,
  };
}

/**
 * A `span[role=link]` avatar counts only when no name link for the same account is next to it (in its
 * post, comment, card or header), so an avatar and its name are never badged twice.
 */
function refFromAvatarSpan(span: Element, scan: Scan, pageType: string): AccountRef | null {
  // Cheapest tests first (all must pass; their order changes no answer): most avatars sit
  // next to their account's name link, so the walks to the root below are rarely needed.
  const key = usernameFromAlt(span.querySelector('img')?.getAttribute('alt') ?? null);
  if (!key) return null;
  const container = span.closest('li, header, article, [role=dialog]');
  // No container: a stray avatar. A profile header: its heading names the account already.
  if (
    !container ||
    (container.localName === 'header' && !container.closest('article, [role=dialog]'))
  )
    return null;
  for (const anchor of Array.from(container.querySelectorAll('a[href]'))) {
    if (scan.linkOf(anchor)?.key === key) return null;
  }
  // The sidebar holds the viewer's own avatar; the tray and links are handled on their own.
  if (span.closest('a[href], nav') || span.closest(STORIES_TRAY)) return null;
  const surface = surfaceOf(span, key, scan.contextOf(span), scan, pageType);
  return { platform: 'instagram', key, surface, nameElement: span, origin: span };
}

/** One scan of `root`, fed its candidates a slice at a time (see `SiteAdapter.beginScan`). */
export function beginInstagramScan(root: ParentNode): AccountScan {
  const scan = new Scan(root);
  const pageType = pageTypeOfDocument(root);
  const seen = new Set<Element>();
  return (candidates) => {
    const refs: AccountRef[] = [];
    for (const element of candidates) {
      let ref: AccountRef | null = null;
      if (element.localName === 'a') ref = refsFromLink(element, scan, pageType);
      else if (element.localName === 'button' && element.matches(STORIES_TRAY))
        ref = refFromStoriesTray(element);
      else if (element.localName === 'h2' && element.matches(PROFILE_HEADER_NAME))
        ref = refFromProfileHeading(element, scan);
      else if (element.localName === 'span') ref = refFromAvatarSpan(element, scan, pageType);
      if (ref && !seen.has(ref.nameElement)) {
        seen.add(ref.nameElement);
        refs.push(ref);
      }
    }
    return refs;
  };
}

export function findInstagramAccounts(root: ParentNode): AccountRef[] {
  return beginInstagramScan(root)(candidatesIn(root, sel.candidates));
}

/** The page's shape may have changed (see PageContext): look again when next needed. */
export function instagramContextChanged(): void {
  pageContext = null;
}

export const instagramAdapter: SiteAdapter = {
  platform: 'instagram',
  context: CONTEXT,
  contextChanged: instagramContextChanged,
  matchesHost: isInstagramHost,
  pageType: instagramPageType,
  expectsAccounts: instagramExpectsAccounts,
  reusesElements: instagramReusesElements,
  candidates: sel.candidates,
  findAccounts: findInstagramAccounts,
  beginScan: beginInstagramScan,
};
