// Checklist B3 (and the fuzz part of issue 7): message handling under thousands of hostile and
// near-valid messages. The schemas never throw and never pass extra keys through; the router
// always answers { ok: boolean }, never throws, lets only our own pages write, and no sender can
// make it reach the network except an extension page asking for a subscription.
import fc from 'fast-check';
import type { Runtime } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateLookupCache } from '../../../background/lookup';
import { handleMessage } from '../../../background/router';
import { parseContentRequest, parsePageRequest } from '../../../core/messages';
import { closeStore } from '../../../storage/store-open';
import { importPackObject } from '../../../storage/pack-import';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);
vi.mock('../../../background/reminders', () => ({
  initReminders: vi.fn(),
  reconcileReminders: vi.fn(async () => undefined),
  currentNotice: vi.fn(async () => null),
  dismissNotice: vi.fn(async () => undefined),
  reminderStatus: vi.fn(async () => ({ notificationsFailed: false, pending: null })),
}));

/** One valid example of every request, with the keys each schema allows. */
const VALID: Record<string, Record<string, unknown>> = {
  lookup: { type: 'lookup', platform: 'instagram', keys: ['kimkardashian', 'nasa'] },
  pageReport: {
    type: 'pageReport',
    platform: 'instagram',
    pageType: 'feed',
    badged: ['kimkardashian'],
    unreadable: false,
  },
  getContentConfig: { type: 'getContentConfig' },
  dismissNotice: { type: 'dismissNotice', noticeId: 'n1' },
  getTabState: { type: 'getTabState', tabId: 7 },
  getStatus: { type: 'getStatus' },
  importPack: { type: 'importPack', text: JSON.stringify(makePack({ id: 'fuzz-pack' })) },
  setPackEnabled: { type: 'setPackEnabled', packId: 'test-pack', enabled: false },
  removePack: { type: 'removePack', packId: 'test-pack' },
  exportPack: { type: 'exportPack', packId: 'test-pack' },
  subscribe: { type: 'subscribe', url: 'https://packs.example.org/p.json', publicKey: 'AAAA' },
  refreshSubscription: { type: 'refreshSubscription', packId: 'test-pack' },
  clearAllData: { type: 'clearAllData' },
};
const CONTENT_TYPES = new Set(['lookup', 'pageReport', 'getContentConfig', 'dismissNotice']);
/** Requests that change nothing, whoever sends them. */
const READ_ONLY = new Set(['lookup', 'getContentConfig', 'getTabState', 'getStatus', 'exportPack']);

const hostileValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'x'.repeat(65), ''),
  fc.array(fc.string({ maxLength: 70 }), { minLength: 1990, maxLength: 2010 }),
  fc.integer(),
  fc.double(),
);

/** A valid message, then one to three mutations: hostile values, dropped or extra keys. */
const nearValid = fc
  .tuple(
    fc.constantFrom(...Object.keys(VALID)),
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('set' as const), key: fc.string(), value: hostileValue }),
        fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
        fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: hostileValue }),
        fc.record({
          kind: fc.constant('type' as const),
          value: fc.constantFrom('LOOKUP', 'lookup ', 'Lookup', 'importpack', 'eval', ''),
        }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([type, mutations]) => {
    const message: Record<string, unknown> = { ...VALID[type] };
    for (const m of mutations) {
      const keys = Object.keys(message);
      if (m.kind === 'set') message[m.key] = m.value;
      else if (m.kind === 'drop') delete message[keys[m.index % keys.length]!];
      else if (m.kind === 'replace') message[keys[m.index % keys.length]!] = m.value;
      else message.type = m.value;
    }
    return message;
  });

const anyMessage = fc.oneof(
  nearValid,
  fc.anything(),
  fc.constantFrom(...Object.values(VALID)).map((m) => JSON.stringify(m)),
  fc.constantFrom(...Object.values(VALID)).map((m) => [m]),
  fc.constant(JSON.parse('{"type":"clearAllData","__proto__":{"polluted":1}}') as unknown),
);

const TAB = {
  id: 7,
  index: 0,
  highlighted: false,
  active: true,
  pinned: false,
  incognito: false,
};

