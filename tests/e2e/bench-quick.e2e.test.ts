// `npm run bench -- --quick` proves the benchmark suite works end to end: it builds the bench
// build, drives it in real Chromium through every scenario and writes its JSON. Timings are not
// asserted here (they belong to `npm run bench` and BENCHMARKS.md); only that every figure came
// out as a finite number and that the quick run leaves BENCHMARKS.md alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesAvailable, repoRoot } from './harness';

interface MetricJson {
  id: string;
  summary: { n: number; median: number; p95: number; max: number };
  budgets: { statistic: string; limit: number; pass: boolean | null }[];
}

const work = mkdtempSync(join(tmpdir(), 'picket-bench-quick-'));
const outFile = join(work, 'bench-results.json');
const benchmarksMd = resolve(repoRoot, 'BENCHMARKS.md');
let mdBefore: string | null = null;
let run: ReturnType<typeof spawnSync>;

beforeAll(() => {
  mdBefore = existsSync(benchmarksMd) ? readFileSync(benchmarksMd, 'utf8') : null;
  run = spawnSync(
    resolve(repoRoot, 'node_modules/.bin/tsx'),
    ['bench/run.ts', '--quick', '--out', outFile],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      // Its own build directory: the bench bundles its own pack and must never overwrite the
      // build the other browser tests load.
      env: { ...process.env, PICKET_OUT_DIR: join(work, 'out') },
      timeout: 420_000,
    },
  );
}, 450_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('exits 0 and prints the table', () => {
    expect(run.error, String(run.error)).toBeUndefined();
    expect(run.status, String(run.stderr).slice(-4000)).toBe(0);
    expect(run.stdout).toMatch(/Metric\s+Budget\s+median\s+p95\s+max\s+n\s+Result/);
  });

  it('writes every metric as a finite number, with the budgets evaluated', () => {
    const results = JSON.parse(readFileSync(outFile, 'utf8')) as {
      mode: string;
      metrics: MetricJson[];
      machine: { cpu: string; chromium: string };
    };
    expect(results.mode).toBe('quick');
    expect(results.machine.chromium).toMatch(/Chromium/);
    const ids = results.metrics.map((m) => m.id);
    for (const id of [
      'stream.badgeLatency',
      'stream.task.none',
      'stream.task.floor',
      'stream.task.picket',
      'stream.overhead',
      'stream.script.picket',
      'stream.script.floor',
      'stream.scriptRatio',
      'stream.longTasksByPicket',
      'bigPage.allBadges',
      'bigPage.longTasksByPicket',
      'scale.1000.import',
      'scale.1000.storage',
      'scale.1000.lookupAsleep',
      'scale.1000.lookupAwake',
      'scale.5000.contentHeap',
      'scale.5000.popup',
      'scale.heapGrowth',
      'size.content',
      'size.popup',
      // The saved-page stream (Instagram 2024, worst case, in quick mode) needs ../shared/fixtures.
      ...(fixturesAvailable()
        ? [
            'real.ig2024.worst.badgeLatency',
            'real.ig2024.worst.overhead',
            'real.ig2024.worst.scriptRatio',
            'real.ig2024.worst.extra.prePaint',
            'real.ig2024.worst.longTasks.picketShare',
          ]
        : []),
    ]) {
      expect(ids).toContain(id);
    }
    for (const metric of results.metrics) {
      const { n, median, p95, max } = metric.summary;
      expect(n, metric.id).toBeGreaterThan(0);
      for (const value of [median, p95, max]) expect(Number.isFinite(value), metric.id).toBe(true);
      // Every quick-mode pack is small enough to be indexed, so every budget is judged.
      for (const budget of metric.budgets) expect(typeof budget.pass, metric.id).toBe('boolean');
    }
  });

  it('leaves BENCHMARKS.md alone (only a full run writes it)', () => {
    const mdAfter = existsSync(benchmarksMd) ? readFileSync(benchmarksMd, 'utf8') : null;
    expect(mdAfter).toBe(mdBefore);
  });
});
