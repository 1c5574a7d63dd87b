// From raw runs to the metrics table: every figure the bench reports, with its budget if it has one.
// Ratios are computed pair by pair: each round ran Picket, no extension and the floor back to
// back (in rotating order), and a round's ratio only ever divides figures of that round.
import type { BigPage, BigPageRun } from '../scenarios/bigpage';
import type { RealResults } from '../scenarios/real';
import type { ScaleRun } from '../scenarios/scale';
import { scaleMetrics } from './scale-metrics';
import type { SizeResult } from '../scenarios/size';
import type { StreamRun } from '../scenarios/stream';
import { budget, metric, type Metric } from './report';
import { median, summarize } from './stats';
import { realMetrics } from './real-metrics';
import type { TaskAttribution } from './trace';

/** What a run measured; a part left out with `--only` is empty or absent. */
export interface RawResults {
  stream: StreamRun[];
  traced: StreamRun[];
  bigPage: BigPageRun[];
  bigPageInfo?: BigPage;
  scale: ScaleRun[];
  size?: SizeResult;
  real?: RealResults;
}

/** The long-task threshold of the Long Tasks API. */
const LONG_TASK_MS = 50;

/** "38.9 ms (FunctionCall flush)": the extension's largest share of one task, and where. */
function largestShare(tasks: TaskAttribution[]): string {
  const worst = tasks.reduce<TaskAttribution | null>(
    (a, t) => (!a || t.extensionMs > a.extensionMs ? t : a),
    null,
  );
  if (!worst || worst.extensionMs === 0) return '0 ms';
  const where = worst.extensionCalls.map((c) => `${c.call} ${c.ms.toFixed(1)} ms`).join(', ');
  return `${worst.extensionMs.toFixed(1)} ms of a ${worst.duration.toFixed(0)} ms task (CPU time; ${where})`;
}

const one = (value: number) => summarize([value]);

type Triple = { picket: StreamRun; none: StreamRun; floor: StreamRun };

/** Each round's three runs (Picket, no extension, floor). */
function triples(stream: StreamRun[]): Triple[] {
  const rounds = [...new Set(stream.map((r) => r.round))];
  return rounds.map((round) => {
    const find = (variant: string) =>
      stream.find((r) => r.round === round && r.variant === variant)!;
    return { picket: find('picket'), none: find('none'), floor: find('floor') };
  });
}

/** Scenario 1, the feed stream: badge latency, main-thread time, where Picket's extra goes. */
function streamMetrics(raw: RawResults, config: { posts: number }): Metric[] {
  const metrics: Metric[] = [];
  const of = (variant: string) => raw.stream.filter((r) => r.variant === variant);
  const triple = triples(raw.stream);
  const picketRuns = of('picket');
  const latencies = picketRuns.flatMap((r) => r.latencies);
  metrics.push(
    metric(
      'stream.badgeLatency',
      'Feed stream: post inserted → author badge (posts that came into view)',
      'ms',
      summarize(latencies),
      [budget('median', 16, 'median ≤ 16 ms'), budget('p95', 50, 'p95 ≤ 50 ms')],
      `${config.posts} posts, 10 per batch every 50 ms; one sample per member-authored post per round, seen from the page.`,
    ),
  );
  const expected = picketRuns.reduce((sum, r) => sum + r.expectedAuthorBadges, 0);
  metrics.push(
    metric(
      'stream.badgeCoverage',
      'Feed stream: member posts that came into view, badged',
      '%',
      one(expected ? (100 * latencies.length) / expected : Number.NaN),
    ),
  );
  for (const variant of ['none', 'floor', 'picket'] as const) {
    metrics.push(
      metric(
        `stream.task.${variant}`,
        `Feed stream: main-thread time, ${variant === 'none' ? 'no extension' : variant === 'floor' ? 'floor extension' : 'Picket'}`,
        'ms',
        summarize(of(variant).map((r) => r.taskMs)),
        [],
        variant === 'none'
          ? "CDP Performance.getMetrics TaskDuration (thread CPU time) from stream start to 0.5 s after the last badge: the page's own work."
          : undefined,
      ),
    );
  }
  metrics.push(
    metric(
      'stream.overhead',
      'Feed stream: Picket main-thread overhead vs page work',
      '%',
      summarize(triple.map((t) => (100 * (t.picket.taskMs - t.none.taskMs)) / t.none.taskMs)),
      [budget('median', 10, 'median ≤ 10 %')],
      '(Picket − no extension) / no extension, per round.',
    ),
  );
  // Where Picket's extra main-thread time goes: script, style recalculation, layout (CDP
  // ScriptDuration, RecalcStyleDuration, LayoutDuration; Picket − no extension, per round).
  for (const [part, pick] of [
    ['script', (r: StreamRun) => r.scriptMs],
    ['style', (r: StreamRun) => r.styleMs],
    ['layout', (r: StreamRun) => r.layoutMs],
  ] as const) {
    metrics.push(
      metric(
        `stream.extra.${part}`,
        `Feed stream: Picket's extra ${part === 'style' ? 'style recalculation' : part} time`,
        'ms',
        summarize(triple.map((t) => pick(t.picket) - pick(t.none))),
      ),
    );
  }

  return metrics;
}

