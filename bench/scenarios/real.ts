// The feed stream on real saved pages (../shared/fixtures): each page's own posts cloned and
// streamed into its feed, their authors rewritten to listed accounts (worst case) or to one
// listed account in twenty (realistic mix). Picket, the floor extension and no extension run in
// rotating order round after round, then traced rounds of all three attribute script, style,
// layout, pre-paint and long tasks. Skipped, with one line saying so, when the folder is absent.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixturesAvailable, fixturesDir, stripScripts } from '../../harness';
import type { BenchBrowser } from '../lib/browser';
import { runStream, runTracedStream, type StreamOptions, type StreamRun } from './stream';

export interface RealPage {
  /** Short name used in metric ids and `--real-pages`. */
  id: string;
  fixture: string;
  label: string;
  platform: 'instagram' | 'facebook';
  host: string;
  /** The page's posts: the clone templates. */
  postSelector: string;
  /** Within a post, where its author's link is (the first one linking to an account). */
  authorSelector: string;
}

export const REAL_PAGES: RealPage[] = [
  {
    id: 'fb2022',
    fixture: 'facebook-home_feed-2022-1.html',
    label: 'Facebook home 2022',
    platform: 'facebook',
    host: 'www.facebook.com',
    postSelector: '[data-pagelet^="FeedUnit"]',
    authorSelector: 'h4 a[href]',
  },
  {
    id: 'fb2025',
    fixture: 'facebook-home_feed-2025-1.html',
    label: 'Facebook home 2025',
    platform: 'facebook',
    host: 'www.facebook.com',
    postSelector: '[aria-posinset]',
    authorSelector: 'h4 a[href]',
  },
  {
    id: 'ig2024',
    fixture: 'instagram-home_feed-2024-1.html',
    label: 'Instagram home 2024',
    platform: 'instagram',
    host: 'www.instagram.com',
    postSelector: 'article',
    authorSelector: 'a[href]',
  },
];

export interface RealMix {
  id: 'worst' | 'realistic';
  label: string;
  /** One clone in this many has a listed author. */
  memberEvery: number;
}

export const REAL_MIXES: RealMix[] = [
  { id: 'worst', label: 'worst case (every author listed)', memberEvery: 1 },
  { id: 'realistic', label: 'realistic (1 author in 20 listed)', memberEvery: 20 },
];

export interface RealRun extends StreamRun {
  page: string;
  mix: RealMix['id'];
}

export interface RealResults {
  /** Why the scenarios did not run (no fixtures folder), or undefined when they did. */
  skipped?: string;
  pages: { id: string; label: string }[];
  runs: RealRun[];
  traced: RealRun[];
}

export interface RealOptions extends Omit<StreamOptions, 'feedUrl' | 'pageArgs'> {
  tracedRounds: number;
  pages: RealPage[];
  mixes: RealMix[];
}

/** The query parameter that picks a saved page at the site's home address. */
export const REAL_PARAM = 'bench-real';

export function realPageUrl(page: RealPage): string {
  return `https://${page.host}/?${REAL_PARAM}=${page.id}`;
}

/** The saved page as served: its scripts stripped, the bench's stream script added. */
export function realPageHtml(page: RealPage): string {
  const html = stripScripts(readFileSync(resolve(fixturesDir, page.fixture), 'utf8'));
  const script = '<script type="module" src="/_bench/real-stream.js"></script>';
  return html.includes('</head>') ? html.replace('</head>', `${script}</head>`) : script + html;
}

/** The HTML of every saved page to serve, by id; empty when the fixtures are absent. */
export function realPagesHtml(pages: RealPage[]): Map<string, string> {
  if (!fixturesAvailable()) return new Map();
  return new Map(pages.map((page) => [page.id, realPageHtml(page)]));
}

export function realSkipReason(): string | undefined {
  return fixturesAvailable()
    ? undefined
    : `saved-page stream skipped: no saved pages at ${fixturesDir} (the real-markup scenarios need ../shared/fixtures)`;
}

export async function runReal(
  browsers: BenchBrowser[],
  options: RealOptions,
  log: (line: string) => void = () => {},
): Promise<RealResults> {
  const skipped = realSkipReason();
  if (skipped) {
    log(skipped);
    return { skipped, pages: [], runs: [], traced: [] };
  }
  const results: RealResults = { pages: [], runs: [], traced: [] };
  for (const page of options.pages) {
    results.pages.push({ id: page.id, label: page.label });
    for (const mix of options.mixes) {
      log(
        `saved page ${page.label}, ${mix.label}: ${options.posts} posts, ` +
          `${options.batchSize} every ${options.intervalMs} ms, ${options.rounds} rounds`,
      );
      const stream: StreamOptions = {
        ...options,
        feedUrl: realPageUrl(page),
        pageArgs: {
          platform: page.platform,
          postSelector: page.postSelector,
          authorSelector: page.authorSelector,
          memberEvery: mix.memberEvery,
        },
      };
      const tag = (run: StreamRun): RealRun => ({ ...run, page: page.id, mix: mix.id });
      results.runs.push(...(await runStream(browsers, stream, log)).map(tag));
      const traced = await runTracedStream(browsers, stream, options.tracedRounds, log, {
        withNone: true,
      });
      results.traced.push(...traced.map(tag));
    }
  }
  return results;
}
