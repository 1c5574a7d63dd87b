/**
 * Every Facebook selector, in one place: lists of alternatives per era, each with the date it was seen
 * and the saved pages (`../shared/fixtures/facebook-*.html`) it matches. Eras: classic desktop
 * 2012–2019, m./mbasic 2020–21, Comet 2020–22 (8-letter classes) and 2023–25 (atomic classes). Class
 * names are never used: each era renamed all of them.
 */

export const anyOf = (alternatives: readonly string[]): string => alternatives.join(', ');

/** Links; which account they point to comes from the href (urls.ts) or `data-hovercard`. */
export const accountLink = [
  // 2012 → 2025, every era (all fixtures with links).
  'a[href]',
] as const;

/** The name at the top of a profile or Page. It has no link: the account is the page's URL. */
export const profileHeaderName = [
  // 2022 → 2025 Comet: `div[role=main] h1 > span[dir=auto]` (page-2022-1, page-2023-1, page-2024-1,
  // profile-2025-1).
  '[role=main] h1',
] as const;

export const candidates = anyOf([...accountLink, ...profileHeaderName]);

/* ---------- context: which surface a reference is on ---------- */

/**
 * A post or a comment. Classic feed units are `div[role=article][aria-label=Story]` with comments as
 * nested `div[role=article][aria-label=Comment]` (feed_unit-2016-*, 2018-*); Comet posts are
 * `div[role=article]` with comments `div[role=article][aria-label="Comment by <Name> <time>"]`
 * (home_feed-2022-1, page-2024-1, photo-2024-2); m./mbasic use `<article>` (m_group-2021-1,
 * m_home_feed-2020-1).
 */
export const postOrComment = ['[role=article]', 'article'] as const;

/**
 * The label of a comment article, by UI language. Only needed where a comment is not nested in its
 * post: the photo viewer's side panel (photo-2024-2). Nested articles are comments in any language.
 */
export const commentLabel =
  /^(comment|reply)\b|^(comentario|respuesta|comentário|resposta|commentaire|réponse|kommentar|antwort|commento|risposta) |^(تعليق|رد)/i;

/**
 * Classic (2012–2015) comments without `role=article`: the comment list sits in the post's UFI `<form>`
 * as `form ul li`, the first link of an item being its author (home_feed-2015-1).
 */
export const classicComment = ['form li'] as const;

/**
 * Headings whose links are the post's authors. Comet: `h2/h3/h4 a[role=link]` (home_feed-2022-1 h4,
 * page-2024-1 h2, home_feed-2025-1 h4); classic: `h5`/`h6` (feed_unit-2016-*, 2018-2); m./mbasic:
 * `header h3 strong a` (m_group-2021-1, m_home_feed-2020-1, mbasic_feed-2021-1).
 */
export const authorHeading = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Post text, where links to people are mentions. */
export const postMessage = [
  // 2021 → 2025 Comet (home_feed-2022-1, home_feed-2025-1, page-2024-1).
  '[data-ad-preview="message"]',
  '[data-ad-comet-preview="message"]',
  // Classic and m./mbasic paragraphs (feed_unit-2016-*, m_group-2021-1 `p > a`).
  'p',
  'blockquote',
] as const;

/**
 * "People you may know" on m.facebook: a card per person with the name as `article h1 a`
 * (m_home_feed-2020-1, 2020-08).
 */
export const suggestionName = ['article h1'] as const;

/** m.facebook comment previews sit in the post's `<footer>` (m_home_feed-2020-1). */
export const mobileCommentFooter = ['article footer'] as const;

/**
 * No saved page shows these (CATALOGUE "Gaps"); they follow the live structure as of 2025 and are
 * unverified. TODO [2027-01-01]: capture logged in and add saved pages.
 * - search: the results page (`/search/…`) and the search box's typeahead `[role=listbox]`;
 * - reactions ("likes") and followers lists: a `div[role=dialog]` titled by the list.
 */
export const searchTypeahead = ['[role=listbox]'] as const;
export const likesDialogTitle = /^(likes|reactions|people who (like|reacted))\b/i;
export const followersDialogTitle = /^(followers|following)\b/i;

/** The viewer's own navigation (shortcuts, Messenger contacts): never an account reference. */
export const viewerChrome = [
  // 2022 → 2025 Comet left rail "Shortcuts" and the right-hand contacts (home_feed-2022-1, -2025-1).
  '[role=navigation]',
  '[role=banner]',
] as const;

/** Stories-viewer container; links in it are the story's author. 2025 (story-2025-1). */
export const storyViewer = ['[role=dialog]'] as const;

/**
 * Where each selector above matches (at least one alternative), by saved page
 * (`../shared/fixtures/facebook-<page>.html`); tests/pages/fixtures.test.ts checks every entry.
 * Measured 2026-11-30.
 */
export const seenOn: Record<string, readonly string[]> = {
  accountLink: [
    'feed_unit-2016-1',
    'feed_unit-2018-2',
    'home_feed-2015-1',
    'home_feed-2017-1',
    'home_feed-2022-1',
    'home_feed-2025-1',
    'm_group-2021-1',
    'm_home_feed-2020-1',
    'm_page_posts-2021-1',
    'mbasic_feed-2021-1',
    'page-2022-1',
    'page-2023-1',
    'page-2024-1',
    'photo-2022-1',
    'photo-2023-1',
    'photo-2024-2',
    'post-2022-1',
    'profile-2025-1',
    'story-2025-1',
  ],
  profileHeaderName: ['page-2022-1', 'page-2023-1', 'page-2024-1', 'profile-2025-1'],
  postOrComment: [
    'feed_unit-2016-1',
    'feed_unit-2018-2',
    'home_feed-2022-1',
    'page-2024-1',
    'photo-2024-2',
    'm_group-2021-1',
    'mbasic_feed-2021-1',
  ],
  classicComment: ['home_feed-2015-1'],
  authorHeading: [
    'feed_unit-2016-1',
    'home_feed-2015-1',
    'home_feed-2022-1',
    'home_feed-2025-1',
    'page-2024-1',
    'm_group-2021-1',
    'photo-2024-2',
  ],
  postMessage: ['home_feed-2022-1', 'home_feed-2025-1', 'page-2024-1', 'm_group-2021-1'],
  suggestionName: ['m_home_feed-2020-1'],
  mobileCommentFooter: ['m_home_feed-2020-1', 'm_group-2021-1'],
  viewerChrome: ['home_feed-2017-1', 'home_feed-2022-1', 'home_feed-2025-1'],
  storyViewer: ['story-2025-1', 'photo-2024-2'],
};
