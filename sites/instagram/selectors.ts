/**
 * Every Instagram selector, in one place. Each is a list of alternatives, one per era or variant, with
 * the date it was seen and the saved pages (`../shared/fixtures/instagram-*.html`) it matches there;
 * tests/pages/fixtures.test.ts runs the adapter over those pages. Keyed on links, roles, aria-labels and
 * headings only: Instagram's class names changed completely three times (2017, 2022, 2024).
 */

/** Joins alternatives into one selector for `querySelectorAll`/`closest`/`matches`. */
export const anyOf = (alternatives: readonly string[]): string => alternatives.join(', ');

/** Links. Whether a link is an account is decided from its resolved href (urls.ts), not from here. */
export const accountLink = [
  // 2013 → 2026, every page with links: `/<user>/` (2013 without the trailing slash, post-2013-1).
  'a[href]',
] as const;

/** Stories tray on the home feed: a button per story, no href (the username is its text). */
export const storiesTrayButton = [
  // 2024-01 en: `li > button[role=menuitem][aria-label="Story by <user>, not seen"]` (home_feed-2024-1).
  'button[aria-label^="Story by "]',
  // Same tray in other UI languages: the aria-label is translated, the role is not. Profile highlights
  // are `div[role=menuitem]`, not buttons, so they stay out (profile-2024-1).
  '[role=menu] li > button[role=menuitem]',
] as const;

/** The username heading of a profile (`main header`, outside any post `article`). */
export const profileHeaderName = [
  // 2021 `h2._7UhW9` (profile-2021-1); 2024 `h2[dir=auto]` (profile-2024-1); 2025 `h2 > span`
  // (profile-2025-1/-3/-4, and under the post modal in post_modal-2022-1 and post_modal-2025-*).
  'main header h2',
] as const;

/**
 * Avatars wrapped in `span[role=link]` (no href), 2022 → 2026 (home_feed-2024-1, post_modal-*). Their
 * account is the name link beside them, so they only count when no such link exists.
 */
export const avatarSpanLink = [
  // 2022-11 → 2026: `span[role=link][tabindex="-1"] > img[alt="<user>'s profile picture"]`.
  'span[role=link]',
] as const;

/** Everything that can start a reference (SiteAdapter.candidates). */
export const candidates = anyOf([
  ...accountLink,
  ...storiesTrayButton,
  ...profileHeaderName,
  ...avatarSpanLink,
]);

/* ---------- context: which surface a reference is on ---------- */

/** A post in a feed, a modal or a post page. 2021 → 2026 (all rendered post and feed pages). */
export const post = ['article'] as const;

/**
 * The heading of a comment; its link is the comment's author. 2021 `h3 > a.sqdOP` (post-2021-1/-2);
 * 2022 → 2025 `li h3 a` (post_modal-2022-1, post_modal-2025-3/-5, post-2025-1).
 */
export const commentAuthorHeading = ['h3'] as const;

/**
 * Links that mark a list of suggested or related accounts (the list is where they are nearby).
 * The Dismiss label is English only, so it is a hint next to the two route links.
 */
export const suggestionMarkers = [
  // 2024-01 home feed "Suggested for you" → "See All" (home_feed-2024-1).
  'a[href*="/explore/people"]',
  // 2024-03 logged-out profile "Related accounts" → "See all" (profile-2024-1).
  'a[href*="/related_profiles/"]',
  'a[href*="/similar_accounts/"]',
  // 2024-03 each related account card has a Dismiss button (profile-2024-1; profile-2025-2, unseen).
  'button[aria-label="Dismiss"]',
] as const;

/** A post's permalink or timestamp: links above it in an `article` are the post's authors. */
export const postPermalink = [
  // 2024-01 home feed: `a[href="/p/<code>/"] > time` (home_feed-2024-1).
  'time',
  'a[href*="/p/"]',
  'a[href*="/reel/"]',
] as const;

