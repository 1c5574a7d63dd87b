import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import fc from 'fast-check';
import type { Runtime } from 'webextension-polyfill';
import { handleMessage } from '../../../background/router';
import { invalidateLookupCache } from '../../../background/lookup';
import { closeStore } from '../../../storage/store-open';
import { importPackText } from '../../../storage/pack-import';
import { readRegistry } from '../../../storage/userdata';
import { updateSettings } from '../../../storage/settings';
import * as reminders from '../../../background/reminders';
import { bundledState, freshStore, makeBundledPack, makePack } from '../storage/support';

vi.mock(
  '../../../storage/bundled',
  async () => (await import('../storage/fixtures')).bundledModule,
);
vi.mock('../../../background/reminders', () => ({
  initReminders: vi.fn(),
  reconcileReminders: vi.fn(async () => undefined),
  currentNotice: vi.fn(async () => ({ id: 'n1', title: 'Boycott day', message: 'Today.' })),
  dismissNotice: vi.fn(async () => undefined),
  reminderStatus: vi.fn(async () => ({
    notificationsFailed: true,
    pending: { id: 'r1', title: 'Freeze', message: "Don't post today." },
  })),
}));

const TAB = 7;
const pageSender = (): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
  frameId: 0,
});
const contentSender = (
  url = 'https://www.instagram.com/kimkardashian/',
): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId: 0,
  tab: { id: TAB, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

beforeEach(() => {
  fakeBrowser.reset();
  bundledState.pack = makeBundledPack();
  invalidateLookupCache();
  freshStore();
  vi.clearAllMocks();
});
afterEach(() => closeStore());

async function allStorage() {
  return {
    local: await fakeBrowser.storage.local.get(),
    session: await fakeBrowser.storage.session.get(),
  };
}

describe('extension page requests', () => {
  it('imports, exports, disables and removes a pack', async () => {
    const text = JSON.stringify(makePack());
    expect(await handleMessage({ type: 'importPack', text }, pageSender())).toEqual({
      ok: true,
      packId: 'test-pack',
      version: 1,
    });
    expect(await handleMessage({ type: 'exportPack', packId: 'test-pack' }, pageSender())).toEqual({
      ok: true,
      text,
      fileName: 'test-pack-v1.json',
    });
    expect(
      await handleMessage(
        { type: 'setPackEnabled', packId: 'test-pack', enabled: false },
        pageSender(),
      ),
    ).toEqual({ ok: true });
    expect((await readRegistry()).disabled).toEqual(['test-pack']);
    expect(await handleMessage({ type: 'removePack', packId: 'test-pack' }, pageSender())).toEqual({
      ok: true,
    });
    expect((await readRegistry()).packs).toEqual([]);
  });

  it('returns the validator issues for an invalid pack', async () => {
    const answer = (await handleMessage(
      { type: 'importPack', text: JSON.stringify({ ...makePack(), id: 'BAD ID' }) },
      pageSender(),
    )) as { ok: boolean; error: string; issues: { path: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/not a valid campaign pack/);
    expect(answer.issues.map((i) => i.path)).toContain('/id');
  });

  it('an oversized import is refused for its size, not as an "invalid request"', async () => {
    const before = await allStorage();
    const limit = 10 * 1024 * 1024;
    // Over the schema's length: the router still names the size problem.
    for (const [text, bytes] of [
      [' '.repeat(11_000_001), '11,000,001'],
      // Within the length, over the byte limit: each "é" is two UTF-8 bytes.
      ['é'.repeat(limit / 2 + 1), '10,485,762'],
    ] as const) {
      expect(await handleMessage({ type: 'importPack', text }, pageSender())).toEqual({
        ok: false,
        error: `This pack is too large to import: ${bytes} bytes, and the limit is 10,485,760 bytes (10 MB).`,
      });
    }
    expect(await allStorage()).toEqual(before);
    // A content script gets the plain refusal, as before.
    expect(
      await handleMessage({ type: 'importPack', text: ' '.repeat(11_000_001) }, contentSender()),
    ).toEqual({ ok: false, error: 'Unknown or invalid request.' });
  });

  it('a pack id from another source: refused with both publishers, replaced only with replace', async () => {
    const feed = { url: 'https://feed.example/pack.json', publicKey: 'KEY' };
    await importPackText(JSON.stringify(makePack({ version: 4 })), {
      origin: 'subscribed',
      subscription: feed,
    });
    const file = JSON.stringify({ ...makePack({ version: 1 }), publisher: { name: 'A file' } });
    expect(await handleMessage({ type: 'importPack', text: file }, pageSender())).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already belongs to "Test Publisher" \(subscribed from/),
      conflict: {
        packId: 'test-pack',
        installed: { publisherName: 'Test Publisher', origin: 'subscribed', url: feed.url },
        incoming: { publisherName: 'A file', origin: 'imported' },
      },
    });
    expect(
      await handleMessage({ type: 'importPack', text: file, replace: 'yes' }, pageSender()),
    ).toEqual({ ok: false, error: 'Unknown or invalid request.' });
    expect(
      await handleMessage({ type: 'importPack', text: file, replace: true }, pageSender()),
    ).toEqual({ ok: true, packId: 'test-pack', version: 1 });
    expect((await readRegistry()).packs[0]).toMatchObject({ origin: 'imported' });

    // The built-in pack's id: refused even with replace.
    const impostor = JSON.stringify({ ...makeBundledPack(99), publisher: { name: 'Impostor' } });
    expect(
      await handleMessage({ type: 'importPack', text: impostor, replace: true }, pageSender()),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/built into Picket/),
      conflict: { installed: { origin: 'bundled' }, incoming: { publisherName: 'Impostor' } },
    });
  });

  it('reports status, including the reminders notification state', async () => {
    expect(await handleMessage({ type: 'getStatus' }, pageSender())).toEqual({
      ok: true,
      databaseAvailable: true,
      usingBundledFallback: false,
      notificationsFailed: true,
      pendingReminder: { id: 'r1', title: 'Freeze', message: "Don't post today." },
    });
  });

  it('clearAllData leaves only the bundled pack', async () => {
    await handleMessage({ type: 'importPack', text: JSON.stringify(makePack()) }, pageSender());
    expect(await handleMessage({ type: 'clearAllData' }, pageSender())).toEqual({ ok: true });
    expect((await readRegistry()).packs).toEqual([]);
  });

  it('accepts the popup opened in a tab', async () => {
    const sender = {
      ...pageSender(),
      url: fakeBrowser.runtime.getURL('/popup.html?tab=3'),
      tab: { ...contentSender().tab!, url: fakeBrowser.runtime.getURL('/popup.html?tab=3') },
    };
    expect(await handleMessage({ type: 'getStatus' }, sender)).toMatchObject({ ok: true });
  });
});

