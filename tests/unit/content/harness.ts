// Fakes for driving the content runtime in happy-dom: a tiny site adapter, a background that
// answers from an in-memory table, manual animation frames, manual timers and a stepping clock.
import type { Surface } from '../../../core/accounts';
import type { BadgeInfo, ContentConfig, ContentRequest, NoticeInfo } from '../../../core/messages';
import type { ContentSend } from '../../../content/lookup-client';
import type { FrameScheduler } from '../../../content/observer';
import type { ContentRuntime, ContentRuntimeOptions } from '../../../content/runtime';
import { createContentRuntime } from '../../../content/runtime';
import type { Translate } from '../../../content/strings';
import type { Sightings, SightingsOptions } from '../../../content/visibility';
import { SURFACES } from '../../../core/accounts';
import { parseContentRequest } from '../../../core/messages';
import type { AccountRef, SiteAdapter } from '../../../sites/types';

function nameElementOf(link: Element): Element {
  const id = link.getAttribute('data-name-id');
  const named = id ? link.ownerDocument.getElementById(id) : null;
  return named ?? link.querySelector('[data-name]') ?? link;
}

/**
 * Links `<a href="/name/">` are account references. `data-name-id` points at the name element
 * elsewhere (an avatar link whose name is shown by another element); `data-alt-keys` lists
 * alternative keys (as the Facebook adapter gives a numeric id beside a vanity).
 * `[data-account-text]` elements name an account by their text (like a profile heading). The name element is the link itself unless
 * the link holds a `[data-name]` element or names one with `data-name-id`; `data-surface` on the link sets the surface.
 */
export function createTestAdapter(): SiteAdapter & { calls: number } {
  const adapter = {
    platform: 'instagram' as const,
    calls: 0,
    matchesHost: () => true,
    pageType: (url: URL) =>
      url.pathname === '/' ? 'home' : url.pathname.startsWith('/p/') ? 'post' : 'other',
    expectsAccounts: (pageType: string) => pageType === 'home' || pageType === 'post',
    candidates: 'a[href], [data-account-text]',
    findAccounts(root: ParentNode): AccountRef[] {
      adapter.calls += 1;
      const links: Element[] = [];
      if (root instanceof Element && root.matches('a[href]')) links.push(root);
      links.push(...root.querySelectorAll('a[href]'));
      const refs: AccountRef[] = [];
      const headings: Element[] = [];
      if (root instanceof Element && root.matches('[data-account-text]')) headings.push(root);
      headings.push(...root.querySelectorAll('[data-account-text]'));
      for (const heading of headings) {
        const key = heading.textContent?.trim().toLowerCase() ?? '';
        if (!/^[a-z0-9._]{1,30}$/.test(key)) continue;
        refs.push({
          platform: 'instagram',
          key,
          surface: 'profile-header',
          nameElement: heading,
          origin: heading,
        });
      }
      for (const link of links) {
        const match = /^\/([A-Za-z0-9._]{1,30})\/?$/.exec(link.getAttribute('href') ?? '');
        if (!match) continue;
        refs.push({
          platform: 'instagram',
          key: match[1]!.toLowerCase(),
          surface: (link.getAttribute('data-surface') as Surface | null) ?? 'post-author',
          nameElement: nameElementOf(link),
          origin: link,
          ...(link.hasAttribute('data-alt-keys') && {
            altKeys: link.getAttribute('data-alt-keys')!.split(' '),
          }),
        });
      }
      return refs;
    },
  };
  return adapter;
}

export function badgeInfoFor(
  key: string,
  extra: Partial<BadgeInfo['entries'][number]> = {},
): BadgeInfo {
  return {
    platform: 'instagram',
    handle: key,
    entries: [
      {
        packId: 'shfp',
        campaignId: 'shfp-2020',
        participantId: `p-${key}`,
        campaignName: 'Stop Hate for Profit',
        hashtag: '#StopHateForProfit',
        participantName: `Participant ${key}`,
        role: 'participant',
        status: 'took-part',
        actions: [
          {
            summary: 'Froze its account for a day',
            date: '2020-09-16',
            eventTitle: 'Freeze day',
            eventKind: 'boycott',
          },
        ],
        sources: [
          { url: 'https://example.org/source', publisher: 'Example News', title: 'A title' },
        ],
        account: { confidence: 'verified' },
        ...extra,
      },
    ],
  };
}

export function defaultConfig(change: Partial<ContentConfig> = {}): ContentConfig {
  return {
    enabled: true,
    surfaces: Object.fromEntries(SURFACES.map((s) => [s, true])) as ContentConfig['surfaces'],
    badgeStyle: 'label',
    notice: null,
    ...change,
  };
}

