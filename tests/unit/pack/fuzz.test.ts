// Property tests: whatever the input, the validator returns a verdict and never throws.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePack, validatePackText } from '../../../core/pack/validate';
import type { PackResult } from '../../../core/pack/types';

const goodText = readFileSync(
  resolve(import.meta.dirname, '../../data/packs/good-full.json'),
  'utf8',
);

function expectVerdict(result: PackResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expect(result.issues.length).toBeLessThanOrEqual(101);
  for (const issue of result.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

type Container = Record<string, unknown> | unknown[];

/** Every object and array inside a value, each with the key it can be changed at. */
function containers(root: unknown): Container[] {
  const out: Container[] = [];
  const stack = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    out.push(value as Container);
    stack.push(...Object.values(value));
  }
  return out;
}

const deepValue = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

/** One way to damage a pack at a chosen object: the kinds of mistakes and attacks we expect. */
const mutation = fc.oneof(
  fc.constant({ op: 'delete' as const }),
  fc.record({ op: fc.constant('rename' as const), name: fc.string({ maxLength: 12 }) }),
  fc.record({ op: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ op: fc.constant('huge' as const), size: fc.integer({ min: 1990, max: 50_000 }) }),
  fc.record({
    op: fc.constant('proto' as const),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'x-__proto__'),
  }),
  fc.record({ op: fc.constant('deep' as const), depth: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ op: fc.constant('extension' as const), value: fc.jsonValue({ maxDepth: 4 }) }),
);

/**
 * An own property, as JSON.parse makes from a file: plain assignment of "__proto__" would set the
 * prototype instead, which no JSON text can do.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

interface Change {
  op: string;
  name?: string;
  value?: unknown;
  size?: number;
  key?: string;
  depth?: number;
}

function apply(pack: unknown, pick: number, keyPick: number, change: Change): void {
  const all = containers(pack);
  const target = all[pick % all.length]!;
  const keys = Object.keys(target);
  const key = keys.length ? keys[keyPick % keys.length]! : '0';
  const t = target as Record<string, unknown>;
  switch (change.op) {
    case 'delete':
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete t[key];
      break;
    case 'rename':
      if (!Array.isArray(target)) {
        setOwn(t, change.name!, t[key]);
        delete t[key];
      }
      break;
    case 'replace':
      // A copy: fast-check reuses generated values while shrinking, and later changes in the same
      // run could otherwise make them contain themselves.
      setOwn(t, key, structuredClone(change.value));
      break;
    case 'huge':
      t[key] = 'é'.repeat(change.size!);
      break;
    case 'proto':
      setOwn(t, change.key!, { polluted: true });
      break;
    case 'deep':
      t[key] = deepValue(change.depth!);
      break;
    case 'extension':
      setOwn(t, `x-${key}`, structuredClone(change.value));
      break;
  }
}

describe('validator fuzzing', () => {
  it('returns a verdict for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expectVerdict(validatePack(value));
        expectVerdict(validatePackText(JSON.stringify(value) ?? ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a verdict for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectVerdict(validatePackText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('returns a verdict, never a crash, for damaged valid packs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), mutation), { minLength: 1, maxLength: 4 }),
        (changes) => {
          const pack: unknown = JSON.parse(goodText);
          for (const [pick, keyPick, m] of changes) apply(pack, pick, keyPick, m);
          const result = validatePack(pack);
          expectVerdict(result);
          // The same pack as text gets the same verdict (the text is far below 10 MB).
          let text: string;
          try {
            text = JSON.stringify(pack);
          } catch {
            return; // nested deeper than JSON.stringify itself can go: nothing to compare
          }
          const fromText = validatePackText(text);
          // On a mismatch, say what each side found: the counterexample alone may not show it.
          const found = (r: PackResult) => (r.ok ? 'valid' : JSON.stringify(r.issues.slice(0, 3)));
          expect(fromText.ok, `object: ${found(result)}; text: ${found(fromText)}`).toBe(result.ok);
          // A pack that gained a forbidden key is never accepted.
          if (/"(__proto__|constructor|prototype)":/.test(text)) expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns a verdict for truncated and spliced pack text', () => {
    fc.assert(
      fc.property(fc.nat(goodText.length), fc.string({ maxLength: 20 }), (cut, insert) => {
        expectVerdict(validatePackText(goodText.slice(0, cut) + insert + goodText.slice(cut)));
        expectVerdict(validatePackText(goodText.slice(0, cut)));
      }),
      { numRuns: 1000 },
    );
  });
});
