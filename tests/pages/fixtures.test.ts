/**
 * The site adapters on every real saved page of ../shared/fixtures (47 Instagram/Facebook pages,
 * 2013–2026). Each page has a committed, hand-reviewed expectation in tests/expectations/<page>.json.
 * The pages themselves are never copied into this repository.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTAGRAM_USERNAME } from '../../core/accounts';
import * as facebookSelectors from '../../sites/facebook/selectors';
import { adapterFor } from '../../sites/index';
import * as instagramSelectors from '../../sites/instagram/selectors';
import type { AccountRef } from '../../sites/types';
import {
  catalogueKey,
  fixtureFiles,
  fixturesPresent,
  loadPage,
  readCatalogue,
  readExpectation,
  readFixture,
  savedFromUrl,
  summarise,
  type CatalogueRow,
  type Expectation,
  type LoadedPage,
} from './fixture-pages';

if (!fixturesPresent) {
  console.log('tests/pages: ../shared/fixtures is absent; skipping the saved-page tests.');
}

/** Logged-out server responses: no rendered DOM, so no account may be reported. */
const SHELL_PAGES = [
  'instagram-post-2021-4.html',
  'instagram-post-2022-1.html',
  'instagram-post-2024-1.html',
  'instagram-profile-2022-1.html',
  'instagram-profile-2023-1.html',
];

