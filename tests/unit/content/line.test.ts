import { describe, expect, it } from 'vitest';
import { Line } from '../../../content/line';

describe('Line', () => {
  it('gives items oldest first, skips removed ones, and keeps a returning item once', () => {
    const line = new Line<string>();
    for (const item of ['a', 'b', 'c', 'd']) line.add(item);
    line.delete('b');
    line.add('a');
    expect(line.size).toBe(3);
    expect(line.shift()).toBe('a');
    line.add('a');
    expect([line.shift(), line.shift(), line.shift(), line.shift()]).toEqual([
      'c',
      'd',
      'a',
      undefined,
    ]);
    expect(line.size).toBe(0);
  });

  it('keeps first-in first-out order through a long churning line', () => {
    const line = new Line<number>();
    let outOfOrder = 0;
    for (let i = 0; i < 200_000; i++) {
      line.add(i);
      if (i >= 1_000 && line.shift() !== i - 1_000) outOfOrder++;
    }
    expect(outOfOrder).toBe(0);
    expect(line.size).toBe(1_000);
    expect(line.shift()).toBe(199_000);
  });
});
