// When the publisher is the adversary, in real Chromium through the options page: a second
// publisher serving the same pack id is refused with both publishers shown until the user
// confirms; the built-in pack's id cannot be taken at all; a redirect (to http:, to another host)
// is refused without being followed; a server that never sends its headers and one that drips a
// byte every 5 s are cut off at their deadlines with the error shown and the pack kept; a
// replayed older version clears no error; and refreshes run side by side, so a hanging publisher
// holds up no other.
//
// The build is a private one with short download deadlines (2 s for the headers, 7 s in all,
// PICKET_TEST_FETCH_DEADLINES; the product's are 15 s and 60 s), and its manifest grants the
// three publishers' hosts up front, as if the user had accepted each permission prompt (see
// packs.e2e.test.ts for why a headless browser cannot answer that prompt).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePublisherKeys, signPackBytes } from '../../core/pack/signature';
import { DEFAULT_PACK } from '../../scripts/bundled-pack-plugin';
import { buildWithPack } from '../data/security/build';
import {
  demoRoutes,
  launchWithExtension,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from './harness';

const HEADERS_DEADLINE_S = 2;
const BODY_DEADLINE_S = 7;
const BUNDLED_ID = 'stophateforprofit-2020';

type Keys = Awaited<ReturnType<typeof generatePublisherKeys>>;

function packOf(id: string, version: number, publisher: string): Record<string, unknown> {
  return {
    format: 'picket-pack/1',
    id,
    version,
    updatedAt: '2026-11-30T09:00:00Z',
    publisher: { name: publisher },
    campaigns: [
      {
        id: 'c1',
        name: `${publisher}'s campaign`,
        participants: [
          {
            id: 'p1',
            name: 'Someone',
            kind: 'person',
            role: 'participant',
            accounts: [{ platform: 'instagram', handle: 'nasa' }],
            sources: ['S1'],
          },
        ],
        sources: [{ id: 'S1', url: 'https://news.example.com/a' }],
      },
    ],
  };
}

type Behaviour =
  | { kind: 'serve' }
  | { kind: 'redirect'; location: string }
  | { kind: 'never-answer' }
  | { kind: 'drip'; everyMs: number };

/** One fake publisher: a signed pack at `https://<host>/<name>.json`, and how it behaves. */
class Publisher {
  behaviour: Behaviour = { kind: 'serve' };
  private body = Buffer.alloc(0);
  private signature = '';
  constructor(
    readonly host: string,
    readonly path: string,
    readonly keys: Keys,
  ) {}

  get url(): string {
    return `https://${this.host}${this.path}`;
  }

  async publish(pack: Record<string, unknown>): Promise<void> {
    this.body = Buffer.from(JSON.stringify(pack, null, 2));
    this.signature = await signPackBytes(this.body, this.keys.privateJwk);
    this.behaviour = { kind: 'serve' };
  }

  /** The raw route: answers, redirects, or holds the connection as `behaviour` says. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    const isSignature = (request.url ?? '').endsWith('.sig');
    const behaviour = this.behaviour;
    if (isSignature) {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(this.signature + '\n');
      return;
    }
    switch (behaviour.kind) {
      case 'serve':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(this.body);
        return;
      case 'redirect':
        response.writeHead(302, { location: behaviour.location });
        response.end();
        return;
      case 'never-answer':
        return; // no status line, no headers: the connection just stays open
      case 'drip': {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{');
        const timer = setInterval(() => response.write(' '), behaviour.everyMs);
        response.on('close', () => clearInterval(timer));
        return;
      }
    }
  }
}

let server: SiteServer;
let browser: ExtensionBrowser;
let options: Page;
let publisherA: Publisher;
let impostor: Publisher;
let fast: Publisher;

const announcer = () => options.getByTestId('announcer');
const subscriptionOf = (url: string) =>
  options.getByTestId('subscription').filter({ hasText: url });
const packItem = (id: string) => options.getByTestId('pack').filter({ hasText: `(${id})` });

/** Everything the live region has said so far (recorded in the page, in order). */
function said(): Promise<string[]> {
  return options.evaluate(() => (globalThis as unknown as { said?: string[] }).said ?? []);
}

/** Records every text the live region shows, so equal consecutive messages count twice. */
async function recordAnnouncements(): Promise<void> {
  await options.evaluate(() => {
    const g = globalThis as unknown as { said?: string[] };
    g.said = [];
    const region = document.querySelector('[data-testid="announcer"]')!;
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text) g.said!.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** Runs `action` and waits for the live region's next message; returns it. */
async function announced(action: () => Promise<void>, timeout = 15_000): Promise<string> {
  const before = (await said()).length;
  await action();
  await expect.poll(async () => (await said()).length, { timeout }).toBeGreaterThan(before);
  return (await said())[before]!;
}

async function subscribe(url: string, publicKey: string): Promise<string> {
  await options.getByLabel('Pack address (https)').fill(url);
  await options.getByLabel("Publisher's public key").fill(publicKey);
  return announced(() => options.getByRole('button', { name: 'Subscribe' }).click());
}

async function refresh(url: string, timeout?: number): Promise<string> {
  return announced(
    () => subscriptionOf(url).getByRole('button', { name: 'Refresh now' }).click(),
    timeout,
  );
}

async function paste(pack: Record<string, unknown>): Promise<string> {
  await options.getByLabel("Or paste the pack's JSON").fill(JSON.stringify(pack));
  return announced(() => options.getByRole('button', { name: 'Import', exact: true }).click());
}

interface RegistryView {
  packs: {
    id: string;
    version: number;
    publisherName: string;
    subscription?: { url: string; lastError?: { at: string; message: string } };
  }[];
}

async function registry(): Promise<RegistryView> {
  return options.evaluate(async () => {
    const g = globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    };
    return ((await g.chrome.storage.local.get('packRegistry')).packRegistry ?? {
      packs: [],
    }) as RegistryView;
  });
}

beforeAll(async () => {
  const bundled = JSON.parse(readFileSync(DEFAULT_PACK, 'utf8')) as unknown;
  const dir = buildWithPack('publisher', bundled, 'chrome', {
    PICKET_TEST_FETCH_DEADLINES: `${HEADERS_DEADLINE_S * 1000},${BODY_DEADLINE_S * 1000}`,
  });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['a', 'b', 'fast'].map((name) => `https://${name}.picket.test/*`);
  writeFileSync(manifestFile, JSON.stringify(manifest));

  publisherA = new Publisher('a.picket.test', '/shared.json', await generatePublisherKeys());
  impostor = new Publisher('b.picket.test', '/shared.json', await generatePublisherKeys());
  fast = new Publisher('fast.picket.test', '/fast.json', await generatePublisherKeys());
  await publisherA.publish(packOf('shared-pack', 1, 'Publisher A'));
  await impostor.publish(packOf('shared-pack', 9, 'Publisher B'));
  await fast.publish(packOf('fast-pack', 1, 'Fast Publisher'));

  server = await startSiteServer({ routes: demoRoutes() });
  for (const publisher of [publisherA, impostor, fast]) {
    server.addRoute({
      host: publisher.host,
      path: `${publisher.path}*`,
      raw: (request, response) => publisher.handle(request, response),
    });
  }
  browser = await launchWithExtension({ port: server.port, extensionDir: dir });
  options = await browser.openExtensionPage('options.html');
  await options.getByTestId('pack').first().waitFor({ timeout: 15_000 });
  await recordAnnouncements();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a pack id belongs to where it came from', () => {
  it('subscribing to publisher A installs its pack', async () => {
    expect(await subscribe(publisherA.url, publisherA.keys.publicKeyBase64)).toBe(
      'Subscribed: pack shared-pack added.',
    );
    await expect.poll(() => packItem('shared-pack').count()).toBe(1);
  });

  it('another address and key serving the same id at a higher version is refused, both publishers shown', async () => {
    const said = await subscribe(impostor.url, impostor.keys.publicKeyBase64);
    expect(said).toBe(
      'Not installed: another source already uses the pack id “shared-pack”. Both are shown below.',
    );
    const box = options.getByTestId('conflict');
    expect(await box.getByTestId('conflict-installed').textContent()).toBe(
      `Installed: Publisher A, subscribed from ${publisherA.url}`,
    );
    expect(await box.getByTestId('conflict-incoming').textContent()).toBe(
      `This pack: Publisher B, subscribed from ${impostor.url}`,
    );
    const record = (await registry()).packs.find((p) => p.id === 'shared-pack');
    expect(record).toMatchObject({
      version: 1,
      publisherName: 'Publisher A',
      subscription: { url: publisherA.url },
    });
    await box.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => options.getByTestId('conflict').count()).toBe(0);
  });

  it('a pasted file with that id is refused the same way', async () => {
    await options
      .getByLabel("Or paste the pack's JSON")
      .fill(JSON.stringify(packOf('shared-pack', 50, 'A file')));
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByTestId('conflict-incoming').textContent(), { timeout: 15_000 })
      .toBe('This pack: A file, imported from a file');
    // The same words as for the subscription above.
    expect(await announcer().textContent()).toBe(
      'Not installed: another source already uses the pack id “shared-pack”. Both are shown below.',
    );
    await options.getByTestId('conflict').getByRole('button', { name: 'Cancel' }).click();
    expect((await registry()).packs.find((p) => p.id === 'shared-pack')?.version).toBe(1);
  });

  it("the built-in pack's id cannot be taken, even at version 4,294,967,295", async () => {
    const said = await paste(packOf(BUNDLED_ID, 4_294_967_295, 'Takeover'));
    expect(said).toMatch(/^“stophateforprofit-2020” is the id of the pack built into Picket /);
    const box = options.getByTestId('conflict');
    expect(await box.getByRole('button', { name: 'Replace the installed pack' }).count()).toBe(0);
    await box.getByRole('button', { name: 'OK' }).click();
    expect((await registry()).packs.map((p) => p.id)).toEqual(['shared-pack']);
    expect(await packItem(BUNDLED_ID).innerText()).toContain('Built in');
  });
});

describe('downloads: no redirects, deadlines, no replay counted as fresh', () => {
  it('a 302 to http: is refused, not followed; the pack stays', async () => {
    publisherA.behaviour = { kind: 'redirect', location: 'http://a.picket.test/shared.json' };
    server.clearRequests();
    expect(await refresh(publisherA.url)).toMatch(
      /answers with a redirect to another address, and Picket follows no redirects/,
    );
    expect(server.requests.map((r) => `${r.host}${r.path}`)).toEqual(['a.picket.test/shared.json']);
    expect(await subscriptionOf(publisherA.url).locator('.error-text').textContent()).toMatch(
      /follows no redirects/,
    );
    expect((await registry()).packs.find((p) => p.id === 'shared-pack')?.version).toBe(1);
  });

  it('a 302 to a host never granted: subscribing fails and that host is never asked', async () => {
    const moved = new Publisher('a.picket.test', '/moved.json', publisherA.keys);
    moved.behaviour = { kind: 'redirect', location: 'https://elsewhere.picket.test/shared.json' };
    server.addRoute({
      host: 'a.picket.test',
      path: '/moved.json*',
      raw: (request, response) => moved.handle(request, response),
    });
    server.clearRequests();
    await options.getByLabel('Pack address (https)').fill(moved.url);
    await options.getByLabel("Publisher's public key").fill(publisherA.keys.publicKeyBase64);
    const submit = options.getByRole('button', { name: 'Subscribe' });
    await submit.click();
    await expect.poll(() => server.requestsTo('a.picket.test').length).toBe(1);
    await expect.poll(() => submit.isEnabled()).toBe(true);
    // Worded as the refresh's refusal above.
    expect(await announcer().textContent()).toMatch(
      /^That didn't work: The pack address answers with a redirect/,
    );
    expect(server.requests.map((r) => `${r.host}${r.path}`)).toEqual(['a.picket.test/moved.json']);
    // elsewhere.picket.test is served by the same test server (so a followed redirect would show
    // up there) but not granted. DevTools lists the target of a manual redirect as a request,
    // so the server's log is the proof that none was made.
    expect(server.requestsTo('elsewhere.picket.test')).toEqual([]);
    expect((await registry()).packs.map((p) => p.id)).toEqual(['shared-pack']);
  });

  it('a server that never sends its headers is cut off at the deadline, with the error shown', async () => {
    publisherA.behaviour = { kind: 'never-answer' };
    const started = Date.now();
    expect(await refresh(publisherA.url)).toBe(
      `That didn't work: The publisher's server did not answer within ${HEADERS_DEADLINE_S} seconds.`,
    );
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(HEADERS_DEADLINE_S * 1000 - 200);
    expect(took).toBeLessThan(HEADERS_DEADLINE_S * 1000 + 4_000);
    expect(await subscriptionOf(publisherA.url).locator('.error-text').textContent()).toMatch(
      /^Last error \(.+\): The publisher's server did not answer within 2 seconds\.$/,
    );
    expect((await registry()).packs.find((p) => p.id === 'shared-pack')?.version).toBe(1);
  });

  it('a body that drips one byte every 5 s is cut off at the whole-download deadline', async () => {
    publisherA.behaviour = { kind: 'drip', everyMs: 5_000 };
    const started = Date.now();
    expect(await refresh(publisherA.url, 20_000)).toBe(
      `That didn't work: The pack download did not finish within ${BODY_DEADLINE_S} seconds.`,
    );
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(BODY_DEADLINE_S * 1000 - 200);
    expect(took).toBeLessThan(BODY_DEADLINE_S * 1000 + 4_000);
    expect((await registry()).packs.find((p) => p.id === 'shared-pack')?.version).toBe(1);
  }, 30_000);

  it('a replayed older version is kept out, says so, and does not clear the error', async () => {
    await publisherA.publish(packOf('shared-pack', 2, 'Publisher A'));
    expect(await refresh(publisherA.url)).toBe('Publisher A was updated to version 2.');
    await expect.poll(() => subscriptionOf(publisherA.url).locator('.error-text').count()).toBe(0);
    publisherA.behaviour = { kind: 'never-answer' };
    expect(await refresh(publisherA.url)).toMatch(/did not answer within/);
    await publisherA.publish(packOf('shared-pack', 1, 'Publisher A'));
    expect(await refresh(publisherA.url)).toBe(
      'Publisher A served version 1, older than the installed version 2, which was kept.',
    );
    await expect
      .poll(() => subscriptionOf(publisherA.url).locator('.error-text').textContent())
      .toMatch(/did not answer within 2 seconds/);
    expect((await registry()).packs.find((p) => p.id === 'shared-pack')?.version).toBe(2);
  }, 30_000);

  it('refreshes run side by side: a hanging publisher holds up no other, each records its error', async () => {
    expect(await subscribe(fast.url, fast.keys.publicKeyBase64)).toBe(
      'Subscribed: pack fast-pack added.',
    );
    // Publisher A comes first in the registry: one after another, it would hold fast-pack up.
    expect((await registry()).packs.map((p) => p.id)).toEqual(['shared-pack', 'fast-pack']);
    publisherA.behaviour = { kind: 'never-answer' };
    await fast.publish(packOf('fast-pack', 2, 'Fast Publisher'));
    server.clearRequests();
    const errorBefore = (await registry()).packs.find((p) => p.id === 'shared-pack')?.subscription
      ?.lastError?.at;

    // The daily refresh alarm, due now.
    const worker = await browser.getServiceWorker();
    const started = Date.now();
    await worker.evaluate(() => {
      const g = globalThis as unknown as {
        chrome: { alarms: { create(name: string, info: object): Promise<void> } };
      };
      return g.chrome.alarms.create('picket:refresh', {
        when: Date.now() + 300,
        periodInMinutes: 1440,
      });
    });
    let fastUpdatedAfter = 0;
    let errorAfter = 0;
    await expect
      .poll(
        async () => {
          const { packs } = await registry();
          const elapsed = Date.now() - started;
          if (!fastUpdatedAfter && packs.find((p) => p.id === 'fast-pack')?.version === 2) {
            fastUpdatedAfter = elapsed;
          }
          const error = packs.find((p) => p.id === 'shared-pack')?.subscription?.lastError;
          if (!errorAfter && error && error.at !== errorBefore) errorAfter = elapsed;
          return Boolean(fastUpdatedAfter && errorAfter);
        },
        { timeout: 15_000, interval: 50 },
      )
      .toBe(true);
    // fast-pack was in before the hanging request's deadline ran out, which was recorded.
    expect(fastUpdatedAfter).toBeLessThan(errorAfter);
    expect(
      (await registry()).packs.find((p) => p.id === 'shared-pack')?.subscription?.lastError
        ?.message,
    ).toBe("The publisher's server did not answer within 2 seconds.");
    const first = (host: string) => server.requestsTo(host)[0]?.time ?? Infinity;
    expect(Math.abs(first('fast.picket.test') - first('a.picket.test'))).toBeLessThan(1_000);
  });
});

describe('replacing, when the user chooses it', () => {
  it('after seeing both publishers, "Replace the installed pack" hands the id to the other one', async () => {
    await impostor.publish(packOf('shared-pack', 9, 'Publisher B'));
    await subscribe(impostor.url, impostor.keys.publicKeyBase64);
    const box = options.getByTestId('conflict');
    expect(await box.getByTestId('conflict-installed').textContent()).toBe(
      `Installed: Publisher A, subscribed from ${publisherA.url}`,
    );
    expect(
      await announced(() =>
        box.getByRole('button', { name: 'Replace the installed pack' }).click(),
      ),
    ).toBe('Subscribed: pack shared-pack added.');
    await expect.poll(() => subscriptionOf(impostor.url).count()).toBe(1);
    expect(await subscriptionOf(publisherA.url).count()).toBe(0);
    expect((await registry()).packs.find((p) => p.id === 'shared-pack')).toMatchObject({
      version: 9,
      publisherName: 'Publisher B',
      subscription: { url: impostor.url },
    });
  });

  it('logs no script errors', () => {
    expect(browser.scriptErrors()).toEqual([]);
  });
});
