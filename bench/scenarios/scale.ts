// Scenario 4, scale: the same extension with packs of 1,000 / 100,000 / 1,000,000 accounts.
// Each size gets a fresh browser profile; the pack goes in through the store's own
// importPackObject (see bench/extension-page/store-page.ts for why not as text); then lookups
// travel the real path — from the content script's world on an Instagram page, through the
// message channel, to the service worker and its database — asleep (worker stopped first) and
// awake; the content script's heap is compared with a no-extension page; the popup is timed.
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from '../lib/browser';
import { launchVariant, watchWorlds } from '../lib/browser';
import { STORE_PAGE } from '../lib/build';
import { lookupKeys } from '../lib/packs';
import type { BenchStoreApi } from '../extension-page/store-page';

export interface ScaleOptions {
  sizes: number[];
  /** Lookups per state (asleep, awake), popup opens and heap samples per size. */
  rounds: number;
  lookupCount: number;
  port: number;
  extensionDir: string;
  feedUrl: string;
  quietUrl: string;
  /** Posts on the page whose heap is measured. */
  memoryPosts: number;
}

export interface ScaleRun {
  accounts: number;
  importMs: number;
  /** Account rows the import added to the database (the bundled pack's were there before). */
  accountRows: number;
  /** Whether every account of the pack reached the database (an import may "succeed" without). */
  indexed: boolean;
  /** When not indexed, the import time is reported as missing; this keeps what was measured. */
  importCallMs: number;
  /** Growth of the extension origin's quota-managed storage (IndexedDB) over the import. */
  storageBytes: number;
  indexedDbBytes: number | null;
  storageLocalBytes: number;
  lookupAsleepMs: number[];
  lookupAwakeMs: number[];
  /** The same keys again: answered from the background's cache. */
  lookupRepeatMs: number[];
  lookupMatched: number;
  /**
   * The background's lookup function run in an extension page, no message channel (worker
   * awake, fresh keys): the store's share of a lookup.
   */
  lookupInPageMs: number[];
  /** JS heap of the page with Picket minus the same page without an extension, per sample. */
  contentHeapBytes: number[];
  popupFirstRenderMs: number[];
}

interface LookupAnswer {
  ms: number;
  ok: boolean;
  matched: number;
  error?: string;
}

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function lookupExpression(keys: string[]): string {
  return `(async () => {
    const keys = ${JSON.stringify(keys)};
    const started = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'lookup', platform: 'instagram', keys });
    const ms = performance.now() - started;
    return { ms, ok: !!answer?.ok, matched: answer?.ok ? Object.keys(answer.matches).length : -1,
      error: answer?.error };
  })()`;
}

async function storePage(browser: BenchBrowser): Promise<Page> {
  const page = await browser.extension!.openExtensionPage(STORE_PAGE);
  await page.waitForFunction(() => 'picketBenchStore' in globalThis);
  return page;
}

