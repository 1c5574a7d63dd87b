// The pack builder page in real Chromium, used as an organiser would: a campaign file and a
// 200-row spreadsheet with 3 broken rows show exactly those 3 problems at their rows; fixed, the
// downloaded pack passes pack:check and the options page imports it; a key made in the builder
// signs a pack that a subscription served by the harness accepts, while the same signature over a
// pack changed by one byte is refused; the page passes axe with no violation, light and dark.
//
// Subscribing needs the publisher's host permission, which headless Chromium cannot grant from its
// prompt: as in packs.e2e.test.ts, the browser runs a copy of the build whose manifest grants
// https://packs.picket.test/* up front, as if the user had accepted.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackSignature } from '../../core/pack/signature';
import { validatePackText } from '../../core/pack/validate';
import { BREAKS, peopleSheet } from '../data/sheets/people';
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
const AXE_SOURCE = readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const CAMPAIGN_FILE = resolve(repoRoot, 'tests/data/sheets/campaign.json');
/** Spreadsheet rows (1 is the header) broken in one cell each. */
const BROKEN = { 14: 'instagram', 77: 'sourceUrl', 190: 'sourceDate' } as const;

let work: string;
let server: SiteServer;
let browser: ExtensionBrowser;
let builder: Page;

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

/** Clicks `button` and saves the file the page hands over; returns its name and path. */
async function download(page: Page, name: string, saveAs: string) {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name, exact: true }).click();
  const file = await event;
  await file.saveAs(saveAs);
  return { name: file.suggestedFilename(), text: readFileSync(saveAs, 'utf8') };
}

const summary = () => builder.getByTestId('problem-summary').textContent();
const announced = (page: Page) => page.getByTestId('announcer').textContent();