describe("the pages' views", () => {
  it('gives the popup its whole view in one answer', async () => {
    await handleMessage({ type: 'importPack', text: JSON.stringify(makePack()) }, pageSender());
    const answer = (await handleMessage({ type: 'getPopupView' }, pageSender())) as {
      ok: true;
      view: { updating: false; snapshot: { packs: { id: string }[] }; settings: object };
    };
    expect(answer).toMatchObject({
      ok: true,
      view: {
        updating: false,
        settings: { reminders: { enabled: false } },
        notificationsFailed: true,
        pendingReminder: { id: 'r1', title: 'Freeze', message: "Don't post today." },
      },
    });
    expect(answer.view.snapshot.packs.map((p) => p.id)).toContain('test-pack');
  });

  it('gives the options page its packs and settings', async () => {
    expect(await handleMessage({ type: 'getOptionsView' }, pageSender())).toMatchObject({
      ok: true,
      view: { snapshot: { usingBundledFallback: false }, settings: { verifiedOnly: false } },
    });
  });

  it('searches participants, several roles merged by name', async () => {
    await handleMessage({ type: 'importPack', text: JSON.stringify(makePack()) }, pageSender());
    const search = (limit: number) =>
      handleMessage(
        {
          type: 'searchParticipants',
          campaignKey: 'test-pack/c1',
          roles: ['participant', 'advertiser'],
          limit,
        },
        pageSender(),
      ) as Promise<{ ok: true; total: number; items: { name: string }[] }>;
    const all = await search(50);
    expect(all.total).toBe(2);
    expect(all.items.map((item) => item.name)).toEqual(['Corner Bakery', 'Kim Kardashian']);
    const first = await search(1);
    expect(first.total).toBe(2);
    expect(first.items.map((item) => item.name)).toEqual(['Corner Bakery']);
  });

  it('changes only the settings a patch names, and refuses a patch that is not one', async () => {
    await updateSettings((s) => ({ ...s, allowlist: ['instagram:rei'] }));
    expect(
      await handleMessage(
        {
          type: 'changeSettings',
          patch: { sites: { facebook: false }, allowlist: { add: 'instagram:kim' } },
        },
        pageSender(),
      ),
    ).toMatchObject({
      ok: true,
      settings: {
        sites: { instagram: true, facebook: false },
        allowlist: ['instagram:rei', 'instagram:kim'],
      },
    });
    const before = await allStorage();
    for (const patch of [
      { theme: 'dark' },
      { reminders: { time: '9 am' } },
      { sites: { x: true } },
    ]) {
      expect(await handleMessage({ type: 'changeSettings', patch }, pageSender())).toEqual({
        ok: false,
        error: 'Unknown or invalid request.',
      });
    }
    // A content script may not change settings at all.
    expect(
      await handleMessage(
        { type: 'changeSettings', patch: { sites: { facebook: true } } },
        contentSender(),
      ),
    ).toMatchObject({ ok: false });
    expect(await allStorage()).toEqual(before);
  });
});

