// Picket in Firefox ESR (checklist FF, issue 7): the firefox-mv2 build, installed as a temporary
// add-on, badges the accounts of its pack on a real saved Instagram page served at
// https://www.instagram.com/, and only those: the content script found them and the background
// (an event page in Firefox) answered its lookups.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithPack } from '../data/security/build';
import { fixturesDir, repoRoot, startSiteServer, stripScripts, type SiteServer } from './harness';
import {
  firefoxAvailable,
  launchFirefoxWithExtension,
  type FirefoxWithExtension,
} from './harness/firefox';

const SAVED_PAGE = 'instagram-home_feed-2024-1.html';
/** Checklist A5: nothing but same-origin images; no inline style may apply. */
const STRICT_CSP = "default-src 'none'; img-src 'self'";
/** Accounts on the saved page (tests/expectations/instagram-home_feed-2024-1.json). */
const LISTED_ON_PAGE = ['kenyan_memess', 'gentle_motif', '_ziza111'];
/** Listed in the pack but absent from the page: must not appear. */
const LISTED_ELSEWHERE = ['kimkardashian'];

function firefoxPack(): Record<string, unknown> {
  const handles = [...LISTED_ON_PAGE, ...LISTED_ELSEWHERE];
  return {
    format: 'picket-pack/1',
    id: 'firefox-e2e',
    version: 1,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: { name: 'Firefox test publisher' },
    campaigns: [
      {
        id: 'ff',
        name: 'Firefox test campaign',
        participants: handles.map((handle, i) => ({
          id: `p${i}`,
          name: `Participant ${handle}`,
          kind: 'person',
          role: 'participant',
          accounts: [{ platform: 'instagram', handle }],
          sources: ['S1'],
        })),
        sources: [{ id: 'S1', url: 'https://news.picket.test/ff' }],
      },
    ],
  };
}

const missing = !firefoxAvailable()
  ? 'no Firefox ESR at /usr/bin/firefox-esr (apt-get install -y firefox-esr)'
  : !existsSync(resolve(fixturesDir, SAVED_PAGE))
    ? `../shared/fixtures/${SAVED_PAGE} is absent`
    : null;
if (missing) console.info(`[firefox e2e] skipped: ${missing}`);

let extensionDir: string;
beforeAll(() => {
  extensionDir = buildWithPack('firefox', firefoxPack(), 'firefox');
});

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

describe('web-ext lint on the Firefox build', () => {
  it('has no errors, and its only warning is the one the README explains', () => {
    const run = spawnSync(
      resolve(repoRoot, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', extensionDir, '--self-hosted=false', '--output=json'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 },
    );
    const report = JSON.parse(run.stdout) as {
      errors: LintMessage[];
      warnings: LintMessage[];
    };
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => `${w.code} ${w.file ?? ''}`)).toEqual([
      expect.stringMatching(/^UNSAFE_VAR_ASSIGNMENT chunks\/document-[\w-]+\.js$/),
    ]);
    // The flagged chunk is the Preact runtime: its one innerHTML write is the
    // dangerouslySetInnerHTML path (`x.innerHTML = y.__html`), which our lint forbids us to use.
    const chunk = readFileSync(join(extensionDir, report.warnings[0]!.file!), 'utf8');
    const writes = chunk.match(/\.innerHTML\s*=[^=]/g) ?? [];
    expect(writes).toHaveLength(1);
    expect(chunk).toMatch(/\.innerHTML\s*=\s*\w+\.__html/);
    expect(chunk).toContain('dangerouslySetInnerHTML');
    const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('UNSAFE_VAR_ASSIGNMENT');
  });
});

