// `npm run bench`: builds Picket with the bench pack, drives it in real headless Chromium and
// prints one table of every figure beside its budget; writes bench-results.json and the results
// section of BENCHMARKS.md. `npm run bench -- --quick` is the tiny run `npm test` uses to prove
// the suite works (it writes no BENCHMARKS.md and its figures mean nothing).
//
// Flags: --quick · --out FILE (default bench-results.json) · --no-md · --skip-build (reuse the
// build in the output dir) · --rounds N · --posts N · --sizes 1000,100000 (scale packs) ·
// --only stream,bigpage,scale,size,real (some parts only; writes no BENCHMARKS.md) ·
// --real-posts N · --real-rounds N · --real-pages fb2022,fb2025,ig2024 (the saved-page streams) ·
// --from FILE (re-render a recorded run's JSON: table, JSON metrics, BENCHMARKS.md; no measuring).
// Env: PICKET_OUT_DIR (where the bench build goes; default <tmp>/picket-bench-out).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BrowserNotFoundError } from '../scripts/lib/find-browser';
import { chromiumPath, DEMO_CSP, repoRoot, startSiteServer, type SiteServer } from '../harness';
import { launchVariant, type BenchBrowser, type Variant } from './lib/browser';
import { buildBench, buildDefault } from './lib/build';
import { computeMetrics, type RawResults } from './lib/metrics';
import { markdownTable, textTable, updateBenchmarksMd, type Metric } from './lib/report';
import { bigPageHtml, runBigPage } from './scenarios/bigpage';
import { runScale } from './scenarios/scale';
import { measureSize } from './scenarios/size';
import { parseFlags, realOptions, SECTIONS, type BenchConfig, type Section } from './lib/config';
import { REAL_PAGES, REAL_PARAM, realPagesHtml, runReal } from './scenarios/real';
import { runStream, runTracedStream } from './scenarios/stream';

const FEED_URL = 'https://www.instagram.com/';
const BIG_URL = 'https://www.instagram.com/?bench=big';
const QUIET_URL = 'https://www.instagram.com/explore/';

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function routes(feedHtml: string, bigPage: string, realPages: Map<string, string>) {
  const headers = { 'content-security-policy': DEMO_CSP };
  const html = (body: string | undefined) =>
    body === undefined
      ? { status: 404 }
      : { headers: { 'content-type': 'text/html; charset=utf-8' }, body };
  const realPage = (url: URL) => realPages.get(url.searchParams.get(REAL_PARAM) ?? '');
  return [
    { host: '*', path: '/_bench/*', dir: resolve(repoRoot, 'bench/pages') },
    {
      host: 'www.instagram.com',
      path: '/',
      headers,
      handler: ({ url }: { url: URL }) =>
        html(
          url.searchParams.has(REAL_PARAM)
            ? realPage(url)
            : url.searchParams.get('bench') === 'big'
              ? bigPage
              : feedHtml,
        ),
    },
    {
      host: 'www.facebook.com',
      path: '/',
      headers,
      handler: ({ url }: { url: URL }) => html(realPage(url)),
    },
    {
      host: 'www.instagram.com',
      path: '/explore/',
      headers,
      html: '<!doctype html><meta charset="utf-8"><title>Explore • Instagram</title><main></main>',
    },
    { host: '*', path: '/favicon.ico', handler: () => ({ status: 204 }) },
  ];
}

function machine() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/lib/chromium/chromium', ['--version'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    try {
      chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      // Reported as unknown.
    }
  }
  const cpuList = cpus();
  return {
    cpu: `${cpuList.length} × ${cpuList[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `Linux ${release()}`,
    node: process.version,
    chromium: `${chromium} (headless)`,
  };
}

async function withBrowsers<T>(
  variants: Variant[],
  port: number,
  extensionDir: string,
  task: (browsers: BenchBrowser[]) => Promise<T>,
): Promise<T> {
  const browsers: BenchBrowser[] = [];
  try {
    for (const variant of variants) browsers.push(await launchVariant(variant, port, extensionDir));
    return await task(browsers);
  } finally {
    for (const browser of browsers) await browser.close();
  }
}

interface BenchResults {
  schema: 'picket-bench/1';
  mode: BenchConfig['mode'];
  date: string;
  durationS: number;
  command: string;
  machine: ReturnType<typeof machine> & {
    loadAverage: { before: number[]; after: number[] };
  };
  config: BenchConfig;
  metrics: Metric[];
  raw: RawResults;
}

/**
 * Computes the metrics from the raw samples, then writes the JSON, prints the table and (for a
 * full run) rewrites the results section of BENCHMARKS.md. `--from FILE` calls only this, to
 * re-render a recorded run after a change of presentation: the figures stay those of that run.
 */
async function publish(
  results: BenchResults,
  { outFile, writeMd }: { outFile: string; writeMd: boolean },
): Promise<void> {
  const metrics = computeMetrics(results.raw, results.config);
  results.metrics = metrics;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(results, null, 1) + '\n');

  process.stdout.write(
    `\nPicket bench (${results.mode}), ${results.date}\n${results.machine.cpu}, ${results.machine.chromium}\n\n`,
  );
  process.stdout.write(textTable(metrics) + '\n\n');
  const judged = (pass: boolean | null) =>
    metrics.flatMap((m) =>
      m.budgets.filter((b) => b.pass === pass).map((b) => `${m.label}: ${b.text}`),
    );
  const misses = judged(false);
  const unmeasured = judged(null);
  process.stdout.write(
    (misses.length
      ? `Budgets missed: ${misses.length}\n${misses.map((m) => `  - ${m}`).join('\n')}\n`
      : 'No budget missed.\n') +
      (unmeasured.length
        ? `Not measurable in this run: ${unmeasured.length}\n${unmeasured.map((m) => `  - ${m}`).join('\n')}\n`
        : ''),
  );
  process.stdout.write(`Wrote ${outFile}\n`);

  if (writeMd) {
    const m = results.machine;
    await updateBenchmarksMd(
      resolve(repoRoot, 'BENCHMARKS.md'),
      [
        `Last run: ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.durationS} s, command \`${results.command}\`.`,
        `Machine: ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, ${m.chromium}; ` +
          `load average before/after ${m.loadAverage.before[0]!.toFixed(2)}/${m.loadAverage.after[0]!.toFixed(2)}.`,
        '',
        markdownTable(metrics),
        '',
        ...metrics.filter((x) => x.note).map((x) => `- **${x.label}**: ${x.note}`),
      ].join('\n'),
    );
    process.stdout.write('Updated BENCHMARKS.md\n');
  }
}