/** Links that are never accounts, by resolved href. */
const NON_ACCOUNT_HREFS = [
  /instagram\.com\/(?:[A-Za-z0-9._]+\/)?(?:p|reel|tv)\/[^/?#]+/, // posts and reels, with or without owner
  /instagram\.com\/explore\//,
  /instagram\.com\/[A-Za-z0-9._]+\/(?:followers|following|tagged|related_profiles)\//,
  /instagram\.com\/(?:accounts|direct|legal|about)\//,
  /facebook\.com\/messages\//,
  /facebook\.com\/stories\//,
  /facebook\.com\/l\.php/,
  /^https?:\/\/l\.facebook\.com\//,
  /facebook\.com\/photo(?:\.php|\/)?\?/,
  /facebook\.com\/permalink\.php/,
  /facebook\.com\/[A-Za-z0-9.]+\/posts\//,
];

function allKeysOf(expectation: Expectation): Set<string> {
  return new Set(
    Object.values(expectation.surfaces)
      .flat()
      .concat(Object.values(expectation.altKeys ?? {}).flat()),
  );
}

function findOn(page: LoadedPage, url: string): AccountRef[] {
  const adapter = adapterFor(new URL(url).hostname);
  if (!adapter) throw new Error(`no adapter for ${url}`);
  return adapter.findAccounts(page.document);
}

describe.skipIf(!fixturesPresent)('site adapters on the saved pages', () => {
  const files = fixturesPresent ? fixtureFiles() : [];
  let catalogue = new Map<string, CatalogueRow>();
  beforeAll(() => {
    catalogue = readCatalogue();
  });

  it('has a saved page for every catalogue row and an expectation for every page', () => {
    expect(files.length).toBeGreaterThanOrEqual(47);
    expect([...catalogue.keys()].sort()).toEqual(files);
    for (const file of files) expect(readExpectation(file), file).not.toBeNull();
  });

  describe.each(files)('%s', (file) => {
    // Read at collection time: whether the relative-href variants apply depends on the page.
    const html = readFixture(file);
    let expectation: Expectation;
    let page: LoadedPage;
    let refs: AccountRef[];

    beforeAll(() => {
      const found = readExpectation(file);
      if (!found) throw new Error(`tests/expectations is missing ${file}`);
      expectation = found;
      page = loadPage(html, expectation.url);
      refs = findOn(page, expectation.url);
    }, 60_000); // parsing a 3.8 MB page takes seconds on a shared 2-core machine
    afterAll(async () => {
      await page.close();
    }, 60_000);

    it('is loaded at the URL it was saved from (or the catalogue gives)', () => {
      const original = savedFromUrl(html) ?? catalogue.get(file)?.url ?? null;
      if (original === null) {
        // No URL anywhere (fragments): the site's home page, said so in the notes.
        expect(new URL(expectation.url).pathname).toBe('/');
      } else {
        expect(original.replace(/…$/, '').startsWith(expectation.url.replace(/…$/, ''))).toBe(true);
      }
      expect(expectation.notes).not.toMatch(/TODO/);
    });

    it('matches every selector that claims this page (selectors.ts `seenOn`)', () => {
      const selectors: Record<string, unknown> = file.startsWith('instagram')
        ? instagramSelectors
        : facebookSelectors;
      const pageName = file.replace(/^(instagram|facebook)-/, '').replace(/\.html$/, '');
      const claimed = Object.entries(selectors.seenOn as Record<string, readonly string[]>).filter(
        ([, pages]) => pages.includes(pageName),
      );
      for (const [name] of claimed) {
        const alternatives = selectors[name] as readonly string[];
        expect(page.document.querySelector(alternatives.join(', ')), name).not.toBeNull();
      }
    });

    it('finds exactly the expected accounts per surface', () => {
      const { surfaces, altKeys } = summarise(refs);
      expect(surfaces).toEqual(expectation.surfaces);
      expect(altKeys ?? {}).toEqual(expectation.altKeys ?? {});
    });

    it("finds every catalogue username, or says why it doesn't", () => {
      const found = allKeysOf(expectation);
      for (const name of catalogue.get(file)?.usernames ?? []) {
        const reason = expectation.notReported?.[name];
        if (reason === undefined) expect(found, name).toContain(catalogueKey(name, file));
        else {
          expect(found).not.toContain(catalogueKey(name, file));
          expect(reason).not.toMatch(/TODO/);
        }
      }
    });

    it('reports each name element once, and never an avatar-only link', () => {
      expect(new Set(refs.map((ref) => ref.nameElement)).size).toBe(refs.length);
      const perLink = new Map<Element, number>();
      for (const ref of refs) perLink.set(ref.origin, (perLink.get(ref.origin) ?? 0) + 1);
      expect(Math.max(0, ...perLink.values())).toBeLessThanOrEqual(1);
      for (const ref of refs) {
        if (ref.origin.localName !== 'a') continue;
        expect(ref.origin.getAttribute('aria-hidden')).not.toBe('true');
        expect((ref.origin.textContent ?? '').trim()).not.toBe('');
      }
    });

    it('never reports a non-account link', () => {
      const origins = new Set(refs.map((ref) => ref.origin));
      for (const anchor of Array.from(page.document.querySelectorAll('a[href]'))) {
        const href = (anchor as HTMLAnchorElement).href;
        if (NON_ACCOUNT_HREFS.some((pattern) => pattern.test(href)))
          expect(origins.has(anchor), href).toBe(false);
      }
    });

    it('puts the badge outside site links (except the profile heading)', () => {
      for (const ref of refs) {
        const insideLink = ref.nameElement.parentElement?.closest('a[href]');
        if (insideLink && ref.surface === 'profile-header') continue;
        expect(insideLink ?? null, `${ref.key} on ${ref.surface}`).toBeNull();
      }
    });

    it('only reports keys that satisfy the account contract', () => {
      for (const ref of refs) {
        if (ref.platform === 'instagram') {
          expect(INSTAGRAM_USERNAME.test(ref.key)).toBe(true);
          expect(ref.key).toBe(ref.key.toLowerCase());
        } else expect(ref.key).toMatch(/^(id:[0-9]{5,20}|[a-z0-9.-]{5,50})$/);
      }
    });

    it.runIf(file.startsWith('instagram') && html.includes('href="https://www.instagram.com/'))(
      'gives the same result when hrefs are relative, as in the live DOM',
      async () => {
        const relative = html.replace(/href="https:\/\/www\.instagram\.com\//g, 'href="/');
        const relativePage = loadPage(relative, expectation.url);
        try {
          expect(summarise(findOn(relativePage, expectation.url))).toEqual(summarise(refs));
        } finally {
          await relativePage.close();
        }
      },
    );

    it.runIf(file.startsWith('facebook') && html.includes('href="https://www.facebook.com/'))(
      'gives the same result when hrefs are relative',
      async () => {
        const relative = html.replace(/href="https:\/\/www\.facebook\.com\//g, 'href="/');
        const relativePage = loadPage(relative, expectation.url);
        try {
          expect(summarise(findOn(relativePage, expectation.url))).toEqual(summarise(refs));
        } finally {
          await relativePage.close();
        }
      },
    );

    it('finds the same references again when run on each reference subtree', () => {
      // Incremental scans hand `findAccounts` a subtree: the root itself must count.
      const adapter = adapterFor(new URL(expectation.url).hostname);
      for (const ref of refs.slice(0, 25)) {
        if (ref.surface === 'profile-header' || ref.origin.localName !== 'a') continue;
        const again = adapter?.findAccounts(ref.origin) ?? [];
        expect(again.map((found) => found.key)).toEqual([ref.key]);
      }
    });
  });

  it('names only existing pages and selectors in `seenOn`', () => {
    for (const [prefix, selectors] of [
      ['instagram', instagramSelectors],
      ['facebook', facebookSelectors],
    ] as const) {
      for (const [name, pages] of Object.entries(selectors.seenOn)) {
        expect(Array.isArray((selectors as Record<string, unknown>)[name]), name).toBe(true);
        for (const pageName of pages) expect(files).toContain(`${prefix}-${pageName}.html`);
      }
    }
  });

  it.each(SHELL_PAGES)('%s is a logged-out shell and shows no accounts', (file) => {
    const expectation = readExpectation(file);
    expect(expectation?.surfaces).toEqual({});
  });

  it('reports the 2021 story viewer as a story when loaded at its /stories/ URL', async () => {
    const url = 'https://www.instagram.com/stories/jaimelorentelo/2593347452245423531/';
    const page = loadPage(readFixture('instagram-story-2021-1.html'), url);
    try {
      const refs = findOn(page, url);
      expect(refs.map((ref) => [ref.surface, ref.key])).toEqual([['story', 'jaimelorentelo']]);
    } finally {
      await page.close();
    }
  });
});
