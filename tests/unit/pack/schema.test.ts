// The JSON Schema and the validator must agree on everything the schema can express.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../core/pack/validate';

const repoRoot = resolve(import.meta.dirname, '../../..');
const read = (path: string): unknown => JSON.parse(readFileSync(resolve(repoRoot, path), 'utf8'));

// ajv-formats is CommonJS; its default export arrives wrapped depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
});
addFormats(ajv);
const schemaAccepts = ajv.compile(read('schema/picket-pack-1.schema.json') as object);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- samples are arbitrary JSON
type Loose = any;
const full = (): Loose => read('tests/data/packs/good-full.json');
const P = (p: Loose) => p.campaigns[0].participants[0];

/** Structural variations: the schema and the validator must give the same verdict. */
const structural: [string, () => unknown][] = [
  ['good minimal', () => read('tests/data/packs/good-minimal.json')],
  ['good full', full],
  ['bundled pack', () => read('packs/stophateforprofit-2020.json')],
  ['bad handle file', () => read('tests/data/packs/bad-handle.json')],
  ['bad-many file', () => read('tests/data/packs/bad-many.json')],
  ['not an object', () => ['a list']],
  ['wrong format', () => ({ ...full(), format: 'picket-pack/2' })],
  ['unknown top-level key', () => ({ ...full(), extra: 1 })],
  ['x- key at top level', () => ({ ...full(), 'x-top': 1 })],
  ['x- key inside', () => mutate((p) => (P(p)['x-note'] = { a: [1, { b: 2 }] }))],
  ['unknown nested key', () => ({ ...full(), publisher: { name: 'a', email: 'b' } })],
  ['missing campaigns', () => ({ ...full(), campaigns: undefined })],
  ['empty campaigns', () => ({ ...full(), campaigns: [] })],
  ['pack id too short', () => ({ ...full(), id: 'ab' })],
  ['pack id upper case', () => ({ ...full(), id: 'Abc' })],
  ['version zero', () => ({ ...full(), version: 0 })],
  ['version fraction', () => ({ ...full(), version: 2.5 })],
  ['version as text', () => ({ ...full(), version: '3' })],
  ['updatedAt date only', () => ({ ...full(), updatedAt: '2026-11-30' })],
  ['updatedAt not a date', () => ({ ...full(), updatedAt: 'soon' })],
  ['updatedAt 30 February', () => ({ ...full(), updatedAt: '2026-02-30' })],
  ['date-time without offset', () => ({ ...full(), updatedAt: '2026-11-30T10:00:00' })],
  ['http url', () => ({ ...full(), publisher: { name: 'a', url: 'http://a.example/' } })],
  ['javascript url', () => ({ ...full(), publisher: { name: 'a', url: 'javascript:x' } })],
  ['mixed-case javascript', () => ({ ...full(), publisher: { name: 'a', url: 'JaVaScRiPt:x' } })],
  ['control char url', () => ({ ...full(), publisher: { name: 'a', url: '\u0001https://a.b/' } })],
  ['credentials in url', () => ({ ...full(), publisher: { name: 'a', url: 'https://u@a.b/' } })],
  ['empty name', () => ({ ...full(), publisher: { name: '  ' } })],
  ['long text', () => ({ ...full(), publisher: { name: 'a'.repeat(2001) } })],
  ['text at limit (emoji)', () => ({ ...full(), publisher: { name: '😀'.repeat(2000) } })],
  ['proto key in extension', () => mutate((p) => (P(p)['x-note'] = { constructor: 1 }))],
  ['deep proto key', () => mutate((p) => (P(p)['x-note'] = [[{ a: { prototype: 1 } }]]))],
  ['instagram handle invalid', () => mutate((p) => (P(p).accounts[0].handle = 'a b'))],
  ['instagram numericId', () => mutate((p) => (P(p).accounts[0].numericId = '123456'))],
  ['facebook numeric only', () => mutate((p) => (P(p).accounts[1] = fb({ numericId: '12345' })))],
  ['facebook nothing', () => mutate((p) => (P(p).accounts[1] = fb({})))],
  ['facebook short vanity', () => mutate((p) => (P(p).accounts[1] = fb({ handle: 'abcd' })))],
  ['facebook digit vanity', () => mutate((p) => (P(p).accounts[1] = fb({ handle: '123456' })))],
  ['facebook short id', () => mutate((p) => (P(p).accounts[1] = fb({ numericId: '1234' })))],
  ['unknown platform', () => mutate((p) => (P(p).accounts[0].platform = 'tiktok'))],
  ['no accounts', () => mutate((p) => (P(p).accounts = []))],
  ['no sources', () => mutate((p) => (P(p).sources = []))],
  ['action without sources', () => mutate((p) => (P(p).actions[0].sources = []))],
  ['bad status', () => mutate((p) => (P(p).status = 'boycotted'))],
  ['bad role', () => mutate((p) => (P(p).role = 'fan'))],
  ['bad event kind', () => mutate((p) => (p.campaigns[0].events[0].kind = 'party'))],
  ['bad item id', () => mutate((p) => (p.campaigns[0].demands[0].id = 'has space'))],
  ['demand missing title', () => mutate((p) => delete p.campaigns[0].demands[0].title)],
  ['source missing url', () => mutate((p) => delete p.campaigns[0].sources[1].url)],
  ['time zone shape', () => mutate((p) => (p.campaigns[0].events[0].timeZone = '+05:00'))],
];

function mutate(change: (p: Loose) => void): unknown {
  const p = full();
  change(p);
  return p;
}
const fb = (fields: object) => ({ platform: 'facebook', ...fields });

/** Rules only the validator can check: the schema accepts these, the validator must not. */
const beyondSchema: [string, () => unknown][] = [
  ['duplicate participant id', () => mutate((p) => (p.campaigns[0].participants[1].id = P(p).id))],
  ['duplicate campaign id', () => mutate((p) => p.campaigns.push(p.campaigns[0]))],
  ['dangling source ref', () => mutate((p) => (P(p).sources = ['S999']))],
  ['dangling event ref', () => mutate((p) => (P(p).actions[0].event = 'nope'))],
  ['unknown time zone', () => mutate((p) => (p.campaigns[0].events[0].timeZone = 'Mars/Base'))],
  ['end before start', () => mutate((p) => (p.campaigns[0].events[0].end = '2020-01-01'))],
];

describe('schema/picket-pack-1.schema.json', () => {
  it.each(structural)('agrees with the validator: %s', (_name, make) => {
    const sample = make();
    const byValidator = validatePack(sample).ok;
    const bySchema = schemaAccepts(sample);
    expect(bySchema, JSON.stringify(schemaAccepts.errors?.slice(0, 3))).toBe(byValidator);
  });

  it('accepts the bundled pack and rejects the broken sample files', () => {
    expect(schemaAccepts(read('packs/stophateforprofit-2020.json'))).toBe(true);
    expect(schemaAccepts(read('tests/data/packs/bad-handle.json'))).toBe(false);
  });

  it.each(beyondSchema)('leaves "%s" to the validator', (_name, make) => {
    const sample = make();
    expect(schemaAccepts(sample)).toBe(true);
    expect(validatePack(sample).ok).toBe(false);
  });
});
