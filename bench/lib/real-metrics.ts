// The metrics of the saved-page streams, one block per page and mix: badge latency, Picket's own
// script time against the floor's, the main-thread overhead over the page alone, the style,
// layout and pre-paint Picket adds (from the traces), and long tasks with Picket's share.
// Ratios and differences only ever combine runs of the same round.
import type { RealMix, RealResults, RealRun } from '../scenarios/real';
import { budget, metric, type Metric } from './report';
import { summarize, type Summary } from './stats';
import type { RenderWork } from './trace';

/** A long task Picket contributed more than this to counts against the budget. */
const PICKET_SHARE_MS = 5;

/** The budgets by mix; latency and long tasks are judged on the worst case only. */
const BUDGETS: Record<RealMix['id'], { overhead: number; ratio: number; worstOnly: boolean }> = {
  worst: { overhead: 10, ratio: 2, worstOnly: true },
  realistic: { overhead: 3, ratio: 1.5, worstOnly: false },
};

type Variant = RealRun['variant'];
type Trio = Record<Variant, RealRun>;

/** The runs of each round that has all three variants. */
function trios(runs: RealRun[]): Trio[] {
  const rounds = [...new Set(runs.map((r) => r.round))];
  return rounds.flatMap((round) => {
    const find = (variant: Variant) => runs.find((r) => r.round === round && r.variant === variant);
    const [picket, none, floor] = [find('picket'), find('none'), find('floor')];
    return picket && none && floor ? [{ picket, none, floor }] : [];
  });
}

function latencyMetrics(prefix: string, label: string, runs: RealRun[], judged: boolean): Metric[] {
  const picket = runs.filter((r) => r.variant === 'picket');
  const latencies = picket.flatMap((r) => r.latencies);
  const expected = picket.reduce((sum, r) => sum + r.expectedAuthorBadges, 0);
  return [
    metric(
      `${prefix}.badgeLatency`,
      `${label}: post inserted → author badge`,
      'ms',
      summarize(latencies),
      judged ? [budget('median', 16, 'median ≤ 16 ms'), budget('p95', 50, 'p95 ≤ 50 ms')] : [],
      'Listed-author clones that came into view; insertion (page side) → the badge whose handle is the author.',
      // No listed-author post came into view: nothing to judge (a post seen and never badged is).
      { measurable: expected > 0 },
    ),
    metric(
      `${prefix}.badgeCoverage`,
      `${label}: listed-author posts that came into view, badged`,
      '%',
      summarize([expected ? (100 * latencies.length) / expected : Number.NaN]),
    ),
  ];
}

function overheadMetric(prefix: string, label: string, runs: RealRun[], limit: number): Metric {
  return metric(
    `${prefix}.overhead`,
    `${label}: Picket main-thread overhead over the page alone`,
    '%',
    summarize(trios(runs).map((t) => (100 * (t.picket.taskMs - t.none.taskMs)) / t.none.taskMs)),
    [budget('median', limit, `median ≤ ${limit} %`)],
    '(Picket − no extension) / no extension, CDP TaskDuration (thread CPU time), per untraced round.',
  );
}

function scriptMetrics(prefix: string, label: string, traced: Trio[], limit: number): Metric[] {
  const picket = traced.map((t) => t.picket.trace!.extensionScriptMs);
  const floor = traced.map((t) => t.floor.trace!.extensionScriptMs);
  return [
    metric(
      `${prefix}.script.picket`,
      `${label}: Picket's own script time`,
      'ms',
      summarize(picket),
    ),
    metric(
      `${prefix}.script.floor`,
      `${label}: the floor's own script time`,
      'ms',
      summarize(floor),
    ),
    metric(
      `${prefix}.scriptRatio`,
      `${label}: Picket / floor, own script time`,
      '×',
      summarize(traced.map((t, i) => picket[i]! / floor[i]!)),
      [budget('median', limit, `median ≤ ${limit}×`)],
      'Traced rounds: CPU time inside calls into each extension’s own scripts.',
    ),
  ];
}

const RENDER_PARTS: [keyof RenderWork, string][] = [
  ['styleMs', 'style recalculation'],
  ['layoutMs', 'layout'],
  ['prePaintMs', 'pre-paint'],
];

/** What Picket adds to each kind of rendering work, per traced round (Picket − no extension). */
function renderMetrics(prefix: string, label: string, traced: Trio[]): Metric[] {
  return RENDER_PARTS.map(([part, name]) =>
    metric(
      `${prefix}.extra.${part.replace(/Ms$/, '')}`,
      `${label}: Picket's extra ${name} (trace)`,
      'ms',
      summarize(traced.map((t) => t.picket.trace!.render[part] - t.none.trace!.render[part])),
    ),
  );
}

function longTaskMetrics(prefix: string, label: string, traced: Trio[], judged: boolean): Metric[] {
  const tasks = (variant: Variant) => traced.flatMap((t) => t[variant].trace!.longTasks);
  const picketTasks = tasks('picket');
  const withPicket = picketTasks.filter((t) => t.extensionMs > PICKET_SHARE_MS);
  const largest = picketTasks.reduce((max, t) => Math.max(max, t.extensionMs), 0);
  const count = (n: number): Summary => summarize([n]);
  return [
    metric(
      `${prefix}.longTasks.picketShare`,
      `${label}: long tasks Picket took > ${PICKET_SHARE_MS} ms of`,
      'count',
      count(withPicket.length),
      judged ? [budget('max', 0, '0')] : [],
      `Traced rounds: ${picketTasks.length} main-thread tasks of ≥ 50 ms CPU time with Picket; ` +
        `Picket's largest share of one: ${largest.toFixed(1)} ms.`,
    ),
    metric(
      `${prefix}.longTasks.picket`,
      `${label}: long tasks, Picket`,
      'count',
      count(picketTasks.length),
    ),
    metric(
      `${prefix}.longTasks.floor`,
      `${label}: long tasks, floor`,
      'count',
      count(tasks('floor').length),
    ),
    metric(
      `${prefix}.longTasks.none`,
      `${label}: long tasks, no extension`,
      'count',
      count(tasks('none').length),
    ),
  ];
}

/** Every saved-page metric; none when the scenarios were skipped or not run. */
export function realMetrics(real: RealResults | undefined): Metric[] {
  if (!real || real.skipped) return [];
  const metrics: Metric[] = [];
  for (const page of real.pages) {
    for (const mix of ['worst', 'realistic'] as const) {
      const runs = real.runs.filter((r) => r.page === page.id && r.mix === mix);
      if (!runs.length) continue;
      const traced = trios(real.traced.filter((r) => r.page === page.id && r.mix === mix));
      const prefix = `real.${page.id}.${mix}`;
      const label = `${page.label}, ${mix === 'worst' ? 'worst case' : 'realistic mix'}`;
      const limits = BUDGETS[mix];
      metrics.push(
        ...latencyMetrics(prefix, label, runs, limits.worstOnly),
        overheadMetric(prefix, label, runs, limits.overhead),
        ...scriptMetrics(prefix, label, traced, limits.ratio),
        ...renderMetrics(prefix, label, traced),
        ...longTaskMetrics(prefix, label, traced, limits.worstOnly),
      );
    }
  }
  return metrics;
}
