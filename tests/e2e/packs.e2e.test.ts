// Issue 3, "Done when", in real Chromium, driven through the options page like a user: import a
// pack (pasted JSON) and see its accounts badged, export it, turn it off and on (badges follow
// live), remove it; an invalid pack shows the validator's messages with JSON paths and changes
// nothing; a signed subscription from https://packs.picket.test/ is added and refreshed through
// good, badly signed, older, missing and truncated versions, keeping the last good one.
//
// The host permission prompt. The options page asks `permissions.request` for the publisher's
// origin. In headless Chromium that opens the browser's own permission dialog, which nothing
// can answer: the promise stays pending (verified below: the Subscribe button stays busy and
// nothing is fetched). CDP has no command to grant an extension permission, and
// `developerPrivate.addHostPermission` (chrome://extensions) only re-grants withheld required
// hosts — it was tried and `permissions.contains` stayed false for an optional host. So the
// subscription part runs on a copy of the default build whose manifest grants
// https://packs.picket.test/* up front, as if the user had accepted the prompt; then
// `permissions.request` resolves true at once and the whole UI path runs unchanged.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePublisherKeys, signPackBytes } from '../../core/pack/signature';
import { validatePackText } from '../../core/pack/validate';
import {
  demoRoutes,
  ensureBuilt,
  extensionDir as defaultExtensionDir,
  launchWithExtension,
  startSiteServer,
  type ExtensionBrowser,
  type HandlerResult,
  type SiteServer,
} from './harness';

const PUBLISHER_HOST = 'packs.picket.test';
const PACK_URL = `https://${PUBLISHER_HOST}/pack.json`;

/** A valid pack that badges accounts of the demo feed the bundled pack does not list. */
function samplePack(
  id: string,
  version: number,
  handles: string[],
  publisher = 'Space Watchers',
): Record<string, unknown> {
  return {
    format: 'picket-pack/1',
    id,
    version,
    updatedAt: '2026-11-30T09:00:00Z',
    publisher: { name: publisher, url: 'https://spacewatch.example.org/' },
    campaigns: [
      {
        id: 'look-up',
        name: 'Look Up Week',
        hashtag: '#LookUp',
        participants: handles.map((handle) => ({
          id: handle,
          name: `Account ${handle}`,
          kind: 'organization',
          role: 'participant',
          accounts: [{ platform: 'instagram', handle }],
          sources: ['S1'],
        })),
        sources: [{ id: 'S1', url: 'https://news.example.com/look-up' }],
      },
    ],
  };
}

let server: SiteServer;

const badgeCount = (page: Page, handle: string) =>
  page.locator(`picket-badge[data-handle="${handle}"]`).count();

