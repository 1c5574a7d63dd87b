// What a single-page app does to a page after load, in real Chromium: a history.pushState move
// from a profile to a post (badges and the popup's "On this page" follow), 50 streamed feed posts,
// a post dialog over a profile, a recycled author link, and an extension reload with the page
// open. The page's own same-origin script (tests/data/e2e/navigation/nav.js) does the changes,
// under a CSP that allows only 'self', as Instagram's does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePack } from '../../core/pack/validate';
import { buildWithPack } from '../data/security/build';
import {
  DEMO_CSP,
  launchWithExtension,
  repoRoot,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from './harness';
import { readThrough } from './support/reading';

/** Accounts of the test pack. */
const LISTED = [
  'picket_nav_owner',
  'patagonia',
  'benandjerrys',
  'rei',
  'katyperry',
  'markruffalo',
  'starbucks',
  'verizon',
  'unilever',
  'hersheys',
  'cocacola',
] as const;
/** Accounts on the pages that the pack does not list. */
const UNLISTED = ['nasa', 'natgeo', 'bbcnews', 'nytimes', 'espn'] as const;
/** Feed authors, alternating listed and unlisted: 50 posts give 25 of each. */
const FEED_AUTHORS = [
  'starbucks',
  'nasa',
  'verizon',
  'natgeo',
  'unilever',
  'bbcnews',
  'hersheys',
  'nytimes',
  'cocacola',
  'espn',
];

function navigationPack(): Record<string, unknown> {
  return {
    format: 'picket-pack/1',
    id: 'e2e-navigation',
    version: 1,
    updatedAt: '2026-11-30T09:00:00Z',
    publisher: { name: 'Picket navigation test' },
    campaigns: [
      {
        id: 'navigation',
        name: 'Navigation test campaign',
        participants: LISTED.map((handle, index) => ({
          id: `p${index + 1}`,
          name: `Navigation participant ${handle}`,
          kind: 'brand',
          role: 'participant',
          accounts: [{ platform: 'instagram', handle }],
          sources: ['S1'],
        })),
        sources: [{ id: 'S1', url: 'https://news.picket.test/navigation' }],
      },
    ],
  };
}

const PROFILE = 'https://www.instagram.com/picket_nav_owner/';
const FEED = 'https://www.instagram.com/';

let server: SiteServer;
let browser: ExtensionBrowser;
let profileDir: string;
/** Every console message of every page, whatever its level ("context invalidated" may be a warning). */
const consoleTexts: string[] = [];
const started = Date.now();

interface PagePost {
  author: string;
  caption: string;
  mention: string;
  comments: { user: string; text: string }[];
}

interface NavApi {
  goToPost(code: string, post: PagePost): void;
  openDialog(code: string, post: PagePost): void;
  stream(authors: string[], count: number, everyMs: number): Promise<number>;
  recycle(index: number, user: string): void;
}

interface ExtensionGlobals {
  chrome: { runtime: { reload(): void; sendMessage(message: unknown): Promise<unknown> } };
}

function nav(page: Page): {
  goToPost(code: string, post: PagePost): Promise<void>;
  openDialog(code: string, post: PagePost): Promise<void>;
  stream(authors: string[], count: number, everyMs: number): Promise<number>;
  recycle(index: number, user: string): Promise<void>;
} {
  // Each function runs in the page: it reaches window.picketNav itself (closures don't travel).
  return {
    goToPost: (code, post) =>
      page.evaluate(
        ([c, p]) => (window as unknown as { picketNav: NavApi }).picketNav.goToPost(c, p),
        [code, post] as const,
      ),
    openDialog: (code, post) =>
      page.evaluate(
        ([c, p]) => (window as unknown as { picketNav: NavApi }).picketNav.openDialog(c, p),
        [code, post] as const,
      ),
    stream: (authors, count, everyMs) =>
      page.evaluate(
        ([a, n, ms]) => (window as unknown as { picketNav: NavApi }).picketNav.stream(a, n, ms),
        [authors, count, everyMs] as const,
      ),
    recycle: (index, user) =>
      page.evaluate(
        ([i, u]) => (window as unknown as { picketNav: NavApi }).picketNav.recycle(i, u),
        [index, user] as const,
      ),
  };
}

/** The `data-handle`s of the badges inside `scope` (a CSS selector), sorted. */
function badgeHandles(page: Page, scope = 'body'): Promise<string[]> {
  return page.$$eval(`${scope} picket-badge`, (all) =>
    all.map((b) => b.getAttribute('data-handle') ?? '').sort(),
  );
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (message: ConsoleMessage) => consoleTexts.push(message.text()));
  await page.goto(url);
  await page.waitForFunction(() => 'picketNav' in window);
  return page;
}

interface TabStateAnswer {
  ok: boolean;
  state?: { platform: string | null; pageType: string | null; accounts: { handle: string }[] };
}

