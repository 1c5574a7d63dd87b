// The scale rows: for each pack size, the import, the storage it took, lookups (asleep, awake,
// cached, without messaging), the content script's heap and the popup's first render; then the
// heap growth from the smallest to the largest pack.
import type { ScaleRun } from '../scenarios/scale';
import { budget, metric, type Metric } from './report';
import { median, summarize } from './stats';

const one = (value: number) => summarize([value]);

/** One pack size of the scale runs. */
function scaleRunMetrics(run: ScaleRun, largest: number): Metric[] {
  const n = run.accounts.toLocaleString('en-US');
  const isLargest = run.accounts === largest && largest >= 1_000_000;
  // A pack that never reached the database makes every figure of its size a figure of the
  // bundled pack alone: said on each row, and the import itself has no time.
  const notIndexed = run.indexed
    ? undefined
    : `NOT INDEXED: the import returned after ${(run.importCallMs / 1000).toFixed(1)} s but only ${run.accountRows.toLocaleString('en-US')} of ${n} accounts reached the database; this size's figures are for the bundled pack alone.`;
  const tag = notIndexed ? ' [pack not indexed]' : '';
  return [
    metric(
      `scale.${run.accounts}.import`,
      `Scale ${n}: import (importPackObject)`,
      'ms',
      one(run.importMs),
      isLargest ? [budget('max', 20_000, '≤ 20 s')] : [],
      notIndexed,
    ),
    metric(
      `scale.${run.accounts}.rows`,
      `Scale ${n}: account keys in the lookup index${tag}`,
      'count',
      one(run.accountRows),
    ),
    metric(
      `scale.${run.accounts}.storage`,
      `Scale ${n}: database growth (IndexedDB)${tag}`,
      'MB',
      one(run.storageBytes / 1e6),
      [],
      run.accounts === largest
        ? 'navigator.storage.estimate() usage before/after the import, in an extension page.'
        : undefined,
    ),
    metric(
      `scale.${run.accounts}.storageLocal`,
      `Scale ${n}: storage.local growth (the pack's stored copy)${tag}`,
      'MB',
      one(run.storageLocalBytes / 1e6),
      [],
      run.accounts === largest
        ? 'storage.local.getBytesInUse() before/after; not part of the estimate above.'
        : undefined,
    ),
    ...lookupMetrics(run, largest, tag),
  ];
}

/** One pack size's lookups, content-script heap and popup. */
function lookupMetrics(run: ScaleRun, largest: number, tag: string): Metric[] {
  const n = run.accounts.toLocaleString('en-US');
  return [
    metric(
      `scale.${run.accounts}.lookupAsleep`,
      `Scale ${n}: lookup of 200, worker asleep${tag}`,
      'ms',
      summarize(run.lookupAsleepMs),
    ),
    metric(
      `scale.${run.accounts}.lookupAwake`,
      `Scale ${n}: lookup of 200, worker awake${tag}`,
      'ms',
      summarize(run.lookupAwakeMs),
      [budget('median', 5, 'median ≤ 5 ms')],
      run.accounts === largest
        ? `From the content script's world through runtime.sendMessage; new keys every time (100 members spread over the pack, 100 outsiders); ${run.lookupMatched} matched.`
        : undefined,
      { measurable: run.indexed },
    ),
    metric(
      `scale.${run.accounts}.lookupInPage`,
      `Scale ${n}: the same lookup in an extension page, no messaging${tag}`,
      'ms',
      summarize(run.lookupInPageMs),
      [],
      run.accounts === largest
        ? "background/lookup.ts's lookup() called directly in the bench's extension page: the store's share of the row above."
        : undefined,
    ),
    metric(
      `scale.${run.accounts}.lookupCached`,
      `Scale ${n}: same 200 again (background cache)${tag}`,
      'ms',
      summarize(run.lookupRepeatMs),
    ),
    metric(
      `scale.${run.accounts}.contentHeap`,
      `Scale ${n}: content-script heap (page with − without Picket)${tag}`,
      'MB',
      summarize(run.contentHeapBytes.map((b) => b / 1e6)),
    ),
    metric(
      `scale.${run.accounts}.popup`,
      `Scale ${n}: popup first render${tag}`,
      'ms',
      summarize(run.popupFirstRenderMs),
      run.accounts === largest ? [budget('median', 200, 'median ≤ 200 ms')] : [],
      run.accounts === largest
        ? 'Navigation start → #campaign-heading in the DOM with text and a box.'
        : undefined,
      { measurable: run.indexed },
    ),
  ];
}

/** Scenario 4, scale: every size, then the content-script heap across sizes. */
export function scaleMetrics(scale: ScaleRun[], config: { scaleSizes: number[] }): Metric[] {
  if (!scale.length) return [];
  const metrics: Metric[] = [];
  const largest = Math.max(...config.scaleSizes);
  const smallest = Math.min(...config.scaleSizes);
  for (const run of scale) metrics.push(...scaleRunMetrics(run, largest));
  const heapOf = (accounts: number) =>
    median(scale.find((r) => r.accounts === accounts)?.contentHeapBytes ?? []);
  const growth = Math.abs(heapOf(largest) - heapOf(smallest)) / 1e6;
  metrics.push(
    metric(
      'scale.heapGrowth',
      `Content-script heap, ${largest.toLocaleString('en-US')} vs ${smallest.toLocaleString('en-US')} accounts (|Δ| of medians)`,
      'MB',
      one(growth),
      [budget('max', 1, '≤ 1 MB')],
      'CDP Runtime.getHeapUsage after two forced collections, with ' +
        'the same feed page in a browser without the extension subtracted (paired, alternating).',
      { measurable: scale.every((r) => r.indexed) },
    ),
  );

  return metrics;
}
