// The whole-page scan at load or navigation is cut into slices run under the frame budget: a page
// with thousands of references must not be read in one task (bench: 136.9 ms in one task for
// 5,004 references before slicing).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentRuntime } from '../../../content/runtime';
import { createKeyBudget } from '../../../content/key-budget';
import { createContentRuntime } from '../../../content/runtime';
import { instagramAdapter } from '../../../sites/instagram/adapter';
import type { SiteAdapter } from '../../../sites/types';
import {
  badgeInfoFor,
  createFakeBackground,
  createFrames,
  createTimers,
  testTranslate,
  tick,
  seeEverything,
} from './harness';

const LINKS = 5_000;
/** Modelled cost of reading one candidate, in milliseconds (the bench measured about 27 µs). */
const COST_PER_CANDIDATE_MS = 0.03;

let runtime: ContentRuntime | null = null;

beforeEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  runtime?.stop();
  runtime = null;
});

/** A feed of posts: author link in a header, then a caption naming the author again, then a comment. */
function feed(posts: number): void {
  const main = document.createElement('main');
  for (let i = 0; i < posts; i += 1) {
    const article = document.createElement('article');
    const header = document.createElement('header');
    header.append(link(`user${i}`));
    const caption = document.createElement('div');
    caption.append(link(`user${i}`), ' caption text');
    const comment = document.createElement('h3');
    comment.append(link(`user${(i + 7) % posts}`));
    const more = document.createElement('div');
    more.append(link(`user${(i + 3) % posts}`), link(`user${(i + 5) % posts}`));
    article.append(header, caption, comment, more);
    main.append(article);
  }
  document.body.append(main);
}

function link(handle: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = `https://www.instagram.com/${handle}/`;
  anchor.textContent = handle;
  return anchor;
}

describe('sliced whole-page scan', () => {
  it('gives exactly the references of findAccounts(root), whatever the slice size', () => {
    feed(40);
    const whole = instagramAdapter.findAccounts(document.body);
    const candidates = [...document.body.querySelectorAll(instagramAdapter.candidates)];
    for (const size of [1, 7, 48]) {
      const scan = instagramAdapter.beginScan!(document.body);
      const sliced = [];
      for (let at = 0; at < candidates.length; at += size) {
        sliced.push(...scan(candidates.slice(at, at + size)));
      }
      expect(sliced.map((ref) => [ref.key, ref.surface, ref.origin])).toEqual(
        whole.map((ref) => [ref.key, ref.surface, ref.origin]),
      );
    }
    // The caption's second author link is the post author's only because the scan remembers
    // the header link across slices.
    expect(whole.filter((ref) => ref.surface === 'post-author')).toHaveLength(80);
  });

  it(`spreads the initial scan of a ${LINKS.toLocaleString('en')}-link body over several frames`, async () => {
    feed(LINKS / 5);
    const members = Array.from({ length: 100 }, (_, i) => `user${i * 10}`);
    const background = createFakeBackground(new Map(members.map((k) => [k, badgeInfoFor(k)])));
    const frames = createFrames();
    const timers = createTimers();
    let clock = 0;
    let handedThisFrame = 0;
    let wholeBodyCalls = 0;
    const adapter: SiteAdapter = {
      ...instagramAdapter,
      findAccounts(root) {
        if (root === document.body) wholeBodyCalls += 1;
        return instagramAdapter.findAccounts(root);
      },
      beginScan(root) {
        const scan = instagramAdapter.beginScan!(root);
        return (candidates) => {
          handedThisFrame += candidates.length;
          clock += candidates.length * COST_PER_CANDIDATE_MS;
          return scan(candidates);
        };
      },
    };
    runtime = createContentRuntime({
      adapter,
      send: background.send,
      document,
      t: testTranslate,
      frames,
      timers,
      now: () => clock,
      createSightings: seeEverything(),
      // 5,000 distinct accounts at once: far past a page's key budget, which is not tested here.
      keyBudget: createKeyBudget(Infinity, Infinity),
    });
    await runtime.start();
    const perFrame: number[] = [];
    for (let round = 0; round < 500 && (round === 0 || frames.pending > 0); round += 1) {
      await tick();
      handedThisFrame = 0;
      frames.run();
      if (handedThisFrame > 0) perFrame.push(handedThisFrame);
      await tick();
    }
    expect(frames.pending).toBe(0);

    expect(wholeBodyCalls).toBe(0);
    // Every candidate was read once, spread over frames of about the 8 ms budget each.
    expect(perFrame.reduce((sum, n) => sum + n, 0)).toBe(LINKS);
    expect(perFrame.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...perFrame)).toBeLessThan(LINKS / 10);
    expect(runtime.stats.refsFound).toBe(LINKS);
    // And the result is the same as one big scan: every reference to a member is badged.
    const badged = [...document.querySelectorAll('picket-badge')];
    const memberLinks = [...document.querySelectorAll('a')].filter((a) =>
      members.includes(a.textContent ?? ''),
    );
    expect(badged).toHaveLength(memberLinks.length);
  });
});
