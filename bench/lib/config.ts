// What a bench run measures and how much: the full and quick configurations, and the command
// line that picks one and narrows it (`--only`, `--rounds`, `--real-posts`, …; see bench/run.ts).
import { parseArgs } from 'node:util';
import { REAL_MIXES, REAL_PAGES, type RealMix, type RealOptions } from '../scenarios/real';

export interface BenchConfig {
  mode: 'full' | 'quick';
  posts: number;
  batchSize: number;
  intervalMs: number;
  rounds: number;
  /** Traced rounds (Picket and floor), for attribution. */
  tracedRounds: number;
  bigPageReferences: number;
  bigPageRounds: number;
  scaleSizes: number[];
  scaleRounds: number;
  lookupCount: number;
  memoryPosts: number;
  /** The saved-page streams. */
  real: {
    posts: number;
    batchSize: number;
    intervalMs: number;
    rounds: number;
    tracedRounds: number;
    badgeTimeoutMs: number;
    pages: string[];
    mixes: RealMix['id'][];
  };
}

const ALL_REAL_PAGES = REAL_PAGES.map((page) => page.id);

export const FULL: BenchConfig = {
  mode: 'full',
  posts: 1_000,
  batchSize: 10,
  intervalMs: 50,
  rounds: 6,
  tracedRounds: 3,
  bigPageReferences: 5_000,
  bigPageRounds: 5,
  scaleSizes: [1_000, 100_000, 1_000_000],
  scaleRounds: 5,
  lookupCount: 200,
  memoryPosts: 300,
  real: {
    posts: 300,
    batchSize: 5,
    intervalMs: 50,
    rounds: 5,
    tracedRounds: 2,
    badgeTimeoutMs: 15_000,
    pages: ALL_REAL_PAGES,
    mixes: ['worst', 'realistic'],
  },
};

export const QUICK: BenchConfig = {
  mode: 'quick',
  posts: 50,
  batchSize: 10,
  intervalMs: 50,
  rounds: 1,
  tracedRounds: 1,
  bigPageReferences: 300,
  bigPageRounds: 1,
  scaleSizes: [1_000, 5_000],
  scaleRounds: 1,
  lookupCount: 200,
  memoryPosts: 50,
  // One saved page, worst case only: enough to prove the scenario works end to end.
  real: {
    posts: 20,
    batchSize: 5,
    intervalMs: 50,
    rounds: 1,
    tracedRounds: 1,
    badgeTimeoutMs: 5_000,
    pages: ['ig2024'],
    mixes: ['worst'],
  },
};

/** The parts of the suite, for `--only`. */
export const SECTIONS = ['stream', 'bigpage', 'scale', 'size', 'real'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Flags {
  config: BenchConfig;
  sections: Set<Section>;
  out?: string;
  noMd: boolean;
  skipBuild: boolean;
  from?: string;
}

function listFlag<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length) {
    throw new Error(`${flag}: unknown ${unknown.join(', ')} (one of ${allowed.join(', ')})`);
  }
  return items as T[];
}

export function parseFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-md': { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      rounds: { type: 'string' },
      posts: { type: 'string' },
      sizes: { type: 'string' },
      from: { type: 'string' },
      only: { type: 'string' },
      'real-posts': { type: 'string' },
      'real-rounds': { type: 'string' },
      'real-pages': { type: 'string' },
    },
  });
  const base = values.quick ? QUICK : FULL;
  const config: BenchConfig = { ...base, real: { ...base.real } };
  if (values.rounds) config.rounds = Number(values.rounds);
  if (values.posts) config.posts = Number(values.posts);
  if (values.sizes) config.scaleSizes = values.sizes.split(',').map(Number);
  if (values['real-posts']) config.real.posts = Number(values['real-posts']);
  if (values['real-rounds']) {
    config.real.rounds = Number(values['real-rounds']);
    config.real.tracedRounds = Math.min(config.real.tracedRounds, config.real.rounds);
  }
  if (values['real-pages']) {
    const ids = REAL_PAGES.map((p) => p.id);
    config.real.pages = listFlag(values['real-pages'], ids, '--real-pages');
  }
  return {
    config,
    sections: new Set(values.only ? listFlag(values.only, SECTIONS, '--only') : SECTIONS),
    out: values.out,
    noMd: values['no-md'],
    skipBuild: values['skip-build'],
    from: values.from,
  };
}

export function realOptions(config: BenchConfig): RealOptions {
  const { real } = config;
  return {
    posts: real.posts,
    batchSize: real.batchSize,
    intervalMs: real.intervalMs,
    rounds: real.rounds,
    tracedRounds: real.tracedRounds,
    badgeTimeoutMs: real.badgeTimeoutMs,
    tailMs: 500,
    pages: REAL_PAGES.filter((page) => real.pages.includes(page.id)),
    mixes: REAL_MIXES.filter((mix) => real.mixes.includes(mix.id)),
  };
}
