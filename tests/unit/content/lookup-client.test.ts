import { describe, expect, it } from 'vitest';
import type { ContentSend } from '../../../content/lookup-client';
import { createKeyBudget } from '../../../content/key-budget';
import { createLookupClient } from '../../../content/lookup-client';
import type { ContentRequest, Response } from '../../../core/messages';
import { MAX_LOOKUP_KEYS } from '../../../core/limits';
import { badgeInfoFor, createFakeBackground, createTimers, tick } from './harness';

/** A client whose key budget never runs out: these tests are about batching and retries. */
function client(hits: string[]) {
  const background = createFakeBackground(new Map(hits.map((key) => [key, badgeInfoFor(key)])));
  const answered: string[][] = [];
  const lookup = createLookupClient({
    platform: 'instagram',
    send: background.send,
    onAnswers: (keys) => answered.push(keys),
    onRetryDue: () => {},
    now: () => 0,
    timers: createTimers(),
    budget: createKeyBudget(Infinity, Infinity),
  });
  return { lookup, background, answered };
}

describe('lookup client', () => {
  it('splits more keys than the protocol allows into as few messages as possible', async () => {
    const { lookup, background } = client([]);
    const keys = Array.from({ length: 4_500 }, (_, i) => `k${i}`);
    lookup.fetch(keys);
    await tick();
    const sizes = background.ofType('lookup').map((request) => request.keys.length);
    expect(sizes).toEqual([MAX_LOOKUP_KEYS, MAX_LOOKUP_KEYS, 500]);
  });

  it('caches hits and misses, and asks nothing twice', async () => {
    const { lookup, background, answered } = client(['nike']);
    lookup.fetch(['nike', 'other', 'nike']);
    lookup.fetch(['nike', 'other']); // still on its way
    await tick();
    expect(background.ofType('lookup')).toHaveLength(1);
    expect(lookup.answer('nike')?.handle).toBe('nike');
    expect(lookup.answer('other')).toBeNull();
    expect(lookup.answer('unasked')).toBeUndefined();
    expect(answered).toEqual([['nike', 'other']]);
    lookup.fetch(['nike', 'other']);
    await tick();
    expect(background.ofType('lookup')).toHaveLength(1);
  });

  it('drops an answer to a question asked before clear()', async () => {
    const { lookup, background, answered } = client(['nike']);
    lookup.fetch(['nike']);
    lookup.clear();
    await tick();
    expect(lookup.answer('nike')).toBeUndefined();
    expect(answered).toEqual([]);
    lookup.fetch(['nike']);
    await tick();
    expect(background.ofType('lookup')).toHaveLength(2);
    expect(lookup.answer('nike')?.handle).toBe('nike');
  });

  it('does not take keys named like Object.prototype members as hits', async () => {
    const { lookup } = client([]);
    lookup.fetch(['constructor', '__proto__', 'tostring']);
    await tick();
    expect(lookup.answer('constructor')).toBeNull();
    expect(lookup.answer('__proto__')).toBeNull();
  });

  it('sends only lookup messages of the protocol shape', async () => {
    const { lookup, background } = client([]);
    lookup.fetch(['a.b', 'c_d']);
    await tick();
    expect(background.requests).toEqual<ContentRequest[]>([
      { type: 'lookup', platform: 'instagram', keys: ['a.b', 'c_d'] },
    ]);
  });

  it('asks one question at a time: keys found meanwhile go together when it is answered', async () => {
    // A background that answers only when told to, to hold a lookup on its way.
    const asked: string[][] = [];
    const replies: Array<() => void> = [];
    const send = ((request: Extract<ContentRequest, { type: 'lookup' }>) => {
      asked.push(request.keys);
      return new Promise<Response<'lookup'>>((resolve) =>
        replies.push(() =>
          resolve({ ok: true, matches: { nike: badgeInfoFor('nike') } } as Response<'lookup'>),
        ),
      );
    }) as unknown as ContentSend;
    const answered: string[][] = [];
    const lookup = createLookupClient({
      platform: 'instagram',
      send,
      onAnswers: (keys) => answered.push(keys),
      onRetryDue: () => {},
      now: () => 0,
      timers: createTimers(),
    });
    // Nothing on its way: asked at once.
    lookup.fetch(['nike']);
    expect(asked).toEqual([['nike']]);
    // Three more frames' keys while it is out: none is sent yet.
    lookup.fetch(['a1']);
    lookup.fetch(['b2', 'nike']);
    lookup.fetch(['c3', 'a1']);
    expect(asked).toHaveLength(1);
    expect(lookup.answer('a1')).toBeUndefined();
    // The answer is in: the waiting keys go as one message, each once.
    replies.shift()!();
    await tick();
    expect(answered).toEqual([['nike']]);
    expect(asked).toEqual([['nike'], ['a1', 'b2', 'c3']]);
    replies.shift()!();
    await tick();
    expect(lookup.answer('nike')?.handle).toBe('nike');
    expect(lookup.answer('c3')).toBeNull();
    expect(lookup.messagesSent).toBe(2);
    // Idle again: the next key is asked at once.
    lookup.fetch(['d4']);
    expect(asked).toHaveLength(3);
  });

  it("over the page's key budget, new keys wait and go newest first as tokens come back", async () => {
    const background = createFakeBackground(new Map([['listed', badgeInfoFor('listed')]]));
    const timers = createTimers();
    let clock = 0;
    const wanted = new Set(['old1', 'old2', 'old3', 'listed']);
    const lookup = createLookupClient({
      platform: 'instagram',
      send: background.send,
      onAnswers: () => {},
      onRetryDue: () => {},
      now: () => clock,
      timers,
      budget: createKeyBudget(2, 60),
      wanted: (key) => wanted.has(key),
    });
    lookup.fetch(['a', 'b', 'old1', 'old2', 'old3', 'listed']);
    await tick();
    expect(background.ofType('lookup').map((r) => r.keys)).toEqual([['a', 'b']]);
    // Nothing is dropped or refused: the waiting keys are simply not answered yet.
    expect(lookup.answer('listed')).toBeUndefined();
    // Asking again while they wait spends nothing and sends nothing.
    lookup.fetch(['old1', 'listed']);
    await tick();
    expect(background.ofType('lookup')).toHaveLength(1);
    // One token a second; the newest key still wanted goes first.
    clock += 1_000;
    timers.advance(1_000);
    await tick();
    expect(background.ofType('lookup').map((r) => r.keys)).toEqual([['a', 'b'], ['listed']]);
    expect(lookup.answer('listed')?.handle).toBe('listed');
    wanted.delete('old3');
    for (let second = 0; second < 5; second++) {
      clock += 1_000;
      timers.advance(1_000);
      await tick();
    }
    // old3 is no longer wanted (its name went away): it never costs a token.
    expect(background.ofType('lookup').map((r) => r.keys)).toEqual([
      ['a', 'b'],
      ['listed'],
      ['old2'],
      ['old1'],
    ]);
  });

  it('a key once paid for is asked again for free (after clear or a failure)', async () => {
    const background = createFakeBackground(new Map());
    const lookup = createLookupClient({
      platform: 'instagram',
      send: background.send,
      onAnswers: () => {},
      onRetryDue: () => {},
      now: () => 0,
      timers: createTimers(),
      budget: createKeyBudget(2, 60),
    });
    lookup.fetch(['a', 'b']);
    await tick();
    lookup.clear();
    lookup.fetch(['a', 'b', 'c']);
    await tick();
    expect(background.ofType('lookup').map((r) => r.keys)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });
});