function packCheck(file: string) {
  return spawnSync(resolve(repoRoot, 'node_modules/.bin/tsx'), ['scripts/pack-check.ts', file], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

beforeAll(async () => {
  const extensionDir = ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'picket-builder-e2e-'));
  for (const dir of ['site', 'changed', 'downloads']) mkdirSync(join(work, dir));
  writeFileSync(join(work, 'people-broken.csv'), peopleSheet(200, BROKEN));
  server = await startSiteServer({
    routes: [
      { host: HOST, path: '/site/*', dir: join(work, 'site') },
      { host: HOST, path: '/changed/*', dir: join(work, 'changed') },
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
  builder = await browser.openExtensionPage('builder.html');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the pack builder', () => {
  it('is linked from the options page as "Create or edit a pack", opening in a new tab', async () => {
    const options = await browser.openExtensionPage('options.html');
    const link = options.getByRole('link', { name: 'Create or edit a pack' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const opened = browser.context.waitForEvent('page');
    await link.click();
    const page = await opened;
    await page.waitForLoadState();
    expect(page.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/builder\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Picket pack builder');
    await page.close();
    await options.close();
  });

  it('a 200-row spreadsheet with 3 broken rows shows exactly those 3 problems at their rows', async () => {
    await builder.getByLabel('Open a pack or campaign file (JSON)').setInputFiles(CAMPAIGN_FILE);
    await expect.poll(() => announced(builder)).toBe('Opened campaign.json: no participants yet.');
    expect(await builder.getByLabel('Campaign name').inputValue()).toBe('Rent strike 2026');
    await builder
      .getByLabel('Or load a spreadsheet file (CSV or TSV)')
      .setInputFiles(join(work, 'people-broken.csv'));
    await expect
      .poll(summary, { timeout: 15_000 })
      .toBe('3 problems to fix before the pack can be downloaded.');
    expect(await builder.getByTestId('problem').allTextContents()).toEqual(
      Object.entries(BROKEN).map(([row, kind]) => {
        const broken = BREAKS[kind];
        return `Row ${row}, column '${broken.column}': ${broken.message}`;
      }),
    );
    expect(await builder.getByRole('button', { name: 'Download pack.json' }).isDisabled()).toBe(
      true,
    );
  });

  it('fixed, it previews a badge and card and downloads a pack pack:check accepts and options imports', async () => {
    await builder
      .getByLabel('Participants (paste the rows from your spreadsheet, CSV or TSV)')
      .fill(peopleSheet(200));
    await expect
      .poll(summary, { timeout: 15_000 })
      .toBe('No problems: the pack can be downloaded.');
    expect(await builder.getByTestId('problem').count()).toBe(0);

    // The first participant is a coalition member; the seventh took part in the boycott day of
    // 1 December 2026 (a major outlet its source), the card dating its action by the day.
    expect(await builder.getByTestId('preview-badge').textContent()).toBe(
      'Joined the coalition · Dec 2026',
    );
    await builder
      .getByLabel('Participant', { exact: true })
      .selectOption({ label: 'Participant 006' });
    expect(await builder.getByTestId('preview-badge').textContent()).toBe('Boycotted · Dec 2026');
    const card = builder.getByTestId('preview-card');
    const cardText = await card.innerText();
    expect(cardText).toContain('Boycotted · Dec 1, 2026');
    expect(cardText).toContain('Participant 006 · Rent strike 2026');
    expect(cardText).toContain('Withheld rent for flat 006 — Strike day — ');
    expect(cardText).toContain('Account: @member_006');
    expect(await card.getByRole('link').allTextContents()).toEqual(['Tenants strike, part 0']);

    const file = join(work, 'downloads', 'pack.json');
    const pack = await download(builder, 'Download pack.json', file);
    expect(pack.name).toBe('pack.json');
    const check = packCheck(file);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout.split('\n')[0]).toBe(
      `${file}: valid — 1 campaign, 200 participants, 300 accounts, 1 event`,
    );

    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('pack').first().waitFor({ timeout: 15_000 });
    await options.getByLabel('Choose a pack file (JSON)').setInputFiles(file);
    await expect
      .poll(() => announced(options), { timeout: 15_000 })
      .toBe('Imported pack rent-strike-2026, version 1.');
    await expect
      .poll(() => options.getByTestId('pack').filter({ hasText: '(rent-strike-2026)' }).count())
      .toBe(1);
    await options.close();
  });

  it('a key made in the builder signs a pack a subscription accepts; one changed byte is refused', async () => {
    // Another id than the imported pack's, so the subscription is a pack of its own.
    await builder.getByLabel(/^Pack id/).fill('rent-strike-signed');
    await expect
      .poll(summary, { timeout: 15_000 })
      .toBe('No problems: the pack can be downloaded.');

    const keyEvent = builder.waitForEvent('download');
    await builder.getByRole('button', { name: 'Make a new key pair' }).click();
    const keyFile = await keyEvent;
    expect(keyFile.suggestedFilename()).toBe('picket-publisher.private.jwk.json');
    const jwk = JSON.parse(readFileSync(await keyFile.path(), 'utf8')) as JsonWebKey;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(typeof jwk.d).toBe('string');
    const publicKey = await builder.getByTestId('public-key').inputValue();
    expect(publicKey).toMatch(/^MFkw[A-Za-z0-9+/]+=*$/);
    // Picket keeps no key: nothing of it is in the extension's storage.
    const stored = await builder.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: null): Promise<unknown> } } };
          }
        ).chrome.storage.local.get(null),
      ),
    );
    expect(stored).not.toContain(jwk.d!);

    const pack = await download(builder, 'Download pack.json', join(work, 'site', 'pack.json'));
    const signature = await download(
      builder,
      'Download the signature (pack.json.sig)',
      join(work, 'site', 'pack.json.sig'),
    );
    expect(signature.name).toBe('pack.json.sig');
    expect(signature.text).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    const bytes = readFileSync(join(work, 'site', 'pack.json'));
    expect(await verifyPackSignature(bytes, signature.text, publicKey)).toBe(true);
    expect(validatePackText(pack.text).ok).toBe(true);

    // The same signature over the pack with one byte changed.
    const changed = Buffer.from(bytes);
    const at = changed.indexOf('Tenants withhold rent');
    expect(at).toBeGreaterThan(0);
    changed[at] = 'M'.charCodeAt(0);
    writeFileSync(join(work, 'changed', 'pack.json'), changed);
    writeFileSync(join(work, 'changed', 'pack.json.sig'), signature.text);

    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('pack').first().waitFor({ timeout: 15_000 });
    const subscribe = async (url: string) => {
      await options.getByLabel('Pack address (https)').fill(url);
      await options.getByLabel("Publisher's public key").fill(publicKey);
      await options.getByRole('button', { name: 'Subscribe' }).click();
    };
    await subscribe(`https://${HOST}/changed/pack.json`);
    await expect
      .poll(() => announced(options), { timeout: 15_000 })
      .toMatch(/signature does not match the publisher's key/);
    expect(
      await options.getByTestId('pack').filter({ hasText: '(rent-strike-signed)' }).count(),
    ).toBe(0);

    await subscribe(`https://${HOST}/site/pack.json`);
    await expect
      .poll(() => announced(options), { timeout: 15_000 })
      .toBe('Subscribed: pack rent-strike-signed added.');
    expect(server.requestsTo(HOST).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/site/pack.json', '/site/pack.json.sig', '/changed/pack.json']),
    );
    await options.close();
  });

  it('passes axe with no violation, light and dark, with problems shown and without', async () => {
    for (const sheet of [peopleSheet(20, { 5: 'instagram' }), peopleSheet(20)]) {
      await builder
        .getByLabel('Participants (paste the rows from your spreadsheet, CSV or TSV)')
        .fill(sheet);
      await expect.poll(summary, { timeout: 15_000 }).not.toBe('Checking…');
      for (const colorScheme of ['light', 'dark'] as const) {
        await builder.emulateMedia({ colorScheme });
        expect(await axeViolations(builder), `${colorScheme}: ${await summary()}`).toEqual([]);
      }
    }
    // A form field's own problem is said beside it and marks it invalid.
    await builder.getByLabel('Campaign page (https://)').fill('http://tenants.example.org/');
    const field = builder.getByLabel('Campaign page (https://)');
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await builder.getByTestId('problem').allTextContents()).toEqual([
      'Campaign page (https://): not an https:// URL',
    ]);
    expect(await axeViolations(builder)).toEqual([]);
    expect(browser.errors.filter((e) => e.url.includes('builder.html'))).toEqual([]);
  });
});
