// The feed-stream page script (same origin as the page, so it runs under the site's CSP like
// Instagram's own code). It appends posts in batches the way infinite scroll does, and watches,
// from the page's side, for the <picket-badge> elements that the extension adds — so the same
// measurement works with Picket, with the floor extension (no badges) and with no extension.
import { appendInBatches, watchBadges } from './badge-watch.js';
import { isMember, makePosts, postTree, toDom } from './markup.js';

const postByArticle = new WeakMap();
const insertedAt = new Map(); // post id → performance.now() when its batch was appended
const authorBadgeAt = new Map(); // post id → performance.now() when the author's badge appeared
// Member-authored posts that came into the viewport: Picket badges only what a reader can see,
// and a post the stream scrolled past before it was ever on screen is nobody's to badge.
const shownMemberPosts = new Set();
const onScreen = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const post = postByArticle.get(entry.target);
    if (post && isMember(post.author)) shownMemberPosts.add(post.id);
    onScreen.unobserve(entry.target);
  }
});

const badgeSummary = watchBadges((badge, now) => {
  const article = badge.closest('article');
  const post = article && postByArticle.get(article);
  if (!post || authorBadgeAt.has(post.id)) return;
  if (badge.getAttribute('data-handle') === post.author) authorBadgeAt.set(post.id, now);
});

function scrollToEnd() {
  // Infinite scroll: the reader is at the bottom when the next page of posts arrives.
  const root = document.scrollingElement ?? document.documentElement;
  root.scrollTop = root.scrollHeight;
}

/**
 * Appends `posts` posts, `batchSize` at a time every `intervalMs`. Resolves with the window
 * (start, end in performance.now() time) once the last batch is in.
 */
function startStream({ posts = 1000, batchSize = 10, intervalMs = 50, seed = 1 } = {}) {
  const feed = document.getElementById('feed');
  const all = makePosts(posts, seed);
  let next = 0;
  return appendInBatches(intervalMs, () => {
    const batch = document.createDocumentFragment();
    const appended = [];
    for (const post of all.slice(next, next + batchSize)) {
      const article = toDom(postTree(post), document);
      postByArticle.set(article, post);
      onScreen.observe(article);
      batch.appendChild(article);
      appended.push(post);
    }
    feed.appendChild(batch);
    const now = performance.now();
    for (const post of appended) insertedAt.set(post.id, now);
    next += batchSize;
    scrollToEnd();
    return next < all.length;
  });
}

/**
 * Everything measured so far; latencies only for posts whose author is a pack member and that
 * came into view (expectedAuthorBadges counts those).
 */
function results() {
  const latencies = [];
  for (const [id, at] of authorBadgeAt) {
    const inserted = insertedAt.get(id);
    if (inserted !== undefined && shownMemberPosts.has(id)) latencies.push(at - inserted);
  }
  return {
    now: performance.now(),
    expectedAuthorBadges: shownMemberPosts.size,
    latencies,
    ...badgeSummary(),
  };
}

window.picketBench = { startStream, results };
