// What both stream page scripts (stream.js, real-stream.js) share: watching, from the page's
// side, for the <picket-badge> elements an extension adds and for the page's long tasks, and
// appending a stream's batches on a timer.

/**
 * From now on, calls `onBadge(badge, now)` for every <picket-badge> added to the document, `now`
 * being when its mutation was reported. Returns `summary()`: the badge count, when the last badge
 * appeared and the long tasks so far.
 */
export function watchBadges(onBadge) {
  let lastBadgeAt = null;
  const longTasks = [];
  const note = (badge, now) => {
    lastBadgeAt = now;
    onBadge(badge, now);
  };
  // Badges are inserted as single elements next to a name; also look inside added subtrees in
  // case an implementation inserts a wrapper.
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
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task entries in this browser: the list stays empty.
  }
  return () => ({
    badgeCount: document.querySelectorAll('picket-badge').length,
    lastBadgeAt,
    longTasks: longTasks.slice(),
  });
}

/**
 * Calls `appendBatch()` now and then every `intervalMs` for as long as it answers true (more to
 * come). Resolves with the stream's window (start, end in performance.now() time) once the last
 * batch is in.
 */
export function appendInBatches(intervalMs, appendBatch) {
  const start = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      if (appendBatch()) setTimeout(tick, intervalMs);
      else resolve({ start, end: performance.now() });
    };
    tick();
  });
}