/** Scenario 2, the floor: Picket's own script time against the floor's. */
function floorMetrics(raw: RawResults): Metric[] {
  const metrics: Metric[] = [];
  const triple = triples(raw.stream);
  // Picket / floor. The floor's whole cost is its script (it writes nothing to the page), and
  // the trace measures script time to the microsecond; main-thread totals cannot resolve a cost
  // that small against the page's own run-to-run noise (see BENCHMARKS.md), so the budget is
  // judged on the traced rounds, and the totals-based ratio is shown beside it when it exists.
  const tracedRounds = [...new Set(raw.traced.map((r) => r.round))];
  const tracedPairs = tracedRounds.flatMap((round) => {
    const picket = raw.traced.find((r) => r.round === round && r.variant === 'picket')?.trace;
    const floor = raw.traced.find((r) => r.round === round && r.variant === 'floor')?.trace;
    return picket && floor ? [{ picket, floor }] : [];
  });
  metrics.push(
    metric(
      'stream.script.picket',
      "Feed stream: Picket's own script time (trace)",
      'ms',
      summarize(tracedPairs.map((p) => p.picket.extensionScriptMs)),
    ),
    metric(
      'stream.script.floor',
      "Feed stream: the floor's own script time (trace)",
      'ms',
      summarize(tracedPairs.map((p) => p.floor.extensionScriptMs)),
    ),
    metric(
      'stream.scriptRatio',
      'Feed stream: Picket / floor, own main-thread script time',
      '×',
      summarize(tracedPairs.map((p) => p.picket.extensionScriptMs / p.floor.extensionScriptMs)),
      [budget('median', 3, 'median ≤ 3×')],
      "Per traced round (Picket and floor back to back): time inside calls into each extension's scripts. " +
        "Picket's style and layout for its badges are not in it; they are in the overhead row.",
    ),
  );
  const floorPairs = triple.filter((t) => t.floor.taskMs - t.none.taskMs > 0);
  if (floorPairs.length) {
    metrics.push(
      metric(
        'stream.floorRatio',
        'Feed stream: Picket / floor, main-thread totals',
        '×',
        summarize(
          floorPairs.map(
            (t) => (t.picket.taskMs - t.none.taskMs) / (t.floor.taskMs - t.none.taskMs),
          ),
        ),
        [],
        `(Picket − none) / (floor − none) per round, from the totals; ${triple.length - floorPairs.length} of ${triple.length} rounds had the floor at or below the no-extension run (noise larger than the floor's cost) and give no ratio.`,
      ),
    );
  }
  return metrics;
}

