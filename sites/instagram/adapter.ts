/**
 * The Instagram adapter: turns a DOM subtree into account references. Links are the main signal (their
 * resolved href says which account); link-less references (the stories tray, the profile heading,
 * avatar spans) are second-chance matchers. The surface comes from one walk up the ancestors
 * (sites/instagram/scan.ts, with the caches one scan shares).
 */
import { INSTAGRAM_USERNAME, type AccountKey, type Surface } from '../../core/accounts';
import type { AccountRef, AccountScan, SiteAdapter } from '../types';
import {
  candidatesIn,
  deepestWithText,
  dialogTitle,
  resolvedHref,
  textOf,
  withLazySurface,
} from '../dom';
import { CONTEXT, forgetPageContext, Scan, type Context } from './scan';
import * as sel from './selectors';
import {
  instagramExpectsAccounts,
  instagramReusesElements,
  instagramPageType,
  isInstagramHost,
  parseInstagramHref,
  usernameKey,
} from './urls';

const STORIES_TRAY = sel.anyOf(sel.storiesTrayButton);
const PROFILE_HEADER_NAME = sel.anyOf(sel.profileHeaderName);
const PROFILE_HEADER_NAME_INNER = 'h2';

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
  // A profile heading wrapped in a link to the profile (Chrome saves of profile-2025-3/-4): the
  // heading is the name element, see refFromProfileHeading. (No header above: not the case.)
  if (anchor.querySelector(PROFILE_HEADER_NAME_INNER) && anchor.closest('main header')) return null;
  const ref = {
    platform: 'instagram' as const,
    key: link.key,
    nameElement: anchor,
    origin: anchor,
  };
  if (link.tab === 'reels') return { ...ref, surface: 'reel' };
  // The surface takes a walk up the ancestors: it is found when first asked for, which for a name
  // no pack lists is never.
  return withLazySurface(ref, () =>
    surfaceOf(anchor, link.key, scan.contextOf(anchor), scan, pageType, text),
  );
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
  forgetPageContext();
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