function callStore<K extends keyof BenchStoreApi>(
  page: Page,
  method: K,
  ...args: Parameters<BenchStoreApi[K]>
): Promise<Awaited<ReturnType<BenchStoreApi[K]>>> {
  return page.evaluate(
    ([name, list]) => {
      const api = (
        globalThis as unknown as { picketBenchStore: Record<string, (...a: unknown[]) => unknown> }
      ).picketBenchStore;
      return api[name as string]!(...(list as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<BenchStoreApi[K]>>>;
}

/** JS heap in use by the page's renderer after two full collections. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** Loads the feed, streams `posts` posts at once, waits for the badges, returns the heap. */
async function feedHeap(
  browser: BenchBrowser,
  options: ScaleOptions,
): Promise<{ heap: number; badges: number }> {
  const page = await browser.context.newPage();
  try {
    const { cdp, world } = await watchWorlds(page);
    await page.goto(options.feedUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => 'picketBench' in window);
    if (browser.extension) await world(`chrome-extension://${browser.extension.extensionId}`);
    await page.evaluate(
      (posts) =>
        (
          globalThis as unknown as { picketBench: { startStream(o: object): Promise<unknown> } }
        ).picketBench.startStream({ posts, batchSize: 50, intervalMs: 0 }),
      options.memoryPosts,
    );
    const read = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as {
            picketBench: {
              results(): { latencies: number[]; expectedAuthorBadges: number; badgeCount: number };
            };
          }
        ).picketBench.results(),
      );
    let results = await read();
    const deadline = Date.now() + 15_000;
    while (
      browser.extension &&
      results.latencies.length < results.expectedAuthorBadges &&
      Date.now() < deadline
    ) {
      await wait(100);
      results = await read();
    }
    await wait(500);
    const heap = await heapAfterGc(cdp);
    return { heap, badges: (await read()).badgeCount };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Navigation start → the campaign heading in the popup is in the DOM with text and a box. */
async function popupFirstRender(browser: BenchBrowser): Promise<number> {
  const page = await browser.context.newPage();
  try {
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    await page.addInitScript(`{
      const found = () => {
        const heading = document.getElementById('campaign-heading');
        return !!heading && !!heading.textContent.trim() && heading.getBoundingClientRect().height > 0;
      };
      const observer = new MutationObserver(() => {
        if (!found()) return;
        globalThis.benchHeadingAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    }`);
    await page.goto(`chrome-extension://${browser.extension!.extensionId}/popup.html`);
    const handle = await page.waitForFunction(
      () => (globalThis as unknown as { benchHeadingAt?: number }).benchHeadingAt,
      undefined,
      { timeout: 15_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Stops the service worker; a worker still busy (e.g. with a big pack) may outlive one attempt.
 * False when it would not stop: that asleep sample is then missing, not made up.
 */
async function stopWorker(browser: BenchBrowser, log: (line: string) => void): Promise<boolean> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await browser.extension!.killServiceWorker();
      return true;
    } catch (error) {
      log(`stopping the service worker failed (attempt ${attempt}): ${String(error)}`);
      await wait(2_000);
    }
  }
  return false;
}

/** The import through the store page, the storage it took, and lookups without messaging. */
async function importPack(
  browser: BenchBrowser,
  accounts: number,
  options: ScaleOptions,
  log: (line: string) => void,
) {
  const store = await storePage(browser);
  // Opens the store (and builds the bundled pack's rows) untimed.
  const countsBefore = await callStore(store, 'counts');
  const before = await callStore(store, 'estimate');
  const localBefore = await callStore(store, 'storageLocalBytes');
  const imported = await callStore(
    store,
    'importGenerated',
    accounts,
    `bench-scale-${accounts}`,
    `Scale campaign (${accounts.toLocaleString('en-US')} accounts)`,
  );
  const counts = await callStore(store, 'counts');
  const after = await callStore(store, 'estimate');
  const localAfter = await callStore(store, 'storageLocalBytes');
  const lookupInPageMs: number[] = [];
  // Keys of rounds the content-script lookups below never use.
  for (let i = 0; i < options.rounds + 1; i++) {
    const keys = lookupKeys(accounts, options.lookupCount, 1_000 + i);
    const answer = await callStore(store, 'lookupHere', keys);
    if (i > 0) lookupInPageMs.push(answer.ms); // the first opens the store's caches
  }
  await store.close();
  const accountRows = counts.accounts - countsBefore.accounts;
  log(
    `scale ${accounts}: import ${imported.ms.toFixed(0)} ms, ${accountRows} account keys indexed, ` +
      `storage +${((after.usage - before.usage) / 1e6).toFixed(1)} MB`,
  );
  const indexed = accountRows >= accounts;
  return {
    importMs: indexed ? imported.ms : Number.NaN,
    importCallMs: imported.ms,
    accountRows,
    indexed,
    storageBytes: after.usage - before.usage,
    indexedDbBytes: after.indexedDB !== undefined ? after.indexedDB : null,
    storageLocalBytes: localAfter - localBefore,
    lookupInPageMs,
  };
}

/** Lookups from the content script's world on a quiet Instagram page: asleep, awake, repeated. */
async function lookups(
  browser: BenchBrowser,
  accounts: number,
  options: ScaleOptions,
  log: (line: string) => void,
) {
  const quiet = await browser.context.newPage();
  const { world } = await watchWorlds(quiet);
  await quiet.goto(options.quietUrl, { waitUntil: 'load' });
  const contentWorld = await world(`chrome-extension://${browser.extension!.extensionId}`);
  const ask = async (keys: string[]) => {
    const answer = await contentWorld.evaluate<LookupAnswer>(lookupExpression(keys));
    if (!answer.ok) throw new Error(`lookup failed: ${answer.error}`);
    return answer;
  };
  const lookupAsleepMs: number[] = [];
  const lookupAwakeMs: number[] = [];
  const lookupRepeatMs: number[] = [];
  let lookupMatched = Number.NaN;
  let round = 0;
  for (let i = 0; i < options.rounds; i++) {
    if (!(await stopWorker(browser, log))) {
      lookupAsleepMs.push(Number.NaN);
      continue;
    }
    await wait(200);
    lookupAsleepMs.push((await ask(lookupKeys(accounts, options.lookupCount, round++))).ms);
  }
  // Warm-up once after the last wake, then fresh keys every time (no cache can answer).
  await contentWorld.evaluate<LookupAnswer>(
    lookupExpression(lookupKeys(accounts, options.lookupCount, round++)),
  );
  for (let i = 0; i < options.rounds; i++) {
    const keys = lookupKeys(accounts, options.lookupCount, round++);
    const awake = await ask(keys);
    lookupMatched = awake.matched;
    lookupAwakeMs.push(awake.ms);
    const repeat = await contentWorld.evaluate<LookupAnswer>(lookupExpression(keys));
    lookupRepeatMs.push(repeat.ms);
  }
  await quiet.close();
  log(
    `scale ${accounts}: lookup asleep ${lookupAsleepMs.map((v) => v.toFixed(0)).join('/')} ms, ` +
      `awake ${lookupAwakeMs.map((v) => v.toFixed(1)).join('/')} ms, ${lookupMatched} matched`,
  );
  return { lookupAsleepMs, lookupAwakeMs, lookupRepeatMs, lookupMatched };
}

/** Content-script heap, paired with the same page in the no-extension browser; popup timing. */
async function heapAndPopup(
  browser: BenchBrowser,
  baseline: BenchBrowser,
  accounts: number,
  options: ScaleOptions,
  log: (line: string) => void,
) {
  const contentHeapBytes: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const pair = i % 2 === 0 ? [browser, baseline] : [baseline, browser];
    const heaps = new Map<BenchBrowser, number>();
    for (const b of pair) heaps.set(b, (await feedHeap(b, options)).heap);
    contentHeapBytes.push(heaps.get(browser)! - heaps.get(baseline)!);
  }
  const popupFirstRenderMs: number[] = [];
  for (let i = 0; i < options.rounds; i++) popupFirstRenderMs.push(await popupFirstRender(browser));
  log(
    `scale ${accounts}: content heap +${contentHeapBytes.map((b) => (b / 1e6).toFixed(2)).join('/')} MB, ` +
      `popup ${popupFirstRenderMs.map((v) => v.toFixed(0)).join('/')} ms`,
  );
  return { contentHeapBytes, popupFirstRenderMs };
}

async function runSize(
  accounts: number,
  baseline: BenchBrowser,
  options: ScaleOptions,
  log: (line: string) => void,
): Promise<ScaleRun> {
  const browser = await launchVariant('picket', options.port, options.extensionDir);
  try {
    const imported = await importPack(browser, accounts, options, log);
    const looked = await lookups(browser, accounts, options, log);
    const measured = await heapAndPopup(browser, baseline, accounts, options, log);
    return { accounts, ...imported, ...looked, ...measured };
  } finally {
    await browser.close();
  }
}

export async function runScale(
  options: ScaleOptions,
  log: (line: string) => void = () => {},
): Promise<ScaleRun[]> {
  const baseline = await launchVariant('none', options.port, options.extensionDir);
  try {
    const runs: ScaleRun[] = [];
    for (const accounts of options.sizes)
      runs.push(await runSize(accounts, baseline, options, log));
    return runs;
  } finally {
    await baseline.close();
  }
}
