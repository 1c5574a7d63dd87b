// Importing a big pack through the options page, in real Chromium: the progress bar names its
// step and advances while the background writes, the popup opened meanwhile in another tab still
// answers and shows its campaign, and a cancelled import leaves the pack installed before as it
// was. The pack has the bench's shape (bench/lib/packs.ts) at the largest size a file may have:
// a 1,000,000-account pack is about 55 MB of JSON, over the 10 MB limit of files and
// subscriptions alike, so no page path can take it (the bench imports it as an object).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePack } from '../../bench/lib/packs';
import { MAX_IMPORT_BYTES } from '../../core/import-size';
import {
  demoRoutes,
  ensureBuilt,
  launchWithExtension,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from './harness';

const ACCOUNTS = 180_000;
const PACK_ID = 'bench-big';

interface Sample {
  phase: string;
  value: number | null;
  max: number | null;
}

/**
 * Records every state of the progress area as the page renders it (a MutationObserver, so it
 * keeps recording while another tab is in front).
 */
function recordProgress(page: Page): Promise<void> {
  return page.evaluate(() => {
    const area = document.querySelector('[data-testid="import"] [data-testid="import-progress"]')!;
    const samples: Sample[] = [];
    (globalThis as unknown as { progressSamples: Sample[] }).progressSamples = samples;
    new MutationObserver(() => {
      const bar = area.querySelector('progress');
      samples.push({
        phase: area.querySelector('[data-testid="import-phase"]')?.textContent ?? '',
        value: bar?.hasAttribute('value') ? bar.value : null,
        max: bar?.hasAttribute('value') ? bar.max : null,
      });
    }).observe(area, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const samplesOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { progressSamples: Sample[] }).progressSamples);

describe('a big import shows its progress and can be cancelled', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let dir: string;
  const pack = makePack(ACCOUNTS, PACK_ID, 'Big campaign');
  const participants = pack.campaigns[0]!.participants.length;

  beforeAll(async () => {
    ensureBuilt();
    server = await startSiteServer({ routes: demoRoutes() });
    browser = await launchWithExtension({ port: server.port });
    dir = mkdtempSync(join(tmpdir(), 'picket-import-progress-'));
    options = await browser.openExtensionPage('options.html');
    await options.getByTestId('pack').first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const announcer = () => options.getByTestId('announcer').textContent();
  const packItem = () => options.getByTestId('pack').filter({ hasText: `(${PACK_ID})` });

  function packFile(version: number): string {
    const text = JSON.stringify({ ...pack, version });
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_IMPORT_BYTES);
    const path = join(dir, `${PACK_ID}-v${version}.json`);
    writeFileSync(path, text);
    return path;
  }

  it('the bar advances step by step while the popup, opened meanwhile, renders its campaign', async () => {
    const file = packFile(1);
    await recordProgress(options);
    const started = Date.now();
    await options.getByLabel('Choose a pack file (JSON)').setInputFiles(file);
    await expect
      .poll(() => options.getByRole('progressbar', { name: 'Import progress' }).count())
      .toBe(1);

    // Another tab, while the import runs: the popup asks the background and renders.
    const popup = await browser.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.locator('#campaign-heading').textContent(), { timeout: 10_000 })
      .toMatch(/\S/);
    const importStillRunning = await options.getByTestId('import-cancel').count();

    await expect.poll(announcer, { timeout: 60_000 }).toBe(`Imported pack ${PACK_ID}, version 1.`);
    const importMs = Date.now() - started;
    console.log(`import of ${ACCOUNTS} accounts through the options page: ${importMs} ms`);
    expect(importStillRunning).toBe(1);

    const samples = await samplesOf(options);
    const phases = [...new Set(samples.map((s) => s.phase.replace(/\d[\d,.]*/g, '#')))];
    expect(phases).toEqual(
      expect.arrayContaining([
        'Checking the pack…',
        'Preparing the accounts…',
        'Saving the pack…',
        'Writing participants: # of #',
      ]),
    );
    const written = samples.filter((s) => s.value !== null);
    const values = written.map((s) => s.value!);
    // At least one count on the way, then the total (a quiet machine writes in a few updates).
    expect(values.some((value) => value > 0 && value < participants)).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(written.every((s) => s.max === participants)).toBe(true);
    expect(values.at(-1)).toBe(participants);
    // Done: the bar is gone, the pack listed with every account.
    expect(await options.getByRole('progressbar').count()).toBe(0);
    await expect.poll(() => packItem().innerText()).toContain('version 1');
    expect(await packItem().innerText()).toContain(`accounts: ${ACCOUNTS.toLocaleString('en-US')}`);
    await popup.close();
  });

  it('Cancel stops the next version; the installed one stays, and so does the layout', async () => {
    const file = packFile(2);
    const below = options.getByRole('heading', { name: 'Subscriptions' });
    const topBefore = (await below.boundingBox())!.y;
    await options.getByLabel('Choose a pack file (JSON)').setInputFiles(file);
    const cancel = options.getByTestId('import-cancel');
    await expect.poll(() => cancel.count()).toBe(1);
    expect((await below.boundingBox())!.y).toBe(topBefore);
    await cancel.click();
    await expect
      .poll(announcer, { timeout: 60_000 })
      .toBe('Import cancelled. Nothing was changed.');
    expect(await options.getByRole('progressbar').count()).toBe(0);
    expect((await below.boundingBox())!.y).toBe(topBefore);

    // The installed pack is version 1, in the options page and as the background sees it.
    await options.reload();
    await expect.poll(() => packItem().innerText(), { timeout: 15_000 }).toContain('version 1');
    expect(await packItem().innerText()).toContain(`accounts: ${ACCOUNTS.toLocaleString('en-US')}`);
    const view = (await options.evaluate(() => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      return chrome.runtime.sendMessage({ type: 'getOptionsView' });
    })) as { view: { snapshot: { packs: { id: string; version: number }[] } } };
    expect(view.view.snapshot.packs.find((p) => p.id === PACK_ID)?.version).toBe(1);
    expect(browser.scriptErrors()).toEqual([]);
  });
});
