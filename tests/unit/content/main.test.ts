// The real wiring of content/main.ts: fakeBrowser carries the messages and storage events, and
// WXT's own ContentScriptContext is invalidated the way an extension reload does it.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noticeShadowRoot } from '../../../content/notice';
import { startContent } from '../../../content/main';
import { defaultConfig, tick } from './harness';

interface HappyDomWindow {
  happyDOM: { setURL(url: string): void };
}

const requests: { type: string }[] = [];
let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  requests.length = 0;
  document.body.replaceChildren();
  (window as unknown as HappyDomWindow).happyDOM.setURL('https://www.instagram.com/');
  // fakeBrowser has no i18n; the messages.json lookup is the browser's job, the key is ours.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => `msg:${key}`);
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const request = message as { type: string };
    requests.push(request);
    if (request.type === 'getContentConfig') {
      return {
        ok: true,
        config: defaultConfig({ notice: { id: 'n', title: 'Boycott day', message: 'Stay off.' } }),
      };
    }
    if (request.type === 'lookup') return { ok: true, matches: {} };
    return { ok: true };
  });
  ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
});
afterEach(() => ctx.abort());

const configRequests = () => requests.filter((r) => r.type === 'getContentConfig').length;

describe('content script wiring', () => {
  it('fetches its config, and again when packs or settings change in storage.local', async () => {
    await startContent(ctx);
    expect(configRequests()).toBe(1);
    expect(document.querySelectorAll('picket-notice')).toHaveLength(1);
    const notice = noticeShadowRoot(document.querySelector('picket-notice')!)!;
    expect(notice.querySelector('button')!.textContent).toBe('msg:notice_dismiss');

    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await tick();
    expect(configRequests()).toBe(1);
    await fakeBrowser.storage.local.set({ packsRevision: 2 });
    await tick();
    expect(configRequests()).toBe(2);
    await fakeBrowser.storage.local.set({ settings: { badgeStyle: 'compact' } });
    await tick();
    expect(configRequests()).toBe(3);
    // Still one notice after two refreshes.
    expect(document.querySelectorAll('picket-notice')).toHaveLength(1);
  });

  it('cleans up and goes quiet when WXT invalidates the context', async () => {
    await startContent(ctx);
    expect(document.querySelectorAll('picket-notice')).toHaveLength(1);
    ctx.abort();
    expect(document.querySelectorAll('picket-notice')).toHaveLength(0);
    const before = requests.length;
    await fakeBrowser.storage.local.set({ packsRevision: 3 });
    document.body.append(document.createElement('a'));
    await tick();
    expect(requests.length).toBe(before);
  });

  it('does nothing on a host without an adapter', async () => {
    (window as unknown as HappyDomWindow).happyDOM.setURL('https://example.org/');
    await startContent(ctx);
    expect(requests).toHaveLength(0);
  });
});
