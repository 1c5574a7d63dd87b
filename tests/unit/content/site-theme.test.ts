// Facebook's theme class on <html> reaches the badges through the runtime's one MutationObserver:
// no other observer is made, and none is left behind when the runtime stops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeShadowRoot } from '../../../content/badge';
import { createDomObserver } from '../../../content/observer';
import type { BadgeInfo } from '../../../core/messages';
import type { Harness } from './harness';
import {
  accountLink,
  badgeInfoFor,
  createFrames,
  createHarness,
  createTestAdapter,
  tick,
} from './harness';

const html = document.documentElement;
let harness: Harness | null = null;

beforeEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
  html.classList.add('__fb-dark-mode');
});
afterEach(() => {
  harness?.runtime.stop();
  harness = null;
  html.classList.remove('__fb-dark-mode', '__fb-light-mode');
  vi.unstubAllGlobals();
});

/** Counts the MutationObservers made and those still connected. */
function countObservers() {
  const Native = globalThis.MutationObserver;
  const counts = { made: 0, connected: 0 };
  class Counted extends Native {
    #connected = false;
    constructor(callback: MutationCallback) {
      super(callback);
      counts.made += 1;
    }
    override observe(target: Node, init?: MutationObserverInit) {
      if (!this.#connected) counts.connected += 1;
      this.#connected = true;
      super.observe(target, init);
    }
    override disconnect() {
      if (this.#connected) counts.connected -= 1;
      this.#connected = false;
      super.disconnect();
    }
  }
  vi.stubGlobal('MutationObserver', Counted);
  return counts;
}

function facebookHarness(): Harness {
  const adapter = Object.assign(createTestAdapter(), { platform: 'facebook' as const });
  const info: BadgeInfo = { ...badgeInfoFor('nike'), platform: 'facebook' };
  return createHarness(new Map([['nike', info]]), { adapter });
}

function themeOf(badge: Element): string {
  return badgeShadowRoot(badge)!.querySelector('.wrap')!.className;
}

describe("the site's theme", () => {
  it('reaches Facebook badges through the one observer, in its frame flush', async () => {
    const counts = countObservers();
    harness = facebookHarness();
    await harness.runtime.start();
    document.body.append(accountLink('nike'));
    await harness.settle();
    const badge = document.querySelector('picket-badge')!;
    expect(themeOf(badge)).toBe('wrap fb-dark');
    html.classList.replace('__fb-dark-mode', '__fb-light-mode');
    await tick();
    // The mutation callback only queued: the badge changes in the next frame.
    expect(themeOf(badge)).toBe('wrap fb-dark');
    expect(harness.frames.pending).toBe(1);
    harness.frames.run();
    expect(themeOf(badge)).toBe('wrap fb-light');
    expect(counts.made).toBe(1);
    harness.runtime.stop();
    expect(counts.connected).toBe(0);
  });

  it('is not watched on Instagram, which has no theme class', async () => {
    const observed: Node[] = [];
    const Native = globalThis.MutationObserver;
    vi.stubGlobal(
      'MutationObserver',
      class extends Native {
        override observe(target: Node, init?: MutationObserverInit) {
          observed.push(target);
          super.observe(target, init);
        }
      },
    );
    harness = createHarness(new Map([['nike', badgeInfoFor('nike')]]));
    await harness.runtime.start();
    expect(observed).toEqual([document]);
  });

  it("the observer reports a watched element's class changes, and nothing else's", async () => {
    const frames = createFrames();
    const changed: string[] = [];
    const visited: Element[] = [];
    const observer = createDomObserver({
      target: document,
      now: () => 0,
      frames,
      budgetMs: 8,
      ignore: () => false,
      visit: (element) => visited.push(element),
      afterFlush: () => {},
    });
    observer.watchClass(html, () => changed.push(html.className));
    observer.start();
    try {
      document.body.className = 'page';
      html.classList.add('other');
      await tick();
      expect(changed).toEqual([]);
      frames.run();
      expect(changed).toEqual(['__fb-dark-mode other']);
      expect(visited).toEqual([]);
      html.classList.remove('other');
      await tick();
      frames.run();
      expect(changed).toHaveLength(2);
    } finally {
      observer.stop();
      html.classList.remove('other');
      document.body.className = '';
    }
  });
});
