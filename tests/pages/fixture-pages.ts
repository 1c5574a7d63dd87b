/**
 * Loading the saved Instagram/Facebook pages of `../shared/fixtures` (never copied into this repo) and
 * summarising what an adapter finds on them. Shared by the saved-page test and the expectations writer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { facebookVanityKey } from '../../core/accounts';
import type { AccountRef } from '../../sites/types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
export const expectationsDir = path.resolve(repoRoot, 'tests/expectations');
export const fixturesPresent = fs.existsSync(path.join(fixturesDir, 'CATALOGUE.md'));

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

export function readFixture(file: string): string {
  return fs.readFileSync(path.join(fixturesDir, file), 'utf8');
}

export interface CatalogueRow {
  file: string;
  /** The original URL as the catalogue gives it, or null for `–` (fragments, shells). */
  url: string | null;
  /** "usernames seen (top)": IG usernames, FB vanities, `profile.php?id=N` or bare ids. */
  usernames: string[];
}

/** Rows of CATALOGUE.md's two tables, by file name. */
export function readCatalogue(): Map<string, CatalogueRow> {
  const rows = new Map<string, CatalogueRow>();
  const text = fs.readFileSync(path.join(fixturesDir, 'CATALOGUE.md'), 'utf8');
  for (const line of text.split('\n')) {
    const file = /^\| `([^`]+\.html)` \|/.exec(line)?.[1];
    if (!file) continue;
    const cells = line.split(' | ');
    const pageCell = cells[3] ?? '';
    const url = / — `?(https?:\/\/[^`\s|]+)/.exec(pageCell)?.[1]?.replace(/;$/, '') ?? null;
    const lastCell = (cells[cells.length - 1] ?? '').replace(/\|\s*$/, '').trim();
    const usernames =
      lastCell === '–' ? [] : lastCell.split(',').map((name) => name.trim().replace(/`/g, ''));
    rows.set(file, { file, url, usernames: usernames.filter(Boolean) });
  }
  return rows;
}

/** The URL a Chrome "Save page" recorded in its first lines, if any. */
export function savedFromUrl(html: string): string | null {
  return /<!-- saved from url=\(\d+\)(\S+) -->/.exec(html.slice(0, 4000))?.[1] ?? null;
}

export function platformOf(file: string): 'instagram' | 'facebook' {
  return file.startsWith('instagram') ? 'instagram' : 'facebook';
}

/**
 * The document URL to load a page at: the saved-from URL, else the catalogue's URL (truncated ones
 * end in `…`, which only matters for the query), else the site's home page.
 */
export function defaultUrlFor(
  file: string,
  html: string,
  catalogue: Map<string, CatalogueRow>,
): string {
  const fromCatalogue = catalogue.get(file)?.url?.replace(/…$/, '');
  return (
    savedFromUrl(html) ??
    fromCatalogue ??
    (platformOf(file) === 'instagram' ? 'https://www.instagram.com/' : 'https://www.facebook.com/')
  );
}

export interface LoadedPage {
  document: Document;
  close: () => Promise<void>;
}

/** Parses saved HTML at `url` without running or fetching anything. */
export function loadPage(html: string, url: string): LoadedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
    },
  });
  // Test-only: the saved page goes into its own happy-dom window with scripts, styles and frames off.
  // eslint-disable-next-line no-unsanitized/method
  window.document.write(html);
  return {
    document: window.document as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}

export interface PageSummary {
  /** Keys per surface, in document order, one entry per reference (so duplicates count). */
  surfaces: Record<string, string[]>;
  /** Facebook: the other keys a reference carries (`data-hovercard` ids, slug-id Pages). */
  altKeys?: Record<string, string[]>;
}

export function summarise(refs: readonly AccountRef[]): PageSummary {
  const surfaces: Record<string, string[]> = {};
  const altKeys: Record<string, string[]> = {};
  for (const ref of refs) {
    (surfaces[ref.surface] ??= []).push(ref.key);
    if (ref.altKeys?.length) altKeys[ref.key] = [...ref.altKeys].sort();
  }
  const sortedSurfaces = Object.fromEntries(
    Object.keys(surfaces)
      .sort()
      .map((surface) => [surface, surfaces[surface] ?? []]),
  );
  const summary: PageSummary = { surfaces: sortedSurfaces };
  if (Object.keys(altKeys).length > 0)
    summary.altKeys = Object.fromEntries(
      Object.keys(altKeys)
        .sort()
        .map((key) => [key, altKeys[key] ?? []]),
    );
  return summary;
}

export interface Expectation extends PageSummary {
  url: string;
  notes: string;
  /** Catalogue usernames the adapter deliberately does not report, each with the reason. */
  notReported?: Record<string, string>;
}

export function expectationPath(file: string): string {
  return path.join(expectationsDir, file.replace(/\.html$/, '.json'));
}

export function readExpectation(file: string): Expectation | null {
  const where = expectationPath(file);
  return fs.existsSync(where) ? (JSON.parse(fs.readFileSync(where, 'utf8')) as Expectation) : null;
}

/**
 * The key a catalogue "usernames seen" entry stands for on a page of `file` (`profile.php?id=N` and
 * bare ids → `id:N`; a Facebook vanity as Facebook compares it, without case or dots).
 */
export function catalogueKey(entry: string, file: string): string {
  const id = /^(?:profile\.php\?id=)?([0-9]{5,20})$/.exec(entry)?.[1];
  if (id) return `id:${id}`;
  return file.startsWith('facebook')
    ? (facebookVanityKey(entry) ?? entry.toLowerCase())
    : entry.toLowerCase();
}
