// Big-page watcher: loaded at the end of <body>, i.e. after every post is parsed and before the
// extension's content script runs (document_idle). Records, in performance.now() time (origin:
// the navigation start), when each post on the first screen whose author is a pack member gets
// its author's badge (Picket badges what a reader can see; the rest waits for scrolling), and
// when the last badge of any kind appeared.
(() => {
  const isMember = (handle) => handle.startsWith('m_');
  const authorOf = new Map();
  for (const article of document.querySelectorAll('article')) {
    // The first account link of a post is its author's, in the header.
    const link = article.querySelector('a[href]');
    const author = link && /^\/([^/]+)\/$/.exec(link.getAttribute('href'));
    if (author) authorOf.set(article, author[1]);
  }
  const badged = new Set();
  let allAuthorsAt = null;
  // The member-authored posts on the first screen, known from the first observer report.
  let expected = null;
  const firstScreen = new Set();
  // Chromium reports a thousand targets' first state over several callbacks: the first screen is
  // known once every post has been reported once.
  const reported = new Set();
  const onScreen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      reported.add(entry.target);
      if (entry.isIntersecting && isMember(authorOf.get(entry.target) ?? ''))
        firstScreen.add(entry.target);
    }
    if (reported.size < authorOf.size) return;
    onScreen.disconnect();
    expected = firstScreen.size;
    for (const article of [...badged]) if (!firstScreen.has(article)) badged.delete(article);
    if (badged.size >= expected) allAuthorsAt ??= performance.now();
  });
  for (const article of authorOf.keys()) onScreen.observe(article);
  let lastBadgeAt = null;
  let badges = 0;

  function note(badge, now) {
    badges++;
    lastBadgeAt = now;
    const article = badge.closest('article');
    if (!article || badged.has(article)) return;
    if (badge.getAttribute('data-handle') !== authorOf.get(article)) return;
    if (expected !== null && !firstScreen.has(article)) return;
    badged.add(article);
    if (expected !== null && badged.size >= expected) allAuthorsAt ??= now;
  }
  for (const badge of document.querySelectorAll('picket-badge')) note(badge, performance.now());
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.localName === 'picket-badge') note(node, now);
        else if (node.firstElementChild) {
          for (const badge of node.querySelectorAll('picket-badge')) note(badge, now);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  window.picketBenchWatch = {
    results: () => ({
      now: performance.now(),
      expected: expected ?? 0,
      badgedAuthors: badged.size,
      allAuthorsAt,
      lastBadgeAt,
      badges,
      domContentLoaded:
        performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    }),
  };
})();
