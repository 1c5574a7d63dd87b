// Scenario 3, the big page: 5,000 account references already in the HTML when it loads (a long
// feed restored from cache, a big comment thread). Measures, from the navigation start, when
// every member-authored post carries its author's badge, and when the last badge appeared.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchBrowser } from '../lib/browser';
import { type TaskAttribution, attributeLongTasks, startTrace, stopTrace } from '../lib/trace';
import { isMember, makePosts, postReferences, postTree, toHtml } from '../pages/markup.js';

const pagesDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../pages');

export interface BigPage {
  html: string;
  references: number;
  posts: number;
  memberAuthors: number;
}

/** The feed shell with posts appended until they hold `references` account references. */
export function bigPageHtml(references: number): BigPage {
  const candidates = makePosts(Math.ceil(references / 3) + 10, 2);
  const picked = [];
  let count = 0;
  for (const post of candidates) {
    if (count >= references) break;
    const refs = postReferences(post);
    count += refs.author.length + refs.mention.length + refs.comment.length;
    picked.push(post);
  }
  // A post is ~800 px tall, so the first screen shows two: they are member-authored, or the time
  // to the first screen's author badges would measure nothing.
  const opening = picked.filter((post) => isMember(post.author)).slice(0, 2);
  const posts = [...opening, ...picked.filter((post) => !opening.includes(post))];
  const shell = readFileSync(resolve(pagesDir, 'feed.html'), 'utf8')
    // No stream script on this page; the watcher goes after the posts instead.
    .replace(/\s*<script type="module" src="\/_bench\/stream\.js"><\/script>/, '');
  const body = posts.map((post) => toHtml(postTree(post))).join('\n');
  const html = shell.replace(
    '<div id="feed"></div>',
    `<div id="feed">${body}</div>\n<script src="/_bench/watch.js"></script>`,
  );
  return {
    html,
    references: count,
    posts: posts.length,
    memberAuthors: posts.filter((p) => isMember(p.author)).length,
  };
}

interface WatchResults {
  now: number;
  expected: number;
  badgedAuthors: number;
  allAuthorsAt: number | null;
  lastBadgeAt: number | null;
  badges: number;
  domContentLoaded: number | null;
}

export interface BigPageRun {
  /** Navigation start → every member author badged, ms (NaN when it never happened). */
  allBadgesMs: number;
  /** Navigation start → the last badge of any kind, ms. */
  lastBadgeMs: number;
  domContentLoadedMs: number;
  expectedAuthors: number;
  badgedAuthors: number;
  badges: number;
  /** Only on the traced round: every main-thread task ≥ 50 ms, with Picket's script time in it. */
  longTasks?: TaskAttribution[];
}

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function runBigPage(
  browser: BenchBrowser,
  url: string,
  rounds: number,
  { timeoutMs = 30_000, quietMs = 1_000 } = {},
  log: (line: string) => void = () => {},
): Promise<BigPageRun[]> {
  const runs: BigPageRun[] = [];
  // The last round is traced, for long-task attribution; its timings are not used.
  for (let round = 0; round <= rounds; round++) {
    const traced = round === rounds;
    const page = await browser.context.newPage();
    try {
      const cdp = traced ? await browser.context.newCDPSession(page) : null;
      if (cdp) await startTrace(cdp);
      await page.goto(url, { waitUntil: 'load' });
      const read = () =>
        page.evaluate(() =>
          (
            globalThis as unknown as { picketBenchWatch: { results(): WatchResults } }
          ).picketBenchWatch.results(),
        );
      let results = await read();
      const deadline = Date.now() + timeoutMs;
      while (results.allAuthorsAt === null && Date.now() < deadline) {
        await wait(100);
        results = await read();
      }
      // Then until no badge has appeared for `quietMs`, to catch the last one of any kind.
      while (Date.now() < deadline && results.now - (results.lastBadgeAt ?? 0) < quietMs) {
        await wait(200);
        results = await read();
      }
      const events = cdp ? await stopTrace(cdp) : null;
      const run: BigPageRun = {
        ...(events &&
          browser.extension && {
            longTasks: attributeLongTasks(
              events,
              `chrome-extension://${browser.extension.extensionId}`,
            ),
          }),
        allBadgesMs: results.allAuthorsAt ?? Number.NaN,
        lastBadgeMs: results.lastBadgeAt ?? Number.NaN,
        domContentLoadedMs: results.domContentLoaded ?? Number.NaN,
        expectedAuthors: results.expected,
        badgedAuthors: results.badgedAuthors,
        badges: results.badges,
      };
      log(
        `big page ${traced ? 'traced round' : `round ${round + 1}/${rounds}`}: all authors badged at ` +
          `${run.allBadgesMs.toFixed(0)} ms (${run.badgedAuthors}/${run.expectedAuthors}), ` +
          `${run.badges} badges, last at ${run.lastBadgeMs.toFixed(0)} ms`,
      );
      runs.push(run);
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return runs;
}