async function measure(
  config: BenchConfig,
  sections: Set<Section>,
  build: { extensionDir: string },
  big: ReturnType<typeof bigPageHtml>,
  port: number,
): Promise<Omit<RawResults, 'size'>> {
  const streamOptions = {
    posts: config.posts,
    batchSize: config.batchSize,
    intervalMs: config.intervalMs,
    rounds: config.rounds,
    feedUrl: FEED_URL,
    badgeTimeoutMs: 15_000,
    tailMs: 500,
  };
  const inBrowsers = await withBrowsers(
    ['picket', 'none', 'floor'],
    port,
    build.extensionDir,
    async (browsers) => {
      const raw: Omit<RawResults, 'size' | 'scale'> = { stream: [], traced: [], bigPage: [] };
      if (sections.has('stream')) {
        log(
          `stream: ${config.posts} posts, ${config.batchSize} every ${config.intervalMs} ms, ${config.rounds} rounds`,
        );
        raw.stream = await runStream(browsers, streamOptions, log);
        raw.traced = await runTracedStream(browsers, streamOptions, config.tracedRounds, log);
      }
      if (sections.has('bigpage')) {
        log(`big page: ${big.references} references in ${big.posts} posts`);
        raw.bigPage = await runBigPage(browsers[0]!, BIG_URL, config.bigPageRounds, {}, log);
        raw.bigPageInfo = big;
      }
      if (sections.has('real')) raw.real = await runReal(browsers, realOptions(config), log);
      return raw;
    },
  );
  const scale = sections.has('scale')
    ? await runScale(
        {
          sizes: config.scaleSizes,
          rounds: config.scaleRounds,
          lookupCount: config.lookupCount,
          port,
          extensionDir: build.extensionDir,
          feedUrl: FEED_URL,
          quietUrl: QUIET_URL,
          memoryPosts: config.memoryPosts,
        },
        log,
      )
    : [];
  return { ...inBrowsers, scale };
}

export async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.from) {
    const recorded = JSON.parse(readFileSync(resolve(flags.from), 'utf8')) as BenchResults;
    await publish(recorded, {
      outFile: resolve(flags.out ?? flags.from),
      writeMd: recorded.mode === 'full' && !flags.noMd,
    });
    return 0;
  }
  // Before the build: a machine without a usable browser learns it at once, in one line.
  chromiumPath();
  const { config, sections } = flags;
  const outFile = resolve(flags.out ?? resolve(repoRoot, 'bench-results.json'));
  const outDir = resolve(
    repoRoot,
    process.env.PICKET_OUT_DIR ?? join(tmpdir(), 'picket-bench-out'),
  );
  const command = `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`;
  const started = new Date();
  const loadBefore = loadavg();

  // The generated pack goes beside the build: two runs with different output dirs never share it.
  const reuse = { reuse: flags.skipBuild, log };
  const build = await buildBench(outDir, join(outDir, 'work'), reuse);
  const size = sections.has('size') ? measureSize(buildDefault(outDir, reuse)) : undefined;

  const feedHtml = readFileSync(resolve(repoRoot, 'bench/pages/feed.html'), 'utf8');
  const big = bigPageHtml(config.bigPageReferences);
  const server: SiteServer = await startSiteServer({
    routes: routes(feedHtml, big.html, realPagesHtml(sections.has('real') ? REAL_PAGES : [])),
  });
  let raw: RawResults;
  try {
    raw = { ...(await measure(config, sections, build, big, server.port)), size };
  } finally {
    await server.close();
  }

  const results: BenchResults = {
    schema: 'picket-bench/1',
    mode: config.mode,
    date: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 1000),
    command,
    machine: { ...machine(), loadAverage: { before: loadBefore, after: loadavg() } },
    config,
    metrics: [],
    raw: { ...raw, ...(raw.bigPageInfo && { bigPageInfo: { ...raw.bigPageInfo, html: '' } }) },
  };
  // Only a full run of every part rewrites BENCHMARKS.md.
  const complete = config.mode === 'full' && sections.size === SECTIONS.length;
  await publish(results, { outFile, writeMd: complete && !flags.noMd });
  return 0;
}

// Run only as the CLI entry, so tests can import main().
if (process.argv[1] && resolve(process.argv[1]) === resolve(repoRoot, 'bench/run.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof BrowserNotFoundError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      process.stderr.write(
        `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
