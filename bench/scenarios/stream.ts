// Scenarios 1 and 2, the feed stream and its floor: the same page, the same posts, in three
// browsers (Picket, the floor extension, no extension), run in rotating order round after round
// so that each round yields one comparable triple.
import type { Page } from 'playwright-core';
import type { BenchBrowser, Variant } from '../lib/browser';
import { mainThreadTotals, watchWorlds } from '../lib/browser';
import { rotation } from '../lib/stats';
import {
  type TaskAttribution,
  attributeLongTasks,
  extensionScriptTime,
  renderWork,
  type RenderWork,
  startTrace,
  stopTrace,
} from '../lib/trace';

export interface StreamOptions {
  posts: number;
  batchSize: number;
  intervalMs: number;
  rounds: number;
  feedUrl: string;
  /** How long the badges may take to complete after the last batch before the run is called short. */
  badgeTimeoutMs: number;
  /** Quiet time after the stream (and, with Picket, after the last badge) still measured. */
  tailMs: number;
  /** More arguments for the page's startStream (the saved-page stream's selectors and mix). */
  pageArgs?: Record<string, unknown>;
}

/** What the page script reports (bench/pages/stream.js `results()`). */
interface PageResults {
  now: number;
  expectedAuthorBadges: number;
  latencies: number[];
  badgeCount: number;
  lastBadgeAt: number | null;
  longTasks: { start: number; duration: number }[];
}

export interface StreamRun {
  variant: Variant;
  round: number;
  /** Main-thread time of the page's renderer from stream start to the end of the tail. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  streamMs: number;
  expectedAuthorBadges: number;
  /** Per member-authored post: insertion → its author's badge, ms. */
  latencies: number[];
  badgeCount: number;
  /** Long tasks (≥ 50 ms) the page saw during the stream, whoever caused them. */
  longTasks: number;
  longTaskMs: number[];
  /** Only in traced runs (not used for the timing comparisons: tracing slows everything). */
  trace?: {
    /** Every main-thread task ≥ 50 ms, with the time the extension's scripts took inside it. */
    longTasks: TaskAttribution[];
    /** All the extension's script time during the stream, ms (0 without an extension). */
    extensionScriptMs: number;
    /** The renderer's main-thread work by kind (style, layout, pre-paint, paint, all tasks). */
    render: RenderWork;
  };
}

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Starts the page's stream; resolves with its window once the last batch is in. */
function startStream(page: Page, options: StreamOptions): Promise<{ start: number; end: number }> {
  return page.evaluate(
    (o) =>
      (
        globalThis as unknown as {
          picketBench: { startStream(o: object): Promise<{ start: number; end: number }> };
        }
      ).picketBench.startStream(o),
    {
      ...options.pageArgs,
      posts: options.posts,
      batchSize: options.batchSize,
      intervalMs: options.intervalMs,
    },
  );
}

function readResults(page: Page): Promise<PageResults> {
  return page.evaluate(() =>
    (globalThis as unknown as { picketBench: { results(): PageResults } }).picketBench.results(),
  );
}

async function oneRun(
  browser: BenchBrowser,
  round: number,
  options: StreamOptions,
  traced = false,
): Promise<StreamRun> {
  const page: Page = await browser.context.newPage();
  try {
    const { cdp, world } = await watchWorlds(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(options.feedUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => 'picketBench' in window);
    const extensionOrigin =
      browser.variant === 'picket'
        ? `chrome-extension://${browser.extension!.extensionId}`
        : browser.variant === 'floor'
          ? 'chrome-extension://'
          : null;
    // Start the stream only once the content script runs, as on a feed one has been reading.
    if (extensionOrigin) await world(extensionOrigin);
    await wait(500);

    if (traced) await startTrace(cdp);
    const before = await mainThreadTotals(cdp);
    const window = await startStream(page, options);
    let results = await readResults(page);
    if (browser.variant === 'picket') {
      const deadline = Date.now() + options.badgeTimeoutMs;
      while (results.latencies.length < results.expectedAuthorBadges && Date.now() < deadline) {
        await wait(100);
        results = await readResults(page);
      }
    }
    await wait(options.tailMs);
    const after = await mainThreadTotals(cdp);
    results = await readResults(page);
    const events = traced ? await stopTrace(cdp) : null;

    const inWindow = (start: number) => start >= window.start;
    const longTasks = results.longTasks.filter((t) => inWindow(t.start));
    return {
      variant: browser.variant,
      round,
      taskMs: after.taskMs - before.taskMs,
      scriptMs: after.scriptMs - before.scriptMs,
      layoutMs: after.layoutMs - before.layoutMs,
      styleMs: after.styleMs - before.styleMs,
      streamMs: window.end - window.start,
      expectedAuthorBadges: results.expectedAuthorBadges,
      latencies: results.latencies,
      badgeCount: results.badgeCount,
      longTasks: longTasks.length,
      longTaskMs: longTasks.map((t) => t.duration),
      ...(events && {
        trace: {
          // No extension: every long task with a share of 0, against an origin nothing has.
          longTasks: attributeLongTasks(events, extensionOrigin ?? 'chrome-extension://none/'),
          extensionScriptMs: extensionOrigin ? extensionScriptTime(events, extensionOrigin) : 0,
          render: renderWork(events),
        },
      }),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Runs `rounds` rounds; in each, every browser streams once, in rotating order. */
export async function runStream(
  browsers: BenchBrowser[],
  options: StreamOptions,
  log: (line: string) => void = () => {},
): Promise<StreamRun[]> {
  const runs: StreamRun[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const browser of rotation(browsers, round)) {
      const run = await oneRun(browser, round, options);
      log(
        `stream round ${round + 1}/${options.rounds} ${run.variant.padEnd(6)} ` +
          `task ${run.taskMs.toFixed(0)} ms, badges ${run.badgeCount}, long tasks ${run.longTasks}`,
      );
      runs.push(run);
    }
  }
  return runs;
}

/**
 * Traced rounds, for attribution: in each, every extension browser (and, with `withNone`, the
 * browser without one) streams once (rotating order) with a Chromium trace running, which tells
 * which long tasks the extension's scripts made long, how much main-thread time the extension's
 * own code took and how much style, layout and pre-paint the page needed. Kept apart from the
 * timing rounds because tracing slows everything down.
 */
export async function runTracedStream(
  browsers: BenchBrowser[],
  options: StreamOptions,
  rounds: number,
  log: (line: string) => void = () => {},
  { withNone = false } = {},
): Promise<StreamRun[]> {
  const runs: StreamRun[] = [];
  const extensions = browsers.filter((b) => withNone || b.variant !== 'none');
  for (let round = 0; round < rounds; round++) {
    for (const browser of rotation(extensions, round)) {
      const run = await oneRun(browser, round, options, true);
      log(
        `stream traced round ${round + 1}/${rounds} ${run.variant.padEnd(6)} extension script ` +
          `${run.trace?.extensionScriptMs.toFixed(1)} ms, long tasks ${run.trace?.longTasks.length}`,
      );
      runs.push(run);
    }
  }
  return runs;
}
