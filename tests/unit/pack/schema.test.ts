// The JSON Schema is the one description of a pack's structure: each structural rule must be
// rejected by the schema itself (the generated ajv code the extension ships) and reported by
// validatePack at the right JSON path with a message a pack author can act on.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateAll, validateFast } from '../../../core/pack/schema-validator.generated';
import { validatePack } from '../../../core/pack/validate';

const repoRoot = resolve(import.meta.dirname, '../../..');
const read = (path: string): unknown => JSON.parse(readFileSync(resolve(repoRoot, path), 'utf8'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- samples are arbitrary JSON
type Loose = any;
const full = (): Loose => read('tests/data/packs/good-full.json');
const P = (p: Loose) => p.campaigns[0].participants[0];
const P0 = '/campaigns/0/participants/0';

function mutate(change: (p: Loose) => void): unknown {
  const p = full();
  change(p);
  return p;
}
const fb = (fields: object) => ({ platform: 'facebook', ...fields });
const issuesOf = (value: unknown) => {
  const result = validatePack(value);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

const CORRECTIONS_RULE = 'not an https:// URL or a mailto: address (mailto:name@example.org)';
const VERSION_RULE = '/version: must be a whole number from 1 to 4,294,967,295';
const ID_RULE = 'not a valid id (1–64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)';
const DATE_RULE = 'not a date (YYYY-MM-DD) or an RFC 3339 date-time';

/** One structural rule each: the sample breaks it, and exactly these issues are reported. */
const structural: [string, () => unknown, string[]][] = [
  [
    'wrong format',
    () => ({ ...full(), format: 'picket-pack/2' }),
    ['/format: must be "picket-pack/1" (this version of Picket reads format 1 only)'],
  ],
  ['unknown top-level key', () => ({ ...full(), extra: 1 }), ['/extra: unknown key "extra"']],
  ['x- key at top level', () => ({ ...full(), 'x-top': 1 }), ['/x-top: unknown key "x-top"']],
  [
    'unknown nested key',
    () => ({ ...full(), publisher: { name: 'a', email: 'b' } }),
    ['/publisher/email: unknown key "email" (extensions must start with "x-")'],
  ],
  [
    'unknown account key',
    () => mutate((p) => (P(p).accounts[0].url = 'x')),
    [`${P0}/accounts/0/url: unknown key "url" (extensions must start with "x-")`],
  ],
  [
    'missing campaigns',
    () => ({ ...full(), campaigns: undefined }),
    ['/campaigns: missing required key "campaigns"'],
  ],
  ['empty campaigns', () => ({ ...full(), campaigns: [] }), ['/campaigns: must list at least 1']],
  [
    'campaigns not a list',
    () => ({ ...full(), campaigns: 'all' }),
    ['/campaigns: must be a list, not text'],
  ],
  [
    'publisher not an object',
    () => ({ ...full(), publisher: ['a'] }),
    ['/publisher: must be an object, not a list'],
  ],
  [
    'account not an object',
    () => mutate((p) => (P(p).accounts[0] = 'ana')),
    [`${P0}/accounts/0: must be an object, not text`],
  ],
  [
    'pack id too short',
    () => ({ ...full(), id: 'ab' }),
    ['/id: not a valid pack id (3–64 of a-z 0-9 -)'],
  ],
  [
    'pack id upper case',
    () => ({ ...full(), id: 'Abc' }),
    ['/id: not a valid pack id (3–64 of a-z 0-9 -)'],
  ],
  ['version zero', () => ({ ...full(), version: 0 }), [VERSION_RULE]],
  ['version fraction', () => ({ ...full(), version: 2.5 }), [VERSION_RULE]],
  ['version as text', () => ({ ...full(), version: '3' }), [VERSION_RULE]],
  ['version over 32 bits', () => ({ ...full(), version: 4_294_967_296 }), [VERSION_RULE]],
  ['updatedAt not a date', () => ({ ...full(), updatedAt: 'soon' }), [`/updatedAt: ${DATE_RULE}`]],
  [
    'date-time without offset',
    () => ({ ...full(), updatedAt: '2026-11-30T10:00:00' }),
    [`/updatedAt: ${DATE_RULE}`],
  ],
  [
    'source date as a number',
    () => mutate((p) => (p.campaigns[0].sources[0].date = 2020)),
    [`/campaigns/0/sources/0/date: ${DATE_RULE}`],
  ],
  [
    'http url',
    () => ({ ...full(), publisher: { name: 'a', url: 'http://a.example/' } }),
    ['/publisher/url: not an https:// URL'],
  ],
  [
    'mixed-case javascript url',
    () => ({ ...full(), publisher: { name: 'a', url: 'JaVaScRiPt:x' } }),
    ['/publisher/url: not an https:// URL'],
  ],
  [
    'control character in url',
    () => ({ ...full(), publisher: { name: 'a', url: '\u0001https://a.b/' } }),
    ['/publisher/url: not an https:// URL'],
  ],
  [
    'credentials in url',
    () => ({ ...full(), publisher: { name: 'a', url: 'https://u@a.b/' } }),
    ['/publisher/url: not an https:// URL'],
  ],
  ...(
    [
      ['credentials in corrections', 'https://u@a.b/'],
      ['http corrections', 'http://a.example/fix'],
      ['mailto with headers', 'mailto:fix@a.example?bcc=other@b.example'],
      ['mailto with a body', 'mailto:fix@a.example?body=hello'],
      ['two mailto addresses', 'mailto:fix@a.example,other@b.example'],
      ['mailto with a space', 'mailto:fix @a.example'],
      ['mailto with a control character', 'mailto:fix\u0000@a.example'],
      ['mailto with a percent-escape', 'mailto:fix%40@a.example'],
      ['mailto without a domain', 'mailto:fix@'],
      ['mailto without a top-level domain', 'mailto:fix@localhost'],
      ['mailto without an address', 'mailto:'],
      ['mailto with a leading dot', 'mailto:.fix@a.example'],
      ['upper-case MAILTO', 'MAILTO:fix@a.example'],
      ['e-mail address without mailto', 'fix@a.example'],
    ] as const
  ).map(([name, corrections]): [string, () => unknown, string[]] => [
    name,
    () => ({ ...full(), publisher: { name: 'a', corrections } }),
    [`/publisher/corrections: ${CORRECTIONS_RULE}`],
  ]),
  [
    'corrections as a number',
    () => ({ ...full(), publisher: { name: 'a', corrections: 7 } }),
    ['/publisher/corrections: must be a URL or a mailto: address (text), not a number'],
  ],
  [
    'url as a number',
    () => mutate((p) => (p.campaigns[0].url = 7)),
    ['/campaigns/0/url: must be a URL (text), not a number'],
  ],
  [
    'blank name',
    () => ({ ...full(), publisher: { name: '  ' } }),
    ['/publisher/name: must not be empty'],
  ],
  [
    'long text',
    () => ({ ...full(), publisher: { name: 'a'.repeat(2001) } }),
    ['/publisher/name: longer than 2,000 characters'],
  ],
  [
    'long emoji text (code points, not UTF-16 units)',
    () => mutate((p) => (p.campaigns[0].summary = '😀'.repeat(2001))),
    ['/campaigns/0/summary: longer than 2,000 characters'],
  ],
  [
    'name as a number',
    () => ({ ...full(), publisher: { name: 5 } }),
    ['/publisher/name: must be text, not a number'],
  ],
  [
    'instagram handle invalid',
    () => mutate((p) => (P(p).accounts[0].handle = 'a b')),
    [`${P0}/accounts/0/handle: not a valid Instagram username`],
  ],
  [
    'instagram handle as a number',
    () => mutate((p) => (P(p).accounts[0].handle = 12345)),
    [`${P0}/accounts/0/handle: not a valid Instagram username`],
  ],
  [
    'instagram without handle',
    () => mutate((p) => (P(p).accounts[0] = { platform: 'instagram' })),
    [`${P0}/accounts/0/handle: an Instagram account needs a handle`],
  ],
  [
    'instagram numericId',
    () => mutate((p) => (P(p).accounts[0].numericId = '123456')),
    [`${P0}/accounts/0/numericId: numericId is only for Facebook accounts`],
  ],
  [
    'facebook nothing',
    () => mutate((p) => (P(p).accounts[0] = fb({}))),
    [`${P0}/accounts/0: a Facebook account needs a handle or a numericId`],
  ],
  [
    'facebook short vanity',
    () => mutate((p) => (P(p).accounts[0] = fb({ handle: 'abcd' }))),
    [`${P0}/accounts/0/handle: not a valid Facebook username`],
  ],
  [
    'facebook digit vanity',
    () => mutate((p) => (P(p).accounts[0] = fb({ handle: '123456' }))),
    [
      `${P0}/accounts/0/handle: a Facebook username cannot be all digits (put a numeric id in numericId)`,
    ],
  ],
  [
    'facebook short all-digit vanity (one problem, not two)',
    () => mutate((p) => (P(p).accounts[0] = fb({ handle: '12' }))),
    [`${P0}/accounts/0/handle: not a valid Facebook username`],
  ],
  [
    'facebook short id',
    () => mutate((p) => (P(p).accounts[0] = fb({ numericId: '1234' }))),
    [`${P0}/accounts/0/numericId: not a valid Facebook numeric id (5–20 digits, as text)`],
  ],
  [
    'unknown platform',
    () => mutate((p) => (P(p).accounts[0].platform = 'tiktok')),
    [`${P0}/accounts/0/platform: must be instagram or facebook`],
  ],
  [
    'no accounts',
    () => mutate((p) => (P(p).accounts = [])),
    [`${P0}/accounts: must list at least 1`],
  ],
  [
    'no sources',
    () => mutate((p) => (P(p).sources = [])),
    [`${P0}/sources: must list at least one source`],
  ],
  [
    'action without sources',
    () => mutate((p) => (P(p).actions[0].sources = [])),
    [`${P0}/actions/0/sources: must list at least one source`],
  ],
  [
    'source reference as a number',
    () => mutate((p) => (P(p).sources = [1])),
    [`${P0}/sources/0: must be a source id, not a number`],
  ],
  [
    'event reference as a number',
    () => mutate((p) => (P(p).actions[0].event = 1)),
    [`${P0}/actions/0/event: must be an event id, not a number`],
  ],
  [
    'bad status',
    () => mutate((p) => (P(p).status = 'boycotted')),
    [`${P0}/status: must be one of took-part, announced, paused-ads, resumed, withdrew`],
  ],
  [
    'bad role',
    () => mutate((p) => (P(p).role = 'fan')),
    [`${P0}/role: must be one of participant, advertiser, organizer, coalition-member`],
  ],
  [
    'bad participant kind',
    () => mutate((p) => (P(p).kind = 5)),
    [`${P0}/kind: must be one of person, brand, organization`],
  ],
  [
    'bad item id',
    () => mutate((p) => (p.campaigns[0].demands[0].id = 'has space')),
    [`/campaigns/0/demands/0/id: ${ID_RULE}`],
  ],
  [
    'demand missing title',
    () => mutate((p) => delete p.campaigns[0].demands[0].title),
    ['/campaigns/0/demands/0/title: missing required key "title"'],
  ],
  [
    'source missing url',
    () => mutate((p) => delete p.campaigns[0].sources[1].url),
    ['/campaigns/0/sources/1/url: missing required key "url"'],
  ],
  [
    'bad account confidence',
    () => mutate((p) => (P(p).accounts[0].confidence = 'certain')),
    [`${P0}/accounts/0/confidence: must be one of verified, likely`],
  ],
  [
    'account confidence in capitals',
    () => mutate((p) => (P(p).accounts[0].confidence = 'Verified')),
    [`${P0}/accounts/0/confidence: must be one of verified, likely`],
  ],
  [
    'holder as a number',
    () => mutate((p) => (P(p).accounts[0].holder = 3)),
    [`${P0}/accounts/0/holder: must be text, not a number`],
  ],
  [
    'holder too long',
    () => mutate((p) => (P(p).accounts[0].holder = 'h'.repeat(2001))),
    [`${P0}/accounts/0/holder: longer than 2,000 characters`],
  ],
  [
    'bad relation',
    () => mutate((p) => (P(p).relation = 'member')),
    [`${P0}/relation: must be one of joined, aligned, listed`],
  ],
  [
    'bad source kind',
    () => mutate((p) => (p.campaigns[0].sources[0].kind = 'press')),
    ['/campaigns/0/sources/0/kind: must be one of own-statement, major-outlet, other'],
  ],
  [
    'demand sources as text',
    () => mutate((p) => (p.campaigns[0].demands[0].sources = 'S1')),
    ['/campaigns/0/demands/0/sources: must be a list, not text'],
  ],
  [
    'demand sources empty',
    () => mutate((p) => (p.campaigns[0].demands[0].sources = [])),
    ['/campaigns/0/demands/0/sources: must list at least one source'],
  ],
  [
    'demand source reference not an id',
    () => mutate((p) => (p.campaigns[0].demands[0].sources = ['S 1'])),
    [`/campaigns/0/demands/0/sources/0: ${ID_RULE}`],
  ],
  [
    'event source reference as a number',
    () => mutate((p) => (p.campaigns[0].events[0].sources = ['S1', 2])),
    ['/campaigns/0/events/0/sources/1: must be a source id, not a number'],
  ],
  [
    'event sources as an object',
    () => mutate((p) => (p.campaigns[0].events[1].sources = { S1: true })),
    ['/campaigns/0/events/1/sources: must be a list, not an object'],
  ],
  [
    'time zone shape',
    () => mutate((p) => (p.campaigns[0].events[0].timeZone = '+05:00')),
    ['/campaigns/0/events/0/timeZone: not an IANA time zone (like America/New_York)'],
  ],
];

describe('schema/picket-pack-1.schema.json, as the generated validator checks it', () => {
  it.each(structural)('rejects %s, at its path, in plain words', (_name, make, expected) => {
    const sample = make();
    // The rule lives in the schema: the generated code alone refuses the sample.
    expect(validateFast(sample)).toBe(false);
    expect(validateAll(sample)).toBe(false);
    expect(issuesOf(sample)).toEqual(expected);
  });

  it('accepts the sample packs, the bundled pack and x- extensions anywhere below the top', () => {
    const valid = [
      read('tests/data/packs/good-minimal.json'),
      full(),
      read('packs/stophateforprofit-2020.json'),
      mutate((p) => (P(p)['x-note'] = { a: [1, { b: 2 }] })),
      mutate((p) => (P(p).accounts[0]['x-seen'] = true)),
      mutate((p) => (p.campaigns[0].summary = '😀'.repeat(2000))),
      mutate((p) => (P(p).accounts[0] = fb({ handle: 'Some.Page-1', numericId: '100012345' }))),
      mutate((p) => (p.publisher.corrections = 'mailto:corrections@tenants.example.org')),
      mutate(
        (p) => (p.publisher.corrections = 'mailto:first.last+packs@mail.tenants-union.example'),
      ),
      mutate((p) => (p.version = 4_294_967_295)),
      mutate((p) => {
        // Every new field at each of its values, and each one left out.
        P(p).accounts[0].confidence = 'likely';
        P(p).accounts[0].holder = '';
        P(p).relation = 'listed';
        p.campaigns[0].participants[1].relation = 'joined';
        p.campaigns[0].sources[0].kind = 'other';
        delete p.campaigns[0].sources[1].kind;
        delete p.campaigns[0].events[0].sources;
        p.campaigns[0].demands[1].sources = ['S2', 'S1'];
      }),
    ];
    for (const pack of valid) {
      expect(validateFast(pack)).toBe(true);
      expect(issuesOf(pack)).toEqual([]);
    }
  });

  it('reports a problem once even when several schema branches fail on it', () => {
    // The date's two alternatives and the anyOf that joins them all fail here.
    validateAll({ ...full(), updatedAt: 'soon' });
    expect(validateAll.errors!.length).toBeGreaterThan(1);
    expect(issuesOf({ ...full(), updatedAt: 'soon' })).toEqual([`/updatedAt: ${DATE_RULE}`]);
  });
});

// ajv-formats is CommonJS; its default export arrives wrapped depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

describe('the published schema, read by another tool', () => {
  // Another tool validating packs compiles the schema itself, with formats.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  const schemaAccepts = ajv.compile(read('schema/picket-pack-1.schema.json') as object);

  it('accepts the bundled pack and rejects the broken sample files', () => {
    expect(schemaAccepts(read('packs/stophateforprofit-2020.json'))).toBe(true);
    expect(schemaAccepts(read('tests/data/packs/bad-handle.json'))).toBe(false);
    expect(schemaAccepts(read('tests/data/packs/bad-many.json'))).toBe(false);
  });

  it.each(structural)('rejects %s too', (_name, make) => {
    expect(schemaAccepts(make())).toBe(false);
  });

  /** Rules only validate.ts can check: a schema accepts these, the validator must not. */
  const beyondSchema: [string, () => unknown, string][] = [
    [
      'duplicate participant id',
      () => mutate((p) => (p.campaigns[0].participants[1].id = P(p).id)),
      '/campaigns/0/participants/1/id: duplicate participant id "ana-tenant"',
    ],
    [
      'duplicate campaign id',
      () => mutate((p) => p.campaigns.push(p.campaigns[0])),
      '/campaigns/1/id: duplicate campaign id "rent-strike-2026"',
    ],
    [
      'dangling source ref',
      () => mutate((p) => (P(p).sources = ['S999'])),
      `${P0}/sources/0: source "S999" is not listed in this campaign's sources`,
    ],
    [
      'dangling event ref',
      () => mutate((p) => (P(p).actions[0].event = 'nope')),
      `${P0}/actions/0/event: event "nope" is not an event of this campaign`,
    ],
    [
      'dangling demand source ref',
      () => mutate((p) => (p.campaigns[0].demands[1].sources = ['S1', 'S9'])),
      `/campaigns/0/demands/1/sources/1: source "S9" is not listed in this campaign's sources`,
    ],
    [
      'dangling event source ref',
      () => mutate((p) => (p.campaigns[0].events[2].sources = ['gone'])),
      `/campaigns/0/events/2/sources/0: source "gone" is not listed in this campaign's sources`,
    ],
    [
      'mailto address longer than an address can be',
      () =>
        mutate(
          (p) =>
            (p.publisher.corrections = `mailto:${'a'.repeat(64)}@${'b'.repeat(60)}.${'c.'.repeat(70)}org`),
        ),
      `/publisher/corrections: ${CORRECTIONS_RULE}`,
    ],
    [
      'unknown time zone',
      () => mutate((p) => (p.campaigns[0].events[0].timeZone = 'Mars/Base')),
      '/campaigns/0/events/0/timeZone: not an IANA time zone (like America/New_York)',
    ],
    [
      'end before start',
      () => mutate((p) => (p.campaigns[0].events[0].end = '2020-01-01')),
      '/campaigns/0/events/0/end: ends before it starts',
    ],
  ];

  it.each(beyondSchema)('leaves "%s" to validate.ts', (_name, make, expected) => {
    const sample = make();
    expect(schemaAccepts(sample)).toBe(true);
    expect(validateFast(sample)).toBe(true);
    expect(issuesOf(sample)).toEqual([expected]);
  });
});
