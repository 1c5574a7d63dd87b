// A subtree's candidates: an ordinary subtree in one query, a huge one a bounded step at a time;
// both give the same elements in document order, and tell when a context element was met.
import { beforeEach, describe, expect, it } from 'vitest';
import { walkCandidates } from '../../../content/candidate-walk';

beforeEach(() => document.body.replaceChildren());

/** A root with `rows` rows of two elements each; every third row holds a link. */
function subtree(rows: number): Element {
  const root = document.createElement('div');
  for (let i = 0; i < rows; i++) {
    const row = document.createElement(i === rows - 2 ? 'article' : 'div');
    const inner = document.createElement(i % 3 === 0 ? 'a' : 'span');
    if (i % 3 === 0) inner.setAttribute('href', `/user${i}/`);
    row.append(inner);
    root.append(row);
  }
  document.body.append(root);
  return root;
}

function all(root: Element, step: number) {
  const walk = walkCandidates(root, 'a[href]', 'article');
  const found: Element[] = [];
  let steps = 0;
  while (!walk.done) {
    found.push(...walk.next(step));
    steps += 1;
  }
  return { found, steps, contextSeen: walk.takeContextSeen(), again: walk.takeContextSeen() };
}

describe('walkCandidates', () => {
  it('gives an ordinary subtree’s candidates in one step, in document order', () => {
    const root = subtree(300);
    const { found, steps, contextSeen, again } = all(root, 50);
    expect(found).toEqual([...root.querySelectorAll('a[href]')]);
    expect(found).toHaveLength(100);
    expect(steps).toBe(1);
    expect(contextSeen).toBe(true);
    expect(again).toBe(false);
  });

  it('walks a huge subtree a bounded number of elements at a time, to the same result', () => {
    const root = subtree(6_000);
    const first = walkCandidates(root, 'a[href]').next(300);
    // The first 300 elements are 150 rows: 50 links.
    expect(first).toHaveLength(50);
    const { found, steps, contextSeen } = all(root, 2_000);
    expect(found).toEqual([...root.querySelectorAll('a[href]')]);
    expect(steps).toBeGreaterThan(5);
    expect(contextSeen).toBe(true);
  });
});