describe('content script requests', () => {
  beforeEach(async () => {
    await handleMessage({ type: 'importPack', text: JSON.stringify(makePack()) }, pageSender());
  });

  it('looks up accounts', async () => {
    const answer = (await handleMessage(
      { type: 'lookup', platform: 'instagram', keys: ['kimkardashian', 'nobody'] },
      contentSender(),
    )) as { ok: true; matches: Record<string, unknown> };
    expect(answer.ok).toBe(true);
    expect(Object.keys(answer.matches)).toEqual(['kimkardashian']);
  });

  it('stores the page report in storage.session, counts it on the toolbar, and the popup reads it back', async () => {
    const report = {
      type: 'pageReport',
      platform: 'facebook',
      pageType: 'feed',
      badged: ['id:123456789012', 'kimkardashian', 'id:123456789012'],
      unreadable: false,
    };
    expect(await handleMessage(report, contentSender('https://www.facebook.com/'))).toEqual({
      ok: true,
    });
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual([`tab:${TAB}`]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('2');

    const state = (await handleMessage({ type: 'getTabState', tabId: TAB }, pageSender())) as {
      state: { platform: string; pageType: string; accounts: { handle: string }[] };
    };
    expect(state.state.platform).toBe('facebook');
    expect(state.state.pageType).toBe('feed');
    expect(state.state.accounts.map((a) => a.handle)).toEqual(['id:123456789012', 'KimKardashian']);

    expect(await handleMessage({ type: 'getTabState', tabId: 99 }, pageSender())).toEqual({
      ok: true,
      state: { platform: null, pageType: null, accounts: [], unreadable: false },
    });
  });

  it('ignores page reports from sub-frames', async () => {
    const sender = { ...contentSender(), frameId: 3 };
    const report = {
      type: 'pageReport',
      platform: 'instagram',
      pageType: 'x',
      badged: ['a'],
      unreadable: true,
    };
    expect(await handleMessage(report, sender)).toMatchObject({ ok: false });
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('gives the content config for the sender site, with the notice', async () => {
    await updateSettings((s) => ({
      ...s,
      badgeStyle: 'compact',
      sites: { ...s.sites, facebook: false },
    }));
    const ig = (await handleMessage({ type: 'getContentConfig' }, contentSender())) as {
      config: {
        enabled: boolean;
        badgeStyle: string;
        notice: unknown;
        surfaces: Record<string, boolean>;
      };
    };
    expect(ig.config).toMatchObject({
      enabled: true,
      badgeStyle: 'compact',
      notice: { id: 'n1', title: 'Boycott day', message: 'Today.' },
    });
    expect(ig.config.surfaces.comment).toBe(true);
    const fb = (await handleMessage(
      { type: 'getContentConfig' },
      contentSender('https://www.facebook.com/'),
    )) as { config: { enabled: boolean; notice: unknown } };
    expect(fb.config).toMatchObject({ enabled: false, notice: null });
  });

  it('passes notice dismissals to the reminders', async () => {
    expect(await handleMessage({ type: 'dismissNotice', noticeId: 'n1' }, contentSender())).toEqual(
      {
        ok: true,
      },
    );
    expect(reminders.dismissNotice).toHaveBeenCalledWith('n1');
  });
});

describe('reporting a mistake', () => {
  const target = {
    packId: 'test-pack',
    campaignId: 'c1',
    participantId: 'kim',
    platform: 'instagram',
    handle: 'KimKardashian',
  };

  beforeEach(async () => {
    await handleMessage({ type: 'importPack', text: JSON.stringify(makePack()) }, pageSender());
  });

  it('a badge opens the report page for its claim in a new tab next to its own', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    expect(await handleMessage({ type: 'openReport', ...target }, contentSender())).toEqual({
      ok: true,
    });
    expect(create).toHaveBeenCalledWith({
      url:
        fakeBrowser.runtime.getURL('/report.html') +
        '?pack=test-pack&campaign=c1&participant=kim&platform=instagram&handle=KimKardashian',
      openerTabId: TAB,
    });
  });

  it('tells the report page the pack, publisher address, participant, account and sources', async () => {
    const answer = await handleMessage({ type: 'getReportContext', ...target }, pageSender());
    expect(answer).toEqual({
      ok: true,
      context: {
        pack: {
          id: 'test-pack',
          version: 1,
          publisherName: 'Test Publisher',
          corrections: 'https://publisher.example.org/corrections',
        },
        campaign: { id: 'c1', name: 'Freeze campaign', hashtag: '#Freeze' },
        participant: {
          id: 'kim',
          name: 'Kim Kardashian',
          role: 'participant',
          status: 'took-part',
          actions: [
            {
              summary: 'Froze her accounts for a day',
              date: '2020-09-16',
              eventTitle: 'Freeze day',
              eventKind: 'boycott',
            },
          ],
          sources: [
            {
              url: 'https://news.example.com/freeze',
              publisher: 'Example News',
              title: 'The freeze',
              date: '2020-09-15',
            },
            { url: 'https://news.example.com/second' },
          ],
          badgeable: true,
        },
        account: { platform: 'instagram', handle: 'kimkardashian', confidence: 'verified' },
      },
    });
  });

  it('says when the claim is gone, and never answers a content script', async () => {
    expect(
      await handleMessage(
        { type: 'getReportContext', ...target, participantId: 'nobody' },
        pageSender(),
      ),
    ).toEqual({ ok: false, error: 'This participant is not in the pack any more.' });
    expect(
      await handleMessage({ type: 'getReportContext', ...target }, contentSender()),
    ).toMatchObject({ ok: false, error: 'Unknown or invalid request.' });
  });

  it('"Don\'t badge this account" from the report page lists the account at once', async () => {
    expect(
      await handleMessage(
        { type: 'dontBadge', platform: 'instagram', handle: 'KimKardashian' },
        pageSender(),
      ),
    ).toEqual({ ok: true, key: 'instagram:kimkardashian' });
    invalidateLookupCache();
    expect(
      await handleMessage(
        { type: 'lookup', platform: 'instagram', keys: ['kimkardashian'] },
        contentSender(),
      ),
    ).toEqual({ ok: true, matches: {} });
    // A content script cannot do it.
    expect(
      await handleMessage(
        { type: 'dontBadge', platform: 'instagram', handle: 'someone' },
        contentSender(),
      ),
    ).toMatchObject({ ok: false });
  });
});

describe('rejections without side effects (B3)', () => {
  const writes = [
    { type: 'importPack', text: JSON.stringify(makePack({ id: 'evil-pack' })) },
    { type: 'dontBadge', platform: 'instagram', handle: 'kimkardashian' },
    { type: 'removePack', packId: 'test-pack' },
    { type: 'setPackEnabled', packId: 'bundled-pack', enabled: false },
    { type: 'clearAllData' },
    { type: 'subscribe', url: 'https://evil.example/p.json', publicKey: 'AAAA' },
    { type: 'getTabState', tabId: TAB },
  ];

  it('refuses page requests from a content script, a page, another extension or a sub-frame', async () => {
    await handleMessage({ type: 'importPack', text: JSON.stringify(makePack()) }, pageSender());
    const before = await allStorage();
    const forged: Runtime.MessageSender[] = [
      contentSender(),
      {},
      { ...pageSender(), id: 'another-extension' },
      { ...pageSender(), frameId: 2 },
      { id: fakeBrowser.runtime.id, url: 'https://evil.example/options.html' },
      { ...pageSender(), tab: { ...contentSender().tab!, url: 'https://www.instagram.com/' } },
    ];
    for (const sender of forged) {
      for (const message of writes) {
        expect(await handleMessage(message, sender)).toEqual({
          ok: false,
          error: 'Unknown or invalid request.',
        });
      }
    }
    expect(await allStorage()).toEqual(before);
    expect(reminders.dismissNotice).not.toHaveBeenCalled();
  });

  it('refuses content requests from senders that are not a tab of ours', async () => {
    const lookupRequest = { type: 'lookup', platform: 'instagram', keys: ['kimkardashian'] };
    const dismiss = { type: 'dismissNotice', noticeId: 'n1' };
    for (const sender of [
      {},
      { ...contentSender(), id: 'another-extension' },
      { ...contentSender(), tab: undefined },
    ]) {
      expect(await handleMessage(lookupRequest, sender)).toMatchObject({ ok: false });
      expect(await handleMessage(dismiss, sender)).toMatchObject({ ok: false });
    }
    expect(reminders.dismissNotice).not.toHaveBeenCalled();
  });

  it('refuses unknown types, extra keys and oversized payloads', async () => {
    const before = await allStorage();
    const bad: [unknown, Runtime.MessageSender][] = [
      [{ type: 'deleteEverything' }, pageSender()],
      [{ type: 'getStatus', extra: 1 }, pageSender()],
      [{ type: 'clearAllData', __proto__: { x: 1 } }, pageSender()],
      [JSON.parse('{"type":"clearAllData","__proto__":{"x":1}}'), pageSender()],
      [{ type: 'lookup', platform: 'instagram', keys: Array(2_001).fill('a') }, contentSender()],
      [{ type: 'lookup', platform: 'tiktok', keys: [] }, contentSender()],
      [{ type: 'lookup', platform: 'instagram', keys: ['x'.repeat(65)] }, contentSender()],
      [{ type: 'importPack', text: ' '.repeat(11_000_001) }, pageSender()],
      [{ type: 'dismissNotice', noticeId: 'n'.repeat(2_001) }, contentSender()],
      [
        {
          type: 'openReport',
          packId: 'p',
          campaignId: 'c',
          participantId: 'x',
          platform: 'instagram',
          handle: 'x'.repeat(65),
        },
        contentSender(),
      ],
      ['clearAllData', pageSender()],
      [null, pageSender()],
      [undefined, contentSender()],
    ];
    for (const [message, sender] of bad) {
      expect(await handleMessage(message, sender)).toMatchObject({ ok: false });
    }
    expect(await allStorage()).toEqual(before);
    expect(({} as { x?: number }).x).toBeUndefined();
  });

  it('random messages from any sender are rejected and change nothing', async () => {
    const before = await allStorage();
    const types = ['lookup', 'pageReport', 'importPack', 'clearAllData', 'removePack', 'getStatus'];
    const message = fc.oneof(
      fc.anything(),
      fc
        .record({ type: fc.constantFrom(...types) }, { requiredKeys: [] })
        .chain((base) =>
          fc
            .dictionary(fc.string(), fc.anything())
            .map((extra) => ({ ...extra, ...base, extra: 1 })),
        ),
    );
    const sender = fc.constantFrom<Runtime.MessageSender>(pageSender(), contentSender(), {});
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, s) => {
        const answer = (await handleMessage(m, s)) as { ok: boolean };
        expect(answer.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(await allStorage()).toEqual(before);
  });
});