describe.skipIf(missing !== null)('Picket in Firefox ESR', () => {
  let server: SiteServer;
  let firefox: FirefoxWithExtension;
  let page: Page;

  beforeAll(async () => {
    server = await startSiteServer({
      port: 443,
      routes: [
        {
          host: 'www.instagram.com',
          path: '/',
          // The same saved page, under a strict CSP when asked with ?csp=strict.
          handler: ({ url }) => ({
            headers: {
              'content-type': 'text/html; charset=utf-8',
              ...(url.search === '?csp=strict' && { 'content-security-policy': STRICT_CSP }),
            },
            body: stripScripts(readFileSync(resolve(fixturesDir, SAVED_PAGE), 'utf8')),
          }),
        },
        { host: '*', path: '/favicon.ico', handler: () => ({ status: 204 }) },
      ],
    });
    firefox = await launchFirefoxWithExtension({ extensionDir });
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const badges = () =>
    page.$$eval('picket-badge', (all) =>
      all.map((b) => ({
        handle: b.getAttribute('data-handle'),
        platform: b.getAttribute('data-platform'),
        previous: b.previousElementSibling?.textContent?.trim() ?? '',
        insideLink: b.closest('a') !== null,
        open: b.shadowRoot !== null,
        // :host rules of the badge's own style sheet; an unstyled host would be display:inline.
        display: getComputedStyle(b).display,
        width: b.getBoundingClientRect().width,
      })),
    );

  /**
   * Scrolls one screen further, back to the top after the end: Picket badges only names in or
   * near view, so the test reads the saved page as a person would.
   */
  const nextScreen = (target: Page) =>
    target.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const next = root.scrollTop + innerHeight;
      root.scrollTop = next >= root.scrollHeight ? 0 : next;
    });

  it('installs the firefox-mv2 build as an add-on', () => {
    expect(firefox.addonId).toBe('picket@picket-extension.org');
  });

  it('badges the pack accounts on a saved Instagram feed, and nothing else', async () => {
    page = await firefox.newPage();
    const response = await page.goto('https://www.instagram.com/', { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.$eval('body', (b) => b.textContent?.includes('kenyan_memess'))).toBe(true);

    const deadline = Date.now() + 60_000;
    let found: Awaited<ReturnType<typeof badges>> = [];
    while (Date.now() < deadline) {
      found = await badges();
      const handles = new Set(found.map((b) => b.handle));
      if (LISTED_ON_PAGE.every((h) => handles.has(h))) break;
      await nextScreen(page);
      await new Promise((done) => setTimeout(done, 250));
    }
    const handles = new Set(found.map((b) => b.handle));
    expect([...handles].sort()).toEqual([...LISTED_ON_PAGE].sort());
    for (const badge of found) {
      expect(badge.platform).toBe('instagram');
      expect(badge.open).toBe(false);
      expect(badge.display).toBe('inline-flex');
    }
    // Beside the account's name (its previous sibling shows it), as in Chromium.
    expect(found.some((b) => b.previous.includes('kenyan_memess'))).toBe(true);
    // The saved page's own dead resources log CORS errors; nothing may come from Picket.
    expect(firefox.errors.filter((e) => /picket|extension|moz-extension/i.test(e.text))).toEqual(
      [],
    );
  });

  it("A5: under `default-src 'none'` the badges are still styled and no CSP error comes from Picket", async () => {
    const strict = await firefox.newPage();
    const response = await strict.goto('https://www.instagram.com/?csp=strict', {
      waitUntil: 'load',
    });
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    page = strict;
    const deadline = Date.now() + 60_000;
    let found: Awaited<ReturnType<typeof badges>> = [];
    while (Date.now() < deadline) {
      found = await badges();
      if (found.some((b) => b.handle === 'kenyan_memess')) break;
      await nextScreen(strict);
      await new Promise((done) => setTimeout(done, 250));
    }
    expect(found.map((b) => b.handle)).toContain('kenyan_memess');
    for (const badge of found) {
      expect(badge.display).toBe('inline-flex');
      expect(badge.width).toBeGreaterThan(8);
    }
    expect(firefox.errors.filter((e) => /picket|extension|moz-extension/i.test(e.text))).toEqual(
      [],
    );
    await strict.close();
  });

  it('only the page and its own resources were requested: nothing from the extension', () => {
    // Firefox's own services (remote settings) also resolve here; they are not the page's.
    const requests = server.requests.filter((r) => !/(^|\.)mozilla\.(com|net|org)$/.test(r.host));
    const hosts = new Set(requests.map((r) => r.host));
    expect(hosts).toContain('www.instagram.com');
    // The saved page names Instagram's and Facebook's CDNs; any other host would be ours.
    expect(
      [...hosts].filter(
        (h) => !/(^|\.)(instagram|cdninstagram|facebook|fbcdn)\.(com|net)$/.test(h),
      ),
    ).toEqual([]);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
