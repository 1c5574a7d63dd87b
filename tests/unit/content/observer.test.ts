import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDomObserver } from '../../../content/observer';
import type { BadgeInfo } from '../../../core/messages';
import type { Harness } from './harness';
import { accountLink, badgeInfoFor, createFrames, createHarness, tick } from './harness';

beforeEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});

describe('shared DOM observer', () => {
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it('only queues in the mutation callback and works in the next animation frame', async () => {
    const frames = createFrames();
    const visited: [Element, boolean][] = [];
    const observer = createDomObserver({
      target: document,
      now: () => 0,
      frames,
      budgetMs: 8,
      ignore: (element) => element.localName === 'picket-badge',
      visit: (element, added) => visited.push([element, added]),
      afterFlush: () => {},
    });
    observer.start();
    stop = () => observer.stop();
    const first = document.createElement('div');
    const ours = document.createElement('picket-badge');
    document.body.append(first, ours, document.createTextNode('text'));
    await tick();
    expect(visited).toHaveLength(0);
    expect(observer.queued).toBe(1);
    expect(frames.pending).toBe(1);
    frames.run();
    expect(visited).toEqual([[first, true]]);
    // An href change on an existing element queues that element.
    const link = document.createElement('a');
    document.body.append(link);
    await tick();
    frames.run();
    link.setAttribute('href', '/nike/');
    link.setAttribute('class', 'ignored');
    await tick();
    frames.run();
    expect(visited).toEqual([
      [first, true],
      [link, true],
      [link, false],
    ]);
  });

  it('runs jobs in idle callbacks, never in the frame flush; at least one slice each time', async () => {
    const frames = createFrames();
    const idleCalls: ((timeLeft: number) => void)[] = [];
    let clock = 0;
    const slices: string[] = [];
    const flushes: boolean[] = [];
    const observer = createDomObserver({
      target: document,
      now: () => clock,
      frames,
      idle: {
        request: (callback) => idleCalls.push(callback),
        cancel: () => {},
      },
      budgetMs: 8,
      ignore: () => false,
      visit: () => slices.push('visit'),
      afterFlush: (drained) => flushes.push(drained),
    });
    observer.start();
    stop = () => observer.stop();
    let left = 5;
    observer.enqueueJob(() => {
      slices.push(`slice ${left}`);
      clock += 3; // each slice costs 3 ms
      return --left > 0;
    });
    document.body.append(document.createElement('div'));
    await tick();
    frames.run();
    // The frame visited the new element only; the job waits for the browser to be idle.
    expect(slices).toEqual(['visit']);
    expect(idleCalls).toHaveLength(1);
    // 5 ms of idle time: slices until 5 ms are spent, i.e. 2.
    idleCalls.shift()!(5);
    expect(slices).toEqual(['visit', 'slice 5', 'slice 4']);
    expect(flushes.at(-1)).toBe(false);
    // Forced by the timeout (no idle time left): the frame budget (8 ms: 3 slices), so a busy
    // page can't starve the scan.
    idleCalls.shift()!(0);
    expect(slices.slice(3)).toEqual(['slice 3', 'slice 2', 'slice 1']);
    expect(idleCalls).toHaveLength(0);
    expect(frames.pending).toBe(0);
    expect(flushes.at(-1)).toBe(true);

    // A job that queues another: the callback it asked for finds nothing left, and says so.
    observer.enqueueJob(() => {
      observer.enqueueJob(() => {
        slices.push('inner');
        return false;
      });
      slices.push('outer');
      return false;
    });
    idleCalls.shift()!(20);
    expect(slices.slice(-2)).toEqual(['outer', 'inner']);
    expect(idleCalls).toHaveLength(1);
    const flushCount = flushes.length;
    expect(() => idleCalls.shift()!(20)).not.toThrow();
    expect(flushes).toHaveLength(flushCount);
  });

  /**
   * An observer whose visits each cost 0.01 ms on its own clock (an 8 ms budget holds 800), and
   * which counts the visits of each flush.
   */
  function countingObserver(startAt: number) {
    const frames = createFrames();
    const clock = { now: startAt };
    const perFrame: number[] = [];
    let visitedThisFrame = 0;
    const observer = createDomObserver({
      target: document,
      now: () => clock.now,
      frames,
      budgetMs: 8,
      ignore: () => false,
      visit: () => {
        clock.now += 0.01;
        visitedThisFrame += 1;
      },
      afterFlush: () => {
        perFrame.push(visitedThisFrame);
        visitedThisFrame = 0;
      },
    });
    observer.start();
    stop = () => observer.stop();
    return { observer, frames, clock, perFrame };
  }

  it('spreads 5,000 new nodes over several frames within the budget', async () => {
    const { observer, frames, perFrame } = countingObserver(0);
    for (let i = 0; i < 5_000; i += 1) document.body.append(document.createElement('div'));
    await tick();
    expect(observer.queued).toBe(5_000);
    while (frames.pending > 0) frames.run();
    expect(perFrame.reduce((a, b) => a + b, 0)).toBe(5_000);
    expect(perFrame.length).toBeGreaterThanOrEqual(6);
    for (const count of perFrame) expect(count).toBeLessThanOrEqual(801);
  });

  it('works half as long in a frame that was already late when the flush began', async () => {
    const { frames, clock, perFrame } = countingObserver(100);
    for (let i = 0; i < 2_000; i += 1) document.body.append(document.createElement('div'));
    await tick();
    // On time (the frame began 1 ms ago): the full 8 ms.
    frames.run(clock.now - 1);
    // The page's own work took 12 ms of this frame before the flush: 4 ms are left for it.
    frames.run(clock.now - 12);
    expect(perFrame[0]).toBeGreaterThan(700);
    expect(perFrame[0]).toBeLessThanOrEqual(801);
    expect(perFrame[1]).toBeGreaterThan(350);
    expect(perFrame[1]).toBeLessThanOrEqual(401);
  });
});

describe('runtime over a budget', () => {
  let harness: Harness | null = null;
  afterEach(() => harness?.runtime.stop());

  it('badges 5,000 inserted account links across frames with one lookup per frame', async () => {
    let clock = 0;
    const data = new Map<string, BadgeInfo>([['user7', badgeInfoFor('user7')]]);
    harness = createHarness(data, {
      now: () => (clock += 0.01),
      budgetMs: 8,
    });
    await harness.runtime.start();
    await harness.settle();
    for (let i = 0; i < 5_000; i += 1) document.body.append(accountLink(`user${i % 50}`));
    await harness.settle();
    expect(harness.runtime.stats.frames).toBeGreaterThan(2);
    const lookups = harness.background.ofType('lookup');
    // The first frame meets all 50 keys; later frames know them or have them on the way.
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.keys).toHaveLength(50);
    expect(document.querySelectorAll('picket-badge')).toHaveLength(100);
  });
});
