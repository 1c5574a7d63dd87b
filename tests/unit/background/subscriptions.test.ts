import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  onRefreshAlarm,
  refreshAllSubscriptions,
  refreshSubscription,
  REFRESH_ALARM,
  subscribe,
} from '../../../background/subscriptions';
import { configureSubscriptions, DEFAULT_DEADLINES } from '../../../background/subscription-fetch';
import { generatePublisherKeys, signPackBytes } from '../../../core/pack/signature';
import { closeStore } from '../../../storage/store-open';
import { readPackText, readRegistry } from '../../../storage/userdata';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);

const URL_ = 'https://packs.example.org/test-pack.json';
type Keys = Awaited<ReturnType<typeof generatePublisherKeys>>;
let keys: Keys;
let otherKeys: Keys;

/** What the fake server answers, per URL; each call is recorded. */
let routes: Map<string, () => Response>;
let calls: { url: string; init: RequestInit }[];

beforeEach(async () => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  freshStore();
  keys ??= await generatePublisherKeys();
  otherKeys ??= await generatePublisherKeys();
  routes = new Map();
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const route = routes.get(url);
      return route ? route() : new Response('not found', { status: 404 });
    }),
  );
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});
afterEach(() => {
  configureSubscriptions(null);
  closeStore();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function serve(
  version: number,
  options: { signWith?: Keys; etag?: string; body?: string } = {},
): Promise<string> {
  const text = options.body ?? JSON.stringify(makePack({ version }));
  const bytes = new TextEncoder().encode(text);
  const signature = await signPackBytes(bytes, (options.signWith ?? keys).privateJwk);
  routes.set(
    URL_,
    () =>
      new Response(text, {
        status: 200,
        headers: {
          'content-type': 'application/json',
          ...(options.etag && { etag: options.etag }),
        },
      }),
  );
  routes.set(`${URL_}.sig`, () => new Response(signature + '\n', { status: 200 }));
  return text;
}

async function subscribed(version = 1): Promise<string> {
  const text = await serve(version, { etag: '"v1"' });
  await subscribe(URL_, keys.publicKeyBase64);
  calls = [];
  return text;
}

async function subscription() {
  return (await readRegistry()).packs.find((p) => p.id === 'test-pack');
}

describe('subscribe', () => {
  it('downloads, verifies and installs a signed pack, leaking nothing in the request', async () => {
    const text = await serve(1, { etag: '"abc"' });
    await expect(subscribe(URL_, keys.publicKeyBase64)).resolves.toEqual({ packId: 'test-pack' });
    expect(await readPackText('test-pack')).toBe(text);
    const record = await subscription();
    expect(record).toMatchObject({
      origin: 'subscribed',
      version: 1,
      subscription: { url: URL_, publicKey: keys.publicKeyBase64, etag: '"abc"' },
    });
    expect(calls.map((c) => c.url)).toEqual([URL_, `${URL_}.sig`]);
    for (const { init } of calls) {
      expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
      expect(init.headers).toEqual({});
    }
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 1440 });
  });

  it('refuses non-https addresses, query strings, bad keys and a missing host permission', async () => {
    await serve(1);
    await expect(
      subscribe('http://packs.example.org/p.json', keys.publicKeyBase64),
    ).rejects.toThrow(/Only https/);
    await expect(subscribe(`${URL_}?user=me`, keys.publicKeyBase64)).rejects.toThrow(/"\?"/);
    await expect(subscribe(URL_, 'not a key!')).rejects.toThrow(/key is not valid/);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await expect(subscribe(URL_, keys.publicKeyBase64)).rejects.toThrow(
      /permission to reach packs\.example\.org/,
    );
    expect(calls).toEqual([]);
    expect((await readRegistry()).packs).toEqual([]);
  });

  it('refuses a pack signed by another key', async () => {
    await serve(1, { signWith: otherKeys });
    await expect(subscribe(URL_, keys.publicKeyBase64)).rejects.toThrow(/signature does not match/);
    expect((await readRegistry()).packs).toEqual([]);
  });
});

