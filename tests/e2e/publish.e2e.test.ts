// An organiser's whole path in real Chromium: a spreadsheet becomes a pack (pack:from-csv), the pack
// is published (pack:keygen, pack:publish) into a folder the harness serves at
// https://packs.picket.test/site/, the page passes axe with no violation at all (light and dark),
// a page made from the XSS corpus runs nothing, and the address and key the page shows subscribe
// Picket to the pack, whose account then gets its badge on the demo feed.
//
// Subscribing needs the publisher's host permission, which headless Chromium cannot grant from its
// prompt: as in packs.e2e.test.ts, the browser runs a copy of the build whose manifest grants
// https://packs.picket.test/* up front, as if the user had accepted.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDelimited } from '../../core/csv';
import { xssPack, xssTexts } from '../data/security/xss';
import { HEADER, peopleSheet } from '../data/sheets/people';
import {
  demoRoutes,
  ensureBuilt,
  launchWithExtension,
  repoRoot,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from './harness';

const HOST = 'packs.picket.test';
const SITE_URL = `https://${HOST}/site/`;
const XSS_URL = `https://${HOST}/xss/`;
const AXE_SOURCE = readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

let work: string;
let server: SiteServer;
let browser: ExtensionBrowser;

function tool(script: string, ...args: string[]): string {
  const run = spawnSync(resolve(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** Every axe violation, whatever its impact. The source goes in through DevTools, not a tag. */
async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

beforeAll(async () => {
  const extensionDir = ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'picket-publish-e2e-'));

  // The organiser's spreadsheet: 20 people, plus one account of the demo feed.
  const natgeo = [
    'National Geographic',
    'organization',
    'participant',
    'took part',
    'natgeo',
    '',
    'verified',
    '',
    '',
    '',
    'https://news.example.com/natgeo',
    'Example News',
    'NatGeo joins',
    '2026-12-01',
    'own statement',
  ];
  expect(natgeo).toHaveLength(HEADER.length);
  writeFileSync(join(work, 'people.csv'), peopleSheet(20) + formatDelimited([natgeo]) + '\r\n');
  tool(
    'scripts/pack-from-csv.ts',
    join(work, 'people.csv'),
    '--campaign',
    'tests/data/sheets/campaign.json',
    '--out',
    join(work, 'pack.json'),
  );
  tool('scripts/pack-keygen.ts', '--out', join(work, 'keys'));
  const key = join(work, 'keys/picket-publisher.private.jwk.json');
  tool(
    'scripts/pack-publish.ts',
    join(work, 'pack.json'),
    '--key',
    key,
    '--out',
    join(work, 'site'),
    '--url',
    SITE_URL,
  );
  writeFileSync(join(work, 'xss.json'), JSON.stringify(xssPack()));
  tool('scripts/pack-publish.ts', join(work, 'xss.json'), '--key', key, '--out', join(work, 'xss'));

  server = await startSiteServer({
    routes: [
      { host: HOST, path: '/site/*', dir: join(work, 'site') },
      { host: HOST, path: '/xss/*', dir: join(work, 'xss') },
      ...demoRoutes(),
    ],
  });
  const granted = join(work, 'extension');
  cpSync(extensionDir, granted, { recursive: true });
  const manifestFile = join(granted, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = [`https://${HOST}/*`];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  browser = await launchWithExtension({ port: server.port, extensionDir: granted });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the published index.html', () => {
  it('lists every participant and passes axe with no violation, light and dark', async () => {
    const page = await browser.context.newPage();
    await page.goto(SITE_URL);
    expect(await page.locator('tbody tr').count()).toBe(21);
    await expect
      .poll(() => page.locator('tbody th', { hasText: 'National Geographic' }).count())
      .toBe(1);
    // The style sheet applied: its hash in the page's CSP is right.
    expect(await page.locator('.follow').evaluate((e) => getComputedStyle(e).borderRadius)).toBe(
      '8px',
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    expect(browser.errors.filter((e) => e.url.startsWith(SITE_URL))).toEqual([]);
    await page.close();
  });

  it('made from the XSS corpus, runs nothing, shows every text exactly and passes axe', async () => {
    const page = await browser.context.newPage();
    await page.goto(XSS_URL);
    const t = xssTexts();
    const names = await page.locator('tbody th').allTextContents();
    expect(names).toEqual(t.participantNames);
    expect(await page.locator('h1').textContent()).toBe(t.campaignName);
    expect(await page.locator('tbody td:nth-child(4) li > bdi').allTextContents()).toEqual(
      t.actionSummaries,
    );
    expect(await page.locator('img, svg, iframe, script').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwn?: unknown }).__pwn),
    ).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.errors.filter((e) => e.url.startsWith(XSS_URL))).toEqual([]);
    await page.close();
  });
});

describe('subscribing with what the page shows', () => {
  it('installs the signed pack, and its account on the demo feed gets a badge', async () => {
    const page = await browser.context.newPage();
    await page.goto(SITE_URL);
    const address = await page.getByTestId('pack-url').textContent();
    const key = await page.getByTestId('public-key').textContent();
    expect(address).toBe(`${SITE_URL}pack.json`);

    const feed = await browser.context.newPage();
    await feed.goto('https://www.instagram.com/');
    await expect
      .poll(() => feed.locator('picket-badge[data-handle="kimkardashian"]').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    expect(await feed.locator('picket-badge[data-handle="natgeo"]').count()).toBe(0);

    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('Pack address (https)').fill(address ?? '');
    await options.getByLabel("Publisher's public key").fill(key ?? '');
    await options.getByRole('button', { name: 'Subscribe' }).click();
    await expect
      .poll(() => options.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toBe('Subscribed: pack rent-strike-2026 added.');
    expect(server.requestsTo(HOST).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/site/pack.json', '/site/pack.json.sig']),
    );
    await expect
      .poll(() => feed.locator('picket-badge[data-handle="natgeo"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
  });
});