/** The "Liked by <user> and others" line: its user link is a liker, not an author. */
export const likedByLink = [
  // 2021 → 2025: `a[href="/p/<code>/liked_by/"]` (home_feed-2024-1, post_modal-2022-1, -2025-*).
  'a[href*="/liked_by/"]',
] as const;

/**
 * The search panel and the likes/followers dialogs are in no saved page (see CATALOGUE "Gaps"). These
 * follow the live structure as of 2025: the panel has a text box labelled "Search input" with result
 * links `a[href="/<user>/"]`; the lists are `div[role=dialog]` titled "Likes", "Followers", "Following".
 * TODO [2027-01-01]: capture them logged in and add saved pages.
 */
export const searchInput = [
  // 2023 → 2025 desktop sidebar search panel (live, no saved page).
  'input[aria-label="Search input"]',
  'input[placeholder="Search"]',
] as const;

export const dialog = ['[role=dialog]'] as const;

/** Dialog titles, English; other languages fall back to the surface of the link's own context. */
export const likesDialogTitle = /^(likes|liked by)\b/i;
export const followersDialogTitle = /^(followers|following)\b/i;

/** `img[alt]` of an avatar. Localised (ru, pt-BR, es seen), so only a hint. */
export const profilePictureAlt = [
  /^(.+)'s profile picture$/, // en, 2019 → 2026 (most rendered pages)
  /^Фото профиля (.+)$/, // ru (reels-2026-1)
  /^Foto do perfil de (.+)$/, // pt-BR
  /^Foto del perfil de (.+)$/, // es
] as const;

/**
 * Where each selector above matches (at least one alternative), by saved page
 * (`../shared/fixtures/instagram-<page>.html`); tests/pages/fixtures.test.ts checks every entry, so a
 * selector that stops matching a page it claims fails loudly. Measured 2026-11-30.
 */
export const seenOn: Record<string, readonly string[]> = {
  accountLink: [
    'home_feed-2024-1',
    'post-2013-1',
    'post-2021-1',
    'post-2021-2',
    'post-2025-1',
    'post-2026-1',
    'post_modal-2022-1',
    'post_modal-2025-1',
    'post_modal-2025-2',
    'post_modal-2025-3',
    'post_modal-2025-5',
    'profile-2021-1',
    'profile-2024-1',
    'profile-2025-1',
    'profile-2025-3',
    'profile-2025-4',
    'reels-2026-1',
    'story-2021-1',
  ],
  storiesTrayButton: ['home_feed-2024-1'],
  profileHeaderName: [
    'profile-2021-1',
    'profile-2024-1',
    'profile-2025-1',
    'profile-2025-3',
    'profile-2025-4',
    'post_modal-2022-1',
    'post_modal-2025-1',
    'post_modal-2025-2',
    'post_modal-2025-3',
    'post_modal-2025-5',
  ],
  avatarSpanLink: [
    'home_feed-2024-1',
    'post-2025-1',
    'post-2026-1',
    'post_modal-2022-1',
    'post_modal-2025-1',
  ],
  post: [
    'home_feed-2024-1',
    'post-2021-1',
    'post-2021-2',
    'post_modal-2022-1',
    'post_modal-2025-1',
  ],
  commentAuthorHeading: [
    'post-2021-1',
    'post-2021-2',
    'post_modal-2022-1',
    'post_modal-2025-2',
    'post_modal-2025-3',
    'post_modal-2025-5',
  ],
  suggestionMarkers: ['home_feed-2024-1', 'profile-2024-1'],
  postPermalink: [
    'home_feed-2024-1',
    'post-2021-1',
    'post-2025-1',
    'post-2026-1',
    'post_modal-2025-1',
  ],
  likedByLink: ['home_feed-2024-1', 'post-2021-1', 'post_modal-2022-1', 'post_modal-2025-3'],
  // Only the 2021 top bar's search box; the 2023+ panel is in no saved page.
  searchInput: ['post-2021-1', 'profile-2021-1'],
  dialog: ['post_modal-2022-1', 'post_modal-2025-1', 'post_modal-2025-5'],
};