function tabState(extensionPage: Page, tabId: number): Promise<TabStateAnswer> {
  return extensionPage.evaluate(
    (id) =>
      (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({
        type: 'getTabState',
        tabId: id,
      }) as Promise<TabStateAnswer>,
    tabId,
  );
}

beforeAll(async () => {
  const pack = navigationPack();
  expect(validatePack(pack).ok).toBe(true);
  const extensionDir = buildWithPack('navigation', pack);
  const pages = resolve(repoRoot, 'tests/data/e2e');
  const headers = { 'content-security-policy': DEMO_CSP };
  server = await startSiteServer({
    routes: [
      { host: 'www.instagram.com', path: '/_e2e/*', dir: pages },
      {
        host: 'www.instagram.com',
        path: '/picket_nav_owner/',
        file: join(pages, 'navigation/profile.html'),
        headers,
      },
      { host: 'www.instagram.com', path: '/', file: join(pages, 'navigation/feed.html'), headers },
      { host: '*', path: '/favicon.ico', handler: () => ({ status: 204 }) },
    ],
  });
  // Chromium disables an unpacked extension that reloads itself unless developer mode is on.
  profileDir = mkdtempSync(join(tmpdir(), 'picket-navigation-profile-'));
  mkdirSync(join(profileDir, 'Default'));
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  browser = await launchWithExtension({ port: server.port, extensionDir, userDataDir: profileDir });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  console.info(`[navigation] total ${Date.now() - started} ms`);
});

describe('single-page navigation and DOM churn', () => {
  let profile: Page;

  it('(a) pushState from a profile to a post view: the new accounts are badged, the popup follows', async () => {
    profile = await openPage(PROFILE);
    await expect
      .poll(() => badgeHandles(profile, 'main header'), { timeout: 15_000 })
      .toEqual(['picket_nav_owner']);
    const tabId = await browser.tabIdOf(profile);
    const extensionPage = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect
      .poll(async () => (await tabState(extensionPage, tabId)).state?.accounts.map((a) => a.handle))
      .toEqual(['picket_nav_owner']);
    const profileType = (await tabState(extensionPage, tabId)).state?.pageType;

    await nav(profile).goToPost('NavPost01', {
      author: 'patagonia',
      caption: 'A walk with',
      mention: 'rei',
      comments: [
        { user: 'benandjerrys', text: 'Lovely.' },
        { user: 'nasa', text: 'Nice view.' },
      ],
    });
    expect(new URL(profile.url()).pathname).toBe('/p/NavPost01/');
    await expect
      .poll(() => badgeHandles(profile, '.post-view'), { timeout: 10_000 })
      .toEqual(['benandjerrys', 'patagonia', 'rei']);
    expect(await badgeHandles(profile)).not.toContain('nasa');
    // The profile header went with the old view, and so did its badge.
    expect(await badgeHandles(profile)).not.toContain('picket_nav_owner');

    // The background's tab state, and so the popup's "On this page", moves to the post.
    await expect
      .poll(
        async () =>
          (
            (await tabState(extensionPage, tabId)).state?.accounts.map((a) => a.handle) ?? []
          ).sort(),
        { timeout: 10_000 },
      )
      .toEqual(['benandjerrys', 'patagonia', 'rei']);
    expect((await tabState(extensionPage, tabId)).state?.pageType).not.toBe(profileType);
    await extensionPage.close();
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    // The popup also lists every participant of the campaign: read only "On this page".
    const onThisPage = popup.getByTestId('on-this-page');
    await expect.poll(() => onThisPage.innerText(), { timeout: 10_000 }).toContain('@patagonia');
    const text = await onThisPage.innerText();
    expect(text).toContain('3 participating accounts badged here');
    for (const handle of ['@benandjerrys', '@rei']) expect(text).toContain(handle);
    expect(text).not.toContain('picket_nav_owner');
    expect(text).not.toContain('nasa');
    await popup.close();
  });

  it('(c) a post dialog over a profile (URL /p/<code>/, div[role=dialog]) gets its badges', async () => {
    const page = await openPage(PROFILE);
    await expect
      .poll(() => badgeHandles(page, 'main header'), { timeout: 15_000 })
      .toEqual(['picket_nav_owner']);
    await nav(page).openDialog('NavDlg01', {
      author: 'katyperry',
      caption: 'Backstage with',
      mention: 'markruffalo',
      comments: [
        { user: 'natgeo', text: 'Great shot.' },
        { user: 'starbucks', text: 'Coffee after?' },
      ],
    });
    expect(new URL(page.url()).pathname).toBe('/p/NavDlg01/');
    await expect
      .poll(() => badgeHandles(page, 'div[role=dialog]'), { timeout: 10_000 })
      .toEqual(['katyperry', 'markruffalo', 'starbucks']);
    // The profile underneath keeps its badge, and is not badged twice by the rescan.
    expect(await badgeHandles(page, 'main header')).toEqual(['picket_nav_owner']);
    expect(await badgeHandles(page)).not.toContain('natgeo');
    const outsideLinks = await page.$$eval('picket-badge', (all) =>
      all.every((b) => b.closest('a') === null),
    );
    expect(outsideLinks).toBe(true);
    await page.close();
  });

  let feed: Page;

  /** Per streamed post: its author and the badges in its header. */
  function feedHeaders(page: Page): Promise<{ author: string; badges: string[] }[]> {
    return page.$$eval('.feed article', (posts) =>
      posts.map((post) => ({
        author:
          post.querySelector('.post-head a[href$="/"]:not([href^="/p/"]) span')?.textContent ?? '',
        badges: [...post.querySelectorAll('.post-head picket-badge')].map(
          (b) => b.getAttribute('data-handle') ?? '',
        ),
      })),
    );
  }

  it('(b) 50 streamed feed posts: every listed author is badged, no other', async () => {
    feed = await openPage(FEED);
    expect(await nav(feed).stream(FEED_AUTHORS, 50, 15)).toBe(50);
    const listed = new Set<string>(LISTED);
    const expected = (await feedHeaders(feed)).map((p) => (listed.has(p.author) ? [p.author] : []));
    expect(expected.length).toBe(50);
    expect(expected.filter((badges) => badges.length === 1).length).toBe(25);
    // Picket badges what comes into view: read the feed through, as a person would.
    await expect
      .poll(
        async () => {
          await readThrough(feed);
          return (await feedHeaders(feed)).map((p) => p.badges);
        },
        { timeout: 15_000 },
      )
      .toEqual(expected);
    for (const handle of UNLISTED) expect(await badgeHandles(feed)).not.toContain(handle);
  });

  it('(e) a recycled author link: the badge follows the new href', async () => {
    // Post 1 is by nasa (unlisted) → verizon; post 0 starbucks → unilever; post 2 verizon → espn.
    const before = await feedHeaders(feed);
    expect(before.slice(0, 3).map((p) => p.author)).toEqual(['starbucks', 'nasa', 'verizon']);
    await nav(feed).recycle(1, 'verizon');
    await nav(feed).recycle(0, 'unilever');
    await nav(feed).recycle(2, 'espn');
    await expect
      .poll(async () => (await feedHeaders(feed)).slice(0, 3), { timeout: 10_000 })
      .toEqual([
        { author: 'unilever', badges: ['unilever'] },
        { author: 'verizon', badges: ['verizon'] },
        { author: 'espn', badges: [] },
      ]);
    // The rest of the feed is untouched.
    expect((await feedHeaders(feed)).slice(3)).toEqual(before.slice(3));
  });

  it('(d) an extension reload with the page open: old badges go, no error, a reload brings them back', async () => {
    const errorsBefore = browser.errors.length;
    const consoleBefore = consoleTexts.length;
    expect(await badgeHandles(profile)).toEqual(['benandjerrys', 'patagonia', 'rei']);

    const worker = await browser.getServiceWorker();
    const replaced = browser.context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`),
      timeout: 20_000,
    });
    // The worker dies while answering, so the evaluate may never settle.
    void worker
      .evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.runtime.reload())
      .catch(() => undefined);
    await replaced;

    // The orphaned content script sees the next DOM change, and a same-document navigation.
    await nav(profile).goToPost('NavPost02', {
      author: 'katyperry',
      caption: 'Again with',
      mention: 'rei',
      comments: [{ user: 'starbucks', text: 'Hello.' }],
    });
    await expect.poll(() => profile.locator('picket-badge').count(), { timeout: 10_000 }).toBe(0);
    await nav(feed).stream(FEED_AUTHORS, 5, 10);
    await expect.poll(() => feed.locator('picket-badge').count(), { timeout: 10_000 }).toBe(0);
    await profile.waitForTimeout(500);
    expect(await profile.locator('picket-badge').count()).toBe(0);

    // The new instance runs in pages loaded from now on.
    await profile.goto(PROFILE);
    await expect
      .poll(() => badgeHandles(profile, 'main header'), { timeout: 15_000 })
      .toEqual(['picket_nav_owner']);
    await nav(profile).goToPost('NavPost03', {
      author: 'patagonia',
      caption: 'Back with',
      mention: 'rei',
      comments: [{ user: 'nasa', text: 'Hi.' }],
    });
    await expect
      .poll(() => badgeHandles(profile, '.post-view'), { timeout: 10_000 })
      .toEqual(['patagonia', 'rei']);

    expect(consoleTexts.slice(consoleBefore).filter((t) => /context invalidated/i.test(t))).toEqual(
      [],
    );
    const errors = browser.errors.slice(errorsBefore);
    expect(errors.filter((e) => e.source === 'pageerror')).toEqual([]);
    expect(
      errors.filter((e) => /context invalidated|picket|chrome-extension:/i.test(e.text)),
    ).toEqual([]);
  });

  it('no page logged "Extension context invalidated" or an uncaught error', () => {
    expect(consoleTexts.filter((t) => /context invalidated/i.test(t))).toEqual([]);
    expect(browser.errors.filter((e) => e.source === 'pageerror')).toEqual([]);
    expect(browser.scriptErrors().filter((e) => e.source !== 'serviceworker')).toEqual([]);
  });
});
