// The foundation every other browser test stands on: the built extension loads in Debian's
// Chromium, its content script runs on (our demo of) https://www.instagram.com/ and
// https://www.facebook.com/, it badges accounts of the bundled pack and not others, it tells the
// background what it found, and the popup opened for that tab shows what the background knows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRoutes,
  launchWithExtension,
  repoRoot,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from './harness';

let server: SiteServer;
let browser: ExtensionBrowser;
let instagram: Page;
let launchMs = 0;

interface TabStateAnswer {
  ok: boolean;
  state?: { platform: string | null; pageType: string | null; accounts: { handle: string }[] };
}

/** Asks the background, from an extension page, what it knows about a tab (getTabState). */
async function tabState(extensionPage: Page, tabId: number): Promise<TabStateAnswer> {
  return extensionPage.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<TabStateAnswer> } };
        }
      ).chrome.runtime.sendMessage({ type: 'getTabState', tabId: id }),
    tabId,
  );
}

/** The badges on a page, as their host attributes (the public contract, §3). */
function badgesOn(page: Page): Promise<{ platform: string | null; handle: string | null }[]> {
  return page.$$eval('picket-badge', (badges) =>
    badges.map((b) => ({
      platform: b.getAttribute('data-platform'),
      handle: b.getAttribute('data-handle'),
    })),
  );
}

beforeAll(async () => {
  server = await startSiteServer({ routes: demoRoutes() });
  const started = Date.now();
  browser = await launchWithExtension({ port: server.port });
  launchMs = Date.now() - started;
  instagram = await browser.context.newPage();
  await instagram.goto('https://www.instagram.com/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the extension in Chromium', () => {
  it('loads: a service worker from chrome-extension://<id>/ and its pages open', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(
      `chrome-extension://${browser.extensionId}/background.js`,
    );
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.locator('h1').count()).toBeGreaterThan(0);
    await options.close();
    console.info(`[foundation] Chromium launch with the extension: ${launchMs} ms`);
  });

  it('serves the demo from the fake https://www.instagram.com/ and nothing from the real web', async () => {
    expect(await instagram.title()).toContain('Picket offline demo');
    expect(server.requestsTo('www.instagram.com', '/').length).toBeGreaterThan(0);
    const hosts = new Set(server.requests.map((r) => r.host));
    for (const host of hosts) expect(host).toMatch(/(^|\.)(instagram|facebook)\.com$/);
  });

  it('badges the Instagram demo feed: accounts in the bundled pack, never the others', async () => {
    await expect
      .poll(async () => (await badgesOn(instagram)).map((b) => b.handle), { timeout: 15_000 })
      .toContain('kimkardashian');
    const badges = await badgesOn(instagram);
    expect(badges.every((b) => b.platform === 'instagram')).toBe(true);
    const handles = new Set(badges.map((b) => b.handle));
    // Participants on the page (post author, collab author, comment author, suggestion).
    for (const handle of ['kimkardashian', 'katyperry', 'markruffalo', 'rei']) {
      expect(handles).toContain(handle);
    }
    // Non-participants and the viewer's own account.
    for (const handle of ['nasa', 'natgeo', 'picket_demo_user']) {
      expect(handles).not.toContain(handle);
    }
    // Contract §3: the badge is the name element's next sibling, never inside the site's link.
    const outsideLinks = await instagram.$$eval('picket-badge', (all) =>
      all.every((b) => b.closest('a') === null && b.previousElementSibling !== null),
    );
    expect(outsideLinks).toBe(true);
  });

  it('badges posts that arrive after the page loaded (the demo feed streams more in)', async () => {
    const streamed = instagram.locator(
      '.feed article:has(.post-head a[href="/leonardodicaprio/"])',
    );
    expect(await streamed.count()).toBe(0);
    await instagram.locator('#feed-end').scrollIntoViewIfNeeded();
    await expect.poll(() => streamed.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        () => streamed.locator('.post-head picket-badge[data-handle="leonardodicaprio"]').count(),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    await instagram.evaluate(() => window.scrollTo(0, 0));
  });

  it('badges the profile header of a participant, not its grid tiles', async () => {
    const profile = await browser.context.newPage();
    await profile.goto('https://www.instagram.com/leonardodicaprio/');
    const header = profile.locator('main header');
    await expect
      .poll(() => header.locator('picket-badge[data-handle="leonardodicaprio"]').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await profile.locator('.grid picket-badge').count()).toBe(0);
    const handles = (await badgesOn(profile)).map((b) => b.handle);
    expect(handles).toContain('markruffalo');
    expect(handles).not.toContain('nasa');
    await profile.close();
  });

  it('reports the page to the background; the popup for that tab shows it', async () => {
    const tabId = await browser.tabIdOf(instagram);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect
      .poll(async () => (await tabState(popup, tabId)).state?.platform, { timeout: 15_000 })
      .toBe('instagram');
    const state = (await tabState(popup, tabId)).state!;
    expect(state.accounts.map((a) => a.handle)).toContain('kimkardashian');

    // What the user sees: the "On this page" card lists the badged accounts of this tab.
    const onThisPage = popup.getByTestId('on-this-page');
    await expect
      .poll(() => onThisPage.textContent(), { timeout: 15_000 })
      .toContain('@kimkardashian');
    await popup.close();
  });

  it('badges the Facebook demo feed by vanity, including comment authors', async () => {
    const facebook = await browser.context.newPage();
    await facebook.goto('https://www.facebook.com/');
    await expect
      .poll(async () => (await badgesOn(facebook)).map((b) => b.handle), { timeout: 15_000 })
      .toContain('KimKardashian');
    const badges = await badgesOn(facebook);
    expect(badges.every((b) => b.platform === 'facebook')).toBe(true);
    const handles = badges.map((b) => b.handle);
    expect(handles).toContain('demilovato');
    expect(handles).not.toContain('NASA');
    await facebook.close();
  });

  it('reaches nothing but the pages it was shown: no network of its own', () => {
    const web = browser.requests.filter((r) => /^(https?|wss?):/.test(r.url));
    expect(web.length).toBeGreaterThan(0);
    const hosts = new Set(web.map((r) => new URL(r.url).host));
    expect([...hosts].sort()).toEqual(['www.facebook.com', 'www.instagram.com']);
    // The demo pages load their own assets; the extension itself fetched nothing.
    const fromExtension = web.filter((r) => r.initiator.startsWith('chrome-extension://'));
    expect(fromExtension).toEqual([]);
  });

  it('logs no script errors on the demo pages, the popup or the service worker', () => {
    expect(browser.scriptErrors()).toEqual([]);
  });
});

describe('npm start without a display', () => {
  it('writes the demo screenshots, prints their paths and exits 0', () => {
    const output = mkdtempSync(join(tmpdir(), 'picket-start-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PICKET_DEMO_OUTPUT: output };
      delete env.DISPLAY;
      const run = spawnSync(resolve(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
        cwd: repoRoot,
        env,
        encoding: 'utf8',
        timeout: 90_000,
      });
      expect(run.status, run.stderr).toBe(0);
      for (const name of [
        'instagram-feed.png',
        'instagram-badge-popover.png',
        'facebook-feed.png',
        'popup.png',
        'options.png',
      ]) {
        const file = join(output, name);
        expect(run.stdout).toContain(file);
        expect(existsSync(file) && statSync(file).size).toBeGreaterThan(10_000);
      }
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});
