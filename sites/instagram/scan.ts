// One Instagram scan's view of the page: what lies above an element (one walk up the ancestors),
// and the per-scan and per-page caches that keep a page of 5,000 references from re-querying the
// same posts, links and markers (the adapter asks; this file remembers).
import type { AccountKey } from '../../core/accounts';
import { baseOf, resolvedHref } from '../dom';
import * as sel from './selectors';
import {
  isInstagramHost,
  linkFromPath,
  parseInstagramHref,
  plainPathOf,
  type InstagramLink,
} from './urls';

const BASE = 'https://www.instagram.com/';
const SUGGESTION_MARKERS = sel.anyOf(sel.suggestionMarkers);
const SEARCH_INPUTS = sel.anyOf(sel.searchInput);
const PERMALINKS = sel.anyOf(sel.postPermalink);
const LIKED_BY = sel.anyOf(sel.likedByLink);
/**
 * How far up the list's marker may be from an entry: 15 levels on the 2024 home feed between a
 * suggested account and "See All" (home_feed-2024-1); 5 between a related account and its Dismiss.
 */
const SUGGESTION_DEPTH = 16;
/** The "Liked by" line wraps its user link in at most two spans (2022-11 → 2025). */
const LIKED_BY_DEPTH = 4;

/** What one walk up the ancestors found; the first (closest) of each kind. */
export interface Context {
  dialog: Element | null;
  article: Element | null;
  header: Element | null;
  commentHeading: Element | null;
  /** The closest h2 (the element itself included): a 2022 caption's author name sits in one. */
  h2: Element | null;
  main: Element | null;
  nav: Element | null;
}

export const NO_CONTEXT: Context = Object.freeze({
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
export const CONTEXT = sel.anyOf([
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
export class Scan {
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

/** The page's shape may have changed (see PageContext): look again when next needed. */
export function forgetPageContext(): void {
  pageContext = null;
}