describe('refreshSubscription', () => {
  it('installs a newer version', async () => {
    await subscribed(1);
    const v2 = await serve(2, { etag: '"v2"' });
    await expect(refreshSubscription('test-pack')).resolves.toEqual({ updated: true, version: 2 });
    expect(await readPackText('test-pack')).toBe(v2);
    expect((await subscription())?.subscription).toMatchObject({ etag: '"v2"' });
    expect((await subscription())?.subscription?.lastError).toBeUndefined();
    expect(calls[0]!.init.headers).toEqual({ 'If-None-Match': '"v1"' });
  });

  it('treats 304 Not Modified as up to date', async () => {
    const v1 = await subscribed(1);
    routes.set(URL_, () => new Response(null, { status: 304 }));
    await expect(refreshSubscription('test-pack')).resolves.toEqual({ updated: false, version: 1 });
    expect(await readPackText('test-pack')).toBe(v1);
    expect(calls.map((c) => c.url)).toEqual([URL_]);
    const record = (await subscription())!.subscription!;
    expect(record.lastCheckedAt).toBeDefined();
    expect(record.lastError).toBeUndefined();
  });

  it('the same version is a successful check; an older one is kept out but is no success', async () => {
    await subscribed(3);
    await serve(3);
    await expect(refreshSubscription('test-pack')).resolves.toEqual({
      updated: false,
      version: 3,
    });
    const afterSame = (await subscription())!.subscription!;
    expect(afterSame.lastError).toBeUndefined();
    expect(afterSame.lastSuccessAt).toBe(afterSame.lastCheckedAt);

    // A real error, then a replay of an older signed pack: the error stays, no success recorded.
    routes.delete(URL_);
    await expect(refreshSubscription('test-pack')).rejects.toThrow(/404/);
    await serve(2);
    await expect(refreshSubscription('test-pack')).resolves.toEqual({
      updated: false,
      version: 3,
      olderVersion: 2,
    });
    const afterOlder = await subscription();
    expect(afterOlder).toMatchObject({ version: 3 });
    expect(afterOlder?.subscription?.lastError?.message).toMatch(/404/);
    expect(afterOlder?.subscription?.lastSuccessAt).toBe(afterSame.lastSuccessAt);
  });

  const failures: [string, () => Promise<void> | void, RegExp][] = [
    ['a 404', () => void routes.delete(URL_), /not found \(404\)/],
    [
      'a bad signature',
      async () => void (await serve(2, { signWith: otherKeys })),
      /signature does not match/,
    ],
    [
      'a truncated body',
      () =>
        void routes.set(
          URL_,
          () => new Response('{"format":"picket-pa', { headers: { 'content-length': '5000' } }),
        ),
      /cut short/,
    ],
    [
      'an HTML error page',
      () =>
        void routes.set(
          URL_,
          () =>
            new Response('<!doctype html><title>Oops</title>', {
              headers: { 'content-type': 'text/html' },
            }),
        ),
      /web page/,
    ],
    ['an empty body', () => void routes.set(URL_, () => new Response('')), /empty/],
    [
      'a body over 10 MB',
      () =>
        void routes.set(URL_, () => {
          let sent = 0;
          const stream = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (sent++ >= 11) controller.close();
              else controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
            },
          });
          return new Response(stream);
        }),
      /larger than 10 MB/,
    ],
    [
      'an announced size over 10 MB',
      () =>
        void routes.set(
          URL_,
          () => new Response('{}', { headers: { 'content-length': String(11 * 1024 * 1024) } }),
        ),
      /larger than 10 MB/,
    ],
    [
      'a signed but invalid pack',
      async () => void (await serve(2, { body: '{"format":"picket-pack/1"}' })),
      /not valid/,
    ],
    [
      'another pack at the address',
      async () =>
        void (await serve(2, { body: JSON.stringify(makePack({ id: 'other-pack', version: 2 })) })),
      /another pack/,
    ],
  ];
  for (const [name, arrange, message] of failures) {
    it(`keeps the installed version and records lastError on ${name}`, async () => {
      const v1 = await subscribed(1);
      await arrange();
      await expect(refreshSubscription('test-pack')).rejects.toThrow(message);
      expect(await readPackText('test-pack')).toBe(v1);
      const record = await subscription();
      expect(record?.version).toBe(1);
      expect(record?.subscription?.lastError?.message).toMatch(message);
    });
  }

  it('the daily alarm refreshes every subscription and records failures without throwing', async () => {
    await subscribed(1);
    await serve(2);
    await onRefreshAlarm({ name: REFRESH_ALARM });
    expect((await subscription())?.version).toBe(2);
    routes.delete(URL_);
    await expect(onRefreshAlarm({ name: REFRESH_ALARM })).resolves.toBeUndefined();
    expect((await subscription())?.subscription?.lastError?.message).toMatch(/404/);
    expect(onRefreshAlarm({ name: 'picket:reminder' })).toBeUndefined();
  });

  it('fails clearly for a pack that is not a subscription', async () => {
    await expect(refreshSubscription('bundled-pack')).rejects.toThrow(/not a subscription/);
  });
});

/** A fetch answer that never comes: it only ends (rejecting) when the request is aborted. */
function hangUntilAborted(init: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

/** A body that sends one byte every `everyMs`, forever (the fetch abort is its only end). */
function dripBody(everyMs: number, signal?: AbortSignal | null): ReadableStream<Uint8Array> {
  let timer: ReturnType<typeof setInterval> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{'));
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), everyMs);
      signal?.addEventListener('abort', () => {
        clearInterval(timer);
        controller.error(new DOMException('aborted', 'AbortError'));
      });
    },
    cancel() {
      clearInterval(timer);
    },
  });
}