/** Scenario 2, long tasks: those Picket caused (traced rounds) and those the page saw. */
function streamLongTaskMetrics(raw: RawResults): Metric[] {
  const metrics: Metric[] = [];
  const of = (variant: string) => raw.stream.filter((r) => r.variant === variant);
  const picketRuns = of('picket');
  const tracedLongTasks = raw.traced
    .filter((r) => r.variant === 'picket' && r.trace)
    .flatMap((r) => r.trace!.longTasks);
  const caused = tracedLongTasks.filter(
    (t) => t.extensionMs > 0 && t.duration - t.extensionMs < LONG_TASK_MS,
  );
  metrics.push(
    metric(
      'stream.longTasksByPicket',
      'Feed stream: long tasks caused by Picket',
      'count',
      one(caused.length),
      [budget('max', 0, '0')],
      `Traced rounds: of ${tracedLongTasks.length} main-thread tasks of ≥ 50 ms CPU time, those that Picket's own script time took over 50 ms (or that were Picket alone); ` +
        `Picket's largest share of any long task: ${largestShare(tracedLongTasks)}.`,
    ),
  );
  metrics.push(
    metric(
      'stream.longTasks.none',
      'Feed stream: long tasks seen by the page, no extension',
      'count',
      summarize(of('none').map((r) => r.longTasks)),
    ),
    metric(
      'stream.longTasks.picket',
      'Feed stream: long tasks seen by the page, Picket',
      'count',
      summarize(picketRuns.map((r) => r.longTasks)),
    ),
  );

  return metrics;
}

/** Scenario 3, the big page (its traced round is only for attribution). */
function bigPageMetrics(raw: RawResults): Metric[] {
  const info = raw.bigPageInfo;
  if (!info || !raw.bigPage.length) return [];
  const metrics: Metric[] = [];
  const bigTraced = raw.bigPage.find((r) => r.longTasks);
  const bigRuns = raw.bigPage.filter((r) => !r.longTasks);
  if (bigTraced?.longTasks) {
    const bigCaused = bigTraced.longTasks.filter(
      (t) => t.extensionMs > 0 && t.duration - t.extensionMs < LONG_TASK_MS,
    );
    metrics.push(
      metric(
        'bigPage.longTasksByPicket',
        'Big page: long tasks caused by Picket',
        'count',
        one(bigCaused.length),
        [budget('max', 0, '0')],
        `Traced load: of ${bigTraced.longTasks.length} main-thread tasks of ≥ 50 ms CPU time, those Picket's script time took over 50 ms; ` +
          `Picket's largest share of one task: ${largestShare(bigTraced.longTasks)}.`,
      ),
    );
  }
  metrics.push(
    metric(
      'bigPage.allBadges',
      `Big page (${info.references.toLocaleString('en-US')} references): navigation → author badges on the first screen`,
      'ms',
      summarize(bigRuns.map((r) => r.allBadgesMs)),
      [],
      `${info.posts} posts in the HTML, ${info.memberAuthors} by pack members, ${bigRuns.map((r) => r.expectedAuthors).join(', ')} of them on the first screen (Picket badges what a reader can see); badges seen: ${bigRuns.map((r) => r.badges).join(', ')}; DOMContentLoaded at ${median(bigRuns.map((r) => r.domContentLoadedMs)).toFixed(0)} ms (median).`,
    ),
    metric(
      'bigPage.lastBadge',
      'Big page: navigation → last badge',
      'ms',
      summarize(bigRuns.map((r) => r.lastBadgeMs)),
    ),
  );

  return metrics;
}

/** Scenario 5, the size of what ships. */
function sizeMetrics(raw: RawResults): Metric[] {
  if (!raw.size) return [];
  const metrics: Metric[] = [];
  metrics.push(
    metric(
      'size.content',
      'Content script, gzipped',
      'KB',
      one(raw.size.contentScript.gzipBytes / 1000),
      [budget('max', 25, '≤ 25 KB')],
      `${raw.size.contentScript.files.map((f) => f.file).join(', ')}: ${(raw.size.contentScript.bytes / 1000).toFixed(1)} KB minified.`,
    ),
    metric(
      'size.popup',
      'Popup JS (all loaded by popup.html), gzipped',
      'KB',
      one(raw.size.popup.gzipBytes / 1000),
      [],
      `${raw.size.popup.files.length} files, ${(raw.size.popup.bytes / 1000).toFixed(1)} KB minified.`,
    ),
  );
  return metrics;
}

export function computeMetrics(
  raw: RawResults,
  config: { posts: number; scaleSizes: number[] },
): Metric[] {
  return [
    ...(raw.stream.length
      ? [...streamMetrics(raw, config), ...floorMetrics(raw), ...streamLongTaskMetrics(raw)]
      : []),
    ...bigPageMetrics(raw),
    ...scaleMetrics(raw.scale, config),
    ...sizeMetrics(raw),
    ...realMetrics(raw.real),
  ];
}
