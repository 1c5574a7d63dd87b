// The stream on a real saved page (served without its own scripts, this one added): clones the
// page's own posts and appends them to the feed in batches, as infinite scroll does, with each
// clone's author rewritten to a listed or an unlisted account. Like stream.js it watches, from
// the page's side, for the <picket-badge> elements an extension adds, so the same measurement
// works with Picket, the floor extension and no extension.
import { appendInBatches, watchBadges } from './badge-watch.js';
import {
  facebookMemberHandle,
  facebookOutsiderHandle,
  memberHandle,
  outsiderHandle,
  PAGE_MEMBERS,
} from './markup.js';

const CLONE_ATTRIBUTE = 'data-bench-clone';
const ACCOUNT_PATH = /^\/[A-Za-z0-9._-]+\/?$/;

const clones = []; // index → { handle, member, insertedAt, badgeAt, shown }

const onScreen = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const clone = clones[Number(entry.target.getAttribute(CLONE_ATTRIBUTE))];
    if (clone) clone.shown = true;
    onScreen.unobserve(entry.target);
  }
});

/** Facebook compares usernames without case and dots; Instagram without case. */
const sameAccount = (a, b) =>
  a.toLowerCase().replaceAll('.', '') === b.toLowerCase().replaceAll('.', '');

const badgeSummary = watchBadges((badge, now) => {
  const root = badge.closest(`[${CLONE_ATTRIBUTE}]`);
  const clone = root && clones[Number(root.getAttribute(CLONE_ATTRIBUTE))];
  if (!clone || clone.badgeAt !== undefined) return;
  if (sameAccount(badge.getAttribute('data-handle') ?? '', clone.handle)) clone.badgeAt = now;
});

/** A post's author link: the first match of `authorSelector` that links to an account path. */
function authorLink(post, authorSelector) {
  for (const link of post.querySelectorAll(authorSelector)) {
    const url = new URL(link.href, location.href);
    if (url.host === location.host && ACCOUNT_PATH.test(url.pathname) && link.textContent.trim())
      return link;
  }
  return null;
}

/** Every text node under `root` that reads exactly `text`, given `replacement` instead. */
function replaceText(root, text, replacement) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.trim() === text) node.data = replacement;
  }
}

/**
 * A copy of `template` whose author (every link to the template author's account, and the name
 * those links show) is `handle`. The rest (other people, comments, links) stays as saved.
 */
function cloneWithAuthor(template, authorSelector, handle) {
  const clone = template.cloneNode(true);
  const original = authorLink(template, authorSelector);
  const originalPath = new URL(original.href, location.href).pathname.replace(/\/$/, '');
  const label = original.textContent.trim();
  for (const link of clone.querySelectorAll('a[href]')) {
    const url = new URL(link.href, location.href);
    if (url.host !== location.host || url.pathname.replace(/\/$/, '') !== originalPath) continue;
    url.pathname = url.pathname.endsWith('/') ? `/${handle}/` : `/${handle}`;
    link.setAttribute('href', url.href);
    replaceText(link, label, handle);
  }
  return clone;
}

/**
 * Infinite scroll: the reader is at the end of the feed when the next posts arrive. A saved page
 * has more below its feed (side columns without their style sheets), so the new posts are
 * scrolled to rather than the end of the document.
 */
function scrollTo(firstNew) {
  firstNew.scrollIntoView({ block: 'start' });
}

/** The posts to clone: the page's own posts that have an author link, in page order. */
function templatesOf(postSelector, authorSelector) {
  const templates = [...document.querySelectorAll(postSelector)].filter(
    (post) => authorLink(post, authorSelector) && !post.parentElement.closest(postSelector),
  );
  if (!templates.length) throw new Error(`no post matching ${postSelector} has an author link`);
  return templates;
}

/**
 * Appends `posts` clones, `batchSize` every `intervalMs`, after the last post of the page. One
 * clone in `memberEvery` has a listed author (1: all of them); the others each get an unlisted
 * account of their own. Resolves with the stream's window in performance.now() time.
 */
function startStream({
  platform,
  postSelector,
  authorSelector,
  posts = 300,
  batchSize = 5,
  intervalMs = 50,
  memberEvery = 1,
}) {
  const templates = templatesOf(postSelector, authorSelector);
  const feed = templates[templates.length - 1].parentElement;
  const member = platform === 'facebook' ? facebookMemberHandle : memberHandle;
  const outsider = platform === 'facebook' ? facebookOutsiderHandle : outsiderHandle;
  const appended = appendInBatches(intervalMs, () => {
    const batch = document.createDocumentFragment();
    const first = clones.length;
    let firstNew = null;
    for (let i = first; i < Math.min(posts, first + batchSize); i++) {
      const isMember = i % memberEvery === 0;
      const handle = isMember ? member(i % PAGE_MEMBERS) : outsider(i);
      const clone = cloneWithAuthor(templates[i % templates.length], authorSelector, handle);
      clone.setAttribute(CLONE_ATTRIBUTE, String(i));
      onScreen.observe(clone);
      firstNew ??= clone;
      batch.appendChild(clone);
      clones.push({ handle, member: isMember, insertedAt: 0, badgeAt: undefined, shown: false });
    }
    feed.appendChild(batch);
    const now = performance.now();
    for (let i = first; i < clones.length; i++) clones[i].insertedAt = now;
    if (firstNew) scrollTo(firstNew);
    return clones.length < posts;
  });
  return appended.then((span) => ({ ...span, templates: templates.length }));
}

/** Latencies only for member-authored clones that came into view (expectedAuthorBadges). */
function results() {
  const expected = clones.filter((c) => c.member && c.shown);
  return {
    now: performance.now(),
    expectedAuthorBadges: expected.length,
    latencies: expected.filter((c) => c.badgeAt !== undefined).map((c) => c.badgeAt - c.insertedAt),
    ...badgeSummary(),
  };
}

window.picketBench = { startStream, results };