describe('redirects and deadlines', () => {
  it('follows no redirect: a 302 to http:, to another host or even the same origin is refused', async () => {
    for (const location of [
      'http://packs.example.org/test-pack.json',
      'https://elsewhere.example.net/test-pack.json',
      'https://packs.example.org/moved.json',
    ]) {
      routes.set(URL_, () => new Response(null, { status: 302, headers: { location } }));
      await expect(subscribe(URL_, keys.publicKeyBase64)).rejects.toThrow(
        /answers with a redirect to another address, and Picket follows no redirects/,
      );
    }
    // What the browser gives for `redirect: 'manual'`: an opaque response with status 0.
    routes.set(URL_, () => ({ type: 'opaqueredirect', status: 0, ok: false }) as Response);
    await expect(subscribe(URL_, keys.publicKeyBase64)).rejects.toThrow(/follows no redirects/);
    expect(calls.every((c) => c.init.redirect === 'manual')).toBe(true);
    expect(calls.map((c) => c.url).every((url) => url === URL_)).toBe(true);
    expect((await readRegistry()).packs).toEqual([]);
  });

  it('the product deadlines are 15 s for the headers and 60 s in all', () => {
    expect(DEFAULT_DEADLINES).toEqual({ headersMs: 15_000, bodyMs: 60_000 });
  });

  it('a server that never answers: cut off at the headers deadline, error recorded, pack kept', async () => {
    const v1 = await subscribed(1);
    configureSubscriptions({ headersMs: 200, bodyMs: 2_000 });
    vi.mocked(fetch).mockImplementation(async (_url, init) => hangUntilAborted(init!));
    const started = Date.now();
    await expect(refreshSubscription('test-pack')).rejects.toThrow(
      "The publisher's server did not answer within 0.2 seconds.",
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await readPackText('test-pack')).toBe(v1);
    expect((await subscription())?.subscription?.lastError?.message).toMatch(/did not answer/);
  });

  it('a body that drips one byte at a time: cut off at the body deadline', async () => {
    const v1 = await subscribed(1);
    configureSubscriptions({ headersMs: 1_000, bodyMs: 300 });
    vi.mocked(fetch).mockImplementation(
      async (_url, init) => new Response(dripBody(50, init?.signal), { status: 200 }),
    );
    const started = Date.now();
    await expect(refreshSubscription('test-pack')).rejects.toThrow(
      'The pack download did not finish within 0.3 seconds.',
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await readPackText('test-pack')).toBe(v1);
  });

  it('the body deadline holds even for a stream that ignores the abort', async () => {
    await subscribed(1);
    configureSubscriptions({ headersMs: 1_000, bodyMs: 300 });
    vi.mocked(fetch).mockImplementation(
      async () =>
        new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) })),
    );
    await expect(refreshSubscription('test-pack')).rejects.toThrow(/did not finish within 0\.3/);
  });

  it('refreshes run side by side: a hanging publisher holds up no other, each records its own error', async () => {
    const hangingUrl = 'https://slow.example.org/slow-pack.json';
    // The hanging publisher comes first in the registry: one after another, it would go first.
    const slow = JSON.stringify(makePack({ id: 'slow-pack', version: 1 }));
    const slowSignature = await signPackBytes(new TextEncoder().encode(slow), keys.privateJwk);
    routes.set(hangingUrl, () => new Response(slow));
    routes.set(`${hangingUrl}.sig`, () => new Response(slowSignature));
    await subscribe(hangingUrl, keys.publicKeyBase64);
    await subscribed(1);
    await serve(2);
    configureSubscriptions({ headersMs: 400, bodyMs: 2_000 });

    let abortedAt = 0;
    const plain = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      if (url !== hangingUrl) return plain(url, init);
      return hangUntilAborted(init!).catch((error: unknown) => {
        abortedAt = Date.now();
        throw error;
      });
    });
    let updatedAt = 0;
    // When the fast publisher's version 2 lands in storage.
    const watch = (changes: Record<string, { newValue?: unknown }>) => {
      const registry = changes.packRegistry?.newValue as
        { packs: { id: string; version: number }[] } | undefined;
      if (!updatedAt && registry?.packs.find((p) => p.id === 'test-pack')?.version === 2) {
        updatedAt = Date.now();
      }
    };
    fakeBrowser.storage.local.onChanged.addListener(watch);
    await refreshAllSubscriptions();
    fakeBrowser.storage.local.onChanged.removeListener(watch);

    const registry = await readRegistry();
    const fast = registry.packs.find((p) => p.id === 'test-pack')!;
    const hanging = registry.packs.find((p) => p.id === 'slow-pack')!;
    expect(fast.version).toBe(2);
    expect(fast.subscription?.lastError).toBeUndefined();
    expect(hanging.version).toBe(1);
    expect(hanging.subscription?.lastError?.message).toMatch(/did not answer within 0\.4 seconds/);
    expect(updatedAt).toBeGreaterThan(0);
    expect(abortedAt).toBeGreaterThan(0);
    expect(updatedAt).toBeLessThan(abortedAt);
  });
});
