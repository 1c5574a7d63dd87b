// The harness's own checks: if these fail, every other browser test is suspect. They cover the
// pieces tests lean on without looking: host routing and the request log, script stripping of
// saved pages, response headers, the offline guarantee, stopping the service worker, and a
// browser restart on the same profile.
import { existsSync } from 'node:fs';
import { request } from 'node:https';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRoutes,
  fixturesDir,
  launchWithExtension,
  startSiteServer,
  STRICT_CSP,
  stripScripts,
  type ExtensionBrowser,
  type SiteServer,
} from './index';

const SAVED_PAGE = 'instagram-home_feed-2024-1.html';

/** A request straight to the server (no browser), with the given Host header. */
function fetchFromServer(
  port: number,
  host: string,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host }, rejectUnauthorized: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('startSiteServer', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer({
      routes: [
        ...demoRoutes(),
        {
          host: 'packs.picket.test',
          path: '/pack.json',
          handler: ({ headers }) => ({
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ seenUserAgent: Boolean(headers['user-agent']) }),
          }),
        },
        { host: '*.picket.test', path: '/strict', html: '<p>strict</p>', headers: {} },
      ],
      htmlHeaders: { 'x-picket-test': 'yes' },
    });
    server.addRoute({
      host: 'www.picket.test',
      path: '/strict',
      html: '<p>overridden</p>',
      headers: { 'content-security-policy': STRICT_CSP },
    });
  });
  afterAll(() => server.close());

  it('routes by Host header, adds headers and records every request', async () => {
    const feed = await fetchFromServer(server.port, 'www.instagram.com', '/');
    expect(feed.status).toBe(200);
    expect(feed.body).toContain('aria-label="Story by leonardodicaprio, not seen"');
    expect(String(feed.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(feed.headers['x-picket-test']).toBe('yes');

    const facebook = await fetchFromServer(server.port, 'www.facebook.com', '/');
    expect(facebook.body).toContain('role="feed"');

    const pack = await fetchFromServer(server.port, 'packs.picket.test', '/pack.json?v=2');
    expect(JSON.parse(pack.body)).toEqual({ seenUserAgent: false });

    const later = await fetchFromServer(server.port, 'www.picket.test', '/strict');
    expect(later.body).toBe('<p>overridden</p>');
    expect(later.headers['content-security-policy']).toBe(STRICT_CSP);

    expect((await fetchFromServer(server.port, 'www.instagram.com', '/nope/')).status).toBe(404);
    expect(
      (await fetchFromServer(server.port, 'www.instagram.com', '/_demo/..%2f..%2fpackage.json'))
        .status,
    ).toBe(404);

    expect(server.requestsTo('packs.picket.test').map((r) => r.path)).toEqual(['/pack.json?v=2']);
    expect(server.requests.map((r) => r.host)).toContain('www.facebook.com');
    server.clearRequests();
    expect(server.requests).toEqual([]);
  });

  it('serves saved pages without scripts', async (context) => {
    if (!existsSync(resolve(fixturesDir, SAVED_PAGE))) {
      context.skip(`../shared/fixtures/${SAVED_PAGE} is absent`);
    }
    server.addRoute({ host: 'www.instagram.com', path: '/saved/', fixture: SAVED_PAGE });
    const page = await fetchFromServer(server.port, 'www.instagram.com', '/saved/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('kenyan_memess');
    expect(page.body).not.toMatch(/<script\b/i);
  });

  it('strips inline, external and unterminated scripts', () => {
    const html =
      '<p>a</p><script>alert(1)</script><SCRIPT src="x.js"></SCRIPT><p>b</p><script src=y.js>';
    expect(stripScripts(html)).toBe('<p>a</p><p>b</p>');
  });
});

describe('launchWithExtension', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startSiteServer({ routes: demoRoutes() });
  });
  afterAll(async () => {
    await browser?.close();
    await server.close();
  });

  it('maps the sites onto the server and nothing else resolves', async () => {
    browser = await launchWithExtension({ port: server.port });
    const page = await browser.context.newPage();
    const response = await page.goto('https://www.instagram.com/leonardodicaprio/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('main header h2').textContent()).toBe('leonardodicaprio');
    await expect(page.goto('https://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  });

  it('stops the service worker; the next event starts a fresh one', async () => {
    const worker = await browser!.getServiceWorker();
    await worker.evaluate(() => {
      (globalThis as { picketHarnessMark?: number }).picketHarnessMark = 1;
    });
    await browser!.killServiceWorker();
    const woken = await browser!.getServiceWorker();
    const mark = await woken.evaluate(
      () => (globalThis as { picketHarnessMark?: number }).picketHarnessMark ?? null,
    );
    expect(mark).toBeNull();
  });

  it('restarts on the same profile with the same extension id and storage', async () => {
    const first = browser!;
    const worker = await first.getServiceWorker();
    await worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ picketHarnessRestart: 'kept' }),
    );
    const { userDataDir, extensionId } = first;
    await first.context.close();
    browser = await launchWithExtension({ port: server.port, userDataDir });
    expect(browser.extensionId).toBe(extensionId);
    const kept = await browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get('picketHarnessRestart'),
    );
    expect(kept).toEqual({ picketHarnessRestart: 'kept' });
    // The first launch made the profile; it is removed by the first handle's close().
    await browser.close();
    browser = undefined;
    await first.close();
    expect(existsSync(userDataDir)).toBe(false);
  });
});