type SenderKind = 'page' | 'content' | 'forged';
function senders(): { kind: SenderKind; sender: Runtime.MessageSender }[] {
  const id = fakeBrowser.runtime.id;
  const options = fakeBrowser.runtime.getURL('/options.html');
  return [
    { kind: 'page', sender: { id, url: options, frameId: 0 } },
    { kind: 'content', sender: { id, url: 'https://www.instagram.com/', frameId: 0, tab: TAB } },
    { kind: 'content', sender: { id, url: 'https://www.facebook.com/x', frameId: 3, tab: TAB } },
    { kind: 'forged', sender: {} },
    { kind: 'forged', sender: { id: 'another-extension', url: options, frameId: 0 } },
    { kind: 'forged', sender: { id, url: options, frameId: 1 } },
    { kind: 'forged', sender: { id, url: 'https://evil.example/options.html', frameId: 0 } },
    {
      kind: 'forged',
      sender: { id, url: options, frameId: 0, tab: { ...TAB, url: 'https://evil.example/' } },
    },
    {
      kind: 'forged',
      sender: { id: 'another-extension', url: 'https://www.instagram.com/', tab: TAB },
    },
  ];
}

describe('message schemas (fuzz)', () => {
  it('never throw, and what they accept has no key beyond the schema', () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyMessage, (message) => {
        const started = performance.now();
        const content = parseContentRequest(message);
        const page = parsePageRequest(message);
        slowest = Math.max(slowest, performance.now() - started);
        for (const parsed of [content, page]) {
          if (parsed === null) continue;
          const allowed = Object.keys(VALID[parsed.type]!).sort();
          expect(Object.keys(parsed).sort()).toEqual(allowed);
        }
        if (content) expect(CONTENT_TYPES.has(content.type)).toBe(true);
        if (page) expect(CONTENT_TYPES.has(page.type)).toBe(false);
      }),
      { numRuns: 10_000 },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    console.info(`[fuzz] schemas: slowest case ${slowest.toFixed(2)} ms`);
  });
});

describe('router (fuzz)', () => {
  const fetchCalls: unknown[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    fakeBrowser.reset();
    bundledState.pack = makeBundledPack();
    invalidateLookupCache();
    freshStore();
    await importPackObject(makePack(), { origin: 'imported' });
    globalThis.fetch = (async (...args: unknown[]) => {
      fetchCalls.push(args);
      throw new Error('no network in tests');
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
    closeStore();
  });

  it('answers every message from every sender with { ok }, writes only for our pages, never fetches for others', async () => {
    const all = senders();
    let slowest = 0;
    const accepted: Record<SenderKind, number> = { page: 0, content: 0, forged: 0 };
    // Valid messages too, so the accepting paths run under the same checks.
    const messages = fc.oneof(anyMessage, fc.constantFrom(...Object.values(VALID)));
    await fc.assert(
      fc.asyncProperty(messages, fc.nat({ max: all.length - 1 }), async (message, index) => {
        const { kind, sender } = all[index]!;
        const rawType =
          message && typeof message === 'object' && !Array.isArray(message)
            ? (message as { type?: unknown }).type
            : undefined;
        const type = typeof rawType === 'string' ? rawType : '';
        const watchWrites = kind !== 'page' || READ_ONLY.has(type);
        const before = watchWrites ? JSON.stringify(await fakeBrowser.storage.local.get()) : '';
        const fetchesBefore = fetchCalls.length;
        const started = performance.now();
        const answer = (await handleMessage(message, sender)) as { ok?: unknown };
        slowest = Math.max(slowest, performance.now() - started);

        expect(typeof answer?.ok).toBe('boolean');
        if (answer.ok) accepted[kind] += 1;
        if (kind === 'forged') expect(answer.ok).toBe(false);
        if (kind === 'content' && answer.ok) expect(CONTENT_TYPES.has(type)).toBe(true);
        if (kind === 'page' && answer.ok) expect(CONTENT_TYPES.has(type)).toBe(false);
        if (watchWrites) {
          expect(JSON.stringify(await fakeBrowser.storage.local.get())).toBe(before);
        }
        if (kind !== 'page') expect(fetchCalls.length).toBe(fetchesBefore);
      }),
      { numRuns: 2_000 },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(accepted.forged).toBe(0);
    expect(accepted.page).toBeGreaterThan(0);
    expect(accepted.content).toBeGreaterThan(0);
    console.info(`[fuzz] router: slowest case ${slowest.toFixed(1)} ms`);
  }, 120_000);
});
