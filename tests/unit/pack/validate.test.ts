import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packStats, validatePack, validatePackText } from '../../../core/pack/validate';
import { PACK_LIMITS, formatIssues } from '../../../core/pack/validate-issues';
import type { PackResult } from '../../../core/pack/types';

const dataDir = resolve(import.meta.dirname, '../../data/packs');
const readPack = (name: string) => readFileSync(resolve(dataDir, name), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary shapes
type Loose = any;
const fullPack = (): Loose => JSON.parse(readPack('good-full.json'));

function issuesOf(result: PackResult): string[] {
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

/** Mutates a copy of the full good pack and returns the problems found. */
function problemsAfter(mutate: (pack: Loose) => void): string[] {
  const pack = fullPack();
  mutate(pack);
  return issuesOf(validatePack(pack));
}

const P0 = '/campaigns/0/participants/0';

describe('validatePack: valid packs', () => {
  it('accepts the minimal and the full sample pack', () => {
    for (const name of ['good-minimal.json', 'good-full.json']) {
      const result = validatePackText(readPack(name));
      expect(issuesOf(result)).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it('returns the pack and counts it with packStats', () => {
    const result = validatePack(fullPack());
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.pack.id).toBe('test-full-pack');
    expect(packStats(result.pack)).toEqual({
      campaigns: 1,
      participants: 2,
      accounts: 3,
      events: 3,
    });
  });

  it('accepts a leading byte-order mark', () => {
    expect(validatePackText('\uFEFF' + readPack('good-minimal.json')).ok).toBe(true);
  });
});

describe('validatePack: what it rejects, with JSON paths', () => {
  it('reports an invalid Instagram handle at its exact path', () => {
    expect(issuesOf(validatePackText(readPack('bad-handle.json')))).toEqual([
      `${P0}/accounts/0/handle: not a valid Instagram username`,
    ]);
  });

  it('rejects invalid JSON, non-objects and a wrong format', () => {
    expect(issuesOf(validatePackText(readPack('not-json.txt')))[0]).toMatch(/^: not valid JSON/);
    expect(issuesOf(validatePack([]))).toEqual([': a pack must be a JSON object, not a list']);
    expect(issuesOf(validatePack(null))).toEqual([': a pack must be a JSON object, not null']);
    expect(problemsAfter((p) => (p.format = 'picket-pack/2'))).toEqual([
      '/format: must be "picket-pack/1" (this version of Picket reads format 1 only)',
    ]);
  });

  it('rejects unknown top-level keys, even x- ones, and unknown nested keys unless x-', () => {
    expect(problemsAfter((p) => (p['x-top'] = 1))).toEqual(['/x-top: unknown key "x-top"']);
    expect(problemsAfter((p) => (p.campaigns[0].participants[0].nickname = 'a'))).toEqual([
      `${P0}/nickname: unknown key "nickname" (extensions must start with "x-")`,
    ]);
    expect(problemsAfter((p) => (p.campaigns[0].sources[0]['x-archived'] = 'yes'))).toEqual([]);
  });

  it('reports missing required keys', () => {
    expect(problemsAfter((p) => delete p.campaigns[0].participants[0].role)).toEqual([
      `${P0}/role: missing required key "role"`,
    ]);
    expect(problemsAfter((p) => delete p.publisher)).toEqual([
      '/publisher: missing required key "publisher"',
    ]);
  });

  it('checks handles per platform', () => {
    const account = (a: object) =>
      problemsAfter((p) => (p.campaigns[0].participants[0].accounts = [a]));
    expect(account({ platform: 'instagram', handle: 'a'.repeat(31) })).toEqual([
      `${P0}/accounts/0/handle: not a valid Instagram username`,
    ]);
    expect(account({ platform: 'instagram', numericId: '123456' })).toEqual([
      `${P0}/accounts/0/handle: an Instagram account needs a handle`,
      `${P0}/accounts/0/numericId: numericId is only for Facebook accounts`,
    ]);
    expect(account({ platform: 'facebook', handle: 'abcd' })).toEqual([
      `${P0}/accounts/0/handle: not a valid Facebook username`,
    ]);
    expect(account({ platform: 'facebook', handle: '1234567' })[0]).toMatch(/cannot be all digits/);
    expect(account({ platform: 'facebook', numericId: '12' })).toEqual([
      `${P0}/accounts/0/numericId: not a valid Facebook numeric id (5–20 digits, as text)`,
    ]);
    expect(account({ platform: 'facebook', numericId: 1234567 })).toHaveLength(1);
    expect(account({ platform: 'facebook' })).toEqual([
      `${P0}/accounts/0: a Facebook account needs a handle or a numericId`,
    ]);
    expect(account({ platform: 'twitter', handle: 'abc' })).toEqual([
      `${P0}/accounts/0/platform: must be instagram or facebook`,
    ]);
    expect(
      account({ platform: 'facebook', handle: 'Some.Page-1', numericId: '100012345' }),
    ).toEqual([]);
  });

  it('requires at least one account and one source per participant', () => {
    expect(
      problemsAfter((p) => {
        p.campaigns[0].participants[0].accounts = [];
        p.campaigns[0].participants[0].sources = [];
      }),
    ).toEqual([
      `${P0}/accounts: must list at least 1`,
      `${P0}/sources: must list at least one source`,
    ]);
  });

  it('rejects duplicate ids within a campaign and across campaigns', () => {
    expect(
      problemsAfter((p) => {
        const c = p.campaigns[0];
        c.participants[1].id = c.participants[0].id;
        c.events[1].id = 'strike-day';
        c.sources[1].id = 'S1';
        c.demands[1].id = 'repairs';
        p.campaigns.push({ ...c, participants: [], events: [], demands: [] });
      }),
    ).toEqual([
      '/campaigns/0/sources/1/id: duplicate source id "S1"',
      '/campaigns/0/events/1/id: duplicate event id "strike-day"',
      // S2 was renamed to S1 above, so references to it no longer resolve.
      '/campaigns/0/events/0/sources/1: source "S2" is not listed in this campaign\'s sources',
      '/campaigns/0/demands/1/id: duplicate demand id "repairs"',
      '/campaigns/0/participants/1/sources/0: source "S2" is not listed in this campaign\'s sources',
      '/campaigns/0/participants/1/id: duplicate participant id "ana-tenant"',
      '/campaigns/1/id: duplicate campaign id "rent-strike-2026"',
      '/campaigns/1/sources/1/id: duplicate source id "S1"',
    ]);
  });

  it('names every repeated participant after the first', () => {
    const pack = fullPack();
    const [first, second] = pack.campaigns[0].participants;
    pack.campaigns[0].participants = [first, second, { ...first }, { ...second }, { ...first }];
    expect(issuesOf(validatePack(pack))).toEqual([
      '/campaigns/0/participants/2/id: duplicate participant id "ana-tenant"',
      '/campaigns/0/participants/3/id: duplicate participant id "corner-bakery"',
      '/campaigns/0/participants/4/id: duplicate participant id "ana-tenant"',
    ]);
  });

  it('rejects references to unknown events and sources', () => {
    expect(
      problemsAfter((p) => {
        const participant = p.campaigns[0].participants[0];
        participant.actions[0].event = 'no-such-event';
        participant.actions[0].sources = ['S404'];
        participant.sources = ['S1', 'S405'];
      }),
    ).toEqual([
      `${P0}/actions/0/event: event "no-such-event" is not an event of this campaign`,
      `${P0}/actions/0/sources/0: source "S404" is not listed in this campaign's sources`,
      `${P0}/sources/1: source "S405" is not listed in this campaign's sources`,
    ]);
  });

  it.each([
    'http://example.com/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\u0001https://example.com/',
    ' https://example.com/',
    'https://exa mple.com/',
    'HTTPS://example.com/',
    'https://facebook.com@evil.example/',
    'https://',
    'data:text/html,hi',
  ])('rejects the URL %j', (url) => {
    expect(problemsAfter((p) => (p.campaigns[0].sources[0].url = url))).toEqual([
      '/campaigns/0/sources/0/url: not an https:// URL',
    ]);
  });

  it('limits text fields to 2,000 characters (code points)', () => {
    expect(problemsAfter((p) => (p.campaigns[0].summary = 'a'.repeat(2000)))).toEqual([]);
    expect(problemsAfter((p) => (p.campaigns[0].summary = '😀'.repeat(2000)))).toEqual([]);
    expect(problemsAfter((p) => (p.campaigns[0].summary = 'a'.repeat(2001)))).toEqual([
      '/campaigns/0/summary: longer than 2,000 characters',
    ]);
  });

  it('rejects text over 10 MB (UTF-8 bytes) before parsing', () => {
    const pack = fullPack();
    pack.publisher['x-padding'] = 'é'.repeat(PACK_LIMITS.maxBytes / 2);
    const text = JSON.stringify(pack);
    expect(text.length).toBeLessThan(PACK_LIMITS.maxBytes); // only the byte count is over
    expect(issuesOf(validatePackText(text))).toEqual([': larger than 10 MB (the limit per pack)']);
    // The same object is accepted by validatePack: the byte limit applies to text only.
    expect(validatePack(pack).ok).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a %s key anywhere', (key) => {
    const deepExtension = `{"a":[{"b":{${JSON.stringify(key)}:{"polluted":true}}}]}`;
    const text = readPack('good-full.json').replace(
      '"x-note": "example extension"',
      `"x-note": ${deepExtension}`,
    );
    expect(issuesOf(validatePackText(text))).toEqual([
      `${P0}/x-note/a/0/b/${key}: forbidden key "${key}"`,
    ]);
    const top = readPack('good-minimal.json').replace('{', `{${JSON.stringify(key)}: {},`);
    expect(issuesOf(validatePackText(top))).toEqual([`/${key}: forbidden key "${key}"`]);
    expect(({} as Loose).polluted).toBeUndefined();
  });

  it('survives 10,000 levels of nesting without overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = readPack('good-minimal.json').replace(
      '"name": "Test publisher"',
      `"name": "Test publisher", "x-deep": ${deep}`,
    );
    const problems = issuesOf(validatePackText(text));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/publisher\/x-deep(\/0)+: nested more than 64 levels deep$/);
  });

  it('checks dates, time zones and the order of start and end', () => {
    const event = (e: object) =>
      problemsAfter((p) => Object.assign(p.campaigns[0].events[0], e)).map((s) =>
        s.replace('/campaigns/0/events/0/', ''),
      );
    expect(event({ start: '2026-02-29', end: '2026-03-01' })).toEqual([
      'start: not a date (YYYY-MM-DD) or an RFC 3339 date-time',
    ]);
    expect(event({ start: '2028-02-29', end: '2028-03-01' })).toEqual([]);
    expect(event({ start: '2026-12-01T25:00:00Z', end: '2026-12-01' })).toHaveLength(1);
    expect(event({ start: '2026-12-01T10:00:00', end: '2026-12-01' })).toHaveLength(1);
    expect(event({ start: '12/01/2026', end: '2026-12-01' })).toHaveLength(1);
    expect(event({ start: '2026-12-01T10:00:00.5+05:30', end: '2026-12-01' })).toEqual([]);
    expect(event({ start: '2026-12-02', end: '2026-12-01' })).toEqual([
      'end: ends before it starts',
    ]);
    expect(
      event({ start: '2026-12-01T10:00:00Z', end: '2026-12-01T09:59:59Z', timeZone: undefined }),
    ).toEqual(['end: ends before it starts']);
    expect(event({ timeZone: 'Mars/Olympus' })).toEqual([
      'timeZone: not an IANA time zone (like America/New_York)',
    ]);
    expect(event({ timeZone: 'America/New_York' })).toEqual([]);
    expect(event({ kind: 'party' })).toEqual([
      'kind: must be one of boycott, action, pause, deadline, other',
    ]);
  });

  it('checks the pack id and version', () => {
    for (const id of ['ab', 'UPPER', 'a_b', 'x'.repeat(65)]) {
      expect(problemsAfter((p) => (p.id = id))).toEqual([
        '/id: not a valid pack id (3–64 of a-z 0-9 -)',
      ]);
    }
    for (const version of [0, -1, 1.5, '2', 4_294_967_296, Number.MAX_SAFE_INTEGER + 1]) {
      expect(problemsAfter((p) => (p.version = version))).toEqual([
        '/version: must be a whole number from 1 to 4,294,967,295',
      ]);
    }
  });

  it('reports every problem of a badly broken pack', () => {
    expect(issuesOf(validatePackText(readPack('bad-many.json')))).toEqual([
      '/extra: unknown key "extra"',
      '/format: must be "picket-pack/1" (this version of Picket reads format 1 only)',
      '/id: not a valid pack id (3–64 of a-z 0-9 -)',
      '/version: must be a whole number from 1 to 4,294,967,295',
      '/updatedAt: not a date (YYYY-MM-DD) or an RFC 3339 date-time',
      '/publisher/url: not an https:// URL',
      '/campaigns/0/events/0/kind: must be one of boycott, action, pause, deadline, other',
      `${P0}/accounts: must list at least 1`,
      `${P0}/sources: must list at least one source`,
      '/campaigns/0/sources/0/url: not an https:// URL',
      // The schema's findings come first, then the rules it cannot express.
      '/campaigns/0/events/0/end: ends before it starts',
      '/campaigns/0/events/0/timeZone: not an IANA time zone (like America/New_York)',
      `${P0}/actions/0/event: event "nope" is not an event of this campaign`,
      `${P0}/actions/0/sources/0: source "S9" is not listed in this campaign's sources`,
    ]);
  });

  it('lists at most 100 problems and counts the rest', () => {
    const pack = fullPack();
    pack.campaigns[0].participants = Array.from({ length: 250 }, (_, i) => ({
      id: `p${i}`,
      name: 'x',
      kind: 'person',
      role: 'participant',
      accounts: [{ platform: 'instagram', handle: 'bad handle' }],
      sources: ['S1'],
    }));
    const result = validatePack(pack);
    if (result.ok) throw new Error('expected problems');
    expect(result.issues).toHaveLength(101);
    expect(result.issues[100]).toEqual({ path: '', message: '…and 150 more problems' });
  });

  it('rejects more than 1,000,000 accounts', () => {
    const pack = fullPack();
    const account = { platform: 'instagram', handle: 'same' };
    const accounts = new Array(PACK_LIMITS.maxAccounts + 1).fill(account);
    pack.campaigns[0].participants[0].accounts = accounts;
    expect(issuesOf(validatePack(pack))).toEqual([
      '/campaigns: more than 1,000,000 accounts (the limit per pack)',
    ]);
  });

  it('never throws on hostile objects', () => {
    const throwing = Object.defineProperty(fullPack(), 'campaigns', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(validatePack(throwing))).toEqual([': the pack could not be read (Error)']);
    const cyclic = fullPack();
    cyclic.publisher['x-self'] = cyclic;
    expect(validatePack(cyclic).ok).toBe(false);
    expect(validatePack(Object.create({ format: 'picket-pack/1' })).ok).toBe(false);
    expect(validatePackText(123 as unknown as string).ok).toBe(false);
    const odd = fullPack();
    odd.publisher['x-odd'] = { f: () => 1, n: Number.NaN, d: new Date(0), ok: [1, 'a', null] };
    expect(issuesOf(validatePack(odd))).toEqual([
      '/publisher/x-odd/f: not a JSON value (function)',
      '/publisher/x-odd/n: not a JSON value (number)',
      '/publisher/x-odd/d: not a JSON value (an object of another kind)',
    ]);
  });
});

describe('validatePack: hand-made objects', () => {
  it('treats a key set to undefined as absent, as the JSON text of the object would', () => {
    const pack = fullPack();
    pack.publisher['x-ext'] = { note: undefined, kept: [1] };
    pack.campaigns[0].participants[0].nickname = undefined;
    pack.campaigns[0].events[0].timeZone = undefined;
    expect(validatePackText(JSON.stringify(pack)).ok).toBe(true);
    const result = validatePack(pack);
    expect(issuesOf(result)).toEqual([]);
    expect(result.ok && result.pack).toBe(pack); // the same object, not the copy it was judged by
    // A required key set to undefined is missing, in the object as in its text.
    delete pack.campaigns[0].participants[0].nickname;
    pack.campaigns[0].participants[0].role = undefined;
    expect(issuesOf(validatePack(pack))).toEqual([`${P0}/role: missing required key "role"`]);
  });

  it('refuses a sparse list of billions of holes quickly', () => {
    const pack = fullPack();
    pack.campaigns[0].sources = new Array(3_000_000_000);
    expect(issuesOf(validatePack(pack))).toContain(
      '/campaigns/0/sources: more than 2,000,000 items',
    );
    const participant = fullPack();
    participant.campaigns[0].participants[0].sources = new Array(3_000_000_000);
    participant.campaigns[0].participants[0]['x-holes'] = new Array(3_000_000_000);
    expect(issuesOf(validatePack(participant))).toEqual([
      `${P0}/sources: more than 2,000,000 items`,
      `${P0}/x-holes: extension value is too large`,
    ]);
  });
});