/** Polls until `ready` holds (usable in hooks, where expect.poll is not). */
async function waitUntil(what: string, ready: () => Promise<boolean>, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The bundled pack's badges are there: the content script has done its first pass. */
function waitForFeedBadges(page: Page): Promise<void> {
  return waitUntil('the feed badges', async () => (await badgeCount(page, 'kimkardashian')) > 0);
}

/** The options page, once it lists the one pack a fresh profile has (the bundled one). */
async function openOptionsWithOnePack(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.openExtensionPage('options.html');
  await waitUntil('the pack list', async () => (await options.getByTestId('pack').count()) === 1);
  return options;
}

beforeAll(async () => {
  ensureBuilt();
  server = await startSiteServer({ routes: demoRoutes() });
});

afterAll(async () => {
  await server?.close();
});

describe('import, export, turn off and on, remove (default build)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let feed: Page;
  const imported = samplePack('space-watchers', 3, ['nasa', 'natgeo']);

  beforeAll(async () => {
    browser = await launchWithExtension({ port: server.port });
    feed = await browser.context.newPage();
    await feed.goto('https://www.instagram.com/');
    await waitForFeedBadges(feed);
    options = await openOptionsWithOnePack(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const packItem = (id: string) => options.getByTestId('pack').filter({ hasText: `(${id})` });

  it('before: the demo accounts of the new pack are not badged', async () => {
    expect(await badgeCount(feed, 'nasa')).toBe(0);
    expect(await badgeCount(feed, 'natgeo')).toBe(0);
  });

  it('pasting a valid pack and clicking Import lists it; its accounts get badges', async () => {
    await options.getByLabel("Or paste the pack's JSON").fill(JSON.stringify(imported, null, 2));
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByTestId('announcer').textContent(), { timeout: 10_000 })
      .toBe('Imported pack space-watchers, version 3.');
    await expect.poll(() => options.getByTestId('pack').count()).toBe(2);
    const item = packItem('space-watchers');
    expect(await item.innerText()).toContain('Space Watchers');
    expect(await item.innerText()).toContain('Imported · version 3');
    expect(await item.innerText()).toContain('participants: 2 · accounts: 2');
    // The open feed picks the new pack up without a reload.
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => badgeCount(feed, 'natgeo'), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('Export downloads the pack: it validates, same id and version', async () => {
    const download = options.waitForEvent('download');
    await packItem('space-watchers').getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('space-watchers-v3.json');
    const text = readFileSync(await file.path(), 'utf8');
    const result = validatePackText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.id).toBe('space-watchers');
    expect(result.pack.version).toBe(3);
    expect(result.pack.campaigns[0]!.participants.map((p) => p.accounts[0]!.handle)).toEqual([
      'nasa',
      'natgeo',
    ]);
  });

  it('turning the pack off removes its badges live; on brings them back; the other pack stays', async () => {
    const toggle = options.getByRole('switch', { name: 'Use the pack from Space Watchers' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBe(0);
    expect(await badgeCount(feed, 'natgeo')).toBe(0);
    expect(await badgeCount(feed, 'kimkardashian')).toBeGreaterThan(0);
    expect(await options.getByTestId('announcer').textContent()).toBe(
      'The pack from Space Watchers is off.',
    );

    await toggle.click();
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await badgeCount(feed, 'kimkardashian')).toBeGreaterThan(0);
  });

  it('an invalid pack shows the validator messages with JSON paths; nothing changes', async () => {
    const broken = samplePack('space-watchers', 4, ['nasa', 'not a handle!']);
    (broken.campaigns as { sources: { url: string }[] }[])[0]!.sources[0]!.url =
      'http://insecure.example.com/';
    await options.getByLabel("Or paste the pack's JSON").fill(JSON.stringify(broken));
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const issues = options.getByTestId('import-issues');
    await expect.poll(() => issues.count(), { timeout: 10_000 }).toBe(1);
    const paths = await issues.locator('code').allTextContents();
    expect(paths).toContain('/campaigns/0/participants/1/accounts/0/handle');
    expect(paths).toContain('/campaigns/0/sources/0/url');
    expect(await issues.innerText()).toContain('problems');
    expect(await options.getByTestId('announcer').textContent()).toMatch(
      /^The pack was not imported: \d+ problems found\.$/,
    );
    // The installed version is untouched: still version 3, both accounts still badged.
    expect(await options.getByTestId('pack').count()).toBe(2);
    expect(await packItem('space-watchers').innerText()).toContain('version 3');
    await feed.reload();
    await waitForFeedBadges(feed);
    await expect.poll(() => badgeCount(feed, 'natgeo'), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('Remove (confirmed) deletes the pack and its badges; the bundled pack has no Remove', async () => {
    await packItem('space-watchers').getByRole('button', { name: 'Remove' }).click();
    await packItem('space-watchers').getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => options.getByTestId('pack').count(), { timeout: 10_000 }).toBe(1);
    expect(await options.getByTestId('announcer').textContent()).toBe(
      'The pack from Space Watchers was removed.',
    );
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBe(0);
    expect(await badgeCount(feed, 'kimkardashian')).toBeGreaterThan(0);
    expect(await options.getByTestId('pack').getByRole('button', { name: 'Remove' }).count()).toBe(
      0,
    );
  });

  it('without the host permission: the prompt waits (nothing fetched) and subscribe says why', async () => {
    server.clearRequests();
    await options.getByLabel('Pack address (https)').fill(PACK_URL);
    await options.getByLabel("Publisher's public key").fill('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE');
    const submit = options.getByRole('button', { name: 'Subscribe' });
    await submit.click();
    // The browser's permission dialog is up; no one answers it in a headless run.
    await expect.poll(() => submit.isDisabled()).toBe(true);
    await new Promise((done) => setTimeout(done, 1_000));
    expect(server.requestsTo(PUBLISHER_HOST)).toEqual([]);
    // The background refuses on its own, with a message that says what is missing.
    const answer = await options.evaluate(
      (url) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage({
          type: 'subscribe',
          url,
          publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
        }),
      PACK_URL,
    );
    expect(answer).toEqual({
      ok: false,
      error: `Picket does not have permission to reach ${PUBLISHER_HOST}.`,
    });
    expect(server.requestsTo(PUBLISHER_HOST)).toEqual([]);
  });

  it('logs no script errors', () => {
    expect(browser.scriptErrors()).toEqual([]);
  });
});

describe('subscription: signed updates, and every failure keeps the last good version', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let feed: Page;
  let grantedDir: string;
  /** What the fake publisher serves right now. */
  let serving: { pack: HandlerResult; signature: HandlerResult };

  const keys = generatePublisherKeys();

  async function publish(pack: Record<string, unknown>, signWith?: JsonWebKey): Promise<void> {
    const body = Buffer.from(JSON.stringify(pack, null, 2));
    const signature = await signPackBytes(body, signWith ?? (await keys).privateJwk);
    serving = {
      pack: { headers: { 'content-type': 'application/json' }, body },
      signature: { headers: { 'content-type': 'text/plain' }, body: signature + '\n' },
    };
  }

  const subscription = () => options.getByTestId('subscription');
  const packItem = () => options.getByTestId('pack').filter({ hasText: '(publisher-pack)' });

  async function refreshNow(): Promise<string> {
    server.clearRequests();
    // Every step of this file announces something different from the step before.
    const before = await options.getByTestId('announcer').textContent();
    await subscription().getByRole('button', { name: 'Refresh now' }).click();
    await expect
      .poll(() => options.getByTestId('announcer').textContent(), { timeout: 10_000 })
      .not.toBe(before);
    return (await options.getByTestId('announcer').textContent()) ?? '';
  }

  beforeAll(async () => {
    grantedDir = join(tmpdir(), `picket-e2e-granted-${process.pid}`);
    rmSync(grantedDir, { recursive: true, force: true });
    mkdirSync(grantedDir, { recursive: true });
    cpSync(defaultExtensionDir(), grantedDir, { recursive: true });
    const manifestFile = join(grantedDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    manifest.host_permissions = [`https://${PUBLISHER_HOST}/*`];
    writeFileSync(manifestFile, JSON.stringify(manifest));

    await publish(samplePack('publisher-pack', 1, ['natgeo'], 'Signed Publisher'));
    server.addRoute({
      host: PUBLISHER_HOST,
      path: '/pack.json',
      handler: () => serving.pack,
    });
    server.addRoute({
      host: PUBLISHER_HOST,
      path: '/pack.json.sig',
      handler: () => serving.signature,
    });
    server.addRoute({
      host: PUBLISHER_HOST,
      path: '/set-cookie',
      handler: () => ({
        headers: {
          'content-type': 'text/plain',
          'set-cookie': 'publisher_session=tracking-me; Secure; SameSite=None; Path=/',
        },
        body: 'ok',
      }),
    });

    browser = await launchWithExtension({ port: server.port, extensionDir: grantedDir });
    // The publisher's site has a cookie in this browser: the refresh must not send it.
    const cookiePage = await browser.context.newPage();
    await cookiePage.goto(`https://${PUBLISHER_HOST}/set-cookie`);
    await cookiePage.close();
    expect((await browser.context.cookies(`https://${PUBLISHER_HOST}/`)).length).toBe(1);

    feed = await browser.context.newPage();
    await feed.goto('https://www.instagram.com/');
    await waitForFeedBadges(feed);
    options = await openOptionsWithOnePack(browser);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(grantedDir, { recursive: true, force: true });
  });

  it('Subscribe (URL + public key) installs the signed pack; its account is badged', async () => {
    await options.getByLabel('Pack address (https)').fill(PACK_URL);
    await options.getByLabel("Publisher's public key").fill((await keys).publicKeyBase64);
    await options.getByRole('button', { name: 'Subscribe' }).click();
    await expect
      .poll(() => options.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toBe('Subscribed: pack publisher-pack added.');
    await expect.poll(() => subscription().count()).toBe(1);
    expect(await subscription().innerText()).toContain(PACK_URL);
    expect(await subscription().innerText()).toContain('Active');
    expect(await packItem().innerText()).toContain('Subscribed · version 1');
    await expect.poll(() => badgeCount(feed, 'natgeo'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await badgeCount(feed, 'nasa')).toBe(0);
  });

  it('a newer version with a good signature: updated; the request has no cookie and no query', async () => {
    await publish(samplePack('publisher-pack', 2, ['natgeo', 'nasa'], 'Signed Publisher'));
    expect(await refreshNow()).toBe('Signed Publisher was updated to version 2.');
    expect(await packItem().innerText()).toContain('version 2');
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBeGreaterThan(0);
    const requests = server.requestsTo(PUBLISHER_HOST);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /pack.json',
      'GET /pack.json.sig',
    ]);
    for (const request of requests) {
      expect(request.headers.cookie).toBeUndefined();
      expect(request.path).not.toContain('?');
    }
    expect(await subscription().locator('.error-text').count()).toBe(0);
  });

  async function expectKeptVersion2(errorPattern: RegExp): Promise<void> {
    const error = subscription().locator('.error-text');
    await expect.poll(() => error.count()).toBe(1);
    const text = (await error.textContent()) ?? '';
    // "Last error (<date and time>): <message>"
    expect(text).toMatch(/^Last error \(.*\d{1,2}:\d{2}.*\): /);
    expect(text).toMatch(errorPattern);
    expect(await packItem().innerText()).toContain('version 2');
    await feed.reload();
    await waitForFeedBadges(feed);
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await badgeCount(feed, 'natgeo')).toBeGreaterThan(0);
  }

  it('a bad signature: rejected with the error and time shown; version 2 kept', async () => {
    const impostor = await generatePublisherKeys();
    // Version 3 would drop every account; signed with the wrong key it must not land.
    await publish(
      samplePack('publisher-pack', 3, ['picket_demo_user'], 'Signed Publisher'),
      impostor.privateJwk,
    );
    expect(await refreshNow()).toMatch(/signature does not match the publisher's key/);
    await expectKeptVersion2(
      /signature does not match the publisher's key: it was not installed\.$/,
    );
    expect(await badgeCount(feed, 'picket_demo_user')).toBe(0);
  });

  it('an older version (downgrade), well signed: ignored and said so; the real error before it stays', async () => {
    await publish(samplePack('publisher-pack', 1, ['natgeo'], 'Signed Publisher'));
    expect(await refreshNow()).toBe(
      'Signed Publisher served version 1, older than the installed version 2, which was kept.',
    );
    // Serving an old pack is no successful check: the bad signature's error is still shown.
    expect(await subscription().locator('.error-text').textContent()).toMatch(
      /signature does not match/,
    );
    expect(await packItem().innerText()).toContain('version 2');
    await feed.reload();
    await waitForFeedBadges(feed);
    await expect.poll(() => badgeCount(feed, 'nasa'), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('a 404: error shown, version 2 kept', async () => {
    serving = { pack: { status: 404, body: 'gone' }, signature: { status: 404, body: 'gone' } };
    expect(await refreshNow()).toMatch(/was not found \(404\)/);
    await expectKeptVersion2(
      /The pack was not found \(404\) at https:\/\/packs\.picket\.test\/pack\.json\.$/,
    );
  });

  it('a truncated body (connection closed mid-download): error shown, version 2 kept', async () => {
    await publish(samplePack('publisher-pack', 4, ['picket_demo_user'], 'Signed Publisher'));
    const full = serving.pack.body as Buffer;
    serving.pack = {
      headers: {
        'content-type': 'application/json',
        'content-length': String(full.length),
        connection: 'close',
      },
      body: full.subarray(0, Math.floor(full.length / 2)),
    };
    expect(await refreshNow()).toMatch(/cut short|interrupted/);
    await expectKeptVersion2(/The pack download was (cut short|interrupted)/);
    expect(await badgeCount(feed, 'picket_demo_user')).toBe(0);
  });

  it('logs no script errors', () => {
    expect(browser.scriptErrors()).toEqual([]);
  });
});
