// Keys written twice in one object of a pack's text: found with the object's path, compared as
// JSON.parse reads them, and refused by validatePackText before anything reads the merged value.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../core/pack/duplicate-keys';
import { validatePackText } from '../../../core/pack/validate';
import { PACK_LIMITS } from '../../../core/pack/validate-issues';
import type { PackResult } from '../../../core/pack/types';

const fullText = readFileSync(
  resolve(import.meta.dirname, '../../data/packs/good-full.json'),
  'utf8',
);
const issuesOf = (result: PackResult) =>
  result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);

describe('findDuplicateKeys', () => {
  it('finds nothing in valid JSON without repeats, whatever the nesting', () => {
    for (const text of [
      fullText,
      '{}',
      '[]',
      '"text"',
      '{"a":{"a":{"a":[{"a":1},{"a":2}]}}}',
      '{"a":"\\"a\\":1,","b":["{\\"a\\":",{"a":1}]}',
      '{"a\\\\":1,"a":2}',
      '[' + '{"k":1},'.repeat(1000) + '{"k":1}]',
    ]) {
      expect(findDuplicateKeys(text), text.slice(0, 40)).toEqual({ found: [], total: 0 });
    }
  });

  it('names the object holding the repeated key by its JSON path', () => {
    expect(findDuplicateKeys('{"a":1,"b":2,"a":3}')).toEqual({
      found: [{ path: [], key: 'a' }],
      total: 1,
    });
    expect(
      findDuplicateKeys('{"c":[{"x":1},{"y":[0,1,{"p":{"q":1,"q":[]}}],"y":2}]}').found,
    ).toEqual([
      { path: ['c', 1, 'y', 2, 'p'], key: 'q' },
      { path: ['c', 1], key: 'y' },
    ]);
  });

  it('compares keys as JSON.parse reads them, escapes included', () => {
    expect(findDuplicateKeys('{"name":1,"n\\u0061me":2}').found).toEqual([
      { path: [], key: 'name' },
    ]);
    expect(findDuplicateKeys('{"q\\"":1,"q\\u0022":2}').found).toEqual([{ path: [], key: 'q"' }]);
    // A key that differs only in case is a different key.
    expect(findDuplicateKeys('{"Name":1,"name":2}').total).toBe(0);
  });

  it('checks large objects as well as small ones', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `"k${i}":${i}`);
    expect(findDuplicateKeys(`{${keys.join(',')}}`).total).toBe(0);
    expect(findDuplicateKeys(`{${keys.join(',')},"k17":0,"k499":0}`).found).toEqual([
      { path: [], key: 'k17' },
      { path: [], key: 'k499' },
    ]);
  });

  it('keeps the first `limit` repeats and counts them all', () => {
    const text = '[' + Array.from({ length: 150 }, () => '{"a":1,"a":2}').join(',') + ']';
    const { found, total } = findDuplicateKeys(text, 100);
    expect(total).toBe(150);
    expect(found).toHaveLength(100);
    expect(found[99]).toEqual({ path: [99], key: 'a' });
  });

  it('survives 10,000 levels of nesting', () => {
    const text = '{"a":'.repeat(10_000) + '{"b":1,"b":2}' + '}'.repeat(10_000);
    const { found } = findDuplicateKeys(text);
    expect(found[0]!.path).toHaveLength(10_000);
    expect(found[0]!.key).toBe('b');
  });
});

describe('validatePackText refuses duplicate keys', () => {
  it('reports the object path and the key, and nothing it would read from the merged value', () => {
    const text = fullText.replace('"name": "Ana Tenant",', '"name": "Ana Tenant", "name": "Bob",');
    expect(issuesOf(validatePackText(text))).toEqual([
      '/campaigns/0/participants/0: duplicate key "name"',
    ]);
  });

  it('finds repeats at the top, in extensions and behind escapes', () => {
    const text = fullText
      .replace('"version": 7,', '"version": 7, "version": 8,')
      .replace('"x-note": "example extension"', '"x-note": {"a": 1, "\\u0061": 2}')
      .replace('"kind": "own-statement"', '"kind": "own-statement", "kind": "other"');
    expect(issuesOf(validatePackText(text))).toEqual([
      ': duplicate key "version"',
      '/campaigns/0/participants/0/x-note: duplicate key "a"',
      '/campaigns/0/sources/1: duplicate key "kind"',
    ]);
  });

  it('lists 100 repeats and counts the rest', () => {
    const pack = JSON.parse(fullText);
    pack.publisher['x-list'] = [];
    let text = JSON.stringify(pack);
    const repeats = Array.from({ length: 130 }, (_, i) => `{"k${i}":1,"k${i}":2}`).join(',');
    text = text.replace('"x-list":[]', `"x-list":[${repeats}]`);
    const issues = issuesOf(validatePackText(text));
    expect(issues).toHaveLength(PACK_LIMITS.maxIssues + 1);
    expect(issues[0]).toBe('/publisher/x-list/0: duplicate key "k0"');
    expect(issues.at(-1)).toBe(': …and 30 more problems');
  });

  it('scans a pack of close to 10 MB and still finds a duplicate in it', () => {
    const pack = JSON.parse(fullText);
    const accounts = Array.from({ length: 180_000 }, (_, i) => ({
      platform: 'instagram',
      handle: `user_${i}`,
      confidence: 'likely',
    }));
    pack.campaigns[0].participants[0].accounts = accounts;
    const text = JSON.stringify(pack);
    expect(text.length).toBeGreaterThan(9_000_000);
    expect(findDuplicateKeys(text).total).toBe(0);
    expect(validatePackText(text.replace('"user_7"', '"user_7","handle":"x"')).ok).toBe(false);
  });
});