/** A background that answers lookups from `dataset` and records every request. */
export function createFakeBackground(dataset: Map<string, BadgeInfo>) {
  const requests: ContentRequest[] = [];
  /** Requests the real background would refuse (checked with the protocol's own schemas). */
  const invalid: unknown[] = [];
  const state = { config: defaultConfig(), failLookups: false, notice: null as NoticeInfo | null };
  const send = (async (request: ContentRequest) => {
    requests.push(request);
    if (!parseContentRequest(request)) {
      invalid.push(request);
      return { ok: false, error: 'Invalid request.' };
    }
    switch (request.type) {
      case 'lookup': {
        if (state.failLookups) return { ok: false, error: 'Worker restarting.' };
        const matches: Record<string, BadgeInfo> = {};
        for (const key of request.keys) {
          const info = dataset.get(key);
          if (info) matches[key] = info;
        }
        return { ok: true, matches };
      }
      case 'getContentConfig':
        return { ok: true, config: state.config };
      default:
        return { ok: true };
    }
  }) as unknown as ContentSend;
  return {
    send,
    requests,
    invalid,
    state,
    ofType<T extends ContentRequest['type']>(type: T) {
      return requests.filter((r): r is Extract<ContentRequest, { type: T }> => r.type === type);
    },
  };
}

export type FakeBackground = ReturnType<typeof createFakeBackground>;

export function createFrames(): FrameScheduler & {
  pending: number;
  /** Runs the due callbacks; `frameTime` is when the frame began (rAF's timestamp). */
  run(frameTime?: number): void;
} {
  let next = 1;
  const callbacks = new Map<number, (frameTime?: number) => void>();
  return {
    request(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancel(handle) {
      callbacks.delete(handle);
    },
    get pending() {
      return callbacks.size;
    },
    run(frameTime) {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(frameTime);
    },
  };
}

export function createTimers() {
  let next = 1;
  let clock = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback: () => void, ms: number) {
      due.set(next, { at: clock + ms, callback });
      return next++;
    },
    clear(handle: number) {
      due.delete(handle);
    },
    get pending() {
      return due.size;
    },
    advance(ms: number) {
      clock += ms;
      for (const [handle, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= clock) {
          due.delete(handle);
          timer.callback();
        }
      }
    },
  };
}

/**
 * Sightings that see every watched name at once (in a microtask): happy-dom lays nothing out, and
 * these tests are about lookups and badges. `hide` keeps the elements it is given from being seen,
 * as a hidden or off-screen name is never seen (content/visibility.ts, tested on its own).
 */
export function seeEverything(hide: (element: Element) => boolean = () => false) {
  const made: { watched: Element[] }[] = [];
  const factory = (options: SightingsOptions): Sightings => {
    const state = { watched: [] as Element[] };
    made.push(state);
    const pending = new Set<Element>();
    let flushing = false;
    return {
      watch(element) {
        state.watched.push(element);
        if (hide(element) || pending.has(element)) return;
        pending.add(element);
        if (flushing) return;
        flushing = true;
        queueMicrotask(() => {
          flushing = false;
          const seen = [...pending];
          pending.clear();
          if (seen.length > 0) options.onSeen(seen);
        });
      },
      clear() {
        pending.clear();
      },
      get watched() {
        return pending.size;
      },
      get parked() {
        return 0;
      },
    };
  };
  return Object.assign(factory, { made });
}

/**
 * English-ish strings: the key and its substitutions, so tests can see what was asked for; the
 * month names are English ones, so a label's date reads "Sep 2020".
 */
export const testTranslate: Translate = (key, substitutions) =>
  key === 'claim.months'
    ? 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'
    : substitutions?.length
      ? `${key}(${substitutions.join('|')})`
      : key;

/** Lets MutationObserver records and promise answers arrive. */
export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface Harness {
  runtime: ContentRuntime;
  adapter: ReturnType<typeof createTestAdapter>;
  background: FakeBackground;
  frames: ReturnType<typeof createFrames>;
  timers: ReturnType<typeof createTimers>;
  /** Runs frames and lets answers arrive until nothing is left to do. */
  settle(): Promise<void>;
}

export function createHarness(
  dataset: Map<string, BadgeInfo>,
  options: Partial<ContentRuntimeOptions> = {},
): Harness {
  const adapter = createTestAdapter();
  const background = createFakeBackground(dataset);
  const frames = createFrames();
  const timers = createTimers();
  const runtime = createContentRuntime({
    adapter,
    send: background.send,
    document,
    t: testTranslate,
    frames,
    timers,
    now: () => 0,
    createSightings: seeEverything(),
    ...options,
  });
  return {
    runtime,
    adapter,
    background,
    frames,
    timers,
    async settle() {
      for (let round = 0; round < 100; round += 1) {
        await tick();
        if (frames.pending === 0) {
          await tick();
          if (frames.pending === 0) return;
        }
        frames.run();
      }
      throw new Error('The runtime never settled.');
    },
  };
}

export function accountLink(handle: string, text = handle): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = `/${handle}/`;
  link.textContent = text;
  return link;
}

/** A trusted-looking event: the browser sets isTrusted for the user's own input. */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
